// Step Functions API conformance: replays the API calls of LocalStack's AWS-validated Step Functions
// tests (../shared/conformance/sfn beside the repository: api_calls.jsonl, cases.jsonl) against an
// in-process server, one fresh server per recorded test, and compares each recorded AWS response
// (kinds api_response and api_error) with ours: error code, message and HTTP status, or the
// response's members and values.
//
// In scope: the ValidateStateMachineDefinition recordings (kind validate_definition), and the rows
// of the operations implemented (state machines, executions, history, tags,
// validation) whose test calls nothing else. Rows of tests that also need activities, versions,
// aliases, Lambda, SQS or CloudWatch Logs queries are counted apart, as are rows where the
// recording is botocore's own client-side validation (the request never reached AWS).
//
// Comparison, following the corpus README: the recording's replacements are applied to our values
// (the names are the recorded ones, so they map the same way), `<…>` placeholders left in the
// expectation match anything (consistently within a row), dates ("datetime") match any
// timestamp, and JSON text starting with `{` is compared parsed, as the snapshot stored it. Known
// gaps are listed in KNOWN_GAPS with the reason; they run as expected failures, so a fix shows up.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startTributary, type Tributary } from '../packages/server/src/index.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CORPUS = `${HERE}../../shared/conformance/sfn`;
const present = existsSync(`${CORPUS}/cases.jsonl`) && existsSync(`${CORPUS}/api_calls.jsonl`);
if (!present)
  console.warn(`Skipping the Step Functions API conformance replay: ${CORPUS} is not there`);

const OPERATIONS = new Set([
  'CreateStateMachine',
  'DescribeStateMachine',
  'UpdateStateMachine',
  'DeleteStateMachine',
  'ListStateMachines',
  'StartExecution',
  'StartSyncExecution',
  'DescribeExecution',
  'ListExecutions',
  'GetExecutionHistory',
  'StopExecution',
  'DescribeStateMachineForExecution',
  'ValidateStateMachineDefinition',
  'TagResource',
  'UntagResource',
  'ListTagsForResource',
]);
/** Test fixtures that only prepare something the replay does not need (log groups are not checked). */
const IGNORED_CALLS = new Set(['logs:CreateLogGroup', 'logs:DescribeLogGroups']);

/**
 * Recorded tests whose captured calls are not what was sent to AWS, so replaying them proves
 * nothing (see the corpus README on capture by execution).
 */
const MISCAPTURED: Record<string, string> = {
  'test_sfn_api_logs.py::TestSnfApiLogs::test_update_logging_configuration':
    'the test mutated one loggingConfiguration dict between calls; the capture holds its final state for every call',
  'test_sfn_api.py::TestSnfApi::test_create_update_state_machine_base_role_arn':
    'the roles the test created per step were captured as one ARN',
  'test_sfn_api.py::TestSnfApi::test_create_update_state_machine_base_definition_and_role':
    'the roles the test created per step were captured as one ARN',
  'test_sfn_api.py::TestSnfApi::test_create_update_state_machine_same_parameters':
    'the roles the test created per step were captured as one ARN',
};

/** Rows whose recorded behaviour the server does not reproduce, with the reason. */
const KNOWN_GAPS: Record<string, string> = {};

interface Call {
  index: number;
  service: string;
  operation: string;
  params: Record<string, unknown>;
  expect_error: boolean;
  snapshot_keys: string[];
}
interface RecordedTest {
  nodeid: string;
  calls: Call[];
}
interface Row {
  id: string;
  kind: 'api_error' | 'api_response' | 'validate_definition';
  nodeid: string;
  snapshot_key: string;
  request: { operation: string; params: Record<string, unknown> };
  expected: { error_code: string; error_message: string; http_status: number } | null;
  expected_response: unknown;
  replacements?: Array<[string, string]>;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

// --- what the server answered ---------------------------------------------------------------

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

async function call(
  endpoint: string,
  operation: string,
  params: Record<string, unknown>,
): Promise<Reply> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `AWSStepFunctions.${operation}`,
      // The recordings were made in account 111111111111, us-east-1: the credential scope says so.
      authorization:
        'AWS4-HMAC-SHA256 Credential=111111111111/20260101/us-east-1/states/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

// --- comparing -----------------------------------------------------------------------------

/**
 * JSON text that starts with `{` was stored parsed by the snapshot library (which does not look
 * inside what it parsed); do the same to ours.
 */
function normalise(v: unknown): unknown {
  if (typeof v === 'string' && v.startsWith('{')) {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)]));
  return v;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

class Matcher {
  private readonly bound = new Map<string, string>();
  constructor(private readonly replacements: Array<[string, string]>) {}

