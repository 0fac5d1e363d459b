import type { ExecutionSnapshot, HistoryEvent, HistoryEventType, StepResult } from '@tributary/asl';
import { describe, expect, it } from 'vitest';
import { capHistory, HISTORY_LIMIT_CAUSE } from './history-limit.js';

function result(
  firstId: number,
  types: HistoryEventType[],
  status: ExecutionSnapshot['status'] = 'RUNNING',
): StepResult {
  const events: HistoryEvent[] = types.map((type, i) => ({
    id: firstId + i,
    previousEventId: firstId + i - 1,
    timestamp: 1,
    type,
  }));
  return {
    snapshot: { version: 1, status, nextEventId: firstId + types.length, internal: {} },
    events,
    commands: [{ kind: 'startTimer', timerId: 't', fireAt: 10 }],
  };
}

describe('capHistory', () => {
  it('leaves a step that stays within 25,000 events alone', () => {
    const r = result(24_990, ['PassStateEntered', 'PassStateExited']);
    expect(capHistory(r, 5)).toBe(r);
  });

  it('lets event 25,000 be ExecutionSucceeded', () => {
    const r = result(24_999, ['PassStateExited', 'ExecutionSucceeded'], 'SUCCEEDED');
    expect(capHistory(r, 5)).toBe(r);
  });

  it('replaces event 25,000 and later by ExecutionFailed with AWS error and cause', () => {
    const capped = capHistory(
      result(24_998, [
        'ChoiceStateEntered',
        'ChoiceStateExited',
        'PassStateEntered',
        'PassStateExited',
      ]),
      77,
    );
    expect(capped.events.map((e) => [e.id, e.type])).toEqual([
      [24_998, 'ChoiceStateEntered'],
      [24_999, 'ChoiceStateExited'],
      [25_000, 'ExecutionFailed'],
    ]);
    expect(capped.events.at(-1)).toMatchObject({
      previousEventId: 24_999,
      timestamp: 77,
      executionFailedEventDetails: { error: 'States.Runtime', cause: HISTORY_LIMIT_CAUSE },
    });
    expect(capped.snapshot).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      nextEventId: 25_001,
    });
    expect(capped.commands).toEqual([]);
  });
});
