import { describe, expect, it } from 'vitest';
import { JsonReadError } from './location.js';
import { readJsonTree } from './reader.js';
import { toJsonValue, type JsonNode } from './tree.js';

const REDACTED = 'REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)';
const VALUES = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const at = (line: number, column: number): string =>
  `\n at [Source: ${REDACTED}; line: ${line}, column: ${column}]`;

/** The JsonReadError reading text throws (source redacted unless asked). */
function error(text: string, includeSource = false): JsonReadError {
  try {
    readJsonTree(text, { includeSource });
  } catch (err) {
    if (err instanceof JsonReadError) return err;
    throw err;
  }
  throw new Error(`parsed: ${JSON.stringify(text)}`);
}
const failure = (text: string): string => error(text).message;

/** The plain value, null for text without one (as States.StringToJson answers). */
function plain(text: string): unknown {
  const tree = readJsonTree(text);
  return tree === undefined ? null : toJsonValue(tree);
}

describe('reading values as readTree does', () => {
  it('reads every kind of value', () => {
    expect(plain('{"a":[1,2.5,-3e2,true,false,null,"x\\n\\u00e9"]}')).toEqual({
      a: [1, 2.5, -300, true, false, null, 'x\né'],
    });
    expect(plain('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00E9"')).toBe('"\\/\b\f\n\r\tAé');
  });

  it('answers undefined (MissingNode) for text with no value', () => {
    expect(readJsonTree('')).toBeUndefined();
    expect(readJsonTree(' \n\t')).toBeUndefined();
    expect(readJsonTree('  ')).toBeUndefined();
    expect(readJsonTree('\r\n')).toBeUndefined();
  });

  it('reads the first value and ignores what follows it', () => {
    expect(plain('{"a":1} trailing')).toEqual({ a: 1 });
    expect(readJsonTree('{"a":["x"]} trailing')).toEqual({
      kind: 'object',
      entries: [['a', { kind: 'array', items: [{ kind: 'string', value: 'x' }] }]],
      map: new Map([['a', { kind: 'array', items: [{ kind: 'string', value: 'x' }] }]]),
    });
    expect(plain('[1]]')).toEqual([1]);
    expect(plain('null$')).toBeNull();
    expect(plain(' {"a":1} ')).toEqual({ a: 1 });
  });

  it('keeps duplicated keys in order and the last value', () => {
    const node = readJsonTree('{"a": 1, "b": 2.0, "a": 3}');
    expect(node?.kind === 'object' && node.entries.map(([k]) => k)).toEqual(['a', 'b', 'a']);
    expect(node && toJsonValue(node)).toEqual({ a: 3, b: 2 });
    expect(plain('{"a":1,"a":2}')).toEqual({ a: 2 });
  });

  it('keeps the first position and the last value of a duplicated key in the map', () => {
    const node = readJsonTree('{"a":1,"b":2,"a":3}');
    expect(
      node?.kind === 'object' && [...node.map].map(([k, v]) => [k, v.kind === 'number' && v.text]),
    ).toEqual([
      ['a', '3'],
      ['b', '2'],
    ]);
  });

  it('keeps "__proto__" as an ordinary key', () => {
    const node = readJsonTree('{"__proto__": {"x": 1}}');
    const value = node && (toJsonValue(node) as Record<string, unknown>);
    expect(Object.keys(value ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(plain('{"__proto__":1}') as object)).toEqual(['__proto__']);
  });
});

describe('numbers', () => {
  const number = (text: string): JsonNode | undefined => {
    const tree = readJsonTree(`[${text}]`);
    return tree?.kind === 'array' ? tree.items[0] : undefined;
  };

  it('keep their text and whether they were written as integers', () => {
    expect(number('12345678901234567890')).toEqual({
      kind: 'number',
      value: 12345678901234567890,
      integer: true,
      text: '12345678901234567890',
    });
    expect(number('-0')).toEqual({ kind: 'number', value: -0, integer: true, text: '-0' });
    expect(number('1.0')).toEqual({ kind: 'number', value: 1, integer: false, text: '1.0' });
    expect(number('3.015e2')).toEqual({
      kind: 'number',
      value: 301.5,
      integer: false,
      text: '3.015e2',
    });
    expect(number('1E-4')).toEqual({ kind: 'number', value: 0.0001, integer: false, text: '1E-4' });
    expect(number('1e+2')).toEqual({ kind: 'number', value: 100, integer: false, text: '1e+2' });
    expect(readJsonTree('1e400')).toEqual({
      kind: 'number',
      value: Infinity,
      integer: false,
      text: '1e400',
    });
  });

  it('read -0 and -0.0 as 0 in plain values', () => {
    expect(Object.is(plain('-0'), 0)).toBe(true);
    expect(Object.is(plain('-0.0'), 0)).toBe(true);
    expect(plain('[1, -0, 1e2, 3.015e2, 1.0]')).toEqual([1, 0, 100, 301.5, 1]);
  });

  it('refuse what JSON does not allow, with Jackson words', () => {
    expect(failure('{"a":01}')).toBe(
      `Invalid numeric value: Leading zeroes not allowed${at(1, 7)}`,
    );
    expect(failure('01')).toBe(`Invalid numeric value: Leading zeroes not allowed${at(1, 2)}`);
    expect(failure('-01')).toBe(`Invalid numeric value: Leading zeroes not allowed${at(1, 3)}`);
    expect(failure('{"a":-x}')).toBe(
      `Unexpected character ('x' (code 120)) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value${at(1, 7)}`,
    );
    expect(failure('[-.5]')).toBe(
      `Unexpected character ('.' (code 46)): expected a valid value ${VALUES}${at(1, 3)}`,
    );
    expect(failure('{"a":1.}')).toBe(
      `Unexpected character ('}' (code 125)) in numeric value: Decimal point not followed by a digit${at(1, 7)}`,
    );
    expect(failure('{"a":1e}')).toBe(
      `Unexpected character ('}' (code 125)) in numeric value: Exponent indicator not followed by a digit${at(1, 7)}`,
    );
    expect(failure('{"a":+1}')).toBe(
      "Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers to have plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow" +
        at(1, 7),
    );
  });

  it('report the end of input inside a number as Jackson does, without a space', () => {
    expect(failure('-')).toBe(`Unexpected end-of-inputNo digit following sign${at(1, 2)}`);
    expect(failure('1e')).toBe(
      `Unexpected end-of-inputexpected a digit for number exponent${at(1, 3)}`,
    );
    expect(failure('[1.5E+')).toBe(
      `Unexpected end-of-inputexpected a digit for number exponent${at(1, 7)}`,
    );
    expect(failure('1.')).toBe(
      `Unexpected character ('.' (code 46)) in numeric value: Decimal point not followed by a digit${at(1, 2)}`,
    );
    expect(failure('+')).toBe(`Unexpected end-of-input in a Number value${at(1, 2)}`);
  });

  it('refuse non-numeric numbers', () => {
    expect(failure('{"a":NaN}')).toBe(
      `Non-standard token 'NaN': enable \`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS\` to allow${at(1, 9)}`,
    );
    expect(failure('Infinity')).toBe(
      `Non-standard token 'Infinity': enable \`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS\` to allow${at(1, 9)}`,
    );
    expect(failure('-Infinity')).toBe(
      `Non-standard token '-Infinity': enable \`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS\` to allow${at(1, 10)}`,
    );
    expect(failure('[-INF]')).toBe(
      `Non-standard token '-INF': enable \`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS\` to allow${at(1, 6)}`,
    );
    expect(failure('+Infinity')).toBe(
      `Non-standard token '+Infinity': enable \`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS\` to allow${at(1, 10)}`,
    );
  });

  it('need white space after a root-level number', () => {
    expect(failure('123abc')).toBe(
      `Unexpected character ('a' (code 97)): Expected space separating root-level values${at(1, 4)}`,
    );
    expect(failure('1]')).toBe(
      `Unexpected character (']' (code 93)): Expected space separating root-level values${at(1, 2)}`,
    );
    expect(failure('1\u000b')).toBe(
      `Unexpected character ((CTRL-CHAR, code 11)): Expected space separating root-level values${at(1, 2)}`,
    );
    expect(plain('1 x')).toBe(1);
    expect(plain('1\r\n')).toBe(1);
  });

  it('limits a number to 1000 digits, without a location', () => {
    expect(plain('9'.repeat(1000))).toBe(Number('9'.repeat(1000)));
    expect(failure(`[${'9'.repeat(1001)}]`)).toBe(
      'Number value length (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNumberLength()`)',
    );
    expect(failure(`[1.${'5'.repeat(999)}e1]`)).toBe(
      'Number value length (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNumberLength()`)',
    );
    expect(error(`[${'9'.repeat(1001)}]`).location).toBeUndefined();
  });
});

describe('Jackson messages, source redacted', () => {
  it('reports an unquoted field name at the offending character', () => {
    expect(failure('{invalidjson}')).toBe(
      `Unexpected character ('i' (code 105)): was expecting double-quote to start field name${at(1, 2)}`,
    );
    expect(failure('{bad json}')).toBe(
      `Unexpected character ('b' (code 98)): was expecting double-quote to start field name${at(1, 2)}`,
    );
  });

  it('reports a bare word as an unrecognized token, read up to the first non-identifier character', () => {
    expect(failure('invalid-json')).toBe(
      `Unrecognized token 'invalid': was expecting ${VALUES}${at(1, 8)}`,
    );
    expect(failure('undefined')).toBe(
      `Unrecognized token 'undefined': was expecting ${VALUES}${at(1, 10)}`,
    );
    expect(failure('tru')).toBe(`Unrecognized token 'tru': was expecting ${VALUES}${at(1, 4)}`);
    expect(failure('{"a":tru}')).toBe(
      `Unrecognized token 'tru': was expecting ${VALUES}${at(1, 9)}`,
    );
    expect(failure('{"a":truex}')).toBe(
      `Unrecognized token 'truex': was expecting ${VALUES}${at(1, 11)}`,
    );
    expect(failure('nulL')).toBe(`Unrecognized token 'nulL': was expecting ${VALUES}${at(1, 5)}`);
  });

  it('cuts an unrecognized token at 256 characters', () => {
    expect(failure('x'.repeat(300))).toBe(
      `Unrecognized token '${'x'.repeat(256)}...': was expecting ${VALUES}${at(1, 257)}`,
    );
  });

  it('reports a missing value, a trailing comma and a missing separator', () => {
    expect(failure('{"a":}')).toBe(
      `Unexpected character ('}' (code 125)): expected a value${at(1, 6)}`,
    );
    expect(failure('{"a":[1,]}')).toBe(
      `Unexpected character (']' (code 93)): expected a valid value ${VALUES}${at(1, 9)}`,
    );
    expect(failure('[1,]')).toBe(
      `Unexpected character (']' (code 93)): expected a valid value ${VALUES}${at(1, 4)}`,
    );
    expect(failure('{"a":1,}')).toBe(
      `Unexpected character ('}' (code 125)): was expecting double-quote to start field name${at(1, 8)}`,
    );
    expect(failure('{"a" 1}')).toBe(
      `Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value${at(1, 6)}`,
    );
    expect(failure('{"a":1 "b":2}')).toBe(
      `Unexpected character ('"' (code 34)): was expecting comma to separate Object entries${at(1, 8)}`,
    );
    expect(failure('{"a":[1 2]}')).toBe(
      `Unexpected character ('2' (code 50)): was expecting comma to separate Array entries${at(1, 9)}`,
    );
    expect(failure('[1 2]')).toBe(
      `Unexpected character ('2' (code 50)): was expecting comma to separate Array entries${at(1, 4)}`,
    );
    expect(failure('{"a":#}')).toBe(
      `Unexpected character ('#' (code 35)): expected a valid value ${VALUES}${at(1, 6)}`,
    );
  });

  it('reports mismatched close markers with where the container started', () => {
    expect(failure('{"a":[1}')).toBe(
      `Unexpected close marker '}': expected ']' (for Array starting at [Source: ${REDACTED}; line: 1, column: 6])${at(1, 8)}`,
    );
    expect(failure('[1}')).toBe(
      `Unexpected close marker '}': expected ']' (for Array starting at [Source: ${REDACTED}; line: 1, column: 1])${at(1, 3)}`,
    );
    expect(failure('{"a":1]')).toBe(
      `Unexpected close marker ']': expected '}' (for Object starting at [Source: ${REDACTED}; line: 1, column: 1])${at(1, 7)}`,
    );
  });

  it('leaves out the column of the root context, which is 0', () => {
    expect(failure(' ]')).toBe(
      `Unexpected close marker ']': expected '}' (for root starting at [Source: ${REDACTED}; line: 1])${at(1, 2)}`,
    );
    expect(failure('}')).toBe(
      `Unexpected close marker '}': expected ']' (for root starting at [Source: ${REDACTED}; line: 1])${at(1, 1)}`,
    );
  });

  it('reports the end of input inside a container, a string or after a comma', () => {
    expect(failure('{"a":1')).toBe(
      `Unexpected end-of-input: expected close marker for Object (start marker at [Source: ${REDACTED}; line: 1, column: 1])${at(1, 7)}`,
    );
    expect(failure('[1,\n 2')).toBe(
      `Unexpected end-of-input: expected close marker for Array (start marker at [Source: ${REDACTED}; line: 1, column: 1])${at(2, 3)}`,
    );
    expect(failure('{"a":"x')).toBe(
      `Unexpected end-of-input: was expecting closing quote for a string value${at(1, 8)}`,
    );
    expect(failure('"abc')).toBe(
      `Unexpected end-of-input: was expecting closing quote for a string value${at(1, 5)}`,
    );
    expect(failure('{"a":1,')).toBe(
      `Unexpected end-of-input within/between Object entries${at(1, 8)}`,
    );
    expect(failure('[1,')).toBe(`Unexpected end-of-input within/between Array entries${at(1, 4)}`);
    expect(failure('{"a')).toBe(`Unexpected end-of-input in field name${at(1, 4)}`);
    expect(failure('{"a"')).toBe(
      `Unexpected end-of-input within/between Object entries${at(1, 5)}`,
    );
    expect(failure('"\\')).toBe(`Unexpected end-of-input in character escape sequence${at(1, 3)}`);
    expect(failure('"\\u12')).toBe(
      `Unexpected end-of-input in character escape sequence${at(1, 6)}`,
    );
  });

  it('reports bad string content at the offending character', () => {
    expect(failure('{"a":"\\x"}')).toBe(`Unrecognized character escape 'x' (code 120)${at(1, 8)}`);
    expect(failure('"a\\qb"')).toBe(`Unrecognized character escape 'q' (code 113)${at(1, 4)}`);
    expect(failure('{"a":"\\u12g4"}')).toBe(
      `Unexpected character ('g' (code 103)): expected a hex-digit for character escape sequence${at(1, 11)}`,
    );
  });

  it('names characters beyond Latin-1 with their hex code', () => {
    expect(failure('{"a":→}')).toBe(
      `Unexpected character ('→' (code 8594 / 0x2192)): expected a valid value ${VALUES}${at(1, 6)}`,
    );
    // A currency sign starts a Java identifier: a bare word.
    expect(failure('{"a":€}')).toBe(`Unrecognized token '€': was expecting ${VALUES}${at(1, 7)}`);
  });
});

describe('control characters', () => {
  it('are refused unescaped in strings and field names', () => {
    expect(failure('{"a":"\tb"}')).toBe(
      `Illegal unquoted character ((CTRL-CHAR, code 9)): has to be escaped using backslash to be included in string value${at(1, 7)}`,
    );
    expect(failure('"a\nb"')).toBe(
      `Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value${at(1, 3)}`,
    );
    expect(failure('{"a\u0000":1}')).toBe(
      `Illegal unquoted character ((CTRL-CHAR, code 0)): has to be escaped using backslash to be included in name${at(1, 4)}`,
    );
  });

  it('are refused between tokens, except tab, LF and CR', () => {
    expect(failure('{\u0001}')).toBe(
      `Illegal character ((CTRL-CHAR, code 1)): only regular white space (\\r, \\n, \\t) is allowed between tokens${at(1, 3)}`,
    );
    expect(failure('[1,\u000c2]')).toBe(
      `Illegal character ((CTRL-CHAR, code 12)): only regular white space (\\r, \\n, \\t) is allowed between tokens${at(1, 5)}`,
    );
    expect(plain('\t[\r1,\n2\r\n]')).toEqual([1, 2]);
  });

  it('include DEL and C1 characters, which are not white space either', () => {
    expect(failure('[1\u007f]')).toBe(
      `Unexpected character ((CTRL-CHAR, code 127)): was expecting comma to separate Array entries${at(1, 3)}`,
    );
    expect(failure('\u0085')).toBe(
      `Unexpected character ((CTRL-CHAR, code 133)): expected a valid value ${VALUES}${at(1, 1)}`,
    );
  });

  it('refuse comments', () => {
    expect(failure('{"a":1 /* c */}')).toBe(
      "Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)" +
        at(1, 8),
    );
  });
});

describe('lines and columns', () => {
  it('count lines across LF, CR and CRLF', () => {
    expect(failure('{\n  "a": x\n}')).toBe(
      `Unrecognized token 'x': was expecting ${VALUES}${at(2, 9)}`,
    );
    expect(failure('{\r\n"a":\r\n x}')).toBe(
      `Unrecognized token 'x': was expecting ${VALUES}${at(3, 3)}`,
    );
    expect(failure('[1,\r2 3]')).toBe(
      `Unexpected character ('3' (code 51)): was expecting comma to separate Array entries${at(2, 3)}`,
    );
  });

  it('count columns in UTF-16 units', () => {
    expect(failure('["😀" x]')).toBe(
      `Unexpected character ('x' (code 120)): was expecting comma to separate Array entries${at(1, 7)}`,
    );
  });
});

describe('nesting depth', () => {
  it('allows 1000 levels of arrays or objects', () => {
    expect(readJsonTree(`${'['.repeat(1000)}${']'.repeat(1000)}`)?.kind).toBe('array');
    expect(readJsonTree(`${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`)?.kind).toBe('object');
  });

  it('refuses level 1001, without a location', () => {
    expect(failure(`{"a":${'['.repeat(1000)}`)).toBe(
      'Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)',
    );
    expect(failure(`${'['.repeat(1001)}${']'.repeat(1001)}`)).toBe(
      'Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)',
    );
    expect(error('['.repeat(1001)).location).toBeUndefined();
    expect(error('['.repeat(1001)).detail).toBe(error('['.repeat(1001)).message);
  });
});

describe('with the source included in locations', () => {
  const source = (text: string): string => error(text, true).message;

  it('fails with line and column across lines', () => {
    try {
      readJsonTree('{\n  "a": x\n}', { includeSource: true });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JsonReadError);
      expect((e as JsonReadError).location).toBe(
        '[Source: (String)"{\n  "a": x\n}"; line: 2, column: 9]',
      );
    }
  });

  it('words failures the same way', () => {
    const text = '{"StartAt": tru}';
    expect(source(text)).toBe(
      `Unrecognized token 'tru': was expecting ${VALUES}\n at [Source: (String)"${text}"; line: 1, column: 16]`,
    );
    expect(error(text, true).detail).toBe(`Unrecognized token 'tru': was expecting ${VALUES}`);
  });

  it('quotes the source in the start marker too', () => {
    expect(source('[1,')).toBe(
      'Unexpected end-of-input within/between Array entries\n at [Source: (String)"[1,"; line: 1, column: 4]',
    );
    expect(source('{')).toBe(
      'Unexpected end-of-input: expected close marker for Object (start marker at [Source: (String)"{"; line: 1, column: 1])\n at [Source: (String)"{"; line: 1, column: 2]',
    );
  });

  it('keeps the column of the root context, which is 0', () => {
    expect(source(']')).toBe(
      `Unexpected close marker ']': expected '}' (for root starting at [Source: (String)"]"; line: 1, column: 0])\n at [Source: (String)"]"; line: 1, column: 1]`,
    );
  });

  it('truncates the quoted source after 500 characters', () => {
    const text = `{"Comment": "${'x'.repeat(600)}", }`;
    expect(error(text, true).location).toBe(
      `[Source: (String)"${text.slice(0, 500)}"[truncated ${text.length - 500} chars]; line: 1, column: ${text.length}]`,
    );
  });

  it('writes control characters other than CR and LF in the quoted source as \\u escapes', () => {
    expect(error('{\t"a": x\r\n}', true).location).toBe(
      '[Source: (String)"{\\u0009"a": x\r\n}"; line: 1, column: 9]',
    );
  });
});
