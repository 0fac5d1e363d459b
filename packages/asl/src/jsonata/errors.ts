// States.QueryEvaluationError and the causes AWS writes for it. Every cause here is the text after
// AWS's "An error occurred while executing the state '<name>' (entered at the event id #<n>). "
// prefix, which the interpreter adds with formatStateErrorCause. The interpreter writes the
// EvaluationFailed event from `location` (absent from the event when undefined).
//
// Recorded in the conformance corpus (EvaluationFailed events, every one carrying the prefix):
//   ... specified for the field 'Output/result' returned nothing (undefined).
//   ... threw an error during evaluation. T1006: Attempted to invoke a non-function
//   ... returned an unexpected result type. Expected 'array', but was 'number' for value: 1
//   ... returned an unsupported result type.
//   Map state input must be an array but was: {"foo":"bar"}
//   The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ...
// Measured against AWS by others (TestState causes quoted in floci-io/floci#2736/#2737): a coded
// JSONata error ends ". <code>: <message>", a bound with no code ends ": <message>" (the memory and
// stack bounds), and a failure inside the engine itself says "threw an internal error during
// evaluation." followed by an id that changes per call (not reproduced).

import { StatesError } from '../paths/errors.js';
import { toJsonText, type JsonValue } from '../paths/json.js';

/** A JSONata expression failed, returned nothing, or returned a value its field cannot take. */
export class JsonataEvaluationError extends StatesError {
  /** The field AWS names in the EvaluationFailed event ('Output/result', 'Items', ...), if any. */
  readonly location: string | undefined;
  /** The expression as quoted in the cause, when the failure came from one. */
  readonly expression: string | undefined;

  constructor(cause: string, location: string | undefined, expression?: string) {
    super('States.QueryEvaluationError', cause);
    this.name = 'JsonataEvaluationError';
    this.location = location;
    this.expression = expression;
  }
}

function subject(expression: string, field: string): string {
  return `The JSONata expression '${expression}' specified for the field '${field}'`;
}

/** The expression evaluated to JSONata's undefined (recorded). */
export function undefinedResultError(expression: string, field: string): JsonataEvaluationError {
  return new JsonataEvaluationError(`${subject(expression, field)} returned nothing (undefined).`, field, expression);
}

/** A JSONata error with its code, e.g. "T1006" / "Attempted to invoke a non-function" (recorded). */
export function codedEvaluationError(
  expression: string,
  field: string,
  code: string,
  message: string,
): JsonataEvaluationError {
  return new JsonataEvaluationError(
    `${subject(expression, field)} threw an error during evaluation. ${code}: ${message}`,
    field,
    expression,
  );
}

/** An evaluation bound or a Step Functions function refused to go on; AWS prints no code for these. */
export function uncodedEvaluationError(expression: string, field: string, message: string): JsonataEvaluationError {
  return new JsonataEvaluationError(
    `${subject(expression, field)} threw an error during evaluation: ${message}`,
    field,
    expression,
  );
}

/** Something other than a JSONata error escaped the engine (AWS appends a per-call id we omit). */
export function internalEvaluationError(expression: string, field: string): JsonataEvaluationError {
  return new JsonataEvaluationError(
    `${subject(expression, field)} threw an internal error during evaluation.`,
    field,
    expression,
  );
}

/** The result cannot be written as JSON at all, e.g. a function (recorded for Items). */
export function unsupportedResultError(expression: string, field: string): JsonataEvaluationError {
  return new JsonataEvaluationError(`${subject(expression, field)} returned an unsupported result type.`, field, expression);
}

/** The JSON type names AWS uses in "Expected '<type>', but was '<type>'". */
export type JsonataResultType = 'array' | 'object' | 'integer' | 'number' | 'string' | 'boolean' | 'null';

/** The type AWS reports for a value it got: 1 and 1.5 are both 'number' (recorded for 1). */
export function jsonataTypeOf(value: JsonValue): Exclude<JsonataResultType, 'integer'> {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  return 'boolean';
}

/** The field wanted another JSON type (recorded for Items: 'array' against number, string, ...). */
export function unexpectedTypeError(
  expression: string,
  field: string,
  expected: JsonataResultType,
  value: JsonValue,
): JsonataEvaluationError {
  return new JsonataEvaluationError(
    `${subject(expression, field)} returned an unexpected result type. Expected '${expected}', but was '${jsonataTypeOf(value)}' for value: ${toJsonText(value)}`,
    field,
    expression,
  );
}

/**
 * The value has the right type but is out of the field's range (a negative TimeoutSeconds, a
 * ToleratedFailurePercentage above 100). AWS's wording for this is not recorded anywhere we could
 * find; this sentence follows the shape of the type error so that it reads as AWS's family.
 */
export function outOfRangeError(
  expression: string,
  field: string,
  expectation: string,
  value: JsonValue,
): JsonataEvaluationError {
  return new JsonataEvaluationError(
    `${subject(expression, field)} returned an out-of-range value. Expected ${expectation}, but was: ${toJsonText(value)}`,
    field,
    expression,
  );
}

/** A JSONata Map with no Items got a non-array input (recorded; the event has no location). */
export function mapInputNotArrayError(input: JsonValue): JsonataEvaluationError {
  return new JsonataEvaluationError(`Map state input must be an array but was: ${toJsonText(input)}`, undefined);
}

/** A JSONata Wait's Timestamp evaluated to a string that is not an RFC 3339 date-time (recorded). */
export function timestampParseError(text: string): JsonataEvaluationError {
  return new JsonataEvaluationError(
    `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${text}`,
    'Timestamp',
  );
}
