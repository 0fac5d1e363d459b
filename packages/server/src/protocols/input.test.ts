import { describe, expect, it } from 'vitest';
import { sqsModel } from '../services/sqs/model.js';
import { AwsError } from './errors.js';
import { decodeJsonInput, decodeQueryInput } from './input.js';

const q = (entries: Record<string, string>) => new Map(Object.entries(entries));

function errorOf(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('expected an AwsError');
}

describe('query input decoding', () => {
  it('decodes flattened maps of attributes and tags by their model names', () => {
    const input = decodeQueryInput(sqsModel, 'CreateQueueRequest', q({
      QueueName: 'q',
      'Attribute.1.Name': 'DelaySeconds',
      'Attribute.1.Value': '5',
      'Attribute.2.Name': 'VisibilityTimeout',
      'Attribute.2.Value': '60',
      'Tag.1.Key': 'team',
      'Tag.1.Value': 'a',
    }));
    expect(input).toEqual({ QueueName: 'q', Attributes: { DelaySeconds: '5', VisibilityTimeout: '60' }, tags: { team: 'a' } });
  });

  it('decodes batch entries with nested message attributes and base64 binary values', () => {
    const input = decodeQueryInput(sqsModel, 'SendMessageBatchRequest', q({
      QueueUrl: 'u',
      'SendMessageBatchRequestEntry.1.Id': 'a',
      'SendMessageBatchRequestEntry.1.MessageBody': 'x',
      'SendMessageBatchRequestEntry.1.DelaySeconds': '3',
      'SendMessageBatchRequestEntry.1.MessageAttribute.1.Name': 'bin',
      'SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType': 'Binary',
      'SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.BinaryValue': Buffer.from([1, 2]).toString('base64'),
      'SendMessageBatchRequestEntry.2.Id': 'b',
      'SendMessageBatchRequestEntry.2.MessageBody': 'y',
    }));
    const entries = input.Entries as Record<string, unknown>[];
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ Id: 'a', MessageBody: 'x', DelaySeconds: 3 });
    const attr = (entries[0]!.MessageAttributes as Record<string, { BinaryValue: Buffer }>).bin!;
    expect([...attr.BinaryValue]).toEqual([1, 2]);
  });

  it('decodes flattened lists such as AttributeName.N into both attribute-name members', () => {
    const input = decodeQueryInput(sqsModel, 'ReceiveMessageRequest', q({ QueueUrl: 'u', 'AttributeName.1': 'All', 'MessageAttributeName.1': 'x.*' }));
    expect(input.AttributeNames).toEqual(['All']);
    expect(input.MessageAttributeNames).toEqual(['x.*']);
  });

  it('reads an empty list sent as the bare member name, as boto3 sends Entries=[]', () => {
    expect(decodeQueryInput(sqsModel, 'SendMessageBatchRequest', q({ QueueUrl: 'u', Entries: '' })).Entries).toEqual([]);
  });

  it('reports a missing required parameter with MissingParameter', () => {
    const err = errorOf(() => decodeQueryInput(sqsModel, 'CreateQueueRequest', q({})));
    expect(err.code).toBe('MissingParameter');
    expect(err.message).toBe('The request must contain the parameter QueueName.');
  });

  it('rejects a non-numeric value for a numeric parameter with InvalidParameterValue', () => {
    const err = errorOf(() => decodeQueryInput(sqsModel, 'ReceiveMessageRequest', q({ QueueUrl: 'u', MaxNumberOfMessages: 'abc' })));
    expect(err.code).toBe('InvalidParameterValue');
    expect(err.status).toBe(400);
  });
});

describe('JSON input decoding', () => {
  it('accepts well-typed input and turns base64 blobs into bytes', () => {
    const input = decodeJsonInput(sqsModel, 'SendMessageRequest', {
      QueueUrl: 'u',
      MessageBody: 'b',
      MessageAttributes: { k: { DataType: 'Binary', BinaryValue: 'AQI=' } },
      Unknown: 1,
    });
    expect(input.Unknown).toBeUndefined();
    expect([...(input.MessageAttributes as Record<string, { BinaryValue: Buffer }>).k!.BinaryValue]).toEqual([1, 2]);
  });

  it('rejects a string where the model wants a number', () => {
    const err = errorOf(() => decodeJsonInput(sqsModel, 'ReceiveMessageRequest', { QueueUrl: 'u', MaxNumberOfMessages: '5' }));
    expect(err.status).toBe(400);
    expect(err.type).toBe('SerializationException');
  });

  it('reports a missing required member inside a list entry', () => {
    const err = errorOf(() => decodeJsonInput(sqsModel, 'DeleteMessageBatchRequest', { QueueUrl: 'u', Entries: [{ Id: 'a' }] }));
    expect(err.code).toBe('MissingParameter');
    expect(err.message).toContain('ReceiptHandle');
  });

  it('rejects a body that is not an object', () => {
    expect(errorOf(() => decodeJsonInput(sqsModel, 'ListQueuesRequest', [1])).status).toBe(400);
  });
});
