#!/usr/bin/env node
// The Step Functions conformance runner (`npm run conformance`): runs the standalone execution
// cases of ../shared/conformance/sfn/cases.jsonl (recorded against real AWS) through Tributary and
// compares what comes out (./compare.mjs says how). See ./README.md.
//
//   node conformance/run.mjs [--direct] [--filter SUBSTR] [--verbose] [--concurrency K]
//                            [--timeout-ms MS] [--floor N | --floor-file FILE] [--cases FILE] [--optional]
//
// Default mode: the server in-process (startTributary, in memory, port 0) driven with
// @aws-sdk/client-sfn. --direct: no server, runExecution() of @tributary/asl with virtual time.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compareCase, endEventFromHistory, sdkResponseToRecorded } from './compare.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const HERE = new URL('.', import.meta.url);
const DEFAULT_CASES = new URL('../../shared/conformance/sfn/cases.jsonl', import.meta.url);
const RESULTS_DIR = new URL('results/', HERE);
const SERVER_MODULE = new URL('../packages/server/dist/index.js', import.meta.url);
const ASL_MODULE = new URL('../packages/asl/dist/index.js', import.meta.url);

const ACCOUNT = '111111111111';
const REGION = 'us-east-1';
// The recording used this role; the case's replacements turn it into `snf_role_arn`.
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/test-sfn-role`;

/** The issue's target set: service-free standalone executions. */
const TARGET_KINDS = new Set(['execution', 'execution_output']);
/** Other standalone kinds, run as far as they make sense and reported separately. */
const EXTRA_KINDS = new Set(['describe_execution', 'sync_execution', 'express_async_end_event']);

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = `usage: node conformance/run.mjs [options]
  --direct            run through runExecution() of packages/asl (no server, virtual time)
  --filter SUBSTR     only cases whose id or nodeid contains SUBSTR
  --verbose           print every failure with its differences, and progress
  --concurrency K     cases in flight at once (default 16)
  --timeout-ms MS     per case (default 10000)
  --floor N           exit 1 when fewer than N target cases pass
  --floor-file FILE   the same, N read from FILE ({"api": N, "direct": N})
  --cases FILE        the corpus (default ../shared/conformance/sfn/cases.jsonl beside the repo)
  --optional          exit 0 with a message when the corpus is missing
  --server-log LEVEL  the in-process server's log level (default silent; e.g. error)`;

function parseArgs(argv) {
  const o = {
    direct: false,
    filter: undefined,
    verbose: false,
    concurrency: 16,
    timeoutMs: 10_000,
    floor: undefined,
    floorFile: undefined,
    cases: undefined,
    optional: false,
    serverLog: 'silent',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    const number = () => {
      const v = Number(value());
      if (!Number.isFinite(v) || v < 0) fail(`${a} needs a non-negative number`);
      return v;
    };
    switch (a) {
      case '--direct':
        o.direct = true;
        break;
      case '--filter':
        o.filter = value();
        break;
      case '--verbose':
      case '-v':
        o.verbose = true;
        break;
      case '--concurrency':
        o.concurrency = Math.max(1, Math.floor(number()));
        break;
      case '--timeout-ms':
        o.timeoutMs = number();
        break;
      case '--floor':
        o.floor = Math.floor(number());
        break;
      case '--floor-file':
        o.floorFile = value();
        break;
      case '--cases':
        o.cases = value();
        break;
      case '--optional':
        o.optional = true;
        break;
      case '--server-log':
        o.serverLog = value();
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        fail(`unknown option ${a}\n${USAGE}`);
    }
  }
  return o;
}

function fail(message, code = 2) {
  console.error(`conformance: ${message}`);
  process.exit(code);
}

// ---------------------------------------------------------------------------------------------
// Cases

/** The test area: the directory after v2/ in the node id (or the file, for tests directly in v2/). */
export function categoryOf(nodeid) {
  const m = /\/v2\/([^/:]+)\//.exec(nodeid) ?? /\/v2\/([^/:]+)\.py/.exec(nodeid);
  return m ? m[1] : 'other';
}

