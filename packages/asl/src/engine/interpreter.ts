// The step interpreter. An execution is a set of threads of control: the top level, each Parallel
// branch and each Map iteration. One call applies one input (start, timer, task result, stop) and
// then runs every thread that can move until all of them wait for something from outside (a timer
// or a task) or the execution ends. Everything the interpreter keeps between calls lives in the
// snapshot as plain JSON, so a driver can store it and carry on after a restart.

import type {
  Catcher,
  ChoiceState,
  FailState,
  JsonataChoiceRule,
  JsonPathChoiceRule,
  MapState,
  ParallelState,
  PassState,
  QueryLanguage,
  Retrier,
  State,
  SucceedState,
  TaskState,
  WaitState,
} from '../definition/types.js';
import type { RandomSource } from '../intrinsics/functions.js';
import { applyInputPath, applyOutputPath, applyResultPath } from '../paths/dataflow.js';
import { StatesError, formatStateErrorCause } from '../paths/errors.js';
import { isJsonObject, toJsonText, type JsonObject, type JsonValue } from '../paths/json.js';
import { applyTemplate, evaluateDynamicValue, type EvaluationScope } from '../paths/templates.js';
import { getAtReferencePath } from '../paths/reference.js';
import { evaluatePath } from '../paths/jsonpath.js';
import { selectChoice } from './choice.js';
import { batchItems } from './batching.js';
import { StateFailure, errorOutputOf, failureMatches, noChoiceMatched, retryDelay } from './failure.js';
import {
  JsonataEvaluationError,
  jsonataExpressionText,
  mapInputNotArrayError,
  timestampParseError,
  unexpectedTypeError,
} from '../jsonata/index.js';
import { HISTORY_LIMIT_CAUSE, HistoryLimitReached, HistoryWriter, MAX_HISTORY_EVENTS, payloadDetails } from './history.js';
import { MAX_PAYLOAD_BYTES, byteLength, isoTime } from './payload.js';

/** Quotas on workflow variables (AWS docs): 256 KiB per variable and per Assign, 10 MiB in all. */
const MAX_VARIABLE_BYTES = 262_144;
const MAX_EXECUTION_VARIABLE_BYTES = 10 * 1024 * 1024;
import { lowerFirst, regionOf, resourceNames, taskEventFamily } from './task-events.js';
import type { Container, Internal, Thread } from './thread.js';
import {
  evaluateJsonataExpression,
  evaluateJsonataTemplate,
  isJsonataExpression,
  type JsonataBindings,
} from './jsonata-bridge.js';
import type { Machine, Scope } from './machine.js';
import { WAIT_DELAY_TOO_LONG, checkWaitSeconds, isWaitTooLong, parseTimestamp, waitUntil } from './timestamp.js';
import type {
  Command,
  ExecutionInfo,
  ExecutionInput,
  ExecutionSnapshot,
  HistoryEventType,
  StepEnvironment,
  StepResult,
} from './types.js';

export { MAX_PAYLOAD_BYTES } from './payload.js';

type Outcome = 'next' | 'blocked' | 'ended';

const EXECUTION_TIMEOUT = 'execution-timeout';
const YIELD_TIMER = 'yield-';
/** States one step may enter before it hands control back to the driver. */
const YIELD_AFTER_TRANSITIONS = 10_000;

export class Interpreter {
  private readonly internal: Internal;
  private readonly history: HistoryWriter;
  private readonly commands: Command[] = [];
  /** Threads with work to do; the last one runs next (children before their siblings). */
  private readonly ready: number[] = [];
  /** States entered during this step. */
  private transitions = 0;

  constructor(
    private readonly machine: Machine,
    private readonly info: ExecutionInfo,
    private readonly snapshot: ExecutionSnapshot,
    private readonly env: StepEnvironment,
  ) {
    this.internal = snapshot.internal as unknown as Internal;
    this.history = new HistoryWriter(snapshot.nextEventId, env.now, env.history !== false);
  }

  static newSnapshot(): ExecutionSnapshot {
    const internal: Internal = { threads: {}, nextThread: 0, nextEffect: 1, input: '{}', effects: {}, timeoutTimer: null };
    return { version: 1, status: 'RUNNING', nextEventId: 1, internal: internal as unknown as JsonObject };
  }

  private get random(): RandomSource {
    return this.env.random;
  }

  async apply(input: ExecutionInput): Promise<StepResult> {
    try {
      await this.applyInput(input);
    } catch (error) {
      if (!(error instanceof HistoryLimitReached)) throw error;
      this.historyLimitReached();
    }
    this.snapshot.nextEventId = this.history.nextId;
    return { snapshot: this.snapshot, events: this.history.events, commands: this.commands };
  }

  private historyLimitReached(): void {
    this.history.nextId = MAX_HISTORY_EVENTS;
    this.history.write({ last: MAX_HISTORY_EVENTS - 1 }, 'ExecutionFailed', 'executionFailedEventDetails', {
      error: 'States.Runtime',
      cause: HISTORY_LIMIT_CAUSE,
    });
    delete this.snapshot.output;
    this.snapshot.error = 'States.Runtime';
    this.snapshot.cause = HISTORY_LIMIT_CAUSE;
    this.finish('FAILED');
  }

  private async applyInput(input: ExecutionInput): Promise<void> {
    if (this.snapshot.status === 'RUNNING') {
      switch (input.kind) {
        case 'start':
          this.start(input.input, input.inputText);
          break;
        case 'timerFired':
          this.timerFired(input.timerId);
          break;
        case 'taskStarted':
          this.taskStarted(input.taskId);
          break;
        case 'taskHeartbeat':
          this.taskHeartbeat(input.taskId);
          break;
        case 'taskSucceeded':
          await this.taskSucceeded(input.taskId, input.output);
          break;
        case 'taskFailed':
          await this.taskFailed(input.taskId, input.error, input.cause);
          break;
        case 'stop':
          this.abort(input.error, input.cause);
          break;
        case 'timeOut':
          this.timeOut('States.Timeout', undefined);
          break;
      }
      await this.run();
    }
  }

  // ---- inputs ---------------------------------------------------------------------------------

  private start(input: JsonValue, inputText: string | undefined): void {
    // ExecutionStarted keeps the client's own text; states see compact JSON (AWS recordings since
    // mid-2024; earlier ones passed the client's text on to the first states as well).
    const text = inputText ?? toJsonText(input);
    this.internal.input = text;
    const root = this.newThread(-1, 0, 0, false, { last: 0 });
    root.input = input;
    root.state = this.machine.scopes[0]?.startAt ?? '';
    root.vars = {};
    this.history.write(
      { last: 0 },
      'ExecutionStarted',
      'executionStartedEventDetails',
      { ...payloadDetails('input', text), roleArn: this.info.roleArn },
      false,
    );
    const timeout = this.machine.definition.TimeoutSeconds;
    if (typeof timeout === 'number' && timeout > 0) {
      this.internal.timeoutTimer = EXECUTION_TIMEOUT;
      this.commands.push({ kind: 'startTimer', timerId: EXECUTION_TIMEOUT, fireAt: this.info.startTime + timeout * 1000 });
    }
    this.ready.push(root.id);
  }

