// `npm run soak`: a long crash-and-restart soak test of the real server process (not run by CI).
//
// Starts `node packages/server/dist/cli/main.js start` (durable, default sync=full) on a random
// loopback port in 20000–32000 with a fresh temporary data dir, runs a mixed workload over raw
// HTTP, and every SOAK_KILL_EVERY seconds (with jitter) kills the server with SIGKILL — about one
// time in five with SIGTERM instead, which must exit 0 within 10 s — and restarts it on the same
// data dir. Workload loops (each records every acknowledged write):
//   sqs-std   SendMessageBatch (10) → ReceiveMessage (long poll) → DeleteMessageBatch, 2 standard queues
//   sqs-fifo  the same on a FIFO queue; each loop owns 4 message groups, bodies carry a per-group sequence
//   sns       Publish / PublishBatch to a standard topic with 3 SQS subscriptions (raw delivery);
//             one consumer loop per subscribed queue receives and deletes
//   sfn       StartExecution of a Standard state machine: Pass → Wait 2 s → Map of 3 items (Pass →
//             Wait 1 s each) → Succeed
// At the end: stops the load, kills the server once more (SIGKILL) and restarts it, drains every
// queue, waits for every execution, and checks:
//   - no loss: every acknowledged SQS send (standard, FIFO) and every acknowledged SNS publish
//     (in each of the 3 subscribed queues) was received at least once, during the run or the drain;
//   - no resurrection: no message was received by a ReceiveMessage sent after its delete was
//     acknowledged (only deletes that used the message's latest receipt handle within its
//     visibility timeout count: a stale handle may legitimately not delete, as on AWS);
//   - FIFO order: in each message group, first deliveries come in send order;
//   - integrity: every body received is one this run sent (acknowledged or in doubt), MD5 correct;
//     queues are empty after the drain;
//   - Step Functions: every acknowledged StartExecution exists and SUCCEEDED, its history has ids
//     1..n with no gap, one ExecutionStarted, ends with ExecutionSucceeded, and each state was
//     entered exactly as often as the definition says (no state run twice); executions whose start
//     was in doubt are checked the same way if they exist; no unknown execution exists;
//   - each SIGTERM exited 0 within 10 s; no errors outside the kill/restart windows.
// Prints a summary and exits 1 on any violation. Knobs (environment):
//   SOAK_SECONDS=300       length of the loaded phase, seconds
//   SOAK_KILL_EVERY=20     mean seconds between kills (each interval uniform in 0.5×–1.5×)
//   SOAK_CONCURRENCY=2     loops per workload kind (sqs-std, sqs-fifo, sns publishers, sfn)
//   SOAK_SEED=<random>     seed of the kill schedule and signal choice (printed; load timing is not seeded)
//   SOAK_KEEP_DATA=0       1: keep the data dir and server log (for a bug report) instead of removing them
// See docs/benchmarks.md ("Soak test").
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createQueueWithArn, envNumber, HOST, md5Hex, percentiles, queueDepth, randomPort, seededRandom, sleep } from './common.mjs';
import { createSfnRawClient } from './sfn-client.mjs';
import { createSnsRawClient, xmlSection, xmlText, xmlTexts } from './sns-client.mjs';
import { createRawClient } from './sqs-clients.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CLI = join(here, '..', 'packages', 'server', 'dist', 'cli', 'main.js');

const SECONDS = envNumber('SOAK_SECONDS', 300, 5, 7 * 24 * 3600);
const KILL_EVERY = envNumber('SOAK_KILL_EVERY', 20, 1, 24 * 3600);
const CONCURRENCY = Math.round(envNumber('SOAK_CONCURRENCY', 2, 1, 64));
const SEED = Math.round(envNumber('SOAK_SEED', Math.floor(Math.random() * 2 ** 31), 0, 2 ** 32 - 1));
const KEEP_DATA = process.env.SOAK_KEEP_DATA === '1';

const VISIBILITY = 5; // seconds, for messages received by the load loops
const WAIT_SECONDS = 1; // long poll of the load loops
const PAUSE_MS = 10; // between cycles of one loop (a soak, not a throughput run)
const BACKLOG = 500; // a queue's loops receive at full speed while more acknowledged messages than this are undeleted
const SFN_PAUSE_MS = 250;
const ABANDON = 0.05; // share of receives whose messages are not deleted
const SIGTERM_EVERY = 5; // about one stop in five is a SIGTERM
const SIGTERM_LIMIT_MS = 10_000;
const READY_TIMEOUT_MS = 60_000;
const SNS_SUBSCRIPTIONS = 3;
const FIFO_GROUPS_PER_LOOP = 4;
const ROLE = 'arn:aws:iam::000000000000:role/tributary-soak';
const RUN = Date.now().toString(36);

