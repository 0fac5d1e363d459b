// Topic attributes: which can be set, how they are checked, and what GetTopicAttributes adds.
import type { AwsError } from '../../../protocols/errors.js';
import { invalidParameter } from '../errors.js';
import { DEFAULT_DELIVERY_POLICY } from './delivery-policy.js';

const FEEDBACK_PROTOCOLS = ['HTTP', 'Firehose', 'Lambda', 'Application', 'SQS'];
const FEEDBACK_ATTRIBUTES = FEEDBACK_PROTOCOLS.flatMap((p) => [`${p}SuccessFeedbackRoleArn`, `${p}SuccessFeedbackSampleRate`, `${p}FailureFeedbackRoleArn`]);

const SETTABLE = new Set([
  'DisplayName',
  'Policy',
  'DeliveryPolicy',
  'KmsMasterKeyId',
  'SignatureVersion',
  'TracingConfig',
  'ContentBasedDeduplication',
  'FifoThroughputScope',
  'ArchivePolicy',
  'DataProtectionPolicy',
  ...FEEDBACK_ATTRIBUTES,
]);
const FIFO_ONLY = new Set(['ContentBasedDeduplication', 'FifoThroughputScope', 'ArchivePolicy']);

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** Checks one attribute for SetTopicAttributes (`where` = 'AttributeName') or CreateTopic ('Attributes'). */
export function checkTopicAttribute(name: string, value: string, fifo: boolean, creating: boolean): AwsError | undefined {
  if (name === 'FifoTopic') {
    if (!creating) return invalidParameter('AttributeName');
    return value === 'true' || value === 'false' ? undefined : invalidParameter('Attributes', 'FifoTopic: Invalid value [' + value + ']. Must be true or false.');
  }
  if (!SETTABLE.has(name)) return creating ? invalidParameter('Attributes', `Unknown attribute: ${name}`) : invalidParameter('AttributeName');
  if (FIFO_ONLY.has(name) && !fifo) {
    return creating ? invalidParameter('Attributes', `${name} is only valid for FIFO topics`) : invalidParameter('AttributeName');
  }
  const where = creating ? 'Attributes' : 'AttributeValue';
  switch (name) {
    case 'SignatureVersion':
      return value === '1' || value === '2' ? undefined : invalidParameter(where, `SignatureVersion: Invalid value [${value}]. Must be 1 or 2.`);
    case 'TracingConfig':
      return value === 'PassThrough' || value === 'Active' ? undefined : invalidParameter(where, `TracingConfig: Invalid value [${value}]. Must be PassThrough or Active.`);
    case 'ContentBasedDeduplication':
      return value === 'true' || value === 'false' ? undefined : invalidParameter(where, `ContentBasedDeduplication: Invalid value [${value}]. Must be true or false.`);
    case 'FifoThroughputScope':
      return value === 'Topic' || value === 'MessageGroup' ? undefined : invalidParameter(where, `FifoThroughputScope: Invalid value [${value}]. Must be Topic or MessageGroup.`);
    case 'Policy':
    case 'DeliveryPolicy':
    case 'ArchivePolicy':
    case 'DataProtectionPolicy':
      return value === '' || isJsonObject(value) ? undefined : invalidParameter(where, `${name}: failed to parse JSON.`);
    default:
      return undefined;
  }
}

export function defaultTopicPolicy(arn: string, account: string): string {
  return JSON.stringify({
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'SNS:GetTopicAttributes',
          'SNS:SetTopicAttributes',
          'SNS:AddPermission',
          'SNS:RemovePermission',
          'SNS:DeleteTopic',
          'SNS:Subscribe',
          'SNS:ListSubscriptionsByTopic',
          'SNS:Publish',
        ],
        Resource: arn,
        Condition: { StringEquals: { 'AWS:SourceOwner': account } },
      },
    ],
  });
}

/** Attributes a new topic has before any are set. */
export function initialTopicAttributes(arn: string, account: string, fifo: boolean): Record<string, string> {
  const out: Record<string, string> = { Policy: defaultTopicPolicy(arn, account), DisplayName: '' };
  if (fifo) {
    out.FifoTopic = 'true';
    out.ContentBasedDeduplication = 'false';
  }
  return out;
}

export function effectiveDeliveryPolicy(attributes: Record<string, string>): string {
  return attributes.DeliveryPolicy || JSON.stringify(DEFAULT_DELIVERY_POLICY);
}
