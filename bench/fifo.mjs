// Load-generator child for the SQS FIFO scenario (forked by run.mjs, one JSON argument).
//
// One FIFO queue with ContentBasedDeduplication (every body is unique, so nothing is
// deduplicated) and `groups` message groups. `concurrency` loops share it; each repeats
//   SendMessageBatch(10 × bodyBytes, entry k in group g<k mod groups>)
//   → ReceiveMessage(MaxNumberOfMessages 10, SequenceNumber and MessageGroupId asked for)
//   → DeleteMessageBatch(what was received)
// for `warmup` + `seconds`, and counts the messages deleted inside the measured window.
//
// Besides the checks of the standard scenario (status, entry Ids, MD5s, body size, every body one
// we sent and received once, the queue finally holding exactly sent − deleted), FIFO order is
// checked on what is received, in the order the replies arrive (a group's next messages cannot be
// handed out before its previous ones were deleted, and this process deletes only after it has
// read a reply, so that order is the queue's order):
//   - per group, SequenceNumber strictly increases;
//   - per group and sending loop, the loop's own counter strictly increases (a loop sends its next
//     batch only after the previous one was acknowledged, so the queue must keep that order);
//   - the MessageGroupId returned is the one the body was sent with.
// Every violation counts as an error (kind 'order').
import { performance } from 'node:perf_hooks';
import { Errors, makeBody, md5Hex, measurementWindow, percentiles, queueDepth, runChild, sleep, tagOf } from './common.mjs';
import { createRawClient } from './sqs-clients.mjs';

const MAX_ERRORS_PER_LOOP = 50;
const MAX_CYCLES_PER_LOOP = 5_000_000;
const SAMPLE_CAP = 2_000_000;

