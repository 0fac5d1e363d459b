import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, SettableClock, systemClock, type Clock } from './clock.js';
import { ClockRequestError, parseClockMove, parseIso8601, serveClock } from './clock-endpoint.js';

describe('parseClockMove', () => {
  it('reads each of the three forms', () => {
    expect(parseClockMove({ advanceSeconds: 31_536_000 })).toEqual({
      advanceMillis: 31_536_000_000,
    });
    expect(parseClockMove({ advanceSeconds: 1.5 })).toEqual({ advanceMillis: 1500 });
    expect(parseClockMove({ advanceMillis: 900_000 })).toEqual({ advanceMillis: 900_000 });
    expect(parseClockMove({ set: '2030-01-01T00:00:00Z' })).toEqual({
      setMillis: Date.UTC(2030, 0, 1),
    });
    expect(parseClockMove({ set: '2030-01-01T02:00:00.250+02:00' })).toEqual({
      setMillis: Date.UTC(2030, 0, 1) + 250,
    });
    expect(parseClockMove({ set: 1_893_456_000_000 })).toEqual({ setMillis: 1_893_456_000_000 });
  });

  const rejects = (body: unknown): ClockRequestError => {
    try {
      parseClockMove(body);
    } catch (err) {
      if (err instanceof ClockRequestError) return err;
      throw err;
    }
    throw new Error(`accepted ${JSON.stringify(body)}`);
  };

  it.each([
    ['not an object', [1]],
    ['null', null],
    ['no key', {}],
    ['a typo', { advance: 5 }],
    ['two keys', { advanceSeconds: 1, advanceMillis: 1 }],
    ['a string amount', { advanceSeconds: '60' }],
    ['fractional milliseconds', { advanceMillis: 1.5 }],
    ['an infinite amount', { advanceSeconds: 1e308 }],
    ['a date without a zone', { set: '2030-01-01T00:00:00' }],
    ['a date only', { set: '2030-01-01' }],
    ['a day that does not exist', { set: '2030-02-30T00:00:00Z' }],
    ['words', { set: 'next tuesday' }],
    ['fractional epoch millis', { set: 1.5 }],
    ['a boolean', { set: true }],
  ])('refuses %s with 400 InvalidClockRequest', (_what, body) => {
    const err = rejects(body);
    expect(err.status).toBe(400);
    expect(err.code).toBe('InvalidClockRequest');
  });

  it('refuses negative amounts as moves backwards', () => {
    for (const body of [{ advanceSeconds: -1 }, { advanceMillis: -1 }]) {
      const err = rejects(body);
      expect(err.status).toBe(400);
      expect(err.code).toBe('ClockCannotMoveBackwards');
    }
  });

  it('reads ISO-8601 with up to nine fraction digits, as other languages print it', () => {
    expect(parseIso8601('2030-01-01T00:00:00.123456+00:00')).toBe(Date.UTC(2030, 0, 1) + 123);
    expect(parseIso8601('2028-02-29T00:00Z')).toBe(Date.UTC(2028, 1, 29));
    expect(parseIso8601('2030-02-29T00:00Z')).toBeNaN();
  });
});

describe('serveClock over HTTP', () => {
  let server: Server | undefined;
  afterEach(async () => {
    const s = server;
    server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  });

  async function serve(clock: Clock): Promise<string> {
    const s = createServer((req, res) => {
      serveClock(clock, req, res).catch(() => undefined);
    });
    server = s;
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}/_tributary/clock`;
  }

  async function call(
    url: string,
    method: string,
    body?: string,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(url, {
      method,
      body,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
    });
    expect(res.headers.get('content-type')).toBe('application/json');
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  it('reads a clock that is not settable', async () => {
    const url = await serve(new ManualClock(Date.UTC(2030, 0, 1)));
    expect(await call(url, 'GET')).toEqual({
      status: 200,
      json: { now: '2030-01-01T00:00:00.000Z', epochMillis: Date.UTC(2030, 0, 1), settable: false },
    });
  });

  it('answers 403 with a clear message when the clock is not settable', async () => {
    const url = await serve(systemClock);
    const { status, json } = await call(url, 'POST', JSON.stringify({ advanceSeconds: 60 }));
    expect(status).toBe(403);
    expect(json.error).toBe('ClockNotSettable');
    expect(json.message).toContain('--settable-clock');
  });

  it('moves a settable clock forward and answers with the new time', async () => {
    const clock = new SettableClock();
    const url = await serve(clock);
    const before = (await call(url, 'GET')).json;
    expect(before.settable).toBe(true);
    const moved = await call(url, 'POST', JSON.stringify({ advanceSeconds: 31_536_000 }));
    expect(moved.status).toBe(200);
    expect(moved.json.advancedMillis).toBe(31_536_000_000);
    expect(moved.json.epochMillis as number).toBeGreaterThanOrEqual(
      (before.epochMillis as number) + 31_536_000_000,
    );
    expect(moved.json.now).toBe(new Date(moved.json.epochMillis as number).toISOString());
    expect(clock.offsetMillis).toBe(31_536_000_000);

    const set = await call(url, 'POST', JSON.stringify({ set: '2999-01-01T00:00:00Z' }));
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({
      now: '2999-01-01T00:00:00.000Z',
      epochMillis: Date.UTC(2999, 0, 1),
      settable: true,
    });
  });

  it('answers 400 to a move backwards, a bad body and broken JSON, leaving the clock alone', async () => {
    const clock = new SettableClock();
    const url = await serve(clock);
    const back = await call(url, 'POST', JSON.stringify({ set: '2000-01-01T00:00:00Z' }));
    expect(back.status).toBe(400);
    expect(back.json.error).toBe('ClockCannotMoveBackwards');
    expect(back.json.message).toMatch(/^cannot move the clock back to 2000-01-01T00:00:00\.000Z/);
    expect((await call(url, 'POST', JSON.stringify({ advanceSeconds: -5 }))).json.error).toBe(
      'ClockCannotMoveBackwards',
    );
    const bad = await call(url, 'POST', JSON.stringify({ advanceHours: 1 }));
    expect(bad).toMatchObject({ status: 400, json: { error: 'InvalidClockRequest' } });
    expect(await call(url, 'POST', '{"advanceSeconds":')).toMatchObject({
      status: 400,
      json: { error: 'InvalidClockRequest' },
    });
    expect(await call(url, 'POST', 'x'.repeat(64 * 1024))).toMatchObject({
      status: 400,
      json: { error: 'InvalidClockRequest' },
    });
    expect(clock.offsetMillis).toBe(0);
  });

  it('answers 405 to other methods', async () => {
    const url = await serve(new SettableClock());
    const res = await call(url, 'DELETE');
    expect(res).toMatchObject({ status: 405, json: { error: 'MethodNotAllowed' } });
  });
});
