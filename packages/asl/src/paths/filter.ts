// Jayway JsonPath filter expressions: `[?(@.price < 10 && @.tag == 'x')]`, `[?(@.isbn)]`,
// `[?(@.name =~ /a.*/i)]`, `[?(@.size in [1, 2])]` ... Compiled once, evaluated per candidate.
// Operand paths are resolved through a callback so this module does not depend on the evaluator.

import { hasOwn, isJsonObject, jsonEquals, setOwn, type JsonObject, type JsonValue } from './json.js';

type Operand =
  | { readonly kind: 'path'; readonly relative: boolean; readonly text: string }
  | { readonly kind: 'literal'; readonly value: JsonValue }
  | { readonly kind: 'regex'; readonly regex: RegExp };

type Operator =
  | '=='
  | '!='
  | '==='
  | '!=='
  | '<'
  | '<='
  | '>'
  | '>='
  | '=~'
  | 'in'
  | 'nin'
  | 'subsetof'
  | 'anyof'
  | 'noneof'
  | 'size'
  | 'empty'
  | 'contains'
  | 'exists';

export type FilterNode =
  | { readonly kind: 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'and'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  | { readonly kind: 'compare'; readonly left: Operand; readonly op: Operator; readonly right: Operand }
  | { readonly kind: 'test'; readonly operand: Operand };

/** Resolves a filter path (`$…`, already re-rooted) against data; `undefined` when it finds nothing. */
export type FilterPathResolver = (path: string, data: JsonValue) => JsonValue | undefined;

const WORD_OPERATORS: ReadonlySet<string> = new Set([
  'in',
  'nin',
  'subsetof',
  'anyof',
  'noneof',
  'size',
  'empty',
  'contains',
  'exists',
]);

class FilterParser {
  pos = 0;
  constructor(readonly text: string) {}

  fail(detail: string): never {
    throw new Error(`Invalid filter expression '${this.text}': ${detail}`);
  }
  blanks(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }
  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.pos);
  }

  parse(): FilterNode {
    const node = this.parseOr();
    this.blanks();
    if (this.pos < this.text.length) this.fail(`unexpected '${this.text.slice(this.pos)}'`);
    return node;
  }

  parseOr(): FilterNode {
    let left = this.parseAnd();
    for (;;) {
      this.blanks();
      if (!this.startsWith('||')) return left;
      this.pos += 2;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
  }

  parseAnd(): FilterNode {
    let left = this.parseUnary();
    for (;;) {
      this.blanks();
      if (!this.startsWith('&&')) return left;
      this.pos += 2;
      left = { kind: 'and', left, right: this.parseUnary() };
    }
  }

  parseUnary(): FilterNode {
    this.blanks();
    if (this.startsWith('!') && !this.startsWith('!=')) {
      this.pos++;
      return { kind: 'not', operand: this.parseUnary() };
    }
    if (this.startsWith('(')) {
      this.pos++;
      const inner = this.parseOr();
      this.blanks();
      if (!this.startsWith(')')) this.fail("missing ')'");
      this.pos++;
      return inner;
    }
    const left = this.parseOperand();
    this.blanks();
    const op = this.parseOperator();
    if (!op) return { kind: 'test', operand: left };
    this.blanks();
    const right = this.parseOperand();
    return { kind: 'compare', left, op, right };
  }

  parseOperator(): Operator | null {
    for (const symbol of ['===', '!==', '==', '!=', '<=', '>=', '=~', '<', '>'] as const) {
      if (this.startsWith(symbol)) {
        this.pos += symbol.length;
        return symbol;
      }
    }
    const match = /^[A-Za-z]+/.exec(this.text.slice(this.pos));
    if (match && WORD_OPERATORS.has(match[0].toLowerCase())) {
      this.pos += match[0].length;
      return match[0].toLowerCase() as Operator;
    }
    return null;
  }

  parseOperand(): Operand {
    this.blanks();
    const ch = this.text[this.pos] ?? '';
    if (ch === '@' || ch === '$') return this.parsePathOperand();
    if (ch === "'" || ch === '"') return { kind: 'literal', value: this.parseQuoted() };
    if (ch === '/') return this.parseRegex();
    if (ch === '[' || ch === '{') return { kind: 'literal', value: this.parseJsonLiteral() };
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (number) {
      this.pos += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.startsWith(word)) {
        this.pos += word.length;
        return { kind: 'literal', value };
      }
    }
    return this.fail(`unexpected '${this.text.slice(this.pos)}'`);
  }

  parsePathOperand(): Operand {
    const start = this.pos;
    const relative = this.text[this.pos] === '@';
    this.pos++;
    let depth = 0;
    let quote = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] as string;
      if (quote) {
        if (c === '\\') this.pos++;
        else if (c === quote) quote = '';
      } else if (depth > 0) {
        if (c === "'" || c === '"') quote = c;
        else if (c === '[') depth++;
        else if (c === ']') depth--;
      } else if (c === '[') {
        depth++;
      } else if (c === '(' && this.text[this.pos + 1] === ')') {
        this.pos++;
      } else if (/[\s=!<>&|)~]/.test(c)) {
        break;
      }
      this.pos++;
    }
    const raw = this.text.slice(start, this.pos);
    return { kind: 'path', relative, text: '$' + raw.slice(1) };
  }

  parseQuoted(): string {
    const quote = this.text[this.pos];
    this.pos++;
    let out = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] as string;
      if (c === '\\') {
        out += this.text[this.pos + 1] ?? '';
        this.pos += 2;
        continue;
      }
      if (c === quote) {
        this.pos++;
        return out;
      }
      out += c;
      this.pos++;
    }
    return this.fail('unterminated string');
  }

  parseRegex(): Operand {
    const end = this.text.indexOf('/', this.pos + 1);
    if (end < 0) this.fail('unterminated regular expression');
    const body = this.text.slice(this.pos + 1, end);
    this.pos = end + 1;
    const flags = /^[a-z]*/.exec(this.text.slice(this.pos))?.[0] ?? '';
    this.pos += flags.length;
    try {
      return { kind: 'regex', regex: new RegExp(`^(?:${body})$`, flags.includes('i') ? 'i' : '') };
    } catch {
      return this.fail(`invalid regular expression /${body}/`);
    }
  }

  /** JSON array/object literal; like Jayway's json-smart it also accepts single-quoted strings. */
  parseJsonLiteral(): JsonValue {
    this.blanks();
    const ch = this.text[this.pos] ?? '';
    if (ch === '[') {
      this.pos++;
      const items: JsonValue[] = [];
      this.blanks();
      if (this.text[this.pos] === ']') {
        this.pos++;
        return items;
      }
      for (;;) {
        items.push(this.parseJsonLiteral());
        this.blanks();
        const next = this.text[this.pos];
        this.pos++;
        if (next === ']') return items;
        if (next !== ',') this.fail('malformed array literal');
      }
    }
    if (ch === '{') {
      this.pos++;
      const object: JsonObject = {};
      this.blanks();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return object;
      }
      for (;;) {
        this.blanks();
        const key = this.parseQuoted();
        this.blanks();
        if (this.text[this.pos] !== ':') this.fail('malformed object literal');
        this.pos++;
        setOwn(object, key, this.parseJsonLiteral());
        this.blanks();
        const next = this.text[this.pos];
        this.pos++;
        if (next === '}') return object;
        if (next !== ',') this.fail('malformed object literal');
      }
    }
    const operand = this.parseOperand();
    if (operand.kind !== 'literal') this.fail('only literals are allowed inside a JSON literal');
    return operand.value;
  }
}

