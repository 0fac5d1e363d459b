import { describe, expect, it } from 'vitest';
import { accountFromAccessKey, credentialScope } from './sigv4.js';

describe('SigV4 credential scope', () => {
  it('reads access key, region and service from an Authorization header', () => {
    const scope = credentialScope('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-1/sqs/aws4_request, SignedHeaders=host, Signature=abc');
    expect(scope).toEqual({ accessKeyId: 'AKIDEXAMPLE', date: '20260101', region: 'eu-west-1', service: 'sqs' });
  });

  it('reads a presigned X-Amz-Credential parameter', () => {
    expect(credentialScope(undefined, 'K/20260101/ap-south-1/sqs/aws4_request')?.region).toBe('ap-south-1');
  });

  it('takes a 12-digit access key as the account and falls back otherwise', () => {
    expect(accountFromAccessKey('123456789012', '000000000000')).toBe('123456789012');
    expect(accountFromAccessKey('test', '000000000000')).toBe('000000000000');
    expect(accountFromAccessKey(undefined, '000000000000')).toBe('000000000000');
  });
});
