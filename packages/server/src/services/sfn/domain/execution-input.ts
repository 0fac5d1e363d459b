// Execution input as StartExecution checks it: JSON text of at most 256 KiB (UTF-8), "{}" when
// absent. Text that is not JSON is reported with Jackson's message without its location, as AWS
// does ("Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token
// 'null', 'true' or 'false')"), read by @tributary/asl's Jackson-compatible reader; blank text is
// AWS's "Invalid execution input.".
import { JsonReadError, readJsonTree } from '@tributary/asl';
import type { AwsError } from '../../../protocols/errors.js';
import { sfnError, validationError } from '../errors.js';

export const MAX_PAYLOAD_BYTES = 262_144;

function invalidInput(reason: string): AwsError {
  return sfnError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${reason}'`);
}

/** The input text to store, or the error AWS gives for it. */
export function checkExecutionInput(input: string | undefined): string | AwsError {
  if (input === undefined) return '{}';
  if (Buffer.byteLength(input, 'utf8') > MAX_PAYLOAD_BYTES) {
    return validationError(
      'input',
      undefined,
      `Member must have length less than or equal to ${MAX_PAYLOAD_BYTES}`,
    );
  }
  try {
    if (readJsonTree(input) === undefined) return invalidInput('Invalid execution input.');
  } catch (err) {
    if (err instanceof JsonReadError) return invalidInput(err.detail);
    throw err;
  }
  // Jackson stops after the first value; the interpreter needs the whole text to be JSON.
  try {
    JSON.parse(input);
  } catch {
    return invalidInput('Invalid execution input.');
  }
  return input;
}