const DEFINITION = {
  Comment: 'soak: a short Wait and a Map',
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Result: [1, 2, 3], ResultPath: '$.items', Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: 2, Next: 'Fan' },
    Fan: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 0,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Double',
        States: {
          Double: { Type: 'Pass', Next: 'Nap' },
          Nap: { Type: 'Wait', Seconds: 1, End: true },
        },
      },
      ResultPath: '$.fanned',
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};
/** How often each state is entered in one execution. */
const EXPECTED_ENTERED = { Prepare: 1, Pause: 1, Fan: 1, Double: 3, Nap: 3, Done: 1 };

// ---------------------------------------------------------------------------------------------
// The server process: start, health, kill, restart.

const rand = seededRandom(SEED);
const dataDir = mkdtempSync(join(os.tmpdir(), 'tributary-soak-'));
const logPath = join(dataDir, 'server.log');
const store = join(dataDir, 'data');

const srv = {
  child: undefined,
  port: randomPort(),
  endpoint: undefined,
  epoch: 0, // incremented when a stop begins: a call that fails across an epoch change failed because of it
  up: false,
  upWaiters: [],
  sqs: undefined,
  sns: undefined,
  sfn: undefined,
};

function healthOnce(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: HOST, port, path: '/_tributary/health', agent: false, timeout: 1000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
      res.on('error', () => resolve(false));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
  });
}

function logTail(lines = 30) {
  try {
    return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Spawns the CLI on srv.port (a new random port if that one is taken) and waits for health. Returns ms until healthy. */
async function startServer() {
  for (let attempt = 0; attempt < 20; attempt++) {
    const t0 = performance.now();
    const fd = openSync(logPath, 'a');
    const child = spawn(process.execPath, [CLI, 'start', '--port', String(srv.port), '--data-dir', store, '--log-level', 'warn'], {
      stdio: ['ignore', fd, fd],
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TRIBUTARY_'))),
    });
    closeSync(fd);
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.exitedInfo = undefined;
    exited.then((e) => (child.exitedInfo = e));
    child.exited = exited;
    srv.child = child;
    while (performance.now() - t0 < READY_TIMEOUT_MS) {
      if (child.exitedInfo) break;
      if (await healthOnce(srv.port)) {
        srv.endpoint = `http://${HOST}:${srv.port}`;
        for (const c of [srv.sqs, srv.sns, srv.sfn]) c?.close();
        srv.sqs = createRawClient(srv.endpoint, { maxSockets: 64 });
        srv.sns = createSnsRawClient(srv.endpoint, { maxSockets: 32 });
        srv.sfn = createSfnRawClient(srv.endpoint, { maxSockets: 32 });
        srv.up = true;
        for (const w of srv.upWaiters.splice(0)) w();
        return performance.now() - t0;
      }
      await sleep(25);
    }
    if (!child.exitedInfo) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`server not healthy within ${READY_TIMEOUT_MS} ms\n${logTail()}`);
    }
    const tail = logTail(10);
    if (/EADDRINUSE/.test(tail)) {
      srv.port = randomPort();
      continue;
    }
    throw new Error(`server exited (${JSON.stringify(child.exitedInfo)}) before it was healthy\n${tail}`);
  }
  throw new Error('no free port found for the server');
}

/** Marks the server down (new epoch) and signals it; resolves with {exit, ms}. */
async function stopServer(signal) {
  srv.up = false;
  srv.epoch++;
  const child = srv.child;
  const t0 = performance.now();
  child.kill(signal); // by PID: only the process this script started
  let timer;
  const limit = new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), SIGTERM_LIMIT_MS)));
  let exit = await Promise.race([child.exited, limit]);
  clearTimeout(timer);
  const ms = performance.now() - t0;
  if (!exit) {
    child.kill('SIGKILL');
    await child.exited;
  }
  return { exit, ms };
}

function waitUp() {
  return srv.up ? Promise.resolve() : new Promise((resolve) => srv.upWaiters.push(resolve));
}

