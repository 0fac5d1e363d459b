// JSON values and the few ways Step Functions renders them. AWS runs on the JVM: paths go through
// Jayway JsonPath over plain Java objects (LinkedHashMap, ArrayList, Integer, Double, ...), so some
// texts we must reproduce are Java's toString of those objects, and JSON text is what Jackson writes.

export type JsonPrimitive = null | boolean | number | string;
export type JsonArray = JsonValue[];
export interface JsonObject {
  [key: string]: JsonValue;
}
export type JsonValue = JsonPrimitive | JsonArray | JsonObject;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasOwn(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Reads an own property only: a key such as `constructor` or `__proto__` is plain data here. */
export function getOwn(object: JsonObject, key: string): JsonValue | undefined {
  return hasOwn(object, key) ? object[key] : undefined;
}

/** Sets an own, enumerable property, even for `__proto__` (a plain assignment would change the prototype). */
export function setOwn(object: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

export function cloneJson<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  if (isJsonObject(value)) {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) setOwn(copy, key, cloneJson(value[key] as JsonValue));
    return copy as T;
  }
  return value;
}

/** Structural equality; object key order does not matter (Java Map equality). */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEquals(item, b[i] as JsonValue));
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => hasOwn(b, key) && jsonEquals(a[key] as JsonValue, b[key] as JsonValue));
  }
  return false;
}

const LONG_LIMIT = 2 ** 63;

/** True when Jackson would have read this number as an Integer/Long rather than a Double. */
export function isJavaIntegral(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) < LONG_LIMIT;
}

/** `Double.toString` (shortest round-trip digits, as JDK 19+ and JavaScript both produce them). */
export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
  const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${digits}E${exponent.startsWith('+') ? exponent.slice(1) : exponent}`;
}

/** How Java prints a number Jackson read from JSON text (Integer, Long or Double). */
export function javaNumberToString(value: number): string {
  // Fast path: a safe integer prints the same through String as through BigInt (no exponent below
  // 2^53, and String(-0) is "0"), without allocating a BigInt.
  if (Number.isSafeInteger(value)) return String(value);
  if (isJavaIntegral(value)) return BigInt(value).toString();
  return javaDoubleToString(value);
}

/**
 * `String.valueOf` of the Java object Jackson builds for a JSON value: strings unquoted, maps as
 * `{a=1, b=[x, y]}`. This is what States.Format prints for a non-string argument.
 */
export function javaToString(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return javaNumberToString(value);
  if (Array.isArray(value)) return `[${value.map((item) => javaToString(item)).join(', ')}]`;
  return `{${Object.keys(value)
    .map((key) => `${key}=${javaToString(value[key] as JsonValue)}`)
    .join(', ')}}`;
}

/** The Java class Jayway reports in "... but found '<class>'" messages. */
export function javaClassName(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'java.lang.String';
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (typeof value === 'number') {
    if (!isJavaIntegral(value)) return 'java.lang.Double';
    return Math.abs(value) <= 2147483647 || value === -2147483648
      ? 'java.lang.Integer'
      : 'java.lang.Long';
  }
  if (Array.isArray(value)) return 'java.util.ArrayList';
  return 'java.util.LinkedHashMap';
}

const HEX = '0123456789ABCDEF';

/** A character quoteJsonString must escape. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

function quoteJsonString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = text[i] as string;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (code < 0x20) {
      if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (ch === '\b') out += '\\b';
      else if (ch === '\f') out += '\\f';
      else out += `\\u00${HEX[code >> 4]}${HEX[code & 15]}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** Compact JSON text as Jackson writes it (numbers as Java prints them, upper-case \u escapes). */
export function toJsonText(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quoteJsonString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return javaNumberToString(value);
  // Plain loops: no per-element closures or intermediate arrays (this runs for every state's
  // input and output).
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    let out = `[${toJsonText(value[0] as JsonValue)}`;
    for (let i = 1; i < value.length; i++) out += `,${toJsonText(value[i] as JsonValue)}`;
    return `${out}]`;
  }
  const keys = Object.keys(value);
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    out += `${i === 0 ? '' : ','}${quoteJsonString(key)}:${toJsonText(value[key] as JsonValue)}`;
  }
  return `${out}}`;
}
