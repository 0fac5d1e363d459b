// Numbering history events the way AWS does. Every event gets the next id; its previousEventId is
// the event that caused it, which AWS tracks per thread of control (the execution, each Parallel
// branch, each Map iteration). A thread's pointer moves to each event it writes, except for the
// few events AWS writes "beside" the flow (ExecutionStarted, MapIterationSucceeded/Failed,
// Map/ParallelStateSucceeded), which later events do not point at.

import type { JsonObject } from '../paths/json.js';
import type { HistoryEvent, HistoryEventType } from './types.js';

/** Where a thread's next event links to. */
export interface EventCursor {
  last: number;
}

/** Standard executions end when their history would pass 25,000 events (AWS quota). */
export const MAX_HISTORY_EVENTS = 25_000;
export const HISTORY_LIMIT_CAUSE = `The execution reached the maximum number of history events (${MAX_HISTORY_EVENTS}).`;

/** Thrown when the next event would pass the history quota; the interpreter then fails the execution. */
export class HistoryLimitReached extends Error {}

const FINAL_EVENTS: ReadonlySet<HistoryEventType> = new Set([
  'ExecutionSucceeded',
  'ExecutionFailed',
  'ExecutionAborted',
  'ExecutionTimedOut',
]);

export class HistoryWriter {
  readonly events: HistoryEvent[] = [];

  constructor(
    public nextId: number,
    private readonly now: number,
    readonly enabled: boolean,
  ) {}

  /**
   * Appends an event; `advance: false` leaves the cursor where it was. Returns the event id
   * (ids are consumed even when history is off, so numbering never depends on that switch).
   */
  write(
    cursor: EventCursor,
    type: HistoryEventType,
    detailsKey?: string,
    details?: JsonObject,
    advance = true,
  ): number {
    // Recorded: event 25,000 may still end the execution; anything else there fails it instead.
    if (this.enabled && this.nextId >= MAX_HISTORY_EVENTS && !(this.nextId === MAX_HISTORY_EVENTS && FINAL_EVENTS.has(type))) {
      throw new HistoryLimitReached();
    }
    const id = this.nextId++;
    if (this.enabled) {
      const event: Record<string, unknown> = { id, previousEventId: cursor.last, timestamp: this.now, type };
      if (detailsKey !== undefined && details !== undefined) event[detailsKey] = details;
      this.events.push(event as unknown as HistoryEvent);
    }
    if (advance) cursor.last = id;
    return id;
  }
}

/** `{ "truncated": false }`: we never cut payloads short (a too large one fails the state instead). */
export const NOT_TRUNCATED: JsonObject = { truncated: false };

export function payloadDetails(key: 'input' | 'output', text: string): JsonObject {
  return key === 'input' ? { input: text, inputDetails: NOT_TRUNCATED } : { output: text, outputDetails: NOT_TRUNCATED };
}
