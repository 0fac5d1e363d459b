// AWS semantics of the step interpreter that the recorded conformance corpus does not exercise (or
// only in cases the runner skips: Lambda, callbacks, StopExecution). Each test names the behaviour it
// pins. Sources: the AWS developer guide (error handling, Map, Parallel, workflow variables, context
// object), the project's Step Functions reference notes, and AWS-recorded histories of the parity corpus
// (cited by test name where one exists). "unverified:" marks behaviour no source settles; those tests
// pin the most defensible reading.
//
// Known interpreter bugs are kept as `it.fails(...)` with a `// BUG:` line: they turn red (and must be
// switched to `it`) once the interpreter is fixed.

import { describe, expect, it } from 'vitest';
import type { Catcher, StateMachineDefinition, TaskState } from '../definition/types.js';
import { validateDefinition } from '../definition/validate.js';
import type { RandomSource } from '../intrinsics/functions.js';
import type { JsonValue } from '../paths/json.js';
import {
  compileMachine,
  seededRandom,
  startExecution,
  step,
  type RunTaskCommand,
  type TaskOutcome,
} from './api.js';
import type {
  Command,
  ExecutionInfo,
  ExecutionInput,
  ExecutionSnapshot,
  ExecutionStatus,
  HistoryEvent,
  StepResult,
} from './types.js';

// ---- a driver with virtual time --------------------------------------------------------------------

const T0 = Date.UTC(2026, 0, 1);
const LAMBDA = 'arn:aws:states:::lambda:invoke';
const CALLBACK = 'arn:aws:states:::sqs:sendMessage.waitForTaskToken';
const LEGACY = 'arn:aws:lambda:us-east-1:123456789012:function:fn';

const INFO: ExecutionInfo = {
  executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:e',
  name: 'e',
  roleArn: 'arn:aws:iam::123456789012:role/r',
  startTime: T0,
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
  stateMachineName: 'm',
  type: 'STANDARD',
};

/** How the driver answers one runTask: after `after` ms (default 0); no outcome = never answers. */
interface Reply {
  readonly after?: number;
  readonly outcome?: TaskOutcome;
  /** SendTaskHeartbeat at these offsets (ms) from the schedule. */
  readonly beats?: readonly number[];
}

interface TaskCall {
  readonly at: number;
  readonly command: RunTaskCommand;
  /** How many runTask commands this state name had before this one. */
  readonly attempt: number;
}

type TaskHandler = (
  command: RunTaskCommand,
  call: { readonly index: number; readonly attempt: number; readonly at: number },
) => Reply;

interface DriveOptions {
  readonly tasks?: TaskHandler;
  /** Send taskStarted right after each runTask (default true), as a real worker would. */
  readonly started?: boolean;
  /** Store the snapshot as JSON text between steps, like a durable driver. */
  readonly roundTrip?: boolean;
  readonly random?: RandomSource;
  /** Inputs from outside (stop, timeOut) at given absolute times. */
  readonly inject?: ReadonlyArray<{ readonly at: number; readonly input: ExecutionInput }>;
}

interface StepRecord {
  readonly at: number;
  readonly input: ExecutionInput | { readonly kind: 'start' };
  readonly events: HistoryEvent[];
  readonly commands: Command[];
}

interface Drive {
  readonly status: ExecutionStatus;
  readonly output: JsonValue | undefined;
  readonly error: string | undefined;
  readonly cause: string | undefined;
  readonly events: HistoryEvent[];
  readonly steps: StepRecord[];
  readonly calls: TaskCall[];
  /** Timers started and neither fired nor cancelled when the execution ended. */
  readonly leakedTimers: string[];
  /** Tasks started and neither answered nor cancelled when the execution ended. */
  readonly leakedTasks: string[];
  readonly endTime: number;
}

interface Queued {
  readonly at: number;
  readonly seq: number;
  readonly input: ExecutionInput;
  /** timerId or taskId the input belongs to (cancel commands remove it). */
  readonly key?: string;
}

function machine(
  states: StateMachineDefinition['States'],
  extra: Partial<StateMachineDefinition> = {},
): StateMachineDefinition {
  return { StartAt: Object.keys(states)[0] as string, States: states, ...extra };
}

/** Runs an execution to its end, answering tasks as `tasks` says and firing timers in virtual time. */
async function drive(
  definition: StateMachineDefinition,
  input: JsonValue,
  options: DriveOptions = {},
): Promise<Drive> {
  const validation = validateDefinition(JSON.stringify(definition));
  if (validation.result !== 'OK')
    throw new Error(`invalid test definition: ${JSON.stringify(validation.diagnostics)}`);
  const compiled = compileMachine(definition);
  const random = options.random ?? seededRandom(11);
  let now = INFO.startTime;
  let seq = 0;
  const queue: Queued[] = [];
  const timers = new Set<string>();
  const tasks = new Set<string>();
  const events: HistoryEvent[] = [];
  const steps: StepRecord[] = [];
  const calls: TaskCall[] = [];
  const perState = new Map<string, number>();
  const push = (at: number, queued: ExecutionInput, key?: string): void => {
    queue.push(
      key !== undefined
        ? { at, seq: seq++, input: queued, key }
        : { at, seq: seq++, input: queued },
    );
  };
  const drop = (key: string): void => {
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i]?.key === key) queue.splice(i, 1);
  };
  for (const injected of options.inject ?? []) push(injected.at, injected.input);

  const absorb = (result: StepResult, record: StepRecord['input']): ExecutionSnapshot => {
    events.push(...result.events);
    steps.push({ at: now, input: record, events: result.events, commands: result.commands });
    for (const command of result.commands) {
      if (command.kind === 'startTimer') {
        timers.add(command.timerId);
        push(command.fireAt, { kind: 'timerFired', timerId: command.timerId }, command.timerId);
      } else if (command.kind === 'cancelTimer') {
        timers.delete(command.timerId);
        drop(command.timerId);
      } else if (command.kind === 'cancelTask') {
        tasks.delete(command.taskId);
        drop(command.taskId);
      } else {
        const attempt = perState.get(command.stateName) ?? 0;
        perState.set(command.stateName, attempt + 1);
        calls.push({ at: now, command, attempt });
        tasks.add(command.taskId);
        const taskId = command.taskId;
        if (options.started !== false) push(now, { kind: 'taskStarted', taskId }, taskId);
        const reply = options.tasks?.(command, { index: calls.length - 1, attempt, at: now }) ?? {
          outcome: { ok: false, error: 'NoRunner', cause: 'the test gave no task handler' },
        };
        for (const beat of reply.beats ?? [])
          push(now + beat, { kind: 'taskHeartbeat', taskId }, taskId);
        const outcome = reply.outcome;
        if (outcome !== undefined) {
          push(
            now + (reply.after ?? 0),
            outcome.ok
              ? { kind: 'taskSucceeded', taskId, output: outcome.output }
              : {
                  kind: 'taskFailed',
                  taskId,
                  error: outcome.error,
                  ...(outcome.cause !== undefined ? { cause: outcome.cause } : {}),
                },
            taskId,
          );
        }
      }
    }
    return result.snapshot;
  };

  let snapshot = absorb(await startExecution(compiled, INFO, input, { now, random }), {
    kind: 'start',
  });
  for (let guard = 0; snapshot.status === 'RUNNING'; guard++) {
    if (guard > 5000) throw new Error('runaway execution');
    queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = queue.shift();
    if (next === undefined) throw new Error('execution is stuck: nothing to wait for');
    now = Math.max(now, next.at);
    if (next.input.kind === 'timerFired') timers.delete(next.input.timerId);
    if (next.input.kind === 'taskSucceeded' || next.input.kind === 'taskFailed')
      tasks.delete(next.input.taskId);
    if (options.roundTrip === true)
      snapshot = JSON.parse(JSON.stringify(snapshot)) as ExecutionSnapshot;
    snapshot = absorb(
      await step(compiled, INFO, snapshot, next.input, { now, random }),
      next.input,
    );
  }
  return {
    status: snapshot.status,
    output: snapshot.output !== undefined ? (JSON.parse(snapshot.output) as JsonValue) : undefined,
    error: snapshot.error,
    cause: snapshot.cause,
    events,
    steps,
    calls,
    leakedTimers: [...timers],
    leakedTasks: [...tasks],
    endTime: now,
  };
}

const ok = (output: JsonValue, after = 0): Reply => ({ after, outcome: { ok: true, output } });
const fail = (error: string, cause?: string, after = 0): Reply => ({
  after,
  outcome: cause !== undefined ? { ok: false, error, cause } : { ok: false, error },
});
const hang: Reply = {};

const types = (events: readonly HistoryEvent[]): string[] => events.map((event) => event.type);
const entered = (events: readonly HistoryEvent[]): string[] =>
  events
    .filter((event) => event.type.endsWith('StateEntered'))
    .map((event) => (event['stateEnteredEventDetails'] as { name: string }).name);
const relative = (times: readonly number[]): number[] => times.map((t) => t - T0);
const scheduledAt = (run: Drive): number[] => relative(run.calls.map((call) => call.at));
const details = (event: HistoryEvent | undefined): Record<string, unknown> => {
  if (event === undefined) throw new Error('no such event');
  const key = Object.keys(event).find((k) => k.endsWith('EventDetails'));
  return key !== undefined ? (event[key] as Record<string, unknown>) : {};
};
const first = (events: readonly HistoryEvent[], type: string): HistoryEvent | undefined =>
  events.find((e) => e.type === type);
const commandsOf = (run: Drive): Command[] => run.steps.flatMap((s) => s.commands);
const startedTimers = (run: Drive): string[] =>
  commandsOf(run).flatMap((c) => (c.kind === 'startTimer' ? [c.timerId] : []));
const cancelledTimers = (commands: readonly Command[]): string[] =>
  commands.flatMap((c) => (c.kind === 'cancelTimer' ? [c.timerId] : []));
