// JSON parsing for States.StringToJson with Jackson's behaviour and messages, which AWS puts in
// the cause (recorded: "Unexpected character ('b' (code 98)): was expecting double-quote to start
// field name\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled);
// line: 1, column: 2]"). Like ObjectMapper.readTree: empty or blank text gives null, and anything
// after the first complete value is ignored.

import { setOwn, type JsonObject, type JsonValue } from '../paths/json.js';

export class JacksonParseError extends Error {}

const SOURCE = 'Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)';
const VALID_VALUES = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

function charDescription(code: number): string {
  const ch = String.fromCharCode(code);
  if (code < 32) return `(CTRL-CHAR, code ${code})`;
  if (code > 255) return `'${ch}' (code ${code} / 0x${code.toString(16)})`;
  return `'${ch}' (code ${code})`;
}

function isIdentifierPart(ch: string): boolean {
  return /[\p{L}\p{N}_$]/u.test(ch);
}

class JacksonParser {
  pos = 0;
  constructor(readonly text: string) {}

  location(index: number): string {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < index && i < this.text.length; i++) {
      if (this.text[i] === '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return `[${SOURCE}; line: ${line}, column: ${index - lineStart + 1}]`;
  }

  fail(message: string, index: number): never {
    throw new JacksonParseError(`${message}\n at ${this.location(index)}`);
  }

  unexpected(index: number, comment: string): never {
    const code = this.text.charCodeAt(index);
    return this.fail(`Unexpected character (${charDescription(code)}): ${comment}`, index);
  }

  skipWhitespace(): void {
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') this.pos++;
      else break;
    }
  }

  invalidToken(start: number): never {
    let end = start;
    while (end < this.text.length && isIdentifierPart(this.text[end] as string)) end++;
    if (end === start) end = start + 1;
    return this.fail(`Unrecognized token '${this.text.slice(start, end)}': was expecting ${VALID_VALUES}`, end);
  }

