// The interface between the interpreter's core (interpreter.ts) and the modules that give each
// state type its meaning (states/*.ts, containers.ts, recovery.ts). The core owns the run loop, the
// ready list, the snapshot and the ending of the execution; a state module sees only what running
// one state needs: evaluation, events, effects, the way out of a state and a way to hand a thread
// back to the loop. The modules are free functions over this interface and never import the core,
// so the core can dispatch to them without an import cycle.

import type { QueryLanguage, State } from '../definition/types.js';
import type { RandomSource } from '../intrinsics/functions.js';
import type { JsonObject, JsonValue } from '../paths/json.js';
import type { EvaluationScope } from '../paths/templates.js';
import type { StateFailure } from './failure.js';
import type { EventCursor, HistoryWriter } from './history.js';
import type { JsonataBindings } from './jsonata-bridge.js';
import type { Machine, Scope } from './machine.js';
import type { Thread } from './thread.js';
import type { ThreadTable } from './thread-table.js';
import type { Command, ExecutionInfo, HistoryEventType } from './types.js';

/** What running (part of) a state leaves its thread able to do. */
export type Outcome = 'next' | 'blocked' | 'ended';

export interface StepContext {
  readonly machine: Machine;
  readonly info: ExecutionInfo;
  /** The time of this step, ms since the epoch. */
  readonly now: number;
  readonly random: RandomSource;
  readonly history: HistoryWriter;
  /** What the driver must carry out after this step, in order. */
  readonly commands: Command[];
  readonly threads: ThreadTable;

  languageOf(state: State): QueryLanguage;
  scopeAt(id: number): Scope;
  stateOf(thread: Thread): State;
  /** A JSONPath scope for `input` (`$$` and variables built on first read). */
  pathScope(thread: Thread, input: JsonValue, extraContext?: JsonObject): EvaluationScope;
  /** JSONata bindings: `$states` (with `context`), variables, time and randomness. */
  bindings(thread: Thread, states: JsonObject, extraContext?: JsonObject): JsonataBindings;

  /** Writes an event on a thread's cursor (nothing for hidden threads). */
  emit(
    thread: Thread,
    type: HistoryEventType,
    detailsKey?: string,
    details?: JsonObject,
    advance?: boolean,
  ): number;
  /** Writes an event on `owner`'s history linked from `cursor`'s position. */
  emitFor(
    owner: Thread,
    cursor: EventCursor,
    type: HistoryEventType,
    detailsKey: string,
    details: JsonObject,
    advance?: boolean,
  ): number;

  /** Writes *StateExited, applies variables and moves to the next state (or ends the thread). */
  exit(
    thread: Thread,
    state: State,
    output: JsonValue,
    assigned: Record<string, JsonValue> | null,
    next: string | undefined,
  ): Outcome;
  /** A thread failed and nothing inside it caught the error. */
  threadFailed(thread: Thread, failure: StateFailure, causeEvent: number): void;

  /** Puts a thread on the ready list; the last one put there runs first. */
  schedule(thread: Thread): void;
  /** Outside the run loop, a thread that can move on goes back on the ready list. */
  later(thread: Thread, outcome: Outcome): void;
  /** Runs `job` once the current thread has stopped (failures found while a child settles). */
  defer(job: () => Promise<unknown>): void;
}
