// The syntax checks CreateStateMachine applies to strings inside a definition: paths (JSONPath,
// context paths "$$...", variable paths "$name..."), reference paths (ResultPath), intrinsic
// function calls, RFC 3339 timestamps, JSONata "{% %}" strings and Map labels. They are deliberately
// permissive where AWS's exact grammar is not known: a definition AWS accepts must never be refused.

/** The intrinsic functions of the States Language. */
export const INTRINSIC_FUNCTIONS: ReadonlySet<string> = new Set([
  'Format',
  'StringToJson',
  'JsonToString',
  'Array',
  'ArrayPartition',
  'ArrayContains',
  'ArrayRange',
  'ArrayGetItem',
  'ArrayLength',
  'ArrayUnique',
  'Base64Encode',
  'Base64Decode',
  'Hash',
  'JsonMerge',
  'MathRandom',
  'MathAdd',
  'StringSplit',
  'UUID',
]);

/** The intrinsics a Fail state's ErrorPath/CausePath may call (those returning a string). */
export const STRING_INTRINSICS: ReadonlySet<string> = new Set([
  'Format',
  'JsonToString',
  'ArrayGetItem',
  'Base64Encode',
  'Base64Decode',
  'Hash',
  'UUID',
]);

const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_]/u;

/** A JSONata field value: a string written entirely as "{% ... %}". */
export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 4 && value.startsWith('{%') && value.endsWith('%}');
}

/** The expression inside "{% ... %}". */
export function jsonataBody(value: string): string {
  return value.slice(2, -2);
}

/**
 * Scans the selector part of a path (what follows "$", "$$" or "$name"): dotted names and bracket
 * selectors, with quotes inside brackets. Returns false for an unbalanced bracket, an unterminated
 * quote or a path ending in a dot.
 */
function selectorsWellFormed(rest: string): boolean {
  let i = 0;
  while (i < rest.length) {
    const c = rest[i];
    if (c === '.') {
      i++;
      if (i < rest.length && rest[i] === '.') i++; // deep scan
      if (i >= rest.length) return false;
      if (rest[i] === '[') continue;
      const start = i;
      while (i < rest.length && rest[i] !== '.' && rest[i] !== '[') {
        if (rest[i] === ']') return false;
        i++;
      }
      if (i === start) return false;
      continue;
    }
    if (c === '[') {
      let depth = 0;
      let quote: string | null = null;
      for (; i < rest.length; i++) {
        const ch = rest[i];
        if (quote !== null) {
          if (ch === '\\') i++;
          else if (ch === quote) quote = null;
          continue;
        }
        if (ch === "'" || ch === '"') quote = ch;
        else if (ch === '[') depth++;
        else if (ch === ']') {
          depth--;
          if (depth === 0) break;
        }
      }
      if (quote !== null || depth !== 0) return false;
      i++;
      continue;
    }
    return false;
  }
  return true;
}

export type PathKind = 'jsonpath' | 'context' | 'variable';

/** What kind of path a string is, or undefined when it is not a well-formed path. */
export function pathKind(value: string): PathKind | undefined {
  if (!value.startsWith('$')) return undefined;
  if (value.startsWith('$$')) return selectorsWellFormed(value.slice(2)) ? 'context' : undefined;
  const second = value[1];
  if (second === undefined || second === '.' || second === '[') return selectorsWellFormed(value.slice(1)) ? 'jsonpath' : undefined;
  if (!IDENT_START.test(second)) return undefined;
  let i = 2;
  while (i < value.length && IDENT_PART.test(value[i] ?? '')) i++;
  return selectorsWellFormed(value.slice(i)) ? 'variable' : undefined;
}

/** A Path: JSONPath, a context path or a variable path. */
export function isPath(value: string): boolean {
  return pathKind(value) !== undefined;
}

/**
 * A Reference Path (ResultPath): a JSONPath that names a single node, without deep scan,
 * wildcards, filters, slices or unions.
 */
export function isReferencePath(value: string): boolean {
  if (pathKind(value) !== 'jsonpath') return false;
  if (value.includes('..')) return false;
  // Look at what lies outside quotes inside brackets.
  let quote: string | null = null;
  let inBracket = false;
  for (let i = 1; i < value.length; i++) {
    const ch = value[i];
    if (quote !== null) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (inBracket && (ch === "'" || ch === '"')) quote = ch;
    else if (ch === '[') inBracket = true;
    else if (ch === ']') inBracket = false;
    else if (ch === '*' || (inBracket && (ch === '?' || ch === ':' || ch === ',' || ch === '('))) return false;
  }
  return true;
}

