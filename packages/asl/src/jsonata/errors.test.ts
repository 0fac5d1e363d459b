import { describe, expect, it } from 'vitest';
import { StatesError } from '../paths/errors.js';
import {
  JsonataEvaluationError,
  codedEvaluationError,
  internalEvaluationError,
  jsonataTypeOf,
  mapInputNotArrayError,
  outOfRangeError,
  timestampParseError,
  uncodedEvaluationError,
  undefinedResultError,
  unexpectedTypeError,
  unsupportedResultError,
} from './errors.js';

describe('JsonataEvaluationError', () => {
  it('is a StatesError named States.QueryEvaluationError carrying the field and the expression', () => {
    const error = undefinedResultError('$x', 'Output/result');
    expect(error).toBeInstanceOf(StatesError);
    expect(error).toBeInstanceOf(JsonataEvaluationError);
    expect(error.error).toBe('States.QueryEvaluationError');
    expect(error.location).toBe('Output/result');
    expect(error.expression).toBe('$x');
    expect(error.message).toBe(error.cause);
  });
});

describe('causes', () => {
  it('words an undefined result as AWS does (recorded)', () => {
    expect(undefinedResultError('$doesNotExist', 'Arguments/FunctionName').cause).toBe(
      "The JSONata expression '$doesNotExist' specified for the field 'Arguments/FunctionName' returned nothing (undefined).",
    );
  });

  it('words a JSONata error as ". <code>: <message>" (recorded)', () => {
    expect(codedEvaluationError('$randomSeeded(1)', 'Output/FunctionResult', 'T1006', 'Attempted to invoke a non-function').cause).toBe(
      "The JSONata expression '$randomSeeded(1)' specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function",
    );
  });

  it('words an uncoded failure as ": <message>" (measured for AWS bounds)', () => {
    expect(uncodedEvaluationError('[1..900000] ~> $count()', 'Output/r', 'Expression evaluation memory limit exceeded: Check for excessive memory usage').cause).toBe(
      "The JSONata expression '[1..900000] ~> $count()' specified for the field 'Output/r' threw an error during evaluation: Expression evaluation memory limit exceeded: Check for excessive memory usage",
    );
  });

  it('words an engine failure as an internal error without the per-call id AWS appends', () => {
    expect(internalEvaluationError('$x', 'Output').cause).toBe(
      "The JSONata expression '$x' specified for the field 'Output' threw an internal error during evaluation.",
    );
  });

  it('words a function result as an unsupported result type (recorded for Items)', () => {
    expect(unsupportedResultError('$fn := function($x){$x}', 'Items').cause).toBe(
      "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.",
    );
  });

  it('words a type mismatch with the JSON text of the value (recorded for Items)', () => {
    expect(unexpectedTypeError("{'foo': 'bar'}", 'Items', 'array', { foo: 'bar' }).cause).toBe(
      "The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}",
    );
    expect(unexpectedTypeError("'string'", 'Items', 'array', 'string').cause).toBe(
      "The JSONata expression ''string'' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'string' for value: \"string\"",
    );
  });

  it('words an out-of-range value in the same family (AWS wording unrecorded)', () => {
    expect(outOfRangeError('$t', 'TimeoutSeconds', 'a value greater than or equal to 1', -5).cause).toBe(
      "The JSONata expression '$t' specified for the field 'TimeoutSeconds' returned an out-of-range value. Expected a value greater than or equal to 1, but was: -5",
    );
  });

  it('words a non-array Map input without a location (recorded)', () => {
    const error = mapInputNotArrayError({ foo: 'bar' });
    expect(error.cause).toBe('Map state input must be an array but was: {"foo":"bar"}');
    expect(error.location).toBeUndefined();
    expect(mapInputNotArrayError(null).cause).toBe('Map state input must be an array but was: null');
  });

  it('words an unparseable JSONata Timestamp with the field Timestamp (recorded)', () => {
    const error = timestampParseError('2016-12-05 21:29:29Z');
    expect(error.cause).toBe(
      'The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05 21:29:29Z',
    );
    expect(error.location).toBe('Timestamp');
  });
});

describe('jsonataTypeOf', () => {
  it('names JSON types as AWS does, integers included under number', () => {
    expect([1, 1.5, 'a', true, null, [], {}].map((value) => jsonataTypeOf(value))).toEqual([
      'number',
      'number',
      'string',
      'boolean',
      'null',
      'array',
      'object',
    ]);
  });
});
