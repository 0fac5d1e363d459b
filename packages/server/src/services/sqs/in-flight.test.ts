import { describe, expect, it } from 'vitest';
import { InFlightLimit } from './in-flight.js';

/** A count that reports `value` and remembers how often it was asked. */
function counter(value: number) {
  const c = { value, calls: 0, count: () => { c.calls++; return Promise.resolve(c.value); } };
  return c;
}

describe('InFlightLimit', () => {
  it('counts a queue exactly the first time, then adds receives to that figure without counting again', async () => {
    const limit = new InFlightLimit(10);
    const c = counter(4);
    expect(await limit.reached(1, 0, c.count)).toBe(false);
    limit.received(1, 5);
    expect(await limit.reached(1, 10, c.count)).toBe(false);
    expect(c.calls).toBe(1);
  });

  it('reports the quota reached once the bound reaches it, and counts again only after a second', async () => {
    const limit = new InFlightLimit(10);
    const c = counter(9);
    await limit.reached(1, 0, c.count);
    limit.received(1, 1);
    // Counted at 0 ms: more than a second ago at 1,000 ms, so the bound is checked against a count.
    c.value = 10;
    expect(await limit.reached(1, 1_000, c.count)).toBe(true);
    expect(c.calls).toBe(2);
    c.value = 3;
    expect(await limit.reached(1, 1_500, c.count)).toBe(true);
    expect(c.calls).toBe(2);
    expect(await limit.reached(1, 2_000, c.count)).toBe(false);
    expect(c.calls).toBe(3);
  });

  it('keeps each queue apart, and forgets a queue that is reset', async () => {
    const limit = new InFlightLimit(2);
    const c = counter(0);
    await limit.reached(1, 0, c.count);
    limit.received(1, 2);
    expect(await limit.reached(1, 0, c.count)).toBe(true);
    expect(await limit.reached(2, 0, c.count)).toBe(false);
    limit.reset(1);
    expect(await limit.reached(1, 0, c.count)).toBe(false);
  });

  it('ignores receives on a queue it has not counted yet (the first count includes them)', async () => {
    const limit = new InFlightLimit(2);
    limit.received(1, 5);
    expect(await limit.reached(1, 0, counter(1).count)).toBe(false);
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => new InFlightLimit(0)).toThrow(RangeError);
    expect(() => new InFlightLimit(1.5)).toThrow(RangeError);
  });
});
