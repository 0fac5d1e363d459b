import { describe, expect, it } from 'vitest';
import type { StateMachineDefinition } from '../definition/types.js';
import { compileMachine, seededRandom, startExecution, step, type RunTaskCommand, type TaskOutcome } from './api.js';
import { RebuildMismatch, rebuildFromHistory } from './rebuild.js';
import type { Command, CompiledMachine, ExecutionInfo, ExecutionInput, HistoryEvent, StepResult } from './types.js';

const T0 = Date.UTC(2026, 0, 1);
const LAMBDA = 'arn:aws:states:::lambda:invoke';
const CALLBACK = 'arn:aws:states:::sqs:sendMessage.waitForTaskToken';
const SEED = 42;

const INFO: ExecutionInfo = {
  executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:e',
  name: 'e',
  roleArn: 'arn:aws:iam::123456789012:role/r',
  startTime: T0,
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
  stateMachineName: 'm',
  type: 'STANDARD',
};

/** How the driver answers a runTask: after `after` ms; no outcome = never answers. */
interface Reply {
  readonly after?: number;
  readonly outcome?: TaskOutcome;
}

interface Recorded {
  /** The input of this step (null: the start), and the time it ran at. */
  readonly input: ExecutionInput | null;
  readonly now: number;
  readonly events: HistoryEvent[];
  /** The snapshot after the step, as JSON text. */
  readonly snapshot: string;
  readonly status: string;
  /** Timers and tasks outstanding after the step (what the driver still has to deliver). */
  readonly pending: string[];
}

interface DriveOptions {
  readonly tasks?: (command: RunTaskCommand, attempt: number) => Reply;
  readonly inject?: ReadonlyArray<{ readonly at: number; readonly input: ExecutionInput }>;
}

function outstanding(commands: readonly Command[], consumed: ReadonlySet<string>): string[] {
  const live = new Set<string>();
  for (const command of commands) {
    if (command.kind === 'startTimer') live.add(`timer:${command.timerId}`);
    else if (command.kind === 'cancelTimer') live.delete(`timer:${command.timerId}`);
    else if (command.kind === 'runTask') live.add(`task:${command.taskId}`);
    else live.delete(`task:${command.taskId}`);
  }
  return [...live].filter((key) => !consumed.has(key)).sort();
}

/** Runs an execution in virtual time, one step at a time, recording every step. */
async function drive(definition: StateMachineDefinition, input: unknown, options: DriveOptions = {}): Promise<Recorded[]> {
  const compiled = compileMachine(definition);
  const random = seededRandom(SEED);
  let now = T0;
  let seq = 0;
  const queue: Array<{ at: number; seq: number; key: string; input: ExecutionInput }> = [];
  const attempts = new Map<string, number>();
  const allCommands: Command[] = [];
  const consumed = new Set<string>();
  for (const injected of options.inject ?? []) queue.push({ at: injected.at, seq: seq++, key: 'inject', input: injected.input });
  const steps: Recorded[] = [];
  const absorb = (stepInput: ExecutionInput | null, result: StepResult): void => {
    for (const command of result.commands) {
      allCommands.push(command);
      if (command.kind === 'startTimer') {
        queue.push({ at: command.fireAt, seq: seq++, key: `timer:${command.timerId}`, input: { kind: 'timerFired', timerId: command.timerId } });
      } else if (command.kind === 'cancelTimer' || command.kind === 'cancelTask') {
        const key = command.kind === 'cancelTimer' ? `timer:${command.timerId}` : `task:${command.taskId}`;
        for (let i = queue.length - 1; i >= 0; i--) if (queue[i]?.key === key) queue.splice(i, 1);
      } else {
        const attempt = attempts.get(command.stateName) ?? 0;
        attempts.set(command.stateName, attempt + 1);
        const reply: Reply = options.tasks?.(command, attempt) ?? { outcome: { ok: true, output: { done: command.stateName } } };
        const key = `task:${command.taskId}`;
        queue.push({ at: now, seq: seq++, key, input: { kind: 'taskStarted', taskId: command.taskId } });
        const outcome = reply.outcome;
        if (outcome !== undefined) {
          const answer: ExecutionInput = outcome.ok
            ? { kind: 'taskSucceeded', taskId: command.taskId, output: outcome.output }
            : { kind: 'taskFailed', taskId: command.taskId, error: outcome.error, ...(outcome.cause !== undefined ? { cause: outcome.cause } : {}) };
          queue.push({ at: now + (reply.after ?? 0), seq: seq++, key, input: answer });
        }
      }
    }
    steps.push({
      input: stepInput,
      now,
      events: result.events,
      snapshot: JSON.stringify(result.snapshot),
      status: result.snapshot.status,
      pending: outstanding(allCommands, consumed),
    });
  };
  let result = await startExecution(compiled, INFO, input as never, { now, random });
  absorb(null, result);
  while (result.snapshot.status === 'RUNNING') {
    queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = queue.shift();
    if (next === undefined) throw new Error('stuck');
    now = Math.max(now, next.at);
    if (next.input.kind === 'timerFired') consumed.add(next.key);
    if (next.input.kind === 'taskSucceeded' || next.input.kind === 'taskFailed') consumed.add(next.key);
    const snapshot = JSON.parse(steps[steps.length - 1]?.snapshot as string);
    result = await step(compiled, INFO, snapshot, next.input, { now, random });
    if (result.events.length === 0) throw new Error(`step without events: ${JSON.stringify(next.input)}`);
    absorb(next.input, result);
  }
  return steps;
}

