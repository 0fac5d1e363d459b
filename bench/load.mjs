// Load-generator child process (forked by run.mjs, so it has a core of its own). One JSON argument
// describes the run; it reports {type:'phase', phase:'measure-start'|'measure-end'} at the edges of
// the measured window (run.mjs samples the server's CPU then) and finally {type:'result', result}.
//
// Scenarios:
//   throughput  `concurrency` loops, each: SendMessageBatch(10 × bodyBytes) → ReceiveMessage(Max 10)
//               → DeleteMessageBatch(what was received), for `warmup` + `seconds`; counts messages
//               deleted inside the measured window. Every reply is checked (status, entry Ids, MD5s,
//               body size, and for Tributary that each body received is one we sent, at most once).
//   latency     one consumer long-polling (WaitTimeSeconds 20) and one producer sending one message
//               at a time, `gapMs` after the previous one arrived; per message, the time from just
//               before SendMessage to the consumer having it. mode 'send' (null server): SendMessage
//               round trip only.
import { performance } from 'node:perf_hooks';
import { Errors, makeBody, md5Hex, measurementWindow, percentiles, phase, sleep, tagOf } from './common.mjs';
import { createRawClient, createSdkClient } from './sqs-clients.mjs';

const cfg = JSON.parse(process.argv[2] ?? '{}');
const MAX_ERRORS_PER_LOOP = 50;
const MAX_CYCLES_PER_LOOP = 5_000_000;
const SAMPLE_CAP = 2_000_000;

process.on('disconnect', () => process.exit(1));

async function createQueues(client, count, prefix) {
  const urls = [];
  for (let i = 0; i < count; i++) {
    const out = await client.call('CreateQueue', { QueueName: `${prefix}-${i}` });
    if (typeof out?.QueueUrl !== 'string') throw new Error(`CreateQueue returned no QueueUrl: ${JSON.stringify(out)}`);
    urls.push(out.QueueUrl);
  }
  return urls;
}

