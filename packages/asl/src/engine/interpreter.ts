// The step interpreter's core. An execution is a set of threads of control: the top level, each
// Parallel branch and each Map iteration. One call applies one input (start, timer, task result,
// stop) and then runs every thread that can move until all of them wait for something from outside
// (a timer or a task) or the execution ends. Everything the interpreter keeps between calls lives
// in the snapshot as plain JSON, so a driver can store it and carry on after a restart.
//
// This is the core: it applies the inputs, runs the loop over ready threads, enters and leaves
// states and writes events on the threads' cursors. What each state type does is in states/*.ts,
// what Map and Parallel share in containers.ts, Retry and Catch in recovery.ts, the execution's
// start and ends in execution.ts. They reach the core only through StepContext (context.ts), so
// none of them imports this file.

import { executionRandom } from './random.js';
import type { QueryLanguage, State, WaitState } from '../definition/types.js';
import type { RandomSource } from '../intrinsics/functions.js';
import { toJsonText, type JsonObject, type JsonValue } from '../paths/json.js';
import type { EvaluationScope } from '../paths/templates.js';
import { childFailed, childSucceeded } from './containers.js';
import type { Outcome, StepContext } from './context.js';
import { EvaluationScopes } from './evaluation-scope.js';
import { StateFailure } from './failure.js';
import { EXECUTION_TIMEOUT, Execution } from './execution.js';
import { HistoryLimitReached, HistoryWriter, payloadDetails, type EventCursor } from './history.js';
import type { JsonataBindings } from './jsonata-bridge.js';
import { languageOf, scopeAt, stateAt, type Machine, type Scope } from './machine.js';
import { MAX_PAYLOAD_BYTES, byteLength } from './payload.js';
import { handleFailure, toFailure } from './recovery.js';
import { runState } from './states/dispatch.js';
import { beginIteration } from './states/map.js';
import {
  guardTimerFired,
  taskFailed,
  taskHeartbeat,
  taskStarted,
  taskSucceeded,
} from './states/task.js';
import { finishWait } from './states/wait.js';
import type { Internal, Thread } from './thread.js';
import { ThreadTable } from './thread-table.js';
import type {
  Command,
  ExecutionInfo,
  ExecutionInput,
  ExecutionSnapshot,
  HistoryEventType,
  StepEnvironment,
  StepResult,
} from './types.js';
import { commitAssign } from './variables.js';

export { MAX_PAYLOAD_BYTES } from './payload.js';

const YIELD_TIMER = 'yield-';
/** States one step may enter before it hands control back to the driver. */
const YIELD_AFTER_TRANSITIONS = 10_000;

export class Interpreter implements StepContext {
  readonly history: HistoryWriter;
  readonly commands: Command[] = [];
  readonly threads: ThreadTable;
  private readonly internal: Internal;
  private readonly scopes: EvaluationScopes;
  private readonly execution: Execution;
  /** Threads with work to do; the last one runs next (children before their siblings). */
  private readonly ready: number[] = [];
  /** Failures found while a child settles are handled once the current thread has stopped. */
  private readonly deferred: Array<() => Promise<unknown>> = [];
  /** States entered during this step. */
  private transitions = 0;
  private readonly randomSource: RandomSource;

  constructor(
    readonly machine: Machine,
    readonly info: ExecutionInfo,
    private readonly snapshot: ExecutionSnapshot,
    private readonly env: StepEnvironment,
  ) {
    this.internal = snapshot.internal as unknown as Internal;
    this.history = new HistoryWriter(snapshot.nextEventId, env.now, env.history !== false);
    this.threads = new ThreadTable(this.internal, this.commands, env.now);
    // With a seed, randomness is a function of the execution and its history position, so a
    // replay draws the same values; otherwise it is the driver's.
    this.randomSource = info.seed !== undefined ? executionRandom(info.seed, () => this.history.nextId) : env.random;
    this.scopes = new EvaluationScopes(machine, info, this.threads, this.randomSource, env.now);
    this.execution = new Execution(
      machine,
      info,
      snapshot,
      this.history,
      this.threads,
      this.commands,
      () => {
        this.ready.length = 0;
        this.deferred.length = 0;
      },
    );
  }

