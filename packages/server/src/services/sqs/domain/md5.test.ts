import { describe, expect, it } from 'vitest';
import { md5Hex, md5OfMessageAttributes } from './md5.js';

describe('SQS digests', () => {
  it('hashes the UTF-8 bytes of the body', () => {
    expect(md5Hex('hello')).toBe('5d41402abc4b2a76b9719d911017c592');
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  // Published test vectors of AWS's attribute digest (as used by the aws-md5-of-message-attributes package).
  it('matches the published digest of one String attribute', () => {
    expect(md5OfMessageAttributes({ attribName1: { DataType: 'String', StringValue: 'attribValue 1' } })).toBe('19e27d4e946b072f3f58da80d94fd778');
  });

  it('sorts attribute names and distinguishes binary from string transport', () => {
    const a = md5OfMessageAttributes({
      b: { DataType: 'Binary', BinaryValue: Buffer.from('x').toString('base64') },
      a: { DataType: 'String', StringValue: 'x' },
    });
    const b = md5OfMessageAttributes({
      a: { DataType: 'String', StringValue: 'x' },
      b: { DataType: 'Binary', BinaryValue: Buffer.from('x').toString('base64') },
    });
    const asString = md5OfMessageAttributes({
      a: { DataType: 'String', StringValue: 'x' },
      b: { DataType: 'Binary', StringValue: 'x' },
    });
    expect(a).toBe(b);
    expect(a).not.toBe(asString);
  });

  it('has no digest for no attributes', () => {
    expect(md5OfMessageAttributes({})).toBeUndefined();
  });
});
