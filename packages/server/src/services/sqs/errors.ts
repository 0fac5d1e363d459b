// SQS's error table: JSON shape name, query code (also sent as x-amzn-query-error), status.
// The modeled entries come from the service model; the unmodeled ones are AWS's common errors.
import { AwsError, CommonErrors, awsError, type AwsErrorSpec } from '../../protocols/errors.js';
import { sqsModel } from './model.js';

function modeled(name: keyof typeof sqsModel.errors & string): AwsErrorSpec {
  const e = sqsModel.errors[name];
  if (!e) throw new Error(`SQS model has no error ${name}`);
  return { type: name, code: e.code, status: e.status, fault: e.fault };
}

export const SqsErrors = {
  QueueDoesNotExist: modeled('QueueDoesNotExist'),
  QueueNameExists: modeled('QueueNameExists'),
  QueueDeletedRecently: modeled('QueueDeletedRecently'),
  PurgeQueueInProgress: modeled('PurgeQueueInProgress'),
  InvalidAttributeName: modeled('InvalidAttributeName'),
  InvalidAttributeValue: modeled('InvalidAttributeValue'),
  ReceiptHandleIsInvalid: modeled('ReceiptHandleIsInvalid'),
  MessageNotInflight: modeled('MessageNotInflight'),
  TooManyEntriesInBatchRequest: modeled('TooManyEntriesInBatchRequest'),
  EmptyBatchRequest: modeled('EmptyBatchRequest'),
  BatchEntryIdsNotDistinct: modeled('BatchEntryIdsNotDistinct'),
  InvalidBatchEntryId: modeled('InvalidBatchEntryId'),
  BatchRequestTooLong: modeled('BatchRequestTooLong'),
  InvalidMessageContents: modeled('InvalidMessageContents'),
  OverLimit: modeled('OverLimit'),
  UnsupportedOperation: modeled('UnsupportedOperation'),
  ResourceNotFoundException: modeled('ResourceNotFoundException'),
  InvalidParameterValue: CommonErrors.InvalidParameterValue,
  MissingParameter: CommonErrors.MissingParameter,
  /** Query requests that name an operation SQS does not have. */
  InvalidAction: awsError('InvalidAction', 400, 'InvalidAction'),
} as const;

export type SqsErrorName = keyof typeof SqsErrors;

export function sqsError(name: SqsErrorName, message: string): AwsError {
  return new AwsError(SqsErrors[name], message);
}

/** The message differs between protocols for the same error (recorded from AWS). */
export function queueDoesNotExist(protocol: 'json' | 'query'): AwsError {
  return sqsError(
    'QueueDoesNotExist',
    protocol === 'query' ? 'The specified queue does not exist for this wsdl version.' : 'The specified queue does not exist.',
  );
}
