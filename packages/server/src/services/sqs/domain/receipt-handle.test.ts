import { describe, expect, it } from 'vitest';
import { decodeReceiptHandle, encodeReceiptHandle } from './receipt-handle.js';
import { parseQueueUrl } from './queue-url.js';

describe('receipt handles', () => {
  it('round-trips and differs per receive', () => {
    const h = { queueId: 3, rowId: 42, messageId: '0f8fad5b-d9cb-469f-a165-70867728950e', receiveCount: 1 };
    const first = encodeReceiptHandle(h);
    const second = encodeReceiptHandle({ ...h, receiveCount: 2 });
    expect(first).not.toBe(second);
    expect(decodeReceiptHandle(first)).toEqual(h);
  });

  it.each(['garbage', '', 'TRB1', 'TRB1!!!!', `TRB1${Buffer.from('1:2:3:4').toString('base64url')}`])('refuses the malformed handle %j', (h) => {
    expect(decodeReceiptHandle(h)).toBeUndefined();
  });
});

describe('queue URLs', () => {
  it('resolves account and name from any host, bare paths, and LocalStack-style paths', () => {
    expect(parseQueueUrl('https://sqs.us-east-1.amazonaws.com/123456789012/q-1')).toEqual({ account: '123456789012', name: 'q-1' });
    expect(parseQueueUrl('http://localhost:4566/000000000000/q')).toEqual({ account: '000000000000', name: 'q' });
    expect(parseQueueUrl('/000000000000/q')).toEqual({ account: '000000000000', name: 'q' });
    expect(parseQueueUrl('http://localhost:4566/queue/us-east-1/000000000000/q')).toEqual({ account: '000000000000', name: 'q' });
  });

  it('rejects URLs without account and name', () => {
    expect(parseQueueUrl('http://localhost:4566/')).toBeUndefined();
    expect(parseQueueUrl('q')).toBeUndefined();
  });
});