const historyOf = (steps: readonly Recorded[]): HistoryEvent[] => steps.flatMap((s) => s.events);

/**
 * For every point where the execution waits (and its end): rebuild from the history up to there,
 * compare with the live snapshot and pending work, and continue with the same inputs.
 */
async function checkEveryCut(definition: StateMachineDefinition, steps: readonly Recorded[]): Promise<number> {
  const compiled = compileMachine(definition);
  const history = historyOf(steps);
  let cuts = 0;
  for (let i = 0; i < steps.length; i++) {
    const live = steps[i] as Recorded;
    const prefix = historyOf(steps.slice(0, i + 1));
    const random = seededRandom(SEED);
    const rebuilt = await rebuildFromHistory(compiled, INFO, prefix, random);
    expect(JSON.parse(JSON.stringify(rebuilt.snapshot))).toEqual(JSON.parse(live.snapshot));
    const pendingKeys = rebuilt.pending
      .map((c) => (c.kind === 'startTimer' ? `timer:${c.timerId}` : c.kind === 'runTask' ? `task:${c.taskId}` : `?${c.kind}`))
      .sort();
    expect(pendingKeys).toEqual(live.pending);
    // Carrying on from the rebuilt snapshot gives exactly the rest of the history.
    let snapshot = rebuilt.snapshot;
    const rest: HistoryEvent[] = [];
    for (const later of steps.slice(i + 1)) {
      const result = await continueStep(compiled, snapshot, later, random);
      rest.push(...result.events);
      snapshot = result.snapshot;
    }
    expect(rest).toEqual(history.slice(prefix.length));
    cuts++;
  }
  return cuts;
}

function continueStep(compiled: CompiledMachine, snapshot: StepResult['snapshot'], later: Recorded, random: ReturnType<typeof seededRandom>): Promise<StepResult> {
  return step(compiled, INFO, snapshot, later.input as ExecutionInput, { now: later.now, random });
}

function machine(states: StateMachineDefinition['States'], extra: Partial<StateMachineDefinition> = {}): StateMachineDefinition {
  return { StartAt: Object.keys(states)[0] as string, States: states, ...extra };
}

