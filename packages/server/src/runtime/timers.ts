// Timers against the injected Clock. On a clock that runs in real time (the system clock, a
// SettableClock) one setTimeout is armed for the earliest deadline (re-armed in steps, since
// setTimeout cannot wait longer than ~24.8 days). On a manual clock (ManualClock) nothing waits on
// real time, which means nothing to it. Either way, a clock that reports its moves has every move
// fire what became due, so a test can cross a one-year Wait with one clock.advance(); a clock that
// runs in real time and can also jump (SettableClock) then re-arms for the new earliest deadline.
import type { Clock } from './clock.js';

/** The longest delay setTimeout accepts (2^31 - 1 ms); longer waits are re-armed. */
const MAX_DELAY_MS = 2_147_483_647;

interface Entry {
  key: string;
  at: number;
  seq: number;
  fire: () => void;
}

export class TimerService {
  private readonly entries = new Map<string, Entry>();
  private handle: NodeJS.Timeout | undefined;
  private armedFor = Infinity;
  private seq = 0;
  private stopped = false;
  private readonly unsubscribe: (() => void) | undefined;
  private readonly manual: boolean;

  constructor(private readonly clock: Clock) {
    // A clock that does not say is manual if it reports moves: the meaning `onMove` had before
    // Clock.manual existed, kept for clocks written against that interface.
    this.manual = clock.manual ?? typeof clock.onMove === 'function';
    this.unsubscribe = clock.onMove?.(() => this.runDue());
  }

  /** Calls `fire` once the clock reaches `at`; a timer with the same key is replaced. */
  schedule(key: string, at: number, fire: () => void): void {
    if (this.stopped) return;
    this.entries.set(key, { key, at, seq: this.seq++, fire });
    if (at <= this.clock.now()) {
      // Due already (an overdue timer found at start-up): fire on the next turn, not inside the caller.
      setImmediate(() => this.runDue());
      return;
    }
    this.arm();
  }

  cancel(key: string): void {
    this.entries.delete(key);
  }

  /** Cancels every timer whose key starts with `prefix`. */
  cancelPrefix(prefix: string): void {
    for (const key of [...this.entries.keys()])
      if (key.startsWith(prefix)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
    this.entries.clear();
  }

  private runDue(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    const due = [...this.entries.values()]
      .filter((e) => e.at <= now)
      .sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const e of due) {
      // A timer replaced or cancelled by an earlier callback of this round does not fire.
      if (this.entries.get(e.key) !== e) continue;
      this.entries.delete(e.key);
      e.fire();
    }
    this.armedFor = Infinity;
    this.arm();
  }

  private arm(): void {
    if (this.manual || this.stopped) return;
    let next = Infinity;
    for (const e of this.entries.values()) if (e.at < next) next = e.at;
    if (next === Infinity) {
      if (this.handle) clearTimeout(this.handle);
      this.handle = undefined;
      this.armedFor = Infinity;
      return;
    }
    if (this.handle && this.armedFor <= next) return;
    if (this.handle) clearTimeout(this.handle);
    this.armedFor = next;
    const delay = Math.min(Math.max(next - this.clock.now(), 0), MAX_DELAY_MS);
    this.handle = setTimeout(() => {
      this.handle = undefined;
      this.runDue();
    }, delay);
    // Timers never keep the process alive on their own: the server's socket does.
    this.handle.unref();
  }
}
