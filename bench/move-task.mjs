// Load-generator child for the SQS dead-letter move-task scenario (forked by run.mjs, one JSON
// argument: endpoint, serverPid, messages, tasks [{label, rate}], runId).
//
// Queues: a dead-letter queue (DLQ), a source queue whose RedrivePolicy names the DLQ (SQS only
// lets a queue that is some queue's DLQ be a move task's source), and one destination queue per
// task. A task's messages are sent straight into the DLQ with SendMessageBatch (they never
// arrived by redrive, so they have no source queue to return to: the task names a
// DestinationArn). Then, per task in turn:
//   1. fill the DLQ with `messages` 1 KiB messages (8 concurrent SendMessageBatch loops);
//   2. StartMessageMoveTask(SourceArn = DLQ, DestinationArn = that task's queue,
//      MaxNumberOfMessagesPerSecond = rate, or none for the system-optimised rate);
//   3. poll ListMessageMoveTasks every `pollMs` until the task is COMPLETED (or FAILED/CANCELLED,
//      or the time bound passes);
//   4. verify: the task reports moved = to move = N, the DLQ is empty, the destination holds exactly
//      N messages, and receiving them all yields each body sent exactly once with the right MD5.
// Figures: messages moved per second from the StartMessageMoveTask reply to the first poll that
// saw COMPLETED (the end is up to `pollMs` late), the steady rate between 10% and 90% progress
// from the polls, the server's CPU over the task (from /proc/<serverPid>/stat), and the fill rate.
import { performance } from 'node:perf_hooks';
import { createQueueWithArn, Errors, machineBusySeconds, makeBody, md5Hex, procCpuSeconds, queueDepth, runChild, sleep, tagOf } from './common.mjs';
import { createRawClient } from './sqs-clients.mjs';

