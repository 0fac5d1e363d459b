// SNS's error table, from the model's error traits: JSON shape name, query code, status.
import { AwsError, awsError, type AwsErrorSpec } from '../../protocols/errors.js';
import type { InputPath } from '../../protocols/input.js';
import type { ShapeRef } from '../../protocols/model.js';
import { snsModel } from './model.js';

function modeled(name: string): AwsErrorSpec {
  const e = snsModel.errors[name];
  if (!e) throw new Error(`SNS model has no error ${name}`);
  return { type: name, code: e.code, status: e.status, fault: e.fault };
}

export const SnsErrors = {
  InvalidParameter: modeled('InvalidParameterException'),
  ParameterValueInvalid: modeled('InvalidParameterValueException'),
  NotFound: modeled('NotFoundException'),
  AuthorizationError: modeled('AuthorizationErrorException'),
  TooManyEntriesInBatchRequest: modeled('TooManyEntriesInBatchRequestException'),
  BatchEntryIdsNotDistinct: modeled('BatchEntryIdsNotDistinctException'),
  InvalidBatchEntryId: modeled('InvalidBatchEntryIdException'),
  BatchRequestTooLong: modeled('BatchRequestTooLongException'),
  EmptyBatchRequest: modeled('EmptyBatchRequestException'),
  FilterPolicyLimitExceeded: modeled('FilterPolicyLimitExceededException'),
  TagLimitExceeded: modeled('TagLimitExceededException'),
  ResourceNotFound: modeled('ResourceNotFoundException'),
  EndpointDisabled: modeled('EndpointDisabledException'),
  PlatformApplicationDisabled: modeled('PlatformApplicationDisabledException'),
  OptedOut: modeled('OptedOutException'),
  Throttled: modeled('ThrottledException'),
  /** The request validator's own error (not in the model). */
  ValidationError: awsError('ValidationError', 400, 'ValidationError'),
} as const;

export type SnsErrorName = keyof typeof SnsErrors;

export function snsError(name: SnsErrorName, message: string): AwsError {
  return new AwsError(SnsErrors[name], message);
}

/** "Invalid parameter: X" or, with a reason, "Invalid parameter: X Reason: …". */
export function invalidParameter(what: string, reason?: string): AwsError {
  return snsError('InvalidParameter', reason === undefined ? `Invalid parameter: ${what}` : `Invalid parameter: ${what} Reason: ${reason}`);
}

export function topicNotFound(): AwsError {
  return snsError('NotFound', 'Topic does not exist');
}

export function subscriptionNotFound(): AwsError {
  return snsError('NotFound', 'Subscription does not exist');
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * A missing top-level string parameter is SNS's own "no value" error; anything else is reported
 * by AWS's validator, naming the member by its camelCase path (`.member` after list items and
 * map keys).
 */
export function missingMember(path: InputPath, _queryName: string, ref: ShapeRef | undefined): AwsError {
  const only = path.length === 1 ? path[0] : undefined;
  if (only && 'member' in only && ref?.type === 'string') return invalidParameter(only.member, 'no value for required parameter');
  const parts = path.map((p) => ('member' in p ? lowerFirst(p.member) : 'index' in p ? `${p.index}.member` : `${p.key}.member`));
  return snsError('ValidationError', `1 validation error detected: Value null at '${parts.join('.')}' failed to satisfy constraint: Member must not be null`);
}
