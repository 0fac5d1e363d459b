// Names of state machines and executions (AWS's quotas page): 1 to 80 characters, none of them
// whitespace, ? * < > { } [ ] " # % \ ^ | ~ ` $ & , ; : / or a control character
// (U+0000–U+001F, U+007F–U+009F). Non-ASCII letters are allowed. AWS reports the two kinds of
// fault differently: a length outside 1..80 is its request validator's ValidationException, a
// forbidden character is InvalidName.
import type { AwsError } from '../../../protocols/errors.js';
import { invalidName, validationError } from '../errors.js';

const FORBIDDEN = /[\s?*<>{}[\]"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

export const MAX_NAME_LENGTH = 80;

export function isValidName(name: string): boolean {
  const length = [...name].length;
  return length >= 1 && length <= MAX_NAME_LENGTH && !FORBIDDEN.test(name);
}

export function checkName(name: string): AwsError | undefined {
  const length = [...name].length;
  if (length < 1)
    return validationError('name', name, 'Member must have length greater than or equal to 1');
  if (length > MAX_NAME_LENGTH)
    return validationError(
      'name',
      name,
      `Member must have length less than or equal to ${MAX_NAME_LENGTH}`,
    );
  return FORBIDDEN.test(name) ? invalidName(name) : undefined;
}
