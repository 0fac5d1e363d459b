import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../protocols/errors.js';
import { checkExecutionInput } from './execution-input.js';

const message = (v: string | AwsError): string =>
  v instanceof AwsError ? `${v.type}: ${v.message}` : v;

describe('checkExecutionInput', () => {
  it('defaults a missing input to an empty object', () => {
    expect(checkExecutionInput(undefined)).toBe('{}');
  });

  it('reports text that is not JSON with the messages AWS recorded', () => {
    expect(message(checkExecutionInput('not some json'))).toBe(
      "InvalidExecutionInput: Invalid State Machine Execution Input: 'Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')'",
    );
    expect(message(checkExecutionInput("{'not': 'json'"))).toBe(
      "InvalidExecutionInput: Invalid State Machine Execution Input: 'Unexpected character (''' (code 39)): was expecting double-quote to start field name'",
    );
    expect(message(checkExecutionInput(''))).toBe(
      "InvalidExecutionInput: Invalid State Machine Execution Input: 'Invalid execution input.'",
    );
  });

  it('refuses input over 256 KiB of UTF-8', () => {
    const big = JSON.stringify('ü'.repeat(131_072));
    expect(message(checkExecutionInput(big))).toMatch(
      /^ValidationException: .*Member must have length less than or equal to 262144$/,
    );
    expect(checkExecutionInput(JSON.stringify('x'.repeat(1000)))).toBe(
      JSON.stringify('x'.repeat(1000)),
    );
  });
});
