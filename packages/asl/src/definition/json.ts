// A JSON reader that fails the way the Jackson reader behind Step Functions' definition validation
// fails (ReaderBasedJsonParser reading a String through ObjectMapper.readTree): the same wording and
// the same line and column. AWS's Jackson includes the source text in locations:
//   [Source: (String)"not a definition"; line: 1, column: 4]
// Objects keep every member in order, duplicates included, so a duplicated state name can be told
// apart; like readTree, the last duplicate wins as the value. Numbers keep whether they were written
// as an integer. Only the first value is read: anything after it is ignored, as readTree ignores it.

export type JNode =
  | { readonly kind: 'object'; readonly entries: ReadonlyArray<readonly [string, JNode]>; readonly map: ReadonlyMap<string, JNode> }
  | { readonly kind: 'array'; readonly items: readonly JNode[] }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number; readonly integer: boolean; readonly text: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' };

export type JObject = Extract<JNode, { kind: 'object' }>;

/** A read failure: Jackson's message and the location text it points at. */
export class JsonReadError extends Error {
  constructor(
    /** Jackson's message without the location. */
    readonly detail: string,
    /** "[Source: (String)"..."; line: L, column: C]", or undefined for limit failures. */
    readonly location: string | undefined,
  ) {
    super(location === undefined ? detail : `${detail}\n at ${location}`);
    this.name = 'JsonReadError';
  }
}

const MAX_CONTENT_SNIPPET = 500;

/** JsonLocation._appendSourceDesc for a String source. */
function sourceDescription(source: string): string {
  const shown = source.slice(0, MAX_CONTENT_SNIPPET);
  const rest = source.length - shown.length;
  return `(String)"${shown}"${rest > 0 ? `[truncated ${rest} chars]` : ''}`;
}

// Character classes as java.lang.Character sees single UTF-16 units.
const JAVA_ID_START = /[\p{L}\p{Nl}\p{Sc}\p{Pc}]/u;
const JAVA_ID_PART = /[\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}\p{Cf}\u0000-\u0008\u000e-\u001b\u007f-\u009f]/u;