const cancelledTasks = (commands: readonly Command[]): string[] =>
  commands.flatMap((c) => (c.kind === 'cancelTask' ? [c.taskId] : []));

/** A random source whose random() returns the given values in turn (uuid stays seeded). */
function scriptedRandom(values: readonly number[]): RandomSource {
  const base = seededRandom(5);
  let i = 0;
  return { random: () => values[i++ % values.length] as number, uuid: () => base.uuid() };
}

// =====================================================================================================

describe('Retry', () => {
  it('MaxAttempts 0 never retries, and the first matching retrier decides even if a later one would retry', async () => {
    // AWS docs (error handling): [{States.Timeout, MaxAttempts 0}, {States.ALL}] "retries any error except States.Timeout".
    const run = await drive(
      machine({
        T: {
          Type: 'Task',
          Resource: LAMBDA,
          Retry: [
            { ErrorEquals: ['Boom'], MaxAttempts: 0 },
            { ErrorEquals: ['States.ALL'], MaxAttempts: 5 },
          ],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }],
          End: true,
        },
        C: { Type: 'Pass', End: true },
      }),
      {},
      { tasks: () => fail('Boom', 'once') },
    );
    expect(run.calls).toHaveLength(1);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({ Error: 'Boom', Cause: 'once' });
  });

  it('defaults to IntervalSeconds 1, BackoffRate 2.0 and MaxAttempts 3 (retries after 1, 2 and 4 s)', async () => {
    const run = await drive(
      machine({
        T: { Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['States.ALL'] }], End: true },
      }),
      {},
      { tasks: () => fail('Boom', 'always') },
    );
    expect(scheduledAt(run)).toEqual([0, 1000, 3000, 7000]);
    expect(run.status).toBe('FAILED');
    expect(run.error).toBe('Boom');
    expect(run.cause).toBe('always');
    // Retries are no new visit: one TaskStateEntered for four attempts.
    expect(types(run.events).filter((t) => t === 'TaskStateEntered')).toHaveLength(1);
  });

  it('keeps one attempt counter per retrier (not per error name) across the state visit: the spec example A, B, C, B', async () => {
    // States Language spec, "Retrying after error": A and B use up the first retrier's MaxAttempts 2
    // (waits 1 s and 2 s), C uses the second (5 s), the second B finds the first retrier exhausted → Catch.
    // (The 2022 AWS guide told a five-error version with a per-error count; the current spec corrected it.)
    const errors = ['ErrorA', 'ErrorB', 'ErrorC', 'ErrorB'];
    const run = await drive(
      machine({
        X: {
          Type: 'Task',
          Resource: LAMBDA,
          Retry: [
            {
              ErrorEquals: ['ErrorA', 'ErrorB'],
              IntervalSeconds: 1,
              BackoffRate: 2.0,
              MaxAttempts: 2,
            },
            { ErrorEquals: ['ErrorC'], IntervalSeconds: 5 },
          ],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Z' }],
          Next: 'Y',
        },
        Y: { Type: 'Pass', End: true },
        Z: { Type: 'Pass', End: true },
      }),
      {},
      { tasks: (_c, { index }) => fail(errors[index] ?? 'Unexpected', `attempt ${index}`) },
    );
    expect(scheduledAt(run)).toEqual([0, 1000, 3000, 8000]);
    expect(entered(run.events)).toEqual(['X', 'Z']);
    expect(run.output).toEqual({ Error: 'ErrorB', Cause: 'attempt 3' });
  });

  it('resets attempt counters, back-off and $$.State.RetryCount when the state is entered again later', async () => {
    // "Counters reset when the state is left" (reference §1.8): a second visit gets its full budget.
    const run = await drive(
      machine({
        T: {
          Type: 'Task',
          Resource: LAMBDA,
          Parameters: { 'visit.$': '$.visit', 'retry.$': '$$.State.RetryCount' },
          Retry: [{ ErrorEquals: ['Boom'], MaxAttempts: 1, IntervalSeconds: 2 }],
          ResultPath: null,
          Next: 'Loop',
        },
        Loop: {
          Type: 'Choice',
          Choices: [{ Variable: '$.visit', NumericEquals: 1, Next: 'Again' }],
          Default: 'Done',
        },
        Again: { Type: 'Pass', Result: 2, ResultPath: '$.visit', Next: 'T' },
        Done: { Type: 'Succeed' },
      }),
      { visit: 1 },
      { tasks: (_c, { index }) => (index % 2 === 0 ? fail('Boom', 'first try') : ok({})) },
    );
    expect(run.status).toBe('SUCCEEDED');
    expect(run.calls.map((c) => c.command.input)).toEqual([
      { visit: 1, retry: 0 },
      { visit: 1, retry: 1 },
      { visit: 2, retry: 0 },
      { visit: 2, retry: 1 },
    ]);
    // The second visit's back-off starts again at IntervalSeconds (2 s), not 2 s × BackoffRate.
    expect(scheduledAt(run)).toEqual([0, 2000, 2000, 4000]);
  });

  it('caps the computed interval at MaxDelaySeconds', async () => {
    const run = await drive(
      machine({
        T: {
          Type: 'Task',
          Resource: LAMBDA,
          Retry: [
            {
              ErrorEquals: ['States.ALL'],
              IntervalSeconds: 1,
              BackoffRate: 10,
              MaxAttempts: 4,
              MaxDelaySeconds: 20,
            },
          ],
          End: true,
        },
      }),
      {},
      { tasks: () => fail('Boom') },
    );
    // 1 s, 10 s, then 100 s and 1000 s capped to 20 s.
    expect(scheduledAt(run)).toEqual([0, 1000, 11000, 31000, 51000]);
  });

  it('JitterStrategy FULL waits a random time within [0, computed back-off] (after the MaxDelaySeconds cap)', async () => {
    const run = await drive(
      machine({
        T: {
          Type: 'Task',
          Resource: LAMBDA,
          Retry: [
            {
              ErrorEquals: ['States.ALL'],
              IntervalSeconds: 1,
              BackoffRate: 2,
              MaxAttempts: 10,
              MaxDelaySeconds: 30,
              JitterStrategy: 'FULL',
            },
          ],
          End: true,
        },
      }),
      {},
      { tasks: () => fail('Boom'), random: seededRandom(42) },
    );
    const times = scheduledAt(run);
    expect(times).toHaveLength(11);
    const delays = times.slice(1).map((t, i) => t - (times[i] as number));
    delays.forEach((delay, n) => {
      const computed = Math.min(Math.pow(2, n), 30) * 1000;
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(computed);
    });
    // Jitter really applies: not every delay is the full computed value.
    expect(delays).not.toEqual(delays.map((_d, n) => Math.min(Math.pow(2, n), 30) * 1000));
  });

  it('JitterStrategy FULL scales the computed delay by the random draw', async () => {
    // unverified: AWS only documents "a random number between 0 and the computed backoff"; a uniform
    // draw times the computed delay is the most direct reading.
    const run = await drive(
      machine({
        T: {
          Type: 'Task',
          Resource: LAMBDA,
          Retry: [
            {
              ErrorEquals: ['States.ALL'],
              IntervalSeconds: 4,
              MaxAttempts: 3,
              JitterStrategy: 'FULL',
            },
          ],
          End: true,
        },
      }),
      {},
      { tasks: () => fail('Boom'), random: scriptedRandom([0.5, 0.25, 0.75]) },
    );
    // computed 4 s, 8 s, 16 s → 2 s, 2 s, 12 s.
    expect(scheduledAt(run)).toEqual([0, 2000, 4000, 16000]);
  });

  it('exposes $$.State.RetryCount (and $states.context.State.RetryCount) to the Task parameters of each attempt, with a fixed EnteredTime', async () => {
    const jsonPath = await drive(
      machine({
        T: {
          Type: 'Task',
          Resource: LAMBDA,
          Parameters: { 'n.$': '$$.State.RetryCount', 'at.$': '$$.State.EnteredTime' },
          Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 3, MaxAttempts: 2 }],
          End: true,
        },
      }),
      {},
      { tasks: (_c, { index }) => (index < 2 ? fail('Boom') : ok('done')) },
    );
    expect(jsonPath.status).toBe('SUCCEEDED');
    // unverified: EnteredTime stays the state's entry time across retries (retries write no new *StateEntered).
    const enteredAt = new Date(T0).toISOString();
    expect(jsonPath.calls.map((c) => c.command.input)).toEqual([
      { n: 0, at: enteredAt },
      { n: 1, at: enteredAt },
      { n: 2, at: enteredAt },
    ]);

    const jsonata = await drive(
      machine(
        {
          T: {
            Type: 'Task',
            Resource: LAMBDA,
            Arguments: { n: '{% $states.context.State.RetryCount %}' },
            Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 1, MaxAttempts: 2 }],
            End: true,
          },
        },
        { QueryLanguage: 'JSONata' },
      ),
      {},
      { tasks: (_c, { index }) => (index < 2 ? fail('Boom') : ok('done')) },
    );
    expect(jsonata.calls.map((c) => c.command.input)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
  });

  it('retries a Parallel state as a whole: ParallelStateStarted again, no new ParallelStateEntered, first attempt timers cancelled', async () => {
    const run = await drive(
      machine({
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, End: true } } },
            { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, End: true } } },
          ],
          Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 1, MaxAttempts: 1 }],
          End: true,
        },
      }),
      { in: 1 },
      {
        tasks: (_c, { index }) =>
          index === 0 ? fail('Boom', 'transient') : ok('task result', 500),
      },
    );
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual(['task result', { in: 1 }]);
    const t = types(run.events);
    expect(t.filter((x) => x === 'ParallelStateEntered')).toHaveLength(1);
    expect(t.filter((x) => x === 'ParallelStateStarted')).toHaveLength(2);
    expect(t.filter((x) => x === 'ParallelStateSucceeded')).toHaveLength(1);
    expect(t).not.toContain('ParallelStateFailed');
    // The second branch's first Wait (started at 0) was cancelled when the branch T failed.
    const failedStep = run.steps.find((s) => s.input.kind === 'taskFailed');
    expect(cancelledTimers(failedStep?.commands ?? [])).toHaveLength(1);
    expect(run.leakedTimers).toEqual([]);
    // 1 s back-off, then the second attempt's 10 s Wait.
    expect(run.endTime - T0).toBe(11000);
  });

  it('retries a Map state as a whole: MapStateStarted again with fresh iterations, no new MapStateEntered', async () => {
    const run = await drive(
      machine({
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'T',
            States: { T: { Type: 'Task', Resource: LAMBDA, End: true } },
          },
          Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 2, MaxAttempts: 1 }],
          End: true,
        },
      }),
      [1, 2],
      {
        tasks: (c, { index }) =>
          index === 0 ? fail('Boom', 'first item, first attempt') : ok({ v: c.input }),
      },
    );
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual([{ v: 1 }, { v: 2 }]);
    const t = types(run.events);
    expect(t.filter((x) => x === 'MapStateEntered')).toHaveLength(1);
    expect(t.filter((x) => x === 'MapStateStarted')).toHaveLength(2);
    expect(t.filter((x) => x === 'MapIterationStarted')).toHaveLength(4);
    // Item 2's first task was still running when item 1 failed: it is cancelled, not awaited.
    const failedStep = run.steps.find((s) => s.input.kind === 'taskFailed');
    expect(cancelledTasks(failedStep?.commands ?? [])).toHaveLength(1);
    expect(run.leakedTasks).toEqual([]);
    expect(scheduledAt(run)).toEqual([0, 0, 2000, 2000]);
  });
});

