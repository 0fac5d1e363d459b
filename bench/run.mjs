// `npm run bench`: throughput and latency of Tributary against a null server, in one run: SQS
// standard queues (throughput and latency), SQS FIFO throughput, SQS dead-letter move tasks, SNS
// fan-out to SQS, the Step Functions interpreter in-process against aws-local-stepfunctions, and
// Step Functions through the server (Express StartSyncExecution against a null server, Standard
// executions' durable history against SQLite's own insert rate). Every server runs in its own
// child process (bench/serve.mjs) and every load generator in another (bench/load.mjs,
// bench/fifo.mjs, bench/move-task.mjs, bench/sns.mjs, bench/sfn-interpreter.mjs,
// bench/sfn-server.mjs, bench/sqlite-baseline.mjs), so on this 2-core machine each gets a core.
// See docs/benchmarks.md.
//
// Knobs (environment):
//   BENCH_SECONDS=10        measured window of each throughput run (SQS, FIFO, SNS), after BENCH_WARMUP=2 seconds
//   BENCH_CONCURRENCY=8     concurrent send→receive→delete loops (SQS standard and FIFO) and SNS publishers
//   BENCH_QUEUES=own        own: one queue per loop; shared: all loops on one queue (standard queues only)
//   BENCH_LATENCY_MESSAGES=500   messages measured per latency run (after 50 warm-up messages)
//   BENCH_SDK=1             also run the AWS SDK v3 client (0 skips it)
//   BENCH_TARGETS=null,durable,normal,ephemeral   which servers to measure (SQS; FIFO runs on the Tributary ones)
//   BENCH_REPEAT=1          repeat the SQS throughput runs (round robin) and report the median
//   BENCH_SCENARIOS=sqs,fifo,move,sns,sfn-interpreter,sfn-server   which sections to run
//   BENCH_SFN_REPEAT=2      Step Functions: runs of each measurement (interleaved; median and spread reported).
//                           Interpreter runs measure BENCH_SECONDS/4 after BENCH_WARMUP/2; server runs
//                           0.4 × BENCH_SECONDS after BENCH_WARMUP; the SQLite baseline BENCH_SECONDS/4
//                           after BENCH_WARMUP/2.
//   BENCH_SFN_STANDARD_CONCURRENCY=32   concurrent StartExecution loops of the Standard scenario
//                           (Express uses BENCH_CONCURRENCY)
//   BENCH_MOVE_MESSAGES=20000    messages per move task
//   BENCH_MOVE_TARGETS=durable   servers for the move tasks
//   BENCH_SNS_TARGETS=durable,ephemeral   servers for the SNS fan-out
//   BENCH_SNS_APIS=publish,batch  Publish and/or PublishBatch (10 per call)
//   BENCH_CPU_PROF=1        run server children with --cpu-prof; prints where the profiles are
//   BENCH_WRITE_DOCS=auto   auto: rewrite docs/benchmarks.md's results only with default knobs;
//                           1: always (the sections that ran); 0: never
import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envNumber, machineBusySeconds, median, procCpuSeconds, procThreadCpuSeconds } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const DOCS = join(root, 'docs', 'benchmarks.md');

const DEFAULTS = {
  seconds: 10,
  warmup: 2,
  concurrency: 8,
  queues: 'own',
  latencyMessages: 500,
  repeat: 1,
  scenarios: 'sqs,fifo,move,sns,sfn-interpreter,sfn-server',
  sfnRepeat: 2,
  sfnStandardConcurrency: 32,
  moveMessages: 20_000,
  moveTargets: 'durable',
  snsTargets: 'durable,ephemeral',
  snsApis: 'publish,batch',
};
const list = (name, fallback) => (process.env[name] ?? fallback).split(',').map((t) => t.trim()).filter(Boolean);
const cfg = {
  seconds: envNumber('BENCH_SECONDS', DEFAULTS.seconds, 1, 120),
  warmup: envNumber('BENCH_WARMUP', DEFAULTS.warmup, 0, 30),
  concurrency: Math.round(envNumber('BENCH_CONCURRENCY', DEFAULTS.concurrency, 1, 256)),
  queues: process.env.BENCH_QUEUES === 'shared' ? 'shared' : 'own',
  latencyMessages: Math.round(envNumber('BENCH_LATENCY_MESSAGES', DEFAULTS.latencyMessages, 10, 20_000)),
  repeat: Math.round(envNumber('BENCH_REPEAT', DEFAULTS.repeat, 1, 10)),
  sdk: process.env.BENCH_SDK !== '0',
  targets: (process.env.BENCH_TARGETS ?? 'null,durable,normal,ephemeral').split(',').map((t) => t.trim()).filter(Boolean),
  scenarios: list('BENCH_SCENARIOS', DEFAULTS.scenarios),
  moveMessages: Math.round(envNumber('BENCH_MOVE_MESSAGES', DEFAULTS.moveMessages, 100, 500_000)),
  moveTargets: list('BENCH_MOVE_TARGETS', DEFAULTS.moveTargets),
  snsTargets: list('BENCH_SNS_TARGETS', DEFAULTS.snsTargets),
  snsApis: list('BENCH_SNS_APIS', DEFAULTS.snsApis),
  sfnRepeat: Math.round(envNumber('BENCH_SFN_REPEAT', DEFAULTS.sfnRepeat, 1, 10)),
  sfnStandardConcurrency: Math.round(envNumber('BENCH_SFN_STANDARD_CONCURRENCY', DEFAULTS.sfnStandardConcurrency, 1, 512)),
  cpuProf: process.env.BENCH_CPU_PROF === '1',
  writeDocs: process.env.BENCH_WRITE_DOCS ?? 'auto',
};
const ran = (scenario) => cfg.scenarios.includes(scenario);
const defaultKnobs =
  cfg.seconds === DEFAULTS.seconds &&
  cfg.warmup === DEFAULTS.warmup &&
  cfg.concurrency === DEFAULTS.concurrency &&
  cfg.queues === DEFAULTS.queues &&
  cfg.latencyMessages === DEFAULTS.latencyMessages &&
  cfg.sdk &&
  !cfg.cpuProf &&
  cfg.targets.join(',') === 'null,durable,normal,ephemeral' &&
  cfg.repeat === DEFAULTS.repeat &&
  cfg.scenarios.join(',') === DEFAULTS.scenarios &&
  cfg.moveMessages === DEFAULTS.moveMessages &&
  cfg.moveTargets.join(',') === DEFAULTS.moveTargets &&
  cfg.snsTargets.join(',') === DEFAULTS.snsTargets &&
  cfg.snsApis.join(',') === DEFAULTS.snsApis &&
  cfg.sfnRepeat === DEFAULTS.sfnRepeat &&
  cfg.sfnStandardConcurrency === DEFAULTS.sfnStandardConcurrency;

const TARGETS = {
  null: { label: 'null server', spec: { kind: 'null' } },
  durable: { label: 'Tributary durable (sync=full)', spec: { kind: 'tributary', ephemeral: false, sync: 'full' }, dataDir: true },
  normal: { label: 'Tributary sync=normal', spec: { kind: 'tributary', ephemeral: false, sync: 'normal' }, dataDir: true },
  ephemeral: { label: 'Tributary ephemeral', spec: { kind: 'tributary', ephemeral: true } },
};
for (const [knob, targets] of [['BENCH_TARGETS', cfg.targets], ['BENCH_MOVE_TARGETS', cfg.moveTargets], ['BENCH_SNS_TARGETS', cfg.snsTargets]]) {
  for (const t of targets) if (!TARGETS[t]) throw new Error(`unknown target ${t} in ${knob} (know ${Object.keys(TARGETS).join(', ')})`);
}
for (const t of [...cfg.moveTargets, ...cfg.snsTargets]) if (t === 'null') throw new Error('the null server has no move tasks or SNS; leave it out of BENCH_MOVE_TARGETS and BENCH_SNS_TARGETS');
const SCENARIOS = ['sqs', 'fifo', 'move', 'sns', 'sfn-interpreter', 'sfn-server'];
for (const sc of cfg.scenarios) if (!SCENARIOS.includes(sc)) throw new Error(`unknown scenario ${sc} in BENCH_SCENARIOS (know ${SCENARIOS.join(', ')})`);
for (const a of cfg.snsApis) if (!['publish', 'batch'].includes(a)) throw new Error(`unknown API ${a} in BENCH_SNS_APIS (know publish, batch)`);

