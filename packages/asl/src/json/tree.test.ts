import { describe, expect, it } from 'vitest';
import { readJsonTree } from './reader.js';
import { toJsonValue, type JsonNode } from './tree.js';

const value = (text: string): unknown => toJsonValue(readJsonTree(text) as JsonNode);

describe('toJsonValue', () => {
  it('gives plain values', () => {
    expect(value('{"a":[1,2.5,"x",true,false,null,{}]}')).toEqual({
      a: [1, 2.5, 'x', true, false, null, {}],
    });
  });

  it('gives a duplicated key its last value at its first position', () => {
    expect(Object.entries(value('{"a":1,"b":2,"a":3}') as object)).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });

  it('makes "__proto__" and "constructor" own keys without touching the prototype', () => {
    const object = value('{"__proto__":{"polluted":true},"constructor":1}') as Record<
      string,
      unknown
    >;
    expect(Object.keys(object)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads -0 as 0', () => {
    expect(Object.is(value('-0'), 0)).toBe(true);
    expect(Object.is(value('[-0.0]') && (value('[-0.0]') as number[])[0], 0)).toBe(true);
  });
});