const isJavaIdentifierStart = (code: number): boolean => JAVA_ID_START.test(String.fromCharCode(code));
const isJavaIdentifierPart = (code: number): boolean => JAVA_ID_PART.test(String.fromCharCode(code));
const isIsoControl = (code: number): boolean => code <= 0x1f || (code >= 0x7f && code <= 0x9f);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** ParserMinimalBase._getCharDesc */
function charDesc(code: number): string {
  if (isIsoControl(code)) return `(CTRL-CHAR, code ${code})`;
  const ch = String.fromCharCode(code);
  if (code > 255) return `'${ch}' (code ${code} / 0x${code.toString(16)})`;
  return `'${ch}' (code ${code})`;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

const VALID_VALUES = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const MAX_ERROR_TOKEN_LENGTH = 256;
const MAX_NESTING_DEPTH = 1000;

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

const typeDesc = (ctx: Context): string => (ctx.type === Ctx.Root ? 'root' : ctx.type === Ctx.Array ? 'Array' : 'Object');

/** A recursive-descent reader that consumes characters in the order ReaderBasedJsonParser does. */
class Reader {
  private ptr = 0;
  private row = 1;
  private rowStart = 0;
  private ctx: Context = { type: Ctx.Root, parent: null, line: 1, column: 0, depth: 0, index: -1 };
  private tokenRow = 1;
  private tokenCol = 0;
  private readonly len: number;
  private readonly source: string;

  constructor(private readonly s: string) {
    this.len = s.length;
    this.source = sourceDescription(s);
  }

  // ---- failures -------------------------------------------------------------------------------

  private location(line: number, column: number): string {
    return `[Source: ${this.source}; line: ${line}, column: ${column}]`;
  }
  private failAt(message: string, ptr: number): never {
    throw new JsonReadError(message, this.location(this.row, ptr - this.rowStart + 1));
  }
  private failHere(message: string): never {
    this.failAt(message, this.ptr);
  }
  private failBefore(message: string): never {
    this.failAt(message, this.ptr - 1);
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
    this.invalidEof(`: expected close marker for ${marker} (start marker at ${this.location(this.ctx.line, this.ctx.column)})`);
  }

  // ---- white space and separators -----------------------------------------------------------

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

  private skipColon(): number {
    const eof = ` within/between ${typeDesc(this.ctx)} entries`;
    const c = this.skipWsIn(eof);
    if (c !== 58) this.unexpectedChar(c, 'was expecting a colon to separate field name and value');
    return this.skipWsIn(eof);
  }

  private updateLocation(): void {
    this.tokenRow = this.row;
    this.tokenCol = this.ptr - this.rowStart;
  }

  private push(type: Ctx): void {
    const depth = this.ctx.depth + 1;
    this.ctx = { type, parent: this.ctx, line: this.tokenRow, column: this.tokenCol, depth, index: -1 };
    if (depth > MAX_NESTING_DEPTH) {
      throw new JsonReadError(
        `Document nesting depth (${depth}) exceeds the maximum allowed (${MAX_NESTING_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`,
        undefined,
      );
    }
  }

  private pop(): void {
    this.ctx = this.ctx.parent ?? this.ctx;
  }

  private mismatchedClose(c: number): never {
    const expected = this.ctx.type === Ctx.Array ? ']' : this.ctx.type === Ctx.Object ? '}' : c === 93 ? '}' : ']';
    this.failBefore(
      `Unexpected close marker '${String.fromCharCode(c)}': expected '${expected}' (for ${typeDesc(this.ctx)} starting at ${this.location(this.ctx.line, this.ctx.column)})`,
    );
  }

  // ---- values --------------------------------------------------------------------------------

  /** The document: undefined when there is no value at all (readTree's MissingNode). */
  readRoot(): JNode | undefined {
    const c = this.skipWsOrEnd();
    if (c < 0) return undefined;
    if (c === 93 || c === 125) this.mismatchedClose(c);
    this.ctx.index++;
    return this.readValue(c);
  }

  /** A value whose first character c has been consumed. */
  private readValue(c: number): JNode {
    this.updateLocation();
    switch (c) {
      case 34:
        return { kind: 'string', value: this.finishString() };
      case 91:
        return this.readArray();
      case 123:
        return this.readObject();
      case 125:
        return this.unexpectedChar(c, 'expected a value');
      case 116:
        this.matchToken('true', 1);
        return { kind: 'boolean', value: true };
      case 102:
        this.matchToken('false', 1);
        return { kind: 'boolean', value: false };
      case 110:
        this.matchToken('null', 1);
        return { kind: 'null' };
      case 45:
        return this.parseSignedNumber();
      default:
        return isDigit(c) ? this.parseUnsignedNumber(c) : this.oddValue(c);
    }
  }

  private readArray(): JNode {
    this.push(Ctx.Array);
    const items: JNode[] = [];
    let c = this.skipWsOrEnd();
    while (c !== 93) {
      if (c === 125) this.mismatchedClose(c);
      this.ctx.index++;
      if (this.ctx.index > 0) {
        if (c !== 44) this.unexpectedChar(c, 'was expecting comma to separate Array entries');
        c = this.skipWsIn('');
      }
      items.push(this.readValue(c));
      c = this.skipWsOrEnd();
    }
    this.updateLocation();
    this.pop();
    return { kind: 'array', items };
  }

  private readObject(): JNode {
    this.push(Ctx.Object);
    const entries: Array<readonly [string, JNode]> = [];
    const map = new Map<string, JNode>();
    let c = this.skipWsOrEnd();
    while (c !== 125) {
      if (c === 93) this.mismatchedClose(c);
      this.ctx.index++;
      if (this.ctx.index > 0) {
        if (c !== 44) this.unexpectedChar(c, 'was expecting comma to separate Object entries');
        c = this.skipWsIn('');
      }
      if (c !== 34) this.unexpectedChar(c, 'was expecting double-quote to start field name');
      const name = this.parseName();
      c = this.skipColon();
      const value = this.readValue(c);
      entries.push([name, value]);
      map.set(name, value);
      c = this.skipWsOrEnd();
    }
    this.updateLocation();
    this.pop();
    return { kind: 'object', entries, map };
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

  private finishString(): string {
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

  // ---- numbers -------------------------------------------------------------------------------

  private number(start: number, end: number, float: boolean): JNode {
    const text = this.s.slice(start, end);
    return { kind: 'number', value: Number(text), integer: !float, text };
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

  private parseUnsignedNumber(first: number): JNode {
    const start = this.ptr - 1;
    if (first === 48) return this.parseNumberSlow(false, start);
    let p = this.ptr;
    let c: number;
    for (;;) {
      if (p >= this.len) return this.parseNumberSlow(false, start);
      c = this.s.charCodeAt(p++);
      if (!isDigit(c)) break;
    }
    if (c === 46 || (c | 0x20) === 101) {
      this.ptr = p;
      return this.parseFloat(c, start, p, false);
    }
    this.ptr = p - 1;
    if (this.ctx.type === Ctx.Root) this.rootSpace(c);
    return this.number(start, p - 1, false);
  }

  private parseSignedNumber(): JNode {
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
    for (;;) {
      if (p >= this.len) return this.parseNumberSlow(true, start);
      c = this.s.charCodeAt(p++);
      if (!isDigit(c)) break;
    }
    if (c === 46 || (c | 0x20) === 101) {
      this.ptr = p;
      return this.parseFloat(c, start, p, true);
    }
    this.ptr = p - 1;
    if (this.ctx.type === Ctx.Root) this.rootSpace(c);
    return this.number(start, p - 1, false);
  }

  private parseFloat(first: number, start: number, from: number, negative: boolean): JNode {
    let c = first;
    let p = from;
    const errorPtr = this.ptr;
    if (c === 46) {
      let fractLen = 0;
      for (;;) {
        if (p >= this.len) return this.parseNumberSlow(negative, start);
        c = this.s.charCodeAt(p++);
        if (!isDigit(c)) break;
        fractLen++;
      }
      if (fractLen === 0) this.unexpectedNumberChar(c, 'Decimal point not followed by a digit', errorPtr);
    }
    if ((c | 0x20) === 101) {
      let expLen = 0;
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
    return this.number(start, p - 1, true);
  }

  /** _parseNumber2: the careful path, taken near the end of input or after a leading zero. */
  private parseNumberSlow(negative: boolean, start: number): JNode {
    this.ptr = negative ? start + 1 : start;
    const next = (eofMessage: string): number => {
      if (this.ptr >= this.len) this.invalidEof(eofMessage);
      return this.s.charCodeAt(this.ptr++);
    };
    let c = next(' in a Number value');
    if (c === 48 && this.ptr < this.len && isDigit(this.s.charCodeAt(this.ptr))) {
      this.failHere('Invalid numeric value: Leading zeroes not allowed');
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
    let float = false;
    if (c === 46 && !eof) {
      float = true;
      let fractLen = 0;
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
    if (!eof && (c | 0x20) === 101) {
      float = true;
      let expLen = 0;
      c = next(' in a Number value');
      if (c === 45 || c === 43) c = next(' in a Number value');
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
    let end = this.ptr;
    if (!eof) {
      this.ptr--;
      end = this.ptr;
      if (this.ctx.type === Ctx.Root) this.rootSpace(c);
    }
    return this.number(start, end, float);
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
}

/** ObjectMapper.readTree(text): the tree (undefined when the text holds no value), or a JsonReadError. */
export function readJson(text: string): JNode | undefined {
  return new Reader(text).readRoot();
}

/** The plain JavaScript value of a node (for a duplicated key, the last value, as readTree keeps it). */
export function toPlain(node: JNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of node.map) {
        Object.defineProperty(out, key, { value: toPlain(value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return node.items.map(toPlain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}