async function fifo(cfg) {
  const { endpoint, concurrency = 8, seconds = 10, warmup = 2, groups = 10, bodyBytes = 1024, batch = 10 } = cfg;
  const client = createRawClient(endpoint, { maxSockets: Math.max(16, concurrency * 2) });
  try {
    const out = await client.call('CreateQueue', {
      QueueName: `fifo-${cfg.runId}.fifo`,
      Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
    });
    const QueueUrl = out?.QueueUrl;
    if (typeof QueueUrl !== 'string') throw new Error(`CreateQueue returned no QueueUrl: ${JSON.stringify(out)}`);

    const errors = new Errors();
    const seen = new Set();
    const sentPerLoop = new Array(concurrency).fill(0);
    const lastSeqOfGroup = new Map(); // group → BigInt SequenceNumber last received
    const lastCounter = new Map(); // `${loop}/${group}` → counter last received
    const receivedPerGroup = new Array(groups).fill(0);
    const s = {
      sent: 0,
      received: 0,
      deleted: 0,
      measuredMessages: 0,
      measuredCycles: 0,
      receives: 0,
      emptyReceives: 0,
      shortReceives: 0,
      orderViolations: 0,
      maxGroupsPerReceive: 0,
      groupsPerReceiveSum: 0,
    };
    const cycleMs = [];

    const window = measurementWindow(warmup, seconds);
    const { measureStart, measureEnd } = window;

    const orderError = (message) => {
      s.orderViolations++;
      errors.add('order', message);
    };

    function checkReceived(m) {
      if (typeof m.Body !== 'string' || typeof m.ReceiptHandle !== 'string') return 'message without Body or ReceiptHandle';
      if (Buffer.byteLength(m.Body) !== bodyBytes) return `body of ${Buffer.byteLength(m.Body)} bytes, expected ${bodyBytes}`;
      if (m.MD5OfBody !== md5Hex(m.Body)) return 'MD5OfBody does not match Body';
      const tag = tagOf(m.Body);
      const [loop, counter, group] = (tag ?? '').split('.').map(Number);
      if (!(loop >= 0 && loop < concurrency && counter >= 0 && counter < sentPerLoop[loop] && group >= 0 && group < groups)) {
        return `received a body we never sent (${tag})`;
      }
      if (seen.has(tag)) return `received ${tag} twice`;
      seen.add(tag);
      receivedPerGroup[group]++;

      const groupId = m.Attributes?.MessageGroupId;
      if (groupId !== `g${group}`) orderError(`${tag} sent in group g${group} came back with MessageGroupId ${groupId}`);
      let seq;
      try {
        seq = BigInt(m.Attributes?.SequenceNumber ?? 'x');
      } catch {
        orderError(`${tag} has no valid SequenceNumber (${m.Attributes?.SequenceNumber})`);
      }
      if (seq !== undefined) {
        const last = lastSeqOfGroup.get(group);
        if (last !== undefined && seq <= last) orderError(`group g${group}: SequenceNumber ${seq} received after ${last}`);
        if (last === undefined || seq > last) lastSeqOfGroup.set(group, seq);
      }
      const key = `${loop}/${group}`;
      const lastC = lastCounter.get(key);
      if (lastC !== undefined && counter <= lastC) orderError(`group g${group}: loop ${loop}'s message ${counter} received after its ${lastC}`);
      if (lastC === undefined || counter > lastC) lastCounter.set(key, counter);
      return undefined;
    }

    async function loop(i) {
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
          const Entries = [];
          const md5s = new Map();
          for (let k = 0; k < batch; k++) {
            const group = k % groups;
            const body = makeBody(`${i}.${sentPerLoop[i] + k}.${group}`, bodyBytes);
            Entries.push({ Id: `m${k}`, MessageBody: body, MessageGroupId: `g${group}` });
            md5s.set(`m${k}`, md5Hex(body));
          }
          sentPerLoop[i] += batch;
          const sent = await client.call('SendMessageBatch', { QueueUrl, Entries });
          if ((sent?.Failed ?? []).length > 0) await fail('batch-failed', `SendMessageBatch Failed: ${JSON.stringify(sent.Failed[0])}`);
          let good = 0;
          for (const e of sent?.Successful ?? []) {
            if (md5s.get(e.Id) === e.MD5OfMessageBody && typeof e.MessageId === 'string' && typeof e.SequenceNumber === 'string') {
              md5s.delete(e.Id);
              good++;
            }
          }
          if (good !== batch) await fail('invalid', `SendMessageBatch: ${good} of ${batch} entries confirmed with the right Id, MD5 and a SequenceNumber`);
          s.sent += good;

          const got = await client.call('ReceiveMessage', {
            QueueUrl,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 0,
            MessageSystemAttributeNames: ['SequenceNumber', 'MessageGroupId'],
          });
          const messages = got?.Messages ?? [];
          s.receives++;
          if (messages.length === 0) s.emptyReceives++;
          else if (messages.length < 10) s.shortReceives++;
          const groupsHere = new Set();
          const toDelete = [];
          for (const m of messages) {
            const problem = checkReceived(m);
            if (problem) await fail('invalid', `ReceiveMessage: ${problem}`);
            else toDelete.push(m);
            groupsHere.add(m.Attributes?.MessageGroupId);
          }
          if (messages.length > 0) {
            s.groupsPerReceiveSum += groupsHere.size;
            s.maxGroupsPerReceive = Math.max(s.maxGroupsPerReceive, groupsHere.size);
          }
          s.received += toDelete.length;
          if (toDelete.length === 0) continue;

          const del = await client.call('DeleteMessageBatch', {
            QueueUrl,
            Entries: toDelete.map((m, k) => ({ Id: `d${k}`, ReceiptHandle: m.ReceiptHandle })),
          });
          if ((del?.Failed ?? []).length > 0) await fail('batch-failed', `DeleteMessageBatch Failed: ${JSON.stringify(del.Failed[0])}`);
          const ids = new Set((del?.Successful ?? []).map((e) => e.Id));
          let deleted = 0;
          for (let k = 0; k < toDelete.length; k++) if (ids.has(`d${k}`)) deleted++;
          if (deleted !== toDelete.length && (del?.Failed ?? []).length === 0) await fail('invalid', `DeleteMessageBatch confirmed ${deleted} of ${toDelete.length}`);
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
    const windowSeconds = (Math.min(performance.now(), measureEnd) - measureStart) / 1000;

    const depth = await queueDepth(client, QueueUrl);
    if (depth.total !== s.sent - s.deleted) errors.add('consistency', `the queue holds ${depth.total} messages; sent − deleted = ${s.sent - s.deleted}`);

    const backlogProbe = [];
    for (const depth of cfg.backlogProbe ?? []) backlogProbe.push(await probeBacklog(client, depth, groups, bodyBytes, cfg.runId, errors));

    const p = percentiles(cycleMs, [50, 99]);
    return {
      backlogProbe,
      ...s,
      groups,
      receivedPerGroup,
      backlog: depth.total,
      windowSeconds,
      messagesPerSecond: s.measuredMessages / windowSeconds,
      // A cycle whose receive came back empty makes 2 calls, the others 3.
      cycleP50Ms: p[50],
      cycleP99Ms: p[99],
      meanReceived: s.receives ? s.received / s.receives : NaN,
      meanGroupsPerReceive: s.receives - s.emptyReceives ? s.groupsPerReceiveSum / (s.receives - s.emptyReceives) : NaN,
      clientCpuSeconds: cpuEnd ? (cpuEnd.user + cpuEnd.system) / 1e6 : undefined,
      ...errors.report(),
    };
  } finally {
    client.close();
  }
}

/**
 * After the measured run, on fresh queues: the time of one ReceiveMessage(10) + DeleteMessageBatch
 * with `depth` visible messages waiting, on a FIFO queue (`groups` groups) and on a standard queue.
 * Median of PROBES cycles; each takes 10 messages off the front, so the depth stays about the same.
 */
const PROBES = 5;
async function probeBacklog(client, depth, groups, bodyBytes, runId, errors) {
  const out = { depth };
  for (const kind of ['fifo', 'standard']) {
    const fifo = kind === 'fifo';
    const created = await client.call('CreateQueue', {
      QueueName: `probe-${runId}-${depth}${fifo ? '.fifo' : ''}`,
      ...(fifo ? { Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } } : {}),
    });
    const QueueUrl = created.QueueUrl;
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < depth) {
          const from = next;
          next += 10;
          const Entries = Array.from({ length: 10 }, (_, k) => ({
            Id: `m${k}`,
            MessageBody: makeBody(`p.${from + k}`, bodyBytes),
            ...(fifo ? { MessageGroupId: `g${(from + k) % groups}` } : {}),
          }));
          await client.call('SendMessageBatch', { QueueUrl, Entries });
        }
      }),
    );
    const times = [];
    for (let i = 0; i < PROBES; i++) {
      const t = performance.now();
      const got = await client.call('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 });
      const messages = got?.Messages ?? [];
      if (messages.length === 0) {
        errors.add('invalid', `backlog probe: an empty receive from a ${kind} queue holding ${depth} messages`);
        break;
      }
      await client.call('DeleteMessageBatch', { QueueUrl, Entries: messages.map((m, k) => ({ Id: `d${k}`, ReceiptHandle: m.ReceiptHandle })) });
      times.push(performance.now() - t);
    }
    out[`${kind}Ms`] = percentiles(times, [50])[50];
    await client.call('DeleteQueue', { QueueUrl });
  }
  return out;
}

runChild(fifo);