// ---------------------------------------------------------------------------------------------
// Child processes: every one is tracked by pid and killed at the end, on error and on signals.

const children = new Map(); // pid → ChildProcess
const tempDirs = new Set();
const profDir = cfg.cpuProf ? mkdtempSync(join(os.tmpdir(), 'tributary-bench-prof-')) : undefined;

function track(child) {
  children.set(child.pid, child);
  child.once('exit', () => children.delete(child.pid));
  return child;
}

function killAll() {
  for (const pid of [...children.keys()]) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    children.delete(pid);
  }
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  tempDirs.clear();
}

process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping children`);
    killAll();
    process.exit(130);
  });
}

function waitExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function startServer(name, tag) {
  const target = TARGETS[name];
  const spec = { ...target.spec };
  let dataDir;
  if (target.dataDir) {
    dataDir = mkdtempSync(join(os.tmpdir(), 'tributary-bench-data-'));
    tempDirs.add(dataDir);
    spec.dataDir = dataDir;
  }
  const execArgv = [];
  if (profDir && spec.kind === 'tributary') execArgv.push('--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${tag}.cpuprofile`);
  const child = track(fork(join(here, 'serve.mjs'), [JSON.stringify(spec)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} server did not start within 20 s`)), 20_000);
    child.on('message', (m) => {
      if (m?.type === 'ready') {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} server exited with code ${code} before it was ready`));
    });
  });
  return { name, child, pid: child.pid, endpoint: ready.endpoint, dataDir };
}

async function stopServer(server) {
  server.child.send({ type: 'stop' });
  if (!(await waitExit(server.child, 12_000))) {
    console.error(`  ${server.name} server (pid ${server.pid}) did not stop in 12 s; killing it`);
    try {
      process.kill(server.pid, 'SIGKILL');
    } catch {
      // gone
    }
    await waitExit(server.child, 2_000);
  }
  if (server.dataDir) {
    rmSync(server.dataDir, { recursive: true, force: true });
    tempDirs.delete(server.dataDir);
  }
}

/**
 * Forks a load-generator child (`script` in bench/) and collects its result and the server's CPU
 * over its measured window. `server` may be null (a child that measures itself in-process).
 */
