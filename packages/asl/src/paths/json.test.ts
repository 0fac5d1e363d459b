import { describe, expect, it } from 'vitest';
import {
  cloneJson,
  javaClassName,
  javaDoubleToString,
  javaNumberToString,
  javaToString,
  jsonEquals,
  setOwn,
  toJsonText,
  type JsonObject,
} from './json.js';
import { formatStateErrorCause } from './errors.js';

describe('Java renderings', () => {
  it('Double.toString', () => {
    expect(javaDoubleToString(1.1)).toBe('1.1');
    expect(javaDoubleToString(0.001)).toBe('0.001');
    expect(javaDoubleToString(0.0001)).toBe('1.0E-4');
    expect(javaDoubleToString(1234567.5)).toBe('1234567.5');
    expect(javaDoubleToString(12345678.9)).toBe('1.23456789E7');
    expect(javaDoubleToString(1e21)).toBe('1.0E21');
    expect(javaDoubleToString(-2.5e-7)).toBe('-2.5E-7');
    expect(javaDoubleToString(0)).toBe('0.0');
  });

  it('numbers as Jackson reads them: integers stay integral', () => {
    expect(javaNumberToString(1)).toBe('1');
    expect(javaNumberToString(-0)).toBe('0');
    expect(javaNumberToString(9007199254740991)).toBe('9007199254740991');
    expect(javaNumberToString(1e18)).toBe('1000000000000000000');
    expect(javaNumberToString(1e20)).toBe('1.0E20');
    expect(javaNumberToString(1e30)).toBe('1.0E30');
    expect(javaNumberToString(1.5)).toBe('1.5');
  });

  it('String.valueOf of Jackson-built values (recorded: test_format_2#exec_hist_resp_7)', () => {
    expect(javaToString({ Arg1: 1, Arg2: [] })).toBe('{Arg1=1, Arg2=[]}');
    expect(javaToString([1, 'a', null, true, { k: [1.5] }])).toBe('[1, a, null, true, {k=[1.5]}]');
    expect(javaToString(null)).toBe('null');
  });

  it('class names in Jayway messages', () => {
    expect(javaClassName(1)).toBe('java.lang.Integer');
    expect(javaClassName(3000000000)).toBe('java.lang.Long');
    expect(javaClassName(0.5)).toBe('java.lang.Double');
    expect(javaClassName('s')).toBe('java.lang.String');
    expect(javaClassName(false)).toBe('java.lang.Boolean');
    expect(javaClassName([])).toBe('java.util.ArrayList');
    expect(javaClassName({})).toBe('java.util.LinkedHashMap');
    expect(javaClassName(null)).toBe('null');
  });
});

describe('JSON text', () => {
  it('is compact, keeps key order and escapes like Jackson', () => {
    expect(toJsonText({ a: 1, b: [true, null, 'x'] })).toBe('{"a":1,"b":[true,null,"x"]}');
    expect(toJsonText('quote " backslash \\ newline \n tab \t bell \u0007')).toBe(
      '"quote \\" backslash \\\\ newline \\n tab \\t bell \\u0007"',
    );
    expect(toJsonText('\u001f')).toBe('"\\u001F"');
    expect(toJsonText('emoji 🆗 é')).toBe('"emoji 🆗 é"');
    expect(toJsonText(1e-7)).toBe('1.0E-7');
  });
});

describe('helpers', () => {
  it('jsonEquals ignores key order', () => {
    expect(jsonEquals({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEquals([1, 2], [2, 1])).toBe(false);
    expect(jsonEquals({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(jsonEquals(null, {})).toBe(false);
  });

  it('cloneJson copies deeply, __proto__ included', () => {
    const source: JsonObject = {};
    setOwn(source, '__proto__', { x: [1] });
    const copy = cloneJson(source);
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"x":[1]}}');
    expect(copy.__proto__).not.toBe(source.__proto__);
  });

  it('formats the state prefix of runtime causes', () => {
    expect(formatStateErrorCause('pass', 2, 'boom')).toBe(
      "An error occurred while executing the state 'pass' (entered at the event id #2). boom",
    );
  });
});
