// `npm run bench`: SQS throughput and latency of Tributary against a null server, in one run.
// Every server runs in its own child process (bench/serve.mjs) and every load generator in another
// (bench/load.mjs), so on this 2-core machine each gets a core. See docs/benchmarks.md.
//
// Knobs (environment):
//   BENCH_SECONDS=10        measured window of each throughput run, after BENCH_WARMUP=2 seconds
//   BENCH_CONCURRENCY=8     concurrent send→receive→delete loops
//   BENCH_QUEUES=own        own: one queue per loop; shared: all loops on one queue
//   BENCH_LATENCY_MESSAGES=500   messages measured per latency run (after 50 warm-up messages)
//   BENCH_SDK=1             also run the AWS SDK v3 client (0 skips it)
//   BENCH_TARGETS=null,durable,normal,ephemeral   which servers to measure
//   BENCH_REPEAT=1          repeat the throughput runs (round robin) and report the median
//   BENCH_CPU_PROF=1        run server children with --cpu-prof; prints where the profiles are
//   BENCH_WRITE_DOCS=auto   auto: rewrite docs/benchmarks.md's SQS results only with default knobs;
//                           1: always; 0: never
import { fork } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineBusySeconds, median, procCpuSeconds } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const DOCS = join(root, 'docs', 'benchmarks.md');

