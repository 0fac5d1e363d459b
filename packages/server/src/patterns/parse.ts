// A JSON reader that fails the way Jackson 2.17 (ReaderBasedJsonParser + ObjectMapper.readTree) fails,
// with the same wording and the same line/column, and a writer that re-serialises the tree the way
// Jackson's JsonNode.toString() does. AWS validates a filter policy by reading it into a tree,
// writing the tree back out compactly and handing that text to the rule compiler, so the columns in
// its rule errors count characters of the compact text, not of what the caller sent.

/** The JSON tree as Jackson's ObjectMapper.readTree builds it. */
export type JNode =
  | { readonly kind: 'object'; readonly entries: Map<string, JNode> }
  | { readonly kind: 'array'; readonly items: JNode[] }
  | { readonly kind: 'string'; readonly value: string }
  /** An integer keeps its text: Jackson keeps every digit (int, long or BigInteger). */
  | { readonly kind: 'int'; readonly text: string }
  /** A number with a fraction or exponent becomes a Java double. */
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'true' }
  | { readonly kind: 'false' }
  | { readonly kind: 'null' }
  /** readTree's answer to input that holds no value at all. */
  | { readonly kind: 'missing' };

const REDACTED_SOURCE = 'REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)';

/** Jackson's location text for a parser whose source is not included in locations. */
export function redactedLocation(line: number, column: number): string {
  return `[Source: ${REDACTED_SOURCE}; line: ${line}${column > 0 ? `, column: ${column}` : ''}]`;
}

/** A read failure: Jackson's message and, unless the failure was a limit, where it was found. */
export class JsonReadError extends Error {
  constructor(
    readonly detail: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super(detail);
    this.name = 'JsonReadError';
  }

  /** The text Jackson's exception gives from getMessage(). */
  jacksonMessage(): string {
    if (this.line === null || this.column === null) return this.detail;
    return `${this.detail}\n at ${redactedLocation(this.line, this.column)}`;
  }
}

// Character classes as java.lang.Character sees single UTF-16 units.
const JAVA_ID_START = /[\p{L}\p{Nl}\p{Sc}\p{Pc}]/u;
const JAVA_ID_PART = /[\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}\p{Cf}\u0000-\u0008\u000e-\u001b\u007f-\u009f]/u;

function isJavaIdentifierStart(code: number): boolean {
  return JAVA_ID_START.test(String.fromCharCode(code));
}
function isJavaIdentifierPart(code: number): boolean {
  return JAVA_ID_PART.test(String.fromCharCode(code));
}
export function isIsoControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/** ParserMinimalBase._getCharDesc */
function charDesc(code: number): string {
  if (isIsoControl(code)) return `(CTRL-CHAR, code ${code})`;
  const ch = String.fromCharCode(code);
  if (code > 255) return `'${ch}' (code ${code} / 0x${code.toString(16)})`;
  return `'${ch}' (code ${code})`;
}

const VALID_VALUES = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const MAX_NESTING_DEPTH = 1000;
const MAX_NUMBER_LENGTH = 1000;
const MAX_ERROR_TOKEN_LENGTH = 256;

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

const enum Ctx {
  Root,
  Array,
  Object,
}

interface Context {
  readonly type: Ctx;
  readonly parent: Context | null;
  readonly line: number;
  readonly column: number;
  readonly depth: number;
  index: number;
}