  get now(): number {
    return this.env.now;
  }

  get random(): RandomSource {
    return this.randomSource;
  }

  async apply(input: ExecutionInput): Promise<StepResult> {
    try {
      await this.applyInput(input);
    } catch (error) {
      if (!(error instanceof HistoryLimitReached)) throw error;
      this.execution.historyLimitReached();
    }
    this.snapshot.nextEventId = this.history.nextId;
    return { snapshot: this.snapshot, events: this.history.events, commands: this.commands };
  }

  private async applyInput(input: ExecutionInput): Promise<void> {
    if (this.snapshot.status !== 'RUNNING') return;
    switch (input.kind) {
      case 'start':
        this.ready.push(this.execution.start(input.input, input.inputText).id);
        break;
      case 'timerFired':
        this.timerFired(input.timerId);
        break;
      case 'taskStarted':
        taskStarted(this, input.taskId);
        break;
      case 'taskHeartbeat':
        taskHeartbeat(this, input.taskId);
        break;
      case 'taskSucceeded':
        await taskSucceeded(this, input.taskId, input.output);
        break;
      case 'taskFailed':
        await taskFailed(this, input.taskId, input.error, input.cause);
        break;
      case 'stop':
        this.execution.aborted(input.error, input.cause);
        break;
      case 'timeOut':
        this.execution.timedOut('States.Timeout', undefined);
        break;
    }
    await this.run();
  }

  private timerFired(timerId: string): void {
    if (timerId.startsWith(YIELD_TIMER)) {
      this.resumeRunnable();
      return;
    }
    if (timerId === EXECUTION_TIMEOUT) {
      this.execution.timeoutFired();
      return;
    }
    if (guardTimerFired(this, timerId)) return;
    const thread = this.threads.threadForEffect(timerId);
    if (thread === undefined) return;
    thread.effect = null;
    if (thread.phase === 'waiting') {
      thread.phase = 'waited';
      this.ready.push(thread.id);
    } else if (thread.phase === 'backoff') {
      thread.phase = 'rerun';
      this.ready.push(thread.id);
    }
  }

  // ---- the run loop -----------------------------------------------------------------------------

  private async run(): Promise<void> {
    while (this.snapshot.status === 'RUNNING') {
      const job = this.deferred.shift();
      if (job !== undefined) {
        await job();
        continue;
      }
      if (this.ready.length === 0) break;
      if (this.transitions >= YIELD_AFTER_TRANSITIONS) {
        // A loop without waits (possible when no history quota stops it) must not hold the
        // driver forever: hand back a timer due now and carry on when it fires.
        this.commands.push({
          kind: 'startTimer',
          timerId: `${YIELD_TIMER}${this.internal.nextEffect++}`,
          fireAt: this.env.now,
        });
        return;
      }
      const id = this.ready.pop() as number;
      const thread = this.threads.get(id);
      if (thread === undefined) continue;
      await this.drive(thread);
    }
  }

  /** Runs one thread through as many states as it can. */
  private async drive(thread: Thread): Promise<void> {
    while (this.snapshot.status === 'RUNNING' && this.threads.get(thread.id) === thread) {
      if (this.transitions >= YIELD_AFTER_TRANSITIONS) {
        this.ready.push(thread.id);
        return;
      }
      if (thread.phase === 'iteration' && !(await beginIteration(this, thread))) return;
      if (thread.phase !== 'enter' && thread.phase !== 'rerun' && thread.phase !== 'waited') return;
      const state = this.stateOf(thread);
      let outcome: Outcome;
      try {
        if (thread.phase === 'waited') {
          outcome = finishWait(this, thread, state as WaitState);
        } else {
          if (thread.phase === 'enter') this.enter(thread, state);
          outcome = await runState(this, thread, state);
        }
      } catch (error) {
        outcome = await handleFailure(this, thread, state, toFailure(error, thread));
      }
      if (outcome !== 'next') return;
    }
  }

  /** After a yield: every thread that was ready to move goes back on the list, lowest id last. */
  private resumeRunnable(): void {
    const runnable = Object.values(this.internal.threads)
      .filter(
        (t) =>
          t.phase === 'enter' ||
          t.phase === 'rerun' ||
          t.phase === 'waited' ||
          t.phase === 'iteration',
      )
      .sort((a, b) => b.id - a.id);
    for (const thread of runnable) this.ready.push(thread.id);
  }

