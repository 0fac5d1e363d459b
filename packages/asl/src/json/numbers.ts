// Numbers as ReaderBasedJsonParser reads them: a fast path over the text, and the careful one
// (_parseNumber2) near the end of input or after a leading zero, each failing where Jackson fails
// and with its words (including its "end-of-input" messages without a space). A number at the root
// must be followed by white space. StreamReadConstraints limits a number to 1000 digits.

import { charDesc, isDigit } from './chars.js';
import { Ctx, VALID_VALUES, type Scanner } from './scanner.js';
import type { JsonNode } from './tree.js';

/** StreamReadConstraints' default. */
const MAX_NUMBER_LENGTH = 1000;

/** A number whose first character, the digit `first`, has been consumed. */
export function readUnsignedNumber(sc: Scanner, first: number): JsonNode {
  const start = sc.ptr - 1;
  if (first === 48) return readCarefully(sc, false, start);
  let p = sc.ptr;
  let intLen = 1;
  let c: number;
  for (;;) {
    if (p >= sc.len) return readCarefully(sc, false, start);
    c = sc.s.charCodeAt(p++);
    if (!isDigit(c)) break;
    intLen++;
  }
  if (c === 46 || (c | 0x20) === 101) {
    sc.ptr = p;
    return readFraction(sc, c, start, p, false, intLen);
  }
  sc.ptr = p - 1;
  if (sc.ctx.type === Ctx.Root) rootSpace(sc, c);
  return number(sc, start, p - 1, false, intLen);
}

/** A number whose minus sign has been consumed. */
export function readSignedNumber(sc: Scanner): JsonNode {
  const start = sc.ptr - 1;
  let p = sc.ptr;
  if (p >= sc.len) return readCarefully(sc, true, start);
  let c = sc.s.charCodeAt(p++);
  if (!isDigit(c)) {
    sc.ptr = p;
    if (c === 46) sc.unexpectedChar(46, `expected a valid value ${VALID_VALUES}`);
    invalidNumberStart(sc, c, true, true);
  }
  if (c === 48) return readCarefully(sc, true, start);
  let intLen = 1;
  for (;;) {
    if (p >= sc.len) return readCarefully(sc, true, start);
    c = sc.s.charCodeAt(p++);
    if (!isDigit(c)) break;
    intLen++;
  }
  if (c === 46 || (c | 0x20) === 101) {
    sc.ptr = p;
    return readFraction(sc, c, start, p, true, intLen);
  }
  sc.ptr = p - 1;
  if (sc.ctx.type === Ctx.Root) rootSpace(sc, c);
  return number(sc, start, p - 1, false, intLen);
}

/** _handleInvalidNumberStart: c (consumed) cannot start the digits; '+' only reaches here with hasSign. */
export function invalidNumberStart(
  sc: Scanner,
  c: number,
  negative: boolean,
  hasSign: boolean,
): never {
  if (c === 73) {
    if (sc.ptr >= sc.len) sc.invalidEof(' in a Number value');
    const n = sc.s.charCodeAt(sc.ptr++);
    if (n === 78 || n === 110) {
      const word = n === 78 ? (negative ? '-INF' : '+INF') : negative ? '-Infinity' : '+Infinity';
      sc.matchToken(word, 3);
      sc.failHere(
        `Non-standard token '${word}': enable \`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS\` to allow`,
      );
    }
    c = n;
  }
  if (hasSign && !negative) {
    unexpectedNumberChar(
      sc,
      43,
      'JSON spec does not allow numbers to have plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow',
    );
  }
  unexpectedNumberChar(
    sc,
    c,
    negative
      ? 'expected digit (0-9) to follow minus sign, for valid numeric value'
      : 'expected digit (0-9) for valid numeric value',
  );
}

function unexpectedNumberChar(sc: Scanner, code: number, comment: string, atPtr?: number): never {
  const message = `Unexpected character (${charDesc(code)}) in numeric value: ${comment}`;
  if (atPtr !== undefined) sc.failAt(message, atPtr - 1);
  sc.failBefore(message);
}

/** _verifyRootSpace: the character after a root-level number must be white space. */
function rootSpace(sc: Scanner, c: number): void {
  sc.ptr++;
  if (c === 32 || c === 9) return;
  if (c === 13) {
    sc.ptr--;
    return;
  }
  if (c === 10) {
    sc.row++;
    sc.rowStart = sc.ptr;
    return;
  }
  sc.unexpectedChar(c, 'Expected space separating root-level values');
}