function typeDesc(ctx: Context): string {
  return ctx.type === Ctx.Root ? 'root' : ctx.type === Ctx.Array ? 'Array' : 'Object';
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** A pull parser following ReaderBasedJsonParser's steps closely enough to fail at the same place. */
class JacksonReader {
  private ptr = 0;
  private row = 1;
  private rowStart = 0;
  private ctx: Context = { type: Ctx.Root, parent: null, line: 1, column: 0, depth: 0, index: -1 };
  private curr: Tok | null = null;
  private pending: Tok | null = null;
  private incomplete = false;
  private tokenRow = 1;
  private tokenCol = 0;
  private readonly len: number;
  /** Name of the current field. */
  name = '';
  /** Text of the current number. */
  numberText = '';

  constructor(private readonly s: string) {
    this.len = s.length;
  }

  // ---- failures -------------------------------------------------------------------------------

  private failHere(message: string): never {
    throw new JsonReadError(message, this.row, this.ptr - this.rowStart + 1);
  }
  private failBefore(message: string): never {
    throw new JsonReadError(message, this.row, this.ptr - 1 - this.rowStart + 1);
  }
  private failAt(message: string, ptr: number): never {
    throw new JsonReadError(message, this.row, ptr - this.rowStart + 1);
  }
  private failLimit(message: string): never {
    throw new JsonReadError(message, null, null);
  }
  private unexpectedChar(code: number, comment: string): never {
    this.failBefore(`Unexpected character (${charDesc(code)}): ${comment}`);
  }
  private unexpectedNumberChar(code: number, comment: string, atPtr?: number): never {
    const message = `Unexpected character (${charDesc(code)}) in numeric value: ${comment}`;
    if (atPtr !== undefined) this.failAt(message, atPtr - 1);
    this.failBefore(message);
  }
  private invalidEof(suffix: string): never {
    this.failHere(`Unexpected end-of-input${suffix}`);
  }
  private invalidSpace(code: number): never {
    this.failHere(`Illegal character (${charDesc(code)}): only regular white space (\\r, \\n, \\t) is allowed between tokens`);
  }
  private unquotedSpace(code: number, where: string): never {
    this.failBefore(`Illegal unquoted character (${charDesc(code)}): has to be escaped using backslash to be included in ${where}`);
  }
  private comment(): never {
    this.unexpectedChar(47, "maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)");
  }
  private invalidToken(matched: string): never {
    let token = matched;
    while (this.ptr < this.len) {
      const c = this.s.charCodeAt(this.ptr);
      if (!isJavaIdentifierPart(c)) break;
      this.ptr++;
      token += String.fromCharCode(c);
      if (token.length >= MAX_ERROR_TOKEN_LENGTH) {
        token += '...';
        break;
      }
    }
    this.failHere(`Unrecognized token '${token}': was expecting ${VALID_VALUES}`);
  }
  private eofInContainer(): never {
    const marker = this.ctx.type === Ctx.Array ? 'Array' : 'Object';
    this.invalidEof(`: expected close marker for ${marker} (start marker at ${redactedLocation(this.ctx.line, this.ctx.column)})`);
  }

  // ---- white space, separators ---------------------------------------------------------------

  private newline(code: number): void {
    if (code === 10) {
      this.row++;
      this.rowStart = this.ptr;
    } else if (code === 13) {
      if (this.ptr < this.len && this.s.charCodeAt(this.ptr) === 10) this.ptr++;
      this.row++;
      this.rowStart = this.ptr;
    } else if (code !== 9) {
      this.invalidSpace(code);
    }
  }

  /** Next significant character, consumed; -1 at the end of input (an error inside a container). */
  private skipWsOrEnd(): number {
    for (;;) {
      if (this.ptr >= this.len) {
        if (this.ctx.type !== Ctx.Root) this.eofInContainer();
        return -1;
      }
      const c = this.s.charCodeAt(this.ptr++);
      if (c > 32) {
        if (c === 47) this.comment();
        return c;
      }
      if (c !== 32) this.newline(c);
    }
  }

  private skipWsIn(eofSuffix: string): number {
    for (;;) {
      if (this.ptr >= this.len) {
        if (eofSuffix === '') this.failHere(`Unexpected end-of-input within/between ${typeDesc(this.ctx)} entries`);
        this.invalidEof(eofSuffix);
      }
      const c = this.s.charCodeAt(this.ptr++);
      if (c > 32) {
        if (c === 47) this.comment();
        return c;
      }
      if (c !== 32) this.newline(c);
    }
  }

  private skipComma(c: number): number {
    if (c !== 44) this.unexpectedChar(c, `was expecting comma to separate ${typeDesc(this.ctx)} entries`);
    return this.skipWsIn('');
  }

  private skipColon(): number {
    const eof = ` within/between ${typeDesc(this.ctx)} entries`;
    const c = this.skipWsIn(eof);
    if (c !== 58) this.unexpectedChar(c, 'was expecting a colon to separate field name and value');
    return this.skipWsIn(eof);
  }

  // ---- tokens --------------------------------------------------------------------------------

  private push(type: Ctx): void {
    const depth = this.ctx.depth + 1;
    this.ctx = { type, parent: this.ctx, line: this.tokenRow, column: this.tokenCol, depth, index: -1 };
    if (depth > MAX_NESTING_DEPTH) {
      this.failLimit(
        `Document nesting depth (${depth}) exceeds the maximum allowed (${MAX_NESTING_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`,
      );
    }
  }

  private updateLocation(): void {
    this.tokenRow = this.row;
    this.tokenCol = this.ptr - this.rowStart;
  }

  private closeScope(c: number): Tok {
    this.updateLocation();
    const wanted = c === 93 ? Ctx.Array : Ctx.Object;
    if (this.ctx.type !== wanted) {
      const expected = c === 93 ? '}' : ']';
      this.failBefore(
        `Unexpected close marker '${String.fromCharCode(c)}': expected '${expected}' (for ${typeDesc(this.ctx)} starting at ${redactedLocation(this.ctx.line, this.ctx.column)})`,
      );
    }
    this.ctx = this.ctx.parent ?? this.ctx;
    this.curr = c === 93 ? Tok.EndArray : Tok.EndObject;
    return this.curr;
  }

  nextToken(): Tok | null {
    if (this.curr === Tok.FieldName) {
      const t = this.pending ?? Tok.Null;
      this.pending = null;
      if (t === Tok.StartArray) this.push(Ctx.Array);
      else if (t === Tok.StartObject) this.push(Ctx.Object);
      this.curr = t;
      return t;
    }
    if (this.incomplete) this.finishString();
    let c = this.skipWsOrEnd();
    if (c < 0) {
      this.curr = null;
      return null;
    }
    if (c === 93 || c === 125) return this.closeScope(c);
    this.ctx.index++;
    if (this.ctx.type !== Ctx.Root && this.ctx.index > 0) c = this.skipComma(c);
    const inObject = this.ctx.type === Ctx.Object;
    if (inObject) {
      this.name = c === 34 ? this.parseName() : this.unexpectedChar(c, 'was expecting double-quote to start field name');
      this.curr = Tok.FieldName;
      c = this.skipColon();
    }
    this.updateLocation();
    let t: Tok;
    switch (c) {
      case 34:
        this.incomplete = true;
        t = Tok.String;
        break;
      case 91:
        if (!inObject) this.push(Ctx.Array);
        t = Tok.StartArray;
        break;
      case 123:
        if (!inObject) this.push(Ctx.Object);
        t = Tok.StartObject;
        break;
      case 125:
        this.unexpectedChar(c, 'expected a value');
        break;
      case 116:
        this.matchToken('true', 1);
        t = Tok.True;
        break;
      case 102:
        this.matchToken('false', 1);
        t = Tok.False;
        break;
      case 110:
        this.matchToken('null', 1);
        t = Tok.Null;
        break;
      case 45:
        t = this.parseSignedNumber();
        break;
      default:
        t = isDigit(c) ? this.parseUnsignedNumber(c) : this.oddValue(c);
    }
    if (inObject) {
      this.pending = t;
      return Tok.FieldName;
    }
    this.curr = t;
    return t;
  }

  private matchToken(word: string, from: number): void {
    for (let i = from; i < word.length; i++) {
      if (this.ptr >= this.len || this.s.charCodeAt(this.ptr) !== word.charCodeAt(i)) this.invalidToken(word.substring(0, i));
      this.ptr++;
    }
    if (this.ptr >= this.len) return;
    const c = this.s.charCodeAt(this.ptr);
    if (c >= 48 && c !== 93 && c !== 125 && isJavaIdentifierPart(c)) this.invalidToken(word);
  }

  private oddValue(c: number): never {
    if (c === 78) {
      this.matchToken('NaN', 1);
      this.failHere("Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow");
    }
    if (c === 73) {
      this.matchToken('Infinity', 1);
      this.failHere("Non-standard token 'Infinity': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow");
    }
    if (c === 43) {
      if (this.ptr >= this.len) this.invalidEof(' in a Number value');
      this.invalidNumberStart(this.s.charCodeAt(this.ptr++), false, true);
    }
    if (isJavaIdentifierStart(c)) this.invalidToken(String.fromCharCode(c));
    this.unexpectedChar(c, `expected a valid value ${VALID_VALUES}`);
  }

  // ---- names and strings ----------------------------------------------------------------------

  private parseName(): string {
    const start = this.ptr;
    let p = start;
    while (p < this.len) {
      const c = this.s.charCodeAt(p);
      if (c === 34) {
        this.ptr = p + 1;
        return this.s.slice(start, p);
      }
      if (c === 92 || c < 32) break;
      p++;
    }
    this.ptr = p;
    return this.s.slice(start, p) + this.rest('name', ' in field name');
  }

  /** The slow loop of a string or name, from ptr to the closing quote. */
  private rest(where: string, eofSuffix: string): string {
    let out = '';
    let chunk = this.ptr;
    for (;;) {
      if (this.ptr >= this.len) this.invalidEof(eofSuffix);
      const c = this.s.charCodeAt(this.ptr++);
      if (c === 34) return out + this.s.slice(chunk, this.ptr - 1);
      if (c === 92) {
        out += this.s.slice(chunk, this.ptr - 1) + this.decodeEscaped();
        chunk = this.ptr;
      } else if (c < 32) {
        this.unquotedSpace(c, where);
      }
    }
  }

  private decodeEscaped(): string {
    if (this.ptr >= this.len) this.invalidEof(' in character escape sequence');
    const c = this.s.charCodeAt(this.ptr++);
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
          if (this.ptr >= this.len) this.invalidEof(' in character escape sequence');
          const h = this.s.charCodeAt(this.ptr++);
          const digit = hexValue(h);
          if (digit < 0) this.unexpectedChar(h, 'expected a hex-digit for character escape sequence');
          value = (value << 4) | digit;
        }
        return String.fromCharCode(value);
      }
      default:
        this.failBefore(`Unrecognized character escape ${charDesc(c)}`);
    }
  }

  private finishString(): string {
    this.incomplete = false;
    const start = this.ptr;
    let p = start;
    while (p < this.len) {
      const c = this.s.charCodeAt(p);
      if (c === 34) {
        this.ptr = p + 1;
        return this.s.slice(start, p);
      }
      if (c === 92 || c < 32) break;
      p++;
    }
    this.ptr = p;
    return this.s.slice(start, p) + this.rest('string value', ': was expecting closing quote for a string value');
  }

  /** Text of the current string value. */
  stringValue(): string {
    if (!this.incomplete) return '';
    return this.finishString();
  }

  // ---- numbers -------------------------------------------------------------------------------

  private endNumber(start: number, end: number, float: boolean, digits: number): Tok {
    if (digits > MAX_NUMBER_LENGTH) {
      this.failLimit(
        `Number value length (${digits}) exceeds the maximum allowed (${MAX_NUMBER_LENGTH}, from \`StreamReadConstraints.getMaxNumberLength()\`)`,
      );
    }
    this.numberText = this.s.slice(start, end);
    return float ? Tok.Float : Tok.Int;
  }

  private rootSpace(c: number): void {
    // _verifyRootSpace: a root-level number must be followed by white space.
    this.ptr++;
    if (c === 32 || c === 9) return;
    if (c === 13) {
      this.ptr--;
      return;
    }
    if (c === 10) {
      this.row++;
      this.rowStart = this.ptr;
      return;
    }
    this.unexpectedChar(c, 'Expected space separating root-level values');
  }

  private parseUnsignedNumber(first: number): Tok {
    const start = this.ptr - 1;
    if (first === 48) return this.parseNumberSlow(false, start);
    let p = this.ptr;
    let intLen = 1;
    let c: number;
    for (;;) {
      if (p >= this.len) return this.parseNumberSlow(false, start);
      c = this.s.charCodeAt(p++);
      if (!isDigit(c)) break;
      intLen++;
    }
    if (c === 46 || (c | 0x20) === 101) {
      this.ptr = p;
      return this.parseFloat(c, start, p, false, intLen);
    }
    this.ptr = p - 1;
    if (this.ctx.type === Ctx.Root) this.rootSpace(c);
    return this.endNumber(start, p - 1, false, intLen);
  }

  private parseSignedNumber(): Tok {
    const start = this.ptr - 1;
    let p = this.ptr;
    if (p >= this.len) return this.parseNumberSlow(true, start);
    let c = this.s.charCodeAt(p++);
    if (!isDigit(c)) {
      this.ptr = p;
      if (c === 46) this.unexpectedChar(46, `expected a valid value ${VALID_VALUES}`);
      this.invalidNumberStart(c, true, true);
    }
    if (c === 48) return this.parseNumberSlow(true, start);
    let intLen = 1;
    for (;;) {
      if (p >= this.len) return this.parseNumberSlow(true, start);
      c = this.s.charCodeAt(p++);
      if (!isDigit(c)) break;
      intLen++;
    }
    if (c === 46 || (c | 0x20) === 101) {
      this.ptr = p;
      return this.parseFloat(c, start, p, true, intLen);
    }
    this.ptr = p - 1;
    if (this.ctx.type === Ctx.Root) this.rootSpace(c);
    return this.endNumber(start, p - 1, false, intLen);
  }

  private parseFloat(first: number, start: number, from: number, negative: boolean, intLen: number): Tok {
    let c = first;
    let p = from;
    const errorPtr = this.ptr;
    let fractLen = 0;
    if (c === 46) {
      for (;;) {
        if (p >= this.len) return this.parseNumberSlow(negative, start);
        c = this.s.charCodeAt(p++);
        if (!isDigit(c)) break;
        fractLen++;
      }
      if (fractLen === 0) this.unexpectedNumberChar(c, 'Decimal point not followed by a digit', errorPtr);
    }
    let expLen = 0;
    if ((c | 0x20) === 101) {
      if (p >= this.len) return this.parseNumberSlow(negative, start);
      c = this.s.charCodeAt(p++);
      if (c === 45 || c === 43) {
        if (p >= this.len) return this.parseNumberSlow(negative, start);
        c = this.s.charCodeAt(p++);
      }
      while (isDigit(c)) {
        expLen++;
        if (p >= this.len) return this.parseNumberSlow(negative, start);
        c = this.s.charCodeAt(p++);
      }
      if (expLen === 0) this.unexpectedNumberChar(c, 'Exponent indicator not followed by a digit', errorPtr);
    }
    this.ptr = p - 1;
    if (this.ctx.type === Ctx.Root) this.rootSpace(c);
    return this.endNumber(start, p - 1, true, intLen + fractLen + expLen);
  }

  /** _parseNumber2: the careful path, taken near the end of input or after a leading zero. */
  private parseNumberSlow(negative: boolean, start: number): Tok {
    this.ptr = negative ? start + 1 : start;
    const next = (eofMessage: string): number => {
      if (this.ptr >= this.len) this.invalidEof(eofMessage);
      return this.s.charCodeAt(this.ptr++);
    };
    let c = next('No digit following sign');
    if (c === 48) {
      if (this.ptr < this.len && isDigit(this.s.charCodeAt(this.ptr))) this.failHere('Invalid numeric value: Leading zeroes not allowed');
    }
    let eof = false;
    let intLen = 0;
    while (isDigit(c)) {
      intLen++;
      if (this.ptr >= this.len) {
        c = 0;
        eof = true;
        break;
      }
      c = this.s.charCodeAt(this.ptr++);
    }
    if (intLen === 0) this.invalidNumberStart(c, negative, false);
    let fractLen = -1;
    if (c === 46) {
      fractLen = 0;
      for (;;) {
        if (this.ptr >= this.len) {
          eof = true;
          break;
        }
        c = this.s.charCodeAt(this.ptr++);
        if (!isDigit(c)) break;
        fractLen++;
      }
      if (fractLen === 0) this.unexpectedNumberChar(c, 'Decimal point not followed by a digit');
    }
    let expLen = -1;
    if ((c | 0x20) === 101) {
      expLen = 0;
      c = next('expected a digit for number exponent');
      if (c === 45 || c === 43) c = next('expected a digit for number exponent');
      while (isDigit(c)) {
        expLen++;
        if (this.ptr >= this.len) {
          eof = true;
          break;
        }
        c = this.s.charCodeAt(this.ptr++);
      }
      if (expLen === 0) this.unexpectedNumberChar(c, 'Exponent indicator not followed by a digit');
    }
    let textEnd = this.ptr;
    if (!eof) {
      this.ptr--;
      textEnd = this.ptr;
      if (this.ctx.type === Ctx.Root) this.rootSpace(c);
    }
    const float = fractLen >= 0 || expLen >= 0;
    return this.endNumber(start, textEnd, float, float ? intLen + fractLen + expLen : intLen);
  }

  private invalidNumberStart(c: number, negative: boolean, hasSign: boolean): never {
    if (c === 73) {
      if (this.ptr >= this.len) this.invalidEof(' in a Number value');
      const n = this.s.charCodeAt(this.ptr++);
      if (n === 78 || n === 110) {
        const word = n === 78 ? (negative ? '-INF' : '+INF') : negative ? '-Infinity' : '+Infinity';
        this.matchToken(word, 3);
        this.failHere(`Non-standard token '${word}': enable \`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS\` to allow`);
      }
      c = n;
    }
    if (hasSign && !negative) {
      this.unexpectedNumberChar(
        43,
        'JSON spec does not allow numbers to have plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow',
      );
    }
    this.unexpectedNumberChar(
      c,
      negative ? 'expected digit (0-9) to follow minus sign, for valid numeric value' : 'expected digit (0-9) for valid numeric value',
    );
  }

  // ---- tree ----------------------------------------------------------------------------------

  readTree(): JNode {
    const first = this.nextToken();
    if (first === null) return { kind: 'missing' };
    return this.readValue(first);
  }

  private readValue(t: Tok): JNode {
    switch (t) {
      case Tok.StartObject: {
        const entries = new Map<string, JNode>();
        for (;;) {
          const n = this.nextToken();
          if (n === Tok.EndObject || n === null) break;
          const key = this.name;
          entries.set(key, this.readValue(this.nextToken() ?? Tok.Null));
        }
        return { kind: 'object', entries };
      }
      case Tok.StartArray: {
        const items: JNode[] = [];
        for (;;) {
          const n = this.nextToken();
          if (n === Tok.EndArray || n === null) break;
          items.push(this.readValue(n));
        }
        return { kind: 'array', items };
      }
      case Tok.String:
        return { kind: 'string', value: this.stringValue() };
      case Tok.Int:
        return { kind: 'int', text: this.numberText };
      case Tok.Float:
        return { kind: 'float', value: Number(this.numberText) };
      case Tok.True:
        return { kind: 'true' };
      case Tok.False:
        return { kind: 'false' };
      default:
        return { kind: 'null' };
    }
  }
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** ObjectMapper.readTree(text): the tree, or the JsonReadError Jackson would have thrown. */
export function readJsonTree(text: string): JNode {
  return new JacksonReader(text).readTree();
}