// ---- intrinsic functions ---------------------------------------------------------------------------

class IntrinsicScanner {
  i = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i] ?? '')) this.i++;
  }

  /** A call "States.Name(args)"; returns the function name, or undefined when malformed. */
  call(depth: number): string | undefined {
    if (depth > 10) return undefined;
    if (!this.s.startsWith('States.', this.i)) return undefined;
    this.i += 7;
    const start = this.i;
    while (this.i < this.s.length && /[A-Za-z0-9]/.test(this.s[this.i] ?? '')) this.i++;
    const name = this.s.slice(start, this.i);
    if (!INTRINSIC_FUNCTIONS.has(name)) return undefined;
    this.ws();
    if (this.s[this.i] !== '(') return undefined;
    this.i++;
    this.ws();
    if (this.s[this.i] === ')') {
      this.i++;
      return name;
    }
    for (;;) {
      this.ws();
      if (!this.argument(depth)) return undefined;
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ')') {
        this.i++;
        return name;
      }
      return undefined;
    }
  }

  private argument(depth: number): boolean {
    const c = this.s[this.i];
    if (c === undefined) return false;
    if (c === "'") return this.string();
    if (c === '$') return this.path();
    if (this.s.startsWith('States.', this.i)) return this.call(depth + 1) !== undefined;
    const word = /^(?:true|false|null)(?![A-Za-z0-9_])/.exec(this.s.slice(this.i));
    if (word) {
      this.i += word[0].length;
      return true;
    }
    const number = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.s.slice(this.i));
    if (number) {
      this.i += number[0].length;
      return true;
    }
    return false;
  }

  /** A single-quoted string; the escapable characters are ' { } and \ only. */
  private string(): boolean {
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === "'") {
        this.i++;
        return true;
      }
      if (c === '\\') {
        const next = this.s[this.i + 1];
        if (next !== "'" && next !== '{' && next !== '}' && next !== '\\') return false;
        this.i += 2;
        continue;
      }
      this.i++;
    }
    return false;
  }

  /** A path argument: up to the next "," or ")" outside brackets and quotes. */
  private path(): boolean {
    const start = this.i;
    let depth = 0;
    let quote: string | null = null;
    for (; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (quote !== null) {
        if (c === '\\') this.i++;
        else if (c === quote) quote = null;
        continue;
      }
      if (depth > 0 && (c === "'" || c === '"')) quote = c;
      else if (c === '[' || c === '(') depth++;
      else if (c === ']' || (c === ')' && depth > 0)) depth--;
      else if (depth === 0 && (c === ',' || c === ')' || /\s/.test(c ?? ''))) break;
    }
    return isPath(this.s.slice(start, this.i));
  }

  atEnd(): boolean {
    this.ws();
    return this.i >= this.s.length;
  }
}

/** The name of the intrinsic function a string calls, or undefined when it is not a well-formed call. */
export function intrinsicCall(value: string): string | undefined {
  const scanner = new IntrinsicScanner(value);
  const name = scanner.call(1);
  return name !== undefined && scanner.atEnd() ? name : undefined;
}

/** A JSONPath-mode ".$" value: a path or an intrinsic function call. */
export function isPathOrIntrinsic(value: string): boolean {
  return isPath(value) || intrinsicCall(value) !== undefined;
}

// ---- timestamps -------------------------------------------------------------------------------------

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** An RFC 3339 date-time with an uppercase T and an uppercase Z or a numeric offset. */
export function isRfc3339Timestamp(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
  if (day > days || hour > 23 || minute > 59 || second > 60) return false;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  return true;
}

// ---- Map labels --------------------------------------------------------------------------------------

const LABEL_FORBIDDEN = new Set([...' ?*<>{}[]:;,\\|^~$#%&`"']);

/** Why a Distributed Map Label is refused, or undefined when it is accepted. */
export function labelProblem(label: string): string | undefined {
  if (label.length === 0) return 'Label cannot be empty';
  if (label.length > 40) return 'Label cannot exceed 40 characters';
  for (const ch of label) {
    const code = ch.codePointAt(0) ?? 0;
    if (LABEL_FORBIDDEN.has(ch) || code <= 0x1f || (code >= 0x7f && code <= 0x9f) || /\s/.test(ch)) {
      return `Label contains invalid character: ${pythonRepr(ch)}`;
    }
  }
  return undefined;
}

/** Python's repr() of a str, which the recorded Label messages embed. */
export function pythonRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0xad) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}
