// Timestamps as Step Functions reads them at run time (Wait Timestamp/TimestampPath, Choice
// Timestamp* and IsTimestamp) and the Wait state's wake-up time.
//
// AWS's runtime message "does not reference a valid ISO-8601 extended offset date-time format
// string" is the Javadoc phrase of java.time's ISO_OFFSET_DATE_TIME, and everything recorded fits
// that parser: 0, 2, 6 and 9 fractional digits are accepted, a missing offset, a space instead of
// 'T', month 13, hour 25 and "05-12-2016T..." are refused. So the grammar below is that
// formatter's (strict resolution, case-insensitive), which differs from the definition-time RFC
// 3339 check in a few corners nothing recorded covers: seconds may be left out ("T01:59Z"), at most
// nine fractional digits, no leap second (":60"), 't'/'z' accepted, offsets up to ±18:00 with
// optional seconds, years beyond 9999 written with a '+'.

import type { WaitState } from '../definition/types.js';
import { PathNotFoundError, StatesError } from '../paths/errors.js';
import { toJsonText, type JsonValue } from '../paths/json.js';
import { evaluatePath, type PathScope } from '../paths/jsonpath.js';

/** An instant with the full precision AWS parses (nanoseconds), for exact comparisons. */
export interface TimestampInstant {
  /** Whole seconds since 1970-01-01T00:00:00Z (floor). */
  readonly epochSecond: number;
  /** 0 to 999 999 999. */
  readonly nano: number;
}

const TIMESTAMP =
  /^([+-]?)(\d{4,10})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)$/;

const MAX_YEAR = 999_999_999;
const MAX_OFFSET_SECONDS = 18 * 3600;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (the civil-from-days inverse, any year). */
function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Parses a timestamp exactly as AWS does at run time; undefined when AWS would refuse it.
 * Keeps nanoseconds, which Choice's Timestamp* comparisons need.
 */
export function parseTimestampInstant(text: string): TimestampInstant | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [, sign = '', yearDigits = '', mo = '', d = '', h = '', mi = '', s, fraction, zulu, offSign, offH, offM, offS] = m;
  // Java's year field (4 to 10 digits, SignStyle.EXCEEDS_PAD, strict): a sign is required past
  // four digits and refused within them when it is '+'; "-0000" is refused.
  if (sign === '+' && yearDigits.length <= 4) return undefined;
  if (sign === '' && yearDigits.length > 4) return undefined;
  const magnitude = Number(yearDigits);
  if (magnitude > MAX_YEAR) return undefined;
  if (sign === '-' && magnitude === 0) return undefined;
  const year = sign === '-' ? -magnitude : magnitude;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = 0;
  if (zulu === undefined) {
    const oh = Number(offH);
    const om = Number(offM);
    const os = offS === undefined ? 0 : Number(offS);
    if (oh > 59 || om > 59 || os > 59) return undefined;
    offset = oh * 3600 + om * 60 + os;
    if (offset > MAX_OFFSET_SECONDS) return undefined;
    if (offSign === '-') offset = -offset;
  }
  const nano = fraction === undefined ? 0 : Number(fraction.padEnd(9, '0'));
  const epochSecond = epochDay(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
  return { epochSecond, nano };
}

/** Milliseconds since the epoch (sub-millisecond digits dropped), or undefined when AWS would refuse the text. */
export function parseTimestamp(text: string): number | undefined {
  const instant = parseTimestampInstant(text);
  if (!instant) return undefined;
  return instant.epochSecond * 1000 + Math.floor(instant.nano / 1_000_000);
}

/** Orders two instants: negative, zero or positive. */
export function compareTimestamps(a: TimestampInstant, b: TimestampInstant): number {
  if (a.epochSecond !== b.epochSecond) return a.epochSecond < b.epochSecond ? -1 : 1;
  return a.nano === b.nano ? 0 : a.nano < b.nano ? -1 : 1;
}

/** True for a string AWS reads as a timestamp (Choice IsTimestamp). */
export function isTimestamp(value: JsonValue): boolean {
  return typeof value === 'string' && parseTimestampInstant(value) !== undefined;
}

// ---- Wait -------------------------------------------------------------------------------------

/**
 * The longest delay AWS accepts, in seconds. Recorded: a timestamp 24855 days ahead waits, 24856
 * days ahead fails with "Wait state delay is too long."; 2^31 − 1 seconds is 24855.13 days.
 */
export const MAX_WAIT_SECONDS = 2_147_483_647;

/** States.Runtime cause when the wake-up time is further away than MAX_WAIT_SECONDS (recorded). */
export const WAIT_DELAY_TOO_LONG = 'Wait state delay is too long.';

const LONG_LIMIT = 2 ** 63;

/** Why a seconds value cannot be waited for; see checkWaitSeconds. */
export type WaitSecondsProblem = 'notLong' | 'negative' | 'tooLong';

