// A definition as CreateStateMachine and UpdateStateMachine judge it: at most 1 MiB, then the
// States Language validator with AWS's diagnostics and InvalidDefinition wording.
import { invalidDefinitionMessage, validateDefinition } from '@tributary/asl';
import type { AwsError } from '../../../protocols/errors.js';
import type { SfnMachineType } from '../../../storage/ports.js';
import { sfnError, validationError } from '../errors.js';

export const MAX_DEFINITION_LENGTH = 1_048_576;
export const MACHINE_TYPES: readonly SfnMachineType[] = ['STANDARD', 'EXPRESS'];

export function checkDefinition(text: string, type: SfnMachineType): AwsError | undefined {
  if (text.length > MAX_DEFINITION_LENGTH) {
    return validationError(
      'definition',
      undefined,
      `Member must have length less than or equal to ${MAX_DEFINITION_LENGTH}`,
    );
  }
  const result = validateDefinition(text, { type });
  if (result.result === 'FAIL')
    return sfnError('InvalidDefinition', invalidDefinitionMessage(result.diagnostics, text));
  return undefined;
}

export function checkMachineType(type: string | undefined): SfnMachineType | AwsError {
  const t = type ?? 'STANDARD';
  if ((MACHINE_TYPES as readonly string[]).includes(t)) return t as SfnMachineType;
  return validationError(
    'type',
    t,
    `Member must satisfy enum value set: [${MACHINE_TYPES.join(', ')}]`,
  );
}

/** Role ARNs are not assumed yet; only their form is checked. */
export function checkRoleArn(roleArn: string): AwsError | undefined {
  if (/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(roleArn)) return undefined;
  return sfnError('InvalidArn', `Invalid Arn: 'Invalid ARN prefix: ${roleArn}'`);
}

/** Versions (publish, versionDescription) are not implemented: refused clearly rather than ignored. */
export function checkPublish(
  publish: boolean | undefined,
  versionDescription: string | undefined,
): AwsError | undefined {
  if (versionDescription !== undefined && !publish)
    return sfnError(
      'ValidationException',
      'Version description can only be set when publish is true',
    );
  if (publish)
    return sfnError(
      'ValidationException',
      'Tributary does not support state machine versions yet: publish must be false or absent.',
    );
  return undefined;
}
