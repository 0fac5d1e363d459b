import { describe, expect, it } from 'vitest';
import { JavaRandom, javaHashCode, javaHashSetOrder, javaStringHash, toJavaInt, toJavaLong } from './java.js';

describe('JavaRandom', () => {
  it('reproduces java.util.Random sequences', () => {
    const r = new JavaRandom(42n);
    expect([0, 1, 2, 3, 4].map(() => r.nextInt(10))).toEqual([0, 3, 8, 4, 0]);
    const p = new JavaRandom(0n);
    expect([0, 1, 2, 3, 4].map(() => p.nextInt(16))).toEqual([11, 13, 3, 9, 10]);
    const n = new JavaRandom(-7n);
    expect([0, 1, 2].map(() => n.nextInt(1000))).toEqual([662, 297, 590]);
    expect(new JavaRandom(1n << 40n).nextInt(2147483647)).toBe(336615984);
  });

  it('refuses a non-positive bound', () => {
    expect(() => new JavaRandom(1n).nextInt(0)).toThrow(RangeError);
  });
});

describe('Java conversions', () => {
  it('truncate and saturate like Number.intValue/longValue', () => {
    expect(toJavaInt(2.9)).toBe(2);
    expect(toJavaInt(-2.9)).toBe(-2);
    expect(toJavaInt(1e12)).toBe(2147483647);
    expect(toJavaInt(-1e12)).toBe(-2147483648);
    expect(toJavaLong(-3.7)).toBe(-3n);
    expect(toJavaLong(1e30)).toBe((1n << 63n) - 1n);
  });
});

describe('hash codes', () => {
  it('match Java', () => {
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('')).toBe(0);
    expect(javaHashCode(null)).toBe(0);
    expect(javaHashCode(true)).toBe(1231);
    expect(javaHashCode(false)).toBe(1237);
    expect(javaHashCode(-1)).toBe(-1);
    expect(javaHashCode(3000000000)).toBe(-1294967296);
    expect(javaHashCode(1.5)).toBe(1073217536);
    expect(javaHashCode([1, 2])).toBe(994);
    expect(javaHashCode({ a: 1, b: 2 })).toBe(javaHashCode({ b: 2, a: 1 }));
  });

  it('order HashSet iteration by bucket, then by first occurrence', () => {
    expect(javaHashSetOrder([3, 1, 2, 1])).toEqual([1, 2, 3]);
    expect(javaHashSetOrder([17, 1])).toEqual([17, 1]);
    expect(javaHashSetOrder(['b', 'a', null])).toEqual([null, 'a', 'b']);
    const many = Array.from({ length: 40 }, (_, i) => 39 - i);
    expect(javaHashSetOrder(many)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
});
