import { describe, expect, it } from 'vitest';
import type { StateMachineDefinition } from '../definition/types.js';
import type { JsonValue } from '../paths/json.js';
import { compileMachine, runExecution, seededRandom, startExecution, step, type TaskOutcome } from './api.js';
import type { ExecutionInfo, ExecutionInput, ExecutionSnapshot, HistoryEvent, StepResult } from './types.js';

const info: ExecutionInfo = {
  executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:e',
  name: 'e',
  roleArn: 'arn:aws:iam::123456789012:role/r',
  startTime: Date.UTC(2026, 0, 1),
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
  stateMachineName: 'm',
  type: 'STANDARD',
};

const types = (events: readonly HistoryEvent[]): string[] => events.map((event) => event.type);

function machine(states: StateMachineDefinition['States'], extra: Partial<StateMachineDefinition> = {}): StateMachineDefinition {
  return { StartAt: Object.keys(states)[0] as string, States: states, ...extra };
}

describe('the step interpreter', () => {
  it('runs a Pass chain and records entered/exited events linked by previousEventId', async () => {
    const result = await runExecution(
      machine({ A: { Type: 'Pass', Result: 1, ResultPath: '$.a', Next: 'B' }, B: { Type: 'Pass', End: true } }),
      { x: true },
    );
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toEqual({ x: true, a: 1 });
    expect(types(result.events)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(result.events.map((e) => [e.id, e.previousEventId])).toEqual([
      [1, 0],
      [2, 0],
      [3, 2],
      [4, 3],
      [5, 4],
      [6, 5],
    ]);
  });

  it('waits a year in virtual time and stamps the exit with the timer time', async () => {
    const result = await runExecution(machine({ W: { Type: 'Wait', Seconds: 365 * 24 * 3600, End: true } }), {}, { startTime: info.startTime });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.endTime - info.startTime).toBe(365 * 24 * 3600 * 1000);
    const exited = result.events.find((e) => e.type === 'WaitStateExited');
    expect(exited?.timestamp).toBe(result.endTime);
  });

  it('hands control back with a timer command, and resumes from a snapshot that went through JSON', async () => {
    const compiled = compileMachine(machine({ W: { Type: 'Wait', Seconds: 10, Next: 'P' }, P: { Type: 'Pass', End: true } }));
    const random = seededRandom(7);
    const first = await startExecution(compiled, info, { v: 1 }, { now: info.startTime, random });
    expect(first.snapshot.status).toBe('RUNNING');
    const timer = first.commands.find((c) => c.kind === 'startTimer');
    expect(timer).toMatchObject({ kind: 'startTimer', fireAt: info.startTime + 10_000 });
    const stored = JSON.parse(JSON.stringify(first.snapshot)) as ExecutionSnapshot;
    const second = await step(compiled, info, stored, { kind: 'timerFired', timerId: (timer as { timerId: string }).timerId }, {
      now: info.startTime + 10_000,
      random,
    });
    expect(second.snapshot.status).toBe('SUCCEEDED');
    expect(types(second.events)).toEqual(['WaitStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    expect(second.events[0]?.id).toBe(first.events.length + 1);
  });

  it('ignores a timer that fires twice (a driver retrying after a crash)', async () => {
    const compiled = compileMachine(machine({ W: { Type: 'Wait', Seconds: 1, Next: 'W2' }, W2: { Type: 'Wait', Seconds: 1, End: true } }));
    const random = seededRandom();
    const first = await startExecution(compiled, info, {}, { now: 0, random });
    const timerId = (first.commands[0] as { timerId: string }).timerId;
    const second = await step(compiled, info, first.snapshot, { kind: 'timerFired', timerId }, { now: 1000, random });
    const again = await step(compiled, info, second.snapshot, { kind: 'timerFired', timerId }, { now: 1000, random });
    expect(again.events).toEqual([]);
    expect(again.commands).toEqual([]);
  });

  it('produces the same history when replayed step by step as when run in one go', async () => {
    const definition = machine({
      A: { Type: 'Pass', Assign: { n: 1 }, Next: 'T' },
      T: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 2, MaxAttempts: 2 }],
        Next: 'M',
      },
      M: {
        Type: 'Map',
        MaxConcurrency: 1,
        ItemsPath: '$.Payload',
        ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Wait', Seconds: 1, End: true } } },
        End: true,
      },
    });
    let calls = 0;
    const tasks = (): Promise<TaskOutcome> =>
      Promise.resolve(calls++ === 0 ? { ok: false, error: 'Boom', cause: 'first' } : { ok: true, output: { Payload: [1, 2] } });
    const direct = await runExecution(definition, {}, { startTime: info.startTime, info, tasks, random: seededRandom(3) });
    expect(direct.status).toBe('SUCCEEDED');

    // Now drive it by hand, storing the snapshot as text between steps like a durable driver.
    const compiled = compileMachine(definition);
    const random = seededRandom(3);
    const events: HistoryEvent[] = [];
    let now = info.startTime;
    let result: StepResult = await startExecution(compiled, info, {}, { now, random });
    let failedOnce = false;
    for (let guard = 0; result.snapshot.status === 'RUNNING' && guard < 100; guard++) {
      events.push(...result.events);
      const snapshot = JSON.parse(JSON.stringify(result.snapshot)) as ExecutionSnapshot;
      const command = result.commands.find((c) => c.kind === 'startTimer' || c.kind === 'runTask');
      let input: ExecutionInput;
      if (command?.kind === 'runTask') {
        // The driver reports the start first, as runExecution does.
        result = await step(compiled, info, snapshot, { kind: 'taskStarted', taskId: command.taskId }, { now, random });
        events.push(...result.events);
        input = failedOnce
          ? { kind: 'taskSucceeded', taskId: command.taskId, output: { Payload: [1, 2] } }
          : { kind: 'taskFailed', taskId: command.taskId, error: 'Boom', cause: 'first' };
        failedOnce = true;
      } else if (command?.kind === 'startTimer') {
        now = command.fireAt;
        input = { kind: 'timerFired', timerId: command.timerId };
      } else {
        throw new Error('stuck');
      }
      result = await step(compiled, info, JSON.parse(JSON.stringify(result.snapshot)) as ExecutionSnapshot, input, { now, random });
    }
    events.push(...result.events);
    expect(events).toEqual(direct.events);
    expect(types(events)).toContain('TaskFailed');
    expect(events.filter((e) => e.type === 'TaskScheduled')).toHaveLength(2);
  });

  it('retries with exponential back-off capped by MaxDelaySeconds, then catches into the error output', async () => {
    const scheduled: number[] = [];
    const result = await runExecution(
      machine({
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 3, BackoffRate: 2, MaxAttempts: 3, MaxDelaySeconds: 5 }],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      }),
      { keep: 1 },
      {
        startTime: 0,
        tasks: () => Promise.resolve({ ok: false, error: 'Custom', cause: 'bad' }),
        info: {},
      },
    ).then((r) => {
      for (const e of r.events) if (e.type === 'TaskScheduled') scheduled.push(e.timestamp);
      return r;
    });
    expect(scheduled).toEqual([0, 3000, 8000, 13000]);
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toEqual({ keep: 1, error: { Error: 'Custom', Cause: 'bad' } });
  });

  it('does not let States.ALL catch a States.Runtime error', async () => {
    const result = await runExecution(
      machine({
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', InputPath: '$.missing', End: true } } }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }],
          End: true,
        },
        C: { Type: 'Pass', End: true },
      }),
      {},
    );
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toMatch(/^An error occurred while executing the state 'X' \(entered at the event id #4\)\. Invalid path/);
  });

  it('times the execution out with States.Timeout after TimeoutSeconds', async () => {
    const result = await runExecution(machine({ W: { Type: 'Wait', Seconds: 100, End: true } }, { TimeoutSeconds: 5 }), {});
    expect(result.status).toBe('TIMED_OUT');
    expect(result.error).toBe('States.Timeout');
    expect(types(result.events).at(-1)).toBe('ExecutionTimedOut');
    expect(result.endTime).toBe(5000);
  });

  it('aborts on stop and cancels what the execution was waiting for', async () => {
    const compiled = compileMachine(machine({ W: { Type: 'Wait', Seconds: 100, End: true } }));
    const random = seededRandom();
    const started = await startExecution(compiled, info, {}, { now: 0, random });
    const stopped = await step(compiled, info, started.snapshot, { kind: 'stop', error: 'E', cause: 'C' }, { now: 10, random });
    expect(stopped.snapshot.status).toBe('ABORTED');
    expect(types(stopped.events)).toEqual(['ExecutionAborted']);
    expect(stopped.commands).toContainEqual({ kind: 'cancelTimer', timerId: (started.commands[0] as { timerId: string }).timerId });
  });

  it('keeps Map iterations in order and their variables apart, reading outer variables', async () => {
    const result = await runExecution(
      machine({
        Setup: { Type: 'Pass', Assign: { factor: 10 }, Next: 'M' },
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Scale',
            States: {
              Scale: { Type: 'Pass', Assign: { mine: 'x' }, Parameters: { 'v.$': 'States.MathAdd($, $factor)' }, End: true },
            },
          },
          End: true,
        },
      }),
      [1, 2, 3],
    );
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toEqual([{ v: 11 }, { v: 12 }, { v: 13 }]);
  });

  it('tolerates failed iterations up to ToleratedFailureCount and fails beyond it', async () => {
    const definition = (count: number): StateMachineDefinition =>
      machine({
        M: {
          Type: 'Map',
          ToleratedFailureCount: count,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'C',
            States: {
              C: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 2, Next: 'F' }], Default: 'P' },
              F: { Type: 'Fail', Error: 'Two' },
              P: { Type: 'Pass', End: true },
            },
          },
          End: true,
        },
      });
    const tolerated = await runExecution(definition(1), [1, 2, 3]);
    expect(tolerated.status).toBe('SUCCEEDED');
    expect(JSON.parse(tolerated.output as string)).toEqual([1, { Error: 'Two' }, 3]);
    expect(types(tolerated.events)).toEqual([
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapRunStarted',
      'MapRunSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
    const exceeded = await runExecution(definition(0), [1, 2, 3]);
    expect(exceeded.status).toBe('FAILED');
    expect(exceeded.error).toBe('Two');
  });

  it('groups items with ItemBatcher', async () => {
    const result = await runExecution(
      machine({
        M: {
          Type: 'Map',
          ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { tag: 't' } },
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          End: true,
        },
      }),
      [1, 2, 3],
    );
    expect(JSON.parse(result.output as string)).toEqual([
      { BatchInput: { tag: 't' }, Items: [1, 2] },
      { BatchInput: { tag: 't' }, Items: [3] },
    ]);
  });

  it('fails a state whose output exceeds 256 KiB with States.DataLimitExceeded', async () => {
    const big: JsonValue = 'x'.repeat(262_145);
    const result = await runExecution(machine({ P: { Type: 'Pass', Result: big, End: true } }), {});
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.DataLimitExceeded');
    expect(result.cause).toBe("The state/task 'P' returned a result with a size exceeding the maximum number of bytes service limit.");
  });

  it('writes nothing but still numbers events when history is off', async () => {
    const result = await runExecution(machine({ A: { Type: 'Pass', End: true } }), {}, { history: false });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.events).toEqual([]);
  });

  it('times a task out after TimeoutSeconds and a missed heartbeat, restarting the heartbeat clock on each beat', async () => {
    const compiled = compileMachine(
      machine({
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', TimeoutSeconds: 100, HeartbeatSeconds: 10, End: true },
      }),
    );
    const random = seededRandom();
    const started = await startExecution(compiled, info, {}, { now: 0, random });
    const task = started.commands.find((c) => c.kind === 'runTask');
    expect(task).toMatchObject({ kind: 'runTask', timeoutSeconds: 100, heartbeatSeconds: 10 });
    expect(typeof (task as { taskToken?: string }).taskToken).toBe('string');
    const taskId = (task as { taskId: string }).taskId;
    const beat = await step(compiled, info, started.snapshot, { kind: 'taskHeartbeat', taskId }, { now: 5000, random });
    expect(beat.events).toEqual([]);
    const newHeartbeat = beat.commands.find((c) => c.kind === 'startTimer');
    expect(newHeartbeat).toMatchObject({ fireAt: 15_000 });
    const timedOut = await step(compiled, info, beat.snapshot, { kind: 'timerFired', timerId: (newHeartbeat as { timerId: string }).timerId }, { now: 15_000, random });
    expect(types(timedOut.events)).toEqual(['TaskTimedOut', 'ExecutionFailed']);
    expect(timedOut.snapshot.error).toBe('States.Timeout');
    expect(timedOut.commands).toContainEqual({ kind: 'cancelTask', taskId });
  });

  it('refuses an inner scope writing a variable of an outer scope, and a variable over 256 KiB', async () => {
    const outerWrite = await runExecution(
      machine({
        Setup: { Type: 'Pass', Assign: { total: 0 }, Next: 'M' },
        M: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Add', States: { Add: { Type: 'Pass', Assign: { total: 1 }, End: true } } },
          End: true,
        },
      }),
      [1],
    );
    expect(outerWrite.status).toBe('FAILED');
    expect(outerWrite.error).toBe('States.Runtime');
    expect(outerWrite.cause).toContain("Cannot assign to variable 'total'");

    const tooBig = await runExecution(machine({ P: { Type: 'Pass', Assign: { big: 'x'.repeat(262_144) }, End: true } }), {});
    expect(tooBig.status).toBe('FAILED');
    expect(tooBig.error).toBe('States.DataLimitExceeded');
  });

  it('ends a Standard loop without waits at 25,000 events with AWS\'s history-quota failure', async () => {
    const result = await runExecution(machine({ Spin: { Type: 'Pass', Next: 'Spin' } }), {});
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toBe('The execution reached the maximum number of history events (25000).');
    const last = result.events.at(-1);
    expect(last).toMatchObject({ id: 25_000, previousEventId: 24_999, type: 'ExecutionFailed' });
    expect(result.events).toHaveLength(25_000);
  });

  it('hands control back with a due-now timer instead of looping forever when no history is kept', async () => {
    const compiled = compileMachine(machine({ Spin: { Type: 'Pass', Next: 'Spin' } }));
    const random = seededRandom();
    const started = await startExecution(compiled, info, {}, { now: 0, random, history: false });
    expect(started.snapshot.status).toBe('RUNNING');
    const timer = started.commands.find((c) => c.kind === 'startTimer');
    expect(timer).toMatchObject({ fireAt: 0 });
    const next = await step(compiled, info, started.snapshot, { kind: 'timerFired', timerId: (timer as { timerId: string }).timerId }, {
      now: 0,
      random,
      history: false,
    });
    expect(next.snapshot.status).toBe('RUNNING');
    expect(next.commands.some((c) => c.kind === 'startTimer')).toBe(true);
    const stopped = await step(compiled, info, next.snapshot, { kind: 'timeOut' }, { now: 300_000, random, history: false });
    expect(stopped.snapshot.status).toBe('TIMED_OUT');
  });
});
