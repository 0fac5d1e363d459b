import { describe, expect, it } from 'vitest';
import { JacksonParseError, parseJsonLikeJackson } from './jsonparse.js';

const at = (line: number, column: number): string =>
  `\n at [Source: REDACTED (\`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION\` disabled); line: ${line}, column: ${column}]`;

function message(text: string): string {
  try {
    parseJsonLikeJackson(text);
  } catch (error) {
    if (error instanceof JacksonParseError) return error.message;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

describe('parseJsonLikeJackson', () => {
  it('parses JSON like readTree', () => {
    expect(parseJsonLikeJackson('{"a":[1,2.5,-3e2,true,false,null,"x\\n\\u00e9"]}')).toEqual({
      a: [1, 2.5, -300, true, false, null, 'x\né'],
    });
    expect(parseJsonLikeJackson('')).toBeNull();
    expect(parseJsonLikeJackson(' \n\t')).toBeNull();
    expect(parseJsonLikeJackson('{"a":1} trailing')).toEqual({ a: 1 });
    expect(parseJsonLikeJackson('{"a":1,"a":2}')).toEqual({ a: 2 });
    expect(Object.keys(parseJsonLikeJackson('{"__proto__":1}') as object)).toEqual(['__proto__']);
  });

  it('reports Jackson messages with 1-based locations', () => {
    expect(message('{bad json}')).toBe(
      `Unexpected character ('b' (code 98)): was expecting double-quote to start field name${at(1, 2)}`,
    );
    expect(message('{"a":1')).toBe(
      `Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED (\`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION\` disabled); line: 1, column: 1])${at(1, 7)}`,
    );
    expect(message('undefined')).toBe(
      `Unrecognized token 'undefined': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')${at(1, 10)}`,
    );
    expect(message('[1,\n 2')).toContain(`expected close marker for Array`);
    expect(message('[1,\n 2')).toContain(at(2, 3));
    expect(message('{"a" 1}')).toBe(
      `Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value${at(1, 6)}`,
    );
    expect(message('{"a":1 "b":2}')).toContain('was expecting comma to separate Object entries');
    expect(message('[1 2]')).toContain('was expecting comma to separate Array entries');
    expect(message('[1,]')).toContain("Unexpected character (']' (code 93)): expected a valid value");
    expect(message('[1}')).toContain("Unexpected close marker '}': expected ']'");
    expect(message('"abc')).toContain('was expecting closing quote for a string value');
    expect(message('"a\\qb"')).toContain("Unrecognized character escape 'q' (code 113)");
    expect(message('"a\nb"')).toContain('Illegal unquoted character ((CTRL-CHAR, code 10))');
    expect(message('01')).toContain('Leading zeroes not allowed');
    expect(message('123abc')).toContain('Expected space separating root-level values');
    expect(message('tru')).toContain("Unrecognized token 'tru'");
    expect(message('1.')).toContain('Decimal point not followed by a digit');
  });
});
