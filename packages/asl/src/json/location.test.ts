import { describe, expect, it } from 'vitest';
import { JsonReadError, jacksonLocation } from './location.js';

describe('jacksonLocation', () => {
  it('redacts the source and leaves out a column that is not positive', () => {
    expect(jacksonLocation(undefined, 2, 9)).toBe(
      '[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 2, column: 9]',
    );
    expect(jacksonLocation(undefined, 1, 0)).toBe(
      '[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1]',
    );
  });

  it('quotes a String source with every column', () => {
    expect(jacksonLocation('{"a":1}', 1, 0)).toBe(
      '[Source: (String)"{"a":1}"; line: 1, column: 0]',
    );
  });

  it('escapes control characters but CR and LF, counting the 500 characters before escaping', () => {
    expect(jacksonLocation('a\u0000\t\u007f\u009f\r\nb', 1, 1)).toBe(
      '[Source: (String)"a\\u0000\\u0009\\u007F\\u009F\r\nb"; line: 1, column: 1]',
    );
    const text = `${'\t'.repeat(500)}xyz`;
    expect(jacksonLocation(text, 1, 1)).toBe(
      `[Source: (String)"${'\\u0009'.repeat(500)}"[truncated 3 chars]; line: 1, column: 1]`,
    );
  });
});

describe('JsonReadError', () => {
  it("reads as Jackson's getMessage(): the detail, then the location", () => {
    const error = new JsonReadError(
      'Unexpected end-of-input in field name',
      '[Source: (String)"{\\"a"; line: 1, column: 4]',
    );
    expect(error.message).toBe(
      'Unexpected end-of-input in field name\n at [Source: (String)"{\\"a"; line: 1, column: 4]',
    );
    expect(
      new JsonReadError('Document nesting depth (1001) exceeds the maximum allowed', undefined)
        .message,
    ).toBe('Document nesting depth (1001) exceeds the maximum allowed');
  });
});
