// The contract between the pure interpreter and whatever drives it (the server's durable engine,
// the in-memory runner for Express workflows and tests). The interpreter never performs I/O: it
// takes an execution snapshot and one input (start, a timer firing, a task's result, a stop) and
// returns the next snapshot, the history events that input produced and the commands the driver
// must carry out (start a timer, run a task). The driver persists events and snapshot together,
// then performs the commands; feeding the same inputs again yields the same events.

import type { StateMachineDefinition, StateMachineType } from '../definition/types.js';
import type { RandomSource } from '../intrinsics/functions.js';
import type { JsonObject, JsonValue } from '../paths/json.js';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** What the context object's Execution and StateMachine members describe. */
export interface ExecutionInfo {
  readonly executionArn: string;
  readonly name: string;
  readonly roleArn: string;
  /** Milliseconds since the epoch. */
  readonly startTime: number;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly type: StateMachineType;
  readonly redriveCount?: number;
  /**
   * A secret per execution: when set, the interpreter draws its randomness from it and the
   * history position (see engine/random.ts) instead of `StepEnvironment.random`, so the execution
   * can be rebuilt from its history alone.
   */
  readonly seed?: string;
}

/** Everything from outside the interpreter that one step may read. */
export interface StepEnvironment {
  /** The time of this step, milliseconds since the epoch (event timestamps, $$.State.EnteredTime). */
  readonly now: number;
  /** States.UUID, States.MathRandom, $uuid(), $random(), task tokens, retry jitter. */
  readonly random: RandomSource;
  /** Off: no history events are produced (in-process runs that only want the result). */
  readonly history?: boolean;
}

/** One event as GetExecutionHistory returns it; payloads (input, output, ...) are JSON text. */
export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly type: HistoryEventType;
  /** The one `<camelCaseType>EventDetails` member AWS gives the event type, when it has one. */
  readonly [detailsKey: string]: unknown;
}

export type HistoryEventType =
  | 'ActivityFailed'
  | 'ActivityScheduled'
  | 'ActivityScheduleFailed'
  | 'ActivityStarted'
  | 'ActivitySucceeded'
  | 'ActivityTimedOut'
  | 'ChoiceStateEntered'
  | 'ChoiceStateExited'
  | 'EvaluationFailed'
  | 'ExecutionAborted'
  | 'ExecutionFailed'
  | 'ExecutionRedriven'
  | 'ExecutionStarted'
  | 'ExecutionSucceeded'
  | 'ExecutionTimedOut'
  | 'FailStateEntered'
  | 'LambdaFunctionFailed'
  | 'LambdaFunctionScheduled'
  | 'LambdaFunctionScheduleFailed'
  | 'LambdaFunctionStarted'
  | 'LambdaFunctionStartFailed'
  | 'LambdaFunctionSucceeded'
  | 'LambdaFunctionTimedOut'
  | 'MapIterationAborted'
  | 'MapIterationFailed'
  | 'MapIterationStarted'
  | 'MapIterationSucceeded'
  | 'MapRunAborted'
  | 'MapRunFailed'
  | 'MapRunRedriven'
  | 'MapRunStarted'
  | 'MapRunSucceeded'
  | 'MapStateAborted'
  | 'MapStateEntered'
  | 'MapStateExited'
  | 'MapStateFailed'
  | 'MapStateStarted'
  | 'MapStateSucceeded'
  | 'ParallelStateAborted'
  | 'ParallelStateEntered'
  | 'ParallelStateExited'
  | 'ParallelStateFailed'
  | 'ParallelStateStarted'
  | 'ParallelStateSucceeded'
  | 'PassStateEntered'
  | 'PassStateExited'
  | 'SucceedStateEntered'
  | 'SucceedStateExited'
  | 'TaskFailed'
  | 'TaskScheduled'
  | 'TaskStarted'
  | 'TaskStartFailed'
  | 'TaskStateAborted'
  | 'TaskStateEntered'
  | 'TaskStateExited'
  | 'TaskSubmitFailed'
  | 'TaskSubmitted'
  | 'TaskSucceeded'
  | 'TaskTimedOut'
  | 'WaitStateAborted'
  | 'WaitStateEntered'
  | 'WaitStateExited';

/** Work the driver carries out after persisting a step. Ids are unique within the execution. */
export type Command =
  | {
      /** Deliver `{ kind: 'timerFired', timerId }` at `fireAt` (Wait states, retry back-off, timeouts). */
      readonly kind: 'startTimer';
      readonly timerId: string;
      readonly fireAt: number;
    }
  | { readonly kind: 'cancelTimer'; readonly timerId: string }
  | {
      /** Run a Task state's resource; answer with taskStarted (optional), taskSucceeded or taskFailed. */
      readonly kind: 'runTask';
      readonly taskId: string;
      readonly stateName: string;
      readonly resource: string;
      /** The effective parameters (after Parameters/Arguments). */
      readonly input: JsonValue;
      readonly timeoutSeconds?: number;
      readonly heartbeatSeconds?: number;
      /** For .waitForTaskToken and activities. */
      readonly taskToken?: string;
    }
  | { readonly kind: 'cancelTask'; readonly taskId: string };

/** What moves an execution on. */
export type ExecutionInput =
  /** `inputText`: the client's own text of the input, kept verbatim in the history as AWS does. */
  | { readonly kind: 'start'; readonly input: JsonValue; readonly inputText?: string }
  | { readonly kind: 'timerFired'; readonly timerId: string }
  | { readonly kind: 'taskStarted'; readonly taskId: string }
  /** SendTaskHeartbeat: restarts the task's heartbeat clock. */
  | { readonly kind: 'taskHeartbeat'; readonly taskId: string }
  | { readonly kind: 'taskSucceeded'; readonly taskId: string; readonly output: JsonValue }
  | { readonly kind: 'taskFailed'; readonly taskId: string; readonly error: string; readonly cause?: string }
  /** StopExecution. */
  | { readonly kind: 'stop'; readonly error?: string; readonly cause?: string }
  /** The driver's own limit ran out (Express's five minutes). */
  | { readonly kind: 'timeOut' };

/**
 * The whole state of one execution, as plain JSON (the driver stores it as text). Drivers treat it
 * as opaque apart from the members documented here.
 */
export interface ExecutionSnapshot {
  readonly version: 1;
  status: ExecutionStatus;
  /** Id the next history event gets. */
  nextEventId: number;
  /** Final output (JSON text) once SUCCEEDED. */
  output?: string;
  error?: string;
  cause?: string;
  /** Interpreter-private state: threads, pending timers and tasks, variable scopes. */
  readonly internal: JsonObject;
}

export interface StepResult {
  readonly snapshot: ExecutionSnapshot;
  readonly events: HistoryEvent[];
  readonly commands: Command[];
}

/** A definition prepared for running (parsed once, shared by every execution of a machine). */
export interface CompiledMachine {
  readonly definition: StateMachineDefinition;
}
