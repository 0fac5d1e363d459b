import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from './clock.js';
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
