import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../protocols/errors.js';
import { decodeToken, encodeToken, pageSize } from './paging.js';

const message = (v: unknown): string =>
  v instanceof AwsError ? `${v.type}: ${v.message}` : JSON.stringify(v);

describe('paging', () => {
  it('treats maxResults 0 or absent as the default page and refuses more than 1000 in AWS words', () => {
    expect(pageSize(undefined, 100)).toBe(100);
    expect(pageSize(0, 100)).toBe(100);
    expect(pageSize(7, 100)).toBe(7);
    expect(message(pageSize(1001, 100))).toBe(
      "ValidationException: 1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
  });

  it('round-trips its own tokens and refuses tokens of another listing', () => {
    const token = encodeToken('ex', 42);
    expect(decodeToken(token, 'ex', 3096)).toEqual({ position: 42, extra: {} });
    expect(message(decodeToken(token, 'sm', 1024))).toMatch(/^InvalidToken: /);
    expect(message(decodeToken('garbage', 'ex', 3096))).toMatch(/^InvalidToken: /);
  });

  it('checks the token length before anything else', () => {
    expect(message(decodeToken('', 'ex', 3096))).toMatch(
      /Member must have length greater than or equal to 1$/,
    );
    expect(message(decodeToken('x'.repeat(1025), 'sm', 1024))).toMatch(
      /Member must have length less than or equal to 1024$/,
    );
  });
});
