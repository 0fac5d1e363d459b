import { describe, expect, it } from 'vitest';
import { encodeJsonResponse } from './aws-json.js';

describe('encodeJsonResponse', () => {
  it('writes Date members as epoch seconds with fractional milliseconds, as the AWS JSON protocols do', () => {
    const body = JSON.parse(
      encodeJsonResponse({
        creationDate: new Date(1_700_000_000_123),
        nested: [{ at: new Date(0) }],
      }),
    ) as unknown;
    expect(body).toEqual({ creationDate: 1_700_000_000.123, nested: [{ at: 0 }] });
  });

  it('writes blobs as base64 and leaves other values alone', () => {
    expect(
      JSON.parse(
        encodeJsonResponse({ b: Uint8Array.from([1, 2, 3]), s: '2026-01-01T00:00:00Z', n: 1 }),
      ) as unknown,
    ).toEqual({
      b: 'AQID',
      s: '2026-01-01T00:00:00Z',
      n: 1,
    });
  });
});
