// Java behaviours that leak into what AWS returns, reproduced so outputs match bit for bit:
// java.util.Random (seeded States.MathRandom), Object.hashCode of the plain Java values Jackson
// builds, and java.util.HashSet iteration order (States.ArrayUnique).

import { isJavaIntegral, isJsonObject, jsonEquals, type JsonValue } from '../paths/json.js';

const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

/** java.util.Random: the 48-bit linear congruential generator, seeded like `new Random(seed)`. */
export class JavaRandom {
  private seed: bigint;

  constructor(seed: bigint) {
    this.seed = (BigInt.asIntN(64, seed) ^ MULTIPLIER) & MASK;
  }

  private next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  /** `nextInt(bound)`: uniform in [0, bound); bound must be positive. */
  nextInt(bound: number): number {
    if (!Number.isInteger(bound) || bound <= 0 || bound > 2147483647) {
      throw new RangeError('bound must be positive');
    }
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number(BigInt.asIntN(32, (BigInt(bound) * BigInt(r)) >> 31n));
    for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; u = this.next(31));
    return r;
  }
}

/** `Number.longValue()` of a JSON number: truncation toward zero, saturating at the long range. */
export function toJavaLong(value: number): bigint {
  if (Number.isNaN(value)) return 0n;
  if (value >= 2 ** 63) return (1n << 63n) - 1n;
  if (value <= -(2 ** 63)) return -(1n << 63n);
  return BigInt(Math.trunc(value));
}

/** `Number.intValue()` of a JSON number read as Double: truncation, saturating at the int range. */
export function toJavaInt(value: number): number {
  if (Number.isNaN(value)) return 0;
  if (value >= 2147483647) return 2147483647;
  if (value <= -2147483648) return -2147483648;
  return Math.trunc(value) | 0;
}

export function javaStringHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}

function longHash(value: bigint): number {
  const unsigned = BigInt.asUintN(64, value);
  return Number(BigInt.asIntN(32, unsigned ^ (unsigned >> 32n)));
}

const doubleView = new DataView(new ArrayBuffer(8));

function doubleHash(value: number): number {
  doubleView.setFloat64(0, value);
  return longHash(doubleView.getBigInt64(0));
}

/** `Objects.hashCode` of the Java value (Integer, Long, Double, String, Boolean, List, Map). */
export function javaHashCode(value: JsonValue): number {
  if (value === null) return 0;
  if (typeof value === 'string') return javaStringHash(value);
  if (typeof value === 'boolean') return value ? 1231 : 1237;
  if (typeof value === 'number') {
    if (isJavaIntegral(value)) {
      if (value >= -2147483648 && value <= 2147483647) return value | 0;
      return longHash(BigInt(value));
    }
    return doubleHash(value);
  }
  if (Array.isArray(value)) {
    let h = 1;
    for (const item of value) h = (Math.imul(31, h) + javaHashCode(item)) | 0;
    return h;
  }
  let h = 0;
  if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      h = (h + (javaStringHash(key) ^ javaHashCode(value[key] as JsonValue))) | 0;
    }
  }
  return h;
}

function tableSizeFor(capacity: number): number {
  let size = 1;
  while (size < capacity && size < 1 << 30) size *= 2;
  return size;
}

/**
 * The distinct values of `items` in the order `new ArrayList<>(new HashSet<>(items))` yields them:
 * by hash bucket, and by first occurrence within a bucket. (Tree bins, which Java only builds for
 * eight or more collisions in one bucket of a table of at least 64, are not modelled.)
 */
export function javaHashSetOrder(items: readonly JsonValue[]): JsonValue[] {
  const capacity = tableSizeFor(Math.max(Math.floor(items.length / 0.75) + 1, 16));
  const buckets = new Map<number, JsonValue[]>();
  for (const item of items) {
    const h = javaHashCode(item);
    const index = (h ^ (h >>> 16)) & (capacity - 1);
    const bucket = buckets.get(index);
    if (!bucket) buckets.set(index, [item]);
    else if (!bucket.some((existing) => jsonEquals(existing, item))) bucket.push(item);
  }
  return [...buckets.keys()].sort((a, b) => a - b).flatMap((index) => buckets.get(index) ?? []);
}
