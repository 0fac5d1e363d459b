// Time comes in through a Clock so that tests can move it (visibility, delays, retention, Wait).
export interface Clock {
  now(): number;
  /**
   * True when the clock moves only when told to (ManualClock): real time means nothing to it, so
   * TimerService arms no setTimeout and fires timers only when the clock reports a move. False for
   * clocks that run in real time, whether or not they also jump (SettableClock). When absent, a
   * clock with `onMove` counts as manual, as every such clock was before this flag existed.
   */
  readonly manual?: boolean;
  /**
   * Clocks that can be moved (ManualClock, SettableClock) call `listener` after every move, so that
   * timers can fire at once what became due instead of waiting for real time to catch up.
   * Absent on the system clock. Returns a function that removes the listener.
   */
  onMove?(listener: () => void): () => void;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; for tests. */
export class ManualClock implements Clock {
  readonly manual = true;
  private readonly listeners = new Set<() => void>();

  constructor(private current: number = Date.now()) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
    this.moved();
  }
  set(ms: number): void {
    this.current = ms;
    this.moved();
  }
  onMove(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private moved(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** A move a SettableClock refuses: backwards, or not a whole number of milliseconds in range. */
export class ClockMoveError extends RangeError {
  override name = 'ClockMoveError';
  constructor(
    message: string,
    /** True when the move was refused because it would go back in time. */
    readonly backwards: boolean,
  ) {
    super(message);
  }
}

/** The latest instant a Date can hold; beyond it there is no ISO-8601 form to report. */
export const MAX_CLOCK_MILLIS = 8_640_000_000_000_000;

/** For messages: ISO-8601 where a Date can hold the instant (toISOString throws beyond it). */
const iso = (ms: number): string =>
  Math.abs(ms) <= MAX_CLOCK_MILLIS ? new Date(ms).toISOString() : `${ms} ms since the epoch`;

/**
 * Real time plus an offset that only grows: for a server process whose tests must cross a long
 * wait (a one-year Wait state, a 15-minute SQS delay) without waiting. Between moves it runs in
 * real time, so timers still fire on their own; a move reports to listeners so that whatever
 * became due fires at once. It never goes back: stored deadlines (visibility, delays, timers)
 * and AWS's own guarantees assume time only moves forward.
 */
export class SettableClock implements Clock {
  readonly manual = false;
  private offset = 0;
  private readonly listeners = new Set<() => void>();

  /** `realNow` is the real time underneath (injectable so the clock itself can be tested). */
  constructor(private readonly realNow: () => number = Date.now) {}

  now(): number {
    return this.realNow() + this.offset;
  }

  /** How far ahead of real time the clock runs, in milliseconds. */
  get offsetMillis(): number {
    return this.offset;
  }

  /** Moves the clock forward by `ms` (a whole number, zero or more) and returns the new time. */
  advance(ms: number): number {
    if (typeof ms !== 'number' || !Number.isFinite(ms))
      throw new ClockMoveError(
        `cannot advance the clock by ${String(ms)}: expected a number of milliseconds`,
        false,
      );
    if (ms < 0)
      throw new ClockMoveError(
        `cannot move the clock back (advance by ${ms} ms): time only moves forward`,
        true,
      );
    if (!Number.isSafeInteger(ms))
      throw new ClockMoveError(
        `cannot advance the clock by ${ms} ms: expected a whole number of milliseconds`,
        false,
      );
    const target = this.now() + ms;
    this.checkInRange(target);
    // Added to the offset rather than re-derived from a second read of real time, so the clock
    // jumps by exactly `ms`.
    this.offset += ms;
    this.moved();
    return target;
  }

  /** Moves the clock to `ms` since the epoch (not earlier than now) and returns the new time. */
  set(ms: number): number {
    if (typeof ms !== 'number' || !Number.isSafeInteger(ms))
      throw new ClockMoveError(
        `cannot set the clock to ${String(ms)}: expected whole milliseconds since the epoch`,
        false,
      );
    const current = this.now();
    if (ms < current)
      throw new ClockMoveError(
        `cannot move the clock back to ${iso(ms)}: it is already ${iso(current)}, and time only moves forward`,
        true,
      );
    this.checkInRange(ms);
    // Real time may have gone on since `current` was read; derive the offset from a fresh read so
    // the clock lands exactly on `ms`.
    this.offset = ms - this.realNow();
    this.moved();
    return ms;
  }

  onMove(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private checkInRange(target: number): void {
    if (target > MAX_CLOCK_MILLIS)
      throw new ClockMoveError(
        `cannot move the clock past ${iso(MAX_CLOCK_MILLIS)}, the last instant a date can hold`,
        false,
      );
  }

  private moved(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