async function throughput(client) {
  const { concurrency, seconds, warmup, batch = 10, bodyBytes = 1024, checkIdentity } = cfg;
  const nQueues = cfg.queueMode === 'shared' ? 1 : concurrency;
  const urls = await createQueues(client, nQueues, `bench-${cfg.runId}`);
  const errors = new Errors();
  const seen = new Set();
  const sentPerLoop = new Array(concurrency).fill(0);
  const s = {
    sent: 0,
    received: 0,
    deleted: 0,
    measuredMessages: 0,
    measuredCycles: 0,
    receives: 0,
    emptyReceives: 0,
    shortReceives: 0,
    duplicates: 0,
    foreign: 0,
  };
  const cycleMs = [];

  const window = measurementWindow(warmup, seconds);
  const { measureStart, measureEnd } = window;

  function checkReceived(m, loop) {
    if (typeof m.Body !== 'string' || typeof m.ReceiptHandle !== 'string') return 'message without Body or ReceiptHandle';
    if (Buffer.byteLength(m.Body) !== bodyBytes) return `body of ${Buffer.byteLength(m.Body)} bytes, expected ${bodyBytes}`;
    if (m.MD5OfBody !== md5Hex(m.Body)) return 'MD5OfBody does not match Body';
    if (!checkIdentity) return undefined;
    const tag = tagOf(m.Body);
    const [l, seq] = (tag ?? '').split('.').map(Number);
    if (!(l >= 0 && l < concurrency && seq >= 0 && seq < sentPerLoop[l])) return `received a body we never sent (${tag})`;
    if (cfg.queueMode !== 'shared' && l !== loop) s.foreign++;
    if (seen.has(tag)) {
      s.duplicates++;
      return `received ${tag} twice`;
    }
    seen.add(tag);
    return undefined;
  }

  async function loop(i) {
    const QueueUrl = urls[i % nQueues];
    let loopErrors = 0;
    const fail = async (kind, message) => {
      errors.add(kind, message);
      loopErrors++;
      await sleep(5);
    };
    for (let c = 0; c < MAX_CYCLES_PER_LOOP && loopErrors < MAX_ERRORS_PER_LOOP; c++) {
      const started = performance.now();
      if (started >= measureEnd) break;
      try {
        // Send
        const Entries = [];
        const md5s = new Map();
        for (let k = 0; k < batch; k++) {
          const body = makeBody(`${i}.${sentPerLoop[i] + k}`, bodyBytes);
          Entries.push({ Id: `m${k}`, MessageBody: body });
          md5s.set(`m${k}`, md5Hex(body));
        }
        sentPerLoop[i] += batch; // counted before the call so a fast receiver never sees an "unknown" body
        const sent = await client.call('SendMessageBatch', { QueueUrl, Entries });
        const ok = sent?.Successful ?? [];
        if ((sent?.Failed ?? []).length > 0) await fail('batch-failed', `SendMessageBatch Failed: ${JSON.stringify(sent.Failed[0])}`);
        let good = 0;
        for (const e of ok) {
          if (md5s.get(e.Id) === e.MD5OfMessageBody && typeof e.MessageId === 'string') {
            md5s.delete(e.Id);
            good++;
          }
        }
        if (good !== batch) await fail('invalid', `SendMessageBatch: ${good} of ${batch} entries confirmed with the right Id and MD5`);
        s.sent += good;

        // Receive
        const got = await client.call('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 });
        const messages = got?.Messages ?? [];
        s.receives++;
        if (messages.length === 0) s.emptyReceives++;
        else if (messages.length < 10) s.shortReceives++;
        const toDelete = [];
        for (const m of messages) {
          const problem = checkReceived(m, i);
          if (problem) await fail('invalid', `ReceiveMessage: ${problem}`);
          else toDelete.push(m);
        }
        s.received += toDelete.length;
        if (toDelete.length === 0) continue;

        // Delete
        const del = await client.call('DeleteMessageBatch', {
          QueueUrl,
          Entries: toDelete.map((m, k) => ({ Id: `d${k}`, ReceiptHandle: m.ReceiptHandle })),
        });
        if ((del?.Failed ?? []).length > 0) await fail('batch-failed', `DeleteMessageBatch Failed: ${JSON.stringify(del.Failed[0])}`);
        const ids = new Set((del?.Successful ?? []).map((e) => e.Id));
        let deleted = 0;
        for (let k = 0; k < toDelete.length; k++) if (ids.has(`d${k}`)) deleted++;
        if (deleted !== toDelete.length && (del?.Failed ?? []).length === 0) {
          await fail('invalid', `DeleteMessageBatch confirmed ${deleted} of ${toDelete.length}`);
        }
        s.deleted += deleted;
        const done = performance.now();
        if (done >= measureStart && done < measureEnd) {
          s.measuredMessages += deleted;
          s.measuredCycles++;
          if (started >= measureStart && cycleMs.length < SAMPLE_CAP) cycleMs.push(done - started);
        }
      } catch (err) {
        errors.fromCall(err);
        loopErrors++;
        await sleep(5);
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, (_, i) => loop(i)));
  const cpuEnd = window.close();
  const windowSeconds = Math.min(performance.now(), measureEnd) - measureStart;

  // What is left in the queues must be exactly what was sent and not deleted.
  let leftover;
  if (cfg.verifyQueues) {
    let left = 0;
    for (const QueueUrl of urls) {
      const a = await client.call('GetQueueAttributes', {
        QueueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
      });
      left +=
        Number(a.Attributes?.ApproximateNumberOfMessages ?? 0) +
        Number(a.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0) +
        Number(a.Attributes?.ApproximateNumberOfMessagesDelayed ?? 0);
    }
    leftover = { inQueues: left, expected: s.sent - s.deleted };
    if (left !== s.sent - s.deleted) errors.add('consistency', `queues hold ${left} messages; sent − deleted = ${s.sent - s.deleted}`);
  }

  const p = percentiles(cycleMs, [50, 99]);
  return {
    ...s,
    queues: nQueues,
    windowSeconds: windowSeconds / 1000,
    messagesPerSecond: s.measuredMessages / (windowSeconds / 1000),
    callsPerSecond: (s.measuredCycles * 3) / (windowSeconds / 1000),
    cycleP50Ms: p[50],
    cycleP99Ms: p[99],
    clientCpuSeconds: cpuEnd ? (cpuEnd.user + cpuEnd.system) / 1e6 : undefined,
    leftover,
    errors: errors.count,
    errorsByKind: errors.byKind,
    errorSamples: errors.samples,
  };
}

async function latency(client) {
  const { messages = 500, warmupMessages = 50, gapMs = 2, bodyBytes = 1024, mode = 'e2e', receiptTimeoutMs = 5000 } = cfg;
  const [QueueUrl] = await createQueues(client, 1, `lat-${cfg.runId}`);
  const errors = new Errors();
  const total = warmupMessages + messages;
  const e2e = [];
  const sendRtt = [];
  const deadline = performance.now() + cfg.maxSeconds * 1000;

  const arrivals = new Map(); // index → resolve(time)
  const deletes = [];
  let stopping = false;
  let consumerDone = Promise.resolve();
  if (mode === 'e2e') {
    consumerDone = (async () => {
      for (let polls = 0; polls < total * 4 + 100 && performance.now() < deadline; polls++) {
        let got;
        try {
          got = await client.call('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 });
        } catch (err) {
          if (stopping) return;
          errors.fromCall(err);
          await sleep(5);
          continue;
        }
        const at = performance.now();
        for (const m of got?.Messages ?? []) {
          if (m.MD5OfBody !== md5Hex(m.Body ?? '')) errors.add('invalid', 'ReceiveMessage: MD5OfBody does not match Body');
          deletes.push(client.call('DeleteMessage', { QueueUrl, ReceiptHandle: m.ReceiptHandle }).catch((err) => errors.fromCall(err)));
          if (m.Body === 'stop') return;
          const idx = Number(tagOf(m.Body));
          const resolve = arrivals.get(idx);
          if (resolve) {
            arrivals.delete(idx);
            resolve(at);
          } else errors.add('invalid', `received message ${idx}, not awaited (duplicate or unknown)`);
        }
      }
    })();
  }

  phase('measure-start');
  const windowStart = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < total && performance.now() < deadline; i++) {
    const body = makeBody(String(i), bodyBytes);
    let arrived;
    if (mode === 'e2e') arrived = new Promise((resolve) => arrivals.set(i, resolve));
    const t0 = performance.now();
    try {
      const out = await client.call('SendMessage', { QueueUrl, MessageBody: body });
      if (out?.MD5OfMessageBody !== md5Hex(body)) errors.add('invalid', 'SendMessage: wrong MD5OfMessageBody');
    } catch (err) {
      errors.fromCall(err);
      arrivals.delete(i);
      await sleep(gapMs);
      continue;
    }
    const tAck = performance.now();
    if (i >= warmupMessages) sendRtt.push(tAck - t0);
    if (mode === 'e2e') {
      let timer;
      const tRecv = await Promise.race([arrived, new Promise((r) => (timer = setTimeout(() => r(undefined), receiptTimeoutMs)))]);
      clearTimeout(timer);
      if (tRecv === undefined) {
        arrivals.delete(i);
        errors.add('lost', `message ${i} not received within ${receiptTimeoutMs} ms`);
      } else if (i >= warmupMessages) e2e.push(tRecv - t0);
    }
    await sleep(gapMs);
  }
  const cpu = process.cpuUsage(cpuStart);
  const windowSeconds = (performance.now() - windowStart) / 1000;
  phase('measure-end');

  if (mode === 'e2e') {
    try {
      await client.call('SendMessage', { QueueUrl, MessageBody: 'stop' });
    } catch (err) {
      errors.fromCall(err);
    }
    let timer;
    const finished = await Promise.race([consumerDone.then(() => true), new Promise((r) => (timer = setTimeout(() => r(false), 5000)))]);
    clearTimeout(timer);
    if (!finished) {
      stopping = true;
      errors.add('lost', 'consumer did not see the stop message');
    }
    await Promise.all(deletes);
  }
  const pe = percentiles(e2e, [50, 90, 99]);
  const ps = percentiles(sendRtt, [50, 90, 99]);
  return {
    mode,
    measured: mode === 'e2e' ? e2e.length : sendRtt.length,
    e2eP50Ms: pe[50],
    e2eP90Ms: pe[90],
    e2eP99Ms: pe[99],
    e2eMaxMs: e2e.length ? Math.max(...e2e) : NaN,
    sendP50Ms: ps[50],
    sendP90Ms: ps[90],
    sendP99Ms: ps[99],
    clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
    windowSeconds,
    errors: errors.count,
    errorsByKind: errors.byKind,
    errorSamples: errors.samples,
  };
}

async function main() {
  const opts = { maxSockets: Math.max(16, (cfg.concurrency ?? 1) * 2) };
  const client = cfg.client === 'sdk' ? await createSdkClient(cfg.endpoint, opts) : createRawClient(cfg.endpoint, opts);
  try {
    const result = cfg.scenario === 'latency' ? await latency(client) : await throughput(client);
    if (process.send) process.send({ type: 'result', result });
    else console.log(JSON.stringify(result, null, 2)); // run by hand, without run.mjs
  } finally {
    client.close();
  }
}

main().then(
  () => process.disconnect?.(),
  (err) => {
    process.send?.({ type: 'result', result: { fatal: String(err?.stack ?? err), errors: 1, errorsByKind: { fatal: 1 }, errorSamples: [String(err?.message ?? err)] } });
    process.disconnect?.();
    process.exitCode = 1;
  },
);