  parseValue(): JsonValue {
    this.skipWhitespace();
    if (this.pos >= this.text.length) {
      return this.fail('Unexpected end-of-input: expected a value', this.pos);
    }
    const start = this.pos;
    const ch = this.text[start] as string;
    if (ch === '{') return this.parseObject();
    if (ch === '[') return this.parseArray();
    if (ch === '"') return this.parseString();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.parseNumber();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, start)) {
        const after = this.text[start + word.length] ?? '';
        if (after !== '' && isIdentifierPart(after)) return this.invalidToken(start);
        this.pos = start + word.length;
        return value;
      }
    }
    if (isIdentifierPart(ch)) return this.invalidToken(start);
    return this.unexpected(start, `expected a valid value ${VALID_VALUES}`);
  }

  closeMarkerEof(kind: 'Object' | 'Array', startIndex: number): never {
    return this.fail(
      `Unexpected end-of-input: expected close marker for ${kind} (start marker at ${this.location(startIndex)})`,
      this.text.length,
    );
  }

  wrongCloseMarker(kind: 'Object' | 'Array', startIndex: number): never {
    const found = this.text[this.pos] as string;
    const expected = kind === 'Object' ? '}' : ']';
    return this.fail(
      `Unexpected close marker '${found}': expected '${expected}' (for ${kind} starting at ${this.location(startIndex)})`,
      this.pos,
    );
  }

  parseObject(): JsonObject {
    const startIndex = this.pos;
    this.pos++;
    const object: JsonObject = {};
    this.skipWhitespace();
    if (this.pos >= this.text.length) this.closeMarkerEof('Object', startIndex);
    if (this.text[this.pos] === '}') {
      this.pos++;
      return object;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.text.length) this.closeMarkerEof('Object', startIndex);
      if (this.text[this.pos] === ']') this.wrongCloseMarker('Object', startIndex);
      if (this.text[this.pos] !== '"') this.unexpected(this.pos, 'was expecting double-quote to start field name');
      const key = this.parseString();
      this.skipWhitespace();
      if (this.pos >= this.text.length) this.closeMarkerEof('Object', startIndex);
      if (this.text[this.pos] !== ':') {
        this.unexpected(this.pos, 'was expecting a colon to separate field name and value');
      }
      this.pos++;
      this.skipWhitespace();
      if (this.pos >= this.text.length) this.closeMarkerEof('Object', startIndex);
      setOwn(object, key, this.parseValue());
      this.skipWhitespace();
      if (this.pos >= this.text.length) this.closeMarkerEof('Object', startIndex);
      const next = this.text[this.pos];
      if (next === '}') {
        this.pos++;
        return object;
      }
      if (next === ']') this.wrongCloseMarker('Object', startIndex);
      if (next !== ',') this.unexpected(this.pos, 'was expecting comma to separate Object entries');
      this.pos++;
    }
  }

  parseArray(): JsonValue[] {
    const startIndex = this.pos;
    this.pos++;
    const items: JsonValue[] = [];
    this.skipWhitespace();
    if (this.pos >= this.text.length) this.closeMarkerEof('Array', startIndex);
    if (this.text[this.pos] === ']') {
      this.pos++;
      return items;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.text.length) this.closeMarkerEof('Array', startIndex);
      if (this.text[this.pos] === '}') this.wrongCloseMarker('Array', startIndex);
      items.push(this.parseValue());
      this.skipWhitespace();
      if (this.pos >= this.text.length) this.closeMarkerEof('Array', startIndex);
      const next = this.text[this.pos];
      if (next === ']') {
        this.pos++;
        return items;
      }
      if (next === '}') this.wrongCloseMarker('Array', startIndex);
      if (next !== ',') this.unexpected(this.pos, 'was expecting comma to separate Array entries');
      this.pos++;
    }
  }

  parseString(): string {
    this.pos++;
    let out = '';
    for (;;) {
      if (this.pos >= this.text.length) {
        return this.fail('Unexpected end-of-input: was expecting closing quote for a string value', this.pos);
      }
      const ch = this.text[this.pos] as string;
      const code = ch.charCodeAt(0);
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (code < 32) {
        this.fail(
          `Illegal unquoted character (${charDescription(code)}): has to be escaped using backslash to be included in string value`,
          this.pos,
        );
      }
      if (ch !== '\\') {
        out += ch;
        this.pos++;
        continue;
      }
      const escape = this.text[this.pos + 1];
      if (escape === undefined) {
        return this.fail('Unexpected end-of-input in character escape sequence', this.pos + 1);
      }
      this.pos += 2;
      switch (escape) {
        case '"':
        case '\\':
        case '/':
          out += escape;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = this.text.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            const bad = [...hex].findIndex((c) => !/[0-9a-fA-F]/.test(c));
            const at = this.pos + (bad < 0 ? hex.length : bad);
            if (at >= this.text.length) {
              return this.fail('Unexpected end-of-input in character escape sequence', at);
            }
            this.unexpected(at, 'expected a hex-digit for character escape sequence');
          }
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 4;
          break;
        }
        default:
          this.fail(
            `Unrecognized character escape ${charDescription(escape.charCodeAt(0))}`,
            this.pos - 1,
          );
      }
    }
  }

  parseNumber(): number {
    const start = this.pos;
    const rest = this.text.slice(start);
    if (/^-?0\d/.test(rest)) {
      return this.fail('Invalid numeric value: Leading zeroes not allowed', start + (rest.startsWith('-') ? 2 : 1));
    }
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (!match) {
      const at = start + 1;
      if (at >= this.text.length) return this.fail('Unexpected end-of-input in a Number value', at);
      return this.unexpected(at, "expected digit (0-9) to follow minus sign, for valid numeric value");
    }
    let end = start + match[0].length;
    const after = this.text[end];
    if (after === '.' && match[2] === undefined && match[3] === undefined) {
      end++;
      if (end >= this.text.length) {
        return this.fail('Unexpected end-of-input: Decimal point not followed by a digit', end);
      }
      return this.unexpected(end, 'Decimal point not followed by a digit');
    }
    if ((after === 'e' || after === 'E') && match[3] === undefined) {
      let at = end + 1;
      if (this.text[at] === '+' || this.text[at] === '-') at++;
      if (at >= this.text.length) {
        return this.fail('Unexpected end-of-input: Exponent indicator not followed by a digit', at);
      }
      return this.unexpected(at, 'Exponent indicator not followed by a digit');
    }
    this.pos = end;
    const value = Number(match[0]);
    return Object.is(value, -0) ? 0 : value;
  }
}

/** Parses like Jackson's `readTree`; throws JacksonParseError with Jackson's message. */
export function parseJsonLikeJackson(text: string): JsonValue {
  const parser = new JacksonParser(text);
  parser.skipWhitespace();
  if (parser.pos >= text.length) return null;
  const value = parser.parseValue();
  const after = text[parser.pos];
  if (after !== undefined && !/\s/.test(after) && typeof value === 'number') {
    // Jackson insists on a separator after a root-level number such as `123abc`.
    parser.unexpected(parser.pos, 'Expected space separating root-level values');
  }
  return value;
}
