import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { WaitState } from '../definition/types.js';
import { StatesError } from '../paths/errors.js';
import type { JsonObject, JsonValue } from '../paths/json.js';
import { disagreement, isWalkable, walk, type RecordedExpectation } from './choice.case.js';
import {
  MAX_WAIT_SECONDS,
  WaitStateError,
  checkWaitSeconds,
  compareTimestamps,
  isTimestamp,
  isWaitTooLong,
  parseTimestamp,
  parseTimestampInstant,
  waitUntil,
} from './timestamp.js';

const NOW = Date.UTC(2024, 0, 1, 0, 0, 0);

function wait(fields: Partial<WaitState>): WaitState {
  return { Type: 'Wait', End: true, ...fields };
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('parseTimestamp', () => {
  it('accepts the forms AWS accepted in recordings (0, 2, 3, 6 and 9 fractional digits)', () => {
    expect(parseTimestamp('2026-11-27T23:53:31Z')).toBe(Date.UTC(2026, 10, 27, 23, 53, 31));
    expect(parseTimestamp('2026-11-27T23:53:31.000000Z')).toBe(Date.UTC(2026, 10, 27, 23, 53, 31));
    expect(parseTimestamp('2026-11-27T23:53:31.00Z')).toBe(Date.UTC(2026, 10, 27, 23, 53, 31));
    expect(parseTimestamp('2094-12-16T23:53:31.000Z')).toBe(Date.UTC(2094, 11, 16, 23, 53, 31));
    expect(parseTimestamp('2016-03-05T21:29:29.243167252Z')).toBe(Date.UTC(2016, 2, 5, 21, 29, 29, 243));
  });

  it('refuses the forms AWS refused in recordings', () => {
    for (const text of [
      '2026-11-27T23:53:31',
      '2026-11-27T23:53:31.000000',
      '2016-12-05 21:29:29Z',
      '2016-13-05T21:29:29Z',
      '2016-12-05T25:29:29Z',
      '05-12-2016T21:29:29Z',
      '2023-02-24',
      '2023-02-24 12:15:56.832957',
      '',
    ]) {
      expect(parseTimestamp(text), text).toBeUndefined();
    }
  });

  it('applies numeric offsets, with optional offset seconds, up to ±18:00', () => {
    expect(parseTimestamp('2012-10-09T19:00:55+01:00')).toBe(Date.UTC(2012, 9, 9, 18, 0, 55));
    expect(parseTimestamp('2012-10-09T19:00:55-05:30')).toBe(Date.UTC(2012, 9, 10, 0, 30, 55));
    expect(parseTimestamp('2012-10-09T19:00:55+00:00:30')).toBe(Date.UTC(2012, 9, 9, 19, 0, 25));
    expect(parseTimestamp('2012-10-09T19:00:55-18:00')).toBe(Date.UTC(2012, 9, 10, 13, 0, 55));
    expect(parseTimestamp('2012-10-09T19:00:55+18:01')).toBeUndefined();
    expect(parseTimestamp('2012-10-09T19:00:55+0100')).toBeUndefined();
    expect(parseTimestamp('2012-10-09T19:00:55+01')).toBeUndefined();
  });

  it('follows java.time ISO_OFFSET_DATE_TIME where it differs from RFC 3339: optional seconds, no leap second, case-insensitive', () => {
    expect(parseTimestamp('2016-03-14T01:59Z')).toBe(Date.UTC(2016, 2, 14, 1, 59));
    expect(parseTimestamp('2016-12-31T23:59:60Z')).toBeUndefined();
    expect(parseTimestamp('2016-03-14t01:59:00z')).toBe(Date.UTC(2016, 2, 14, 1, 59));
    expect(parseTimestamp('2016-03-14T01:59:00.1234567891Z')).toBeUndefined();
    expect(parseTimestamp('2016-03-14T01:59:00.Z')).toBeUndefined();
    expect(parseTimestamp('2016-03-14T01:59.5Z')).toBeUndefined();
  });

  it('checks calendar dates strictly', () => {
    expect(parseTimestamp('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
    expect(parseTimestamp('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp('2023-02-29T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('1900-02-29T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('2023-04-31T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('2023-04-00T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('2023-00-10T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('2023-01-10T24:00:00Z')).toBeUndefined();
    expect(parseTimestamp('2023-01-10T23:60:00Z')).toBeUndefined();
  });

  it('takes years beyond four digits only with a sign, as Java does', () => {
    expect(parseTimestamp('+10000-01-01T00:00:00Z')).toBe(Date.UTC(10000, 0, 1));
    expect(parseTimestamp('10000-01-01T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('+2016-01-01T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('-0001-01-01T00:00:00Z')).toBe(Date.parse('-000001-01-01T00:00:00Z'));
    expect(parseTimestamp('-0000-01-01T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('0000-01-01T00:00:00Z')).toBe(Date.parse('0000-01-01T00:00:00Z'));
    expect(parseTimestamp('216-01-01T00:00:00Z')).toBeUndefined();
  });

  it('accepts only ASCII digits and no surrounding blanks', () => {
    expect(parseTimestamp(' 2016-03-14T01:59:00Z')).toBeUndefined();
    expect(parseTimestamp('2016-03-14T01:59:00Z ')).toBeUndefined();
    expect(parseTimestamp('２016-03-14T01:59:00Z')).toBeUndefined();
  });

  it('agrees with Date.parse on ordinary timestamps across four centuries', () => {
    for (let year = 1801; year <= 2200; year += 7) {
      for (const [month, day] of [
        [1, 1],
        [2, 28],
        [3, 1],
        [12, 31],
      ] as const) {
        const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T13:45:07.891+02:30`;
        expect(parseTimestamp(text), text).toBe(Date.parse(text));
      }
    }
  });
});

describe('parseTimestampInstant and compareTimestamps', () => {
  it('keeps nanoseconds and floors to milliseconds only in parseTimestamp', () => {
    expect(parseTimestampInstant('1970-01-01T00:00:00.999999999Z')).toEqual({ epochSecond: 0, nano: 999_999_999 });
    expect(parseTimestamp('1970-01-01T00:00:00.999999999Z')).toBe(999);
    expect(parseTimestampInstant('1969-12-31T23:59:59.5Z')).toEqual({ epochSecond: -1, nano: 500_000_000 });
    expect(parseTimestamp('1969-12-31T23:59:59.5Z')).toBe(-500);
  });

  it('orders instants by second, then nanosecond', () => {
    const a = parseTimestampInstant('2016-03-14T01:59:00.000000001Z');
    const b = parseTimestampInstant('2016-03-14T01:59:00.000000002Z');
    const c = parseTimestampInstant('2016-03-14T02:59:00.000000001+01:00');
    if (!a || !b || !c) throw new Error('unparsed');
    expect(compareTimestamps(a, b)).toBeLessThan(0);
    expect(compareTimestamps(b, a)).toBeGreaterThan(0);
    expect(compareTimestamps(a, c)).toBe(0);
  });

  it('tells timestamp strings from everything else', () => {
    expect(isTimestamp('2016-03-14T01:59:00Z')).toBe(true);
    expect(isTimestamp('2016-03-14T01:59:00')).toBe(false);
    expect(isTimestamp(1457920740)).toBe(false);
    expect(isTimestamp(null)).toBe(false);
  });
});

describe('checkWaitSeconds', () => {
  it('accepts whole seconds from 0 to 2^31 - 1', () => {
    expect(checkWaitSeconds(0)).toEqual({ seconds: 0 });
    expect(checkWaitSeconds(MAX_WAIT_SECONDS)).toEqual({ seconds: MAX_WAIT_SECONDS });
  });

  it('reports fractions, non-numbers and values beyond a long before the sign', () => {
    expect(checkWaitSeconds(1.5)).toEqual({ problem: 'notLong' });
    expect(checkWaitSeconds(-1.5)).toEqual({ problem: 'notLong' });
    expect(checkWaitSeconds('10')).toEqual({ problem: 'notLong' });
    expect(checkWaitSeconds(null)).toEqual({ problem: 'notLong' });
    expect(checkWaitSeconds(2 ** 64)).toEqual({ problem: 'notLong' });
    expect(checkWaitSeconds(-1)).toEqual({ problem: 'negative' });
    expect(checkWaitSeconds(MAX_WAIT_SECONDS + 1)).toEqual({ problem: 'tooLong' });
  });

  it('finds a wake-up time too far when it is more than 2^31 - 1 seconds away', () => {
    expect(isWaitTooLong(NOW + MAX_WAIT_SECONDS * 1000, NOW)).toBe(false);
    expect(isWaitTooLong(NOW + MAX_WAIT_SECONDS * 1000 + 1, NOW)).toBe(true);
  });
});

describe('waitUntil', () => {
  it('adds Seconds and SecondsPath to the entry time', () => {
    expect(waitUntil(wait({ Seconds: 5 }), {}, {}, NOW)).toBe(NOW + 5000);
    expect(waitUntil(wait({ SecondsPath: '$.input.waitSeconds' }), { input: { waitSeconds: 0 } }, {}, NOW)).toBe(NOW);
    expect(waitUntil(wait({ SecondsPath: '$waitTime' }), {}, { variables: { waitTime: 3 } }, NOW)).toBe(NOW + 3000);
  });

  it('fails a non-integer SecondsPath value with the recorded cause', () => {
    for (const value of [1.5, -1.5]) {
      const error = thrown(() => waitUntil(wait({ SecondsPath: '$.input.waitSeconds' }), { input: { waitSeconds: value } }, {}, NOW));
      expect(error).toBeInstanceOf(WaitStateError);
      expect(error).toBeInstanceOf(StatesError);
      expect(error).toMatchObject({
        error: 'States.Runtime',
        cause: `The SecondsPath parameter cannot be parsed as a long value: $.input.waitSeconds == ${value}`,
      });
    }
  });

  it('fails a negative SecondsPath value with the recorded cause', () => {
    expect(() => waitUntil(wait({ SecondsPath: '$.input.waitSeconds' }), { input: { waitSeconds: -1 } }, {}, NOW)).toThrow(
      'The SecondsPath parameter references a negative value: $.input.waitSeconds == -1',
    );
  });

  it('fails a missing SecondsPath with the recorded cause', () => {
    expect(thrown(() => waitUntil(wait({ SecondsPath: '$.input.waitSeconds' }), {}, {}, NOW))).toMatchObject({
      error: 'States.Runtime',
      cause: 'The SecondsPath parameter does not reference an input value: $.input.waitSeconds',
    });
  });

  it('prints a non-string SecondsPath value as JSON', () => {
    expect(() => waitUntil(wait({ SecondsPath: '$.s' }), { s: { n: 1 } }, {}, NOW)).toThrow(
      'The SecondsPath parameter cannot be parsed as a long value: $.s == {"n":1}',
    );
    expect(() => waitUntil(wait({ SecondsPath: '$.s' }), { s: 'ten' }, {}, NOW)).toThrow(
      'The SecondsPath parameter cannot be parsed as a long value: $.s == ten',
    );
  });

  it('fails a SecondsPath delay beyond 2^31 - 1 seconds as too long', () => {
    expect(thrown(() => waitUntil(wait({ SecondsPath: '$.s' }), { s: MAX_WAIT_SECONDS + 1 }, {}, NOW))).toMatchObject({
      error: 'States.Runtime',
      cause: 'Wait state delay is too long.',
    });
  });

  it('wakes at a TimestampPath or Timestamp instant, and at once for one in the past', () => {
    const at = Date.UTC(2024, 5, 1, 12);
    expect(waitUntil(wait({ TimestampPath: '$.at' }), { at: '2024-06-01T12:00:00Z' }, {}, NOW)).toBe(at);
    expect(waitUntil(wait({ TimestampPath: '$startAt' }), {}, { variables: { startAt: '2024-06-01T14:00:00+02:00' } }, NOW)).toBe(at);
    expect(waitUntil(wait({ Timestamp: '2024-06-01T12:00:00Z' }), {}, {}, NOW)).toBe(at);
    expect(waitUntil(wait({ Timestamp: '2016-03-14T01:59:00Z' }), {}, {}, NOW)).toBe(NOW);
  });

  it('fails an invalid TimestampPath value with the recorded cause, quoting path and value', () => {
    expect(thrown(() => waitUntil(wait({ TimestampPath: '$.TimestampValue' }), { TimestampValue: '2016-12-05 21:29:29Z' }, {}, NOW))).toMatchObject({
      error: 'States.Runtime',
      cause:
        'The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.TimestampValue == 2016-12-05 21:29:29Z',
    });
    expect(() => waitUntil(wait({ TimestampPath: '$.t' }), { t: 1457920740 }, {}, NOW)).toThrow(
      'The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == 1457920740',
    );
  });

  it('fails a missing TimestampPath like a missing SecondsPath', () => {
    expect(() => waitUntil(wait({ TimestampPath: '$.t' }), {}, {}, NOW)).toThrow(
      'The TimestampPath parameter does not reference an input value: $.t',
    );
  });

  it('fails a timestamp more than 2^31 - 1 seconds ahead as too long (recorded at the 24855/24856-day boundary)', () => {
    const day = 86_400_000;
    const base = Date.UTC(2026, 10, 27, 23, 53, 31);
    expect(waitUntil(wait({ TimestampPath: '$.start_at' }), { start_at: '2094-12-15T23:53:31.000Z' }, {}, base)).toBe(base + 24855 * day);
    expect(thrown(() => waitUntil(wait({ TimestampPath: '$.start_at' }), { start_at: '2094-12-16T23:53:31.000Z' }, {}, base))).toMatchObject({
      error: 'States.Runtime',
      cause: 'Wait state delay is too long.',
    });
  });

  it('leaves JSONata expressions to the caller', () => {
    expect(() => waitUntil(wait({ Seconds: '{% $states.input.s %}' }), {}, {}, NOW)).toThrow(/JSONata/);
    expect(() => waitUntil(wait({ Timestamp: '{% $states.input.t %}' }), {}, {}, NOW)).toThrow(/JSONata/);
  });
});

// ---- AWS-recorded executions ------------------------------------------------------------------

const CORPUS = fileURLToPath(new URL('../../../../../shared/conformance/sfn/cases.jsonl', import.meta.url));
const present = existsSync(CORPUS);
if (!present) console.log(`wait corpus tests skipped: ${CORPUS} is absent`);

interface Case {
  id: string;
  kind: string;
  definition_json?: string;
  input_json?: string | null;
  expected?: RecordedExpectation;
  calls_after_start?: unknown[];
}

/**
 * The corpus inputs were computed by the extractor relative to 2026-11-27T23:53:31Z (the recorded
 * ones, relative to the recording time, are placeholders), so that is "now" for the replay.
 */
const EXTRACTION_NOW = Date.UTC(2026, 10, 27, 23, 53, 31);

describe.skipIf(!present)('AWS-recorded executions with Wait states', () => {
  const executions = present
    ? readFileSync(CORPUS, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Case)
        .filter(
          (c) =>
            c.kind === 'execution' &&
            c.definition_json !== undefined &&
            (c.calls_after_start ?? []).length === 0 &&
            c.expected?.status !== undefined &&
            c.definition_json.includes('"Wait"') &&
            isWalkable(JSON.parse(c.definition_json) as JsonValue),
        )
    : [];

  it('replays every JSONPath Wait execution with the recorded outcome', () => {
    expect(executions.length).toBeGreaterThanOrEqual(31);
    const failures: string[] = [];
    for (const c of executions) {
      const definition = JSON.parse(c.definition_json as string) as JsonObject;
      const input = c.input_json ? (JSON.parse(c.input_json) as JsonValue) : {};
      const problem = disagreement(walk(definition, input, { now: EXTRACTION_NOW }), c.expected ?? {});
      if (problem !== undefined) failures.push(`${c.id}: ${problem}`);
    }
    console.log(`executions with Wait states: ${executions.length - failures.length}/${executions.length} matched`);
    expect(failures).toEqual([]);
  });
});
