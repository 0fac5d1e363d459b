// Field names and string values after their opening quote, with Jackson's escapes and failures.

import { charDesc, hexValue } from './chars.js';
import type { Scanner } from './scanner.js';

/** A field name, its opening quote consumed. */
export function readName(sc: Scanner): string {
  return read(sc, 'name', ' in field name');
}

/** A string value, its opening quote consumed. */
export function readString(sc: Scanner): string {
  return read(sc, 'string value', ': was expecting closing quote for a string value');
}

function read(sc: Scanner, where: string, eofSuffix: string): string {
  // Fast path: no escape, no control character.
  const start = sc.ptr;
  let p = start;
  while (p < sc.len) {
    const c = sc.s.charCodeAt(p);
    if (c === 34) {
      sc.ptr = p + 1;
      return sc.s.slice(start, p);
    }
    if (c === 92 || c < 32) break;
    p++;
  }
  sc.ptr = p;
  let out = sc.s.slice(start, p);
  let chunk = p;
  for (;;) {
    if (sc.ptr >= sc.len) sc.invalidEof(eofSuffix);
    const c = sc.s.charCodeAt(sc.ptr++);
    if (c === 34) return out + sc.s.slice(chunk, sc.ptr - 1);
    if (c === 92) {
      out += sc.s.slice(chunk, sc.ptr - 1) + decodeEscaped(sc);
      chunk = sc.ptr;
    } else if (c < 32) {
      sc.failBefore(
        `Illegal unquoted character (${charDesc(c)}): has to be escaped using backslash to be included in ${where}`,
      );
    }
  }
}

/** The character an escape stands for, its backslash consumed. */
function decodeEscaped(sc: Scanner): string {
  if (sc.ptr >= sc.len) sc.invalidEof(' in character escape sequence');
  const c = sc.s.charCodeAt(sc.ptr++);
  switch (c) {
    case 98:
      return '\b';
    case 116:
      return '\t';
    case 110:
      return '\n';
    case 102:
      return '\f';
    case 114:
      return '\r';
    case 34:
    case 47:
    case 92:
      return String.fromCharCode(c);
    case 117: {
      let value = 0;
      for (let i = 0; i < 4; i++) {
        if (sc.ptr >= sc.len) sc.invalidEof(' in character escape sequence');
        const h = sc.s.charCodeAt(sc.ptr++);
        const digit = hexValue(h);
        if (digit < 0) sc.unexpectedChar(h, 'expected a hex-digit for character escape sequence');
        value = (value << 4) | digit;
      }
      return String.fromCharCode(value);
    }
    default:
      sc.failBefore(`Unrecognized character escape ${charDesc(c)}`);
  }
}