async function runLoad(loadCfg, server, timeoutMs, script = 'load.mjs', execArgv = []) {
  const env = { ...process.env, AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const child = track(fork(join(here, script), [JSON.stringify(loadCfg)], { env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  let serverCpuStart;
  let serverCpuEnd;
  let mainCpuStart;
  let mainCpuEnd;
  let busyStart;
  let busyEnd;
  let result;
  const done = new Promise((resolve) => {
    child.on('message', (m) => {
      if (m?.type === 'phase' && m.phase === 'measure-start') {
        if (server) serverCpuStart = procCpuSeconds(server.pid);
        if (server) mainCpuStart = procThreadCpuSeconds(server.pid);
        busyStart = machineBusySeconds();
      }
      if (m?.type === 'phase' && m.phase === 'measure-end') {
        if (server) serverCpuEnd = procCpuSeconds(server.pid);
        if (server) mainCpuEnd = procThreadCpuSeconds(server.pid);
        busyEnd = machineBusySeconds();
      }
      if (m?.type === 'result') result = m.result;
    });
    child.once('exit', resolve);
  });
  const finished = await Promise.race([done.then(() => true), new Promise((r) => setTimeout(() => r(false), timeoutMs).unref())]);
  if (!finished) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // gone
    }
    await waitExit(child, 2_000);
  }
  result ??= { fatal: finished ? 'load generator exited without a result' : `load generator timed out after ${timeoutMs} ms`, errors: 1, errorSamples: [] };
  if (!finished) result = { ...result, errors: (result.errors ?? 0) + 1, errorSamples: [...(result.errorSamples ?? []), 'timed out'] };
  if (serverCpuStart !== undefined && serverCpuEnd !== undefined) result.serverCpuSeconds = serverCpuEnd - serverCpuStart;
  if (mainCpuStart !== undefined && mainCpuEnd !== undefined) result.serverMainCpuSeconds = mainCpuEnd - mainCpuStart;
  // CPU the rest of the machine (other processes, the kernel) used in the window: ours subtracted.
  if (busyStart !== undefined && busyEnd !== undefined && (result.serverCpuSeconds !== undefined || !server) && result.clientCpuSeconds !== undefined) {
    result.otherCpuSeconds = Math.max(0, busyEnd - busyStart - (result.serverCpuSeconds ?? 0) - result.clientCpuSeconds);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

// Enough unmeasured messages for a fresh database's WAL to reach its steady size (its first
// checkpoint): until then each fsync also commits file-size metadata and costs several times more.
const LATENCY_WARMUP = 200;
const FIFO_GROUPS = 10;
/** Visible backlogs at which fifo.mjs times one receive + delete on a FIFO and a standard queue, after the run. */
const FIFO_BACKLOG_PROBE = [1_000, 5_000];

let runCounter = 0;
const runId = () => `${Date.now().toString(36)}${(runCounter++).toString(36)}`;

async function throughputRun(target, client) {
  const server = await startServer(target, `throughput-${client}-${target}-${runCounter}`);
  try {
    const loadCfg = {
      scenario: 'throughput',
      client,
      endpoint: server.endpoint,
      concurrency: cfg.concurrency,
      seconds: cfg.seconds,
      warmup: cfg.warmup,
      batch: 10,
      bodyBytes: 1024,
      queueMode: cfg.queues,
      checkIdentity: target !== 'null',
      verifyQueues: target !== 'null',
      runId: runId(),
    };
    return await runLoad(loadCfg, server, (cfg.seconds + cfg.warmup + 60) * 1000);
  } finally {
    await stopServer(server);
  }
}

async function latencyRun(target, client) {
  const server = await startServer(target, `latency-${client}-${target}-${runCounter}`);
  try {
    const loadCfg = {
      scenario: 'latency',
      client,
      endpoint: server.endpoint,
      mode: target === 'null' ? 'send' : 'e2e',
      messages: cfg.latencyMessages,
      warmupMessages: LATENCY_WARMUP,
      gapMs: 2,
      bodyBytes: 1024,
      maxSeconds: 60,
      runId: runId(),
    };
    return await runLoad(loadCfg, server, 90_000);
  } finally {
    await stopServer(server);
  }
}

async function fifoRun(target) {
  const server = await startServer(target, `fifo-${target}-${runCounter}`);
  try {
    const loadCfg = {
      endpoint: server.endpoint,
      concurrency: cfg.concurrency,
      seconds: cfg.seconds,
      warmup: cfg.warmup,
      groups: FIFO_GROUPS,
      backlogProbe: FIFO_BACKLOG_PROBE,
      batch: 10,
      bodyBytes: 1024,
      runId: runId(),
    };
    return await runLoad(loadCfg, server, (cfg.seconds + cfg.warmup + 60) * 1000, 'fifo.mjs');
  } finally {
    await stopServer(server);
  }
}

const MOVE_TASKS = [
  { label: 'MaxNumberOfMessagesPerSecond=500', rate: 500 },
  { label: 'no rate given (system-optimised)', rate: undefined },
];

async function moveRun(target) {
  const server = await startServer(target, `move-${target}-${runCounter}`);
  try {
    const loadCfg = { endpoint: server.endpoint, serverPid: server.pid, messages: cfg.moveMessages, bodyBytes: 1024, pollMs: 100, tasks: MOVE_TASKS, runId: runId() };
    // Each task may take up to 3 × N / 500 s + 30 s (move-task.mjs's bound), plus fill and verification.
    const perTask = ((3 * cfg.moveMessages) / 500 + 30 + cfg.moveMessages / 1000 + 30) * 1000;
    return await runLoad(loadCfg, server, perTask * MOVE_TASKS.length + 30_000, 'move-task.mjs');
  } finally {
    await stopServer(server);
  }
}

async function snsRun(target, api) {
  const server = await startServer(target, `sns-${api}-${target}-${runCounter}`);
  try {
    const loadCfg = {
      endpoint: server.endpoint,
      mode: api,
      publishers: cfg.concurrency,
      seconds: cfg.seconds,
      warmup: cfg.warmup,
      subscriptions: 10,
      bodyBytes: 1024,
      runId: runId(),
    };
    return await runLoad(loadCfg, server, (cfg.seconds + cfg.warmup + 120) * 1000, 'sns.mjs');
  } finally {
    await stopServer(server);
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

const f0 = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const f2 = (n) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const pct = (n) => (Number.isFinite(n) ? `${Math.round(n * 100)}%` : '–');

function table(headers, rows) {
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

function errorCell(r) {
  if (!r) return 'not run';
  if (r.fatal) return `FATAL`;
  return r.errors ? `**${r.errors}**` : '0';
}

function throughputTable(client, results, nullRate) {
  const rows = cfg.targets.map((t) => {
    const runs = results[client][t];
    const rates = runs.map((r) => (r.errors ? NaN : r.messagesPerSecond));
    const rate = median(rates.filter(Number.isFinite));
    const r = runs[runs.length - 1];
    const serverCpu = r?.serverCpuSeconds / r?.windowSeconds;
    const clientCpu = r?.clientCpuSeconds / r?.windowSeconds;
    const usPerMsg = (r?.serverCpuSeconds / r?.measuredMessages) * 1e6;
    const mainUsPerMsg = (r?.serverMainCpuSeconds / r?.measuredMessages) * 1e6;
    const clientUsPerMsg = (r?.clientCpuSeconds / r?.measuredMessages) * 1e6;
    const errors = runs.reduce((n, x) => n + (x.errors ?? 1), 0);
    return [
      TARGETS[t].label,
      errors ? `${f0(rate)} (invalid)` : f0(rate),
      cfg.repeat > 1 ? runs.map((x) => f0(x.messagesPerSecond)).join(' / ') : f0(r?.callsPerSecond),
      t === 'null' ? '1.00' : f2(rate / nullRate),
      pct(serverCpu),
      `${f0(usPerMsg)} / ${f0(mainUsPerMsg)}`,
      pct(clientCpu),
      f0(clientUsPerMsg),
      f2(r?.otherCpuSeconds / r?.windowSeconds),
      `${f2(r?.cycleP50Ms)} / ${f2(r?.cycleP99Ms)}`,
      errors ? `**${errors}**` : '0',
    ];
  });
  return table(
    [
      'server',
      'messages/s',
      cfg.repeat > 1 ? 'each run (msg/s)' : 'HTTP calls/s',
      '× null',
      'server CPU',
      'server CPU µs/msg (all threads / main thread)',
      'client CPU',
      'client CPU µs/msg',
      'rest of machine (cores)',
      'cycle p50 / p99 ms',
      'errors',
    ],
    rows,
  );
}

function latencyTable(latency) {
  const rows = latency.map(({ target, client, r }) => [
    `${TARGETS[target].label}${client === 'sdk' ? ' — SDK v3 client' : ''}`,
    r.mode === 'send' ? 'n/a (no queue)' : f2(r.e2eP50Ms),
    r.mode === 'send' ? '–' : f2(r.e2eP90Ms),
    r.mode === 'send' ? '–' : f2(r.e2eP99Ms),
    f2(r.sendP50Ms),
    f2(r.sendP99Ms),
    f0(r.measured),
    f2(r.otherCpuSeconds / r.windowSeconds),
    errorCell(r),
  ]);
  return table(
    ['server', 'send→receive p50 ms', 'p90 ms', 'p99 ms', 'SendMessage RTT p50 ms', 'RTT p99 ms', 'messages', 'rest of machine (cores)', 'errors'],
    rows,
  );
}

function errorDetails(all) {
  const lines = [];
  for (const { label, r } of all) {
    if (!r || (!r.errors && !r.fatal)) continue;
    lines.push(`- ${label}: ${r.errors} error(s) ${JSON.stringify(r.errorsByKind ?? {})}`);
    for (const s of r.errorSamples ?? []) lines.push(`    - ${s}`);
    if (r.fatal) lines.push(`    - fatal: ${r.fatal.split('\n')[0]}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

function hostNoiseLine(runs, unit = 'these figures') {
  const busiest = Math.max(0, ...runs.map((r) => r?.otherCpuSeconds / r?.windowSeconds).filter(Number.isFinite));
  return busiest > 0.25
    ? `**Host noise:** processes other than the server and the load generator used up to ${f2(busiest)} of the ${os.cpus().length} cores during a measured window (column "rest of machine"), so ${unit} understate what this machine can do; compare ratios within the run, and prefer the CPU µs columns, which contention distorts less.`
    : `Host noise: the rest of the machine used at most ${f2(busiest)} cores during any measured window.`;
}

const runLine = (r) => (r.errors || r.fatal ? `${r.errors} ERROR(S): ${(r.errorSamples ?? [])[0] ?? r.fatal}` : undefined);

// ---------------------------------------------------------------------------------------------
// SQS standard queues: throughput (raw and SDK clients) and latency

async function sqsSection() {
  const started = Date.now();
  console.log(
    `SQS throughput: ${cfg.concurrency} loops (${cfg.queues === 'own' ? 'one queue each' : 'one shared queue'}), ` +
      `SendMessageBatch(10 × 1 KiB) → ReceiveMessage(10) → DeleteMessageBatch, ${cfg.warmup} s warm-up + ${cfg.seconds} s measured` +
      (cfg.repeat > 1 ? `, ${cfg.repeat} repetitions (median)` : ''),
  );
  const clients = cfg.sdk ? ['raw', 'sdk'] : ['raw'];
  const results = { raw: {}, sdk: {} };
  for (const c of clients) for (const t of cfg.targets) results[c][t] = [];

  for (const client of clients) {
    for (let rep = 0; rep < cfg.repeat; rep++) {
      for (const target of cfg.targets) {
        process.stdout.write(`  throughput ${client.padEnd(3)} ${TARGETS[target].label.padEnd(30)} `);
        const r = await throughputRun(target, client);
        results[client][target].push(r);
        console.log(runLine(r) ?? `${f0(r.messagesPerSecond)} msg/s`);
      }
    }
  }

  const latency = [];
  const latencyPlan = cfg.targets.map((t) => ({ target: t, client: 'raw' }));
  if (cfg.sdk && cfg.targets.includes('durable')) latencyPlan.push({ target: 'durable', client: 'sdk' });
  for (const { target, client } of latencyPlan) {
    process.stdout.write(`  latency    ${client.padEnd(3)} ${TARGETS[target].label.padEnd(30)} `);
    const r = await latencyRun(target, client);
    latency.push({ target, client, r });
    console.log(
      runLine(r) ??
        (r.mode === 'send' ? `send RTT p50 ${f2(r.sendP50Ms)} ms` : `send→receive p50 ${f2(r.e2eP50Ms)} ms, p99 ${f2(r.e2eP99Ms)} ms`),
    );
  }

  // ---- verdicts
  const rateOf = (client, t) => {
    const runs = results[client][t] ?? [];
    if (runs.length === 0 || runs.some((r) => r.errors)) return NaN;
    return median(runs.map((r) => r.messagesPerSecond));
  };
  const nullRaw = rateOf('raw', 'null');
  const nullSdk = rateOf('sdk', 'null');
  const durableRatio = rateOf('raw', 'durable') / nullRaw;
  const durLat = latency.find((l) => l.target === 'durable' && l.client === 'raw')?.r;
  const verdicts = [];
  if (cfg.targets.includes('durable') && cfg.targets.includes('null')) {
    verdicts.push(
      Number.isFinite(durableRatio)
        ? `Goal "durable end-to-end throughput ≥ 0.5 × the null server" (raw HTTP client): ${durableRatio >= 0.5 ? 'MET' : 'NOT MET'} — ${f2(durableRatio)} × null (${f0(rateOf('raw', 'durable'))} vs ${f0(nullRaw)} msg/s).`
        : 'Goal "durable throughput ≥ 0.5 × null": NO VALID FIGURE (errors in a run).',
    );
  }
  if (durLat) {
    verdicts.push(
      !durLat.errors && Number.isFinite(durLat.e2eP50Ms)
        ? `Goal "p50 send→receive under 2 ms" (durable, raw client): ${durLat.e2eP50Ms < 2 ? 'MET' : 'NOT MET'} — p50 ${f2(durLat.e2eP50Ms)} ms, p99 ${f2(durLat.e2eP99Ms)} ms.`
        : 'Goal "p50 send→receive under 2 ms": NO VALID FIGURE (errors in the run).',
    );
  }

  const allRuns = [
    ...clients.flatMap((c) => cfg.targets.flatMap((t) => results[c][t].map((r) => ({ label: `throughput ${c} ${t}`, r })))),
    ...latency.map(({ target, client, r }) => ({ label: `latency ${client} ${target}`, r })),
  ];
  const invalid = allRuns.filter(({ r }) => r.errors || r.fatal);

  const sections = [];
  sections.push(
    `Settings: ${cfg.concurrency} loops, ${cfg.queues === 'own' ? 'each on its own queue' : 'all on one shared queue'}, ` +
      `${cfg.warmup} s warm-up + ${cfg.seconds} s measured per run${cfg.repeat > 1 ? `, median of ${cfg.repeat} runs` : ', one run each'}; ` +
      `latency: ${cfg.latencyMessages} messages after ${LATENCY_WARMUP} warm-up, each sent 2 ms after the previous one arrived.`,
  );
  sections.push(`**Throughput, raw HTTP client** (node:http keep-alive, AWS JSON 1.0) — messages fully cycled (sent, received, deleted) per second:\n\n${throughputTable('raw', results, nullRaw)}`);
  if (cfg.sdk) sections.push(`**Throughput, AWS SDK v3 client** (\`@aws-sdk/client-sqs\`, one process) — the same scenario:\n\n${throughputTable('sdk', results, nullSdk)}`);
  sections.push(`**Latency, raw HTTP client** (SDK row labelled) — one long-polling consumer (WaitTimeSeconds 20), one producer:\n\n${latencyTable(latency)}`);
  if (verdicts.length) sections.push(verdicts.map((v) => `- ${v}`).join('\n'));
  if (invalid.length) sections.push(`**Runs with errors (their figures are not valid):**\n\n${errorDetails(invalid)}`);
  else sections.push('Every reply was checked (HTTP 200, batch entry Ids, MD5s, body sizes; for Tributary also that every body received was one sent, received once, and that the queues finally held exactly sent − deleted messages): no errors.');
  sections.push(hostNoiseLine(allRuns.map(({ r }) => r)));
  return { key: 'sqs', title: 'SQS', sections, invalid, seconds: (Date.now() - started) / 1000, rawRate: (t) => rateOf('raw', t) };
}

// ---------------------------------------------------------------------------------------------
// SQS FIFO throughput

async function fifoSection(sqs) {
  const started = Date.now();
  const targets = cfg.targets.filter((t) => t !== 'null');
  console.log(
    `SQS FIFO: ${cfg.concurrency} loops on one FIFO queue (ContentBasedDeduplication, ${FIFO_GROUPS} message groups), ` +
      `SendMessageBatch(10 × 1 KiB, one per group) → ReceiveMessage(10) → DeleteMessageBatch, ${cfg.warmup} s warm-up + ${cfg.seconds} s measured`,
  );
  const runs = [];
  for (const target of targets) {
    process.stdout.write(`  fifo           ${TARGETS[target].label.padEnd(30)} `);
    const r = await fifoRun(target);
    runs.push({ target, r });
    console.log(runLine(r) ?? `${f0(r.messagesPerSecond)} msg/s (standard queue: ${f0(sqs?.rawRate(target))})`);
  }
  const nullRate = sqs?.rawRate('null') ?? NaN;
  const rows = runs.map(({ target, r }) => {
    const rate = r.errors ? NaN : r.messagesPerSecond;
    const standard = sqs?.rawRate(target) ?? NaN;
    return [
      TARGETS[target].label,
      r.errors ? `${f0(r.messagesPerSecond)} (invalid)` : f0(rate),
      f0(standard),
      f2(rate / standard),
      f2(rate / nullRate),
      pct(r.serverCpuSeconds / r.windowSeconds),
      f0((r.serverCpuSeconds / r.measuredMessages) * 1e6),
      pct(r.clientCpuSeconds / r.windowSeconds),
      f2(r.otherCpuSeconds / r.windowSeconds),
      `${f2(r.meanReceived)} / ${f2(r.meanGroupsPerReceive)}`,
      `${f0(r.emptyReceives)} of ${f0(r.receives)}`,
      `${f2(r.cycleP50Ms)} / ${f2(r.cycleP99Ms)}`,
      f0(r.orderViolations),
      errorCell(r),
    ];
  });
  const probeRows = runs.flatMap(({ target, r }) =>
    (r.backlogProbe ?? []).map((p) => [TARGETS[target].label, f0(p.depth), f2(p.fifoMs), f2(p.standardMs), f0(p.fifoMs / p.standardMs)]),
  );
  const invalid = runs.filter(({ r }) => r.errors || r.fatal).map(({ target, r }) => ({ label: `fifo ${target}`, r }));
  const sections = [];
  sections.push(
    `Settings: ${cfg.concurrency} loops sharing one FIFO queue (ContentBasedDeduplication=true, every body unique), ${FIFO_GROUPS} message groups, ` +
      `${cfg.warmup} s warm-up + ${cfg.seconds} s measured per run, raw HTTP client. Reference figures from the SQS section of this same run ` +
      `(raw client, 8 standard queues): the null server ${f0(nullRate)} msg/s, and the standard queue of each server.`,
  );
  sections.push(
    '**Throughput** — FIFO messages fully cycled (sent, received, deleted) per second:\n\n' +
      table(
        [
          'server',
          'FIFO messages/s',
          'standard queue msg/s',
          'FIFO ÷ standard',
          '× null',
          'server CPU',
          'server CPU µs/msg',
          'client CPU',
          'rest of machine (cores)',
          'per receive: messages / groups',
          'empty receives',
          'cycle p50 / p99 ms',
          'order violations',
          'errors',
        ],
        rows,
      ),
  );
  if (probeRows.length) {
    sections.push(
      `**Receive with a backlog** — after each run, on fresh queues: one ReceiveMessage(10) + DeleteMessageBatch with that many 1 KiB messages visible (FIFO: spread over ${FIFO_GROUPS} groups), median of 5, one client, nothing else running:\n\n` +
        table(['server', 'visible messages', 'FIFO ms', 'standard ms', 'FIFO ÷ standard'], probeRows),
    );
  }
  if (invalid.length) sections.push(`**Runs with errors (their figures are not valid):**\n\n${errorDetails(invalid)}`);
  else {
    const received = runs.reduce((n, { r }) => n + (r.received ?? 0), 0);
    sections.push(
      `Every reply was checked as in the SQS section, and FIFO order on all ${f0(received)} messages received: per group, SequenceNumber strictly increased and each sending loop's own counter strictly increased, and every message came back with the MessageGroupId it was sent with — no errors, no order violations.`,
    );
  }
  sections.push(hostNoiseLine(runs.map(({ r }) => r)));
  return { key: 'sqs-fifo', title: 'SQS FIFO', sections, invalid, seconds: (Date.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// SQS dead-letter queue move tasks

async function moveSection() {
  const started = Date.now();
  console.log(`SQS move tasks: ${f0(cfg.moveMessages)} messages per task, DLQ → another queue (DestinationArn), tasks: ${MOVE_TASKS.map((t) => t.label).join('; ')}`);
  const runs = [];
  for (const target of cfg.moveTargets) {
    process.stdout.write(`  move tasks     ${TARGETS[target].label.padEnd(30)} `);
    const r = await moveRun(target);
    runs.push({ target, r });
    console.log(runLine(r) ?? (r.tasks ?? []).map((t) => `${f0(t.movedPerSecond)} msg/s`).join(', '));
  }
  const rows = [];
  for (const { target, r } of runs) {
    for (const t of r.tasks ?? []) {
      rows.push([
        TARGETS[target].label,
        t.label,
        f0(t.messages),
        f2(t.seconds),
        r.errors ? `${f0(t.movedPerSecond)} (invalid)` : f0(t.movedPerSecond),
        f0(t.steadyPerSecond),
        f2(t.movedPerSecond / 500),
        pct(t.serverCpuSeconds / t.seconds),
        f0((t.serverCpuSeconds / t.messages) * 1e6),
        f2(t.otherCpuSeconds / t.seconds),
        f0(t.fillPerSecond),
        `${f0(t.destination)} / ${f0(t.messages)}`,
        errorCell(r),
      ]);
    }
    if (!(r.tasks ?? []).length) rows.push([TARGETS[target].label, '–', '–', '–', '–', '–', '–', '–', '–', '–', '–', '–', errorCell(r)]);
  }
  const invalid = runs.filter(({ r }) => r.errors || r.fatal).map(({ target, r }) => ({ label: `move tasks ${target}`, r }));
  const sections = [];
  sections.push(
    `Settings: ${f0(cfg.moveMessages)} messages of 1 KiB sent into a dead-letter queue with SendMessageBatch (8 concurrent senders), then StartMessageMoveTask ` +
      `from it to an empty queue (DestinationArn); ListMessageMoveTasks polled every 100 ms until COMPLETED. The two tasks run one after the other on one server, each with a fresh destination.`,
  );
  sections.push(
    '**Move rate** — messages moved per second, from the StartMessageMoveTask reply to the first poll that saw COMPLETED (at most 100 ms late); "steady" between the polls that saw 10% and 90% moved:\n\n' +
      table(
        ['server', 'task', 'messages', 'start → COMPLETED s', 'moved/s', 'steady moved/s', '÷ 500/s', 'server CPU', 'server CPU µs/msg', 'rest of machine (cores)', 'DLQ fill msg/s', 'destination holds', 'errors'],
        rows,
      ),
  );
  if (invalid.length) sections.push(`**Runs with errors (their figures are not valid):**\n\n${errorDetails(invalid)}`);
  else {
    sections.push(
      'Checked for every task: it ended COMPLETED reporting moved = to move = N, the DLQ was left empty, the destination held exactly N messages (GetQueueAttributes), and receiving them all returned each body sent exactly once with a correct MD5: no errors.',
    );
  }
  sections.push(hostNoiseLine(runs.flatMap(({ r }) => (r.tasks ?? []).map((t) => ({ otherCpuSeconds: t.otherCpuSeconds, windowSeconds: t.seconds })))));
  return { key: 'sqs-move', title: 'SQS move tasks', sections, invalid, seconds: (Date.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// SNS fan-out to SQS

async function snsSection() {
  const started = Date.now();
  console.log(
    `SNS fan-out: 1 topic → 10 SQS subscriptions (filter: each message matches exactly 5; raw delivery on 5), ${cfg.concurrency} publishers, ` +
      `${cfg.snsApis.map((a) => (a === 'batch' ? 'PublishBatch (10 × 1 KiB)' : 'Publish (1 KiB)')).join(' / ')}, ${cfg.warmup} s warm-up + ${cfg.seconds} s measured`,
  );
  const runs = [];
  for (const api of cfg.snsApis) {
    for (const target of cfg.snsTargets) {
      process.stdout.write(`  sns ${api.padEnd(10)} ${TARGETS[target].label.padEnd(30)} `);
      const r = await snsRun(target, api);
      runs.push({ target, api, r });
      console.log(runLine(r) ?? `${f0(r.publishesPerSecond)} publishes/s, ${f0(r.deliveredPerSecond)} notifications/s`);
    }
  }
  const rows = runs.map(({ target, api, r }) => [
    TARGETS[target].label,
    api === 'batch' ? 'PublishBatch (10)' : 'Publish',
    r.errors ? `${f0(r.publishesPerSecond)} (invalid)` : f0(r.publishesPerSecond),
    f0(r.callsPerSecond),
    f0(r.deliveredPerSecond),
    pct(r.serverCpuSeconds / r.windowSeconds),
    f0((r.serverCpuSeconds / r.measuredMessages) * 1e6),
    pct(r.clientCpuSeconds / r.windowSeconds),
    f2(r.otherCpuSeconds / r.windowSeconds),
    `${f2(r.callP50Ms)} / ${f2(r.callP99Ms)}`,
    `${f0(r.arrivedTotal)} / ${f0(r.expectedTotal)}`,
    errorCell(r),
  ]);
  const invalid = runs.filter(({ r }) => r.errors || r.fatal).map(({ target, api, r }) => ({ label: `sns ${api} ${target}`, r }));
  const sections = [];
  sections.push(
    `Settings: one standard topic, 10 SQS subscriptions; subscription i has FilterPolicy {"shard": [i … i+4 mod 10]} and RawMessageDelivery on for odd i; ` +
      `every message has a String attribute shard = n mod 10, so it matches exactly 5 of the 10 subscriptions (1/2), 2 or 3 of them raw. ` +
      `${cfg.concurrency} concurrent publishers, 1 KiB messages, ${cfg.warmup} s warm-up + ${cfg.seconds} s measured per run, raw HTTP client (AWS query protocol); a fresh server per run.`,
  );
  sections.push(
    '**Throughput** — messages published (acknowledged) per second, and notifications delivered per second (those found in the queues afterwards for messages acknowledged inside the window):\n\n' +
      table(
        ['server', 'API', 'messages published/s', 'calls/s', 'notifications delivered/s', 'server CPU', 'server CPU µs/message', 'client CPU', 'rest of machine (cores)', 'call p50 / p99 ms', 'arrived / expected (whole run)', 'errors'],
        rows,
      ),
  );
  if (invalid.length) sections.push(`**Runs with errors (their figures are not valid):**\n\n${errorDetails(invalid)}`);
  else {
    sections.push(
      'Checked after every run by reading each queue out completely: each held exactly the acknowledged messages its filter accepts, each once, nothing else ' +
        '(no loss, no duplicates, filter respected); raw deliveries carried the body and the shard attribute, envelopes were signed Notifications of the topic with the message and the attribute; ' +
        "the server's published, delivered and filtered-out counters (/_tributary/metrics) matched: no errors.",
    );
  }
  sections.push(hostNoiseLine(runs.map(({ r }) => r)));
  return { key: 'sns', title: 'SNS fan-out', sections, invalid, seconds: (Date.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// Step Functions: the interpreter in-process, and the server

const SFN_CHAIN_LENGTH = 10;
const SFN_MAP_ITEMS = 1000;
/** Rows per transaction of the SQLite baseline (sqlite-baseline.mjs). */
const SQLITE_BATCH_ROWS = 1000;

const ALSF_LABEL = (() => {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules', 'aws-local-stepfunctions', 'package.json'), 'utf8'));
    return `aws-local-stepfunctions ${pkg.version}`;
  } catch {
    return 'aws-local-stepfunctions';
  }
})();

/** Windows of the Step Functions runs, derived from BENCH_SECONDS / BENCH_WARMUP to keep the sections short. */
function sfnWindows() {
  return {
    interpreter: { warmup: cfg.warmup / 2, seconds: cfg.seconds / 4 },
    server: { warmup: cfg.warmup, seconds: cfg.seconds * 0.4 },
    sqlite: { warmup: cfg.warmup / 2, seconds: cfg.seconds / 4 },
  };
}

/** (max − min) / median of the valid values. */
function spreadOf(values) {
  const v = values.filter(Number.isFinite);
  if (v.length < 2) return NaN;
  return (Math.max(...v) - Math.min(...v)) / median(v);
}

/** Median of fn over runs without errors (NaN if any run had errors). */
function medianOf(runs, fn) {
  if (runs.length === 0 || runs.some((r) => r.errors || r.fatal)) return NaN;
  return median(runs.map(fn));
}

const eachRun = (runs, fn) => runs.map((r) => f0(fn(r))).join(' / ');
const profArgv = (tag) => (profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${tag}.cpuprofile`] : []);

const INTERPRETER_PLAN = [
  { workload: 'chain', engine: 'alsf', history: false },
  { workload: 'chain', engine: 'tributary', history: false },
  { workload: 'chain', engine: 'tributary', history: true },
  { workload: 'map', engine: 'alsf', history: false },
  { workload: 'map', engine: 'tributary', history: false },
  { workload: 'map', engine: 'tributary', history: true },
];
const engineLabel = (p) => (p.engine === 'alsf' ? ALSF_LABEL : `Tributary (@tributary/asl), history ${p.history ? 'on' : 'off'}`);

async function sfnInterpreterSection() {
  const started = Date.now();
  const w = sfnWindows().interpreter;
  console.log(
    `Step Functions interpreter in-process: ${SFN_CHAIN_LENGTH}-state Pass chain and inline Map over ${f0(SFN_MAP_ITEMS)} items, ` +
      `Tributary vs ${ALSF_LABEL}, one process per measurement, ${w.warmup} s warm-up + ${w.seconds} s measured, ${cfg.sfnRepeat} runs each (interleaved)`,
  );
  const results = INTERPRETER_PLAN.map(() => []);
  for (let rep = 0; rep < cfg.sfnRepeat; rep++) {
    const order = INTERPRETER_PLAN.map((_, i) => i);
    if (rep % 2 === 1) order.reverse(); // ABBA: drift over the run hits every engine alike
    for (const i of order) {
      const p = INTERPRETER_PLAN[i];
      process.stdout.write(`  sfn ${p.workload.padEnd(5)} ${engineLabel(p).padEnd(45)} `);
      const loadCfg = { ...p, warmup: w.warmup, seconds: w.seconds, mapItems: SFN_MAP_ITEMS, chainLength: SFN_CHAIN_LENGTH };
      const tag = `sfn-interpreter-${p.workload}-${p.engine}${p.history ? '-history' : ''}-${rep}`;
      const r = await runLoad(loadCfg, null, (w.warmup + w.seconds + 60) * 1000, 'sfn-interpreter.mjs', profArgv(tag));
      results[i].push(r);
      console.log(runLine(r) ?? `${f0(r.executionsPerSecond)} executions/s`);
    }
  }
  const rate = (i) => medianOf(results[i], (r) => r.executionsPerSecond);
  const index = (workload, engine, history) => INTERPRETER_PLAN.findIndex((p) => p.workload === workload && p.engine === engine && p.history === history);
  /** Ratio of medians, and the range of the ratios of runs made next to each other. */
  const ratio = (i, base) => {
    const pairs = results[i].map((r, k) => r.executionsPerSecond / results[base][k]?.executionsPerSecond).filter(Number.isFinite);
    return { median: rate(i) / rate(base), min: Math.min(...pairs), max: Math.max(...pairs) };
  };
  const sections = [];
  sections.push(
    `Settings: the same definitions for both engines (Pass chain S0 → … → S${SFN_CHAIN_LENGTH - 1} with a ~100-byte object as input; ` +
      `an inline Map, ItemsPath $.items, one Pass state per item, over ${f0(SFN_MAP_ITEMS)} items {id, name}); executions run back to back, each awaited; ` +
      `every measurement in a fresh process of its own, ${w.warmup} s warm-up + ${w.seconds} s measured, ${cfg.sfnRepeat} runs of each, interleaved (the order reversed every other round). ` +
      `Tributary: \`compileMachine\` once, then \`runExecution(machine, input, { history })\`; history off is like-for-like with ${ALSF_LABEL} (\`new StateMachine(definition)\` once, then \`await run(input).result\`), which keeps no AWS history.`,
  );
  for (const workload of ['chain', 'map']) {
    const base = index(workload, 'alsf', false);
    const rows = INTERPRETER_PLAN.map((p, i) => ({ p, i }))
      .filter(({ p }) => p.workload === workload)
      .map(({ p, i }) => {
        const runs = results[i];
        const errors = runs.reduce((n, x) => n + (x.errors ?? 1), 0);
        const rt = ratio(i, base);
        const events = runs[0]?.eventsPerExecution ?? 0;
        return [
          engineLabel(p),
          errors ? `${f0(median(runs.map((x) => x.executionsPerSecond)))} (invalid)` : f0(rate(i)),
          eachRun(runs, (x) => x.executionsPerSecond),
          pct(spreadOf(runs.map((x) => x.executionsPerSecond))),
          i === base ? '1.00' : `${f2(rt.median)} (${f2(rt.min)}–${f2(rt.max)})`,
          p.history ? f0(rate(i) * events) : '–',
          f2(median(runs.map((x) => x.clientCpuSeconds / x.windowSeconds))),
          f2(Math.max(...runs.map((x) => x.otherCpuSeconds / x.windowSeconds).filter(Number.isFinite), 0)),
          errors ? `**${errors}**` : '0',
        ];
      });
    const title =
      workload === 'chain'
        ? `**${SFN_CHAIN_LENGTH}-state Pass chain** — executions per second, one at a time:`
        : `**Inline Map over ${f0(SFN_MAP_ITEMS)} items** (one Pass state per item) — executions per second, one at a time:`;
    sections.push(
      `${title}\n\n` +
        table(
          ['engine', 'executions/s (median)', 'each run', 'spread', `× ${ALSF_LABEL} (per-run pairs)`, 'history events/s', 'CPU (cores)', 'rest of machine (cores)', 'errors'],
          rows,
        ),
    );
  }
  const verdict = (workload, goal, goalText) => {
    const base = index(workload, 'alsf', false);
    const off = ratio(index(workload, 'tributary', false), base);
    const on = ratio(index(workload, 'tributary', true), base);
    if (!Number.isFinite(off.median)) return `Goal "${goalText}": NO VALID FIGURE (errors in a run).`;
    return (
      `Goal "${goalText}": ${off.median >= goal ? 'MET' : 'NOT MET'} — history off ${f2(off.median)} × (${f0(rate(index(workload, 'tributary', false)))} vs ${f0(rate(base))} executions/s; runs side by side ${f2(off.min)}–${f2(off.max)} ×); ` +
      `with history on ${f2(on.median)} ×.`
    );
  };
  sections.push(
    [`- ${verdict('chain', 1, `${SFN_CHAIN_LENGTH}-state Pass chain at least as fast as ${ALSF_LABEL}`)}`, `- ${verdict('map', 2, `Map over ${f0(SFN_MAP_ITEMS)} items twice as fast`)}`].join('\n'),
  );
  const all = INTERPRETER_PLAN.flatMap((p, i) => results[i].map((r) => ({ label: `${p.workload} ${engineLabel(p)}`, r })));
  const invalid = all.filter(({ r }) => r.errors || r.fatal);
  if (invalid.length) sections.push(`**Runs with errors (their figures are not valid):**\n\n${errorDetails(invalid)}`);
  else sections.push('Every execution was checked: its output (the input for the chain, the items array for the Map) and, with history on, its number of history events (22 and 4,006): no errors.');
  sections.push(hostNoiseLine(all.map(({ r }) => r)));
  return { key: 'sfn-interpreter', title: 'Step Functions interpreter', sections, invalid, seconds: (Date.now() - started) / 1000 };
}

async function sfnServerRun(target, mode, rep) {
  const w = sfnWindows().server;
  const server = await startServer(target, `sfn-${mode}-${target}-${rep}`);
  try {
    const concurrency = mode === 'standard' ? cfg.sfnStandardConcurrency : cfg.concurrency;
    const loadCfg = { mode, endpoint: server.endpoint, concurrency, warmup: w.warmup, seconds: w.seconds, runId: runId() };
    return await runLoad(loadCfg, server, (w.warmup + w.seconds + 120) * 1000, 'sfn-server.mjs');
  } finally {
    await stopServer(server);
  }
}

async function sqliteBaselineRun() {
  const w = sfnWindows().sqlite;
  const dataDir = mkdtempSync(join(os.tmpdir(), 'tributary-bench-sqlite-'));
  tempDirs.add(dataDir);
  try {
    return await runLoad({ dataDir, batchRows: SQLITE_BATCH_ROWS, warmup: w.warmup, seconds: w.seconds }, null, (w.warmup + w.seconds + 60) * 1000, 'sqlite-baseline.mjs');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    tempDirs.delete(dataDir);
  }
}

const SFN_SERVER_PLAN = [
  { key: 'express-null', label: 'null server', run: (rep) => sfnServerRun('null', 'express', rep) },
  { key: 'express-durable', label: TARGETS.durable.label, run: (rep) => sfnServerRun('durable', 'express', rep) },
  { key: 'standard-durable', label: TARGETS.durable.label, run: (rep) => sfnServerRun('durable', 'standard', rep) },
  { key: 'sqlite', label: `SQLite alone (better-sqlite3, ${f0(SQLITE_BATCH_ROWS)} rows per transaction)`, run: () => sqliteBaselineRun() },
];

async function sfnServerSection() {
  const started = Date.now();
  const w = sfnWindows();
  console.log(
    `Step Functions through the server: Express StartSyncExecution of the ${SFN_CHAIN_LENGTH}-state chain (Tributary durable vs the null server) and Standard StartExecution ` +
      `(durable history) vs SQLite's own batched insert rate; ${cfg.concurrency} loops (Standard: ${cfg.sfnStandardConcurrency}), raw HTTP client, ${w.server.warmup} s warm-up + ${w.server.seconds} s measured, ${cfg.sfnRepeat} runs each (interleaved)`,
  );
  const results = Object.fromEntries(SFN_SERVER_PLAN.map((p) => [p.key, []]));
  for (let rep = 0; rep < cfg.sfnRepeat; rep++) {
    const order = rep % 2 === 1 ? [...SFN_SERVER_PLAN].reverse() : SFN_SERVER_PLAN;
    for (const p of order) {
      process.stdout.write(`  sfn ${p.key.padEnd(17)} ${p.label.padEnd(30).slice(0, 30)} `);
      const r = await p.run(rep);
      results[p.key].push(r);
      const figure =
        p.key === 'sqlite'
          ? `${f0(r.rowsPerSecond)} rows/s`
          : p.key.startsWith('standard')
            ? `${f0(r.executionsPerSecond)} executions/s, ${f0(r.historyEventsPerSecond)} history events/s`
            : `${f0(r.executionsPerSecond)} executions/s`;
      console.log(runLine(r) ?? figure);
    }
  }
  const ex = (k) => medianOf(results[k], (r) => r.executionsPerSecond);
  const nullRate = ex('express-null');
  const durableRate = ex('express-durable');
  const std = results['standard-durable'];
  const sq = results['sqlite'];
  const eventsRate = medianOf(std, (r) => r.historyEventsPerSecond);
  const rowsRate = medianOf(sq, (r) => r.rowsPerSecond);
  const errorsOf = (runs) => runs.reduce((n, x) => n + (x.errors ?? 1), 0);
  const serverCols = (runs) => [
    pct(median(runs.map((x) => x.serverCpuSeconds / x.windowSeconds))),
    f0(median(runs.map((x) => (x.serverCpuSeconds / x.executions) * 1e6))),
    pct(median(runs.map((x) => x.clientCpuSeconds / x.windowSeconds))),
    f2(Math.max(...runs.map((x) => x.otherCpuSeconds / x.windowSeconds).filter(Number.isFinite), 0)),
    `${f2(median(runs.map((x) => x.callP50Ms)))} / ${f2(median(runs.map((x) => x.callP99Ms)))}`,
  ];
  const expressRows = ['express-null', 'express-durable'].map((k) => {
    const runs = results[k];
    const errors = errorsOf(runs);
    const pairs = runs.map((r, i) => r.executionsPerSecond / results['express-null'][i]?.executionsPerSecond).filter(Number.isFinite);
    return [
      SFN_SERVER_PLAN.find((p) => p.key === k).label,
      errors ? `${f0(median(runs.map((x) => x.executionsPerSecond)))} (invalid)` : f0(ex(k)),
      eachRun(runs, (x) => x.executionsPerSecond),
      pct(spreadOf(runs.map((x) => x.executionsPerSecond))),
      k === 'express-null' ? '1.00' : `${f2(ex(k) / nullRate)} (${f2(Math.min(...pairs))}–${f2(Math.max(...pairs))})`,
      ...serverCols(runs),
      errors ? `**${errors}**` : '0',
    ];
  });
  const stdErrors = errorsOf(std);
  const stdPairs = std.map((r, i) => r.historyEventsPerSecond / sq[i]?.rowsPerSecond).filter(Number.isFinite);
  const standardRow = [
    TARGETS.durable.label,
    f0(medianOf(std, (r) => r.executionsPerSecond)),
    stdErrors ? `${f0(median(std.map((x) => x.historyEventsPerSecond)))} (invalid)` : f0(eventsRate),
    eachRun(std, (x) => x.historyEventsPerSecond),
    pct(spreadOf(std.map((x) => x.historyEventsPerSecond))),
    f0(medianOf(std, (r) => r.stateTransitionsPerSecond)),
    `${f2(eventsRate / rowsRate)} (${f2(Math.min(...stdPairs))}–${f2(Math.max(...stdPairs))})`,
    ...serverCols(std),
    f2(median(std.map((x) => (x.serverCpuSeconds / (x.executions * x.eventsPerExecution)) * 1e6))),
    f2(Math.max(...std.map((x) => x.drainSeconds ?? NaN))),
    stdErrors ? `**${stdErrors}**` : '0',
  ];
  const sqErrors = errorsOf(sq);
  const sqliteRow = [
    SFN_SERVER_PLAN.find((p) => p.key === 'sqlite').label,
    sqErrors ? `${f0(median(sq.map((x) => x.rowsPerSecond)))} (invalid)` : f0(rowsRate),
    eachRun(sq, (x) => x.rowsPerSecond),
    pct(spreadOf(sq.map((x) => x.rowsPerSecond))),
    f0(median(sq.map((x) => x.transactions / x.windowSeconds))),
    f0(sq[0]?.meanRowBytes),
    f2(median(sq.map((x) => x.clientCpuSeconds / x.windowSeconds))),
    f2(median(sq.map((x) => (x.clientCpuSeconds / x.rows) * 1e6))),
    f2(Math.max(...sq.map((x) => x.otherCpuSeconds / x.windowSeconds).filter(Number.isFinite), 0)),
    sqErrors ? `**${sqErrors}**` : '0',
  ];
  const sections = [];
  sections.push(
    `Settings: raw HTTP client (AWS JSON 1.0, \`AWSStepFunctions.*\`), ${cfg.concurrency} concurrent loops for Express and ${cfg.sfnStandardConcurrency} for Standard (a Standard start is acknowledged only after its group commit is fsync'ed, so it takes more calls in flight to fill commits), a fresh server per run, ` +
      `${w.server.warmup} s warm-up + ${w.server.seconds} s measured, ${cfg.sfnRepeat} runs of each, interleaved with the SQLite baseline ` +
      `(${w.sqlite.warmup} s warm-up + ${w.sqlite.seconds} s measured). The state machine is the ${SFN_CHAIN_LENGTH}-state Pass chain of the interpreter section, with its ~100-byte input.`,
  );
  sections.push(
    '**Express: StartSyncExecution** — executions answered per second (each reply checked: SUCCEEDED, output = input):\n\n' +
      table(
        ['server', 'executions/s (median)', 'each run', 'spread', '× null (per-run pairs)', 'server CPU', 'server CPU µs/execution', 'client CPU', 'rest of machine (cores)', 'call p50 / p99 ms', 'errors'],
        expressRows,
      ),
  );
  sections.push(
    `**Standard: StartExecution, history persisted** — a Pass chain runs to its end inside StartExecution's first step, whose ${expectedEventsLine()} are committed and fsync'ed before the reply; history events written per second, and state transitions (StateEntered events) per second:\n\n` +
      table(
        ['server', 'executions/s', 'history events/s (median)', 'each run', 'spread', 'state transitions/s', '× SQLite rows/s (per-run pairs)', 'server CPU', 'server CPU µs/execution', 'client CPU', 'rest of machine (cores)', 'call p50 / p99 ms', 'server CPU µs/event', 'drain s', 'errors'],
        [standardRow],
      ),
  );
  sections.push(
    `**SQLite's own batched insert rate** — one row per history event (a \`(execution, event_id, event)\` table, WITHOUT ROWID), rows the size of this chain's history events, the store's settings (WAL, synchronous=NORMAL, EXCLUSIVE locking, the WAL fdatasync'ed after each commit on the thread pool, one sync at a time):\n\n` +
      table(['reference', 'rows/s (median)', 'each run', 'spread', 'transactions/s', 'mean row bytes', 'CPU (cores)', 'CPU µs/row', 'rest of machine (cores)', 'errors'], [sqliteRow]),
  );
  const verdicts = [];
  const exRatio = durableRate / nullRate;
  const exPairs = results['express-durable'].map((r, i) => r.executionsPerSecond / results['express-null'][i]?.executionsPerSecond).filter(Number.isFinite);
  verdicts.push(
    Number.isFinite(exRatio)
      ? `Goal "Express StartSyncExecution ≥ 0.5 × the null server": ${exRatio >= 0.5 ? 'MET' : 'NOT MET'} — ${f2(exRatio)} × (${f0(durableRate)} vs ${f0(nullRate)} executions/s; runs side by side ${f2(Math.min(...exPairs))}–${f2(Math.max(...exPairs))} ×).`
      : 'Goal "Express ≥ 0.5 × null": NO VALID FIGURE (errors in a run).',
  );
  const stdRatio = eventsRate / rowsRate;
  const usPerEvent = median(std.map((x) => (x.serverCpuSeconds / (x.executions * x.eventsPerExecution)) * 1e6));
  const usPerRow = median(sq.map((x) => (x.clientCpuSeconds / x.rows) * 1e6));
  verdicts.push(
    Number.isFinite(stdRatio)
      ? `Goal "Standard: history events written ≥ 0.2 × SQLite's batched insert rate": ${stdRatio >= 0.2 ? 'MET' : 'NOT MET'} — ${f2(stdRatio)} × (${f0(eventsRate)} history events/s vs ${f0(rowsRate)} rows/s). ` +
        `By CPU, which host noise distorts less: ${f2(usPerEvent)} µs of server CPU per history event against ${f2(usPerRow)} µs per row for SQLite alone, ${f2(usPerRow / usPerEvent)} ×.`
      : 'Goal "Standard history ≥ 0.2 × SQLite": NO VALID FIGURE (errors in a run).',
  );
  sections.push(verdicts.map((v) => `- ${v}`).join('\n'));
  const all = SFN_SERVER_PLAN.flatMap((p) => results[p.key].map((r) => ({ label: `${p.key} ${p.label}`, r })));
  const invalid = all.filter(({ r }) => r.errors || r.fatal);
  if (invalid.length) sections.push(`**Runs with errors (their figures are not valid):**\n\n${errorDetails(invalid)}`);
  else {
    const checked = std.reduce((n, r) => n + (r.verified?.executions ?? 0), 0);
    const histories = std.reduce((n, r) => n + (r.verified?.histories ?? 0), 0);
    sections.push(
      `Checked: every StartSyncExecution reply (SUCCEEDED, output = input, an express execution ARN); after each Standard run, ListExecutions listed exactly the ${f0(checked)} acknowledged executions (all runs together), all SUCCEEDED, ` +
        `and ${f0(histories)} of them were read back in full (GetExecutionHistory: ids 1–22, the event types in order, the output; DescribeExecution); the SQLite table held every row inserted: no errors.`,
    );
  }
  sections.push(hostNoiseLine(all.map(({ r }) => r)));
  return { key: 'sfn-server', title: 'Step Functions server', sections, invalid, seconds: (Date.now() - started) / 1000 };
}

function expectedEventsLine() {
  return `${2 * SFN_CHAIN_LENGTH + 2} history events (ExecutionStarted, ${SFN_CHAIN_LENGTH} × PassStateEntered/PassStateExited, ExecutionSucceeded) and the execution's row`;
}

// ---------------------------------------------------------------------------------------------

/** The commit the tree is at, and whether the server's sources differ from it (read-only git calls). */
function codeVersion() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--', 'packages') ? `commit ${head} with uncommitted changes under packages/` : `commit ${head}`;
  } catch {
    return 'an unknown commit';
  }
}

async function main() {
  const started = Date.now();
  const version = codeVersion();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`;
  console.log(`Tributary benchmark — ${new Date().toISOString()}`);
  console.log(`${machine}; Node ${process.version}; ${version}; sections: ${cfg.scenarios.join(', ')}`);

  const done = [];
  let sqs;
  if (ran('sqs')) done.push((sqs = await sqsSection()));
  if (ran('fifo')) done.push(await fifoSection(sqs));
  if (ran('move')) done.push(await moveSection());
  if (ran('sns')) done.push(await snsSection());
  if (ran('sfn-interpreter')) done.push(await sfnInterpreterSection());
  if (ran('sfn-server')) done.push(await sfnServerSection());

  const elapsed = (Date.now() - started) / 1000;
  const when = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const reports = done.map((sec) => {
    const head = `Measured ${when} on ${machine}; Node ${process.version}; Tributary at ${version}; this section took ${Math.round(sec.seconds)} s of the ${Math.round(elapsed)} s \`npm run bench\` took.`;
    const tail = profDir ? [`CPU profiles of the Tributary server children: ${profDir} (summarize with \`node bench/profile-summary.mjs ${profDir}/<file>\`).`] : [];
    return { ...sec, report: [head, ...sec.sections, ...tail].join('\n\n') };
  });
  for (const r of reports) console.log(`\n## ${r.title}\n\n${r.report}\n`);

  const write = cfg.writeDocs === '1' || (cfg.writeDocs === 'auto' && defaultKnobs);
  if (write) {
    for (const r of reports) writeDocs(r.key, r.title, r.report);
    console.log(`Wrote the results of ${reports.map((r) => r.title).join(', ')} into ${DOCS}.`);
  } else if (cfg.writeDocs !== '0') {
    console.log(`(Non-default knobs: ${DOCS} left as is; set BENCH_WRITE_DOCS=1 to write it anyway.)`);
  }
  console.log(`Total: ${Math.round(elapsed)} s.`);
  if (reports.some((r) => r.invalid.length)) process.exitCode = 1;
}

/**
 * Replaces the text between a section's markers (`bench:<key>:results:begin/end`); without them,
 * adds "### Results" under the section's "## <title>" heading, or the section at the end.
 */
function writeDocs(key, title, report) {
  const BEGIN = `<!-- bench:${key}:results:begin (written by bench/run.mjs; edits inside are overwritten) -->`;
  const END = `<!-- bench:${key}:results:end -->`;
  const block = `${BEGIN}\n${report}\n${END}`;
  let text = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '';
  const b = text.indexOf(BEGIN);
  const e = text.indexOf(END);
  const heading = new RegExp(`^## ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm');
  if (b >= 0 && e > b) {
    text = text.slice(0, b) + block + text.slice(e + END.length);
  } else if (heading.test(text)) {
    text = text.replace(heading, (h) => `${h}\n\n### Results\n\n${block}\n`);
  } else {
    if (!text) text = '# Benchmarks\n\nRun with `npm run bench`. One section per service.\n';
    text = `${text.trimEnd()}\n\n## ${title}\n\n### Results\n\n${block}\n`;
  }
  mkdirSync(dirname(DOCS), { recursive: true });
  writeFileSync(DOCS, text);
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(killAll);
