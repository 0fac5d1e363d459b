import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../protocols/errors.js';
import {
  encryptionConfiguration,
  loggingConfiguration,
  sameConfiguration,
} from './configuration.js';

describe('state machine configuration', () => {
  it('defaults logging to OFF without execution data', () => {
    expect(loggingConfiguration(undefined)).toEqual({ level: 'OFF', includeExecutionData: false });
  });

  it('keeps given destinations, an empty list included', () => {
    expect(loggingConfiguration({ destinations: [] })).toEqual({
      level: 'OFF',
      includeExecutionData: false,
      destinations: [],
    });
  });

  it('requires exactly one destination for a level other than OFF, in AWS words', () => {
    const err = loggingConfiguration({ level: 'ALL' });
    expect(err).toBeInstanceOf(AwsError);
    expect((err as AwsError).message).toBe(
      'Invalid Logging Configuration: Must specify exactly one Log Destination.',
    );
  });

  it('requires a key id for customer-managed encryption', () => {
    expect(encryptionConfiguration({ type: 'CUSTOMER_MANAGED_KMS_KEY' })).toBeInstanceOf(AwsError);
    expect(encryptionConfiguration({ type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'k' })).toEqual({
      type: 'CUSTOMER_MANAGED_KMS_KEY',
      kmsKeyId: 'k',
    });
  });

  it('compares configurations by content, not key order', () => {
    expect(sameConfiguration({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameConfiguration({ a: 1 }, { a: 2 })).toBe(false);
  });
});
