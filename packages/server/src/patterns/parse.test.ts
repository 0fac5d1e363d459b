import { describe, expect, it } from 'vitest';
import { JsonReadError, javaDoubleToString, jacksonQuote, readJsonTree, writeJsonTree, type JNode } from './parse.js';

const REDACTED = 'REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)';

function failure(text: string): string {
  try {
    readJsonTree(text);
  } catch (err) {
    if (err instanceof JsonReadError) return err.jacksonMessage();
    throw err;
  }
  throw new Error(`parsed: ${text}`);
}

const at = (line: number, column: number): string => `\n at [Source: ${REDACTED}; line: ${line}, column: ${column}]`;
const VALUES = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

describe('reading JSON as Jackson does', () => {
  it('reports an unquoted field name at the offending character', () => {
    expect(failure('{invalidjson}')).toBe(`Unexpected character ('i' (code 105)): was expecting double-quote to start field name${at(1, 2)}`);
  });

  it('reports a bare word as an unrecognized token, read up to the first non-identifier character', () => {
    expect(failure('invalid-json')).toBe(`Unrecognized token 'invalid': was expecting ${VALUES}${at(1, 8)}`);
    expect(failure('{"a":tru}')).toBe(`Unrecognized token 'tru': was expecting ${VALUES}${at(1, 9)}`);
    expect(failure('{"a":truex}')).toBe(`Unrecognized token 'truex': was expecting ${VALUES}${at(1, 11)}`);
    expect(failure('{"a":NaN}')).toBe(`Non-standard token 'NaN': enable \`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS\` to allow${at(1, 9)}`);
  });

  it('reports a missing value, a trailing comma and a missing separator', () => {
    expect(failure('{"a":}')).toBe(`Unexpected character ('}' (code 125)): expected a value${at(1, 6)}`);
    expect(failure('{"a":[1,]}')).toBe(`Unexpected character (']' (code 93)): expected a valid value ${VALUES}${at(1, 9)}`);
    expect(failure('{"a":1,}')).toBe(`Unexpected character ('}' (code 125)): was expecting double-quote to start field name${at(1, 8)}`);
    expect(failure('{"a" 1}')).toBe(`Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value${at(1, 6)}`);
    expect(failure('{"a":1 "b":2}')).toBe(`Unexpected character ('"' (code 34)): was expecting comma to separate Object entries${at(1, 8)}`);
    expect(failure('{"a":[1 2]}')).toBe(`Unexpected character ('2' (code 50)): was expecting comma to separate Array entries${at(1, 9)}`);
    expect(failure('{"a":#}')).toBe(`Unexpected character ('#' (code 35)): expected a valid value ${VALUES}${at(1, 6)}`);
  });

  it('reports mismatched close markers with where the container started', () => {
    expect(failure('{"a":[1}')).toBe(
      `Unexpected close marker '}': expected ']' (for Array starting at [Source: ${REDACTED}; line: 1, column: 6])${at(1, 8)}`,
    );
  });

  it('reports the end of input inside a container, a string or after a comma', () => {
    expect(failure('{"a":1')).toBe(
      `Unexpected end-of-input: expected close marker for Object (start marker at [Source: ${REDACTED}; line: 1, column: 1])${at(1, 7)}`,
    );
    expect(failure('{"a":"x')).toBe(`Unexpected end-of-input: was expecting closing quote for a string value${at(1, 8)}`);
    expect(failure('{"a":1,')).toBe(`Unexpected end-of-input within/between Object entries${at(1, 8)}`);
    expect(failure('{"a')).toBe(`Unexpected end-of-input in field name${at(1, 4)}`);
    expect(failure('{"a"')).toBe(`Unexpected end-of-input within/between Object entries${at(1, 5)}`);
  });

  it('reports bad numbers as Jackson words them', () => {
    expect(failure('{"a":01}')).toBe(`Invalid numeric value: Leading zeroes not allowed${at(1, 7)}`);
    expect(failure('{"a":-x}')).toBe(
      `Unexpected character ('x' (code 120)) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value${at(1, 7)}`,
    );
    expect(failure('{"a":1.}')).toBe(`Unexpected character ('}' (code 125)) in numeric value: Decimal point not followed by a digit${at(1, 7)}`);
    expect(failure('{"a":1e}')).toBe(`Unexpected character ('}' (code 125)) in numeric value: Exponent indicator not followed by a digit${at(1, 7)}`);
    expect(failure('{"a":+1}')).toBe(
      "Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers to have plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow" +
        at(1, 7),
    );
  });

  it('reports bad string content at the offending character', () => {
    expect(failure('{"a":"\\x"}')).toBe(`Unrecognized character escape 'x' (code 120)${at(1, 8)}`);
    expect(failure('{"a":"\\u12g4"}')).toBe(`Unexpected character ('g' (code 103)): expected a hex-digit for character escape sequence${at(1, 11)}`);
    expect(failure('{"a":"\tb"}')).toBe(
      `Illegal unquoted character ((CTRL-CHAR, code 9)): has to be escaped using backslash to be included in string value${at(1, 7)}`,
    );
  });

  it('rejects comments and stray control characters', () => {
    expect(failure('{"a":1 /* c */}')).toBe(
      "Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)" +
        at(1, 8),
    );
    expect(failure('{\u0001}')).toBe(`Illegal character ((CTRL-CHAR, code 1)): only regular white space (\\r, \\n, \\t) is allowed between tokens${at(1, 3)}`);
  });

  it('counts lines and columns across newlines, CRLF included', () => {
    expect(failure('{\n  "a": x\n}')).toBe(`Unrecognized token 'x': was expecting ${VALUES}${at(2, 9)}`);
    expect(failure('{\r\n"a":\r\n x}')).toBe(`Unrecognized token 'x': was expecting ${VALUES}${at(3, 3)}`);
  });

  it('limits nesting depth to 1000, without a location', () => {
    expect(failure(`{"a":${'['.repeat(1000)}`)).toBe(
      'Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)',
    );
  });

  it('reads the first value and ignores what follows it', () => {
    expect(readJsonTree('{"a":["x"]} trailing')).toEqual({
      kind: 'object',
      entries: new Map([['a', { kind: 'array', items: [{ kind: 'string', value: 'x' }] }]]),
    });
  });

  it('answers "missing" for input with no value', () => {
    expect(readJsonTree('  ')).toEqual({ kind: 'missing' });
  });

  it('keeps the first position and the last value of a duplicated key', () => {
    const tree = readJsonTree('{"a":1,"b":2,"a":3}');
    expect(writeJsonTree(tree).text).toBe('{"a":3,"b":2}');
  });
});

