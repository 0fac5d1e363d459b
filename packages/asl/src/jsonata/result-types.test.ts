import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../paths/json.js';
import { JsonataEvaluationError } from './errors.js';
import { expectJsonataInteger, expectJsonataNumber, expectJsonataType } from './result-types.js';

function cause(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    if (error instanceof JsonataEvaluationError) return error.cause;
    throw error;
  }
  throw new Error('expected the check to fail');
}

describe('expectJsonataType', () => {
  it('returns the value when it has the type', () => {
    expect(expectJsonataType([1], 'array', '{% $x %}', 'Items')).toEqual([1]);
    expect(expectJsonataType({ a: 1 }, 'object', '{% $x %}', 'Arguments')).toEqual({ a: 1 });
    expect(expectJsonataType(5, 'integer', '{% $x %}', 'TimeoutSeconds')).toBe(5);
    expect(expectJsonataType(5.5, 'number', '{% $x %}', 'ToleratedFailurePercentage')).toBe(5.5);
    expect(expectJsonataType('a', 'string', '{% $x %}', 'Error')).toBe('a');
    expect(expectJsonataType(false, 'boolean', '{% $x %}', 'Choices[0]/Condition')).toBe(false);
  });

  it("words Items mismatches exactly as AWS recorded them", () => {
    const recorded: [string, JsonValue, string][] = [
      ['1', 1, "Expected 'array', but was 'number' for value: 1"],
      ["'string'", 'string', "Expected 'array', but was 'string' for value: \"string\""],
      ['true', true, "Expected 'array', but was 'boolean' for value: true"],
      ["{'foo': 'bar'}", { foo: 'bar' }, "Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}"],
      ['null', null, "Expected 'array', but was 'null' for value: null"],
    ];
    for (const [text, value, tail] of recorded) {
      expect(cause(() => expectJsonataType(value, 'array', `{% ${text} %}`, 'Items'))).toBe(
        `The JSONata expression '${text}' specified for the field 'Items' returned an unexpected result type. ${tail}`,
      );
    }
  });

  it('carries the field as the location', () => {
    try {
      expectJsonataType('x', 'boolean', '{% $x %}', 'Choices[1]/Condition');
    } catch (error) {
      expect((error as JsonataEvaluationError).location).toBe('Choices[1]/Condition');
    }
  });

  it("refuses a fraction where an integer is expected, naming it a 'number'", () => {
    expect(cause(() => expectJsonataType(1.5, 'integer', '{% $t %}', 'TimeoutSeconds'))).toBe(
      "The JSONata expression '$t' specified for the field 'TimeoutSeconds' returned an unexpected result type. Expected 'integer', but was 'number' for value: 1.5",
    );
  });
});

describe('range checks', () => {
  it('pass values in range through', () => {
    expect(expectJsonataInteger(10, '{% $t %}', 'TimeoutSeconds', { min: 1 })).toBe(10);
    expect(expectJsonataNumber(100, '{% $p %}', 'ToleratedFailurePercentage', { min: 0, max: 100 })).toBe(100);
  });

  it('refuse a negative TimeoutSeconds with the range cause', () => {
    expect(cause(() => expectJsonataInteger(-1, '{% $t %}', 'TimeoutSeconds', { min: 1 }))).toBe(
      "The JSONata expression '$t' specified for the field 'TimeoutSeconds' returned an out-of-range value. Expected a value greater than or equal to 1, but was: -1",
    );
  });

  it('describe two-sided and upper-only ranges', () => {
    expect(cause(() => expectJsonataNumber(100.5, '{% $p %}', 'ToleratedFailurePercentage', { min: 0, max: 100 }))).toContain(
      'Expected a value between 0 and 100, but was: 100.5',
    );
    expect(cause(() => expectJsonataInteger(7, '{% $n %}', 'MaxItems', { max: 5 }))).toContain(
      'Expected a value less than or equal to 5, but was: 7',
    );
  });

  it('check the type before the range', () => {
    expect(cause(() => expectJsonataInteger('5', '{% $t %}', 'HeartbeatSeconds', { min: 1 }))).toContain(
      "Expected 'integer', but was 'string'",
    );
  });
});
