// The policy tree written back the way Jackson's JsonNode.toString() writes it. AWS validates a
// filter policy by reading it into a tree (readJsonTree of @tributary/asl), writing the tree back
// out compactly and handing that text to the rule compiler, so the columns in its rule errors count
// characters of the compact text, not of what the caller sent.

import type { JsonNode } from '@tributary/asl';

/** Token kinds, as a Jackson JsonParser reports them. */
export const enum Tok {
  StartObject,
  EndObject,
  StartArray,
  EndArray,
  FieldName,
  String,
  Int,
  Float,
  True,
  False,
  Null,
}

/** One token of the compact text: offsets into it and the text a parser's getText() returns. */
export interface WrittenToken {
  readonly type: Tok;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface WrittenJson {
  readonly text: string;
  readonly tokens: WrittenToken[];
}

/** Double.toString(d) as Java (JDK 19+) writes it: shortest digits, Java's plain/E-notation split. */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const a = Math.abs(d);
  const [mantissa = '0', exponent = '0'] = a.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(exponent);
  let body: string;
  if (a >= 1e-3 && a < 1e7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      body = `${intPart}.${digits.slice(exp + 1) || '0'}`;
    } else {
      body = `0.${'0'.repeat(-exp - 1)}${digits}`;
    }
  } else {
    body = `${digits[0] ?? '0'}.${digits.slice(1) || '0'}E${exp}`;
  }
  return d < 0 ? `-${body}` : body;
}

const SHORT_ESCAPES: Record<number, string> = {
  8: '\\b',
  9: '\\t',
  10: '\\n',
  12: '\\f',
  13: '\\r',
  34: '\\"',
  92: '\\\\',
};

/** A JSON string literal as Jackson's generator writes it. */
export function jacksonQuote(value: string): string {
  let out = '"';
  let chunk = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92) continue;
    out +=
      value.slice(chunk, i) +
      (SHORT_ESCAPES[c] ?? `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`);
    chunk = i + 1;
  }
  return `${out}${value.slice(chunk)}"`;
}

/**
 * JsonNode.toString(): the tree written back compactly, with the position of every token. A
 * duplicated key is written once, where it first appeared, with its last value; undefined (readTree's
 * MissingNode) writes nothing.
 */
export function writeJsonTree(node: JsonNode | undefined): WrittenJson {
  const parts: string[] = [];
  const tokens: WrittenToken[] = [];
  let at = 0;
  const emit = (type: Tok, raw: string, text: string): void => {
    tokens.push({ type, start: at, end: at + raw.length, text });
    parts.push(raw);
    at += raw.length;
  };
  const punct = (raw: string): void => {
    parts.push(raw);
    at += raw.length;
  };
  const write = (n: JsonNode): void => {
    switch (n.kind) {
      case 'object': {
        emit(Tok.StartObject, '{', '{');
        let first = true;
        for (const [key, value] of n.map) {
          if (!first) punct(',');
          first = false;
          emit(Tok.FieldName, jacksonQuote(key), key);
          punct(':');
          write(value);
        }
        emit(Tok.EndObject, '}', '}');
        return;
      }
      case 'array': {
        emit(Tok.StartArray, '[', '[');
        n.items.forEach((item, i) => {
          if (i > 0) punct(',');
          write(item);
        });
        emit(Tok.EndArray, ']', ']');
        return;
      }
      case 'string':
        emit(Tok.String, jacksonQuote(n.value), n.value);
        return;
      case 'number': {
        if (n.integer) {
          // Jackson keeps every digit of an integer (int, long or BigInteger); -0 is the int 0.
          const text = n.text === '-0' ? '0' : n.text;
          emit(Tok.Int, text, text);
          return;
        }
        const text = javaDoubleToString(n.value);
        // QUOTE_NON_NUMERIC_NUMBERS: an infinite double is written as a string.
        if (Number.isFinite(n.value)) emit(Tok.Float, text, text);
        else emit(Tok.String, jacksonQuote(text), text);
        return;
      }
      case 'boolean':
        if (n.value) emit(Tok.True, 'true', 'true');
        else emit(Tok.False, 'false', 'false');
        return;
      case 'null':
        emit(Tok.Null, 'null', 'null');
        return;
    }
  };
  if (node !== undefined) write(node);
  return { text: parts.join(''), tokens };
}