export function compileFilter(text: string): FilterNode {
  return new FilterParser(text).parse();
}

// ---------------------------------------------------------------------------------------------

function numericText(text: string): number | null {
  return /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(text) ? Number(text) : null;
}

/** Jayway ValueNode equality: numbers and numeric strings compare as numbers. */
function looseEquals(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'string') return numericText(b) === a;
  if (typeof a === 'string' && typeof b === 'number') return numericText(a) === b;
  return jsonEquals(a, b);
}

function strictEquals(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return jsonEquals(a, b);
}

function compareOrdered(a: JsonValue | undefined, b: JsonValue | undefined, test: (c: number) => boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') return test(a < b ? -1 : a > b ? 1 : 0);
  if (typeof a === 'string' && typeof b === 'string') return test(a < b ? -1 : a > b ? 1 : 0);
  return false;
}

function sizeOf(value: JsonValue | undefined): number | null {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return null;
}

function regexInput(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

export function evaluateFilter(
  node: FilterNode,
  item: JsonValue,
  root: JsonValue,
  resolve: FilterPathResolver,
): boolean {
  const value = (operand: Operand): JsonValue | undefined => {
    if (operand.kind === 'literal') return operand.value;
    if (operand.kind === 'path') return resolve(operand.text, operand.relative ? item : root);
    return undefined;
  };
  switch (node.kind) {
    case 'or':
      return (
        evaluateFilter(node.left, item, root, resolve) || evaluateFilter(node.right, item, root, resolve)
      );
    case 'and':
      return (
        evaluateFilter(node.left, item, root, resolve) && evaluateFilter(node.right, item, root, resolve)
      );
    case 'not':
      return !evaluateFilter(node.operand, item, root, resolve);
    case 'test': {
      if (node.operand.kind === 'literal') return node.operand.value === true;
      return value(node.operand) !== undefined;
    }
    case 'compare': {
      const left = value(node.left);
      if (node.op === '=~') {
        if (node.right.kind !== 'regex') return false;
        const input = regexInput(left);
        return input !== null && node.right.regex.test(input);
      }
      const right = value(node.right);
      switch (node.op) {
        case '==':
          return looseEquals(left, right);
        case '!=':
          return !looseEquals(left, right);
        case '===':
          return strictEquals(left, right);
        case '!==':
          return !strictEquals(left, right);
        case '<':
          return compareOrdered(left, right, (c) => c < 0);
        case '<=':
          return compareOrdered(left, right, (c) => c <= 0);
        case '>':
          return compareOrdered(left, right, (c) => c > 0);
        case '>=':
          return compareOrdered(left, right, (c) => c >= 0);
        case 'in':
          return Array.isArray(right) && right.some((candidate) => looseEquals(left, candidate));
        case 'nin':
          return Array.isArray(right) && !right.some((candidate) => looseEquals(left, candidate));
        case 'subsetof':
          return (
            Array.isArray(left) &&
            Array.isArray(right) &&
            left.every((a) => right.some((b) => looseEquals(a, b)))
          );
        case 'anyof':
          return (
            Array.isArray(left) &&
            Array.isArray(right) &&
            left.some((a) => right.some((b) => looseEquals(a, b)))
          );
        case 'noneof':
          return (
            Array.isArray(left) &&
            Array.isArray(right) &&
            !left.some((a) => right.some((b) => looseEquals(a, b)))
          );
        case 'size':
          return typeof right === 'number' && sizeOf(left) === right;
        case 'empty': {
          const size = sizeOf(left);
          return size !== null && typeof right === 'boolean' && (size === 0) === right;
        }
        case 'contains':
          if (typeof left === 'string') return typeof right === 'string' && left.includes(right);
          if (Array.isArray(left)) return left.some((candidate) => looseEquals(candidate, right));
          if (isJsonObject(left) && typeof right === 'string') return hasOwn(left, right);
          return false;
        case 'exists':
          return typeof right === 'boolean' && (left !== undefined) === right;
      }
    }
  }
}
