import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodePayload, encodePayload } from './payload.js';

const key = randomBytes(32);

describe('message payloads', () => {
  it.each([
    ['a bare body, sealed', { body: 'héllo', attributes: null, systemAttributes: null }, key],
    ['a bare body, plain', { body: 'plain', attributes: null, systemAttributes: null }, undefined],
    ['a body with attributes, sealed', { body: 'x', attributes: { a: { DataType: 'String', StringValue: 'v' } }, systemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: 't' } } }, key],
    ['a body with attributes, plain', { body: 'x', attributes: { b: { DataType: 'Binary', BinaryValue: 'AQI=' } }, systemAttributes: null }, undefined],
  ])('round-trips %s', (_label, content, k) => {
    expect(decodePayload(encodePayload(content, k), key)).toEqual(content);
  });

  it('does not contain the body in clear when sealed, and uses a fresh IV each time', () => {
    const a = encodePayload({ body: 'secret-body', attributes: null, systemAttributes: null }, key);
    const b = encodePayload({ body: 'secret-body', attributes: null, systemAttributes: null }, key);
    expect(a.includes(Buffer.from('secret-body'))).toBe(false);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
  });

  it('refuses a tampered sealed payload', () => {
    const p = encodePayload({ body: 'x', attributes: null, systemAttributes: null }, key);
    p[p.length - 1]! ^= 1;
    expect(() => decodePayload(p, key)).toThrow();
  });
});
