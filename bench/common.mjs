// Small helpers shared by the benchmark processes (runner, server child, load child).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const HOST = '127.0.0.1';
/** Benchmark servers bind below the ephemeral range 32768–60999 (machine-limits lesson 5). */
export const PORT_MIN = 20000;
export const PORT_MAX = 32000;
export const PORT_ATTEMPTS = 100;

export function randomPort() {
  return PORT_MIN + Math.floor(Math.random() * (PORT_MAX - PORT_MIN));
}

/**
 * Calls `listenOn(port)` with random ports in 20000–32000 until one binds (never port 0).
 * `listenOn` must reject with an error whose code is EADDRINUSE/EACCES when the port is taken.
 */
export async function bindRandomPort(listenOn) {
  let lastErr;
  for (let i = 0; i < PORT_ATTEMPTS; i++) {
    const port = randomPort();
    try {
      return { port, value: await listenOn(port) };
    } catch (err) {
      if (err && (err.code === 'EADDRINUSE' || err.code === 'EACCES')) {
        lastErr = err;
        continue;
      }
      throw err;
    }
  }
  throw new Error(`no free port in ${PORT_MIN}-${PORT_MAX} after ${PORT_ATTEMPTS} attempts: ${lastErr?.message}`);
}

export function md5Hex(text) {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** A body of exactly `size` ASCII bytes that starts with `tag` and a colon. */
const FILLER = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(64);
export function makeBody(tag, size) {
  const head = `${tag}:`;
  if (head.length >= size) throw new Error(`tag ${tag} too long for a ${size}-byte body`);
  return head + FILLER.slice(0, size - head.length);
}

export function tagOf(body) {
  const i = body.indexOf(':');
  return i < 0 ? undefined : body.slice(0, i);
}

/** Nearest-rank percentile of an unsorted numeric array (sorts a copy). */
export function percentiles(values, ps) {
  const sorted = Float64Array.from(values).sort();
  const out = {};
  for (const p of ps) {
    if (sorted.length === 0) {
      out[p] = NaN;
      continue;
    }
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    out[p] = sorted[rank];
  }
  return out;
}

export function median(values) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** User+system CPU seconds a process has used so far, from /proc (Linux); undefined elsewhere. */
export function procCpuSeconds(pid) {
  return statCpuSeconds(`/proc/${pid}/stat`);
}

function statCpuSeconds(path) {
  try {
    const stat = readFileSync(path, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = 100; // USER_HZ on Linux

/**
 * The same for one thread of a process, by default its main thread (whose id is the process id):
 * a Node server runs JavaScript, SQLite and the HTTP parser there, so this is the figure that
 * bounds its throughput; the rest of the process's CPU is libuv's pool (fsync) and V8's helpers.
 */
export function procThreadCpuSeconds(pid, tid = pid) {
  return statCpuSeconds(`/proc/${pid}/task/${tid}/stat`);
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** CPU seconds the whole machine has spent busy (all cores: user, nice, system, irq, softirq, steal). */
export function machineBusySeconds() {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + (steal || 0)) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Error tally of a load-generator child: counts by kind, keeps the first few messages. */
export class Errors {
  constructor() {
    this.count = 0;
    this.byKind = {};
    this.samples = [];
  }
  add(kind, message) {
    this.count++;
    this.byKind[kind] = (this.byKind[kind] ?? 0) + 1;
    if (this.samples.length < 8) this.samples.push(`${kind}: ${message}`);
  }
  fromCall(err) {
    this.add(err?.kind ?? 'exception', err?.message ?? String(err));
  }
  /** The fields run.mjs reads from a result. */
  report() {
    return { errors: this.count, errorsByKind: this.byKind, errorSamples: this.samples };
  }
}

/**
 * The body of a load-generator child forked by run.mjs: parses the JSON argument, runs `fn(cfg)`,
 * sends {type:'result', result} (a fatal result on an exception) and disconnects. Run by hand
 * (no IPC), it prints the result.
 */
export function runChild(fn) {
  process.on('disconnect', () => process.exit(1));
  const cfg = JSON.parse(process.argv[2] ?? '{}');
  fn(cfg).then(
    (result) => {
      if (process.send) process.send({ type: 'result', result });
      else console.log(JSON.stringify(result, null, 2));
      process.disconnect?.();
    },
    (err) => {
      const result = { fatal: String(err?.stack ?? err), errors: 1, errorsByKind: { fatal: 1 }, errorSamples: [String(err?.message ?? err)] };
      if (process.send) process.send({ type: 'result', result });
      else console.error(err);
      process.disconnect?.();
      process.exitCode = 1;
    },
  );
}

/** Tells run.mjs that the measured window starts or ends (it samples the server's CPU then). */
export function phase(name) {
  process.send?.({ type: 'phase', phase: name, at: Date.now() });
}

/**
 * The warm-up and measured window of a load run: tells run.mjs when it starts and ends and
 * measures this process's CPU inside it. `close()` ends the window early if every loop stopped
 * before it (errors) and returns the CPU used.
 */
export function measurementWindow(warmup, seconds) {
  const measureStart = performance.now() + warmup * 1000;
  const measureEnd = measureStart + seconds * 1000;
  let cpuStart;
  let cpuEnd;
  const startTimer = setTimeout(() => {
    cpuStart = process.cpuUsage();
    phase('measure-start');
  }, measureStart - performance.now());
  const endTimer = setTimeout(() => {
    cpuEnd = process.cpuUsage(cpuStart);
    phase('measure-end');
  }, measureEnd - performance.now());
  return {
    measureStart,
    measureEnd,
    close() {
      clearTimeout(startTimer);
      clearTimeout(endTimer);
      if (!cpuEnd) {
        cpuEnd = process.cpuUsage(cpuStart);
        phase('measure-end');
      }
      return cpuEnd;
    },
  };
}

/** Creates a queue (JSON protocol client) and returns its URL and ARN. */
export async function createQueueWithArn(client, QueueName, Attributes) {
  const out = await client.call('CreateQueue', Attributes ? { QueueName, Attributes } : { QueueName });
  if (typeof out?.QueueUrl !== 'string') throw new Error(`CreateQueue returned no QueueUrl: ${JSON.stringify(out)}`);
  const a = await client.call('GetQueueAttributes', { QueueUrl: out.QueueUrl, AttributeNames: ['QueueArn'] });
  const arn = a?.Attributes?.QueueArn;
  if (typeof arn !== 'string') throw new Error(`GetQueueAttributes returned no QueueArn: ${JSON.stringify(a)}`);
  return { url: out.QueueUrl, arn };
}

/** Visible, in-flight and delayed messages in a queue (GetQueueAttributes). */
export async function queueDepth(client, QueueUrl) {
  const a = await client.call('GetQueueAttributes', {
    QueueUrl,
    AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
  });
  const visible = Number(a.Attributes?.ApproximateNumberOfMessages ?? 0);
  const notVisible = Number(a.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
  const delayed = Number(a.Attributes?.ApproximateNumberOfMessagesDelayed ?? 0);
  return { visible, notVisible, delayed, total: visible + notVisible + delayed };
}

/** A numeric knob from the environment: `fallback` when unset, an error when outside min–max. */
export function envNumber(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max}, got ${raw}`);
  return n;
}

/** A seeded PRNG (mulberry32): returns a function giving floats in [0, 1). */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
