// Per-queue message counters since start (sent, received, deleted) for /_tributary/metrics.
export interface QueueLabel {
  account: string;
  region: string;
  name: string;
}

export interface QueueCounts {
  sent: number;
  received: number;
  deleted: number;
  emptyReceives: number;
}

export class SqsCounters {
  private readonly byQueue = new Map<string, { label: QueueLabel; counts: QueueCounts }>();

  private entry(q: QueueLabel): QueueCounts {
    const key = `${q.account}\u0000${q.region}\u0000${q.name}`;
    let e = this.byQueue.get(key);
    if (!e) {
      e = { label: { account: q.account, region: q.region, name: q.name }, counts: { sent: 0, received: 0, deleted: 0, emptyReceives: 0 } };
      this.byQueue.set(key, e);
    }
    return e.counts;
  }

  add(q: QueueLabel, what: keyof QueueCounts, n = 1): void {
    this.entry(q)[what] += n;
  }

  get(q: QueueLabel): QueueCounts {
    return { ...this.entry(q) };
  }
}
