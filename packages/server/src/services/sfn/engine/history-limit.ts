// The 25,000-event history quota of Standard executions, as AWS applies it: events 1 to 24,999 are
// recorded as the machine produced them; event 25,000 may be ExecutionSucceeded, and is otherwise
// replaced by ExecutionFailed (States.Runtime, "The execution reached the maximum number of
// history events (25000).") with previousEventId 24,999, which ends the execution.
import type { ExecutionSnapshot, HistoryEvent, StepResult } from '@tributary/asl';

export const MAX_HISTORY_EVENTS = 25_000;
export const HISTORY_LIMIT_ERROR = 'States.Runtime';
export const HISTORY_LIMIT_CAUSE = `The execution reached the maximum number of history events (${MAX_HISTORY_EVENTS}).`;

export function capHistory(
  result: StepResult,
  now: number,
  limit = MAX_HISTORY_EVENTS,
): StepResult {
  const last = result.snapshot.nextEventId - 1;
  if (last <= limit) return result;
  const kept = result.events.filter((e) => e.id < limit);
  const atLimit = result.events.find((e) => e.id === limit);
  if (atLimit && atLimit.type === 'ExecutionSucceeded' && last === limit) return result;
  const failed: HistoryEvent = {
    id: limit,
    previousEventId: limit - 1,
    timestamp: now,
    type: 'ExecutionFailed',
    executionFailedEventDetails: { error: HISTORY_LIMIT_ERROR, cause: HISTORY_LIMIT_CAUSE },
  };
  const snapshot: ExecutionSnapshot = {
    ...result.snapshot,
    status: 'FAILED',
    nextEventId: limit + 1,
    error: HISTORY_LIMIT_ERROR,
    cause: HISTORY_LIMIT_CAUSE,
  };
  delete snapshot.output;
  return { snapshot, events: [...kept, failed], commands: [] };
}