/**
 * Checks a number of seconds to wait (SecondsPath's value, or a JSONata Seconds result): it must
 * be an integer Java can hold in a long, not negative, and at most MAX_WAIT_SECONDS. Recorded for
 * SecondsPath: 1.5 and -1.5 are "cannot be parsed as a long value" (so integrality is checked
 * before the sign), -1 is "a negative value". Non-numbers count as not parseable: the corpus has
 * none, and AWS's schema types the literal field as an integer.
 */
export function checkWaitSeconds(value: JsonValue): { seconds: number } | { problem: WaitSecondsProblem } {
  if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) >= LONG_LIMIT) return { problem: 'notLong' };
  if (value < 0) return { problem: 'negative' };
  if (value > MAX_WAIT_SECONDS) return { problem: 'tooLong' };
  return { seconds: value };
}

/** True when waking at `fireAt` (ms) is further from `now` (ms) than AWS allows. */
export function isWaitTooLong(fireAt: number, now: number): boolean {
  return fireAt - now > MAX_WAIT_SECONDS * 1000;
}

/** A JSONPath-mode Wait state could not compute its wake-up time (States.Runtime). */
export class WaitStateError extends StatesError {
  /** Seconds, SecondsPath, Timestamp or TimestampPath. */
  readonly field: string;

  constructor(field: string, cause: string) {
    super('States.Runtime', cause);
    this.name = 'WaitStateError';
    this.field = field;
  }
}

/** How AWS prints the offending value after "==": text as is, anything else as JSON. */
function describeValue(value: JsonValue): string {
  return typeof value === 'string' ? value : toJsonText(value);
}

function readPath(field: 'SecondsPath' | 'TimestampPath', path: string, input: JsonValue, scope: PathScope): JsonValue {
  try {
    return evaluatePath(path, input, scope);
  } catch (error) {
    if (!(error instanceof PathNotFoundError)) throw error;
    // Recorded for SecondsPath; TimestampPath is assumed to use the same wording (not recorded).
    throw new WaitStateError(field, `The ${field} parameter does not reference an input value: ${path}`);
  }
}

function fromTimestamp(field: 'Timestamp' | 'TimestampPath', text: JsonValue, source: string, now: number): number {
  const instant = typeof text === 'string' ? parseTimestamp(text) : undefined;
  if (instant === undefined) {
    // Recorded for TimestampPath. A literal Timestamp already passed the definition's RFC 3339
    // check, so only a leap second (":60") reaches here; AWS's wording for that is not recorded.
    const subject = field === 'TimestampPath' ? `${source} == ${describeValue(text)}` : describeValue(text);
    throw new WaitStateError(
      field,
      `The ${field} parameter does not reference a valid ISO-8601 extended offset date-time format string: ${subject}`,
    );
  }
  if (isWaitTooLong(instant, now)) throw new WaitStateError(field, WAIT_DELAY_TOO_LONG);
  return Math.max(instant, now);
}

/**
 * When a JSONPath-mode Wait state wakes up, in ms since the epoch (never before `now`), given the
 * state's effective input (after InputPath) and the time it was entered. Throws WaitStateError
 * with AWS's States.Runtime causes (without the "An error occurred while executing the state ..."
 * prefix). A JSONata-mode state's Seconds/Timestamp expressions must be evaluated by the caller,
 * which can reuse checkWaitSeconds, parseTimestamp and isWaitTooLong.
 */
export function waitUntil(state: WaitState, input: JsonValue, scope: PathScope, now: number): number {
  if (state.SecondsPath !== undefined) {
    const path = state.SecondsPath;
    const value = readPath('SecondsPath', path, input, scope);
    const checked = checkWaitSeconds(value);
    if ('problem' in checked) {
      const subject = `${path} == ${describeValue(value)}`;
      switch (checked.problem) {
        case 'notLong':
          throw new WaitStateError('SecondsPath', `The SecondsPath parameter cannot be parsed as a long value: ${subject}`);
        case 'negative':
          throw new WaitStateError('SecondsPath', `The SecondsPath parameter references a negative value: ${subject}`);
        case 'tooLong':
          throw new WaitStateError('SecondsPath', WAIT_DELAY_TOO_LONG);
      }
    }
    return now + checked.seconds * 1000;
  }
  if (state.TimestampPath !== undefined) {
    const path = state.TimestampPath;
    return fromTimestamp('TimestampPath', readPath('TimestampPath', path, input, scope), path, now);
  }
  if (state.Timestamp !== undefined) {
    if (isJsonataExpression(state.Timestamp)) throw new Error('waitUntil: a JSONata Timestamp expression must be evaluated by the caller');
    return fromTimestamp('Timestamp', state.Timestamp, 'Timestamp', now);
  }
  if (typeof state.Seconds === 'number') return now + state.Seconds * 1000;
  if (typeof state.Seconds === 'string') throw new Error('waitUntil: a JSONata Seconds expression must be evaluated by the caller');
  throw new Error('waitUntil: the Wait state has none of Seconds, SecondsPath, Timestamp, TimestampPath');
}

function isJsonataExpression(text: string): boolean {
  return text.startsWith('{%') && text.endsWith('%}');
}