  /** Our string after the recording's replacements (literal, or regular expressions where they are ones). */
  private replaced(actual: string): string {
    let out = actual;
    for (const [from, to] of this.replacements) {
      if (/[[\]+*\\]/.test(from)) {
        try {
          out = out.replace(new RegExp(from, 'g'), to);
          continue;
        } catch {
          // not a regular expression after all
        }
      }
      out = out.split(from).join(to);
    }
    return out;
  }

  string(expected: string, actual: string): boolean {
    const ours = this.replaced(actual);
    if (ours === expected) return true;
    const parts = expected.split(/(<[^<>]+>)/);
    if (parts.length === 1) return false;
    const names: string[] = [];
    const pattern = parts
      .map((p, i) => (i % 2 === 1 ? (names.push(p), '(.*?)') : escapeRegex(p)))
      .join('');
    const m = new RegExp(`^${pattern}$`, 's').exec(ours);
    if (!m) return false;
    for (const [i, name] of names.entries()) {
      const value = m[i + 1]!;
      if (value === name) continue;
      const seen = this.bound.get(name);
      if (seen !== undefined && seen !== value) return false;
      this.bound.set(name, value);
    }
    return true;
  }

  /** Differences between the recorded value and ours, as `path: expected … got …` lines. */
  diff(expected: unknown, actual: unknown, path = '$'): string[] {
    if (expected === 'datetime' || expected === 'date' || expected === 'timestamp') {
      return typeof actual === 'number' || typeof actual === 'string'
        ? []
        : [`${path}: expected a date, got ${JSON.stringify(actual)}`];
    }
    if (typeof expected === 'string') {
      return typeof actual === 'string' && this.string(expected, actual)
        ? []
        : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
    }
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual))
        return [`${path}: expected a list, got ${JSON.stringify(actual)}`];
      if (actual.length !== expected.length)
        return [`${path}: expected ${expected.length} items, got ${actual.length}`];
      return expected.flatMap((e, i) => this.diff(e, actual[i], `${path}[${i}]`));
    }
    if (expected && typeof expected === 'object') {
      if (!actual || typeof actual !== 'object' || Array.isArray(actual))
        return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
      const a = actual as Record<string, unknown>;
      const out: string[] = [];
      for (const [k, e] of Object.entries(expected)) {
        if (!(k in a)) out.push(`${path}.${k}: missing`);
        else out.push(...this.diff(e, a[k], `${path}.${k}`));
      }
      for (const k of Object.keys(a)) {
        // encryptionConfiguration was added to the API after most recordings were made.
        if (!(k in expected) && !(path === '$' && k === 'encryptionConfiguration'))
          out.push(`${path}.${k}: not in the recording (${JSON.stringify(a[k])})`);
      }
      return out;
    }
    return expected === actual
      ? []
      : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
}

/** "An error occurred (Code) when calling the Op operation: Message" as botocore printed it. */
function parsePrinted(text: string): { code: string; message: string } | undefined {
  const m = /^An error occurred \(([^)]+)\) when calling the \w+ operation: ([\s\S]*)$/.exec(text);
  return m ? { code: m[1]!, message: m[2]! } : undefined;
}

interface Verdict {
  ok: boolean;
  detail: string;
}

function judge(row: Row, reply: Reply | undefined): Verdict {
  if (!reply) return { ok: false, detail: 'the call was not replayed' };
  const matcher = new Matcher(row.replacements ?? []);
  const ourType =
    typeof reply.body.__type === 'string' ? reply.body.__type.split('#').pop()! : undefined;
  const ourMessage = typeof reply.body.message === 'string' ? reply.body.message : '';
  let wanted: { code: string; message: string; status?: number } | undefined;
  if (row.expected)
    wanted = {
      code: row.expected.error_code,
      message: row.expected.error_message,
      status: row.expected.http_status,
    };
  else if (typeof row.expected_response === 'string') wanted = parsePrinted(row.expected_response);
  if (wanted) {
    const problems: string[] = [];
    if (ourType !== wanted.code)
      problems.push(`code ${wanted.code} expected, got ${ourType ?? `success (${reply.status})`}`);
    else if (!matcher.string(wanted.message, ourMessage))
      problems.push(
        `message ${JSON.stringify(wanted.message)} expected, got ${JSON.stringify(ourMessage)}`,
      );
    if (wanted.status !== undefined && reply.status !== wanted.status)
      problems.push(`status ${wanted.status} expected, got ${reply.status}`);
    return { ok: problems.length === 0, detail: problems.join('; ') };
  }
  const expected = { ...(row.expected_response as Record<string, unknown>) };
  const meta = expected.ResponseMetadata as { HTTPStatusCode?: number } | undefined;
  delete expected.ResponseMetadata;
  if (ourType) return { ok: false, detail: `success expected, got ${ourType}: ${ourMessage}` };
  const problems = matcher.diff(expected, normalise(reply.body));
  if (meta?.HTTPStatusCode !== undefined && meta.HTTPStatusCode !== reply.status)
    problems.push(`status ${meta.HTTPStatusCode} expected, got ${reply.status}`);
  return { ok: problems.length === 0, detail: problems.join('\n') };
}