// =====================================================================================================

describe('Catch', () => {
  /** A Task with these catchers, and a Pass for each catcher target. */
  const catching = (
    catchers: Catcher[],
    extra: Partial<TaskState> = {},
  ): StateMachineDefinition => {
    const states: StateMachineDefinition['States'] = {
      T: { Type: 'Task', Resource: LAMBDA, Catch: catchers, End: true, ...extra },
    };
    for (const catcher of catchers) states[catcher.Next] = { Type: 'Pass', End: true };
    return machine(states);
  };

  it('uses the first catcher whose ErrorEquals matches, in array order', async () => {
    const run = await drive(
      catching([
        { ErrorEquals: ['Other'], Next: 'A' },
        { ErrorEquals: ['Zap', 'Boom'], Next: 'B' },
        { ErrorEquals: ['Boom'], Next: 'A' },
        { ErrorEquals: ['States.ALL'], Next: 'C' },
      ]),
      {},
      { tasks: () => fail('Boom', 'c') },
    );
    expect(entered(run.events)).toEqual(['T', 'B']);
  });

  it('States.TaskFailed catches a task error with a custom name', async () => {
    const run = await drive(
      catching([
        { ErrorEquals: ['States.TaskFailed'], Next: 'A' },
        { ErrorEquals: ['States.ALL'], Next: 'C' },
      ]),
      {},
      { tasks: () => fail('Lambda.Unknown', 'c') },
    );
    expect(entered(run.events)).toEqual(['T', 'A']);
  });

  it('States.TaskFailed does not catch States.Timeout; an exact States.Timeout catcher after it does', async () => {
    const run = await drive(
      catching(
        [
          { ErrorEquals: ['States.TaskFailed'], Next: 'A' },
          { ErrorEquals: ['States.Timeout'], Next: 'B' },
          { ErrorEquals: ['States.ALL'], Next: 'C' },
        ],
        { TimeoutSeconds: 5 },
      ),
      {},
      { tasks: () => hang },
    );
    expect(entered(run.events)).toEqual(['T', 'B']);
    expect(run.endTime - T0).toBe(5000);
  });

  it('States.ALL catches a task timeout (States.ALL excludes only States.Runtime)', async () => {
    const run = await drive(
      catching([{ ErrorEquals: ['States.ALL'], Next: 'C' }], { TimeoutSeconds: 1 }),
      {},
      { tasks: () => hang },
    );
    expect(entered(run.events)).toEqual(['T', 'C']);
  });

  it(
    'a caught task timeout has the error output {"Error": "States.Timeout", "Cause": ""}',
    async () => {
      // Recorded: test_task_service_lambda.py::test_invoke_timeout (TaskStateExited output).
      const run = await drive(
        catching([{ ErrorEquals: ['States.Timeout'], Next: 'A' }], { TimeoutSeconds: 5 }),
        {},
        { tasks: () => hang },
      );
      expect(run.output).toEqual({ Error: 'States.Timeout', Cause: '' });
    },
  );

  it(
    'a task failed with neither error nor cause has the error output {"Error": null, "Cause": null}',
    async () => {
      // Recorded: test_callback.py::test_sqs_failure_in_wait_for_task_tok_no_error_field (SendTaskFailure
      // without error and cause). An empty error string is how the driver contract says "no error".
      const run = await drive(
        catching([{ ErrorEquals: ['States.ALL'], ResultPath: '$.err', Next: 'A' }]),
        { keep: 1 },
        {
          tasks: () => ({ outcome: { ok: false, error: '' } }),
        },
      );
      expect(first(run.events, 'TaskFailed')).toMatchObject({
        taskFailedEventDetails: { resourceType: 'lambda', resource: 'invoke' },
      });
      expect(details(first(run.events, 'TaskFailed'))).not.toHaveProperty('error');
      expect(run.output).toEqual({ keep: 1, err: { Error: null, Cause: null } });
    },
  );

  it('applies the catcher ResultPath to the raw state input: null keeps it, "$" replaces it, "$.err" merges into it', async () => {
    const input = { keep: 1, sub: { x: 2 } };
    const withPath = async (resultPath: string | null): Promise<JsonValue | undefined> =>
      (
        await drive(
          catching([{ ErrorEquals: ['States.ALL'], ResultPath: resultPath, Next: 'A' }], {
            InputPath: '$.sub',
          }),
          input,
          { tasks: () => fail('Boom', 'why') },
        )
      ).output;
    expect(await withPath(null)).toEqual(input);
    expect(await withPath('$')).toEqual({ Error: 'Boom', Cause: 'why' });
    expect(await withPath('$.err')).toEqual({
      keep: 1,
      sub: { x: 2 },
      err: { Error: 'Boom', Cause: 'why' },
    });
  });

  it("runs the catcher's Assign and not the state's own Assign", async () => {
    // aws/agent-toolkit-for-aws error-handling.md; reference §1.8.
    const run = await drive(
      machine(
        {
          T: {
            Type: 'Task',
            Resource: LAMBDA,
            Assign: { fromState: 'state' },
            Catch: [
              {
                ErrorEquals: ['States.ALL'],
                Assign: { fromCatch: '{% $states.errorOutput.Error %}' },
                Next: 'N',
              },
            ],
            End: true,
          },
          N: {
            Type: 'Pass',
            Output: { state: '{% $exists($fromState) %}', caught: '{% $fromCatch %}' },
            End: true,
          },
        },
        { QueryLanguage: 'JSONata' },
      ),
      {},
      { tasks: () => fail('Boom', 'c') },
    );
    expect(run.output).toEqual({ state: false, caught: 'Boom' });
    const exited = first(run.events, 'TaskStateExited');
    expect(details(exited)['assignedVariables']).toEqual({ fromCatch: '"Boom"' });
  });

  it('evaluates a JSONata catcher Output with $states.errorOutput and $states.input', async () => {
    const run = await drive(
      machine(
        {
          T: {
            Type: 'Task',
            Resource: LAMBDA,
            Catch: [
              {
                ErrorEquals: ['States.ALL'],
                Output: {
                  in: '{% $states.input %}',
                  err: '{% $states.errorOutput %}',
                  e: '{% $states.errorOutput.Error %}',
                },
                Next: 'N',
              },
            ],
            End: true,
          },
          N: { Type: 'Pass', End: true },
        },
        { QueryLanguage: 'JSONata' },
      ),
      { a: 1 },
      { tasks: () => fail('Boom', 'why') },
    );
    expect(run.output).toEqual({ in: { a: 1 }, err: { Error: 'Boom', Cause: 'why' }, e: 'Boom' });
  });

  it('a Catch Assign on a Map assigns in the outer scope', async () => {
    // Reference §1.10: "A Catch Assign on a Parallel/Map assigns in the outer scope".
    const run = await drive(
      machine(
        {
          M: {
            Type: 'Map',
            Items: [1],
            ItemProcessor: {
              StartAt: 'F',
              States: { F: { Type: 'Fail', Error: 'Inner', Cause: 'c' } },
            },
            Catch: [
              {
                ErrorEquals: ['Inner'],
                Assign: { why: '{% $states.errorOutput.Error %}' },
                Next: 'N',
              },
            ],
            End: true,
          },
          N: { Type: 'Pass', Output: '{% $why %}', End: true },
        },
        { QueryLanguage: 'JSONata' },
      ),
      {},
    );
    expect(run.output).toBe('Inner');
  });
});

// =====================================================================================================

