import { describe, expect, it } from 'vitest';
import {
  ClockMoveError,
  ManualClock,
  MAX_CLOCK_MILLIS,
  SettableClock,
  systemClock,
} from './clock.js';

/** A SettableClock over a real time the test controls. */
function settable(start = 1_000_000): { clock: SettableClock; tick: (ms: number) => void } {
  let real = start;
  return { clock: new SettableClock(() => real), tick: (ms) => (real += ms) };
}

describe('SettableClock', () => {
  it('runs in real time until moved', () => {
    const { clock, tick } = settable();
    expect(clock.now()).toBe(1_000_000);
    tick(250);
    expect(clock.now()).toBe(1_000_250);
    expect(clock.offsetMillis).toBe(0);
  });

  it('follows the real clock by default', () => {
    const clock = new SettableClock();
    const before = Date.now();
    const now = clock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('advances by exactly the asked amount and keeps running in real time after', () => {
    const { clock, tick } = settable();
    expect(clock.advance(31_536_000_000)).toBe(1_000_000 + 31_536_000_000);
    expect(clock.now()).toBe(1_000_000 + 31_536_000_000);
    tick(10);
    expect(clock.now()).toBe(1_000_010 + 31_536_000_000);
    expect(clock.offsetMillis).toBe(31_536_000_000);
  });

  it('sets an instant at or after now, then runs on from it', () => {
    const { clock, tick } = settable();
    expect(clock.set(5_000_000)).toBe(5_000_000);
    expect(clock.now()).toBe(5_000_000);
    tick(1);
    expect(clock.now()).toBe(5_000_001);
    expect(clock.set(clock.now())).toBe(5_000_001);
  });

  it('refuses to go back, by advance or by set, and stays where it was', () => {
    const { clock } = settable();
    clock.advance(1000);
    const error = (fn: () => unknown): ClockMoveError => {
      try {
        fn();
      } catch (err) {
        if (err instanceof ClockMoveError) return err;
        throw err;
      }
      throw new Error('expected a ClockMoveError');
    };
    const back = error(() => clock.advance(-1));
    expect(back.backwards).toBe(true);
    expect(back.message).toMatch(/back/);
    const earlier = error(() => clock.set(1_000_999));
    expect(earlier.backwards).toBe(true);
    expect(earlier.message).toContain('1970-01-01T00:16:40.999Z');
    expect(clock.now()).toBe(1_001_000);
  });

  it('refuses amounts that are not whole milliseconds or leave the range of a date', () => {
    const { clock } = settable();
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 1.5]) {
      expect(() => clock.advance(bad)).toThrow(ClockMoveError);
    }
    expect(() => clock.set(2.5e6 + 0.5)).toThrow(ClockMoveError);
    expect(() => clock.set(MAX_CLOCK_MILLIS + 1)).toThrow(/last instant/);
    expect(() => clock.set(-9_000_000_000_000_000)).toThrow(
      /back to -9000000000000000 ms since the epoch/,
    );
    expect(() => clock.advance(MAX_CLOCK_MILLIS)).toThrow(/last instant/);
    expect(clock.offsetMillis).toBe(0);
  });

  it('reports every move, including a move of nothing, until the listener is removed', () => {
    const { clock } = settable();
    const seen: number[] = [];
    const off = clock.onMove(() => seen.push(clock.now()));
    clock.advance(5);
    clock.advance(0);
    clock.set(2_000_000);
    off();
    clock.advance(1);
    expect(seen).toEqual([1_000_005, 1_000_005, 2_000_000]);
  });

  it('reports nothing for a refused move', () => {
    const { clock } = settable();
    let moves = 0;
    clock.onMove(() => moves++);
    expect(() => clock.advance(-5)).toThrow(ClockMoveError);
    expect(() => clock.set(0)).toThrow(ClockMoveError);
    expect(moves).toBe(0);
  });

  it('says it runs in real time; ManualClock says it is manual; the system clock says nothing', () => {
    expect(new SettableClock().manual).toBe(false);
    expect(new ManualClock(0).manual).toBe(true);
    expect(systemClock.manual).toBeUndefined();
    expect(systemClock.onMove).toBeUndefined();
  });
});

describe('ManualClock', () => {
  it('still moves anywhere it is told, backwards too', () => {
    const clock = new ManualClock(1000);
    let moves = 0;
    clock.onMove(() => moves++);
    clock.advance(500);
    clock.set(10);
    expect(clock.now()).toBe(10);
    expect(moves).toBe(2);
  });
});