// --- replaying a recorded test --------------------------------------------------------------

const STUB = /^<stub:stepfunctions\.(\w+)\(\)((?:\['[^']+'\])+)>$/;
const EXECUTION_ARN = /arn:aws:states:[a-z0-9-]+:\d{12}:execution:([^:"]+):([^:"]+)/g;

/** Replaces `<stub:stepfunctions.Op()['key']>` by that key of the last reply to Op. */
function resolveStubs(value: unknown, last: Map<string, Record<string, unknown>>): unknown {
  if (typeof value === 'string') {
    const m = STUB.exec(value);
    if (!m) return value;
    let v: unknown = last.get(m[1]!);
    for (const key of m[2]!.matchAll(/\['([^']+)'\]/g))
      v = (v as Record<string, unknown> | undefined)?.[key[1]!];
    return v;
  }
  if (Array.isArray(value)) return value.map((v) => resolveStubs(v, last));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveStubs(v, last)]));
  return value;
}

async function settle(endpoint: string, executionArns: string[]): Promise<void> {
  for (const executionArn of executionArns) {
    for (let i = 0; i < 100; i++) {
      const r = await call(endpoint, 'DescribeExecution', { executionArn });
      if (r.body.status !== 'RUNNING') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

const READS = new Set([
  'DescribeExecution',
  'GetExecutionHistory',
  'ListExecutions',
  'DescribeStateMachineForExecution',
]);

/** Replays one recorded test on a fresh server; returns our reply per call index. */
async function replay(test: RecordedTest): Promise<Map<number, Reply>> {
  const tributary: Tributary = await startTributary({ port: 0 });
  const replies = new Map<number, Reply>();
  const last = new Map<string, Record<string, unknown>>();
  // Executions the test stops while they run: reads must not wait for those to end.
  const stoppedLater = new Set(
    test.calls
      .filter((c) => c.operation === 'StopExecution')
      .map((c) => String(c.params.executionArn)),
  );
  const named = new Set<string>();
  const started: string[] = [];
  try {
    for (const c of test.calls) {
      if (c.service !== 'stepfunctions') continue;
      let params = resolveStubs(c.params, last) as Record<string, unknown>;
      // The harness named unnamed executions itself (its fake replies); later calls use those
      // names, so the replay starts each unnamed execution under the next name it will be asked for.
      if (c.operation === 'StartExecution' && params.name === undefined) {
        const machine = String(params.stateMachineArn).split(':').at(-1);
        // Only calls recorded as succeeding name an execution that exists (others probe a missing one).
        const later = JSON.stringify(
          test.calls
            .slice(c.index + 1)
            .filter((x) => !x.expect_error)
            .map((x) => x.params),
        );
        for (const m of later.matchAll(EXECUTION_ARN)) {
          if (m[1] === machine && !named.has(m[0])) {
            params = { ...params, name: m[2] };
            break;
          }
        }
      }
      if (READS.has(c.operation))
        await settle(
          tributary.endpoint,
          started.filter((a) => !stoppedLater.has(a)),
        );
      const reply = await call(tributary.endpoint, c.operation, params);
      replies.set(c.index, reply);
      if (reply.status === 200) last.set(c.operation, reply.body);
      if (c.operation === 'StartExecution' && typeof reply.body.executionArn === 'string') {
        named.add(reply.body.executionArn);
        started.push(reply.body.executionArn);
      }
    }
  } finally {
    await tributary.stop();
  }
  return replies;
}

// --- which rows, and the suite ---------------------------------------------------------------

type Exclusion =
  | 'other operations'
  | 'versions or aliases'
  | 'client-side validation'
  | 'unresolvable stub'
  | 'not bound to a call'
  | 'mis-captured test';

const QUALIFIED_MACHINE = /:stateMachine:[^:"]+:[^:"]+"/;

function plan(): {
  tests: Array<{ test: RecordedTest; rows: Array<{ row: Row; index: number }> }>;
  excluded: Map<Exclusion, number>;
} {
  const excluded = new Map<Exclusion, number>();
  const skip = (why: Exclusion): void => void excluded.set(why, (excluded.get(why) ?? 0) + 1);
  if (!present) return { tests: [], excluded };
  const recorded = new Map(
    readJsonl<RecordedTest>(`${CORPUS}/api_calls.jsonl`).map((t) => [t.nodeid, t]),
  );
  const rows = readJsonl<Row>(`${CORPUS}/cases.jsonl`).filter(
    (r) =>
      (r.kind === 'api_error' || r.kind === 'api_response') && OPERATIONS.has(r.request.operation),
  );
  const byTest = new Map<string, Array<{ row: Row; index: number }>>();
  const standalone: Array<{ test: RecordedTest; rows: Array<{ row: Row; index: number }> }> = [];
  // ValidateStateMachineDefinition recordings stand alone: one call each.
  for (const row of readJsonl<Row>(`${CORPUS}/cases.jsonl`).filter(
    (r) => r.kind === 'validate_definition',
  )) {
    const only: Call = {
      index: 0,
      service: 'stepfunctions',
      operation: row.request.operation,
      params: row.request.params,
      expect_error: false,
      snapshot_keys: [],
    };
    standalone.push({ test: { nodeid: row.id, calls: [only] }, rows: [{ row, index: 0 }] });
  }
  for (const row of rows) {
    const test = recorded.get(row.nodeid);
    const key = row.id.slice(row.id.indexOf('#') + 1).split('/')[0]!;
    const bound = test?.calls.find((c) =>
      c.snapshot_keys.some((k) => k === key || k.split('/')[0] === key || k === row.snapshot_key),
    );
    if (!test || !bound) {
      skip('not bound to a call');
      continue;
    }
    if (
      test.calls.some(
        (c) =>
          (c.service !== 'stepfunctions' || !OPERATIONS.has(c.operation)) &&
          !IGNORED_CALLS.has(`${c.service}:${c.operation}`),
      )
    ) {
      skip('other operations');
      continue;
    }
    const shortId = test.nodeid.slice(test.nodeid.indexOf('/v2/') + 4);
    if (MISCAPTURED[shortId]) {
      skip('mis-captured test');
      continue;
    }
    if (
      test.calls.some(
        (c) =>
          c.params.publish === true ||
          c.params.versionDescription !== undefined ||
          QUALIFIED_MACHINE.test(JSON.stringify(c.params)),
      )
    ) {
      skip('versions or aliases');
      continue;
    }
    if (JSON.stringify(test.calls).match(/<stub:(?!stepfunctions\.)/)) {
      skip('unresolvable stub');
      continue;
    }
    if (
      typeof row.expected_response === 'string' &&
      row.expected_response.startsWith('Parameter validation failed')
    ) {
      skip('client-side validation');
      continue;
    }
    const list = byTest.get(test.nodeid) ?? [];
    list.push({ row, index: bound.index });
    byTest.set(test.nodeid, list);
  }
  return {
    tests: [
      ...[...byTest].map(([nodeid, list]) => ({ test: recorded.get(nodeid)!, rows: list })),
      ...standalone,
    ],
    excluded,
  };
}

const { tests, excluded } = plan();
const results: Array<{ id: string; ok: boolean; detail: string; gap: string | undefined }> = [];

describe.skipIf(!present)('Step Functions API conformance (recorded AWS responses)', () => {
  afterAll(() => {
    const passed = results.filter((r) => r.ok).length;
    const skippedSummary = [...excluded].map(([why, n]) => `${n} ${why}`).join(', ');
    const gaps = results.filter((r) => !r.ok && r.gap).length;
    console.log(
      `Step Functions API rows: ${passed}/${results.length} in scope match AWS, ${gaps} known gaps (not in scope: ${skippedSummary})`,
    );
    for (const r of results.filter((x) => !x.ok && !x.gap))
      console.log(`  ✗ ${r.id}\n      ${r.detail.split('\n').join('\n      ')}`);
  });

  for (const { test, rows } of tests) {
    describe(test.nodeid.split('::').slice(1).join('::'), () => {
      let replies: Promise<Map<number, Reply>> | undefined;
      for (const { row, index } of rows) {
        const gap = KNOWN_GAPS[row.id];
        const title = `${row.request.operation} ${row.id.slice(row.id.indexOf('#') + 1)}`;
        (gap ? it.fails : it)(gap ? `${title} (known gap: ${gap})` : title, async () => {
          replies ??= replay(test);
          const verdict = judge(row, (await replies).get(index));
          results.push({ id: row.id, ...verdict, gap });
          expect(verdict.detail).toBe('');
        });
      }
    });
  }
});
