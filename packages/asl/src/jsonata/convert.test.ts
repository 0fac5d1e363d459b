import { describe, expect, it } from 'vitest';
import { UnsupportedResultError, toJsonResult } from './convert.js';

describe('toJsonResult', () => {
  it('turns a jsonata sequence into a plain array without its marker properties', () => {
    const sequence = Object.assign([1, 2], { sequence: true, keepSingleton: true });
    const result = toJsonResult(sequence);
    expect(result).toEqual([1, 2]);
    expect(Object.keys(result as object)).toEqual(['0', '1']);
  });

  it('copies all the way down, so the result never aliases what it came from', () => {
    const source = { a: { b: [1, { c: 2 }] } };
    const result = toJsonResult(source) as { a: { b: [number, { c: number }] } };
    expect(result).toEqual(source);
    expect(result.a).not.toBe(source.a);
    expect(result.a.b[1]).not.toBe(source.a.b[1]);
  });

  it('refuses functions, jsonata lambdas and built-ins anywhere in the value', () => {
    expect(() => toJsonResult(() => 1)).toThrow(UnsupportedResultError);
    expect(() => toJsonResult({ a: { _jsonata_lambda: true } })).toThrow(UnsupportedResultError);
    expect(() => toJsonResult([{ _jsonata_function: true }])).toThrow(UnsupportedResultError);
    expect(() => toJsonResult(1n)).toThrow(UnsupportedResultError);
  });

  it('writes non-finite numbers as the strings Jackson writes (AWS answers ["Infinity"] for [1/0])', () => {
    expect(toJsonResult([Infinity, -Infinity, NaN])).toEqual(['Infinity', '-Infinity', 'NaN']);
    expect(toJsonResult({ k: Infinity })).toEqual({ k: 'Infinity' });
  });

  it('writes -0 as 0', () => {
    expect(Object.is(toJsonResult(-0), 0)).toBe(true);
  });

  it('handles a nested undefined as JSON.stringify does', () => {
    expect(toJsonResult([1, undefined])).toEqual([1, null]);
    expect(toJsonResult({ a: undefined, b: 1 })).toEqual({ b: 1 });
  });

  it('keeps a "__proto__" key as plain data', () => {
    const source = JSON.parse('{"__proto__": {"x": 1}}') as object;
    const result = toJsonResult(source) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });
});