// ---------------------------------------------------------------------------------------------
// Bookkeeping.

const ops = {}; // kind → {ok, failedInKill, unexpected}
const unexpectedSamples = [];
function op(kind, outcome) {
  const o = (ops[kind] ??= { ok: 0, failedInKill: 0, unexpected: 0 });
  o[outcome]++;
}

/**
 * Runs `fn(clients)` as one call of kind `kind`: waits for the server first; on failure, counts
 * the error as expected if a stop began since the call started (or the server is down), and as
 * unexpected otherwise. Returns {ok, value} or {ok: false, expected}.
 */
async function call(kind, fn) {
  await waitUp();
  const epoch = srv.epoch;
  try {
    const value = await fn(srv);
    op(kind, 'ok');
    return { ok: true, value };
  } catch (err) {
    const expected = srv.epoch !== epoch || !srv.up;
    op(kind, expected ? 'failedInKill' : 'unexpected');
    if (!expected && unexpectedSamples.length < 10) unexpectedSamples.push(`${kind}: ${err?.message ?? err}`);
    if (!expected) await sleep(100);
    return { ok: false, expected };
  }
}

const queues = []; // {name, kind: 'std'|'fifo'|'sns', url, arn, msgs: Map tag → rec}
const violations = [];
function violation(check, detail) {
  violations.push({ check, detail });
}

/** rec: {acked, inDoubt, group, seq, receives, firstAt, handle, receivedSentAt, deleteAckedAt} */
function attempt(q, tag, extra = {}) {
  const rec = { acked: false, receives: 0, ...extra };
  q.msgs.set(tag, rec);
  return rec;
}

const fifoOrder = new Map(); // group → seqs in first-delivery order
const stats = { foreign: 0, badMd5: 0, redeliveries: 0, resurrected: 0, staleDeletes: 0, deleteEntriesFailed: 0, abandoned: 0 };

/** Records the messages of one ReceiveMessage reply (request sent at `sentAt`). */
function received(q, messages, sentAt) {
  for (const m of messages) {
    const tag = typeof m.Body === 'string' ? m.Body.slice(0, m.Body.indexOf(':')) : undefined;
    const rec = tag !== undefined ? q.msgs.get(tag) : undefined;
    if (!rec) {
      stats.foreign++;
      violation('integrity', `${q.name}: received a body this run never sent: ${String(m.Body).slice(0, 80)}`);
      continue;
    }
    if (m.MD5OfBody !== md5Hex(m.Body)) {
      stats.badMd5++;
      violation('integrity', `${q.name}: ${tag}: MD5OfBody ${m.MD5OfBody} does not match the body`);
    }
    if (rec.deleteAckedAt !== undefined && sentAt > rec.deleteAckedAt) {
      stats.resurrected++;
      violation(
        'no resurrection',
        `${q.name}: ${tag} (MessageId ${m.MessageId}) received by a ReceiveMessage sent ${(sentAt - rec.deleteAckedAt).toFixed(0)} ms after its delete was acknowledged (server epoch now ${srv.epoch})`,
      );
    }
    if (rec.receives === 0) {
      rec.firstAt = sentAt;
      if (q.kind === 'fifo') {
        const list = fifoOrder.get(rec.group) ?? [];
        list.push(rec.seq);
        fifoOrder.set(rec.group, list);
      }
    } else stats.redeliveries++;
    rec.receives++;
    rec.handle = m.ReceiptHandle;
    rec.receivedSentAt = sentAt;
  }
}

/**
 * Receives up to `max` messages from `q` and deletes them (unless `abandon`: then they come back
 * after the visibility timeout, like a consumer that crashed); returns how many were received, or
 * -1 when the receive failed.
 */