describe('Task', () => {
  it('a legacy Lambda function ARN writes LambdaFunctionScheduled/Started/Succeeded with AWS details', async () => {
    // Recorded: test_arguments.py::test_base_cases[BASE_LAMBDA_EMPTY].
    const run = await drive(
      machine({ L: { Type: 'Task', Resource: LEGACY, TimeoutSeconds: 30, End: true } }),
      { a: 1 },
      { tasks: () => ok({ r: 2 }) },
    );
    expect(types(run.events)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(details(first(run.events, 'LambdaFunctionScheduled'))).toEqual({
      resource: LEGACY,
      input: '{"a":1}',
      inputDetails: { truncated: false },
      timeoutInSeconds: 30,
    });
    expect(first(run.events, 'LambdaFunctionStarted')).not.toHaveProperty(
      'lambdaFunctionStartedEventDetails',
    );
    expect(details(first(run.events, 'LambdaFunctionSucceeded'))).toEqual({
      output: '{"r":2}',
      outputDetails: { truncated: false },
    });
    expect(run.events.map((e) => e.previousEventId)).toEqual([0, 0, 2, 3, 4, 5, 6]);
  });

  it('a legacy Lambda failure writes LambdaFunctionFailed {error, cause}', async () => {
    const run = await drive(
      machine({ L: { Type: 'Task', Resource: LEGACY, End: true } }),
      {},
      { tasks: () => fail('Lambda.Unknown', 'oom') },
    );
    expect(details(first(run.events, 'LambdaFunctionFailed'))).toEqual({
      error: 'Lambda.Unknown',
      cause: 'oom',
    });
    expect(types(run.events).slice(-2)).toEqual(['LambdaFunctionFailed', 'ExecutionFailed']);
    expect(run.error).toBe('Lambda.Unknown');
  });

  it('an optimized integration writes TaskScheduled {resourceType, resource, region, parameters}, TaskStarted and TaskSucceeded', async () => {
    const run = await drive(
      machine({
        T: {
          Type: 'Task',
          Resource: LAMBDA,
          Parameters: { FunctionName: 'f', 'Payload.$': '$' },
          HeartbeatSeconds: 60,
          TimeoutSeconds: 300,
          End: true,
        },
      }),
      { a: 1 },
      { tasks: () => ok({ Payload: 'p' }) },
    );
    expect(details(first(run.events, 'TaskScheduled'))).toEqual({
      resourceType: 'lambda',
      resource: 'invoke',
      region: 'us-east-1',
      parameters: '{"FunctionName":"f","Payload":{"a":1}}',
      timeoutInSeconds: 300,
      heartbeatInSeconds: 60,
    });
    expect(details(first(run.events, 'TaskStarted'))).toEqual({
      resourceType: 'lambda',
      resource: 'invoke',
    });
    expect(details(first(run.events, 'TaskSucceeded'))).toEqual({
      resourceType: 'lambda',
      resource: 'invoke',
      output: '{"Payload":"p"}',
      outputDetails: { truncated: false },
    });
    expect(run.calls[0]?.command).toMatchObject({
      resource: LAMBDA,
      input: { FunctionName: 'f', Payload: { a: 1 } },
      timeoutSeconds: 300,
      heartbeatSeconds: 60,
    });

    const sdk = await drive(
      machine({
        S: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:s3:listObjectsV2',
          Parameters: { Bucket: 'b' },
          End: true,
        },
      }),
      {},
      { tasks: () => ok({}) },
    );
    // Recorded (test_aws_sdk.py): resourceType "aws-sdk:s3", resource the action.
    expect(details(first(sdk.events, 'TaskScheduled'))).toMatchObject({
      resourceType: 'aws-sdk:s3',
      resource: 'listObjectsV2',
    });
  });

  it('writes TaskStarted only when the driver reports the start, and ignores a start for a task already finished', async () => {
    const silent = await drive(
      machine({ T: { Type: 'Task', Resource: LAMBDA, End: true } }),
      {},
      { started: false, tasks: () => ok(1) },
    );
    expect(types(silent.events)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);

    const compiled = compileMachine(
      machine({
        T: { Type: 'Task', Resource: LAMBDA, Next: 'W' },
        W: { Type: 'Wait', Seconds: 5, End: true },
      }),
    );
    const random = seededRandom();
    const started = await startExecution(compiled, INFO, {}, { now: T0, random });
    const task = started.commands.find((c): c is RunTaskCommand => c.kind === 'runTask');
    const taskId = (task as RunTaskCommand).taskId;
    const done = await step(
      compiled,
      INFO,
      started.snapshot,
      { kind: 'taskSucceeded', taskId, output: 1 },
      { now: T0, random },
    );
    const late = await step(
      compiled,
      INFO,
      done.snapshot,
      { kind: 'taskStarted', taskId },
      { now: T0, random },
    );
    expect(late.events).toEqual([]);
    expect(late.commands).toEqual([]);
  });

  it('times a task out after TimeoutSeconds with TaskTimedOut {error: States.Timeout} and ignores its late result', async () => {
    const run = await drive(
      machine({ T: { Type: 'Task', Resource: LAMBDA, TimeoutSeconds: 5, End: true } }),
      {},
      { tasks: () => ok('late', 9000) },
    );
    expect(run.status).toBe('FAILED');
    expect(run.error).toBe('States.Timeout');
    expect(run.cause).toBeUndefined();
    expect(run.endTime - T0).toBe(5000);
    expect(details(first(run.events, 'TaskTimedOut'))).toEqual({
      resourceType: 'lambda',
      resource: 'invoke',
      error: 'States.Timeout',
    });
    expect(types(run.events)).not.toContain('TaskSucceeded');
    const timedOut = run.steps.find((s) => s.events.some((e) => e.type === 'TaskTimedOut'));
    expect(cancelledTasks(timedOut?.commands ?? [])).toEqual([run.calls[0]?.command.taskId]);
    expect(run.leakedTimers).toEqual([]);
  });

  it('a legacy Lambda timeout writes LambdaFunctionTimedOut {error: States.Timeout}', async () => {
    // Recorded: test_timeouts.py::test_fixed_timeout_lambda.
    const run = await drive(
      machine({ L: { Type: 'Task', Resource: LEGACY, TimeoutSeconds: 5, End: true } }),
      {},
      { tasks: () => hang },
    );
    expect(types(run.events).slice(-2)).toEqual(['LambdaFunctionTimedOut', 'ExecutionFailed']);
    expect(details(first(run.events, 'LambdaFunctionTimedOut'))).toEqual({
      error: 'States.Timeout',
    });
    expect(details(first(run.events, 'ExecutionFailed'))).toEqual({ error: 'States.Timeout' });
  });

  it('heartbeats keep a task alive, but TimeoutSeconds still ends it', async () => {
    const run = await drive(
      machine({
        T: { Type: 'Task', Resource: CALLBACK, TimeoutSeconds: 10, HeartbeatSeconds: 4, End: true },
      }),
      {},
      { tasks: () => ({ beats: [3000, 6000, 9000] }) },
    );
    expect(run.endTime - T0).toBe(10000);
    expect(run.error).toBe('States.Timeout');
    expect(run.leakedTimers).toEqual([]);
  });

  it('cancels the timeout and heartbeat timers when the task answers in time', async () => {
    const run = await drive(
      machine({
        T: { Type: 'Task', Resource: CALLBACK, TimeoutSeconds: 10, HeartbeatSeconds: 4, End: true },
      }),
      {},
      { tasks: () => ok('fine', 2000) },
    );
    expect(run.status).toBe('SUCCEEDED');
    expect(run.leakedTimers).toEqual([]);
    const answered = run.steps.find((s) => s.input.kind === 'taskSucceeded');
    expect(cancelledTimers(answered?.commands ?? [])).toHaveLength(2);
  });

  it(
    'a missed heartbeat fails the task with TaskTimedOut {error: States.Timeout} (as AWS records it)',
    async () => {
      // Recorded: test_heartbeats.py::test_heartbeat_timeout and test_heartbeat_path_timeout (HeartbeatSeconds 5,
      // TimeoutSeconds 600): TaskTimedOut {error: "States.Timeout"}, ExecutionFailed {error: "States.Timeout"}.
      const run = await drive(
        machine({
          T: {
            Type: 'Task',
            Resource: CALLBACK,
            TimeoutSeconds: 600,
            HeartbeatSeconds: 5,
            End: true,
          },
        }),
        {},
        { tasks: () => hang },
      );
      expect(run.endTime - T0).toBe(5000);
      expect(details(first(run.events, 'TaskTimedOut'))).toEqual({
        resourceType: 'sqs',
        resource: 'sendMessage.waitForTaskToken',
        error: 'States.Timeout',
      });
      expect(details(first(run.events, 'ExecutionFailed'))).toEqual({ error: 'States.Timeout' });
    },
  );

  it('a task result over 256 KiB fails the state with States.DataLimitExceeded, which a catcher can catch (first match wins)', async () => {
    // Recorded: test_states_errors.py::test_service_task_lambada_data_limit_exceeded_on_large_utf8_response
    // (catchers [States.DataLimitExceeded → A, States.ALL → B]) and ..._catch_state_all_... (States.ALL catches it).
    const big = 'é'.repeat(140_000); // 280,000 bytes of UTF-8, 140,000 UTF-16 units
    const run = await drive(
      catchingBig([
        { ErrorEquals: ['States.DataLimitExceeded'], Next: 'A' },
        { ErrorEquals: ['States.ALL'], Next: 'B' },
      ]),
      {},
      { tasks: () => ok({ Payload: big }) },
    );
    expect(entered(run.events)).toEqual(['T', 'A']);
    expect((run.output as { Error: string }).Error).toBe('States.DataLimitExceeded');
    const all = await drive(
      catchingBig([{ ErrorEquals: ['States.ALL'], Next: 'B' }]),
      {},
      { tasks: () => ok({ Payload: big }) },
    );
    expect(entered(all.events)).toEqual(['T', 'B']);
  });

  it(
    'an oversized optimized-integration result is recorded as TaskFailed naming the resource type, with no TaskSucceeded',
    async () => {
      // Recorded: test_states_errors.py::test_service_task_lambada_data_limit_exceeded_on_large_utf8_response.
      const run = await drive(
        catchingBig([{ ErrorEquals: ['States.DataLimitExceeded'], Next: 'A' }]),
        {},
        {
          tasks: () => ok({ Payload: 'é'.repeat(140_000) }),
        },
      );
      const cause =
        "The state/task 'lambda' returned a result with a size exceeding the maximum number of bytes service limit.";
      expect(types(run.events).slice(0, 7)).toEqual([
        'ExecutionStarted',
        'TaskStateEntered',
        'TaskScheduled',
        'TaskStarted',
        'TaskFailed',
        'TaskStateExited',
        'PassStateEntered',
      ]);
      expect(details(first(run.events, 'TaskFailed'))).toEqual({
        resourceType: 'lambda',
        resource: 'invoke',
        error: 'States.DataLimitExceeded',
        cause,
      });
      expect(run.output).toEqual({ Error: 'States.DataLimitExceeded', Cause: cause });
    },
  );

  it(
    'an oversized legacy Lambda result is recorded as LambdaFunctionFailed naming the function ARN',
    async () => {
      // Recorded: test_states_errors.py::test_task_lambda_data_limit_exceeded_on_large_utf8_response.
      const run = await drive(
        machine({
          T: {
            Type: 'Task',
            Resource: LEGACY,
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'A' }],
            End: true,
          },
          A: { Type: 'Pass', End: true },
        }),
        {},
        { tasks: () => ok({ Payload: 'é'.repeat(140_000) }) },
      );
      const cause = `The state/task '${LEGACY}' returned a result with a size exceeding the maximum number of bytes service limit.`;
      expect(types(run.events)).not.toContain('LambdaFunctionSucceeded');
      expect(details(first(run.events, 'LambdaFunctionFailed'))).toEqual({
        error: 'States.DataLimitExceeded',
        cause,
      });
    },
  );

  it('applies ResultSelector to the raw result, ResultPath into the raw (pre-InputPath) input, then OutputPath', async () => {
    const input = { keep: 1, sub: { a: 2 } };
    const states = (outputPath?: string): StateMachineDefinition =>
      machine({
        T: {
          Type: 'Task',
          Resource: LAMBDA,
          InputPath: '$.sub',
          Parameters: { 'a.$': '$.a' },
          ResultSelector: { 'v.$': '$.Payload.v', 'code.$': '$.StatusCode' },
          ResultPath: '$.res',
          ...(outputPath !== undefined ? { OutputPath: outputPath } : {}),
          End: true,
        },
      });
    const tasks: TaskHandler = () =>
      ok({ Payload: { v: 3 }, StatusCode: 200, ExecutedVersion: '$LATEST' });
    const whole = await drive(states(), input, { tasks });
    expect(whole.calls[0]?.command.input).toEqual({ a: 2 });
    expect(whole.output).toEqual({ keep: 1, sub: { a: 2 }, res: { v: 3, code: 200 } });
    const selected = await drive(states('$.res.v'), input, { tasks });
    expect(selected.output).toBe(3);
  });
});

