// Step Functions' error table, from the model's error traits, and the messages AWS words them with
// (recorded against AWS: "State Machine Does Not Exist: '<arn>'", "Invalid Arn: 'Invalid ARN
// prefix: x'", "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy
// constraint: Member must have value less than or equal to 1000", ...).
import { AwsError, type AwsErrorSpec } from '../../protocols/errors.js';
import type { InputPath } from '../../protocols/input.js';
import { sfnModel } from './model.js';

function modeled(name: string): AwsErrorSpec {
  const e = sfnModel.errors[name];
  if (!e) throw new Error(`Step Functions model has no error ${name}`);
  return { type: name, code: e.code, status: e.status, fault: e.fault };
}

export const SfnErrors = {
  ExecutionAlreadyExists: modeled('ExecutionAlreadyExists'),
  ExecutionDoesNotExist: modeled('ExecutionDoesNotExist'),
  InvalidArn: modeled('InvalidArn'),
  InvalidDefinition: modeled('InvalidDefinition'),
  InvalidEncryptionConfiguration: modeled('InvalidEncryptionConfiguration'),
  InvalidExecutionInput: modeled('InvalidExecutionInput'),
  InvalidLoggingConfiguration: modeled('InvalidLoggingConfiguration'),
  InvalidName: modeled('InvalidName'),
  InvalidToken: modeled('InvalidToken'),
  InvalidTracingConfiguration: modeled('InvalidTracingConfiguration'),
  MissingRequiredParameter: modeled('MissingRequiredParameter'),
  ResourceNotFound: modeled('ResourceNotFound'),
  StateMachineAlreadyExists: modeled('StateMachineAlreadyExists'),
  StateMachineDeleting: modeled('StateMachineDeleting'),
  StateMachineDoesNotExist: modeled('StateMachineDoesNotExist'),
  StateMachineTypeNotSupported: modeled('StateMachineTypeNotSupported'),
  TooManyTags: modeled('TooManyTags'),
  ValidationException: modeled('ValidationException'),
} as const;

export type SfnErrorName = keyof typeof SfnErrors;

export function sfnError(name: SfnErrorName, message: string): AwsError {
  return new AwsError(SfnErrors[name], message);
}

export const invalidArn = (reason: string): AwsError =>
  sfnError('InvalidArn', `Invalid Arn: '${reason}'`);
export const invalidName = (name: string): AwsError =>
  sfnError('InvalidName', `Invalid Name: '${name}'`);
export const stateMachineDoesNotExist = (arn: string): AwsError =>
  sfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
export const executionDoesNotExist = (arn: string): AwsError =>
  sfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
export const typeNotSupported = (): AwsError =>
  sfnError(
    'StateMachineTypeNotSupported',
    'This operation is not supported by this type of state machine',
  );

/** AWS's request validator: "1 validation error detected: Value 'x' at 'member' failed to satisfy constraint: …". */
export function validationError(
  member: string,
  value: string | number | undefined,
  constraint: string,
): AwsError {
  const shown = value === undefined ? 'Value' : `Value '${String(value)}'`;
  return sfnError(
    'ValidationException',
    `1 validation error detected: ${shown} at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}

/** Domain checks return an error value; handlers throw it. */
export function must<T>(v: T | AwsError): T {
  if (v instanceof AwsError) throw v;
  return v;
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** A missing required member, as AWS's request validator reports it for Step Functions. */
export function missingMember(path: InputPath): AwsError {
  const parts = path.map((p) =>
    'member' in p ? lowerFirst(p.member) : 'index' in p ? `${p.index}.member` : `${p.key}.member`,
  );
  return sfnError(
    'ValidationException',
    `1 validation error detected: Value null at '${parts.join('.')}' failed to satisfy constraint: Member must not be null`,
  );
}