async function receiveAndDelete(q, { wait = WAIT_SECONDS, visibility = VISIBILITY, kind = 'sqs', max = 10, abandon = false } = {}) {
  const sentAt = performance.now();
  const r = await call(`${kind} ReceiveMessage`, (s) =>
    s.sqs.call('ReceiveMessage', {
      QueueUrl: q.url,
      MaxNumberOfMessages: max,
      WaitTimeSeconds: wait,
      VisibilityTimeout: visibility,
      MessageSystemAttributeNames: ['All'],
    }),
  );
  if (!r.ok) return -1;
  const messages = r.value?.Messages ?? [];
  received(q, messages, sentAt);
  if (messages.length === 0) return 0;
  if (abandon) {
    stats.abandoned += messages.length;
    return messages.length;
  }
  const entries = messages.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle }));
  const d = await call(`${kind} DeleteMessageBatch`, (s) => s.sqs.call('DeleteMessageBatch', { QueueUrl: q.url, Entries: entries }));
  if (d.ok) {
    const ackAt = performance.now();
    const failed = d.value?.Failed ?? [];
    stats.deleteEntriesFailed += failed.length;
    for (const s of d.value?.Successful ?? []) {
      const m = messages[Number(String(s.Id).slice(1))];
      const tag = m?.Body?.slice(0, m.Body.indexOf(':'));
      const rec = tag !== undefined ? q.msgs.get(tag) : undefined;
      if (!rec) continue;
      // Only a delete with the latest receipt handle, inside the visibility timeout, must delete.
      if (rec.handle === m.ReceiptHandle && ackAt - rec.receivedSentAt < visibility * 1000 - 500) {
        if (rec.deleteAckedAt === undefined && rec.acked) q.outstanding--;
        rec.deleteAckedAt ??= ackAt;
      } else stats.staleDeletes++;
    }
  }
  return messages.length;
}

// ---------------------------------------------------------------------------------------------
// Workload loops.

let stopping = false;
let bodySerial = 0;
const bodyOf = (tag) => `${tag}:${'x'.repeat(40 + (bodySerial++ % 200))}`;

async function sqsLoop(q, loop, fifo) {
  let n = 0;
  let groupTurn = 0;
  const seqs = new Array(FIFO_GROUPS_PER_LOOP).fill(0);
  while (!stopping) {
    const g = groupTurn++ % FIFO_GROUPS_PER_LOOP;
    const group = `g${loop}-${g}`;
    const batch = [];
    for (let k = 0; k < 10; k++) {
      const tag = fifo ? `f${loop}.${n++}.${group}.${seqs[g]}` : `s${loop}.${n++}`;
      const body = bodyOf(tag);
      const entry = { Id: `e${k}`, MessageBody: body };
      if (fifo) {
        entry.MessageGroupId = group;
        entry.MessageDeduplicationId = tag;
      }
      batch.push({ tag, body, entry, rec: attempt(q, tag, fifo ? { group, seq: seqs[g]++ } : {}) });
    }
    const kind = fifo ? 'sqs-fifo' : 'sqs-std';
    const r = await call(`${kind} SendMessageBatch`, (s) => s.sqs.call('SendMessageBatch', { QueueUrl: q.url, Entries: batch.map((b) => b.entry) }));
    if (r.ok) {
      for (const s of r.value?.Successful ?? []) {
        const b = batch[Number(String(s.Id).slice(1))];
        if (!b) continue;
        if (s.MD5OfMessageBody !== md5Hex(b.body)) violation('integrity', `${q.name}: ${b.tag}: MD5OfMessageBody at send is wrong`);
        b.rec.acked = true;
        b.rec.messageId = s.MessageId;
        q.outstanding++;
      }
      for (const f of r.value?.Failed ?? []) op(`${kind} SendMessageBatch entry failed: ${f.Code}`, 'unexpected');
    }
    for (const b of batch) if (!b.rec.acked) b.rec.inDoubt = true;
    // Fewer than sent on average (1–10), so a backlog builds up and lives through the kills;
    // now and then the messages are left undeleted (redelivered after the visibility timeout).
    const behind = q.outstanding > BACKLOG;
    await receiveAndDelete(q, { kind, max: behind ? 10 : 1 + ((n / 10) % 10), abandon: !behind && Math.random() < ABANDON });
    if (behind) await receiveAndDelete(q, { kind });
    await sleep(PAUSE_MS);
  }
}

