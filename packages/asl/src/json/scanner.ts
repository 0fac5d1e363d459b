// The character level of Jackson's ReaderBasedJsonParser: where it is (offset, line, the container
// it is in), the white space between tokens, bare words, and how its failures are worded and where
// they point. Lines count LF, CR and CRLF; columns are 1-based UTF-16 units.

import { charDesc, isJavaIdentifierPart } from './chars.js';
import { JsonReadError, jacksonLocation } from './location.js';

export const VALID_VALUES =
  "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const MAX_ERROR_TOKEN_LENGTH = 256;
/** StreamReadConstraints' default. */
const MAX_NESTING_DEPTH = 1000;

export const enum Ctx {
  Root,
  Array,
  Object,
}

/** JsonReadContext: a container being read, and where its start marker was. */
interface Context {
  readonly type: Ctx;
  readonly parent: Context | null;
  readonly line: number;
  readonly column: number;
  readonly depth: number;
  /** The entry being read: -1 before the first. */
  index: number;
}

const typeDesc = (ctx: Context): string =>
  ctx.type === Ctx.Root ? 'root' : ctx.type === Ctx.Array ? 'Array' : 'Object';

export class Scanner {
  ptr = 0;
  row = 1;
  rowStart = 0;
  ctx: Context = { type: Ctx.Root, parent: null, line: 1, column: 0, depth: 0, index: -1 };
  private tokenRow = 1;
  private tokenCol = 0;
  readonly len: number;

  constructor(
    readonly s: string,
    /** The text locations quote, or undefined for REDACTED ones. */
    private readonly source: string | undefined,
  ) {
    this.len = s.length;
  }

  // ---- failures -------------------------------------------------------------------------------

  private location(line: number, column: number): string {
    return jacksonLocation(this.source, line, column);
  }
  failAt(message: string, ptr: number): never {
    throw new JsonReadError(message, this.location(this.row, ptr - this.rowStart + 1));
  }
  failHere(message: string): never {
    this.failAt(message, this.ptr);
  }
  failBefore(message: string): never {
    this.failAt(message, this.ptr - 1);
  }
  /** A StreamReadConstraints failure: reported without a location. */
  failLimit(message: string): never {
    throw new JsonReadError(message, undefined);
  }
  unexpectedChar(code: number, comment: string): never {
    this.failBefore(`Unexpected character (${charDesc(code)}): ${comment}`);
  }
  invalidEof(suffix: string): never {
    this.failHere(`Unexpected end-of-input${suffix}`);
  }
  private comment(): never {
    this.unexpectedChar(
      47,
      "maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)",
    );
  }
  /** An unrecognized bare word: what was matched so far and the identifier characters after it. */
  invalidToken(matched: string): never {
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
  /** The rest of a bare word (true, false, null, NaN, ...) whose first `from` characters were read. */
  matchToken(word: string, from: number): void {
    for (let i = from; i < word.length; i++) {
      if (this.ptr >= this.len || this.s.charCodeAt(this.ptr) !== word.charCodeAt(i))
        this.invalidToken(word.substring(0, i));
      this.ptr++;
    }
    if (this.ptr >= this.len) return;
    const c = this.s.charCodeAt(this.ptr);
    if (c >= 48 && c !== 93 && c !== 125 && isJavaIdentifierPart(c)) this.invalidToken(word);
  }

  // ---- white space and separators -----------------------------------------------------------

  /** Counts a line break just consumed; any other control character is refused. */
  newline(code: number): void {
    if (code === 10) {
      this.row++;
      this.rowStart = this.ptr;
    } else if (code === 13) {
      if (this.ptr < this.len && this.s.charCodeAt(this.ptr) === 10) this.ptr++;
      this.row++;
      this.rowStart = this.ptr;
    } else if (code !== 9) {
      this.failHere(
        `Illegal character (${charDesc(code)}): only regular white space (\\r, \\n, \\t) is allowed between tokens`,
      );
    }
  }

  /** The next significant character, consumed; -1 at the end of input (an error inside a container). */
  skipWsOrEnd(): number {
    for (;;) {
      if (this.ptr >= this.len) {
        if (this.ctx.type !== Ctx.Root) {
          const marker = this.ctx.type === Ctx.Array ? 'Array' : 'Object';
          this.invalidEof(
            `: expected close marker for ${marker} (start marker at ${this.location(this.ctx.line, this.ctx.column)})`,
          );
        }
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

  /** The next significant character where the input may not end. */
  private skipWsIn(eofSuffix: string): number {
    for (;;) {
      if (this.ptr >= this.len) this.invalidEof(eofSuffix);
      const c = this.s.charCodeAt(this.ptr++);
      if (c > 32) {
        if (c === 47) this.comment();
        return c;
      }
      if (c !== 32) this.newline(c);
    }
  }

  /** After an entry: c must be the comma; returns the character after it. */
  skipComma(c: number): number {
    if (c !== 44)
      this.unexpectedChar(c, `was expecting comma to separate ${typeDesc(this.ctx)} entries`);
    return this.skipWsIn(` within/between ${typeDesc(this.ctx)} entries`);
  }

  /** After a field name: the colon, then the first character of the value. */
  skipColon(): number {
    const eof = ` within/between ${typeDesc(this.ctx)} entries`;
    const c = this.skipWsIn(eof);
    if (c !== 58) this.unexpectedChar(c, 'was expecting a colon to separate field name and value');
    return this.skipWsIn(eof);
  }

  // ---- containers ----------------------------------------------------------------------------

  /** Marks where the current token starts (just after its first character). */
  updateLocation(): void {
    this.tokenRow = this.row;
    this.tokenCol = this.ptr - this.rowStart;
  }

  push(type: Ctx): void {
    const depth = this.ctx.depth + 1;
    this.ctx = {
      type,
      parent: this.ctx,
      line: this.tokenRow,
      column: this.tokenCol,
      depth,
      index: -1,
    };
    if (depth > MAX_NESTING_DEPTH) {
      this.failLimit(
        `Document nesting depth (${depth}) exceeds the maximum allowed (${MAX_NESTING_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`,
      );
    }
  }

  pop(): void {
    this.ctx = this.ctx.parent ?? this.ctx;
  }

  /** A close marker c (']' or '}') that does not close the current container. */
  mismatchedClose(c: number): never {
    const expected = c === 93 ? '}' : ']';
    this.failBefore(
      `Unexpected close marker '${String.fromCharCode(c)}': expected '${expected}' (for ${typeDesc(this.ctx)} starting at ${this.location(this.ctx.line, this.ctx.column)})`,
    );
  }
}