function catchingBig(catchers: Catcher[]): StateMachineDefinition {
  const states: StateMachineDefinition['States'] = {
    T: { Type: 'Task', Resource: LAMBDA, Catch: catchers, End: true },
  };
  for (const catcher of catchers) states[catcher.Next] = { Type: 'Pass', End: true };
  return machine(states);
}

// =====================================================================================================

describe('Map', () => {
  const waitingMap = (maxConcurrency: number): StateMachineDefinition =>
    machine({
      M: {
        Type: 'Map',
        MaxConcurrency: maxConcurrency,
        ItemProcessor: {
          StartAt: 'W',
          States: {
            W: { Type: 'Wait', SecondsPath: '$.s', Next: 'P' },
            P: { Type: 'Pass', Parameters: { 'done.$': '$.s' }, End: true },
          },
        },
        End: true,
      },
    });
  const items = [{ s: 3 }, { s: 1 }, { s: 2 }];

  it('MaxConcurrency 1 runs iterations one after another and keeps results in index order', async () => {
    const run = await drive(waitingMap(1), items);
    expect(run.output).toEqual([{ done: 3 }, { done: 1 }, { done: 2 }]);
    expect(run.endTime - T0).toBe(6000);
    // Iteration 1 starts only after iteration 0 succeeded.
    const order = run.events
      .filter((e) => e.type === 'MapIterationStarted' || e.type === 'MapIterationSucceeded')
      .map((e) => `${e.type.replace('MapIteration', '')}${String(details(e)['index'])}`);
    expect(order).toEqual([
      'Started0',
      'Succeeded0',
      'Started1',
      'Succeeded1',
      'Started2',
      'Succeeded2',
    ]);
  });

  it('MaxConcurrency 0 runs all iterations at once and still keeps results in index order', async () => {
    const run = await drive(waitingMap(0), items);
    expect(run.output).toEqual([{ done: 3 }, { done: 1 }, { done: 2 }]);
    expect(run.endTime - T0).toBe(3000);
    const succeeded = run.events
      .filter((e) => e.type === 'MapIterationSucceeded')
      .map((e) => details(e)['index']);
    expect(succeeded).toEqual([1, 2, 0]);
  });

  it('runs nested Maps, each iteration seeing its own $$.Map.Item.Index', async () => {
    const run = await drive(
      machine({
        Outer: {
          Type: 'Map',
          ItemSelector: { 'outer.$': '$$.Map.Item.Index', 'items.$': '$$.Map.Item.Value' },
          ItemProcessor: {
            StartAt: 'Inner',
            States: {
              Inner: {
                Type: 'Map',
                ItemsPath: '$.items',
                ItemSelector: {
                  'outer.$': '$.outer',
                  'inner.$': '$$.Map.Item.Index',
                  'v.$': '$$.Map.Item.Value',
                },
                ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
                End: true,
              },
            },
          },
          End: true,
        },
      }),
      [['a', 'b'], ['c']],
    );
    expect(run.output).toEqual([
      [
        { outer: 0, inner: 0, v: 'a' },
        { outer: 0, inner: 1, v: 'b' },
      ],
      [{ outer: 1, inner: 0, v: 'c' }],
    ]);
  });

  it('a failing iteration fails the Map and cancels the timers of the iterations still waiting', async () => {
    const run = await drive(
      machine({
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'W',
            States: {
              W: { Type: 'Wait', SecondsPath: '$.s', Next: 'C' },
              C: {
                Type: 'Choice',
                Choices: [{ Variable: '$.fail', BooleanEquals: true, Next: 'F' }],
                Default: 'P',
              },
              F: { Type: 'Fail', Error: 'ItemFailed', Cause: 'item 1' },
              P: { Type: 'Pass', End: true },
            },
          },
          End: true,
        },
      }),
      [
        { s: 100, fail: false },
        { s: 1, fail: true },
        { s: 50, fail: false },
      ],
    );
    expect(run.status).toBe('FAILED');
    expect(run.error).toBe('ItemFailed');
    expect(run.endTime - T0).toBe(1000);
    const failing = run.steps.find((s) => s.events.some((e) => e.type === 'MapIterationFailed'));
    expect(cancelledTimers(failing?.commands ?? [])).toHaveLength(2);
    expect(run.leakedTimers).toEqual([]);
    // The aborts of the waiting siblings follow the recorded Task pattern (unverified for Wait).
    expect(types(run.events).slice(-7)).toEqual([
      'MapIterationFailed',
      'MapIterationAborted',
      'WaitStateAborted',
      'MapIterationAborted',
      'WaitStateAborted',
      'MapStateFailed',
      'ExecutionFailed',
    ]);
  });

  it(
    'aborting the other iterations writes MapIterationAborted {index, name} and TaskStateAborted for each',
    async () => {
      // Recorded: test_timeouts.py::test_service_lambda_map_timeout (MapIterationFailed #0, TaskStateAborted,
      // MapIterationAborted #1, TaskStateAborted, ..., MapStateFailed, all linked to the failing event).
      const run = await drive(
        machine({
          M: {
            Type: 'Map',
            ItemProcessor: {
              StartAt: 'T',
              States: { T: { Type: 'Task', Resource: LAMBDA, End: true } },
            },
            End: true,
          },
        }),
        [0, 1],
        { tasks: (_c, { index }) => (index === 0 ? fail('Boom', 'item 0') : hang) },
      );
      const tail = types(run.events).slice(types(run.events).indexOf('MapIterationFailed'));
      expect(tail).toEqual([
        'MapIterationFailed',
        'TaskStateAborted',
        'MapIterationAborted',
        'TaskStateAborted',
        'MapStateFailed',
        'ExecutionFailed',
      ]);
      expect(details(first(run.events, 'MapIterationAborted'))).toEqual({ index: 1, name: 'M' });
    },
  );

  it('with MaxConcurrency, a failure leaves the items not yet started unstarted', async () => {
    const run = await drive(
      machine({
        M: {
          Type: 'Map',
          MaxConcurrency: 2,
          ItemProcessor: {
            StartAt: 'W',
            States: {
              W: { Type: 'Wait', SecondsPath: '$.s', Next: 'C' },
              C: {
                Type: 'Choice',
                Choices: [{ Variable: '$.fail', BooleanEquals: true, Next: 'F' }],
                Default: 'P',
              },
              F: { Type: 'Fail', Error: 'ItemFailed' },
              P: { Type: 'Pass', End: true },
            },
          },
          End: true,
        },
      }),
      [
        { s: 10, fail: false },
        { s: 1, fail: true },
        { s: 1, fail: false },
        { s: 1, fail: false },
      ],
    );
    expect(run.error).toBe('ItemFailed');
    expect(
      run.events.filter((e) => e.type === 'MapIterationStarted').map((e) => details(e)['index']),
    ).toEqual([0, 1]);
    expect(run.leakedTimers).toEqual([]);
  });

  it('a Catch inside an iteration (on an inner Parallel) keeps the failure inside that iteration', async () => {
    const run = await drive(
      machine({
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'P',
            States: {
              P: {
                Type: 'Parallel',
                Branches: [
                  {
                    StartAt: 'C',
                    States: {
                      C: {
                        Type: 'Choice',
                        Choices: [{ Variable: '$', NumericEquals: 2, Next: 'F' }],
                        Default: 'OK',
                      },
                      F: { Type: 'Fail', Error: 'Two', Cause: 'item 2' },
                      OK: { Type: 'Pass', End: true },
                    },
                  },
                  { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3, End: true } } },
                ],
                Catch: [{ ErrorEquals: ['Two'], ResultPath: null, Next: 'Recovered' }],
                Next: 'Done',
              },
              Recovered: { Type: 'Pass', Result: 'recovered', End: true },
              Done: { Type: 'Pass', Result: 'done', End: true },
            },
          },
          End: true,
        },
      }),
      [1, 2, 3],
    );
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual(['done', 'recovered', 'done']);
    // Item 2's Parallel cancelled its own 3 s Wait; the others waited it out.
    expect(run.endTime - T0).toBe(3000);
    expect(run.leakedTimers).toEqual([]);
  });

  it('ItemSelector reads $$.Map.Item.Index and $$.Map.Item.Value (and $states.context.Map.Item in JSONata)', async () => {
    const jsonPath = await drive(
      machine({
        M: {
          Type: 'Map',
          ItemsPath: '$.list',
          ItemSelector: {
            'i.$': '$$.Map.Item.Index',
            'v.$': '$$.Map.Item.Value',
            'tag.$': '$.tag',
          },
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          End: true,
        },
      }),
      { tag: 't', list: ['x', 'y'] },
    );
    expect(jsonPath.output).toEqual([
      { i: 0, v: 'x', tag: 't' },
      { i: 1, v: 'y', tag: 't' },
    ]);
    const jsonata = await drive(
      machine(
        {
          M: {
            Type: 'Map',
            Items: '{% $states.input.list %}',
            ItemSelector: {
              i: '{% $states.context.Map.Item.Index %}',
              v: '{% $states.context.Map.Item.Value %}',
            },
            ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
            End: true,
          },
        },
        { QueryLanguage: 'JSONata' },
      ),
      { list: ['x', 'y'] },
    );
    expect(jsonata.output).toEqual([
      { i: 0, v: 'x' },
      { i: 1, v: 'y' },
    ]);
  });

  it('ItemsPath may select an object: one iteration per key-value pair, with $$.Map.Item.Key', async () => {
    // AWS docs (input-output-itemspath): "that path must evaluate to a JSON array or object"; an object
    // "runs an iteration for each key-value pair". unverified: the pairs run in the object's key order
    // and Index counts them from 0 (the docs do not say; insertion order is the most defensible).
    const run = await drive(
      machine({
        M: {
          Type: 'Map',
          ItemsPath: '$.servers',
          ItemSelector: {
            'key.$': '$$.Map.Item.Key',
            'value.$': '$$.Map.Item.Value',
            'index.$': '$$.Map.Item.Index',
          },
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          End: true,
        },
      }),
      { servers: { web: { port: 80 }, db: { port: 5432 } } },
    );
    expect(run.status).toBe('SUCCEEDED');
    expect(details(first(run.events, 'MapStateStarted'))).toEqual({ length: 2 });
    expect(run.output).toEqual([
      { key: 'web', value: { port: 80 }, index: 0 },
      { key: 'db', value: { port: 5432 }, index: 1 },
    ]);
  });

  it('an empty item list starts no iteration and outputs []', async () => {
    const run = await drive(
      machine({
        M: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 5, End: true } } },
          End: true,
        },
      }),
      [],
    );
    expect(run.output).toEqual([]);
    expect(types(run.events)).toEqual([
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
    expect(details(first(run.events, 'MapStateStarted'))).toEqual({ length: 0 });
    expect(run.endTime).toBe(T0);
  });

  it('Distributed Map children cannot read outer variables, though its ItemSelector can pass them in', async () => {
    // AWS docs (workflow variables, reference §1.10): Distributed Map children run as separate
    // executions and do not see the parent's variables. unverified: ItemSelector is evaluated in the
    // parent (the documented way to hand values to child workflows).
    const definition = (
      mode: 'INLINE' | 'DISTRIBUTED',
      selector: boolean,
    ): StateMachineDefinition =>
      machine(
        {
          Setup: { Type: 'Pass', Assign: { outer: 'o' }, Next: 'M' },
          M: {
            Type: 'Map',
            Items: [1],
            ...(selector ? { ItemSelector: { fromParent: '{% $outer %}' } } : {}),
            ItemProcessor: {
              ProcessorConfig:
                mode === 'DISTRIBUTED'
                  ? { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }
                  : { Mode: 'INLINE' },
              StartAt: 'P',
              States: {
                P: {
                  Type: 'Pass',
                  Output: selector ? '{% $states.input.fromParent %}' : '{% $outer %}',
                  End: true,
                },
              },
            },
            End: true,
          },
        },
        { QueryLanguage: 'JSONata' },
      );
    const inline = await drive(definition('INLINE', false), {});
    expect(inline.output).toEqual(['o']);
    const distributed = await drive(definition('DISTRIBUTED', false), {});
    expect(distributed.status).toBe('FAILED');
    expect(distributed.error).toBe('States.QueryEvaluationError');
    const passedIn = await drive(definition('DISTRIBUTED', true), {});
    expect(passedIn.output).toEqual(['o']);
  });

  it('a Distributed Map writes no child events into the parent history, though child tasks and timers still run', async () => {
    const run = await drive(
      machine({
        M: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'W',
            States: {
              W: { Type: 'Wait', Seconds: 2, Next: 'T' },
              T: { Type: 'Task', Resource: LAMBDA, End: true },
            },
          },
          End: true,
        },
      }),
      [1, 2],
      { tasks: (c) => ok({ got: c.input }) },
    );
    expect(run.output).toEqual([{ got: 1 }, { got: 2 }]);
    expect(run.calls).toHaveLength(2);
    expect(run.endTime - T0).toBe(2000);
    expect(types(run.events)).toEqual([
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapRunStarted',
      'MapRunSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it(
    'a Distributed Map whose Map Run fails writes MapRunFailed before MapStateFailed',
    async () => {
      // Recorded for Map Runs failing on their ItemReader (test_map_item_reader_* : MapRunStarted, MapRunFailed,
      // MapStateFailed, ExecutionFailed). unverified: the same events when a child execution fails.
      const run = await drive(
        machine({
          M: {
            Type: 'Map',
            ItemProcessor: {
              ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
              StartAt: 'F',
              States: { F: { Type: 'Fail', Error: 'ChildFailed' } },
            },
            End: true,
          },
        }),
        [1],
      );
      expect(types(run.events).slice(-4)).toEqual([
        'MapRunStarted',
        'MapRunFailed',
        'MapStateFailed',
        'ExecutionFailed',
      ]);
    },
  );
});

