// Checks for fields that need one kind of value from their expression (Items an array,
// TimeoutSeconds an integer, Condition a boolean, ...). The type error's wording is recorded for
// Items ("Expected 'array', but was 'number' for value: 1"); other fields are assumed to use the
// same sentence with their own type name. Range errors are not recorded (see outOfRangeError).

import type { JsonArray, JsonObject, JsonValue } from '../paths/json.js';
import { outOfRangeError, unexpectedTypeError, type JsonataResultType } from './errors.js';
import { jsonataExpressionText } from './expression.js';

export type JsonataExpectedType = Exclude<JsonataResultType, 'null'>;

function matches(value: JsonValue, expected: JsonataExpectedType): boolean {
  switch (expected) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
  }
}

/**
 * Returns `value` when it has the expected type, else throws States.QueryEvaluationError with
 * AWS's "returned an unexpected result type" cause. `text` is the field's "{% %}" string (or the
 * bare expression), `location` the field AWS names.
 */
export function expectJsonataType(value: JsonValue, expected: 'array', text: string, location: string): JsonArray;
export function expectJsonataType(value: JsonValue, expected: 'object', text: string, location: string): JsonObject;
export function expectJsonataType(value: JsonValue, expected: 'integer' | 'number', text: string, location: string): number;
export function expectJsonataType(value: JsonValue, expected: 'string', text: string, location: string): string;
export function expectJsonataType(value: JsonValue, expected: 'boolean', text: string, location: string): boolean;
export function expectJsonataType(value: JsonValue, expected: JsonataExpectedType, text: string, location: string): JsonValue;
export function expectJsonataType(value: JsonValue, expected: JsonataExpectedType, text: string, location: string): JsonValue {
  if (!matches(value, expected)) throw unexpectedTypeError(jsonataExpressionText(text), location, expected, value);
  return value;
}

export interface NumericRange {
  /** Smallest accepted value (inclusive). */
  readonly min?: number;
  /** Largest accepted value (inclusive). */
  readonly max?: number;
}

function describe(range: NumericRange): string {
  if (range.min !== undefined && range.max !== undefined) return `a value between ${range.min} and ${range.max}`;
  if (range.min !== undefined) return `a value greater than or equal to ${range.min}`;
  return `a value less than or equal to ${range.max}`;
}

function inRange(value: number, range: NumericRange, text: string, location: string): number {
  if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
    throw outOfRangeError(jsonataExpressionText(text), location, describe(range), value);
  }
  return value;
}

/** An integer field such as TimeoutSeconds (min 1), HeartbeatSeconds, Seconds, MaxConcurrency (min 0). */
export function expectJsonataInteger(value: JsonValue, text: string, location: string, range: NumericRange = {}): number {
  return inRange(expectJsonataType(value, 'integer', text, location), range, text, location);
}

/** A number field such as ToleratedFailurePercentage (0 to 100). */
export function expectJsonataNumber(value: JsonValue, text: string, location: string, range: NumericRange = {}): number {
  return inRange(expectJsonataType(value, 'number', text, location), range, text, location);
}