async function fill(client, QueueUrl, task, n, bodyBytes, errors) {
  let next = 0;
  let sent = 0;
  const started = performance.now();
  async function sender() {
    let failures = 0;
    while (next < n && failures < 20) {
      const from = next;
      const count = Math.min(10, n - from);
      next += count;
      const Entries = [];
      for (let k = 0; k < count; k++) Entries.push({ Id: `m${k}`, MessageBody: makeBody(`${task}.${from + k}`, bodyBytes) });
      try {
        const out = await client.call('SendMessageBatch', { QueueUrl, Entries });
        const ok = (out?.Successful ?? []).length;
        if (ok !== count) {
          failures++;
          errors.add('batch-failed', `fill: SendMessageBatch confirmed ${ok} of ${count}: ${JSON.stringify(out?.Failed?.[0] ?? {})}`);
        }
        sent += ok;
      } catch (err) {
        failures++;
        errors.fromCall(err);
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, sender));
  return { sent, seconds: (performance.now() - started) / 1000 };
}

/** Receives everything in the queue once (long visibility, no deletes) and checks the bodies. */
async function verifyDestination(client, QueueUrl, task, n, bodyBytes, errors) {
  const seen = new Uint8Array(n);
  let received = 0;
  let dupes = 0;
  let foreign = 0;
  async function receiver() {
    for (let empty = 0, calls = 0; empty < 2 && calls < n; calls++) {
      const got = await client.call('ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 900 });
      const messages = got?.Messages ?? [];
      if (messages.length === 0) {
        empty++;
        continue;
      }
      empty = 0;
      for (const m of messages) {
        if (typeof m.Body !== 'string' || Buffer.byteLength(m.Body) !== bodyBytes || m.MD5OfBody !== md5Hex(m.Body)) {
          errors.add('invalid', `destination: a message with a wrong body or MD5 (${String(m.Body).slice(0, 40)})`);
          continue;
        }
        const [t, i] = (tagOf(m.Body) ?? '').split('.');
        const idx = Number(i);
        if (t !== task || !(idx >= 0 && idx < n)) {
          foreign++;
          errors.add('invalid', `destination: a body this task never sent (${tagOf(m.Body)})`);
        } else if (seen[idx]) {
          dupes++;
          errors.add('duplicate', `destination: ${task}.${idx} received twice`);
        } else {
          seen[idx] = 1;
          received++;
        }
      }
    }
  }
  await Promise.all(Array.from({ length: 4 }, receiver));
  if (received !== n) errors.add('lost', `destination: ${received} of ${n} distinct bodies received (${dupes} duplicates, ${foreign} foreign)`);
  return { received, dupes, foreign };
}

async function moveTasks(cfg) {
  const { endpoint, serverPid, messages: n = 20_000, bodyBytes = 1024, pollMs = 100, tasks = [] } = cfg;
  const client = createRawClient(endpoint, { maxSockets: 16 });
  const errors = new Errors();
  const results = [];
  try {
    const dlq = await createQueueWithArn(client, `move-dlq-${cfg.runId}`);
    await createQueueWithArn(client, `move-src-${cfg.runId}`, {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 5 }),
    });
    for (const [ti, task] of tasks.entries()) {
      const label = `t${ti}`;
      const dest = await createQueueWithArn(client, `move-dst-${cfg.runId}-${ti}`);
      const filled = await fill(client, dlq.url, label, n, bodyBytes, errors);
      const before = await queueDepth(client, dlq.url);
      if (before.visible !== n) errors.add('consistency', `${task.label}: the DLQ holds ${before.visible} visible messages after the fill, expected ${n}`);

      const input = { SourceArn: dlq.arn, DestinationArn: dest.arn };
      if (task.rate !== undefined) input.MaxNumberOfMessagesPerSecond = task.rate;
      const cpu0 = procCpuSeconds(serverPid);
      const busy0 = machineBusySeconds();
      const own0 = process.cpuUsage();
      const t0 = performance.now();
      const started = await client.call('StartMessageMoveTask', input);
      const tStarted = performance.now();
      if (typeof started?.TaskHandle !== 'string') errors.add('invalid', `StartMessageMoveTask returned no TaskHandle: ${JSON.stringify(started)}`);

      // Poll until the task ends; bounded by 3 × the time the rate allows, plus 30 s.
      const limitMs = ((3 * n) / (task.rate ?? 500)) * 1000 + 30_000;
      const samples = []; // [ms since start, moved]
      let final;
      let tDone;
      while (performance.now() - t0 < limitMs) {
        await sleep(pollMs);
        let entry;
        try {
          const out = await client.call('ListMessageMoveTasks', { SourceArn: dlq.arn, MaxResults: 1 });
          entry = out?.Results?.[0];
        } catch (err) {
          errors.fromCall(err);
          continue;
        }
        const at = performance.now() - t0;
        if (!entry) continue;
        samples.push([at, Number(entry.ApproximateNumberOfMessagesMoved ?? 0)]);
        if (entry.Status !== 'RUNNING' && entry.Status !== 'CANCELLING') {
          final = entry;
          tDone = at;
          break;
        }
      }
      const cpu1 = procCpuSeconds(serverPid);
      const busy1 = machineBusySeconds();
      const own = process.cpuUsage(own0);
      const serverCpuSeconds = cpu1 !== undefined && cpu0 !== undefined ? cpu1 - cpu0 : undefined;
      const clientCpuSeconds = (own.user + own.system) / 1e6;
      // CPU the rest of the machine (other processes, the kernel) used meanwhile: ours subtracted.
      const otherCpuSeconds = busy1 !== undefined && busy0 !== undefined && serverCpuSeconds !== undefined ? Math.max(0, busy1 - busy0 - serverCpuSeconds - clientCpuSeconds) : undefined;
      if (!final) errors.add('timeout', `${task.label}: the task was still running after ${Math.round(limitMs / 1000)} s`);
      else {
        if (final.Status !== 'COMPLETED') errors.add('task', `${task.label}: the task ended ${final.Status} (${final.FailureReason ?? 'no reason given'})`);
        if (Number(final.ApproximateNumberOfMessagesMoved) !== n || Number(final.ApproximateNumberOfMessagesToMove) !== n) {
          errors.add('task', `${task.label}: the task reports ${final.ApproximateNumberOfMessagesMoved} moved of ${final.ApproximateNumberOfMessagesToMove}, expected ${n} of ${n}`);
        }
        if (task.rate !== undefined && Number(final.MaxNumberOfMessagesPerSecond) !== task.rate) {
          errors.add('task', `${task.label}: the task reports MaxNumberOfMessagesPerSecond ${final.MaxNumberOfMessagesPerSecond}, expected ${task.rate}`);
        }
      }

      const dlqAfter = await queueDepth(client, dlq.url);
      const destAfter = await queueDepth(client, dest.url);
      if (dlqAfter.total !== 0) errors.add('consistency', `${task.label}: the DLQ still holds ${dlqAfter.total} messages`);
      if (destAfter.total !== n) errors.add('consistency', `${task.label}: the destination holds ${destAfter.total} messages, expected exactly ${n}`);
      const verified = await verifyDestination(client, dest.url, label, n, bodyBytes, errors);

      // Steady rate: between the polls that first saw ≥ 10% and ≥ 90% moved.
      const a = samples.find(([, m]) => m >= 0.1 * n);
      const b = samples.find(([, m]) => m >= 0.9 * n);
      const steady = a && b && b[0] > a[0] ? ((b[1] - a[1]) / (b[0] - a[0])) * 1000 : NaN;
      const seconds = tDone !== undefined ? tDone / 1000 : NaN;
      results.push({
        label: task.label,
        rate: task.rate,
        messages: n,
        status: final?.Status ?? 'TIMEOUT',
        seconds,
        startCallMs: tStarted - t0,
        movedPerSecond: n / seconds,
        steadyPerSecond: steady,
        polls: samples.length,
        serverCpuSeconds,
        clientCpuSeconds,
        otherCpuSeconds,
        fillSeconds: filled.seconds,
        fillPerSecond: filled.sent / filled.seconds,
        destination: destAfter.total,
        dlqLeft: dlqAfter.total,
        verifiedDistinct: verified.received,
      });
    }
    return { tasks: results, ...errors.report() };
  } finally {
    client.close();
  }
}

runChild(moveTasks);
