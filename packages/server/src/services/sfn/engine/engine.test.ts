import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../runtime/clock.js';
import { TimerService } from '../../../runtime/timers.js';
import type { Store, StateMachineRecord } from '../../../storage/ports.js';
import { createSqliteStore } from '../../../storage/sqlite/index.js';
import { ExecutionEngine, EXPRESS_MAX_DURATION_MS } from './engine.js';
import { HISTORY_LIMIT_CAUSE } from './history-limit.js';
import { ScriptedInterpreter } from './scripted-interpreter.case.js';
import { TaskRunners } from './tasks.js';

const dir = mkdtempSync(join(tmpdir(), 'tributary-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const YEAR_MS = 365 * 24 * 3600_000;
const ACCOUNT = '000000000000';
const REGION = 'us-east-1';

interface Harness {
  store: Store;
  clock: ManualClock;
  timers: TimerService;
  interpreter: ScriptedInterpreter;
  tasks: TaskRunners;
  engine: ExecutionEngine;
  errors: string[];
}

const open: Harness[] = [];

function harness(
  store: Store = createSqliteStore(':memory:'),
  clock = new ManualClock(Date.UTC(2026, 0, 1)),
): Harness {
  const timers = new TimerService(clock);
  const interpreter = new ScriptedInterpreter();
  const tasks = new TaskRunners();
  const errors: string[] = [];
  const engine = new ExecutionEngine({
    store: store.sfn,
    clock,
    timers,
    interpreter,
    tasks,
    log: { error: (_d, m) => errors.push(m) },
  });
  const h = { store, clock, timers, interpreter, tasks, engine, errors };
  open.push(h);
  return h;
}

async function shutdown(h: Harness): Promise<void> {
  const i = open.indexOf(h);
  if (i >= 0) open.splice(i, 1);
  await h.engine.close();
  h.timers.stop();
  await h.store.close();
}

afterEach(async () => {
  for (const h of [...open]) await shutdown(h);
});

async function machine(
  h: Harness,
  definition: object,
  type: 'STANDARD' | 'EXPRESS' = 'STANDARD',
  name = 'sm',
): Promise<StateMachineRecord> {
  const arn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;
  const { machine: m } = await h.store.sfn.createStateMachine({
    arn,
    account: ACCOUNT,
    region: REGION,
    name,
    type,
    status: 'ACTIVE',
    tags: [],
    createdAt: h.clock.now(),
    revision: {
      definition: JSON.stringify(definition),
      roleArn: 'arn:aws:iam::000000000000:role/r',
      revisionId: null,
      loggingConfiguration: {},
      tracingConfiguration: {},
      encryptionConfiguration: {},
      createdAt: h.clock.now(),
    },
  });
  return m;
}

const execArn = (name: string): string =>
  `arn:aws:states:${REGION}:${ACCOUNT}:execution:sm:${name}`;

async function eventTypes(h: Harness, arn: string): Promise<string[]> {
  const rows = await h.store.sfn.getHistory(arn, { after: 0, reverse: false, limit: 100_000 });
  return rows.map((r) => (r.event as unknown as { type: string }).type);
}

/** Waits until the execution is no longer RUNNING (steps run on later turns of the event loop). */
async function settled(h: Harness, arn: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const e = await h.store.sfn.getExecution(arn);
    if (e && e.status !== 'RUNNING') return e.status;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${arn} still running`);
}

const WAIT = (seconds: number) => ({
  StartAt: 'Before',
  States: {
    Before: { Type: 'Pass', Next: 'Sleep' },
    Sleep: { Type: 'Wait', Seconds: seconds, Next: 'After' },
    After: { Type: 'Pass', Result: { done: true }, End: true },
  },
});

describe('ExecutionEngine, Standard executions', () => {
  it('records a Pass chain that ends in its first step, in one write, before resolving', async () => {
    const h = harness();
    const m = await machine(h, {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Result: { ok: 1 }, Next: 'B' }, B: { Type: 'Succeed' } },
    });
    const { created, execution } = await h.engine.startStandard({
      machine: m,
      arn: execArn('e1'),
      name: 'e1',
      input: '{"x":1}',
    });
    expect(created).toBe(true);
    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: '{"ok":1}', input: '{"x":1}' });
    expect(execution.stoppedAt).toBe(h.clock.now());
    expect(await eventTypes(h, execution.arn)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(await h.store.sfn.timersOf(execution.arn)).toEqual([]);
  });

  it('crosses a one-year Wait when the ManualClock moves a year', async () => {
    const h = harness();
    const m = await machine(h, WAIT(365 * 24 * 3600));
    const { execution } = await h.engine.startStandard({
      machine: m,
      arn: execArn('year'),
      name: 'year',
      input: '{}',
    });
    expect(execution.status).toBe('RUNNING');
    expect((await h.store.sfn.timersOf(execution.arn)).map((t) => t.fireAt)).toEqual([
      h.clock.now() + YEAR_MS,
    ]);
    h.clock.advance(YEAR_MS - 1000);
    await new Promise((r) => setTimeout(r, 20));
    expect((await h.store.sfn.getExecution(execution.arn))?.status).toBe('RUNNING');
    h.clock.advance(1000);
    expect(await settled(h, execution.arn)).toBe('SUCCEEDED');
    expect(await h.store.sfn.timersOf(execution.arn)).toEqual([]);
    expect(await eventTypes(h, execution.arn)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('resumes after a restart: an overdue timer fires at once and no state runs twice', async () => {
    const path = join(dir, 'restart.sqlite');
    const first = harness(createSqliteStore(path));
    const m = await machine(first, WAIT(5));
    const { execution } = await first.engine.startStandard({
      machine: m,
      arn: execArn('r'),
      name: 'r',
      input: '{}',
    });
    // The process "dies": nothing more happens in it (its timers are dropped with it).
    first.timers.stop();
    await shutdown(first);

    const clock = new ManualClock(first.clock.now() + 60_000);
    const second = harness(createSqliteStore(path), clock);
    expect(await second.engine.resume()).toBe(1);
    expect(await settled(second, execution.arn)).toBe('SUCCEEDED');
    expect(second.interpreter.calls).toEqual(['timerFired']);
    const types = await eventTypes(second, execution.arn);
    expect(types.filter((t) => t === 'WaitStateEntered')).toHaveLength(1);
    expect(types.filter((t) => t === 'ExecutionStarted')).toHaveLength(1);
    expect(types.at(-1)).toBe('ExecutionSucceeded');
    const ids = (
      await second.store.sfn.getHistory(execution.arn, { after: 0, reverse: false, limit: 100 })
    ).map((e) => e.id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
  });

  it('aborts on stop, cancelling the pending timer', async () => {
    const h = harness();
    const m = await machine(h, WAIT(3600));
    const { execution } = await h.engine.startStandard({
      machine: m,
      arn: execArn('s'),
      name: 's',
      input: '{}',
    });
    await h.engine.stop(execution.arn, 'Halt', 'by test');
    expect(await h.store.sfn.getExecution(execution.arn)).toMatchObject({
      status: 'ABORTED',
      error: 'Halt',
      cause: 'by test',
    });
    expect((await eventTypes(h, execution.arn)).slice(-2)).toEqual([
      'WaitStateAborted',
      'ExecutionAborted',
    ]);
    expect(await h.store.sfn.timersOf(execution.arn)).toEqual([]);
    expect(h.timers.size).toBe(0);
  });

  it('fails a task no runner handles with States.TaskFailed and a cause that says why', async () => {
    const h = harness();
    const m = await machine(h, {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:000000000000:function:f',
          End: true,
        },
      },
    });
    const { execution } = await h.engine.startStandard({
      machine: m,
      arn: execArn('t'),
      name: 't',
      input: '{}',
    });
    expect(await settled(h, execution.arn)).toBe('FAILED');
    const done = await h.store.sfn.getExecution(execution.arn);
    expect(done?.error).toBe('States.TaskFailed');
    expect(done?.cause).toContain(
      "cannot run the resource 'arn:aws:lambda:us-east-1:000000000000:function:f'",
    );
    expect(await h.store.sfn.tasksOf(execution.arn)).toEqual([]);
  });

  it('hands tasks to a registered runner and records its answer', async () => {
    const h = harness();
    h.tasks.register({
      name: 'echo',
      handles: (resource) => resource.startsWith('echo:'),
      run: (task, context) => {
        context.started();
        return Promise.resolve({ ok: true, output: { echoed: task.input } });
      },
    });
    const m = await machine(h, {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'echo:x', End: true } },
    });
    const { execution } = await h.engine.startStandard({
      machine: m,
      arn: execArn('echo'),
      name: 'echo',
      input: '{"v":2}',
    });
    expect(await settled(h, execution.arn)).toBe('SUCCEEDED');
    expect((await h.store.sfn.getExecution(execution.arn))?.output).toBe('{"echoed":{"v":2}}');
    expect(await eventTypes(h, execution.arn)).toContain('TaskStarted');
  });

  it('re-dispatches a task that had no answer when the process died', async () => {
    const path = join(dir, 'tasks.sqlite');
    const first = harness(createSqliteStore(path));
    first.tasks.register({
      name: 'never',
      handles: () => true,
      run: () => new Promise(() => undefined),
    });
    const m = await machine(first, {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'job:1', End: true } },
    });
    const { execution } = await first.engine.startStandard({
      machine: m,
      arn: execArn('k'),
      name: 'k',
      input: '{}',
    });
    expect((await first.store.sfn.tasksOf(execution.arn)).map((t) => t.taskId)).toEqual(['task-1']);
    await shutdown(first);

    const second = harness(createSqliteStore(path));
    second.tasks.register({
      name: 'done',
      handles: () => true,
      run: () => Promise.resolve({ ok: true, output: 'finished' }),
    });
    await second.engine.resume();
    expect(await settled(second, execution.arn)).toBe('SUCCEEDED');
    expect((await second.store.sfn.getExecution(execution.arn))?.output).toBe('"finished"');
  });

  it('records an interpreter failure as a failed execution instead of leaving it running', async () => {
    const h = harness();
    const m = await machine(h, WAIT(1));
    h.interpreter.failNext = true;
    const { execution } = await h.engine.startStandard({
      machine: m,
      arn: execArn('boom'),
      name: 'boom',
      input: '{}',
    });
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(execution.cause).toContain('scripted failure');
    expect(await eventTypes(h, execution.arn)).toEqual(['ExecutionStarted', 'ExecutionFailed']);
    expect(h.errors).toHaveLength(1);
  });

  it('records a definition the interpreter cannot compile as a failed execution', async () => {
    const h = harness();
    const m = await machine(h, WAIT(1));
    h.interpreter.compile = () => {
      throw new Error('cannot compile');
    };
    const { execution } = await h.engine.startStandard({
      machine: m,
      arn: execArn('nc'),
      name: 'nc',
      input: '{}',
    });
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(execution.cause).toContain('cannot compile');
  });

  it('fails an execution at the 25,000th event with AWS error and cause', async () => {
    const h = harness();
    const m = await machine(h, {
      StartAt: 'Spin',
      States: { Spin: { Type: 'Pass', Next: 'Spin' } },
    });
    const { execution } = await h.engine.startStandard({
      machine: m,
      arn: execArn('spin'),
      name: 'spin',
      input: '{}',
    });
    expect(execution).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: HISTORY_LIMIT_CAUSE,
    });
    const last = await h.store.sfn.getHistory(execution.arn, {
      after: Number.MAX_SAFE_INTEGER,
      reverse: true,
      limit: 2,
    });
    expect(
      last.map((e) => e.event as unknown as { id: number; type: string; previousEventId: number }),
    ).toMatchObject([
      { id: 25_000, type: 'ExecutionFailed', previousEventId: 24_999 },
      { id: 24_999, type: 'PassStateExited' },
    ]);
  });

  it('deletes a DELETING machine once its last execution stops', async () => {
    const h = harness();
    const m = await machine(h, WAIT(10));
    const { execution } = await h.engine.startStandard({
      machine: m,
      arn: execArn('d'),
      name: 'd',
      input: '{}',
    });
    await h.store.sfn.setStateMachineStatus(m.arn, 'DELETING');
    h.clock.advance(10_000);
    expect(await settled(h, execution.arn)).toBe('SUCCEEDED');
    await new Promise((r) => setTimeout(r, 10));
    expect(await h.store.sfn.getStateMachine(m.arn)).toBeUndefined();
  });
});

describe('ExecutionEngine, Express executions', () => {
  it('runs in memory and reports the outcome without writing anything', async () => {
    const h = harness();
    const m = await machine(h, WAIT(2), 'EXPRESS');
    const arn = `arn:aws:states:${REGION}:${ACCOUNT}:express:sm:x:1`;
    const { finished } = h.engine.startExpress({ machine: m, arn, name: 'x', input: '{}' });
    h.clock.advance(2000);
    const outcome = await finished;
    expect(outcome).toMatchObject({ status: 'SUCCEEDED', output: '{"done":true}', name: 'x' });
    expect(await h.store.sfn.getExecution(arn)).toBeUndefined();
    expect(h.engine.running).toBe(0);
  });

  it('times out after five minutes', async () => {
    const h = harness();
    const m = await machine(h, WAIT(3600), 'EXPRESS');
    const arn = `arn:aws:states:${REGION}:${ACCOUNT}:express:sm:slow:1`;
    const { finished } = h.engine.startExpress({
      machine: m,
      arn,
      name: 'slow',
      input: '{}',
    });
    h.clock.advance(EXPRESS_MAX_DURATION_MS);
    expect(await finished).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(h.timers.size).toBe(0);
  });
});
