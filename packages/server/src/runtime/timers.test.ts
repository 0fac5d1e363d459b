import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, SettableClock, systemClock, type Clock } from './clock.js';
import { TimerService } from './timers.js';

const services: TimerService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.stop();
});

function timers(clock = new ManualClock(0)): { clock: ManualClock; t: TimerService } {
  const t = new TimerService(clock);
  services.push(t);
  return { clock, t };
}

describe('TimerService on a ManualClock', () => {
  it('fires a timer a year away as soon as the clock is advanced past it', () => {
    const { clock, t } = timers();
    const fired: string[] = [];
    t.schedule('a', 365 * 24 * 3600_000, () => fired.push('a'));
    clock.advance(365 * 24 * 3600_000 - 1);
    expect(fired).toEqual([]);
    clock.advance(1);
    expect(fired).toEqual(['a']);
    expect(t.size).toBe(0);
  });

  it('fires due timers in deadline order and skips cancelled ones', () => {
    const { clock, t } = timers();
    const fired: string[] = [];
    t.schedule('late', 300, () => fired.push('late'));
    t.schedule('early', 100, () => fired.push('early'));
    t.schedule('gone', 200, () => fired.push('gone'));
    t.cancel('gone');
    clock.set(1000);
    expect(fired).toEqual(['early', 'late']);
  });

  it('replaces a timer scheduled again under the same key', () => {
    const { clock, t } = timers();
    const fired: number[] = [];
    t.schedule('k', 100, () => fired.push(1));
    t.schedule('k', 500, () => fired.push(2));
    clock.advance(200);
    expect(fired).toEqual([]);
    clock.advance(300);
    expect(fired).toEqual([2]);
  });

  it('fires an overdue timer on the next turn of the event loop', async () => {
    const { t } = timers(new ManualClock(1000));
    const fired = new Promise<string>((resolve) => t.schedule('old', 10, () => resolve('old')));
    expect(await fired).toBe('old');
  });

  it('cancels by key prefix', () => {
    const { clock, t } = timers();
    const fired: string[] = [];
    t.schedule('x:1', 10, () => fired.push('x:1'));
    t.schedule('x:2', 10, () => fired.push('x:2'));
    t.schedule('y:1', 10, () => fired.push('y:1'));
    t.cancelPrefix('x:');
    clock.advance(10);
    expect(fired).toEqual(['y:1']);
  });
});

describe('TimerService on the system clock', () => {
  it('fires after the real delay', async () => {
    const t = new TimerService(systemClock);
    services.push(t);
    const started = Date.now();
    await new Promise<void>((resolve) => t.schedule('s', Date.now() + 30, resolve));
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with what `start` resolves, or rejects after `ms` of real time. */
function within<T>(ms: number, start: (resolve: (value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms);
    start((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

describe('TimerService on a SettableClock', () => {
  function settableTimers(): { clock: SettableClock; t: TimerService } {
    const clock = new SettableClock();
    const t = new TimerService(clock);
    services.push(t);
    return { clock, t };
  }

  it('fires a future timer in real time, with no move at all', async () => {
    const { clock, t } = settableTimers();
    const started = Date.now();
    await within(2000, (resolve) => t.schedule('s', clock.now() + 40, () => resolve(undefined)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('fires what an advance makes due at once, in deadline order, and leaves the rest waiting', () => {
    const { clock, t } = settableTimers();
    const fired: string[] = [];
    const now = clock.now();
    t.schedule('year', now + 365 * 24 * 3600_000, () => fired.push('year'));
    t.schedule('hour', now + 3600_000, () => fired.push('hour'));
    t.schedule('minute', now + 60_000, () => fired.push('minute'));
    clock.advance(3600_000);
    expect(fired).toEqual(['minute', 'hour']);
    expect(t.size).toBe(1);
    clock.advance(365 * 24 * 3600_000);
    expect(fired).toEqual(['minute', 'hour', 'year']);
    expect(t.size).toBe(0);
  });

  it('re-arms after a move, so a deadline brought close fires in real time', async () => {
    const { clock, t } = settableTimers();
    const fired: string[] = [];
    const done = within<number>(2000, (resolve) =>
      t.schedule('ten-minutes', clock.now() + 600_000, () => {
        fired.push('ten-minutes');
        resolve(Date.now());
      }),
    );
    // The real setTimeout armed for ten minutes must not be what fires it.
    clock.advance(600_000 - 50);
    expect(fired).toEqual([]);
    const movedAt = Date.now();
    expect((await done) - movedAt).toBeGreaterThanOrEqual(40);
  });

  it('fires a timer scheduled after a move in real time too', async () => {
    const { clock, t } = settableTimers();
    clock.advance(24 * 3600_000);
    await within(2000, (resolve) =>
      t.schedule('after', clock.now() + 30, () => resolve(undefined)),
    );
    expect(t.size).toBe(0);
  });

  it('refuses to go back and fires nothing then', () => {
    const { clock, t } = settableTimers();
    const fired: string[] = [];
    t.schedule('k', clock.now() + 60_000, () => fired.push('k'));
    expect(() => clock.advance(-60_000)).toThrow(/back/);
    expect(() => clock.set(clock.now() - 1000)).toThrow(/back/);
    expect(fired).toEqual([]);
    expect(t.size).toBe(1);
  });

  it('stops listening to the clock when stopped', () => {
    const { clock, t } = settableTimers();
    const fired: string[] = [];
    t.schedule('k', clock.now() + 1000, () => fired.push('k'));
    t.stop();
    clock.advance(2000);
    expect(fired).toEqual([]);
  });
});

describe('TimerService and the manual flag', () => {
  it('arms no real timer on a ManualClock: real time passing fires nothing', async () => {
    const clock = new ManualClock(Date.now());
    const t = new TimerService(clock);
    services.push(t);
    const fired: string[] = [];
    t.schedule('k', clock.now() + 20, () => fired.push('k'));
    await sleep(80);
    expect(fired).toEqual([]);
    clock.advance(20);
    expect(fired).toEqual(['k']);
  });

  it('treats a clock that reports moves but does not say as manual, as before the flag', async () => {
    const real = Date.now();
    const clock: Clock = { now: () => real, onMove: () => () => undefined };
    const t = new TimerService(clock);
    services.push(t);
    const fired: string[] = [];
    // Deadline in the past of real time yet in the future of this clock: only a real timer could fire it.
    t.schedule('k', real + 20, () => fired.push('k'));
    await sleep(80);
    expect(fired).toEqual([]);
  });

  it('arms real timers on a clock that reports moves and says it is not manual', async () => {
    const clock: Clock = { manual: false, now: () => Date.now(), onMove: () => () => undefined };
    const t = new TimerService(clock);
    services.push(t);
    await within(2000, (resolve) => t.schedule('k', Date.now() + 20, () => resolve(undefined)));
  });
});
