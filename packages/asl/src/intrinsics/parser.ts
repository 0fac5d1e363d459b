// Intrinsic call syntax: `States.Format('x {}', $.a)`. Arguments are single-quoted strings
// (escapes \' \{ \} \\ only), JSON numbers, true/false/null, paths ($…), context paths ($$…),
// variables ($name…) and nested calls, at most ten calls deep.

import { IntrinsicSyntaxError } from '../paths/errors.js';
import { compilePath, type CompiledPath } from '../paths/jsonpath.js';

export const INTRINSIC_FUNCTIONS = [
  'States.Format',
  'States.StringToJson',
  'States.JsonToString',
  'States.Array',
  'States.ArrayPartition',
  'States.ArrayContains',
  'States.ArrayRange',
  'States.ArrayGetItem',
  'States.ArrayLength',
  'States.ArrayUnique',
  'States.Base64Encode',
  'States.Base64Decode',
  'States.Hash',
  'States.JsonMerge',
  'States.MathRandom',
  'States.MathAdd',
  'States.StringSplit',
  'States.UUID',
] as const;

export type IntrinsicFunctionName = (typeof INTRINSIC_FUNCTIONS)[number];

const FUNCTION_NAMES: ReadonlySet<string> = new Set(INTRINSIC_FUNCTIONS);

/** How deep calls may nest ("You can nest up to 10 intrinsic functions within a field"). */
export const MAX_INTRINSIC_DEPTH = 10;

export type IntrinsicArgument =
  | {
      readonly kind: 'string';
      /** The value with escapes resolved. */
      readonly value: string;
      /** The text between the quotes, escapes kept (States.Format reads `\{` here). */
      readonly raw: string;
    }
  | { readonly kind: 'number'; readonly value: number; readonly raw: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'path'; readonly path: CompiledPath }
  | { readonly kind: 'call'; readonly call: IntrinsicCall };

export interface IntrinsicCall {
  readonly name: IntrinsicFunctionName;
  readonly args: readonly IntrinsicArgument[];
  /** The source text of this call. */
  readonly text: string;
}

const STRING_ESCAPES: ReadonlySet<string> = new Set(["'", '{', '}', '\\']);
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/;

class IntrinsicParser {
  pos = 0;
  constructor(readonly text: string) {}

  fail(detail: string): never {
    throw new IntrinsicSyntaxError(this.text, detail);
  }
  blanks(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  parseCall(depth: number): IntrinsicCall {
    const start = this.pos;
    if (depth > MAX_INTRINSIC_DEPTH) {
      this.fail(`intrinsic functions can be nested at most ${MAX_INTRINSIC_DEPTH} deep`);
    }
    const match = /^States\.[A-Za-z0-9]+/.exec(this.text.slice(this.pos));
    if (!match) this.fail(`expected an intrinsic function at position ${this.pos}`);
    const name = match[0];
    if (!FUNCTION_NAMES.has(name)) this.fail(`'${name}' is not an intrinsic function`);
    this.pos += name.length;
    this.blanks();
    if (this.text[this.pos] !== '(') this.fail(`expected '(' after ${name}`);
    this.pos++;
    const args: IntrinsicArgument[] = [];
    this.blanks();
    if (this.text[this.pos] === ')') {
      this.pos++;
    } else {
      for (;;) {
        this.blanks();
        args.push(this.parseArgument(depth));
        this.blanks();
        const ch = this.text[this.pos];
        if (ch === ')') {
          this.pos++;
          break;
        }
        if (ch !== ',') {
          this.fail(ch === undefined ? `missing ')' to close ${name}` : `unexpected '${ch}' at position ${this.pos}`);
        }
        this.pos++;
      }
    }
    return { name: name as IntrinsicFunctionName, args, text: this.text.slice(start, this.pos) };
  }

  parseArgument(depth: number): IntrinsicArgument {
    const ch = this.text[this.pos];
    if (ch === undefined) this.fail('missing argument');
    if (ch === "'") return this.parseString();
    if (ch === '$') return this.parsePath();
    if (this.text.startsWith('States.', this.pos)) return { kind: 'call', call: this.parseCall(depth + 1) };
    const number = NUMBER.exec(this.text.slice(this.pos));
    if (number) {
      const after = this.text[this.pos + number[0].length] ?? '';
      if (after !== '' && !/[\s,)]/.test(after)) this.fail(`invalid number at position ${this.pos}`);
      this.pos += number[0].length;
      return { kind: 'number', value: Number(number[0]), raw: number[0] };
    }
    for (const word of ['true', 'false', 'null'] as const) {
      const after = this.text[this.pos + word.length] ?? '';
      if (this.text.startsWith(word, this.pos) && (after === '' || /[\s,)]/.test(after))) {
        this.pos += word.length;
        if (word === 'null') return { kind: 'null' };
        return { kind: 'boolean', value: word === 'true' };
      }
    }
    return this.fail(`unexpected '${ch}' at position ${this.pos}`);
  }

  parseString(): IntrinsicArgument {
    const start = ++this.pos;
    let value = '';
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('unterminated string literal');
      if (ch === "'") break;
      if (ch === '\\') {
        const escaped = this.text[this.pos + 1];
        if (escaped === undefined || !STRING_ESCAPES.has(escaped)) {
          this.fail(`invalid escape sequence '\\${escaped ?? ''}' in a string literal`);
        }
        value += escaped;
        this.pos += 2;
        continue;
      }
      value += ch;
      this.pos++;
    }
    const raw = this.text.slice(start, this.pos);
    this.pos++;
    return { kind: 'string', value, raw };
  }

  parsePath(): IntrinsicArgument {
    const start = this.pos;
    let depth = 0;
    let quote = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos] as string;
      if (quote) {
        if (ch === '\\') this.pos++;
        else if (ch === quote) quote = '';
      } else if (ch === "'" || ch === '"') {
        if (depth === 0) break;
        quote = ch;
      } else if (ch === '[' || ch === '(') {
        depth++;
      } else if (ch === ']' || ch === ')') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (ch === ',' || /\s/.test(ch))) {
        break;
      }
      this.pos++;
    }
    const text = this.text.slice(start, this.pos);
    try {
      return { kind: 'path', path: compilePath(text) };
    } catch (error) {
      return this.fail(`invalid path '${text}': ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** True when the text is meant as an intrinsic call (it names `States.`), valid or not. */
export function looksLikeIntrinsic(text: string): boolean {
  return text.startsWith('States.');
}

/** Parses a whole intrinsic call; throws IntrinsicSyntaxError. */
export function parseIntrinsic(text: string): IntrinsicCall {
  const parser = new IntrinsicParser(text);
  const call = parser.parseCall(1);
  parser.blanks();
  if (parser.pos < text.length) parser.fail(`unexpected '${text.slice(parser.pos)}' after the call`);
  return call;
}

/** True when the text parses as an intrinsic call. */
export function isIntrinsicCall(text: string): boolean {
  try {
    parseIntrinsic(text);
    return true;
  } catch {
    return false;
  }
}