function walk(value, visit) {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      visit(k, v);
      walk(v, visit);
    }
  }
}

/** Cases whose definition waits on a timer AWS runs in real time: Wait, Retry intervals, timeouts. */
function isTimeSensitive(c) {
  let found = false;
  walk(c.definition, (k, v) => {
    if (
      (k === 'Type' && v === 'Wait') ||
      k === 'Retry' ||
      /^(TimeoutSeconds|HeartbeatSeconds)(Path)?$/.test(k)
    )
      found = true;
  });
  return found;
}

function shortId(c) {
  return c.id.replace(/^tests\/aws\/services\/stepfunctions\/v2\//, '');
}

/** Splits the corpus into what we run and what we list as skipped. */
export function selectCases(all, filter) {
  const target = [];
  const extra = [];
  const skipped = [];
  for (const c of all) {
    if (!c.standalone) continue;
    if (filter && !c.id.includes(filter) && !c.nodeid.includes(filter)) continue;
    if (c.requires === 'none' && TARGET_KINDS.has(c.kind)) target.push(c);
    else if (c.requires === 'none' && EXTRA_KINDS.has(c.kind)) extra.push(c);
    else if (c.requires === 'lambda')
      skipped.push({ c, reason: 'needs Lambda (not implemented yet)' });
    else skipped.push({ c, reason: `requires ${c.requires}, kind ${c.kind}` });
  }
  return { target, extra, skipped };
}

function hash(text) {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** A concrete name the recording used for `placeholder`, when it is a plain name (replacements). */
function recordedName(c, placeholder) {
  const hit = (c.replacements ?? []).find(
    ([pattern, repl]) => repl === placeholder && /^[\w.-]{1,80}$/.test(pattern),
  );
  return hit?.[0];
}

// ---------------------------------------------------------------------------------------------
// Running one case: direct mode

class DirectRunner {
  async start() {
    if (!existsSync(fileURLToPath(ASL_MODULE)))
      throw new Error(`${fileURLToPath(ASL_MODULE)} is missing: run npm run build`);
    this.asl = await import(ASL_MODULE.href);
    /** @type {Map<string, unknown>} */
    this.compiled = new Map();
    this.label = 'direct (runExecution of packages/asl, virtual time)';
  }

  async stop() {}

  /** @returns {Promise<import('./compare.mjs').Actual>} */
  async run(c) {
    const key = c.definition_json;
    if (!this.compiled.has(key)) this.compiled.set(key, this.asl.compileMachine(c.definition_json));
    const machine = this.compiled.get(key);
    const smName = `conformance_${hash(`${c.state_machine_type}\n${key}`)}`;
    const execName = randomUUID();
    const stateMachineArn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${smName}`;
    const executionArn =
      c.state_machine_type === 'EXPRESS'
        ? `arn:aws:states:${REGION}:${ACCOUNT}:express:${smName}:${execName}:${randomUUID()}`
        : `arn:aws:states:${REGION}:${ACCOUNT}:execution:${smName}:${execName}`;
    const startTime = Date.now();
    const input = c.input_json == null ? {} : JSON.parse(c.input_json);
    const result = await this.asl.runExecution(machine, input, {
      info: {
        executionArn,
        name: execName,
        roleArn: ROLE_ARN,
        startTime,
        stateMachineArn,
        stateMachineName: smName,
        type: c.state_machine_type,
      },
      startTime,
      history: true,
      ...(c.input_json == null ? {} : { inputText: c.input_json }),
    });
    const events = c.history_reverse_order ? [...result.events].reverse() : result.events;
    return {
      status: result.status,
      output: result.output ?? null,
      error: result.error ?? null,
      cause: result.cause ?? null,
      events,
      response:
        c.kind === 'express_async_end_event'
          ? endEventFromHistory(result.events, executionArn)
          : undefined,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Running one case: through the server's API

class NeedsTime extends Error {}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * One in-process server with its own clock: a ManualClock that follows the wall clock (so short
 * Retry intervals simply pass) and that we move further ahead when an execution sits on a long
 * timer (Wait, TimeoutSeconds). Moving a server's clock would disturb other executions on it, so
 * cases that may need it get a server of their own for the time they run.
 */
class Server {
  constructor(modules, options) {
    this.modules = modules;
    this.options = options;
    this.sfn = modules.sfn;
  }

  async start() {
    const { server } = this.modules;
    this.offset = 0;
    if (typeof server.ManualClock === 'function') {
      this.clock = new server.ManualClock(Date.now());
      this.ticker = setInterval(() => this.clock.set(Date.now() + this.offset), 10);
      this.ticker.unref();
    }
    /** Whether the server's timers fire when the clock is moved (ManualClock.onMove). */
    this.canMoveTime = typeof this.clock?.onMove === 'function';
    // The server's own log stays quiet unless --server-log asks for it (e.g. error: interpreter crashes).
    this.tributary = await server.startTributary({
      port: 0,
      logLevel: this.options.serverLog,
      ...(this.clock ? { clock: this.clock } : {}),
    });
    this.client = new this.sfn.SFNClient({
      endpoint: this.tributary.endpoint,
      region: REGION,
      // A twelve-digit access key id selects that account: the recording's 111111111111.
      credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'conformance' },
      // StartSyncExecution goes to the host `sync-<endpoint host>`, which 127.0.0.1 cannot have.
      disableHostPrefix: true,
      maxAttempts: 1,
    });
    /** @type {Map<string, Promise<{ arn: string, startArn: string, versionArn?: string }>>} */
    this.machines = new Map();
    return this;
  }

  async stop() {
    if (this.ticker) clearInterval(this.ticker);
    this.client?.destroy();
    await this.tributary?.stop();
  }

  send(command) {
    return this.client.send(command);
  }

  /** One state machine per distinct (type, definition); describe cases with the recorded names. */
  machineFor(c) {
    const S = this.sfn;
    const resp = c.expected_response ?? {};
    const named = c.kind === 'describe_execution' ? recordedName(c, '<ArnPart_0idx>') : undefined;
    const name = named ?? `conformance_${hash(`${c.state_machine_type}\n${c.definition_json}`)}`;
    const wantsVersion =
      c.kind === 'describe_execution' && (resp.stateMachineVersionArn || resp.stateMachineAliasArn);
    const aliasName = resp.stateMachineAliasArn
      ? recordedName(c, String(resp.stateMachineAliasArn).split(':').pop())
      : undefined;
    const key = `${name}\n${c.state_machine_type}\n${c.definition_json}\n${aliasName ?? ''}`;
    if (!this.machines.has(key)) {
      const created = (async () => {
        const out = await this.send(
          new S.CreateStateMachineCommand({
            name,
            definition: c.definition_json,
            roleArn: ROLE_ARN,
            type: c.state_machine_type,
            ...(wantsVersion ? { publish: true } : {}),
          }),
        );
        let startArn = out.stateMachineArn;
        const versionArn = out.stateMachineVersionArn;
        if (aliasName && versionArn) {
          const alias = await this.send(
            new S.CreateStateMachineAliasCommand({
              name: aliasName,
              routingConfiguration: [{ stateMachineVersionArn: versionArn, weight: 100 }],
            }),
          );
          startArn = alias.stateMachineAliasArn;
        }
        return { arn: out.stateMachineArn, startArn, versionArn };
      })();
      created.catch(() => {});
      this.machines.set(key, created);
    }
    return this.machines.get(key);
  }

  /**
   * @param {any} c
   * @param {{ advanceClock: boolean, deadline: number }} phase
   * @returns {Promise<import('./compare.mjs').Actual>}
   */
  async run(c, phase) {
    const S = this.sfn;
    const machine = await this.machineFor(c);
    const resp = c.expected_response ?? {};
    let stateMachineArn = machine.arn;
    if (c.kind === 'describe_execution' && resp.stateMachineAliasArn)
      stateMachineArn = machine.startArn;
    else if (c.kind === 'describe_execution' && resp.stateMachineVersionArn)
      stateMachineArn = machine.versionArn ?? machine.arn;
    const execPlaceholder =
      c.kind === 'describe_execution' && typeof resp.name === 'string' ? resp.name : undefined;
    const name = execPlaceholder ? recordedName(c, execPlaceholder) : undefined;
    const input = c.input_json ?? undefined;

    if (c.start_via === 'StartSyncExecution') {
      const out = await this.send(
        new S.StartSyncExecutionCommand({ stateMachineArn, input, ...(name ? { name } : {}) }),
      );
      return {
        status: out.status,
        output: out.output ?? null,
        error: out.error ?? null,
        cause: out.cause ?? null,
        response: sdkResponseToRecorded(out),
      };
    }

    const started = await this.send(
      new S.StartExecutionCommand({ stateMachineArn, input, ...(name ? { name } : {}) }),
    );
    const arn = started.executionArn;
    const wantsHistory = Boolean(
      c.expected_history || c.expected?.event_types || c.kind === 'express_async_end_event',
    );
    let described;
    let describeError;
    try {
      described = await this.waitForEnd(arn, phase);
    } catch (err) {
      if (err instanceof NeedsTime || c.state_machine_type !== 'EXPRESS') throw err;
      describeError = err; // AWS has no DescribeExecution for Express; the history may still tell
    }
    let events;
    if (wantsHistory || described === undefined) {
      try {
        events = described
          ? await this.history(arn, Boolean(c.history_reverse_order))
          : await this.waitForEndInHistory(arn, phase);
      } catch (err) {
        if (described === undefined) {
          throw new Error(
            `cannot observe an Express execution started with StartExecution (DescribeExecution: ${errorText(describeError)}; GetExecutionHistory: ${errorText(err)})`,
          );
        }
        throw err;
      }
    }
    const last = events && (c.history_reverse_order ? events[0] : events[events.length - 1]);
    const fromHistory = last ? outcomeOfEvent(last) : {};
    return {
      status: described?.status ?? fromHistory.status,
      output: described ? (described.output ?? null) : (fromHistory.output ?? null),
      error: described ? (described.error ?? null) : (fromHistory.error ?? null),
      cause: described ? (described.cause ?? null) : (fromHistory.cause ?? null),
      events,
      response:
        c.kind === 'describe_execution'
          ? sdkResponseToRecorded(described)
          : c.kind === 'express_async_end_event' && events
            ? endEventFromHistory(c.history_reverse_order ? [...events].reverse() : events, arn)
            : undefined,
    };
  }

  /** Polls DescribeExecution until the execution ends; moves the clock when allowed and stuck. */
  async waitForEnd(arn, phase) {
    const S = this.sfn;
    return this.poll(phase, arn, async () => {
      const d = await this.send(new S.DescribeExecutionCommand({ executionArn: arn }));
      return d.status && d.status !== 'RUNNING' && d.status !== 'PENDING_REDRIVE' ? d : undefined;
    });
  }

  /** For Express executions without DescribeExecution: polls the history for a terminal event. */
  async waitForEndInHistory(arn, phase) {
    return this.poll(phase, arn, async () => {
      const events = await this.history(arn, false);
      return events.length &&
        /^Execution(Succeeded|Failed|TimedOut|Aborted)$/.test(events[events.length - 1].type)
        ? events
        : undefined;
    });
  }

  async poll(phase, arn, check) {
    let delay = 2;
    let step = 1_000;
    let lastProgress = Date.now();
    let lastEventId = -1;
    let moved = 0;
    for (;;) {
      const done = await check();
      if (done !== undefined) return done;
      const now = Date.now();
      if (now > phase.deadline) {
        let why = `still RUNNING after ${this.options.timeoutMs} ms`;
        if (moved) why += ` although the clock was moved ${formatDuration(moved)} ahead`;
        else if (phase.advanceClock && !this.canMoveTime)
          why += ' (the server has no movable clock, so long timers take real time)';
        throw new NeedsTime(why);
      }
      if (phase.advanceClock && this.canMoveTime) {
        // Progress = the history grew. None for a while: jump ahead, doubling the jump each time.
        const id = await this.lastEventId(arn);
        if (id !== lastEventId) {
          lastEventId = id;
          lastProgress = now;
          step = 1_000;
        } else if (now - lastProgress > STUCK_MS) {
          this.offset += step;
          moved += step;
          this.clock.set(Date.now() + this.offset);
          step = Math.min(step * 2, 400 * 86_400_000);
          lastProgress = now;
        }
      }
      await sleep(delay);
      delay = Math.min(delay * 2, phase.advanceClock ? 10 : 25);
    }
  }

  async lastEventId(arn) {
    try {
      const out = await this.send(
        new this.sfn.GetExecutionHistoryCommand({
          executionArn: arn,
          maxResults: 1,
          reverseOrder: true,
          includeExecutionData: false,
        }),
      );
      return out.events?.[0]?.id ?? 0;
    } catch {
      return 0;
    }
  }

  /** Every page of GetExecutionHistory, as boto3 would have shown it. */
  async history(arn, reverseOrder) {
    const events = [];
    let nextToken;
    do {
      const out = await this.send(
        new this.sfn.GetExecutionHistoryCommand({
          executionArn: arn,
          maxResults: 1000,
          reverseOrder,
          includeExecutionData: true,
          nextToken,
        }),
      );
      for (const e of out.events ?? []) events.push(sdkResponseToRecorded(e));
      nextToken = out.nextToken;
    } while (nextToken);
    return events;
  }
}

/** No new history event for this long while a timer is pending: move the clock ahead. */
const STUCK_MS = 40;

class ApiRunner {
  constructor(options) {
    this.options = options;
    /** @type {Server[]} idle servers for cases that may move the clock */
    this.idle = [];
    /** @type {Server[]} */
    this.all = [];
  }

  async start() {
    if (!existsSync(fileURLToPath(SERVER_MODULE)))
      throw new Error(`${fileURLToPath(SERVER_MODULE)} is missing: run npm run build`);
    this.modules = {
      server: await import(SERVER_MODULE.href),
      sfn: await import('@aws-sdk/client-sfn'),
    };
    this.primary = await this.newServer();
    const clockText = !this.primary.clock
      ? 'system clock'
      : this.primary.canMoveTime
        ? 'ManualClock following the wall clock, moved ahead on long timers'
        : 'ManualClock without onMove: long timers take real time';
    this.label = `api (in-process server at ${this.primary.tributary.endpoint}; ${clockText})`;
  }

  async newServer() {
    const s = await new Server(this.modules, this.options).start();
    this.all.push(s);
    return s;
  }

  async stop() {
    await Promise.all(this.all.map((s) => s.stop()));
  }

  /** Phase 1 cases share the primary server; clock-moving cases get one to themselves. */
  async run(c, phase) {
    if (!phase.advanceClock) return this.primary.run(c, phase);
    const server = this.idle.pop() ?? (await this.newServer());
    try {
      return await server.run(c, phase);
    } finally {
      this.idle.push(server);
    }
  }
}

function outcomeOfEvent(e) {
  const d =
    e.executionSucceededEventDetails ??
    e.executionFailedEventDetails ??
    e.executionTimedOutEventDetails ??
    e.executionAbortedEventDetails ??
    {};
  const status = {
    ExecutionSucceeded: 'SUCCEEDED',
    ExecutionFailed: 'FAILED',
    ExecutionTimedOut: 'TIMED_OUT',
    ExecutionAborted: 'ABORTED',
  }[e.type];
  return { status, output: d.output, error: d.error, cause: d.cause };
}

function formatDuration(ms) {
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 172_800_000) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.round(ms / 86_400_000)} days`;
}

function errorText(err) {
  if (!err) return 'unknown error';
  const name = err.name && err.name !== 'Error' ? `${err.name}: ` : '';
  return `${name}${err.message ?? String(err)}`.split('\n')[0];
}

// ---------------------------------------------------------------------------------------------
// The run

async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new NeedsTime(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function pool(items, concurrency, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  });
  await Promise.all(workers);
}

/** Runs and compares one case; never throws. */
async function runOne(runner, c, options, phase) {
  const t0 = Date.now();
  const base = {
    id: c.id,
    nodeid: c.nodeid,
    kind: c.kind,
    category: categoryOf(c.nodeid),
    set: TARGET_KINDS.has(c.kind) ? 'target' : 'extra',
  };
  try {
    const actual = await withTimeout(
      runner.run(c, { ...phase, deadline: t0 + options.timeoutMs }),
      options.timeoutMs + 2_000,
      'the case',
    );
    const cmp = compareCase(c, actual, { compareResponse: !options.direct });
    const first = cmp.differences[0];
    return {
      ...base,
      outcome: cmp.pass ? 'pass' : 'fail',
      reason: first ? `${first.check} differs at ${first.path}` : undefined,
      firstDifference: first,
      differences: cmp.differences,
      checks: cmp.checks,
      skipsUsed: cmp.skipsUsed,
      tolerancesUsed: cmp.tolerancesUsed,
      durationMs: Date.now() - t0,
      actual: cmp.pass ? undefined : actual,
    };
  } catch (err) {
    const needsTime = err instanceof NeedsTime;
    return {
      ...base,
      outcome: needsTime ? 'needs-time' : 'error',
      reason: errorText(err),
      durationMs: Date.now() - t0,
    };
  }
}

function pct(n, d) {
  return d ? `${((100 * n) / d).toFixed(1)}%` : '-';
}

function clip(value, n) {
  const s =
    value === undefined
      ? 'nothing'
      : typeof value === 'string'
        ? JSON.stringify(value)
        : (JSON.stringify(value) ?? String(value));
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function readFloor(options) {
  if (options.floor !== undefined) return options.floor;
  if (!options.floorFile) return undefined;
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(options.floorFile, 'utf8'));
  } catch (err) {
    fail(`cannot read the floor file ${options.floorFile}: ${errorText(err)}`);
  }
  const mode = options.direct ? 'direct' : 'api';
  const n = parsed?.[mode];
  if (n === undefined) return 0;
  if (typeof n !== 'number' || n < 0)
    fail(`${options.floorFile}: "${mode}" must be a non-negative number`);
  return n;
}

async function main() {
  // `… | head` closes our stdout early: stop quietly.
  process.stdout.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const options = parseArgs(process.argv.slice(2));
  const casesPath = options.cases ?? fileURLToPath(DEFAULT_CASES);
  if (!existsSync(casesPath)) {
    const why = `the corpus ${casesPath} is missing (it lives beside the repository in shared/conformance/sfn; --cases FILE points elsewhere)`;
    if (options.optional) {
      console.log(`conformance: skipped: ${why}`);
      process.exit(0);
    }
    fail(why);
  }
  const floor = readFloor(options);
  const all = readFileSync(casesPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const { target, extra, skipped } = selectCases(all, options.filter);
  const runner = options.direct ? new DirectRunner() : new ApiRunner(options);
  const t0 = Date.now();
  await runner.start();
  console.log(`Step Functions conformance — ${runner.label}`);
  console.log(
    `corpus ${casesPath}: ${target.length} target cases, ${extra.length} other standalone cases, ${skipped.length} skipped${options.filter ? ` (filter "${options.filter}")` : ''}`,
  );

  const toRun = [...target, ...extra];
  /** @type {Map<string, any>} */
  const results = new Map();
  let done = 0;
  const progress = (r) => {
    done++;
    if (options.verbose)
      console.log(
        `  [${done}/${toRun.length}] ${r.outcome.padEnd(10)} ${shortId(r)}${r.reason ? ` — ${r.reason}` : ''}`,
      );
  };
  try {
    if (options.direct) {
      await pool(toRun, options.concurrency, async (c) => {
        const r = await runOne(runner, c, options, { advanceClock: false });
        results.set(c.id, r);
        progress(r);
      });
    } else {
      // Phase 1: everything without timers, concurrently, on one server following the wall clock.
      // Phase 2: Wait/Retry/timeout cases and phase-1 stragglers, each on a server of its own (up to
      // 8 at once), whose clock jumps ahead whenever the execution is stuck on a timer.
      const timed = toRun.filter(isTimeSensitive);
      const plain = toRun.filter((c) => !isTimeSensitive(c));
      const retry = [];
      await pool(plain, options.concurrency, async (c) => {
        const r = await runOne(runner, c, options, { advanceClock: false });
        if (r.outcome === 'needs-time') retry.push(c);
        else {
          results.set(c.id, r);
          progress(r);
        }
      });
      await pool([...timed, ...retry], Math.min(options.concurrency, 8), async (c) => {
        const r = await runOne(runner, c, options, { advanceClock: true });
        results.set(c.id, r);
        progress(r);
      });
    }
  } finally {
    await runner.stop();
  }
  const elapsed = Date.now() - t0;
  const ordered = toRun.map((c) => results.get(c.id));
  report(ordered, skipped, options, { casesPath, elapsed, floor, label: runner.label });
}

function report(results, skipped, options, meta) {
  const mode = options.direct ? 'direct' : 'api';
  const target = results.filter((r) => r.set === 'target');
  const extra = results.filter((r) => r.set === 'extra');
  const passed = target.filter((r) => r.outcome === 'pass');
  const byCategory = new Map();
  for (const r of target) {
    const s = byCategory.get(r.category) ?? { pass: 0, total: 0 };
    s.total++;
    if (r.outcome === 'pass') s.pass++;
    byCategory.set(r.category, s);
  }
  const byKind = new Map();
  for (const r of extra) {
    const s = byKind.get(r.kind) ?? { pass: 0, total: 0 };
    s.total++;
    if (r.outcome === 'pass') s.pass++;
    byKind.set(r.kind, s);
  }
  const relyOnSkips = passed.filter((r) => r.skipsUsed?.length);
  const relyOnTolerances = passed.filter((r) => r.tolerancesUsed?.length);
  const needsTime = results.filter((r) => r.outcome === 'needs-time');
  const failures = results.filter((r) => r.outcome !== 'pass');
  const reasons = new Map();
  for (const r of failures) {
    const key = `${r.outcome}: ${r.outcome === 'fail' ? `${r.firstDifference?.check} — ${r.firstDifference?.message}` : r.reason}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }

  // stdout
  const w = Math.max(24, ...[...byCategory.keys(), ...byKind.keys()].map((k) => k.length + 2));
  console.log('');
  console.log(`${'category'.padEnd(w)}${'pass'.padStart(6)} / total      %`);
  for (const [cat, s] of [...byCategory].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(
      `${cat.padEnd(w)}${String(s.pass).padStart(6)} / ${String(s.total).padEnd(6)}${pct(s.pass, s.total).padStart(7)}`,
    );
  }
  const floorText =
    meta.floor === undefined
      ? ''
      : passed.length >= meta.floor
        ? `   (floor ${meta.floor}: ok)`
        : `   (floor ${meta.floor}: NOT MET)`;
  console.log(
    `${'TOTAL (target set)'.padEnd(w)}${String(passed.length).padStart(6)} / ${String(target.length).padEnd(6)}${pct(passed.length, target.length).padStart(7)}${floorText}`,
  );
  console.log(
    `passes relying on skipped paths (localstack_skip_verify_paths): ${relyOnSkips.length}; on tolerances (T1): ${relyOnTolerances.length}`,
  );
  if (byKind.size) {
    console.log('other standalone kinds (not in the target set):');
    for (const [kind, s] of byKind)
      console.log(
        `  ${kind.padEnd(w - 2)}${String(s.pass).padStart(6)} / ${String(s.total).padEnd(6)}${pct(s.pass, s.total).padStart(7)}`,
      );
  }
  const skipReasons = new Map();
  for (const s of skipped) skipReasons.set(s.reason, (skipReasons.get(s.reason) ?? 0) + 1);
  for (const [reason, n] of skipReasons) console.log(`skipped: ${n} (${reason})`);
  if (needsTime.length)
    console.log(
      `needs time: ${needsTime.length} (${needsTime.slice(0, 5).map(shortId).join(', ')}${needsTime.length > 5 ? ', …' : ''})`,
    );
  if (reasons.size) {
    console.log('failure reasons:');
    for (const [reason, n] of [...reasons]
      .sort((a, b) => b[1] - a[1])
      .slice(0, options.verbose ? 1000 : 10))
      console.log(`  ${String(n).padStart(4)}× ${reason.slice(0, 160)}`);
  }
  if (failures.length) {
    const shown = options.verbose ? failures : failures.slice(0, 25);
    console.log(
      `failures${shown.length < failures.length ? ` (first ${shown.length} of ${failures.length})` : ''}:`,
    );
    for (const r of shown) {
      const d = r.firstDifference;
      const detail = d
        ? `${d.check} ${d.path}: expected ${clip(d.expected, options.verbose ? 400 : 80)}, got ${clip(d.actual, options.verbose ? 400 : 80)}${d.message ? ` (${d.message})` : ''}`
        : `${r.outcome}: ${r.reason}`;
      console.log(`  ${shortId(r)}\n      ${detail}`);
      if (options.verbose && r.differences?.length > 1) {
        for (const x of r.differences.slice(1))
          console.log(
            `      ${x.check} ${x.path}: expected ${clip(x.expected, 400)}, got ${clip(x.actual, 400)} (${x.message})`,
          );
      }
    }
  }

  // results/latest.json
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = new URL('latest.json', RESULTS_DIR);
  const summary = {
    mode,
    runner: meta.label,
    corpus: meta.casesPath,
    filter: options.filter ?? null,
    finishedAt: new Date().toISOString(),
    elapsedMs: meta.elapsed,
    target: { pass: passed.length, total: target.length },
    floor: meta.floor ?? null,
    categories: Object.fromEntries([...byCategory].sort((a, b) => a[0].localeCompare(b[0]))),
    otherKinds: Object.fromEntries(byKind),
    passesRelyingOnSkips: relyOnSkips.map((r) => ({ id: r.id, skipsUsed: r.skipsUsed })),
    passesRelyingOnTolerances: relyOnTolerances.map((r) => ({
      id: r.id,
      tolerancesUsed: r.tolerancesUsed,
    })),
    needsTime: needsTime.map((r) => ({ id: r.id, reason: r.reason })),
    skipped: skipped.map((s) => ({
      id: s.c.id,
      kind: s.c.kind,
      requires: s.c.requires,
      reason: s.reason,
    })),
    failureReasons: Object.fromEntries([...reasons].sort((a, b) => b[1] - a[1])),
    failures,
    passes: results
      .filter((r) => r.outcome === 'pass')
      .map((r) => ({ id: r.id, durationMs: r.durationMs })),
  };
  writeFileSync(file, `${JSON.stringify(summary, null, 1)}\n`);
  console.log(
    `\n${passed.length}/${target.length} target cases pass (${mode}) in ${(meta.elapsed / 1000).toFixed(1)} s; details in ${fileURLToPath(file)}`,
  );
  if (meta.floor !== undefined && passed.length < meta.floor) {
    console.error(
      `conformance: ${passed.length} passes is below the floor of ${meta.floor} (${mode})`,
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  main().catch((err) => {
    console.error(`conformance: ${err?.stack ?? err}`);
    process.exit(2);
  });
}