describe('writing JSON as Jackson does', () => {
  const written = (text: string): string => writeJsonTree(readJsonTree(text)).text;

  it('writes compactly, keeping key order', () => {
    expect(written('{ "b" : [ 1 , "x" ] ,\n "a" : { "c" : null } }')).toBe('{"b":[1,"x"],"a":{"c":null}}');
  });

  it('writes integers as given and fractions as Java doubles', () => {
    expect(written('[1, -0, 12345678901234567890, 1e2, 3.015e2, 1.0, 0.001, 1e-4, 1e7, 1234567.5, -0.0]')).toBe(
      '[1,0,12345678901234567890,100.0,301.5,1.0,0.001,1.0E-4,1.0E7,1234567.5,-0.0]',
    );
  });

  it('writes an infinite double as a string', () => {
    expect(written('[1e400]')).toBe('["Infinity"]');
  });

  it('escapes only quotes, backslashes and control characters', () => {
    expect(jacksonQuote('a"b\\c/d\n\u001f\u007fé')).toBe('"a\\"b\\\\c/d\\n\\u001F\u007fé"');
    expect(written('["\\/\\u00e9\\t"]')).toBe('["/é\\t"]');
  });

  it('records each token with its offsets and text', () => {
    const { tokens } = writeJsonTree(readJsonTree('{"k": ["v", 2]}'));
    expect(tokens.map((t) => [t.start, t.end, t.text])).toEqual([
      [0, 1, '{'],
      [1, 4, 'k'],
      [5, 6, '['],
      [6, 9, 'v'],
      [10, 11, '2'],
      [11, 12, ']'],
      [12, 13, '}'],
    ]);
  });

  it('writes nothing for a missing value', () => {
    const missing: JNode = { kind: 'missing' };
    expect(writeJsonTree(missing).text).toBe('');
  });
});

describe('Double.toString', () => {
  it.each([
    [0, '0.0'],
    [-0, '-0.0'],
    [100, '100.0'],
    [0.1, '0.1'],
    [1e-3, '0.001'],
    [9.999e-4, '9.999E-4'],
    [1e7, '1.0E7'],
    [9999999, '9999999.0'],
    [1.5e300, '1.5E300'],
    [-2.5e-10, '-2.5E-10'],
  ])('writes %d as %s', (value, text) => {
    expect(javaDoubleToString(value)).toBe(text);
  });
});