/** The fast path's fraction and exponent: `first` ('.', 'e' or 'E') is consumed and `from` is after it. */
function readFraction(
  sc: Scanner,
  first: number,
  start: number,
  from: number,
  negative: boolean,
  intLen: number,
): JsonNode {
  let c = first;
  let p = from;
  const errorPtr = sc.ptr;
  let fractLen = 0;
  if (c === 46) {
    for (;;) {
      if (p >= sc.len) return readCarefully(sc, negative, start);
      c = sc.s.charCodeAt(p++);
      if (!isDigit(c)) break;
      fractLen++;
    }
    if (fractLen === 0)
      unexpectedNumberChar(sc, c, 'Decimal point not followed by a digit', errorPtr);
  }
  let expLen = 0;
  if ((c | 0x20) === 101) {
    if (p >= sc.len) return readCarefully(sc, negative, start);
    c = sc.s.charCodeAt(p++);
    if (c === 45 || c === 43) {
      if (p >= sc.len) return readCarefully(sc, negative, start);
      c = sc.s.charCodeAt(p++);
    }
    while (isDigit(c)) {
      expLen++;
      if (p >= sc.len) return readCarefully(sc, negative, start);
      c = sc.s.charCodeAt(p++);
    }
    if (expLen === 0)
      unexpectedNumberChar(sc, c, 'Exponent indicator not followed by a digit', errorPtr);
  }
  sc.ptr = p - 1;
  if (sc.ctx.type === Ctx.Root) rootSpace(sc, c);
  return number(sc, start, p - 1, true, intLen + fractLen + expLen);
}

/** _parseNumber2: the whole number again from `start`, character by character. */
function readCarefully(sc: Scanner, negative: boolean, start: number): JsonNode {
  sc.ptr = negative ? start + 1 : start;
  const next = (eofMessage: string): number => {
    if (sc.ptr >= sc.len) sc.invalidEof(eofMessage);
    return sc.s.charCodeAt(sc.ptr++);
  };
  let c = next('No digit following sign');
  if (c === 48 && sc.ptr < sc.len && isDigit(sc.s.charCodeAt(sc.ptr)))
    sc.failHere('Invalid numeric value: Leading zeroes not allowed');
  let eof = false;
  let intLen = 0;
  while (isDigit(c)) {
    intLen++;
    if (sc.ptr >= sc.len) {
      c = 0;
      eof = true;
      break;
    }
    c = sc.s.charCodeAt(sc.ptr++);
  }
  if (intLen === 0) invalidNumberStart(sc, c, negative, false);
  let fractLen = -1;
  if (c === 46) {
    fractLen = 0;
    for (;;) {
      if (sc.ptr >= sc.len) {
        eof = true;
        break;
      }
      c = sc.s.charCodeAt(sc.ptr++);
      if (!isDigit(c)) break;
      fractLen++;
    }
    if (fractLen === 0) unexpectedNumberChar(sc, c, 'Decimal point not followed by a digit');
  }
  let expLen = -1;
  if ((c | 0x20) === 101) {
    expLen = 0;
    c = next('expected a digit for number exponent');
    if (c === 45 || c === 43) c = next('expected a digit for number exponent');
    while (isDigit(c)) {
      expLen++;
      if (sc.ptr >= sc.len) {
        eof = true;
        break;
      }
      c = sc.s.charCodeAt(sc.ptr++);
    }
    if (expLen === 0) unexpectedNumberChar(sc, c, 'Exponent indicator not followed by a digit');
  }
  let end = sc.ptr;
  if (!eof) {
    sc.ptr--;
    end = sc.ptr;
    if (sc.ctx.type === Ctx.Root) rootSpace(sc, c);
  }
  const float = fractLen >= 0 || expLen >= 0;
  // resetFloat counts intLen + fractLen + expLen with -1 for a part that is absent, as Jackson does.
  return number(sc, start, end, float, float ? intLen + fractLen + expLen : intLen);
}

/** resetInt / resetFloat: the number node, once its length is within the limit. */
function number(sc: Scanner, start: number, end: number, float: boolean, digits: number): JsonNode {
  if (digits > MAX_NUMBER_LENGTH) {
    sc.failLimit(
      `Number value length (${digits}) exceeds the maximum allowed (${MAX_NUMBER_LENGTH}, from \`StreamReadConstraints.getMaxNumberLength()\`)`,
    );
  }
  const text = sc.s.slice(start, end);
  return { kind: 'number', value: Number(text), integer: !float, text };
}
