import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../protocols/errors.js';
import { firstDifference, validateAttributes, withDefaults } from './queue-attributes.js';

function err(v: unknown): AwsError {
  if (!(v instanceof AwsError)) throw new Error('expected an error');
  return v;
}

describe('queue attributes', () => {
  it('fills AWS defaults for a new standard queue, SSE-SQS on', () => {
    expect(withDefaults({}, false)).toEqual({
      DelaySeconds: '0',
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: '345600',
      ReceiveMessageWaitTimeSeconds: '0',
      VisibilityTimeout: '30',
      SqsManagedSseEnabled: 'true',
    });
  });

  it.each([
    ['DelaySeconds', '901'],
    ['DelaySeconds', '-1'],
    ['MaximumMessageSize', '1023'],
    ['MaximumMessageSize', '1048577'],
    ['MessageRetentionPeriod', '59'],
    ['ReceiveMessageWaitTimeSeconds', '21'],
    ['VisibilityTimeout', '43201'],
    ['VisibilityTimeout', 'abc'],
    ['Policy', 'not json'],
  ])('rejects %s=%s with InvalidAttributeValue', (name, value) => {
    const e = err(validateAttributes({ [name]: value }, false, 'CreateQueue'));
    expect(e.code).toBe('InvalidAttributeValue');
    expect(e.message).toBe(`Invalid value for the parameter ${name}.`);
  });

  it('rejects unknown and FIFO-only attributes on a standard queue with AWS wording', () => {
    expect(err(validateAttributes({ Nope: '1' }, false, 'CreateQueue')).message).toBe('Unknown Attribute Nope.');
    expect(err(validateAttributes({ ContentBasedDeduplication: 'true' }, false, 'CreateQueue')).message).toBe('Unknown Attribute ContentBasedDeduplication.');
    expect(err(validateAttributes({ DeduplicationScope: 'queue' }, false, 'CreateQueue')).message).toBe(
      'You can specify the DeduplicationScope only when FifoQueue is set to true.',
    );
    expect(err(validateAttributes({ FifoThroughputLimit: 'perQueue' }, false, 'CreateQueue')).code).toBe('InvalidAttributeName');
  });

  it('refuses to change the queue type and accepts restating it', () => {
    const e = err(validateAttributes({ FifoQueue: 'false' }, true, 'SetQueueAttributes'));
    expect(e.message).toBe('Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.');
    expect(validateAttributes({ FifoQueue: 'true' }, true, 'SetQueueAttributes')).toEqual({ FifoQueue: 'true' });
  });

  it('validates the redrive policy maxReceiveCount range', () => {
    const policy = JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:dlq', maxReceiveCount: 1001 });
    expect(err(validateAttributes({ RedrivePolicy: policy }, false, 'SetQueueAttributes')).message).toContain(
      'Invalid value for maxReceiveCount: 1001, valid values are from 1 to 1000 both inclusive.',
    );
  });

  it('refuses SSE-SQS and SSE-KMS together', () => {
    expect(err(validateAttributes({ SqsManagedSseEnabled: 'true', KmsMasterKeyId: 'alias/aws/sqs' }, false, 'CreateQueue')).code).toBe('InvalidAttributeName');
  });

  it('normalises numbers and booleans as SQS reports them', () => {
    expect(validateAttributes({ DelaySeconds: '05', SqsManagedSseEnabled: 'TRUE' }, false, 'CreateQueue')).toEqual({ DelaySeconds: '5', SqsManagedSseEnabled: 'true' });
  });

  it('compares only the attributes a second CreateQueue names, defaults included', () => {
    const existing = withDefaults({ DelaySeconds: '1', ReceiveMessageWaitTimeSeconds: '1' }, false);
    expect(firstDifference(existing, withDefaults({ DelaySeconds: '2' }, false), ['DelaySeconds'])).toBe('DelaySeconds');
    expect(firstDifference(existing, withDefaults({ DelaySeconds: '1' }, false), ['DelaySeconds'])).toBeUndefined();
    expect(firstDifference(existing, withDefaults({}, false), [])).toBeUndefined();
    expect(firstDifference(withDefaults({}, false), withDefaults({ VisibilityTimeout: '30' }, false), ['VisibilityTimeout'])).toBeUndefined();
    expect(firstDifference(withDefaults({}, false), withDefaults({ Policy: '{}' }, false), ['Policy'])).toBe('Policy');
  });
});