/**
 * What AWS says when a JSON-valued attribute does not parse: "failed to parse JSON. " and Jackson's
 * message with its (redacted) location; undefined when the text parses.
 */
export function jacksonParseProblem(text: string): string | undefined {
  try {
    readJsonTree(text);
    return undefined;
  } catch (err) {
    if (err instanceof JsonReadError) return `failed to parse JSON. ${err.jacksonMessage()}`;
    throw err;
  }
}

// ---- writing --------------------------------------------------------------------------------------

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

const SHORT_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };

/** A JSON string literal as Jackson's generator writes it. */
export function jacksonQuote(value: string): string {
  let out = '"';
  let chunk = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92) continue;
    out += value.slice(chunk, i) + (SHORT_ESCAPES[c] ?? `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`);
    chunk = i + 1;
  }
  return `${out}${value.slice(chunk)}"`;
}

/** JsonNode.toString(): the tree written back compactly, with the position of every token. */
export function writeJsonTree(node: JNode): WrittenJson {
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
  const write = (n: JNode): void => {
    switch (n.kind) {
      case 'object': {
        emit(Tok.StartObject, '{', '{');
        let first = true;
        for (const [key, value] of n.entries) {
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
      case 'int': {
        const text = n.text === '-0' ? '0' : n.text;
        emit(Tok.Int, text, text);
        return;
      }
      case 'float': {
        const text = javaDoubleToString(n.value);
        // QUOTE_NON_NUMERIC_NUMBERS: an infinite double is written as a string.
        if (Number.isFinite(n.value)) emit(Tok.Float, text, text);
        else emit(Tok.String, jacksonQuote(text), text);
        return;
      }
      case 'true':
        emit(Tok.True, 'true', 'true');
        return;
      case 'false':
        emit(Tok.False, 'false', 'false');
        return;
      case 'null':
        emit(Tok.Null, 'null', 'null');
        return;
      case 'missing':
        return;
    }
  };
  write(node);
  return { text: parts.join(''), tokens };
}