  private enter(thread: Thread, state: State): void {
    this.transitions++;
    thread.attempts = [];
    thread.retryCount = 0;
    thread.enteredAt = this.env.now;
    // The input text only goes into the event: without history, it is not rendered.
    thread.entered = this.emit(
      thread,
      `${state.Type}StateEntered` as HistoryEventType,
      'stateEnteredEventDetails',
      this.history.enabled
        ? { name: thread.state, ...payloadDetails('input', toJsonText(thread.input)) }
        : undefined,
    );
    thread.phase = 'rerun';
  }

  /** Writes *StateExited, applies variables and moves to the next state (or ends the thread). */
  exit(
    thread: Thread,
    state: State,
    output: JsonValue,
    assigned: Record<string, JsonValue> | null,
    next: string | undefined,
  ): Outcome {
    const text = toJsonText(output);
    if (byteLength(text) > MAX_PAYLOAD_BYTES) {
      throw new StateFailure(
        'States.DataLimitExceeded',
        `The state/task '${thread.state}' returned a result with a size exceeding the maximum number of bytes service limit.`,
      );
    }
    const assignedDetails = commitAssign(this.machine, this.threads, thread, assigned);
    let details: JsonObject | undefined;
    if (this.history.enabled) {
      details = { name: thread.state, ...payloadDetails('output', text) };
      if (assignedDetails !== undefined) Object.assign(details, assignedDetails);
    }
    this.emit(
      thread,
      `${state.Type}StateExited` as HistoryEventType,
      'stateExitedEventDetails',
      details,
    );
    if (next === undefined) {
      this.threadSucceeded(thread, output, text);
      return 'ended';
    }
    thread.state = next;
    thread.input = output;
    thread.phase = 'enter';
    return 'next';
  }

  // ---- what states reach through StepContext ------------------------------------------------------

  languageOf(state: State): QueryLanguage {
    return languageOf(this.machine, state);
  }

  scopeAt(id: number): Scope {
    return scopeAt(this.machine, id);
  }

  stateOf(thread: Thread): State {
    return stateAt(this.machine, thread);
  }

  pathScope(thread: Thread, input: JsonValue, extraContext?: JsonObject): EvaluationScope {
    return this.scopes.pathScope(thread, input, extraContext);
  }

  bindings(thread: Thread, states: JsonObject, extraContext?: JsonObject): JsonataBindings {
    return this.scopes.bindings(thread, states, extraContext);
  }

  emit(
    thread: Thread,
    type: HistoryEventType,
    detailsKey?: string,
    details?: JsonObject,
    advance = true,
  ): number {
    if (thread.hidden) return 0;
    return this.history.write(thread, type, detailsKey, details, advance);
  }

  emitFor(
    owner: Thread,
    cursor: EventCursor,
    type: HistoryEventType,
    detailsKey: string,
    details: JsonObject,
    advance = true,
  ): number {
    if (owner.hidden || (owner.box?.distributed ?? false)) return 0;
    return detailsKey === ''
      ? this.history.write(cursor, type, undefined, undefined, advance)
      : this.history.write(cursor, type, detailsKey, details, advance);
  }

  schedule(thread: Thread): void {
    this.ready.push(thread.id);
  }

  later(thread: Thread, outcome: Outcome): void {
    if (outcome === 'next') this.ready.push(thread.id);
  }

  defer(job: () => Promise<unknown>): void {
    this.deferred.push(job);
  }

  // ---- ending threads ---------------------------------------------------------------------------

  /** Called when a thread's last state succeeded. */
  private threadSucceeded(thread: Thread, output: JsonValue, text: string): void {
    if (thread.parent >= 0) childSucceeded(this, thread, output);
    else this.execution.succeeded(thread, text);
  }

  threadFailed(thread: Thread, failure: StateFailure, causeEvent: number): void {
    if (thread.parent >= 0) childFailed(this, thread, failure, causeEvent);
    else this.execution.failed(thread, failure);
  }
}
