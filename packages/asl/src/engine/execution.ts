// The execution as a whole, as opposed to its threads: how it starts (ExecutionStarted, the
// top-level thread, the TimeoutSeconds timer) and how it ends — succeeded or failed by its
// top-level thread, aborted (StopExecution), timed out (TimeoutSeconds or the driver's own limit)
// or failed by the history quota. Every end writes its final event, records status, output, error
// and cause in the snapshot, and cancels whatever is still pending, so the driver is left with
// nothing to deliver.

import { toJsonText, type JsonObject, type JsonValue } from '../paths/json.js';
import type { StateFailure } from './failure.js';
import {
  HISTORY_LIMIT_CAUSE,
  MAX_HISTORY_EVENTS,
  payloadDetails,
  type HistoryWriter,
} from './history.js';
import type { Machine } from './machine.js';
import type { Internal, Thread } from './thread.js';
import type { ThreadTable } from './thread-table.js';
import type { Command, ExecutionInfo, ExecutionSnapshot, HistoryEventType } from './types.js';

/** The timer id of the execution's TimeoutSeconds. */
export const EXECUTION_TIMEOUT = 'execution-timeout';

export function newSnapshot(): ExecutionSnapshot {
  const internal: Internal = {
    threads: {},
    nextThread: 0,
    nextEffect: 1,
    input: '{}',
    effects: {},
    timeoutTimer: null,
  };
  return {
    version: 1,
    status: 'RUNNING',
    nextEventId: 1,
    internal: internal as unknown as JsonObject,
  };
}

export class Execution {
  constructor(
    private readonly machine: Machine,
    private readonly info: ExecutionInfo,
    private readonly snapshot: ExecutionSnapshot,
    private readonly history: HistoryWriter,
    private readonly threads: ThreadTable,
    private readonly commands: Command[],
    /** Drops the core's pending work once nothing may run any more. */
    private readonly stopWork: () => void,
  ) {}

  /** ExecutionStarted and the top-level thread, which the caller sets running. */
  start(input: JsonValue, inputText: string | undefined): Thread {
    // ExecutionStarted keeps the client's own text; states see compact JSON (AWS recordings since
    // mid-2024; earlier ones passed the client's text on to the first states as well).
    const text = inputText ?? toJsonText(input);
    const internal = this.threads.internal;
    internal.input = text;
    const root = this.threads.newThread(-1, 0, 0, false, { last: 0 });
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
      internal.timeoutTimer = EXECUTION_TIMEOUT;
      this.commands.push({
        kind: 'startTimer',
        timerId: EXECUTION_TIMEOUT,
        fireAt: this.info.startTime + timeout * 1000,
      });
    }
    return root;
  }

  /** The TimeoutSeconds timer fired (unless the execution ended and cancelled it meanwhile). */
  timeoutFired(): void {
    const internal = this.threads.internal;
    if (internal.timeoutTimer === EXECUTION_TIMEOUT) {
      // It has fired: nothing left to cancel.
      internal.timeoutTimer = null;
      this.timedOut('States.Timeout', undefined);
    }
  }

  /** The top-level thread left its last state. */
  succeeded(root: Thread, text: string): void {
    if (!root.hidden) {
      const details = payloadDetails('output', text);
      this.history.write(root, 'ExecutionSucceeded', 'executionSucceededEventDetails', details);
    }
    this.snapshot.output = text;
    this.finish('SUCCEEDED');
  }

  /** The top-level thread failed and nothing caught the error. */
  failed(root: Thread, failure: StateFailure): void {
    const details: JsonObject = {};
    if (failure.error !== '') details['error'] = failure.error;
    if (failure.cause !== undefined) details['cause'] = failure.cause;
    if (!root.hidden)
      this.history.write(root, 'ExecutionFailed', 'executionFailedEventDetails', details);
    if (failure.error !== '') this.snapshot.error = failure.error;
    if (failure.cause !== undefined) this.snapshot.cause = failure.cause;
    this.finish('FAILED');
  }

  /** StopExecution. */
  aborted(error: string | undefined, cause: string | undefined): void {
    const details: JsonObject = {};
    if (error !== undefined) details['error'] = error;
    if (cause !== undefined) details['cause'] = cause;
    this.end('ABORTED', 'ExecutionAborted', 'executionAbortedEventDetails', details, error, cause);
  }

  timedOut(error: string, cause: string | undefined): void {
    const details: JsonObject = { error };
    if (cause !== undefined) details['cause'] = cause;
    this.end(
      'TIMED_OUT',
      'ExecutionTimedOut',
      'executionTimedOutEventDetails',
      details,
      error,
      cause,
    );
  }

  /** The next event would have passed the quota: event 25,000 fails the execution instead. */
  historyLimitReached(): void {
    this.history.nextId = MAX_HISTORY_EVENTS;
    this.history.write(
      { last: MAX_HISTORY_EVENTS - 1 },
      'ExecutionFailed',
      'executionFailedEventDetails',
      { error: 'States.Runtime', cause: HISTORY_LIMIT_CAUSE },
    );
    delete this.snapshot.output;
    this.snapshot.error = 'States.Runtime';
    this.snapshot.cause = HISTORY_LIMIT_CAUSE;
    this.finish('FAILED');
  }

  private end(
    status: 'ABORTED' | 'TIMED_OUT',
    type: HistoryEventType,
    detailsKey: string,
    details: JsonObject,
    error: string | undefined,
    cause: string | undefined,
  ): void {
    // Recorded: ExecutionAborted links to no event; a timeout links to the last one.
    const root = this.threads.get(0);
    const cursor = status === 'ABORTED' || root === undefined ? { last: 0 } : root;
    this.history.write(cursor, type, detailsKey, details);
    if (error !== undefined) this.snapshot.error = error;
    if (cause !== undefined) this.snapshot.cause = cause;
    this.finish(status);
  }

  private finish(status: ExecutionSnapshot['status']): void {
    this.snapshot.status = status;
    const internal = this.threads.internal;
    for (const thread of Object.values(internal.threads)) this.threads.cancelEffects(thread);
    if (internal.timeoutTimer !== null) {
      this.commands.push({ kind: 'cancelTimer', timerId: internal.timeoutTimer });
      internal.timeoutTimer = null;
    }
    internal.threads = {};
    this.stopWork();
  }
}