  private timerFired(timerId: string): void {
    if (timerId.startsWith(YIELD_TIMER)) {
      this.resumeRunnable();
      return;
    }
    if (timerId === EXECUTION_TIMEOUT) {
      if (this.internal.timeoutTimer === EXECUTION_TIMEOUT) {
        // It has fired: nothing left to cancel.
        this.internal.timeoutTimer = null;
        this.timeOut('States.Timeout', undefined);
      }
      return;
    }
    const guarded = this.internal.effects[timerId];
    if (guarded !== undefined && (timerId.startsWith('timeout-') || timerId.startsWith('heartbeat-'))) {
      delete this.internal.effects[timerId];
      const owner = this.internal.threads[guarded];
      if (owner !== undefined && owner.phase === 'task' && (owner.guards.timeout === timerId || owner.guards.heartbeat === timerId)) {
        this.deferred.push(() => this.taskTimedOut(owner, timerId.startsWith('heartbeat-')));
      }
      return;
    }
    const thread = this.threadForEffect(timerId);
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

  /** SendTaskHeartbeat: the heartbeat clock starts again; AWS writes no event for it. */
  private taskHeartbeat(taskId: string): void {
    const thread = this.threadForEffect(taskId, false);
    if (thread === undefined || thread.phase !== 'task' || thread.guards.heartbeat === null) return;
    this.commands.push({ kind: 'cancelTimer', timerId: thread.guards.heartbeat });
    delete this.internal.effects[thread.guards.heartbeat];
    thread.guards.heartbeat = this.guardTimer(thread, 'heartbeat', thread.guards.heartbeatSeconds);
  }

  private guardTimer(thread: Thread, kind: 'timeout' | 'heartbeat', seconds: number): string {
    const id = `${kind}-${this.internal.nextEffect++}`;
    this.internal.effects[id] = thread.id;
    this.commands.push({ kind: 'startTimer', timerId: id, fireAt: this.env.now + seconds * 1000 });
    return id;
  }

  private clearGuards(thread: Thread): void {
    for (const id of [thread.guards.timeout, thread.guards.heartbeat]) {
      if (id === null) continue;
      delete this.internal.effects[id];
      this.commands.push({ kind: 'cancelTimer', timerId: id });
    }
    thread.guards = { timeout: null, heartbeat: null, heartbeatSeconds: 0 };
  }

  private async taskTimedOut(thread: Thread, heartbeat: boolean): Promise<void> {
    if (this.internal.threads[thread.id] !== thread || thread.phase !== 'task' || thread.effect === null) return;
    const taskId = thread.effect;
    delete this.internal.effects[taskId];
    thread.effect = null;
    this.commands.push({ kind: 'cancelTask', taskId });
    this.clearGuards(thread);
    const state = this.stateOf(thread) as TaskState;
    // Recorded: a missed heartbeat reads States.Timeout like any other task timeout, and a catcher
    // sees an empty Cause.
    const error = 'States.Timeout';
    const family = taskEventFamily(state.Resource);
    if (family === 'Task') {
      const names = resourceNames(state.Resource);
      this.emit(thread, 'TaskTimedOut', 'taskTimedOutEventDetails', { resourceType: names.resourceType, resource: names.resource, error });
    } else {
      this.emit(thread, `${family}TimedOut` as HistoryEventType, `${lowerFirst(family)}TimedOutEventDetails`, { error });
    }
    thread.phase = 'rerun';
    const failure = new StateFailure(error, undefined, undefined, false, { Error: error, Cause: '' }, heartbeat);
    this.later(thread, await this.handleFailure(thread, state, failure));
  }

  private taskStarted(taskId: string): void {
    const thread = this.threadForEffect(taskId, false);
    if (thread === undefined || thread.phase !== 'task') return;
    const state = this.stateOf(thread) as TaskState;
    const kind = taskEventFamily(state.Resource);
    if (kind === 'Task') {
      const names = resourceNames(state.Resource);
      this.emit(thread, 'TaskStarted', 'taskStartedEventDetails', { resourceType: names.resourceType, resource: names.resource });
    } else {
      this.emit(thread, `${kind}Started` as HistoryEventType);
    }
  }

  private async taskSucceeded(taskId: string, output: JsonValue): Promise<void> {
    const thread = this.threadForEffect(taskId);
    if (thread === undefined || thread.phase !== 'task') return;
    thread.effect = null;
    this.clearGuards(thread);
    const state = this.stateOf(thread) as TaskState;
    const text = toJsonText(output);
    const kind = taskEventFamily(state.Resource);
    if (byteLength(text) > MAX_PAYLOAD_BYTES) {
      // Recorded: no success event; the task fails, naming the resource type (or function ARN).
      const names = resourceNames(state.Resource);
      const subject = kind === 'Task' ? names.resourceType : state.Resource;
      const cause = `The state/task '${subject}' returned a result with a size exceeding the maximum number of bytes service limit.`;
      await this.taskFailedWith(thread, state, kind, 'States.DataLimitExceeded', cause);
      return;
    }
    if (kind === 'Task') {
      const names = resourceNames(state.Resource);
      this.emit(thread, 'TaskSucceeded', 'taskSucceededEventDetails', {
        resourceType: names.resourceType,
        resource: names.resource,
        ...payloadDetails('output', text),
      });
    } else {
      this.emit(thread, `${kind}Succeeded` as HistoryEventType, `${lowerFirst(kind)}SucceededEventDetails`, payloadDetails('output', text));
    }
    thread.phase = 'rerun';
    try {
      this.later(thread, await this.finishResult(thread, state, output));
    } catch (error) {
      this.later(thread, await this.handleFailure(thread, state, this.toFailure(error, thread)));
    }
  }

  private async taskFailedWith(thread: Thread, state: TaskState, kind: string, error: string, cause: string): Promise<void> {
    if (kind === 'Task') {
      const names = resourceNames(state.Resource);
      this.emit(thread, 'TaskFailed', 'taskFailedEventDetails', { cause, error, resource: names.resource, resourceType: names.resourceType });
    } else {
      this.emit(thread, `${kind}Failed` as HistoryEventType, `${lowerFirst(kind)}FailedEventDetails`, { cause, error });
    }
    thread.phase = 'rerun';
    this.later(thread, await this.handleFailure(thread, state, new StateFailure(error, cause)));
  }

  /** Outside the run loop, a thread that can move on goes back on the ready list. */
  private later(thread: Thread, outcome: Outcome): void {
    if (outcome === 'next') this.ready.push(thread.id);
  }

  private async taskFailed(taskId: string, error: string, cause: string | undefined): Promise<void> {
    const thread = this.threadForEffect(taskId);
    if (thread === undefined || thread.phase !== 'task') return;
    thread.effect = null;
    this.clearGuards(thread);
    const state = this.stateOf(thread) as TaskState;
    const kind = taskEventFamily(state.Resource);
    const details: JsonObject = {};
    if (error !== '') details['error'] = error;
    if (cause !== undefined) details['cause'] = cause;
    if (kind === 'Task') {
      const names = resourceNames(state.Resource);
      this.emit(thread, 'TaskFailed', 'taskFailedEventDetails', { resourceType: names.resourceType, resource: names.resource, ...details });
    } else {
      this.emit(thread, `${kind}Failed` as HistoryEventType, `${lowerFirst(kind)}FailedEventDetails`, details);
    }
    thread.phase = 'rerun';
    // Recorded: a task that failed without error or cause shows both as null to a catcher.
    const errorOutput: JsonObject = { Error: error === '' ? null : error, Cause: cause ?? null };
    this.later(thread, await this.handleFailure(thread, state, new StateFailure(error, cause, undefined, false, errorOutput)));
  }

  private abort(error: string | undefined, cause: string | undefined): void {
    const details: JsonObject = {};
    if (error !== undefined) details['error'] = error;
    if (cause !== undefined) details['cause'] = cause;
    this.endExecution('ABORTED', 'ExecutionAborted', 'executionAbortedEventDetails', details, error, cause);
  }

  private timeOut(error: string, cause: string | undefined): void {
    const details: JsonObject = { error };
    if (cause !== undefined) details['cause'] = cause;
    this.endExecution('TIMED_OUT', 'ExecutionTimedOut', 'executionTimedOutEventDetails', details, error, cause);
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
        this.commands.push({ kind: 'startTimer', timerId: `${YIELD_TIMER}${this.internal.nextEffect++}`, fireAt: this.env.now });
        return;
      }
      const id = this.ready.pop() as number;
      const thread = this.internal.threads[id];
      if (thread === undefined) continue;
      await this.drive(thread);
    }
  }

  /** Runs one thread through as many states as it can. */
  private async drive(thread: Thread): Promise<void> {
    while (this.snapshot.status === 'RUNNING' && this.internal.threads[thread.id] === thread) {
      if (this.transitions >= YIELD_AFTER_TRANSITIONS) {
        this.ready.push(thread.id);
        return;
      }
      if (thread.phase === 'iteration' && !(await this.beginIteration(thread))) return;
      if (thread.phase !== 'enter' && thread.phase !== 'rerun' && thread.phase !== 'waited') return;
      const state = this.stateOf(thread);
      let outcome: Outcome;
      try {
        if (thread.phase === 'waited') {
          outcome = this.finishWait(thread, state as WaitState);
        } else {
          if (thread.phase === 'enter') this.enter(thread, state);
          outcome = await this.execute(thread, state);
        }
      } catch (error) {
        outcome = await this.handleFailure(thread, state, this.toFailure(error, thread));
      }
      if (outcome !== 'next') return;
    }
  }

  /** After a yield: every thread that was ready to move goes back on the list, lowest id last. */
  private resumeRunnable(): void {
    const runnable = Object.values(this.internal.threads)
      .filter((t) => t.phase === 'enter' || t.phase === 'rerun' || t.phase === 'waited' || t.phase === 'iteration')
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
      this.history.enabled ? { name: thread.state, ...payloadDetails('input', toJsonText(thread.input)) } : undefined,
    );
    thread.phase = 'rerun';
  }

  private execute(thread: Thread, state: State): Promise<Outcome> | Outcome {
    switch (state.Type) {
      case 'Pass':
        return this.pass(thread, state);
      case 'Succeed':
        return this.succeed(thread, state);
      case 'Fail':
        return this.failState(thread, state);
      case 'Choice':
        return this.choice(thread, state);
      case 'Wait':
        return this.wait(thread, state);
      case 'Task':
        return this.task(thread, state);
      case 'Parallel':
        return this.parallel(thread, state);
      case 'Map':
        return this.map(thread, state);
    }
  }

  // ---- evaluation scopes ------------------------------------------------------------------------

  private languageOf(state: State): QueryLanguage {
    return state.QueryLanguage ?? this.machine.language;
  }

  /** Variables visible to a thread: its own and every enclosing scope's (Distributed Map children see only their own). */
  private visibleVariables(thread: Thread): Record<string, JsonValue> {
    const chain: JsonObject[] = [];
    let current: Thread | undefined = thread;
    while (current !== undefined) {
      if (current.vars !== null) chain.push(current.vars);
      const scope = this.scopeOf(current);
      if (scope.distributed && scope.kind === 'iteration') break;
      current = current.parent >= 0 ? this.internal.threads[current.parent] : undefined;
    }
    if (chain.length === 1) return chain[0] as JsonObject;
    const merged: Record<string, JsonValue> = {};
    for (let i = chain.length - 1; i >= 0; i--) Object.assign(merged, chain[i]);
    return merged;
  }

  private context(thread: Thread, extra?: JsonObject): JsonObject {
    const info = this.info;
    const execution: JsonObject = {
      Id: info.executionArn,
      Input: JSON.parse(this.internal.input) as JsonValue,
      Name: info.name,
      RoleArn: info.roleArn,
      StartTime: isoTime(info.startTime),
      RedriveCount: info.redriveCount ?? 0,
    };
    const context: JsonObject = {
      Execution: execution,
      // RetryCount only exists where retries do: in Task states (recorded).
      State:
        this.stateOf(thread).Type === 'Task'
          ? { EnteredTime: isoTime(thread.enteredAt), Name: thread.state, RetryCount: thread.retryCount }
          : { EnteredTime: isoTime(thread.enteredAt), Name: thread.state },
      StateMachine: { Id: info.stateMachineArn, Name: info.stateMachineName },
    };
    if (extra !== undefined) Object.assign(context, extra);
    return context;
  }

  /** Context object and variables are built only if an expression reads them. */
  private pathScope(thread: Thread, input: JsonValue, extraContext?: JsonObject): EvaluationScope {
    // One small object per call (a state makes several): an object literal with getters and
    // closures cost ~15% of a Pass chain's time.
    return new LazyScope(input, this.random, this.scopeSource, thread, extraContext);
  }

  private readonly scopeSource: ScopeSource = {
    context: (thread, extraContext) => this.context(thread, extraContext),
    variables: (thread) => this.visibleVariables(thread),
  };

  private bindings(thread: Thread, states: JsonObject, extraContext?: JsonObject): JsonataBindings {
    let variables: Record<string, JsonValue> | undefined;
    const makeVariables = (): Record<string, JsonValue> => this.visibleVariables(thread);
    const withContext: JsonObject = { ...states, context: this.context(thread, extraContext) };
    return {
      states: withContext,
      random: this.random,
      now: this.env.now,
      get variables(): Record<string, JsonValue> {
        variables ??= makeVariables();
        return variables;
      },
    };
  }

  // ---- Assign -----------------------------------------------------------------------------------

  /** Evaluates an Assign block; values apply when the state is left (all read the entry values). */
  private async evaluateAssign(
    thread: Thread,
    state: State,
    assign: JsonObject | undefined,
    jsonPathInput: JsonValue,
    jsonataStates: () => JsonObject,
  ): Promise<Record<string, JsonValue> | null> {
    if (assign === undefined) return null;
    if (this.languageOf(state) === 'JSONata') {
      const value = await evaluateJsonataTemplate(assign, 'Assign', this.bindings(thread, jsonataStates()));
      return value as Record<string, JsonValue>;
    }
    const value = applyTemplate(assign, this.pathScope(thread, jsonPathInput));
    return value as Record<string, JsonValue>;
  }

  private commitAssign(thread: Thread, assigned: Record<string, JsonValue> | null): JsonObject | undefined {
    if (assigned === null) return undefined;
    // An empty Assign block assigns nothing and shows nothing (recorded).
    if (Object.keys(assigned).length === 0) return undefined;
    const target = this.assignTarget(thread);
    const texts: JsonObject = {};
    let assignedBytes = 0;
    let delta = 0;
    for (const name of Object.keys(assigned)) {
      const owner = this.outerOwner(thread, name);
      if (owner !== undefined) {
        throw new StatesError('States.Runtime', `Cannot assign to variable '${name}': it belongs to an outer scope.`);
      }
      const text = toJsonText(assigned[name] as JsonValue);
      const size = byteLength(text);
      if (size > MAX_VARIABLE_BYTES) {
        throw new StateFailure('States.DataLimitExceeded', `The variable '${name}' exceeds the maximum size of ${MAX_VARIABLE_BYTES} bytes.`);
      }
      assignedBytes += size;
      const previous = target[name];
      delta += size - (previous === undefined ? 0 : byteLength(toJsonText(previous)));
      texts[name] = text;
    }
    if (assignedBytes > MAX_VARIABLE_BYTES) {
      throw new StateFailure(
        'States.DataLimitExceeded',
        `The variables assigned by state '${thread.state}' exceed the maximum size of ${MAX_VARIABLE_BYTES} bytes.`,
      );
    }
    const total = (this.internal.variableBytes ?? 0) + delta;
    if (total > MAX_EXECUTION_VARIABLE_BYTES) {
      throw new StateFailure(
        'States.DataLimitExceeded',
        `The variables of this execution exceed the maximum total size of ${MAX_EXECUTION_VARIABLE_BYTES} bytes.`,
      );
    }
    this.internal.variableBytes = total;
    for (const name of Object.keys(assigned)) target[name] = assigned[name] as JsonValue;
    return { assignedVariables: texts, assignedVariablesDetails: { truncated: false } };
  }

  /** The enclosing thread that already holds `name`, if any (inner scopes may read, not write, it). */
  private outerOwner(thread: Thread, name: string): Thread | undefined {
    let current = thread.parent >= 0 ? this.internal.threads[thread.parent] : undefined;
    if (this.scopeOf(thread).distributed && this.scopeOf(thread).kind === 'iteration') return undefined;
    while (current !== undefined) {
      if (current.vars !== null && Object.prototype.hasOwnProperty.call(current.vars, name)) return current;
      const scope = this.scopeOf(current);
      if (scope.distributed && scope.kind === 'iteration') return undefined;
      current = current.parent >= 0 ? this.internal.threads[current.parent] : undefined;
    }
    return undefined;
  }

  private assignTarget(thread: Thread): JsonObject {
    thread.vars ??= {};
    return thread.vars;
  }

  // ---- leaving states ---------------------------------------------------------------------------

  private checkPayload(thread: Thread, text: string): void {
    if (byteLength(text) > MAX_PAYLOAD_BYTES) {
      throw new StateFailure(
        'States.DataLimitExceeded',
        `The state/task '${thread.state}' returned a result with a size exceeding the maximum number of bytes service limit.`,
      );
    }
  }

  /** Writes *StateExited, applies variables and moves to the next state (or ends the thread). */
  private exit(
    thread: Thread,
    state: State,
    output: JsonValue,
    assigned: Record<string, JsonValue> | null,
    next: string | undefined,
  ): Outcome {
    const text = toJsonText(output);
    this.checkPayload(thread, text);
    const assignedDetails = this.commitAssign(thread, assigned);
    let details: JsonObject | undefined;
    if (this.history.enabled) {
      details = { name: thread.state, ...payloadDetails('output', text) };
      if (assignedDetails !== undefined) Object.assign(details, assignedDetails);
    }
    this.emit(thread, `${state.Type}StateExited` as HistoryEventType, 'stateExitedEventDetails', details);
    if (next === undefined) {
      this.threadSucceeded(thread, output, text);
      return 'ended';
    }
    thread.state = next;
    thread.input = output;
    thread.phase = 'enter';
    return 'next';
  }

  private nextOf(state: State): string | undefined {
    const transition = state as { Next?: string; End?: boolean };
    return transition.End === true ? undefined : transition.Next;
  }

  /** InputPath applied to the raw state input. */
  private effectiveInput(thread: Thread, state: { InputPath?: string | null }): JsonValue {
    return applyInputPath(thread.input, state.InputPath, this.pathScope(thread, thread.input));
  }

  /** Parameters (or any payload template) applied to the effective input, or the input itself. */
  private parametersOf(thread: Thread, template: JsonValue | undefined, effective: JsonValue): JsonValue {
    return template !== undefined ? applyTemplate(template, this.pathScope(thread, effective)) : effective;
  }

  /** JSONPath: ResultPath merges the result into the raw input, then OutputPath, then the exit. */
  private exitWithResult(
    thread: Thread,
    state: State & { ResultPath?: string | null; OutputPath?: string | null },
    result: JsonValue,
    assigned: Record<string, JsonValue> | null,
  ): Outcome {
    const merged = applyResultPath(thread.input, state.ResultPath, result);
    const output = applyOutputPath(merged, state.OutputPath, this.pathScope(thread, merged));
    return this.exit(thread, state, output, assigned, this.nextOf(state));
  }

  /** JSONata: the state's Output template, or `fallback` without one. */
  private async jsonataOutput(thread: Thread, template: JsonValue | undefined, states: JsonObject, fallback: JsonValue): Promise<JsonValue> {
    return template !== undefined ? evaluateJsonataTemplate(template, 'Output', this.bindings(thread, states)) : fallback;
  }

  // ---- simple states ----------------------------------------------------------------------------

  private async pass(thread: Thread, state: PassState): Promise<Outcome> {
    if (this.languageOf(state) === 'JSONata') {
      const states: JsonObject = { input: thread.input };
      const assigned = await this.evaluateAssign(thread, state, state.Assign, thread.input, () => states);
      const output = await this.jsonataOutput(thread, state.Output, states, thread.input);
      return this.exit(thread, state, output, assigned, this.nextOf(state));
    }
    const effective = this.effectiveInput(thread, state);
    const parameters = this.parametersOf(thread, state.Parameters, effective);
    const result = state.Result !== undefined ? state.Result : parameters;
    const assigned = await this.evaluateAssign(thread, state, state.Assign, result, () => ({}));
    return this.exitWithResult(thread, state, result, assigned);
  }

  private async succeed(thread: Thread, state: SucceedState): Promise<Outcome> {
    let output: JsonValue;
    if (this.languageOf(state) === 'JSONata') {
      output = await this.jsonataOutput(thread, state.Output, { input: thread.input }, thread.input);
    } else {
      const effective = this.effectiveInput(thread, state);
      output = applyOutputPath(effective, state.OutputPath, this.pathScope(thread, effective));
    }
    return this.exit(thread, state, output, null, undefined);
  }

  private async failState(thread: Thread, state: FailState): Promise<Outcome> {
    let error: string | undefined;
    let cause: string | undefined;
    if (this.languageOf(state) === 'JSONata') {
      const bindings = this.bindings(thread, { input: thread.input });
      error = await this.jsonataString(state.Error, 'Error', bindings);
      cause = await this.jsonataString(state.Cause, 'Cause', bindings);
    } else {
      const scope = this.pathScope(thread, thread.input);
      error = state.Error ?? (state.ErrorPath !== undefined ? this.pathString(state.ErrorPath, 'ErrorPath', scope) : undefined);
      cause = state.Cause ?? (state.CausePath !== undefined ? this.pathString(state.CausePath, 'CausePath', scope) : undefined);
    }
    this.threadFailed(thread, new StateFailure(error ?? '', cause), thread.last);
    return 'ended';
  }

  private async jsonataString(value: string | undefined, field: string, bindings: JsonataBindings): Promise<string | undefined> {
    if (value === undefined) return undefined;
    if (!isJsonataExpression(value)) return value;
    const result = await evaluateJsonataExpression(value, field, bindings);
    if (typeof result !== 'string') {
      throw unexpectedTypeError(jsonataExpressionText(value), field, 'string', result);
    }
    return result;
  }

  private pathString(path: string, field: string, scope: EvaluationScope): string {
    const value = evaluateDynamicValue(path, field, scope);
    if (typeof value !== 'string') {
      throw new StatesError('States.Runtime', `The ${field} field must be a string, but was: ${toJsonText(value)}`);
    }
    return value;
  }

  private async choice(thread: Thread, state: ChoiceState): Promise<Outcome> {
    if (this.languageOf(state) === 'JSONata') {
      const states: JsonObject = { input: thread.input };
      const bindings = this.bindings(thread, states);
      for (const rule of state.Choices as JsonataChoiceRule[]) {
        const condition =
          typeof rule.Condition === 'boolean'
            ? rule.Condition
            : await evaluateJsonataExpression(rule.Condition, 'Condition', bindings);
        if (typeof condition !== 'boolean') {
          throw unexpectedTypeError(jsonataExpressionText(String(rule.Condition)), 'Condition', 'boolean', condition);
        }
        if (condition) {
          const assigned = await this.evaluateAssign(thread, state, rule.Assign ?? state.Assign, thread.input, () => states);
          const outputTemplate = rule.Output ?? state.Output;
          const output =
            outputTemplate !== undefined ? await evaluateJsonataTemplate(outputTemplate, 'Output', bindings) : thread.input;
          return this.exit(thread, state, output, assigned, rule.Next);
        }
      }
      if (state.Default === undefined) throw noChoiceMatched();
      const assigned = await this.evaluateAssign(thread, state, state.Assign, thread.input, () => states);
      const output = state.Output !== undefined ? await evaluateJsonataTemplate(state.Output, 'Output', bindings) : thread.input;
      return this.exit(thread, state, output, assigned, state.Default);
    }
    const effective = this.effectiveInput(thread, state);
    const rules = state.Choices as JsonPathChoiceRule[];
    const index = selectChoice(rules, effective, this.pathScope(thread, effective));
    const rule = index >= 0 ? rules[index] : undefined;
    const next = rule !== undefined ? rule.Next : state.Default;
    if (next === undefined) throw noChoiceMatched();
    const assigned = await this.evaluateAssign(thread, state, rule?.Assign ?? state.Assign, effective, () => ({}));
    const output = applyOutputPath(effective, state.OutputPath, this.pathScope(thread, effective));
    return this.exit(thread, state, output, assigned, next);
  }

  private async wait(thread: Thread, state: WaitState): Promise<Outcome> {
    let until: number;
    let output: JsonValue;
    let assigned: Record<string, JsonValue> | null;
    if (this.languageOf(state) === 'JSONata') {
      const states: JsonObject = { input: thread.input };
      const bindings = this.bindings(thread, states);
      until = await this.jsonataWaitUntil(state, bindings);
      assigned = await this.evaluateAssign(thread, state, state.Assign, thread.input, () => states);
      output = state.Output !== undefined ? await evaluateJsonataTemplate(state.Output, 'Output', bindings) : thread.input;
    } else {
      const effective = this.effectiveInput(thread, state);
      until = waitUntil(state, effective, this.pathScope(thread, effective), this.env.now);
      assigned = await this.evaluateAssign(thread, state, state.Assign, effective, () => ({}));
      output = applyOutputPath(effective, state.OutputPath, this.pathScope(thread, effective));
    }
    if (until <= this.env.now) return this.exit(thread, state, output, assigned, this.nextOf(state));
    const pending: JsonObject = { output, assigned: assigned ?? null };
    const timerId = this.newEffect(thread, 'wait');
    thread.phase = 'waiting';
    thread.effective = pending;
    this.commands.push({ kind: 'startTimer', timerId, fireAt: until });
    return 'blocked';
  }

  /** The Wait's output and variables were worked out when it started; now it only exits. */
  private finishWait(thread: Thread, state: WaitState): Outcome {
    const pending = thread.effective as JsonObject;
    thread.effective = null;
    thread.phase = 'rerun';
    return this.exit(
      thread,
      state,
      pending['output'] as JsonValue,
      (pending['assigned'] as Record<string, JsonValue> | null) ?? null,
      this.nextOf(state),
    );
  }

  private async jsonataWaitUntil(state: WaitState, bindings: JsonataBindings): Promise<number> {
    if (state.Seconds !== undefined) {
      const seconds = isJsonataExpression(state.Seconds)
        ? await evaluateJsonataExpression(state.Seconds, 'Seconds', bindings)
        : state.Seconds;
      const checked = checkWaitSeconds(seconds);
      if ('problem' in checked) {
        if (checked.problem === 'tooLong') throw new StatesError('States.Runtime', WAIT_DELAY_TOO_LONG);
        throw unexpectedTypeError(jsonataExpressionText(String(state.Seconds)), 'Seconds', 'integer', seconds);
      }
      return this.env.now + checked.seconds * 1000;
    }
    const raw = state.Timestamp ?? '';
    const value = isJsonataExpression(raw) ? await evaluateJsonataExpression(raw, 'Timestamp', bindings) : raw;
    const parsed = typeof value === 'string' ? parseTimestamp(value) : undefined;
    if (parsed === undefined) {
      throw timestampParseError(typeof value === 'string' ? value : toJsonText(value));
    }
    if (isWaitTooLong(parsed, this.env.now)) throw new StatesError('States.Runtime', WAIT_DELAY_TOO_LONG);
    return parsed;
  }

  // ---- Task -------------------------------------------------------------------------------------

  private async task(thread: Thread, state: TaskState): Promise<Outcome> {
    let parameters: JsonValue;
    let timeout: number | undefined;
    let heartbeat: number | undefined;
    if (this.languageOf(state) === 'JSONata') {
      const bindings = this.bindings(thread, { input: thread.input });
      parameters =
        state.Arguments !== undefined ? await evaluateJsonataTemplate(state.Arguments, 'Arguments', bindings) : thread.input;
      timeout = await this.jsonataNumber(state.TimeoutSeconds, 'TimeoutSeconds', bindings, 1);
      heartbeat = await this.jsonataNumber(state.HeartbeatSeconds, 'HeartbeatSeconds', bindings, 1);
    } else {
      const effective = this.effectiveInput(thread, state);
      const scope = this.pathScope(thread, effective);
      parameters = this.parametersOf(thread, state.Parameters, effective);
      timeout = typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : this.numberAtPath(state.TimeoutSecondsPath, 'TimeoutSecondsPath', scope);
      heartbeat =
        typeof state.HeartbeatSeconds === 'number'
          ? state.HeartbeatSeconds
          : this.numberAtPath(state.HeartbeatSecondsPath, 'HeartbeatSecondsPath', scope);
    }
    const text = toJsonText(parameters);
    const taskId = this.newEffect(thread, 'task');
    thread.phase = 'task';
    const family = taskEventFamily(state.Resource);
    if (family === 'Task') {
      const names = resourceNames(state.Resource);
      const details: JsonObject = {
        resourceType: names.resourceType,
        resource: names.resource,
        region: regionOf(this.info.stateMachineArn),
        parameters: text,
      };
      if (timeout !== undefined) details['timeoutInSeconds'] = timeout;
      if (heartbeat !== undefined) details['heartbeatInSeconds'] = heartbeat;
      this.emit(thread, 'TaskScheduled', 'taskScheduledEventDetails', details);
    } else {
      const details: JsonObject = { resource: state.Resource, ...payloadDetails('input', text) };
      if (timeout !== undefined) details['timeoutInSeconds'] = timeout;
      if (family === 'Activity' && heartbeat !== undefined) details['heartbeatInSeconds'] = heartbeat;
      this.emit(thread, `${family}Scheduled` as HistoryEventType, `${lowerFirst(family)}ScheduledEventDetails`, details);
    }
    const command: Command = {
      kind: 'runTask',
      taskId,
      stateName: thread.state,
      resource: state.Resource,
      input: parameters,
      ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
      ...(heartbeat !== undefined ? { heartbeatSeconds: heartbeat } : {}),
      ...(state.Resource.endsWith('.waitForTaskToken') ? { taskToken: this.random.uuid() } : {}),
    };
    this.commands.push(command);
    if (timeout !== undefined) thread.guards.timeout = this.guardTimer(thread, 'timeout', timeout);
    if (heartbeat !== undefined) {
      thread.guards.heartbeatSeconds = heartbeat;
      thread.guards.heartbeat = this.guardTimer(thread, 'heartbeat', heartbeat);
    }
    return 'blocked';
  }

  /** A numeric field written as a JSONata expression; `min` 1 for timeouts and batch sizes, 0 for counts. */
  private async jsonataNumber(
    value: number | string | undefined,
    field: string,
    bindings: JsonataBindings,
    min: 0 | 1,
  ): Promise<number | undefined> {
    if (value === undefined) return undefined;
    if (typeof value === 'number') return value;
    const result = await evaluateJsonataExpression(value, field, bindings);
    if (typeof result !== 'number' || result < min || (min === 1 && !Number.isInteger(result))) {
      throw unexpectedTypeError(jsonataExpressionText(value), field, 'integer', result);
    }
    return result;
  }

  /**
   * A numeric `*Path` field. AWS reads the value as Java would parse it, so "10" is as good as 10;
   * integer fields refuse fractions, ToleratedFailurePercentagePath takes a float.
   */
  private numberAtPath(path: string | undefined, field: string, scope: EvaluationScope, kind: 'integer' | 'float' = 'integer'): number | undefined {
    if (path === undefined) return undefined;
    let value = evaluatePath(path, scope.input, scope);
    const numeric = kind === 'integer' ? /^-?\d+$/.test(String(value)) : String(value).trim() !== '' && Number.isFinite(Number(value));
    if (typeof value === 'string' && numeric) value = Number(value);
    if (typeof value !== 'number' || (kind === 'integer' && !Number.isInteger(value))) {
      throw new StatesError(
        'States.Runtime',
        `The ${field} field refers to value "${typeof value === 'string' ? value : toJsonText(value)}" which is not a valid ${kind}: ${path}`,
      );
    }
    return value;
  }

  /** ResultSelector → Assign → ResultPath → OutputPath (JSONPath), or Assign/Output (JSONata). */
  private async finishResult(thread: Thread, state: TaskState | ParallelState | MapState, result: JsonValue): Promise<Outcome> {
    if (this.languageOf(state) === 'JSONata') {
      const states: JsonObject = { input: thread.input, result };
      const assigned = await this.evaluateAssign(thread, state, state.Assign, result, () => states);
      const output = await this.jsonataOutput(thread, state.Output, states, result);
      return this.exit(thread, state, output, assigned, this.nextOf(state));
    }
    const selected = this.parametersOf(thread, state.ResultSelector, result);
    const assigned = await this.evaluateAssign(thread, state, state.Assign, selected, () => ({}));
    return this.exitWithResult(thread, state, selected, assigned);
  }

  // ---- Parallel and Map -------------------------------------------------------------------------

  private async parallel(thread: Thread, state: ParallelState): Promise<Outcome> {
    let branchInput: JsonValue;
    if (this.languageOf(state) === 'JSONata') {
      branchInput =
        state.Arguments !== undefined
          ? await evaluateJsonataTemplate(state.Arguments, 'Arguments', this.bindings(thread, { input: thread.input }))
          : thread.input;
    } else {
      branchInput = this.parametersOf(thread, state.Parameters, this.effectiveInput(thread, state));
    }
    const scopes = this.machine.branchScopes.get(state) ?? [];
    this.emit(thread, 'ParallelStateStarted');
    const box: Container = {
      kind: 'parallel',
      total: scopes.length,
      results: new Array<JsonValue>(scopes.length).fill(null),
      items: [],
      keys: null,
      maxConcurrency: 0,
      toleratedCount: 0,
      toleratedPercentage: 0,
      effective: branchInput,
      distributed: false,
      started: scopes.length,
      running: scopes.length,
      succeeded: 0,
      failed: 0,
      cursor: thread.last,
      children: [],
    };
    thread.box = box;
    thread.phase = 'children';
    if (scopes.length === 0) return this.containerDone(thread, state);
    const children = scopes.map((scopeId, index) => {
      const child = this.newThread(thread.id, index, scopeId, thread.hidden, { last: thread.last });
      child.input = branchInput;
      child.state = this.scopeAt(scopeId).startAt;
      child.vars = {};
      return child;
    });
    box.children = children.map((c) => c.id);
    for (let i = children.length - 1; i >= 0; i--) this.ready.push((children[i] as Thread).id);
    return 'blocked';
  }

  private async map(thread: Thread, state: MapState): Promise<Outcome> {
    const jsonata = this.languageOf(state) === 'JSONata';
    const processorScope = this.machine.processorScope.get(state) ?? 0;
    const distributed = this.scopeAt(processorScope).distributed;
    let effective: JsonValue;
    let items: JsonValue;
    let maxConcurrency = 0;
    let toleratedCount = 0;
    let toleratedPercentage = 0;
    if (jsonata) {
      effective = thread.input;
      const bindings = this.bindings(thread, { input: thread.input });
      if (state.Items !== undefined) {
        items = isJsonataExpression(state.Items) ? await evaluateJsonataExpression(state.Items, 'Items', bindings) : state.Items;
        if (Array.isArray(items) && !isJsonataExpression(state.Items)) {
          items = (await evaluateJsonataTemplate(items, 'Items', bindings)) as JsonValue[];
        }
        if (!Array.isArray(items)) {
          throw unexpectedTypeError(jsonataExpressionText(String(state.Items)), 'Items', 'array', items);
        }
      } else {
        items = thread.input;
        if (!Array.isArray(items)) throw mapInputNotArrayError(items);
      }
      maxConcurrency = (await this.jsonataNumber(state.MaxConcurrency, 'MaxConcurrency', bindings, 0)) ?? 0;
      toleratedCount = (await this.jsonataNumber(state.ToleratedFailureCount, 'ToleratedFailureCount', bindings, 0)) ?? 0;
      toleratedPercentage =
        (await this.jsonataNumber(state.ToleratedFailurePercentage, 'ToleratedFailurePercentage', bindings, 0)) ?? 0;
    } else {
      effective = this.effectiveInput(thread, state);
      const scope = this.pathScope(thread, effective);
      items = state.ItemsPath !== undefined ? getAtReferencePath(effective, state.ItemsPath, scope) : effective;
      maxConcurrency =
        typeof state.MaxConcurrency === 'number'
          ? state.MaxConcurrency
          : (this.numberAtPath(state.MaxConcurrencyPath, 'MaxConcurrencyPath', scope) ?? 0);
      if (!Array.isArray(items) && !isJsonObject(items)) {
        throw new StatesError('States.Runtime', `Map state input must be an array but was: ${toJsonText(items)}`);
      }
    }
    let keys: string[] | null = null;
    let list: JsonValue[];
    if (Array.isArray(items)) {
      list = items;
    } else {
      const object = items as JsonObject;
      keys = Object.keys(object);
      list = keys.map((key) => object[key] as JsonValue);
    }
    list = await this.batch(thread, state, list, effective);
    this.emit(thread, 'MapStateStarted', 'mapStateStartedEventDetails', { length: list.length });
    // AWS reads the tolerated-failure thresholds once the Map has started (recorded event order).
    if (!jsonata) {
      const scope = this.pathScope(thread, effective);
      toleratedCount =
        typeof state.ToleratedFailureCount === 'number'
          ? state.ToleratedFailureCount
          : (this.numberAtPath(state.ToleratedFailureCountPath, 'ToleratedFailureCountPath', scope) ?? 0);
      toleratedPercentage =
        typeof state.ToleratedFailurePercentage === 'number'
          ? state.ToleratedFailurePercentage
          : (this.numberAtPath(state.ToleratedFailurePercentagePath, 'ToleratedFailurePercentagePath', scope, 'float') ?? 0);
    }
    if (toleratedCount < 0) throw new StatesError('States.Runtime', 'ToleratedFailureCount cannot be negative.');
    if (toleratedPercentage < 0 || toleratedPercentage > 100) {
      throw new StatesError('States.Runtime', 'ToleratedFailurePercentage must be between 0 and 100.');
    }
    const box: Container = {
      kind: 'map',
      total: list.length,
      results: new Array<JsonValue>(list.length).fill(null),
      items: list,
      keys,
      maxConcurrency,
      toleratedCount,
      toleratedPercentage,
      effective,
      distributed,
      started: 0,
      running: 0,
      succeeded: 0,
      failed: 0,
      cursor: thread.last,
      children: [],
    };
    thread.box = box;
    thread.phase = 'children';
    if (distributed) {
      const runArn = this.mapRunArn(state, thread);
      this.emit(thread, 'MapRunStarted', 'mapRunStartedEventDetails', { mapRunArn: runArn });
      box.cursor = thread.last;
    }
    if (list.length === 0) return this.containerDone(thread, state);
    this.startIterations(thread, box, processorScope);
    return 'blocked';
  }

  private mapRunArn(state: MapState, thread: Thread): string {
    const machineArn = this.info.stateMachineArn.replace(':stateMachine:', ':mapRun:');
    const label = state.Label ?? thread.state;
    return `${machineArn}/${label}:${this.random.uuid()}`;
  }

  /** ItemBatcher: groups items into `{ Items: [...], ...BatchInput }`. */
  private async batch(thread: Thread, state: MapState, items: JsonValue[], effective: JsonValue): Promise<JsonValue[]> {
    const batcher = state.ItemBatcher;
    if (batcher === undefined) return items;
    let maxItems: number | undefined;
    let maxBytes: number | undefined;
    let batchInput: JsonValue | undefined;
    if (this.languageOf(state) === 'JSONata') {
      const bindings = this.bindings(thread, { input: thread.input });
      maxItems = await this.jsonataNumber(batcher.MaxItemsPerBatch, 'MaxItemsPerBatch', bindings, 1);
      maxBytes = await this.jsonataNumber(batcher.MaxInputBytesPerBatch, 'MaxInputBytesPerBatch', bindings, 1);
      batchInput = batcher.BatchInput !== undefined ? await evaluateJsonataTemplate(batcher.BatchInput, 'BatchInput', bindings) : undefined;
    } else {
      const scope = this.pathScope(thread, effective);
      maxItems =
        typeof batcher.MaxItemsPerBatch === 'number'
          ? batcher.MaxItemsPerBatch
          : this.numberAtPath(batcher.MaxItemsPerBatchPath, 'MaxItemsPerBatchPath', scope);
      maxBytes =
        typeof batcher.MaxInputBytesPerBatch === 'number'
          ? batcher.MaxInputBytesPerBatch
          : this.numberAtPath(batcher.MaxInputBytesPerBatchPath, 'MaxInputBytesPerBatchPath', scope);
      batchInput = batcher.BatchInput !== undefined ? applyTemplate(batcher.BatchInput, scope) : undefined;
    }
    return batchItems(items, maxItems ?? Number.MAX_SAFE_INTEGER, maxBytes ?? MAX_PAYLOAD_BYTES, batchInput);
  }

  /** Starts as many iterations as MaxConcurrency allows (0: all of them). */
  private startIterations(thread: Thread, box: Container, scopeId: number): void {
    const limit = box.maxConcurrency > 0 ? box.maxConcurrency : box.total;
    const fresh: Thread[] = [];
    while (box.started < box.total && box.running < limit) {
      const index = box.started++;
      box.running++;
      const child = this.newThread(thread.id, index, scopeId, thread.hidden || box.distributed, { last: box.cursor });
      child.state = this.scopeAt(scopeId).startAt;
      child.phase = 'iteration';
      child.vars = {};
      box.children.push(child.id);
      fresh.push(child);
    }
    for (let i = fresh.length - 1; i >= 0; i--) this.ready.push((fresh[i] as Thread).id);
  }

  /** MapIterationStarted, then ItemSelector: the iteration's input. False when the selector failed. */
  private async beginIteration(child: Thread): Promise<boolean> {
    const parent = this.internal.threads[child.parent] as Thread;
    const box = parent.box as Container;
    const state = this.stateOf(parent) as MapState;
    child.last = box.cursor;
    this.emitFor(parent, child, 'MapIterationStarted', 'mapIterationStartedEventDetails', {
      index: child.index,
      name: parent.state,
    });
    child.phase = 'enter';
    const item = box.items[child.index] as JsonValue;
    const selector = state.ItemSelector ?? state.Parameters;
    if (selector === undefined) {
      child.input = item;
      return true;
    }
    const mapContext: JsonObject = {
      Map: {
        Item: {
          Index: child.index,
          Value: item,
          ...(box.keys !== null ? { Key: box.keys[child.index] as string } : {}),
        },
      },
    };
    // ItemSelector runs in the Map state's own context (its thread and entry time).
    try {
      child.input =
        this.languageOf(state) === 'JSONata'
          ? await evaluateJsonataTemplate(selector, 'ItemSelector', this.bindings(parent, { input: parent.input }, mapContext))
          : applyTemplate(selector, this.pathScope(parent, box.effective, mapContext));
      return true;
    } catch (error) {
      this.threadFailed(child, this.toFailure(error, parent), child.last);
      return false;
    }
  }

  /** Called when a thread's last state succeeded. */
  private threadSucceeded(thread: Thread, output: JsonValue, text: string): void {
    if (thread.parent < 0) {
      this.emit(thread, 'ExecutionSucceeded', 'executionSucceededEventDetails', payloadDetails('output', text));
      this.snapshot.output = text;
      this.finish('SUCCEEDED');
      return;
    }
    const parent = this.internal.threads[thread.parent] as Thread;
    const box = parent.box as Container;
    this.removeThread(thread);
    box.results[thread.index] = output;
    box.succeeded++;
    box.running--;
    const causeEvent = thread.last;
    if (box.kind === 'map') {
      box.cursor = causeEvent;
      const succeededId = this.emitFor(parent, thread, 'MapIterationSucceeded', 'mapIterationSucceededEventDetails', {
        index: thread.index,
        name: parent.state,
      }, false);
      parent.last = succeededId > 0 && !box.distributed ? succeededId : parent.last;
    } else {
      parent.last = causeEvent;
    }
    this.childSettled(parent);
  }

  /** A thread failed and nothing inside it caught the error. */
  private threadFailed(thread: Thread, failure: StateFailure, causeEvent: number): void {
    if (thread.parent < 0) {
      const details: JsonObject = {};
      if (failure.error !== '') details['error'] = failure.error;
      if (failure.cause !== undefined) details['cause'] = failure.cause;
      this.emit(thread, 'ExecutionFailed', 'executionFailedEventDetails', details);
      if (failure.error !== '') this.snapshot.error = failure.error;
      if (failure.cause !== undefined) this.snapshot.cause = failure.cause;
      this.finish('FAILED');
      return;
    }
    const parent = this.internal.threads[thread.parent] as Thread;
    const box = parent.box as Container;
    this.removeThread(thread);
    box.running--;
    box.failed++;
    const cause = { last: causeEvent };
    if (box.kind === 'map') {
      this.emitFor(parent, thread, 'MapIterationFailed', 'mapIterationFailedEventDetails', { index: thread.index, name: parent.state }, false);
      box.cursor = causeEvent;
      if (this.tolerated(box)) {
        box.results[thread.index] = errorOutputOf(failure);
        this.childSettled(parent);
        return;
      }
    }
    // Recorded: a Task that failed its iteration or branch is reported aborted, then every other
    // running iteration (MapIterationAborted) and the state each was in, all linked to the failure.
    if (this.stateOf(thread).Type === 'Task') this.emitFor(parent, cause as Thread, 'TaskStateAborted', '', {}, false);
    for (const id of box.children) {
      const sibling = this.internal.threads[id];
      if (sibling === undefined || sibling === thread) continue;
      if (box.kind === 'map') {
        this.emitFor(parent, cause as Thread, 'MapIterationAborted', 'mapIterationAbortedEventDetails', { index: sibling.index, name: parent.state }, false);
      }
      const type = sibling.phase === 'iteration' ? undefined : this.stateOf(sibling).Type;
      if (type === 'Task' || type === 'Wait' || type === 'Map' || type === 'Parallel') {
        this.emitFor(parent, cause as Thread, `${type}StateAborted` as HistoryEventType, '', {}, false);
      }
    }
    if (box.distributed && !parent.hidden) this.history.write(cause, 'MapRunFailed', undefined, undefined, false);
    // The container fails: stop the other children, then the Map/Parallel state handles the error.
    this.abortChildren(parent);
    parent.last = causeEvent;
    parent.phase = 'rerun';
    const state = this.stateOf(parent);
    const toleranceExceeded = box.kind === 'map' && (box.toleratedCount > 0 || box.toleratedPercentage > 0);
    const effective = toleranceExceeded
      ? new StateFailure('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded')
      : failure;
    this.pendingFailure(parent, state, effective);
  }

  private tolerated(box: Container): boolean {
    if (box.toleratedCount <= 0 && box.toleratedPercentage <= 0) return false;
    if (box.failed <= box.toleratedCount) return true;
    return box.total > 0 && (box.failed * 100) / box.total <= box.toleratedPercentage;
  }

  /** Failures found while a child settles are handled once the current thread has stopped. */
  private readonly deferred: Array<() => Promise<unknown>> = [];

  private pendingFailure(thread: Thread, state: State, failure: StateFailure): void {
    this.deferred.push(async () => this.later(thread, await this.handleFailure(thread, state, failure)));
  }

  private childSettled(parent: Thread): void {
    const box = parent.box as Container;
    const state = this.stateOf(parent);
    if (box.kind === 'map' && box.started < box.total) {
      this.startIterations(parent, box, this.machine.processorScope.get(state) ?? 0);
      return;
    }
    if (box.running > 0) return;
    this.deferred.push(async () => {
      let outcome: Outcome;
      try {
        outcome = await this.containerDone(parent, state as MapState | ParallelState);
      } catch (error) {
        outcome = await this.handleFailure(parent, state, this.toFailure(error, parent));
      }
      this.later(parent, outcome);
    });
  }

  private async containerDone(thread: Thread, state: MapState | ParallelState): Promise<Outcome> {
    const box = thread.box as Container;
    thread.box = null;
    thread.phase = 'rerun';
    if (box.kind === 'map') {
      if (box.distributed) this.emit(thread, 'MapRunSucceeded');
      this.emit(thread, 'MapStateSucceeded', undefined, undefined, false);
    } else {
      this.emit(thread, 'ParallelStateSucceeded', undefined, undefined, false);
    }
    return this.finishResult(thread, state, box.results);
  }

  private abortChildren(parent: Thread): void {
    const box = parent.box as Container;
    for (const id of box.children) {
      const child = this.internal.threads[id];
      if (child === undefined) continue;
      this.cancelEffects(child);
      this.removeThread(child);
    }
    parent.box = null;
  }

  // ---- errors -----------------------------------------------------------------------------------

  private toFailure(error: unknown, thread: Thread): StateFailure {
    if (error instanceof StateFailure) {
      if (error.error === 'States.QueryEvaluationError' || error.error === 'States.Runtime') {
        return new StateFailure(
          error.error,
          formatStateErrorCause(thread.state, thread.entered, error.cause ?? ''),
          error.location,
          error.evaluation,
        );
      }
      return error;
    }
    if (error instanceof JsonataEvaluationError) {
      return new StateFailure(error.error, formatStateErrorCause(thread.state, thread.entered, error.cause), error.location, true);
    }
    if (error instanceof StatesError) {
      return new StateFailure(error.error, formatStateErrorCause(thread.state, thread.entered, error.cause));
    }
    throw error;
  }

  /** Retry, then Catch, then the failure leaves the thread. */
  private async handleFailure(thread: Thread, state: State, failure: StateFailure): Promise<Outcome> {
    if (failure.evaluation) {
      const details: JsonObject = { cause: failure.cause ?? '', error: failure.error };
      if (failure.location !== undefined) details['location'] = failure.location;
      details['state'] = thread.state;
      // Recorded: a failing JSONata field links back past the state's entry (as if the entry were
      // undone), except a Wait's Timestamp, which links to WaitStateEntered.
      if (state.Type !== 'Wait' && thread.last === thread.entered) thread.last = thread.enteredPrev;
      this.emit(thread, 'EvaluationFailed', 'evaluationFailedEventDetails', details);
    }
    const withHandlers = state as { Retry?: Retrier[]; Catch?: Catcher[] };
    if (withHandlers.Retry !== undefined && failure.error !== 'States.Runtime') {
      const index = withHandlers.Retry.findIndex((retrier) => failureMatches(retrier.ErrorEquals, failure));
      const retrier = index >= 0 ? withHandlers.Retry[index] : undefined;
      if (retrier !== undefined) {
        const used = thread.attempts[index] ?? 0;
        const maxAttempts = retrier.MaxAttempts ?? 3;
        if (used < maxAttempts) {
          thread.attempts[index] = used + 1;
          thread.retryCount++;
          const delay = retryDelay(retrier, used, this.random);
          if (delay <= 0) {
            thread.phase = 'rerun';
            return 'next';
          } else {
            const timerId = this.newEffect(thread, 'retry');
            thread.phase = 'backoff';
            this.commands.push({ kind: 'startTimer', timerId, fireAt: this.env.now + delay });
          }
          return 'blocked';
        }
      }
    }
    // A runtime error in the state's own fields ends the execution without a Map/ParallelStateFailed.
    if (failure.error !== 'States.Runtime') {
      if (state.Type === 'Map') this.emit(thread, 'MapStateFailed');
      if (state.Type === 'Parallel') this.emit(thread, 'ParallelStateFailed');
    }
    if (withHandlers.Catch !== undefined && failure.error !== 'States.Runtime') {
      const catcher = withHandlers.Catch.find((candidate) => failureMatches(candidate.ErrorEquals, failure));
      if (catcher !== undefined) {
        const errorOutput = errorOutputOf(failure);
        try {
          let output: JsonValue;
          let assigned: Record<string, JsonValue> | null;
          if (this.languageOf(state) === 'JSONata') {
            const states: JsonObject = { input: thread.input, errorOutput };
            assigned = await this.evaluateAssign(thread, state, catcher.Assign, errorOutput, () => states);
            output =
              catcher.Output !== undefined
                ? await evaluateJsonataTemplate(catcher.Output, 'Output', this.bindings(thread, states))
                : errorOutput;
          } else {
            assigned = await this.evaluateAssign(thread, state, catcher.Assign, errorOutput, () => ({}));
            output = applyResultPath(thread.input, catcher.ResultPath, errorOutput);
          }
          return this.exit(thread, state, output, assigned, catcher.Next);
        } catch (error) {
          return this.handleFailure(thread, { Type: 'Pass' } as State, this.toFailure(error, thread));
        }
      }
    }
    this.threadFailed(thread, failure, thread.last);
    return 'ended';
  }

  // ---- ending -----------------------------------------------------------------------------------

  private endExecution(
    status: 'ABORTED' | 'TIMED_OUT',
    type: HistoryEventType,
    detailsKey: string,
    details: JsonObject,
    error: string | undefined,
    cause: string | undefined,
  ): void {
    // Recorded: ExecutionAborted links to no event; a timeout links to the last one.
    const root = this.internal.threads[0];
    const cursor = status === 'ABORTED' || root === undefined ? { last: 0 } : root;
    this.history.write(cursor, type, detailsKey, details);
    if (error !== undefined) this.snapshot.error = error;
    if (cause !== undefined) this.snapshot.cause = cause;
    this.finish(status);
  }

  private finish(status: ExecutionSnapshot['status']): void {
    this.snapshot.status = status;
    for (const thread of Object.values(this.internal.threads)) this.cancelEffects(thread);
    if (this.internal.timeoutTimer !== null) {
      this.commands.push({ kind: 'cancelTimer', timerId: this.internal.timeoutTimer });
      this.internal.timeoutTimer = null;
    }
    this.internal.threads = {};
    this.ready.length = 0;
    this.deferred.length = 0;
  }

  // ---- threads and effects ------------------------------------------------------------------------

  private newThread(parent: number, index: number, scope: number, hidden: boolean, cursor: { last: number }): Thread {
    const id = this.internal.nextThread++;
    const thread: Thread = {
      id,
      parent,
      index,
      scope,
      hidden,
      state: '',
      phase: 'enter',
      input: null,
      entered: 0,
      enteredPrev: 0,
      enteredAt: this.env.now,
      last: cursor.last,
      attempts: [],
      retryCount: 0,
      vars: null,
      effect: null,
      box: null,
      effective: null,
      guards: { timeout: null, heartbeat: null, heartbeatSeconds: 0 },
    };
    this.internal.threads[id] = thread;
    return thread;
  }

  private removeThread(thread: Thread): void {
    if (thread.box !== null) this.abortChildren(thread);
    // An inner scope's variables die with it.
    if (thread.parent >= 0 && thread.vars !== null && this.internal.variableBytes !== undefined) {
      for (const value of Object.values(thread.vars)) this.internal.variableBytes -= byteLength(toJsonText(value));
    }
    delete this.internal.threads[thread.id];
  }

  private newEffect(thread: Thread, kind: string): string {
    const id = `${kind}-${this.internal.nextEffect++}`;
    this.internal.effects[id] = thread.id;
    thread.effect = id;
    return id;
  }

  private threadForEffect(effectId: string, consume = true): Thread | undefined {
    const threadId = this.internal.effects[effectId];
    if (threadId === undefined) return undefined;
    const thread = this.internal.threads[threadId];
    if (thread === undefined || thread.effect !== effectId) {
      delete this.internal.effects[effectId];
      return undefined;
    }
    if (consume) delete this.internal.effects[effectId];
    return thread;
  }

  private cancelEffects(thread: Thread): void {
    this.clearGuards(thread);
    const effect = thread.effect;
    if (effect === null) return;
    delete this.internal.effects[effect];
    thread.effect = null;
    if (thread.phase === 'task') this.commands.push({ kind: 'cancelTask', taskId: effect });
    else this.commands.push({ kind: 'cancelTimer', timerId: effect });
  }

  private scopeAt(id: number): Scope {
    return this.machine.scopes[id] as Scope;
  }

  private scopeOf(thread: Thread): Scope {
    return this.scopeAt(thread.scope);
  }

  private stateOf(thread: Thread): State {
    const state = this.scopeOf(thread).states[thread.state];
    if (state === undefined) throw new Error(`state ${thread.state} not found`);
    return state;
  }

  /** Writes an event on a thread's cursor (nothing for hidden threads). */
  private emit(thread: Thread, type: HistoryEventType, detailsKey?: string, details?: JsonObject, advance = true): number {
    if (thread.hidden) return 0;
    return this.history.write(thread, type, detailsKey, details, advance);
  }

  /** Writes an event on `owner`'s history linked from `cursor`'s position. */
  private emitFor(owner: Thread, cursor: Thread, type: HistoryEventType, detailsKey: string, details: JsonObject, advance = true): number {
    if (owner.hidden || (owner.box?.distributed ?? false)) return 0;
    return detailsKey === ''
      ? this.history.write(cursor, type, undefined, undefined, advance)
      : this.history.write(cursor, type, detailsKey, details, advance);
  }
}

/** How a LazyScope reaches the interpreter's context object and variables. */
interface ScopeSource {
  context(thread: Thread, extraContext: JsonObject | undefined): JsonObject;
  variables(thread: Thread): Record<string, JsonValue>;
}

/** A JSONPath evaluation scope whose context object (`$$`) and variables are built on first read. */
class LazyScope implements EvaluationScope {
  private contextValue: JsonObject | undefined;
  private variablesValue: Record<string, JsonValue> | undefined;

  constructor(
    readonly input: JsonValue,
    readonly random: RandomSource,
    private readonly source: ScopeSource,
    private readonly thread: Thread,
    private readonly extraContext: JsonObject | undefined,
  ) {}

  get context(): JsonValue {
    this.contextValue ??= this.source.context(this.thread, this.extraContext);
    return this.contextValue;
  }

  get variables(): Record<string, JsonValue> {
    this.variablesValue ??= this.source.variables(this.thread);
    return this.variablesValue;
  }
}