const passChoiceLoop = machine({
  Init: { Type: 'Pass', Parameters: { 'n.$': '$.n', 'id.$': 'States.UUID()' }, Next: 'Check' },
  Check: {
    Type: 'Choice',
    Choices: [{ Variable: '$.n', NumericGreaterThan: 0, Next: 'Nap' }],
    Default: 'Done',
  },
  Nap: { Type: 'Wait', SecondsPath: '$.n', Next: 'Dec' },
  Dec: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, -1)', 'id.$': '$.id' }, Next: 'Check' },
  Done: { Type: 'Succeed' },
});

describe('rebuildFromHistory', () => {
  it('rebuilds a Pass/Choice loop with Waits at every waiting point and at its end', async () => {
    const steps = await drive(passChoiceLoop, { n: 3 });
    expect(steps[steps.length - 1]?.status).toBe('SUCCEEDED');
    expect(await checkEveryCut(passChoiceLoop, steps)).toBe(4);
  });

  it('rebuilds a Wait on a timestamp read from the input', async () => {
    const def = machine({
      W: { Type: 'Wait', TimestampPath: '$.at', Next: 'W2' },
      W2: { Type: 'Wait', Seconds: 5, End: true },
    });
    const steps = await drive(def, { at: '2026-01-02T00:00:00Z' });
    expect(steps.map((s) => s.now)).toEqual([T0, T0 + 86_400_000, T0 + 86_405_000]);
    expect(await checkEveryCut(def, steps)).toBe(3);
  });

  it('rebuilds task success, failures retried with jittered back-off, and a Catch', async () => {
    const def = machine({
      A: {
        Type: 'Task',
        Resource: LAMBDA,
        Parameters: { 'v.$': '$.v' },
        Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 3, JitterStrategy: 'FULL' }],
        ResultPath: '$.a',
        Next: 'B',
      },
      B: {
        Type: 'Task',
        Resource: LAMBDA,
        Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 1, MaxAttempts: 1 }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.err', Next: 'C' }],
        Next: 'C',
      },
      C: { Type: 'Pass', End: true },
    });
    const steps = await drive(def, { v: 1 }, {
      tasks: (command, attempt) => {
        if (command.stateName === 'A') {
          return attempt < 2
            ? { after: 500, outcome: { ok: false, error: 'Flaky', cause: `try ${attempt}` } }
            : { after: 1000, outcome: { ok: true, output: { value: attempt } } };
        }
        return { after: 100, outcome: { ok: false, error: attempt === 0 ? 'Flaky' : 'Broken' } };
      },
    });
    const history = historyOf(steps);
    expect(history.filter((e) => e.type === 'TaskFailed')).toHaveLength(4);
    expect(steps[steps.length - 1]?.status).toBe('SUCCEEDED');
    expect(await checkEveryCut(def, steps)).toBe(steps.length);
  });

  it('rebuilds a task that times out, is retried and times out on its heartbeat', async () => {
    const def = machine({
      T: {
        Type: 'Task',
        Resource: LAMBDA,
        TimeoutSeconds: 10,
        HeartbeatSeconds: 3,
        Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 1, MaxAttempts: 1 }],
        End: true,
      },
    });
    const steps = await drive(def, {}, { tasks: () => ({}) });
    const history = historyOf(steps);
    expect(history.filter((e) => e.type === 'TaskTimedOut')).toHaveLength(2);
    expect(steps[steps.length - 1]?.status).toBe('FAILED');
    expect(await checkEveryCut(def, steps)).toBe(steps.length);
  });

  for (const concurrency of [1, 0]) {
    it(`rebuilds a Map with MaxConcurrency ${concurrency} whose iterations wait`, async () => {
      const def = machine({
        M: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: concurrency,
          ItemProcessor: {
            StartAt: 'W',
            States: {
              W: { Type: 'Wait', SecondsPath: '$', Next: 'P' },
              P: { Type: 'Pass', Parameters: { 'r.$': 'States.MathRandom(1, 1000)' }, End: true },
            },
          },
          End: true,
        },
      });
      const steps = await drive(def, { items: [3, 1, 2] });
      expect(steps[steps.length - 1]?.status).toBe('SUCCEEDED');
      expect(await checkEveryCut(def, steps)).toBe(4);
    });
  }

  it('rebuilds a Parallel whose branches wait for different times', async () => {
    const def = machine({
      P: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'A', States: { A: { Type: 'Wait', Seconds: 5, Next: 'A2' }, A2: { Type: 'Wait', Seconds: 5, End: true } } },
          { StartAt: 'B', States: { B: { Type: 'Wait', Seconds: 7, End: true } } },
          { StartAt: 'C', States: { C: { Type: 'Task', Resource: LAMBDA, End: true } } },
        ],
        End: true,
      },
    });
    const steps = await drive(def, { x: 1 }, { tasks: () => ({ after: 6000, outcome: { ok: true, output: 'c' } }) });
    expect(steps[steps.length - 1]?.status).toBe('SUCCEEDED');
    expect(await checkEveryCut(def, steps)).toBe(steps.length);
  });

  it('rebuilds JSONata states that draw $uuid() and $random() and a callback task token', async () => {
    const def = machine(
      {
        A: { Type: 'Pass', Output: { id: '{% $uuid() %}', r: '{% $random() %}' }, Next: 'W' },
        W: { Type: 'Wait', Seconds: 2, Assign: { seen: '{% $states.input.id %}' }, Next: 'T' },
        T: { Type: 'Task', Resource: CALLBACK, Arguments: { n: '{% $random() %}' }, Output: '{% [$states.result, $seen, $uuid()] %}', End: true },
      },
      { QueryLanguage: 'JSONata' },
    );
    const steps = await drive(def, {}, { tasks: (command) => ({ after: 3000, outcome: { ok: true, output: { token: command.taskToken ?? null } } }) });
    expect(steps[steps.length - 1]?.status).toBe('SUCCEEDED');
    const output = historyOf(steps).find((e) => e.type === 'ExecutionSucceeded') as HistoryEvent & { executionSucceededEventDetails: { output: string } };
    expect(JSON.parse(output.executionSucceededEventDetails.output)[0].token).toMatch(/^[0-9a-f]{8}-/);
    expect(await checkEveryCut(def, steps)).toBe(steps.length);
  });

  it('rebuilds an execution stopped while it waits, and one timed out by TimeoutSeconds', async () => {
    const def = machine({ W: { Type: 'Wait', Seconds: 100, End: true } });
    const stopped = await drive(def, {}, { inject: [{ at: T0 + 10_000, input: { kind: 'stop', error: 'E', cause: 'why' } }] });
    expect(stopped[stopped.length - 1]?.status).toBe('ABORTED');
    expect(await checkEveryCut(def, stopped)).toBe(2);
    const limited = { ...def, TimeoutSeconds: 30 };
    const timedOut = await drive(limited, {});
    expect(timedOut[timedOut.length - 1]?.status).toBe('TIMED_OUT');
    expect(await checkEveryCut(limited, timedOut)).toBe(2);
  });

  it('returns the pending timer and task of a waiting execution', async () => {
    const def = machine({ W: { Type: 'Wait', Seconds: 10, Next: 'T' }, T: { Type: 'Task', Resource: LAMBDA, End: true } });
    const steps = await drive(def, {});
    const compiled = compileMachine(def);
    const atWait = await rebuildFromHistory(compiled, INFO, historyOf(steps.slice(0, 1)), seededRandom(SEED));
    expect(atWait.pending).toEqual([{ kind: 'startTimer', timerId: 'wait-1', fireAt: T0 + 10_000 }]);
    const atTask = await rebuildFromHistory(compiled, INFO, historyOf(steps.slice(0, 2)), seededRandom(SEED));
    expect(atTask.pending).toEqual([{ kind: 'runTask', taskId: 'task-2', stateName: 'T', resource: LAMBDA, input: {} }]);
  });

  describe('a history that cannot have come from this definition', () => {
    const def = machine({
      A: { Type: 'Pass', Result: { a: 1 }, Next: 'T' },
      T: { Type: 'Task', Resource: LAMBDA, Next: 'W' },
      W: { Type: 'Wait', Seconds: 1, End: true },
    });
    const compiled = compileMachine(def);

    const mismatch = async (events: HistoryEvent[]): Promise<RebuildMismatch> => {
      try {
        await rebuildFromHistory(compiled, INFO, events, seededRandom(SEED));
      } catch (error) {
        expect(error).toBeInstanceOf(RebuildMismatch);
        return error as RebuildMismatch;
      }
      throw new Error('no mismatch');
    };

    it('names a state event whose output was changed', async () => {
      const history = historyOf(await drive(def, {}));
      const index = history.findIndex((e) => e.type === 'PassStateExited');
      const original = history[index] as HistoryEvent;
      history[index] = { ...original, stateExitedEventDetails: { name: 'A', output: '{"a":2}', outputDetails: { truncated: false } } };
      const error = await mismatch(history);
      expect(error.event?.id).toBe(original.id);
      expect(error.message).toContain(`history event ${original.id} (PassStateExited)`);
    });

    it('names the first event that shows a changed task result', async () => {
      const history = historyOf(await drive(def, {}));
      const index = history.findIndex((e) => e.type === 'TaskSucceeded');
      const original = history[index] as HistoryEvent & { taskSucceededEventDetails: object };
      history[index] = { ...original, taskSucceededEventDetails: { ...original.taskSucceededEventDetails, output: '"forged"' } };
      // The forged result is taken as the input, so the event itself matches; the exit shows it.
      const error = await mismatch(history);
      expect(error.event?.type).toBe('TaskStateExited');
      expect(error.event?.id).toBe(original.id + 1);
    });

    it('names the event after a missing one', async () => {
      const history = historyOf(await drive(def, {}));
      const index = history.findIndex((e) => e.type === 'PassStateExited');
      const after = history[index + 1] as HistoryEvent;
      history.splice(index, 1);
      const error = await mismatch(history);
      expect(error.event).toBe(after);
    });

    it('names a task event no pending task can have written', async () => {
      const history = historyOf(await drive(def, {}));
      const started = history.findIndex((e) => e.type === 'TaskStarted');
      const forged = { ...(history[started] as HistoryEvent), previousEventId: 1 };
      const error = await mismatch([...history.slice(0, started), forged]);
      expect(error.event).toBe(forged);
      expect(error.message).toContain('no pending task or timer');
    });

    it('fails clearly when the recorded input does not give the recorded state input', async () => {
      const history = historyOf(await drive(def, { x: 1 }));
      const started = history[0] as HistoryEvent;
      history[0] = { ...started, executionStartedEventDetails: { input: '{"x":2}', inputDetails: { truncated: false }, roleArn: INFO.roleArn } };
      const error = await mismatch(history);
      expect(error.event?.type).toBe('PassStateEntered');
      const notJson = [{ ...started, executionStartedEventDetails: { input: '{"x":', inputDetails: { truncated: false }, roleArn: INFO.roleArn } }];
      const parse = await mismatch(notJson);
      expect(parse.message).toMatch(/^history event 1 \(ExecutionStarted\): the execution input is not JSON/);
    });

    it('rejects a history cut inside a step and a different definition', async () => {
      const history = historyOf(await drive(def, {}));
      const error = await mismatch(history.slice(0, 2));
      expect(error.event).toBeUndefined();
      expect(error.message).toContain('the history ends inside a step');
      const other = compileMachine(machine({ A: { Type: 'Pass', Result: { a: 1 }, Next: 'T' }, T: { Type: 'Wait', Seconds: 1, End: true } }));
      await expect(rebuildFromHistory(other, INFO, history, seededRandom(SEED))).rejects.toThrow(/history event 4 \(TaskStateEntered\)/);
    });

    it('needs the same random sequence as the original run', async () => {
      const history = historyOf(await drive(passChoiceLoop, { n: 1 }));
      await expect(rebuildFromHistory(compileMachine(passChoiceLoop), INFO, history, seededRandom(SEED + 1))).rejects.toThrow(RebuildMismatch);
    });
  });
});
