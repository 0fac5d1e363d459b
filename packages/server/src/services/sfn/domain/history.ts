// History events as GetExecutionHistory returns them: the interpreter's events (timestamps in
// milliseconds) with Date timestamps, and without the execution data (input, output and their
// details) when includeExecutionData is false.
import type { HistoryEvent as ApiHistoryEvent } from '../../../protocols/models/sfn.types.js';

const DATA_MEMBERS = ['input', 'inputDetails', 'output', 'outputDetails'];

export function toApiEvent(event: Record<string, unknown> & { timestamp: number }, includeExecutionData: boolean): ApiHistoryEvent {
  const out: Record<string, unknown> = { ...event, timestamp: new Date(event.timestamp) };
  if (!includeExecutionData) {
    for (const [key, value] of Object.entries(out)) {
      if (!key.endsWith('EventDetails') || !value || typeof value !== 'object') continue;
      const details = { ...(value as Record<string, unknown>) };
      for (const m of DATA_MEMBERS) delete details[m];
      out[key] = details;
    }
  }
  return out as unknown as ApiHistoryEvent;
}
