import { describe, expect, it } from 'vitest';
import { toApiEvent } from './history.js';

const stored = {
  id: 2,
  previousEventId: 1,
  timestamp: 1_700_000_000_500,
  type: 'PassStateEntered',
  stateEnteredEventDetails: { name: 'A', input: '{"x":1}', inputDetails: { truncated: false } },
};

describe('toApiEvent', () => {
  it('turns the millisecond timestamp into a Date', () => {
    expect(toApiEvent(stored, true)).toMatchObject({
      id: 2,
      timestamp: new Date(1_700_000_000_500),
      stateEnteredEventDetails: { input: '{"x":1}' },
    });
  });

  it('drops input and output and their details without execution data', () => {
    expect(toApiEvent(stored, false).stateEnteredEventDetails).toEqual({ name: 'A' });
  });
});
