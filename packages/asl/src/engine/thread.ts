// What the interpreter keeps per execution inside the snapshot: plain JSON, so a driver can store it
// as text and a later step can carry on from it.

import type { JsonObject, JsonValue } from '../paths/json.js';

export type Phase =
  /** About to enter `state` (writes *StateEntered). */
  | 'enter'
  /** Runs `state` again after a retry, without a new *StateEntered. */
  | 'rerun'
  /** A Map iteration that has not written MapIterationStarted yet. */
  | 'iteration'
  /** Waiting for the Wait state's timer. */
  | 'waiting'
  /** The Wait state's timer fired: write the exit. */
  | 'waited'
  /** Waiting for a retry back-off timer. */
  | 'backoff'
  /** Waiting for a task. */
  | 'task'
  /** A Parallel or Map state waiting for its branches or iterations. */
  | 'children';

export interface Container {
  readonly kind: 'parallel' | 'map';
  readonly total: number;
  readonly results: JsonValue[];
  /** Map: the items (after ItemsPath/Items and batching); ItemSelector is applied as each starts. */
  readonly items: JsonValue[];
  /** Map over an object: the key of each item. */
  readonly keys: string[] | null;
  readonly maxConcurrency: number;
  readonly toleratedCount: number;
  readonly toleratedPercentage: number;
  /** The effective state input (what ItemSelector and Parameters see as `$`). */
  readonly effective: JsonValue;
  readonly distributed: boolean;
  started: number;
  running: number;
  succeeded: number;
  failed: number;
  /** Where new iterations link to. */
  cursor: number;
  children: number[];
}

export interface Thread {
  readonly id: number;
  readonly parent: number;
  /** Branch or iteration index in the parent's container. */
  readonly index: number;
  readonly scope: number;
  /** Hidden threads (Distributed Map children) write no history in this execution. */
  readonly hidden: boolean;
  state: string;
  phase: Phase;
  input: JsonValue;
  entered: number;
  /** What the *StateEntered event linked to (a JSONata failure at entry links there too). */
  enteredPrev: number;
  enteredAt: number;
  last: number;
  /** Attempts used per retrier of the current state; reset when the state is entered. */
  attempts: number[];
  retryCount: number;
  /** Variables declared in this thread's scope (null: none yet). */
  vars: JsonObject | null;
  /** The timer or task the thread waits for. */
  effect: string | null;
  /** Map/Parallel bookkeeping while in phase 'children'. */
  box: Container | null;
  /** Task state: the effective input and parameters while the task runs. */
  effective: JsonValue;
  /** Task timeout and heartbeat timers while a task runs. */
  guards: { timeout: string | null; heartbeat: string | null; heartbeatSeconds: number };
}

export interface Internal {
  threads: Record<string, Thread>;
  nextThread: number;
  nextEffect: number;
  /** The execution input as JSON text ($$.Execution.Input). */
  input: string;
  /** effect id → thread id. */
  effects: Record<string, number>;
  timeoutTimer: string | null;
  /** Bytes of JSON text held in variables across all live scopes (the 10 MiB quota). */
  variableBytes?: number;
}