// =====================================================================================================

describe('Parallel', () => {
  it('outputs branch results in branch order even when the branches finish in another order', async () => {
    const run = await drive(
      machine({
        P: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'W0',
              States: {
                W0: { Type: 'Wait', Seconds: 30, Next: 'R0' },
                R0: { Type: 'Pass', Result: 'a', End: true },
              },
            },
            {
              StartAt: 'W1',
              States: {
                W1: { Type: 'Wait', Seconds: 10, Next: 'R1' },
                R1: { Type: 'Pass', Result: 'b', End: true },
              },
            },
            { StartAt: 'R2', States: { R2: { Type: 'Pass', Result: 'c', End: true } } },
          ],
          End: true,
        },
      }),
      {},
    );
    expect(run.output).toEqual(['a', 'b', 'c']);
    expect(run.endTime - T0).toBe(30000);
    expect(entered(run.events)).toEqual(['P', 'W0', 'W1', 'R2', 'R1', 'R0']);
  });

  it('one failing branch fails the Parallel and cancels the other branches (their timers and tasks)', async () => {
    const run = await drive(
      machine({
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Long', States: { Long: { Type: 'Wait', Seconds: 100, End: true } } },
            {
              StartAt: 'Short',
              States: {
                Short: { Type: 'Wait', Seconds: 5, Next: 'F' },
                F: { Type: 'Fail', Error: 'BranchBroke', Cause: 'c' },
              },
            },
            {
              StartAt: 'T',
              States: { T: { Type: 'Task', Resource: LAMBDA, TimeoutSeconds: 60, End: true } },
            },
          ],
          End: true,
        },
      }),
      {},
      { tasks: () => hang },
    );
    expect(run.status).toBe('FAILED');
    expect(run.error).toBe('BranchBroke');
    expect(run.endTime - T0).toBe(5000);
    const failing = run.steps.find((s) => s.events.some((e) => e.type === 'FailStateEntered'));
    // The 100 s Wait and the task's 60 s timeout timer; and the task itself.
    expect(cancelledTimers(failing?.commands ?? [])).toHaveLength(2);
    expect(cancelledTasks(failing?.commands ?? [])).toEqual([run.calls[0]?.command.taskId]);
    expect(run.leakedTimers).toEqual([]);
    expect(run.leakedTasks).toEqual([]);
    // Siblings' states are reported aborted, as recorded for Tasks (unverified for Wait).
    expect(types(run.events).slice(-5)).toEqual([
      'FailStateEntered',
      'WaitStateAborted',
      'TaskStateAborted',
      'ParallelStateFailed',
      'ExecutionFailed',
    ]);
  });

  it('a failing branch also cancels what runs deep inside its siblings (Map iterations, their tasks and guards)', async () => {
    const nested = await drive(
      machine({
        P: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'M',
              States: {
                M: {
                  Type: 'Map',
                  ItemsPath: '$.items',
                  ItemProcessor: {
                    StartAt: 'T',
                    States: {
                      T: {
                        Type: 'Task',
                        Resource: CALLBACK,
                        TimeoutSeconds: 100,
                        HeartbeatSeconds: 50,
                        End: true,
                      },
                    },
                  },
                  End: true,
                },
              },
            },
            {
              StartAt: 'W',
              States: {
                W: { Type: 'Wait', Seconds: 1, Next: 'F' },
                F: { Type: 'Fail', Error: 'Sibling' },
              },
            },
          ],
          End: true,
        },
      }),
      { items: [1, 2] },
      { tasks: () => hang },
    );
    expect(nested.error).toBe('Sibling');
    const failing = nested.steps.find((s) => s.events.some((e) => e.type === 'FailStateEntered'));
    // Two tasks, each with a timeout and a heartbeat timer.
    expect(cancelledTasks(failing?.commands ?? [])).toHaveLength(2);
    expect(cancelledTimers(failing?.commands ?? [])).toHaveLength(4);
    expect(nested.leakedTimers).toEqual([]);
    expect(nested.leakedTasks).toEqual([]);
  });

  it('a Succeed state ends only its own branch', async () => {
    const run = await drive(
      machine({
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'S', States: { S: { Type: 'Succeed' } } },
            {
              StartAt: 'W',
              States: {
                W: { Type: 'Wait', Seconds: 2, Next: 'R' },
                R: { Type: 'Pass', Result: 'r', End: true },
              },
            },
          ],
          Next: 'After',
        },
        After: { Type: 'Pass', End: true },
      }),
      { in: 1 },
    );
    expect(run.output).toEqual([{ in: 1 }, 'r']);
    expect(entered(run.events)).toEqual(['P', 'S', 'W', 'R', 'After']);
  });

  it(
    'a Task failing out of a Parallel branch is followed by TaskStateAborted, then ParallelStateFailed',
    async () => {
      // Recorded: test_callback.py::test_sqs_failure_in_wait_for_task_tok_no_error_field[SQS_PARALLEL_WAIT_FOR_TASK_TOKEN]:
      // TaskFailed #8, TaskStateAborted #9 (prev 8), ParallelStateFailed #10 (prev 8).
      const run = await drive(
        machine({
          P: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, End: true } } },
            ],
            End: true,
          },
        }),
        {},
        { tasks: () => fail('Boom', 'c') },
      );
      const failedId = first(run.events, 'TaskFailed')?.id;
      expect(types(run.events).slice(-4)).toEqual([
        'TaskFailed',
        'TaskStateAborted',
        'ParallelStateFailed',
        'ExecutionFailed',
      ]);
      expect(first(run.events, 'TaskStateAborted')?.previousEventId).toBe(failedId);
      expect(first(run.events, 'ParallelStateFailed')?.previousEventId).toBe(failedId);
    },
  );
});

