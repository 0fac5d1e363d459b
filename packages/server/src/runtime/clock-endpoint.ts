// `/_tributary/clock`: GET reads the server's clock; POST moves it forward when the server runs a
// SettableClock (--settable-clock). Test suites in any language drive it with plain HTTP, so the
// contract is small JSON both ways, and every refusal is JSON too: {"error": code, "message"}.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClockMoveError, MAX_CLOCK_MILLIS, SettableClock, type Clock } from './clock.js';

/** Far more than any valid body; a bigger one is a mistake, not a request to buffer. */
const MAX_BODY_BYTES = 16 * 1024;

export interface ClockView {
  now: string;
  epochMillis: number;
  settable: boolean;
}

/** What a POST asks for, in milliseconds. */
export type ClockMove = { advanceMillis: number } | { setMillis: number };

export class ClockRequestError extends Error {
  override name = 'ClockRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const invalid = (message: string): ClockRequestError =>
  new ClockRequestError(400, 'InvalidClockRequest', message);

/**
 * ISO-8601 date and time with an explicit zone (without one, Date.parse would read local time);
 * up to nine fraction digits, as other languages print them (Python's isoformat gives six).
 */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Milliseconds since the epoch for an ISO-8601 string, or NaN. */
export function parseIso8601(text: string): number {
  const m = ISO_8601.exec(text);
  if (!m) return NaN;
  // Date.parse rolls 2030-02-30 over into March; a test that asks for it has made a mistake.
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
    return NaN;
  return Date.parse(text);
}

const ACCEPTED =
  '{"advanceSeconds": n}, {"advanceMillis": n} or {"set": "<ISO-8601>" | epochMillis}';

/** Reads a POST body (already parsed JSON) into a move; throws ClockRequestError (400) otherwise. */
export function parseClockMove(body: unknown): ClockMove {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalid(`The body must be a JSON object: ${ACCEPTED}.`);
  const keys = Object.keys(body);
  const record = body as Record<string, unknown>;
  // One key exactly, so that a typo ("advance") is an error rather than a silent no-op.
  if (keys.length !== 1 || !['advanceSeconds', 'advanceMillis', 'set'].includes(keys[0]!)) {
    throw invalid(
      `The body must hold exactly one of ${ACCEPTED}; got ${keys.length === 0 ? 'no key' : keys.map((k) => JSON.stringify(k)).join(', ')}.`,
    );
  }
  const key = keys[0]!;
  const value = record[key];
  if (key === 'set') {
    if (typeof value === 'string') {
      const ms = parseIso8601(value);
      if (!Number.isFinite(ms) || ms < 0)
        throw invalid(
          `set: expected an ISO-8601 date and time with a zone (e.g. "2030-01-01T00:00:00Z"), got ${JSON.stringify(value)}.`,
        );
      return { setMillis: ms };
    }
    if (
      typeof value === 'number' &&
      Number.isSafeInteger(value) &&
      value >= 0 &&
      value <= MAX_CLOCK_MILLIS
    )
      return { setMillis: value };
    throw invalid(
      `set: expected an ISO-8601 string or whole milliseconds since the epoch, got ${JSON.stringify(value)}.`,
    );
  }
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw invalid(`${key}: expected a number, got ${JSON.stringify(value)}.`);
  if (value < 0)
    throw new ClockRequestError(
      400,
      'ClockCannotMoveBackwards',
      `${key}: ${value} would move the clock back; time only moves forward.`,
    );
  if (key === 'advanceMillis') {
    if (!Number.isSafeInteger(value))
      throw invalid(`advanceMillis: expected a whole number of milliseconds, got ${value}.`);
    return { advanceMillis: value };
  }
  // Seconds may be fractional; the clock counts whole milliseconds.
  const ms = Math.round(value * 1000);
  if (!Number.isSafeInteger(ms)) throw invalid(`advanceSeconds: ${value} is too large.`);
  return { advanceMillis: ms };
}

export function clockView(clock: Clock): ClockView {
  const epochMillis = clock.now();
  return {
    now: new Date(epochMillis).toISOString(),
    epochMillis,
    settable: clock instanceof SettableClock,
  };
}

/** Applies a move to a SettableClock; a refused move becomes a ClockRequestError (400). */
export function applyClockMove(clock: SettableClock, move: ClockMove): number {
  try {
    return 'advanceMillis' in move ? clock.advance(move.advanceMillis) : clock.set(move.setMillis);
  } catch (err) {
    if (err instanceof ClockMoveError)
      throw new ClockRequestError(
        400,
        err.backwards ? 'ClockCannotMoveBackwards' : 'InvalidClockRequest',
        `${err.message}.`,
      );
    throw err;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep reading (and dropping) so the reply can still be sent on this connection.
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(invalid(`The body must be at most ${MAX_BODY_BYTES} bytes.`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function reply(
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export interface ClockEndpointOptions {
  /** Called after a move with how far it went and the time it landed on (for the log). */
  moved?: (advancedMillis: number, to: number) => void;
}

/** Serves GET and POST /_tributary/clock. */
export async function serveClock(
  clock: Clock,
  req: IncomingMessage,
  res: ServerResponse,
  options: ClockEndpointOptions = {},
): Promise<void> {
  try {
    if (req.method === 'GET' || req.method === 'HEAD') {
      reply(res, 200, clockView(clock));
      return;
    }
    if (req.method !== 'POST') {
      throw new ClockRequestError(
        405,
        'MethodNotAllowed',
        `${String(req.method)} is not supported on /_tributary/clock: use GET to read the clock or POST to move it.`,
      );
    }
    const text = await readBody(req);
    if (!(clock instanceof SettableClock)) {
      throw new ClockRequestError(
        403,
        'ClockNotSettable',
        'This server\'s clock runs in real time and cannot be moved. Start the server with --settable-clock (or TRIBUTARY_SETTABLE_CLOCK=true, or "settableClock": true in the config file) to move it from tests.',
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw invalid(`The body is not JSON; expected ${ACCEPTED}.`);
    }
    const move = parseClockMove(body);
    const offsetBefore = clock.offsetMillis;
    const to = applyClockMove(clock, move);
    // How far the move took the clock beyond where real time alone would have (a `set` to the
    // current time can come out a millisecond short while real time ticks on: that is no move).
    const advancedMillis = Math.max(0, clock.offsetMillis - offsetBefore);
    options.moved?.(advancedMillis, to);
    // The time the move landed on, not a fresh read: real time has gone on by a millisecond or so.
    const view: ClockView & { advancedMillis: number } = {
      now: new Date(to).toISOString(),
      epochMillis: to,
      settable: true,
      advancedMillis,
    };
    reply(res, 200, view);
  } catch (err) {
    if (res.headersSent) throw err;
    if (err instanceof ClockRequestError) {
      reply(
        res,
        err.status,
        { error: err.code, message: err.message },
        err.status === 405 ? { allow: 'GET, HEAD, POST' } : {},
      );
      return;
    }
    // E.g. a listener of the clock failed while reacting to a move (the move itself stands): answer
    // in the endpoint's shape, and let the caller log it.
    reply(res, 500, {
      error: 'InternalError',
      message: `The request failed: ${err instanceof Error ? err.message : String(err)}`,
    });
    throw err;
  }
}
