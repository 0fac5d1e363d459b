import { readJsonTree } from '@tributary/asl';
import { describe, expect, it } from 'vitest';
import { javaDoubleToString, jacksonQuote, writeJsonTree } from './write.js';

describe('writing JSON as Jackson does', () => {
  const written = (text: string): string => writeJsonTree(readJsonTree(text)).text;

  it('writes compactly, keeping key order', () => {
    expect(written('{ "b" : [ 1 , "x" ] ,\n "a" : { "c" : null } }')).toBe(
      '{"b":[1,"x"],"a":{"c":null}}',
    );
  });

  it('keeps the first position and the last value of a duplicated key', () => {
    const tree = readJsonTree('{"a":1,"b":2,"a":3}');
    expect(writeJsonTree(tree).text).toBe('{"a":3,"b":2}');
  });

  it('writes integers as given and fractions as Java doubles', () => {
    expect(
      written(
        '[1, -0, 12345678901234567890, 1e2, 3.015e2, 1.0, 0.001, 1e-4, 1e7, 1234567.5, -0.0]',
      ),
    ).toBe('[1,0,12345678901234567890,100.0,301.5,1.0,0.001,1.0E-4,1.0E7,1234567.5,-0.0]');
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
    expect(writeJsonTree(readJsonTree('  ')).text).toBe('');
    expect(writeJsonTree(undefined).text).toBe('');
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