// =====================================================================================================

describe('Variables', () => {
  it('JSONata Assign reads the values from state entry, so {"x": "{% $y %}", "y": "{% $x %}"} swaps', async () => {
    const run = await drive(
      machine(
        {
          Init: { Type: 'Pass', Assign: { x: 1, y: 2 }, Next: 'Swap' },
          Swap: {
            Type: 'Pass',
            Assign: { x: '{% $y %}', y: '{% $x %}' },
            Output: { x: '{% $x %}', y: '{% $y %}' },
            Next: 'Show',
          },
          Show: { Type: 'Pass', Output: { x: '{% $x %}', y: '{% $y %}' }, End: true },
        },
        { QueryLanguage: 'JSONata' },
      ),
      {},
    );
    // Output of Swap still sees the entry values; the next state sees the swapped ones.
    const swapExit = run.events.filter((e) => e.type === 'PassStateExited')[1];
    expect(JSON.parse(details(swapExit)['output'] as string)).toEqual({ x: 1, y: 2 });
    expect(run.output).toEqual({ x: 2, y: 1 });
  });

  it('JSONPath Assign swaps the same way with {"x.$": "$y", "y.$": "$x"}', async () => {
    const run = await drive(
      machine({
        Init: { Type: 'Pass', Assign: { x: 1, y: 2 }, Next: 'Swap' },
        Swap: { Type: 'Pass', Assign: { 'x.$': '$y', 'y.$': '$x' }, Next: 'Show' },
        Show: { Type: 'Pass', Parameters: { 'x.$': '$x', 'y.$': '$y' }, End: true },
      }),
      {},
    );
    expect(run.output).toEqual({ x: 2, y: 1 });
  });

  it('outer variables are visible in nested scopes (a Map inside a Parallel branch)', async () => {
    const run = await drive(
      machine(
        {
          Init: { Type: 'Pass', Assign: { outer: 'o' }, Next: 'P' },
          P: {
            Type: 'Parallel',
            Branches: [
              {
                StartAt: 'B',
                States: {
                  B: { Type: 'Pass', Assign: { branch: 'b' }, Next: 'M' },
                  M: {
                    Type: 'Map',
                    Items: [1, 2],
                    ItemProcessor: {
                      StartAt: 'I',
                      States: {
                        I: {
                          Type: 'Pass',
                          Output: '{% $outer & $branch & $states.input %}',
                          End: true,
                        },
                      },
                    },
                    End: true,
                  },
                },
              },
            ],
            End: true,
          },
        },
        { QueryLanguage: 'JSONata' },
      ),
      {},
    );
    expect(run.output).toEqual([['ob1', 'ob2']]);
  });

  it('a variable assigned in an iteration is private to it and dies with it', async () => {
    const run = await drive(
      machine(
        {
          M: {
            Type: 'Map',
            Items: [1, 2],
            MaxConcurrency: 1,
            ItemProcessor: {
              StartAt: 'First',
              States: {
                First: {
                  Type: 'Pass',
                  Assign: { mine: '{% $states.input %}' },
                  Output: { seen: '{% $exists($mine) %}' },
                  Next: 'Second',
                },
                Second: {
                  Type: 'Pass',
                  Output: { seen: '{% $states.input.seen %}', mine: '{% $mine %}' },
                  End: true,
                },
              },
            },
            Next: 'After',
          },
          After: { Type: 'Pass', Output: '{% $mine %}', End: true },
        },
        { QueryLanguage: 'JSONata' },
      ),
      {},
    );
    // Iteration 2 does not see iteration 1's `mine`, and the top level sees neither.
    const mapExit = first(run.events, 'MapStateExited');
    expect(JSON.parse(details(mapExit)['output'] as string)).toEqual([
      { seen: false, mine: 1 },
      { seen: false, mine: 2 },
    ]);
    expect(run.status).toBe('FAILED');
    expect(run.error).toBe('States.QueryEvaluationError');
  });

  it('sibling Parallel branches may each assign the same name without seeing each other', async () => {
    const run = await drive(
      machine(
        {
          P: {
            Type: 'Parallel',
            Branches: [0, 1].map((n) => ({
              StartAt: `A${n}`,
              States: {
                [`A${n}`]: { Type: 'Pass' as const, Assign: { v: n }, Next: `B${n}` },
                [`B${n}`]: { Type: 'Pass' as const, Output: '{% $v %}', End: true },
              },
            })),
            End: true,
          },
        },
        { QueryLanguage: 'JSONata' },
      ),
      {},
    );
    expect(run.output).toEqual([0, 1]);
  });
});

// =====================================================================================================