let topicArn;
async function snsPublisher(loop) {
  const snsQueues = queues.filter((q) => q.kind === 'sns');
  let n = 0;
  for (let turn = 0; !stopping; turn++) {
    const size = turn % 2 === 0 ? 1 : 5;
    const items = Array.from({ length: size }, () => {
      const tag = `n${loop}.${n++}`;
      for (const q of snsQueues) attempt(q, tag);
      return { tag, body: bodyOf(tag) };
    });
    let ackedTags = [];
    if (size === 1) {
      const r = await call('sns Publish', (s) => s.sns.call('Publish', { TopicArn: topicArn, Message: items[0].body }));
      if (r.ok && xmlText(r.value, 'MessageId')) ackedTags = [items[0].tag];
    } else {
      const params = { TopicArn: topicArn };
      items.forEach((it, k) => {
        params[`PublishBatchRequestEntries.member.${k + 1}.Id`] = `e${k}`;
        params[`PublishBatchRequestEntries.member.${k + 1}.Message`] = it.body;
      });
      const r = await call('sns PublishBatch', (s) => s.sns.call('PublishBatch', params));
      if (r.ok) {
        const ids = new Set(xmlTexts(xmlSection(r.value, 'Successful') ?? '', 'Id'));
        ackedTags = items.filter((_, k) => ids.has(`e${k}`)).map((it) => it.tag);
        if (ackedTags.length !== size) op('sns PublishBatch entry failed', 'unexpected');
      }
    }
    const acked = new Set(ackedTags);
    for (const it of items)
      for (const q of snsQueues) {
        const rec = q.msgs.get(it.tag);
        if (acked.has(it.tag)) rec.acked = true;
        else rec.inDoubt = true;
      }
    await sleep(PAUSE_MS);
  }
}

async function snsConsumer(q) {
  while (!stopping) {
    const got = await receiveAndDelete(q, { kind: 'sns-sqs', abandon: Math.random() < ABANDON });
    if (got <= 0) await sleep(PAUSE_MS);
  }
}

let machineArn;
const executions = new Map(); // name → {arn, acked}
async function sfnLoop(loop) {
  for (let n = 0; !stopping; n++) {
    const name = `soak-${loop}-${n}`;
    const ex = { acked: false, arn: undefined };
    executions.set(name, ex);
    const r = await call('sfn StartExecution', (s) => s.sfn.call('StartExecution', { stateMachineArn: machineArn, name, input: JSON.stringify({ loop, n }) }));
    if (r.ok) {
      if (typeof r.value?.executionArn === 'string' && r.value.executionArn.endsWith(`:${name}`)) {
        ex.acked = true;
        ex.arn = r.value.executionArn;
      } else violation('sfn', `StartExecution ${name} returned ${JSON.stringify(r.value)}`);
    }
    await sleep(SFN_PAUSE_MS);
  }
}

// ---------------------------------------------------------------------------------------------
// Kills.

const kills = { SIGKILL: 0, SIGTERM: 0 };
const restartMs = []; // spawn → healthy
const outageMs = []; // signal → healthy again
const sigtermMs = [];

async function crashAndRestart(signal) {
  const t0 = performance.now();
  const { exit, ms } = await stopServer(signal);
  kills[signal]++;
  if (signal === 'SIGTERM') {
    sigtermMs.push(ms);
    if (!exit) violation('graceful stop', `SIGTERM: the server had not exited after ${SIGTERM_LIMIT_MS} ms (killed)`);
    else if (exit.code !== 0) violation('graceful stop', `SIGTERM: the server exited with ${JSON.stringify(exit)}, not code 0\n${logTail(10)}`);
  } else if (exit?.signal !== 'SIGKILL') violation('kill', `SIGKILL: unexpected exit ${JSON.stringify(exit)}`);
  restartMs.push(await startServer());
  outageMs.push(performance.now() - t0);
}

async function killer(deadline) {
  while (true) {
    const wait = KILL_EVERY * 1000 * (0.5 + rand());
    const signal = rand() < 1 / SIGTERM_EVERY ? 'SIGTERM' : 'SIGKILL';
    if (performance.now() + wait >= deadline) {
      await sleep(Math.max(0, deadline - performance.now()));
      return;
    }
    await sleep(wait);
    await crashAndRestart(signal);
  }
}

// ---------------------------------------------------------------------------------------------
// Final checks.

async function drainQueue(q) {
  let until = performance.now() + (VISIBILITY + 60) * 1000;
  let empties = 0;
  while (performance.now() < until) {
    const got = await receiveAndDelete(q, { wait: 1, visibility: 60, kind: 'drain' });
    if (got > 0) {
      empties = 0;
      until = Math.max(until, performance.now() + (VISIBILITY + 60) * 1000);
      continue;
    }
    if (++empties >= 2) {
      const depth = await queueDepth(srv.sqs, q.url);
      if (depth.total === 0) return true;
      empties = 0;
      await sleep(500);
    }
  }
  violation('drain', `${q.name}: still not empty ${VISIBILITY + 60} s after the last message drained: ${JSON.stringify(await queueDepth(srv.sqs, q.url))}`);
  return false;
}

