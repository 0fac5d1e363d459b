// The interpreter's entry points, and an in-memory runner with virtual time.
import type { StateMachineDefinition } from '../definition/types.js';
import type { RandomSource } from '../intrinsics/functions.js';
import type { JsonValue } from '../paths/json.js';
import { newSnapshot } from './execution.js';
import { Interpreter } from './interpreter.js';
import { asMachine, prepareMachine } from './machine.js';
import type {
  Command,
  CompiledMachine,
  ExecutionInfo,
  ExecutionInput,
  ExecutionSnapshot,
  ExecutionStatus,
  HistoryEvent,
  StepEnvironment,
  StepResult,
} from './types.js';

/** Prepares a definition (object or JSON text already validated by validateDefinition) for running. */
export function compileMachine(definition: StateMachineDefinition | string): CompiledMachine {
  const parsed = typeof definition === 'string' ? (JSON.parse(definition) as StateMachineDefinition) : definition;
  return prepareMachine(parsed);
}

/** Starts an execution: ExecutionStarted and everything up to the first wait. */
export function startExecution(
  machine: CompiledMachine,
  info: ExecutionInfo,
  input: JsonValue,
  env: StepEnvironment,
  inputText?: string,
): Promise<StepResult> {
  const start: ExecutionInput = inputText !== undefined ? { kind: 'start', input, inputText } : { kind: 'start', input };
  return new Interpreter(asMachine(machine), info, newSnapshot(), env).apply(start);
}

/** Applies one input to a running execution. Takes ownership of `snapshot` (it may be changed in place). */
export function step(
  machine: CompiledMachine,
  info: ExecutionInfo,
  snapshot: ExecutionSnapshot,
  input: ExecutionInput,
  env: StepEnvironment,
): Promise<StepResult> {
  return new Interpreter(asMachine(machine), info, snapshot, env).apply(input);
}

export type RunTaskCommand = Extract<Command, { kind: 'runTask' }>;
export type TaskOutcome =
  | { readonly ok: true; readonly output: JsonValue }
  | { readonly ok: false; readonly error: string; readonly cause?: string };

export interface RunOptions {
  /** Context-object facts; defaults are made-up ARNs in account 123456789012, us-east-1. */
  readonly info?: Partial<ExecutionInfo>;
  /** Virtual start time (ms); timers advance this clock instantly. Default 0. */
  readonly startTime?: number;
  readonly random?: RandomSource;
  /** Default true. */
  readonly history?: boolean;
  /** Runs Task states; without it every task fails with States.TaskFailed. */
  readonly tasks?: (command: RunTaskCommand) => Promise<TaskOutcome>;
  /** The client's text of the input, kept verbatim in the history (AWS does). */
  readonly inputText?: string;
  /** Guard against runaway executions. Default 1,000,000 steps. */
  readonly maxSteps?: number;
}

export interface RunResult {
  readonly status: ExecutionStatus;
  /** JSON text, when SUCCEEDED. */
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly events: HistoryEvent[];
  /** Virtual time at the end. */
  readonly endTime: number;
}

/** Randomness for runs that bring none: a fixed-seed generator, so runs repeat exactly. */
export function seededRandom(seed = 1): RandomSource {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: small, fast and good enough for test data.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  const hex = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  return {
    random: next,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)] ?? '8'}${hex(3)}-${hex(12)}`,
  };
}

const DEFAULT_INFO: ExecutionInfo = {
  executionArn: 'arn:aws:states:us-east-1:123456789012:execution:machine:execution',
  name: 'execution',
  roleArn: 'arn:aws:iam::123456789012:role/tributary',
  startTime: 0,
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:machine',
  stateMachineName: 'machine',
  type: 'STANDARD',
};

/**
 * Runs an execution to its end in memory with virtual time (tests, Express-style runs, benchmarks).
 * Tasks answer before any timer fires, so task timeouts and heartbeats never trigger here; drive
 * `step` directly to test those.
 */
export async function runExecution(
  machineOrDefinition: CompiledMachine | StateMachineDefinition,
  input: JsonValue,
  options: RunOptions = {},
): Promise<RunResult> {
  const machine = 'States' in machineOrDefinition ? compileMachine(machineOrDefinition) : machineOrDefinition;
  let now = options.startTime ?? 0;
  const info: ExecutionInfo = { ...DEFAULT_INFO, startTime: now, ...options.info };
  const random = options.random ?? seededRandom();
  const history = options.history !== false;
  const events: HistoryEvent[] = [];
  const timers = new Map<string, number>();
  const tasks: Array<Promise<{ id: string; outcome: TaskOutcome }>> = [];
  // AWS always records the start of a task before its result.
  const starts: string[] = [];
  const maxSteps = options.maxSteps ?? 1_000_000;
  const run = options.tasks ?? (() => Promise.resolve<TaskOutcome>({ ok: false, error: 'States.TaskFailed', cause: 'No task runner' }));

  const absorb = (result: StepResult): ExecutionSnapshot => {
    if (history) for (const event of result.events) events.push(event);
    for (const command of result.commands) {
      if (command.kind === 'startTimer') timers.set(command.timerId, command.fireAt);
      else if (command.kind === 'cancelTimer') timers.delete(command.timerId);
      else if (command.kind === 'runTask') {
        const id = command.taskId;
        starts.push(id);
        tasks.push(run(command).then((outcome) => ({ id, outcome })));
      }
    }
    return result.snapshot;
  };

  let snapshot = absorb(await startExecution(machine, info, input, { now, random, history }, options.inputText));
  for (let steps = 0; snapshot.status === 'RUNNING'; steps++) {
    if (steps >= maxSteps) throw new Error(`execution did not end within ${maxSteps} steps`);
    let next: ExecutionInput;
    const started = starts.shift();
    const task = started === undefined ? tasks.shift() : undefined;
    if (started !== undefined) {
      next = { kind: 'taskStarted', taskId: started };
    } else if (task !== undefined) {
      const { id, outcome } = await task;
      next = outcome.ok
        ? { kind: 'taskSucceeded', taskId: id, output: outcome.output }
        : { kind: 'taskFailed', taskId: id, error: outcome.error, ...(outcome.cause !== undefined ? { cause: outcome.cause } : {}) };
    } else {
      let earliest: [string, number] | undefined;
      for (const entry of timers) if (earliest === undefined || entry[1] < earliest[1]) earliest = entry;
      if (earliest === undefined) throw new Error('execution is stuck: nothing to wait for');
      timers.delete(earliest[0]);
      now = Math.max(now, earliest[1]);
      next = { kind: 'timerFired', timerId: earliest[0] };
    }
    snapshot = absorb(await step(machine, info, snapshot, next, { now, random, history }));
  }
  return {
    status: snapshot.status,
    ...(snapshot.output !== undefined ? { output: snapshot.output } : {}),
    ...(snapshot.error !== undefined ? { error: snapshot.error } : {}),
    ...(snapshot.cause !== undefined ? { cause: snapshot.cause } : {}),
    events,
    endTime: now,
  };
}