describe('StopExecution and the execution timeout', () => {
  const busy: StateMachineDefinition = machine({
    P: {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'M',
          States: {
            M: {
              Type: 'Map',
              ItemProcessor: {
                StartAt: 'W',
                States: { W: { Type: 'Wait', SecondsPath: '$.s', End: true } },
              },
              End: true,
            },
          },
        },
        {
          StartAt: 'T',
          States: {
            T: {
              Type: 'Task',
              Resource: LAMBDA,
              TimeoutSeconds: 300,
              HeartbeatSeconds: 100,
              End: true,
            },
          },
        },
        {
          StartAt: 'R',
          States: {
            R: {
              Type: 'Task',
              Resource: LAMBDA,
              Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 50 }],
              End: true,
            },
          },
        },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
      End: true,
    },
    Caught: { Type: 'Pass', End: true },
  });

  it('stop during a Map and a Parallel aborts the execution and cancels every pending timer and task', async () => {
    const run = await drive(busy, [{ s: 10 }, { s: 20 }, { s: 30 }], {
      // T never answers; R fails once and then waits 50 s to retry.
      tasks: (c) => (c.stateName === 'R' ? fail('Boom', 'retry me') : hang),
      inject: [{ at: T0 + 5000, input: { kind: 'stop', error: 'Stopped', cause: 'by test' } }],
    });
    expect(run.status).toBe('ABORTED');
    expect(run.error).toBe('Stopped');
    expect(run.endTime - T0).toBe(5000);
    expect(types(run.events).at(-1)).toBe('ExecutionAborted');
    expect(details(run.events.at(-1))).toEqual({ error: 'Stopped', cause: 'by test' });
    // Nothing is caught: a stop is not an error of the Parallel.
    expect(entered(run.events)).not.toContain('Caught');
    const stopped = run.steps.find((s) => s.input.kind === 'stop');
    // Three Map waits, the retry back-off, T's timeout and heartbeat timers.
    expect(cancelledTimers(stopped?.commands ?? [])).toHaveLength(6);
    expect(cancelledTasks(stopped?.commands ?? [])).toEqual([
      run.calls.find((c) => c.command.stateName === 'T')?.command.taskId,
    ]);
    expect(run.leakedTimers).toEqual([]);
    expect(run.leakedTasks).toEqual([]);
  });

  it('a stop links ExecutionAborted to event 0, as AWS records it', async () => {
    // Recorded: test_sfn_api.py::test_stop_execution (WAIT_1_MIN): ExecutionStarted #1, WaitStateEntered #2,
    // ExecutionAborted #3 with previousEventId 0.
    const run = await drive(
      machine({
        State_1: { Type: 'Wait', Seconds: 60, Next: 'State_2' },
        State_2: { Type: 'Pass', Result: { Arg1: 'argument1' }, End: true },
      }),
      {},
      { inject: [{ at: T0 + 1000, input: { kind: 'stop' } }] },
    );
    expect(run.events.map((e) => [e.id, e.previousEventId, e.type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 0, 'WaitStateEntered'],
      [3, 0, 'ExecutionAborted'],
    ]);
    expect(details(run.events[2])).toEqual({});
  });

  it('TimeoutSeconds reached inside a Map times the execution out, uncatchable, and cancels everything pending', async () => {
    // AWS docs (error handling): catchers are for Task, Parallel and Map states, "not for top-level state
    // machine execution failures" such as the execution timing out.
    const run = await drive(
      machine(
        {
          M: {
            Type: 'Map',
            ItemProcessor: {
              StartAt: 'W',
              States: {
                W: { Type: 'Wait', Seconds: 100, Next: 'T' },
                T: { Type: 'Task', Resource: LAMBDA, End: true },
              },
            },
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
            End: true,
          },
          Caught: { Type: 'Pass', End: true },
        },
        { TimeoutSeconds: 5 },
      ),
      [1, 2],
    );
    expect(run.status).toBe('TIMED_OUT');
    expect(run.error).toBe('States.Timeout');
    expect(run.endTime - T0).toBe(5000);
    expect(types(run.events).at(-1)).toBe('ExecutionTimedOut');
    expect(entered(run.events)).not.toContain('Caught');
    const timedOut = run.steps.at(-1);
    const waits = startedTimers(run).filter((id) => id.startsWith('wait-'));
    expect(waits).toHaveLength(2);
    expect(cancelledTimers(timedOut?.commands ?? [])).toEqual(expect.arrayContaining(waits));
    expect(run.leakedTimers).toEqual([]);
  });

  it('ignores a task result delivered twice and a heartbeat for a task that has ended', async () => {
    const compiled = compileMachine(
      machine({
        T: { Type: 'Task', Resource: CALLBACK, HeartbeatSeconds: 10, Next: 'W' },
        W: { Type: 'Wait', Seconds: 5, End: true },
      }),
    );
    const random = seededRandom();
    const start = await startExecution(compiled, INFO, {}, { now: T0, random });
    const taskId = (
      start.commands.find((c): c is RunTaskCommand => c.kind === 'runTask') as RunTaskCommand
    ).taskId;
    const once = await step(
      compiled,
      INFO,
      start.snapshot,
      { kind: 'taskSucceeded', taskId, output: 'a' },
      { now: T0 + 1, random },
    );
    expect(types(once.events)).toEqual(['TaskSucceeded', 'TaskStateExited', 'WaitStateEntered']);
    const twice = await step(
      compiled,
      INFO,
      once.snapshot,
      { kind: 'taskSucceeded', taskId, output: 'b' },
      { now: T0 + 2, random },
    );
    expect(twice.events).toEqual([]);
    expect(twice.commands).toEqual([]);
    const beat = await step(
      compiled,
      INFO,
      twice.snapshot,
      { kind: 'taskHeartbeat', taskId },
      { now: T0 + 3, random },
    );
    expect(beat.events).toEqual([]);
    expect(beat.commands).toEqual([]);
  });

  it('ignores a cancelled timer or a cancelled task that arrives anyway (a driver that lost the cancel)', async () => {
    const compiled = compileMachine(
      machine({
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 100, End: true } } },
            { StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, End: true } } },
            {
              StartAt: 'F',
              States: {
                F: { Type: 'Wait', Seconds: 1, Next: 'X' },
                X: { Type: 'Fail', Error: 'E' },
              },
            },
          ],
          Catch: [{ ErrorEquals: ['E'], Next: 'Later' }],
          End: true,
        },
        Later: { Type: 'Wait', Seconds: 1000, End: true },
      }),
    );
    const random = seededRandom();
    const start = await startExecution(compiled, INFO, {}, { now: T0, random });
    const timers = start.commands.flatMap((c) => (c.kind === 'startTimer' ? [c] : []));
    const task = start.commands.find(
      (c): c is RunTaskCommand => c.kind === 'runTask',
    ) as RunTaskCommand;
    const short = timers.find((t) => t.fireAt === T0 + 1000);
    const long = timers.find((t) => t.fireAt === T0 + 100_000);
    const failed = await step(
      compiled,
      INFO,
      start.snapshot,
      { kind: 'timerFired', timerId: short?.timerId ?? '' },
      { now: T0 + 1000, random },
    );
    expect(entered(failed.events)).toContain('Later');
    expect(cancelledTimers(failed.commands)).toContain(long?.timerId);
    expect(cancelledTasks(failed.commands)).toEqual([task.taskId]);
    const lateTimer = await step(
      compiled,
      INFO,
      failed.snapshot,
      { kind: 'timerFired', timerId: long?.timerId ?? '' },
      { now: T0 + 100_000, random },
    );
    expect(lateTimer.events).toEqual([]);
    const lateTask = await step(
      compiled,
      INFO,
      lateTimer.snapshot,
      { kind: 'taskSucceeded', taskId: task.taskId, output: 1 },
      { now: T0 + 100_000, random },
    );
    expect(lateTask.events).toEqual([]);
    expect(lateTask.snapshot.status).toBe('RUNNING');
  });
});

// =====================================================================================================

describe('snapshot durability', () => {
  const complex: StateMachineDefinition = machine({
    Setup: { Type: 'Pass', Assign: { factor: 10 }, Next: 'Fetch' },
    Fetch: {
      Type: 'Task',
      Resource: LAMBDA,
      Parameters: { 'retry.$': '$$.State.RetryCount' },
      Retry: [
        {
          ErrorEquals: ['Flaky'],
          IntervalSeconds: 2,
          BackoffRate: 3,
          MaxAttempts: 2,
          JitterStrategy: 'FULL',
        },
      ],
      ResultSelector: { 'items.$': '$.Payload' },
      Next: 'Fan',
    },
    Fan: {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'M',
          States: {
            M: {
              Type: 'Map',
              ItemsPath: '$.items',
              MaxConcurrency: 2,
              ItemSelector: { 'i.$': '$$.Map.Item.Index', 'v.$': '$$.Map.Item.Value' },
              ItemProcessor: {
                StartAt: 'Pause',
                States: {
                  Pause: { Type: 'Wait', SecondsPath: '$.v', Next: 'Work' },
                  Work: {
                    Type: 'Task',
                    Resource: LAMBDA,
                    Parameters: { 'i.$': '$.i', 'f.$': '$factor' },
                    TimeoutSeconds: 60,
                    HeartbeatSeconds: 30,
                    Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 3 }],
                    Assign: { 'last.$': '$.i' },
                    End: true,
                  },
                },
              },
              End: true,
            },
          },
        },
        {
          StartAt: 'Slow',
          States: {
            Slow: { Type: 'Wait', Seconds: 7, Next: 'Done' },
            Done: { Type: 'Pass', Result: 'slow', End: true },
          },
        },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
      Next: 'End',
    },
    Failed: { Type: 'Fail', Error: 'Unexpected' },
    End: { Type: 'Succeed' },
  });
  /** A fresh, deterministic task handler per run: Fetch fails twice, item 2 fails twice. */
  const makeTasks = (): TaskHandler => {
    const tries = new Map<number, number>();
    return (command, { index, attempt }) => {
      if (command.stateName === 'Fetch')
        return attempt < 2
          ? fail('Flaky', `try ${attempt}`, 300)
          : ok({ Payload: [3, 1, 2, 1] }, 300);
      const i = (command.input as { i: number }).i;
      const tried = tries.get(i) ?? 0;
      tries.set(i, tried + 1);
      if (i === 2 && tried < 2) return fail('Hiccup', `call ${index}`, 100);
      return ok({ i, double: i * 2 }, 250 * (i + 1));
    };
  };

  it('gives the same history, commands and output when every snapshot goes through JSON text between steps', async () => {
    const direct = await drive(
      complex,
      { run: 1 },
      { tasks: makeTasks(), random: seededRandom(99) },
    );
    const stored = await drive(
      complex,
      { run: 1 },
      { tasks: makeTasks(), random: seededRandom(99), roundTrip: true },
    );
    expect(direct.status).toBe('SUCCEEDED');
    expect(stored.events).toEqual(direct.events);
    expect(stored.steps.map((s) => s.commands)).toEqual(direct.steps.map((s) => s.commands));
    expect(stored.output).toEqual(direct.output);
    expect(stored.endTime).toBe(direct.endTime);
    // The run did exercise what it is meant to: retries with back-off, a Map, a Parallel, Waits.
    const t = types(direct.events);
    expect(t.filter((x) => x === 'TaskFailed').length).toBeGreaterThanOrEqual(4);
    expect(t).toContain('MapIterationSucceeded');
    expect(t).toContain('WaitStateExited');
    expect(direct.leakedTimers).toEqual([]);
    expect(direct.output).toEqual([
      [
        { i: 0, double: 0 },
        { i: 1, double: 2 },
        { i: 2, double: 4 },
        { i: 3, double: 6 },
      ],
      'slow',
    ]);
  });

  it('gives the same history when the snapshot is stored after a stop arrives mid-Map', async () => {
    const inject = [{ at: T0 + 2500, input: { kind: 'stop', error: 'Halt' } as ExecutionInput }];
    const direct = await drive(
      complex,
      {},
      { tasks: makeTasks(), random: seededRandom(3), inject },
    );
    const stored = await drive(
      complex,
      {},
      { tasks: makeTasks(), random: seededRandom(3), inject, roundTrip: true },
    );
    expect(direct.status).toBe('ABORTED');
    expect(stored.events).toEqual(direct.events);
    expect(stored.steps.map((s) => s.commands)).toEqual(direct.steps.map((s) => s.commands));
    expect(direct.leakedTimers).toEqual([]);
    expect(direct.leakedTasks).toEqual([]);
  });

  it('every step result round-trips through JSON: events and commands are plain data', async () => {
    const run = await drive(
      complex,
      {},
      { tasks: makeTasks(), random: seededRandom(7), roundTrip: true },
    );
    for (const record of run.steps) {
      expect(JSON.parse(JSON.stringify(record.events))).toEqual(record.events);
      expect(JSON.parse(JSON.stringify(record.commands))).toEqual(record.commands);
    }
    // Timer ids never repeat within an execution (the contract: ids are unique).
    const ids = startedTimers(run);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