function checkQueues() {
  const results = [];
  for (const q of queues) {
    let acked = 0;
    let inDoubt = 0;
    let inDoubtSeen = 0;
    const lost = [];
    for (const [tag, rec] of q.msgs) {
      if (rec.acked) {
        acked++;
        if (rec.receives === 0) lost.push(`${tag}${rec.messageId ? ` (MessageId ${rec.messageId})` : ''}`);
      } else {
        inDoubt++;
        if (rec.receives > 0) inDoubtSeen++;
      }
    }
    if (lost.length > 0) violation('no loss', `${q.name}: ${lost.length} of ${acked} acknowledged messages never received, e.g. ${lost.slice(0, 5).join(', ')}`);
    results.push({ q, acked, inDoubt, inDoubtSeen, lost: lost.length });
  }
  let groups = 0;
  let outOfOrder = 0;
  for (const [group, seqs] of fifoOrder) {
    groups++;
    for (let i = 1; i < seqs.length; i++)
      if (seqs[i] <= seqs[i - 1]) {
        outOfOrder++;
        violation('fifo order', `group ${group}: seq ${seqs[i]} first delivered after seq ${seqs[i - 1]}`);
        break;
      }
  }
  return { results, groups, outOfOrder };
}

async function history(arn) {
  const events = [];
  let nextToken;
  do {
    const page = await srv.sfn.call('GetExecutionHistory', { executionArn: arn, maxResults: 1000, ...(nextToken ? { nextToken } : {}) });
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

async function listExecutions(statusFilter) {
  const out = [];
  let nextToken;
  do {
    const page = await srv.sfn.call('ListExecutions', { stateMachineArn: machineArn, maxResults: 1000, ...(statusFilter ? { statusFilter } : {}), ...(nextToken ? { nextToken } : {}) });
    out.push(...(page.executions ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

async function checkExecutions() {
  const until = performance.now() + 180_000;
  let running = await listExecutions('RUNNING');
  while (running.length > 0 && performance.now() < until) {
    await sleep(500);
    running = await listExecutions('RUNNING');
  }
  if (running.length > 0) violation('sfn', `${running.length} executions still RUNNING 180 s after the load stopped, e.g. ${running[0].executionArn}`);
  const all = await listExecutions();
  const byName = new Map(all.map((e) => [e.name, e]));
  const r = { acked: 0, inDoubt: 0, inDoubtExisting: 0, checked: 0, succeeded: 0, events: 0, badHistory: 0 };
  for (const e of all) if (!executions.has(e.name)) violation('sfn', `an execution this run never started exists: ${e.executionArn}`);
  for (const [name, ex] of executions) {
    const listed = byName.get(name);
    if (ex.acked) r.acked++;
    else {
      r.inDoubt++;
      if (!listed) continue;
      r.inDoubtExisting++;
    }
    if (!listed) {
      violation('sfn', `acknowledged execution ${ex.arn} does not exist after the restarts`);
      continue;
    }
    r.checked++;
    const arn = listed.executionArn;
    const d = await srv.sfn.call('DescribeExecution', { executionArn: arn });
    if (d.status === 'SUCCEEDED') r.succeeded++;
    else violation('sfn', `${arn}: status ${d.status} ${d.error ?? ''} ${d.cause ?? ''}`.trim());
    const events = await history(arn);
    r.events += events.length;
    const problems = [];
    events.forEach((e, i) => {
      if (e.id !== i + 1 && problems.length === 0) problems.push(`event ${i + 1} has id ${e.id}`);
    });
    if (events.filter((e) => e.type === 'ExecutionStarted').length !== 1) problems.push('not exactly one ExecutionStarted');
    if (events.at(-1)?.type !== 'ExecutionSucceeded') problems.push(`last event is ${events.at(-1)?.type}`);
    if (events.filter((e) => e.type === 'ExecutionSucceeded').length !== 1) problems.push('not exactly one ExecutionSucceeded');
    const entered = {};
    for (const e of events) if (e.type?.endsWith('StateEntered')) entered[e.stateEnteredEventDetails?.name] = (entered[e.stateEnteredEventDetails?.name] ?? 0) + 1;
    for (const [state, count] of Object.entries(EXPECTED_ENTERED))
      if ((entered[state] ?? 0) !== count) problems.push(`state ${state} entered ${entered[state] ?? 0} times, expected ${count}`);
    for (const state of Object.keys(entered)) if (!(state in EXPECTED_ENTERED)) problems.push(`unknown state ${state} entered`);
    if (problems.length > 0) {
      r.badHistory++;
      violation('sfn history', `${arn}${ex.acked ? '' : ' (start in doubt)'}: ${problems.join('; ')}`);
    }
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Main.

let cleanedUp = false;
function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const c of [srv.sqs, srv.sns, srv.sfn]) c?.close();
  if (srv.child && !srv.child.exitedInfo) srv.child.kill('SIGKILL');
  if (KEEP_DATA) console.log(`data dir and server log kept in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const began = performance.now();
  console.log(`soak: ${SECONDS} s, a stop every ~${KILL_EVERY} s (jitter 0.5×–1.5×, ~1 in ${SIGTERM_EVERY} SIGTERM), concurrency ${CONCURRENCY}, seed ${SEED}`);
  const firstStart = await startServer();
  console.log(`server pid ${srv.child.pid} on ${srv.endpoint}, data dir ${store} (healthy after ${fmtS(firstStart)})`);

  // Setup (no kills yet).
  for (let i = 0; i < 2; i++) queues.push({ name: `soak-std-${RUN}-${i}`, kind: 'std', msgs: new Map() });
  queues.push({ name: `soak-fifo-${RUN}.fifo`, kind: 'fifo', msgs: new Map(), attributes: { FifoQueue: 'true' } });
  for (let i = 0; i < SNS_SUBSCRIPTIONS; i++) queues.push({ name: `soak-sns-${RUN}-${i}`, kind: 'sns', msgs: new Map() });
  for (const q of queues) Object.assign(q, await createQueueWithArn(srv.sqs, q.name, q.attributes), { outstanding: 0 });
  topicArn = xmlText(await srv.sns.call('CreateTopic', { Name: `soak-${RUN}` }), 'TopicArn');
  if (!topicArn) throw new Error('CreateTopic returned no TopicArn');
  for (const q of queues.filter((x) => x.kind === 'sns')) {
    const xml = await srv.sns.call('Subscribe', {
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: q.arn,
      'Attributes.entry.1.key': 'RawMessageDelivery',
      'Attributes.entry.1.value': 'true',
      ReturnSubscriptionArn: 'true',
    });
    if (!xmlText(xml, 'SubscriptionArn')?.startsWith(topicArn)) throw new Error(`Subscribe failed: ${xml.slice(0, 200)}`);
  }
  machineArn = (await srv.sfn.call('CreateStateMachine', { name: `soak-${RUN}`, definition: JSON.stringify(DEFINITION), roleArn: ROLE, type: 'STANDARD' })).stateMachineArn;
  if (typeof machineArn !== 'string') throw new Error('CreateStateMachine returned no stateMachineArn');

  // Load + kills.
  const loadStart = performance.now();
  const deadline = loadStart + SECONDS * 1000;
  const std = queues.filter((q) => q.kind === 'std');
  const fifo = queues.find((q) => q.kind === 'fifo');
  const loops = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    loops.push(sqsLoop(std[i % std.length], i, false));
    loops.push(sqsLoop(fifo, i, true));
    loops.push(snsPublisher(i));
    loops.push(sfnLoop(i));
  }
  for (const q of queues.filter((x) => x.kind === 'sns')) loops.push(snsConsumer(q));
  const progress = setInterval(() => {
    const sent = queues.reduce((a, q) => a + [...q.msgs.values()].filter((r) => r.acked).length, 0);
    console.log(
      `  ${((performance.now() - loadStart) / 1000).toFixed(0)} s: ${kills.SIGKILL} SIGKILL, ${kills.SIGTERM} SIGTERM, ${sent} messages acked, ${[...executions.values()].filter((e) => e.acked).length} executions started, ${violations.length} violations`,
    );
  }, 15_000);
  await killer(deadline);
  stopping = true;
  await Promise.all(loops);
  clearInterval(progress);
  const loadSeconds = (performance.now() - loadStart) / 1000;

  // A last crash, then read back what is on disk.
  console.log('load stopped; final SIGKILL and restart, then drain');
  await crashAndRestart('SIGKILL');
  const drainStart = performance.now();
  for (const q of queues) await drainQueue(q);
  const sqsCheck = checkQueues();
  const sfnCheck = await checkExecutions();
  const drainSeconds = (performance.now() - drainStart) / 1000;
  const unexpected = Object.values(ops).reduce((a, o) => a + o.unexpected, 0);
  if (unexpected > 0) violation('errors', `${unexpected} calls failed outside a stop/restart window, e.g.\n      ${unexpectedSamples.join('\n      ')}`);

  // Summary.
  const lines = [];
  lines.push('', `=== soak summary (seed ${SEED}) ===`);
  lines.push(`load ${loadSeconds.toFixed(0)} s, drain and checks ${drainSeconds.toFixed(1)} s, total ${((performance.now() - began) / 1000).toFixed(0)} s`);
  lines.push('operations (ok / failed in a stop window / unexpected):');
  for (const [kind, o] of Object.entries(ops).sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`  ${kind.padEnd(46)} ${String(o.ok).padStart(8)} ${String(o.failedInKill).padStart(6)} ${String(o.unexpected).padStart(4)}`);
  const rp = percentiles(restartMs, [50, 100]);
  const op_ = percentiles(outageMs, [50, 100]);
  lines.push(`stops: ${kills.SIGKILL} SIGKILL (incl. the final one), ${kills.SIGTERM} SIGTERM${sigtermMs.length ? ` (exit took p50 ${fmtS(percentiles(sigtermMs, [50])[50])}, max ${fmtS(Math.max(...sigtermMs))})` : ''}`);
  lines.push(`restarts: ${restartMs.length}; spawn → healthy p50 ${fmtS(rp[50])}, max ${fmtS(rp[100])}; outage (signal → healthy) p50 ${fmtS(op_[50])}, max ${fmtS(op_[100])}`);
  lines.push('messages (acknowledged / lost / in doubt, of which seen):');
  for (const r of sqsCheck.results) lines.push(`  ${r.q.name.padEnd(34)} ${String(r.acked).padStart(7)} ${String(r.lost).padStart(5)} ${String(r.inDoubt).padStart(6)} ${String(r.inDoubtSeen).padStart(6)}`);
  lines.push(`  redeliveries ${stats.redeliveries} (abandoned on purpose ${stats.abandoned}), deletes not counted (stale handle or past visibility) ${stats.staleDeletes}, delete entries refused ${stats.deleteEntriesFailed}`);
  lines.push(
    `executions: ${sfnCheck.acked} acknowledged, ${sfnCheck.inDoubt} in doubt (${sfnCheck.inDoubtExisting} exist); ${sfnCheck.checked} checked, ${sfnCheck.succeeded} SUCCEEDED, ${sfnCheck.events} history events, ${sfnCheck.badHistory} bad histories`,
  );
  const byCheck = (name) => violations.filter((v) => v.check === name).length;
  const checks = [
    ['no loss (SQS standard, FIFO, SNS→SQS)', 'no loss'],
    ['no resurrection after an acknowledged delete', 'no resurrection'],
    [`FIFO order among first deliveries (${sqsCheck.groups} groups)`, 'fifo order'],
    ['integrity (known bodies, MD5s)', 'integrity'],
    ['queues empty after the drain', 'drain'],
    ['executions exist and SUCCEEDED', 'sfn'],
    ['histories gap-free, no state entered twice', 'sfn history'],
    ['SIGTERM exits 0 within 10 s', 'graceful stop'],
    ['SIGKILL ends the process', 'kill'],
    ['no errors outside stop windows', 'errors'],
  ];
  lines.push('invariants:');
  for (const [label, key] of checks) lines.push(`  ${byCheck(key) === 0 ? 'PASS' : 'FAIL'}  ${label}${byCheck(key) ? ` — ${byCheck(key)} violation(s)` : ''}`);
  if (violations.length > 0) {
    lines.push('violations (first 20):');
    for (const v of violations.slice(0, 20)) lines.push(`  [${v.check}] ${v.detail}`);
  }
  lines.push(violations.length === 0 ? 'RESULT: PASS' : `RESULT: FAIL (${violations.length} violations)`);
  console.log(lines.join('\n'));
  await stopServer('SIGTERM');
  return violations.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    cleanup();
    process.exit(code);
  },
  (err) => {
    console.error('soak failed:', err?.stack ?? err);
    console.error(`server log tail:\n${logTail()}`);
    cleanup();
    process.exit(2);
  },
);
