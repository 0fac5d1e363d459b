// A small Prometheus registry: labelled counters and histograms, rendered in the text format.
export type Labels = Record<string, string>;

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

export function formatLabels(labels: Labels, extra?: Labels): string {
  const all = { ...labels, ...extra };
  const parts = Object.entries(all).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

function key(labels: Labels): string {
  return JSON.stringify(Object.entries(labels));
}

export class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels, n = 1): void {
    const k = key(labels);
    const e = this.values.get(k);
    if (e) e.value += n;
    else this.values.set(k, { labels, value: n });
  }

  render(): string {
    let out = `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} counter\n`;
    for (const { labels, value } of this.values.values()) out += `${this.name}${formatLabels(labels)} ${value}\n`;
    return out;
  }
}

/** Seconds; buckets from 0.5 ms to 25 s, enough for both fast calls and long polls. */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25];

export class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: number[] = LATENCY_BUCKETS,
  ) {}

  observe(labels: Labels, value: number): void {
    const k = key(labels);
    let s = this.series.get(k);
    if (!s) {
      s = { labels, counts: new Array<number>(this.buckets.length).fill(0), sum: 0, count: 0 };
      this.series.set(k, s);
    }
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]! += 1;
    s.sum += value;
    s.count += 1;
  }

  render(): string {
    let out = `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} histogram\n`;
    for (const s of this.series.values()) {
      this.buckets.forEach((b, i) => {
        out += `${this.name}_bucket${formatLabels(s.labels, { le: String(b) })} ${s.counts[i]}\n`;
      });
      out += `${this.name}_bucket${formatLabels(s.labels, { le: '+Inf' })} ${s.count}\n`;
      out += `${this.name}_sum${formatLabels(s.labels)} ${s.sum}\n`;
      out += `${this.name}_count${formatLabels(s.labels)} ${s.count}\n`;
    }
    return out;
  }
}

/** Request counts and latencies per service and operation, observed at the HTTP edge. */
export class RequestMetrics {
  readonly requests = new Counter('tributary_requests_total', 'Requests handled, by service, operation and HTTP status.');
  readonly latency = new Histogram('tributary_request_duration_seconds', 'Time from request to reply, by service and operation.');

  observe(service: string, operation: string, status: number, seconds: number): void {
    this.requests.inc({ service, operation, status: String(status) });
    this.latency.observe({ service, operation }, seconds);
  }

  render(): string {
    return this.requests.render() + this.latency.render();
  }
}