function envNumber(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max}, got ${raw}`);
  return n;
}

const DEFAULTS = { seconds: 10, warmup: 2, concurrency: 8, queues: 'own', latencyMessages: 500, repeat: 1 };
const cfg = {
  seconds: envNumber('BENCH_SECONDS', DEFAULTS.seconds, 1, 120),
  warmup: envNumber('BENCH_WARMUP', DEFAULTS.warmup, 0, 30),
  concurrency: Math.round(envNumber('BENCH_CONCURRENCY', DEFAULTS.concurrency, 1, 256)),
  queues: process.env.BENCH_QUEUES === 'shared' ? 'shared' : 'own',
  latencyMessages: Math.round(envNumber('BENCH_LATENCY_MESSAGES', DEFAULTS.latencyMessages, 10, 20_000)),
  repeat: Math.round(envNumber('BENCH_REPEAT', DEFAULTS.repeat, 1, 10)),
  sdk: process.env.BENCH_SDK !== '0',
  targets: (process.env.BENCH_TARGETS ?? 'null,durable,normal,ephemeral').split(',').map((t) => t.trim()).filter(Boolean),
  cpuProf: process.env.BENCH_CPU_PROF === '1',
  writeDocs: process.env.BENCH_WRITE_DOCS ?? 'auto',
};
const defaultKnobs =
  cfg.seconds === DEFAULTS.seconds &&
  cfg.warmup === DEFAULTS.warmup &&
  cfg.concurrency === DEFAULTS.concurrency &&
  cfg.queues === DEFAULTS.queues &&
  cfg.latencyMessages === DEFAULTS.latencyMessages &&
  cfg.sdk &&
  !cfg.cpuProf &&
  cfg.targets.join(',') === 'null,durable,normal,ephemeral';

const TARGETS = {
  null: { label: 'null server', spec: { kind: 'null' } },
  durable: { label: 'Tributary durable (sync=full)', spec: { kind: 'tributary', ephemeral: false, sync: 'full' }, dataDir: true },
  normal: { label: 'Tributary sync=normal', spec: { kind: 'tributary', ephemeral: false, sync: 'normal' }, dataDir: true },
  ephemeral: { label: 'Tributary ephemeral', spec: { kind: 'tributary', ephemeral: true } },
};
for (const t of cfg.targets) if (!TARGETS[t]) throw new Error(`unknown target ${t} in BENCH_TARGETS (know ${Object.keys(TARGETS).join(', ')})`);

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

async function runLoad(loadCfg, server, timeoutMs) {
  const env = { ...process.env, AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const child = track(fork(join(here, 'load.mjs'), [JSON.stringify(loadCfg)], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  let serverCpuStart;
  let serverCpuEnd;
  let busyStart;
  let busyEnd;
  let result;
  const done = new Promise((resolve) => {
    child.on('message', (m) => {
      if (m?.type === 'phase' && m.phase === 'measure-start') {
        serverCpuStart = procCpuSeconds(server.pid);
        busyStart = machineBusySeconds();
      }
      if (m?.type === 'phase' && m.phase === 'measure-end') {
        serverCpuEnd = procCpuSeconds(server.pid);
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
  // CPU the rest of the machine (other processes, the kernel) used in the window: ours subtracted.
  if (busyStart !== undefined && busyEnd !== undefined && result.serverCpuSeconds !== undefined && result.clientCpuSeconds !== undefined) {
    result.otherCpuSeconds = Math.max(0, busyEnd - busyStart - result.serverCpuSeconds - result.clientCpuSeconds);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

// Enough unmeasured messages for a fresh database's WAL to reach its steady size (its first
// checkpoint): until then each fsync also commits file-size metadata and costs several times more.
const LATENCY_WARMUP = 200;

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
    const errors = runs.reduce((n, x) => n + (x.errors ?? 1), 0);
    return [
      TARGETS[t].label,
      errors ? `${f0(rate)} (invalid)` : f0(rate),
      cfg.repeat > 1 ? runs.map((x) => f0(x.messagesPerSecond)).join(' / ') : f0(r?.callsPerSecond),
      t === 'null' ? '1.00' : f2(rate / nullRate),
      pct(serverCpu),
      f0(usPerMsg),
      pct(clientCpu),
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
      'server CPU µs/msg',
      'client CPU',
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

async function main() {
  const started = Date.now();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`;
  console.log(`Tributary SQS benchmark — ${new Date().toISOString()}`);
  console.log(`${machine}; Node ${process.version}`);
  console.log(
    `throughput: ${cfg.concurrency} loops (${cfg.queues === 'own' ? 'one queue each' : 'one shared queue'}), ` +
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
        console.log(r.errors ? `${r.errors} ERROR(S): ${(r.errorSamples ?? [])[0] ?? r.fatal}` : `${f0(r.messagesPerSecond)} msg/s`);
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
      r.errors
        ? `${r.errors} ERROR(S): ${(r.errorSamples ?? [])[0] ?? r.fatal}`
        : r.mode === 'send'
          ? `send RTT p50 ${f2(r.sendP50Ms)} ms`
          : `send→receive p50 ${f2(r.e2eP50Ms)} ms, p99 ${f2(r.e2eP99Ms)} ms`,
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
  const busiest = Math.max(0, ...allRuns.map(({ r }) => r.otherCpuSeconds / r.windowSeconds).filter(Number.isFinite));
  const elapsed = (Date.now() - started) / 1000;

  const when = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const sections = [];
  sections.push(`Measured ${when} on ${machine}; Node ${process.version}; \`npm run bench\` took ${Math.round(elapsed)} s.`);
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
  sections.push(
    busiest > 0.25
      ? `**Host noise:** processes other than the server and the load generator used up to ${f2(busiest)} of the ${os.cpus().length} cores during a measured window (column "rest of machine"), so these figures understate what this machine can do; compare ratios within the run, and prefer the CPU µs/msg columns, which contention distorts less.`
      : `Host noise: the rest of the machine used at most ${f2(busiest)} cores during any measured window.`,
  );
  if (profDir) sections.push(`CPU profiles of the Tributary server children: ${profDir} (summarize with \`node bench/profile-summary.mjs ${profDir}/<file>\`).`);
  const report = sections.join('\n\n');

  console.log(`\n${report}\n`);

  const write = cfg.writeDocs === '1' || (cfg.writeDocs === 'auto' && defaultKnobs);
  if (write) {
    writeDocs(report);
    console.log(`Wrote the SQS results into ${DOCS}.`);
  } else if (cfg.writeDocs !== '0') {
    console.log(`(Non-default knobs: ${DOCS} left as is; set BENCH_WRITE_DOCS=1 to write it anyway.)`);
  }
  if (invalid.length) process.exitCode = 1;
}

const BEGIN = '<!-- bench:sqs:results:begin (written by bench/run.mjs; edits inside are overwritten) -->';
const END = '<!-- bench:sqs:results:end -->';

function writeDocs(report) {
  const block = `${BEGIN}\n${report}\n${END}`;
  let text = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '';
  const b = text.indexOf(BEGIN);
  const e = text.indexOf(END);
  if (b >= 0 && e > b) {
    text = text.slice(0, b) + block + text.slice(e + END.length);
  } else if (/^## SQS\s*$/m.test(text)) {
    text = text.replace(/^## SQS\s*$/m, (h) => `${h}\n\n### Results\n\n${block}\n`);
  } else {
    if (!text) text = '# Benchmarks\n\nRun with `npm run bench`. One section per service.\n';
    text = `${text.trimEnd()}\n\n## SQS\n\n### Results\n\n${block}\n`;
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
