// Time comes in through a Clock so that tests can move it (visibility, delays, retention, Wait).
export interface Clock {
  now(): number;
  /**
   * Clocks that move only when told to (ManualClock) call `listener` after every move, so that
   * timers can fire at once instead of waiting for real time that means nothing to them.
   * Absent on the system clock. Returns a function that removes the listener.
   */
  onMove?(listener: () => void): () => void;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; for tests. */
export class ManualClock implements Clock {
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
