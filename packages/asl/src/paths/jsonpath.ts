// JSONPath as Step Functions evaluates it. AWS uses Jayway JsonPath (default options, Jackson
// provider); this is a re-implementation of the subset AWS accepts, with Jayway's semantics:
//  - a definite path (only single names and single indexes) yields the value itself and fails with
//    Jayway's message ("No results for path: $['x']", "Missing property in path $['a']");
//  - any other path yields an array of matches, and AWS turns a failure into [] (recorded:
//    `$.items[*]` on `{}` gives `[]`).
// Besides `$…`, a path may start with `$$` (the context object) or `$name` (a workflow variable).

import { PathNotFoundError, PathSyntaxError } from './errors.js';
import { compileFilter, evaluateFilter, type FilterNode } from './filter.js';
import {
  getOwn,
  hasOwn,
  isJsonObject,
  javaClassName,
  javaToString,
  setOwn,
  type JsonObject,
  type JsonValue,
} from './json.js';

export type PathToken =
  | { readonly kind: 'property'; readonly names: readonly string[]; readonly quote: string }
  | { readonly kind: 'index'; readonly indexes: readonly number[] }
  | { readonly kind: 'slice'; readonly from: number | null; readonly to: number | null }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'scan' }
  | { readonly kind: 'filter'; readonly filter: FilterNode }
  | { readonly kind: 'function'; readonly name: PathFunctionName };

export type PathFunctionName = 'length' | 'size' | 'min' | 'max' | 'avg' | 'sum' | 'stddev';
const PATH_FUNCTIONS: ReadonlySet<string> = new Set(['length', 'size', 'min', 'max', 'avg', 'sum', 'stddev']);

export type PathRoot =
  | { readonly kind: 'input' }
  | { readonly kind: 'context' }
  | { readonly kind: 'variable'; readonly name: string };

export interface CompiledPath {
  /** The text as written in the definition. */
  readonly source: string;
  readonly root: PathRoot;
  readonly tokens: readonly PathToken[];
  /** Only single names and single indexes: the path names one node. */
  readonly definite: boolean;
  /** Jayway's rendering of the path, used in its messages: `$['a'][0]`. */
  readonly normalized: string;
}

/** Where `$$` and `$name` paths read from. */
export interface PathScope {
  /** The context object (`$$`). */
  readonly context?: JsonValue;
  /** Workflow variables visible to the state (`$name`). */
  readonly variables?: Readonly<Record<string, JsonValue>>;
}

const VARIABLE_START = /^[\p{L}_]$/u;
const VARIABLE_PART = /^[\p{L}\p{N}_]$/u;

// ---------------------------------------------------------------------------------------------
// Compilation

class PathCursor {
  pos = 0;
  constructor(
    readonly text: string,
    readonly source: string,
  ) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }
  skipBlanks(): void {
    while (this.peek() === ' ') this.pos++;
  }
  fail(detail: string): never {
    throw new PathSyntaxError(this.source, detail);
  }
}

function readBracket(cursor: PathCursor): PathToken {
  // cursor at '['
  cursor.pos++;
  cursor.skipBlanks();
  const c = cursor.peek();
  if (c === '?') return readFilter(cursor);
  if (c === '*') {
    cursor.pos++;
    cursor.skipBlanks();
    if (cursor.peek() !== ']') cursor.fail(`Expected ']' at position ${cursor.pos}`);
    cursor.pos++;
    return { kind: 'wildcard' };
  }
  if (c === "'" || c === '"') return readQuotedProperties(cursor);
  return readArrayOperation(cursor);
}

function readQuotedProperties(cursor: PathCursor): PathToken {
  const quote = cursor.peek();
  const names: string[] = [];
  for (;;) {
    if (cursor.peek() !== quote) cursor.fail(`Expected ${quote} at position ${cursor.pos}`);
    cursor.pos++;
    const start = cursor.pos;
    let escaped = false;
    for (;;) {
      if (cursor.done) cursor.fail('Property has not been closed - missing closing ' + quote);
      const ch = cursor.peek();
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === quote) break;
      cursor.pos++;
    }
    // Jayway (as AWS runs it) keeps a backslash and the character after it literally.
    names.push(cursor.text.slice(start, cursor.pos));
    cursor.pos++;
    cursor.skipBlanks();
    const next = cursor.peek();
    if (next === ']') {
      cursor.pos++;
      return { kind: 'property', names, quote };
    }
    if (next !== ',') cursor.fail('Property must be separated by comma or Property must be terminated close square bracket at index ' + cursor.pos);
    cursor.pos++;
    cursor.skipBlanks();
  }
}

function parseInteger(text: string, cursor: PathCursor): number {
  if (!/^-?\d+$/.test(text)) cursor.fail(`Failed to parse array index: ${text}`);
  const value = Number(text);
  if (value > 2147483647 || value < -2147483648) cursor.fail(`Failed to parse array index: ${text}`);
  return value;
}

function readArrayOperation(cursor: PathCursor): PathToken {
  const close = cursor.text.indexOf(']', cursor.pos);
  if (close < 0) cursor.fail(`Could not find matching close square bracket starting at ${cursor.pos - 1}`);
  const body = cursor.text.slice(cursor.pos, close).trim();
  cursor.pos = close + 1;
  if (body === '') cursor.fail('Array index/slice must not be empty');
  if (body.includes(':')) {
    if (!/^[-\d:]+$/.test(body) || body.split(':').length > 2) {
      cursor.fail(`Failed to parse SliceOperation: ${body}`);
    }
    const [fromText = '', toText = ''] = body.split(':');
    const from = fromText === '' ? null : parseInteger(fromText, cursor);
    const to = toText === '' ? null : parseInteger(toText, cursor);
    if (from === null && to === null) cursor.fail(`Failed to parse SliceOperation: ${body}`);
    return { kind: 'slice', from, to };
  }
  const indexes = body.split(',').map((part) => parseInteger(part.trim(), cursor));
  return { kind: 'index', indexes };
}

function readFilter(cursor: PathCursor): PathToken {
  // cursor at '?'; expect '(' ... ')' then ']'
  cursor.pos++;
  cursor.skipBlanks();
  if (cursor.peek() !== '(') cursor.fail(`Expected '(' after '?' at position ${cursor.pos}`);
  const start = cursor.pos + 1;
  let depth = 0;
  let quote = '';
  for (; !cursor.done; cursor.pos++) {
    const ch = cursor.peek();
    if (quote) {
      if (ch === '\\') cursor.pos++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) break;
    }
  }
  if (cursor.done) cursor.fail('Filter expression is not closed');
  const body = cursor.text.slice(start, cursor.pos);
  cursor.pos++;
  cursor.skipBlanks();
  if (cursor.peek() !== ']') cursor.fail(`Expected ']' after filter at position ${cursor.pos}`);
  cursor.pos++;
  let filter: FilterNode;
  try {
    filter = compileFilter(body);
  } catch (error) {
    cursor.fail(error instanceof Error ? error.message : String(error));
  }
  return { kind: 'filter', filter };
}

function readDotName(cursor: PathCursor): PathToken {
  const start = cursor.pos;
  while (!cursor.done) {
    const ch = cursor.peek();
    if (ch === '.' || ch === '[' || ch === '(') break;
    if (ch === ' ') cursor.fail("Use bracket notion ['my prop'] if your property contains blank characters. position: " + cursor.pos);
    cursor.pos++;
  }
  const name = cursor.text.slice(start, cursor.pos);
  if (name === '') cursor.fail(`Expected a property name at position ${start}`);
  if (cursor.peek() === '(') {
    if (cursor.peek(1) !== ')') cursor.fail(`Function ${name}() takes no arguments here`);
    cursor.pos += 2;
    if (!PATH_FUNCTIONS.has(name)) cursor.fail(`Function of name: ${name} cannot be created`);
    if (!cursor.done) cursor.fail('A function must be the last element of a path');
    return { kind: 'function', name: name as PathFunctionName };
  }
  return { kind: 'property', names: [name], quote: "'" };
}

/** Compiles the part after the root marker (`$`); `text` starts with '$'. */
function compileTokens(text: string, source: string): PathToken[] {
  const cursor = new PathCursor(text, source);
  if (cursor.peek() !== '$') cursor.fail('Path must start with $');
  cursor.pos++;
  const tokens: PathToken[] = [];
  while (!cursor.done) {
    const ch = cursor.peek();
    if (ch === '[') {
      tokens.push(readBracket(cursor));
    } else if (ch === '.') {
      if (cursor.peek(1) === '.') {
        cursor.pos += 2;
        tokens.push({ kind: 'scan' });
        if (cursor.done || cursor.peek() === '.') cursor.fail("Path must not end with a '.' or '..'");
        if (cursor.peek() === '[') continue;
        if (cursor.peek() === '*') {
          cursor.pos++;
          tokens.push({ kind: 'wildcard' });
          continue;
        }
        tokens.push(readDotName(cursor));
      } else {
        cursor.pos++;
        if (cursor.done) cursor.fail("Path must not end with a '.' or '..'");
        if (cursor.peek() === '*') {
          cursor.pos++;
          tokens.push({ kind: 'wildcard' });
        } else if (cursor.peek() === '[') {
          // `$.abc.['def ghi']`, written in AWS's own documentation
          continue;
        } else {
          tokens.push(readDotName(cursor));
        }
      }
    } else if (ch === ' ') {
      cursor.skipBlanks();
      if (!cursor.done) cursor.fail(`Unexpected character ' ' at position ${cursor.pos - 1}`);
    } else {
      cursor.fail(`Unexpected character '${ch}' at position ${cursor.pos}`);
    }
  }
  return tokens;
}

function tokenFragment(token: PathToken): string {
  switch (token.kind) {
    case 'property':
      return `[${token.names.map((name) => `${token.quote}${name}${token.quote}`).join(',')}]`;
    case 'index':
      return `[${token.indexes.join(',')}]`;
    case 'slice':
      return `[${token.from ?? ''}:${token.to ?? ''}]`;
    case 'wildcard':
      return '[*]';
    case 'scan':
      return '..';
    case 'filter':
      return '[?]';
    case 'function':
      return `.${token.name}()`;
  }
}

function tokenDefinite(tokens: readonly PathToken[], i: number): boolean {
  const token = tokens[i];
  if (!token) return true;
  switch (token.kind) {
    case 'property':
      return token.names.length === 1 || i === tokens.length - 1;
    case 'index':
      return token.indexes.length === 1;
    case 'function':
      return true;
    default:
      return false;
  }
}

const cache = new Map<string, CompiledPath>();
const CACHE_LIMIT = 2000;

/**
 * Compiles a path (`$…`, `$$…` or `$name…`). Throws PathSyntaxError for text AWS would refuse.
 */
export function compilePath(source: string): CompiledPath {
  const cached = cache.get(source);
  if (cached) return cached;
  const text = source.trim();
  let root: PathRoot;
  let body: string;
  if (text.startsWith('$$')) {
    root = { kind: 'context' };
    body = text.slice(1);
  } else if (text.startsWith('$') && VARIABLE_START.test(text[1] ?? '')) {
    let end = 2;
    while (end < text.length && VARIABLE_PART.test(text[end] as string)) end++;
    root = { kind: 'variable', name: text.slice(1, end) };
    body = '$' + text.slice(end);
  } else {
    root = { kind: 'input' };
    body = text;
  }
  const tokens = compileTokens(body, source);
  const definite = tokens.every((_, i) => tokenDefinite(tokens, i));
  const compiled: CompiledPath = {
    source,
    root,
    tokens,
    definite,
    normalized: '$' + tokens.map(tokenFragment).join(''),
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, compiled);
  return compiled;
}

/** True when the text compiles as a path (`$…`, `$$…`, `$name…`). */
export function isValidPath(source: string): boolean {
  try {
    compilePath(source);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation (mirrors Jayway's PathToken.evaluate family)

/** Jayway's PathNotFoundException / InvalidPathException during evaluation. */
export class JaywayNotFound extends Error {}

const PROVIDER = 'com.jayway.jsonpath.spi.json.JacksonJsonProvider';

interface EvalState {
  readonly tokens: readonly PathToken[];
  readonly document: JsonValue;
  readonly results: JsonValue[];
  readonly upstreamDefinite: readonly boolean[];
  readonly definite: readonly boolean[];
}

function isLeaf(state: EvalState, i: number): boolean {
  return i === state.tokens.length - 1;
}

function tailString(state: EvalState, i: number): string {
  return state.tokens.slice(i).map(tokenFragment).join('');
}

function addOrContinue(state: EvalState, i: number, path: string, value: JsonValue): void {
  if (isLeaf(state, i)) state.results.push(value);
  else evaluateToken(state, i + 1, path, value);
}

function handleObjectProperty(
  state: EvalState,
  i: number,
  currentPath: string,
  model: JsonObject,
  names: readonly string[],
): void {
  if (names.length === 1) {
    const name = names[0] as string;
    const evalPath = `${currentPath}['${name}']`;
    if (!hasOwn(model, name)) {
      if (isLeaf(state, i)) return;
      if (!(state.upstreamDefinite[i] && state.definite[i])) return;
      throw new JaywayNotFound(`Missing property in path ${evalPath}`);
    }
    addOrContinue(state, i, evalPath, model[name] as JsonValue);
    return;
  }
  const merged: JsonObject = {};
  for (const name of names) {
    const value = getOwn(model, name);
    if (value !== undefined) setOwn(merged, name, value);
  }
  state.results.push(merged);
}

function handleArrayIndex(
  state: EvalState,
  i: number,
  index: number,
  currentPath: string,
  model: JsonValue[],
): void {
  const effective = index < 0 ? model.length + index : index;
  if (effective < 0 || effective >= model.length) return;
  addOrContinue(state, i, `${currentPath}[${index}]`, model[effective] as JsonValue);
}

function checkArrayModel(state: EvalState, i: number, currentPath: string, model: JsonValue): model is JsonValue[] {
  if (model === null) {
    if (!state.upstreamDefinite[i]) return false;
    throw new JaywayNotFound(`The path ${currentPath} is null`);
  }
  if (!Array.isArray(model)) {
    if (!state.upstreamDefinite[i]) return false;
    throw new JaywayNotFound(
      `Filter: ${tailString(state, i)} can only be applied to arrays. Current context is: ${javaToString(model)}`,
    );
  }
  return true;
}

function numbersOf(model: JsonValue): number[] {
  if (!Array.isArray(model)) return [];
  return model.filter((item): item is number => typeof item === 'number');
}

function applyFunction(name: PathFunctionName, model: JsonValue): JsonValue {
  if (name === 'length' || name === 'size') {
    if (Array.isArray(model)) return model.length;
    if (isJsonObject(model)) return Object.keys(model).length;
    return null;
  }
  const numbers = numbersOf(model);
  if (numbers.length === 0) {
    throw new JaywayNotFound('Aggregation function attempted to calculate value using empty array');
  }
  switch (name) {
    case 'min':
      return Math.min(...numbers);
    case 'max':
      return Math.max(...numbers);
    case 'sum':
      return numbers.reduce((a, b) => a + b, 0);
    case 'avg':
      return numbers.reduce((a, b) => a + b, 0) / numbers.length;
    case 'stddev': {
      const mean = numbers.reduce((a, b) => a + b, 0) / numbers.length;
      const variance = numbers.reduce((a, b) => a + b * b, 0) / numbers.length - mean * mean;
      return Math.sqrt(variance);
    }
  }
}

function evaluateToken(state: EvalState, i: number, currentPath: string, model: JsonValue): void {
  const token = state.tokens[i];
  if (!token) {
    state.results.push(model);
    return;
  }
  switch (token.kind) {
    case 'property': {
      if (!isJsonObject(model)) {
        if (!state.upstreamDefinite[i]) return;
        throw new JaywayNotFound(
          `Expected to find an object with property ${tokenFragment(token)} in path ${currentPath} but found '${javaClassName(model)}'. This is not a json object according to the JsonProvider: '${PROVIDER}'.`,
        );
      }
      if (token.names.length === 1 || isLeaf(state, i)) {
        handleObjectProperty(state, i, currentPath, model, token.names);
      } else {
        for (const name of token.names) handleObjectProperty(state, i, currentPath, model, [name]);
      }
      return;
    }
    case 'index': {
      if (!checkArrayModel(state, i, currentPath, model)) return;
      for (const index of token.indexes) handleArrayIndex(state, i, index, currentPath, model);
      return;
    }
    case 'slice': {
      if (!checkArrayModel(state, i, currentPath, model)) return;
      const length = model.length;
      if (length === 0) return;
      let from: number;
      let to: number;
      if (token.from !== null && token.to === null) {
        from = token.from < 0 ? Math.max(0, length + token.from) : token.from;
        to = length;
      } else if (token.from !== null && token.to !== null) {
        // Jayway does not normalize a negative start here; handleArrayIndex then wraps it.
        from = token.from;
        to = Math.min(length, token.to);
      } else {
        from = 0;
        const rawTo = token.to as number;
        to = Math.min(length, rawTo < 0 ? length + rawTo : rawTo);
      }
      for (let index = from; index < to; index++) handleArrayIndex(state, i, index, currentPath, model);
      return;
    }
    case 'wildcard': {
      if (isJsonObject(model)) {
        for (const key of Object.keys(model)) handleObjectProperty(state, i, currentPath, model, [key]);
      } else if (Array.isArray(model)) {
        for (let index = 0; index < model.length; index++) {
          try {
            handleArrayIndex(state, i, index, currentPath, model);
          } catch (error) {
            if (!(error instanceof JaywayNotFound)) throw error;
          }
        }
      }
      return;
    }
    case 'scan':
      walk(state, i + 1, currentPath, model);
      return;
    case 'filter': {
      if (isJsonObject(model)) {
        if (acceptFilter(state, token.filter, model)) addOrContinue(state, i, currentPath, model);
      } else if (Array.isArray(model)) {
        model.forEach((item, index) => {
          if (acceptFilter(state, token.filter, item)) handleArrayIndex(state, i, index, currentPath, model);
        });
      } else if (state.upstreamDefinite[i]) {
        throw new JaywayNotFound(
          `Filter: ${tailString(state, i)} can not be applied to primitives. Current context is: ${javaToString(model)}`,
        );
      }
      return;
    }
    case 'function': {
      const result = applyFunction(token.name, model);
      addOrContinue(state, i, `${currentPath}.${token.name}`, result);
      return;
    }
  }
}

function resolveFilterPath(path: string, data: JsonValue): JsonValue | undefined {
  try {
    return queryPath(compilePath(path), data);
  } catch (error) {
    if (error instanceof JaywayNotFound || error instanceof PathSyntaxError) return undefined;
    throw error;
  }
}

function acceptFilter(state: EvalState, filter: FilterNode, item: JsonValue): boolean {
  try {
    return evaluateFilter(filter, item, state.document, resolveFilterPath);
  } catch (error) {
    if (error instanceof JaywayNotFound) return false;
    throw error;
  }
}

function scanMatches(state: EvalState, target: number, model: JsonValue): boolean {
  const token = state.tokens[target];
  if (!token) return false;
  switch (token.kind) {
    case 'property':
      if (!isJsonObject(model)) return false;
      if (!state.definite[target]) return true;
      return token.names.every((name) => hasOwn(model, name));
    case 'index':
    case 'slice':
      return Array.isArray(model);
    case 'wildcard':
      return true;
    case 'filter':
      return acceptFilter(state, token.filter, model);
    default:
      return false;
  }
}

function walk(state: EvalState, target: number, currentPath: string, model: JsonValue): void {
  if (isJsonObject(model)) {
    if (scanMatches(state, target, model)) evaluateToken(state, target, currentPath, model);
    for (const key of Object.keys(model)) {
      walk(state, target, `${currentPath}['${key}']`, model[key] as JsonValue);
    }
  } else if (Array.isArray(model)) {
    if (scanMatches(state, target, model)) {
      if (isLeaf(state, target)) {
        evaluateToken(state, target, currentPath, model);
      } else {
        model.forEach((item, index) => evaluateToken(state, target + 1, `${currentPath}[${index}]`, item));
      }
    }
    model.forEach((item, index) => walk(state, target, `${currentPath}[${index}]`, item));
  }
}

function runTokens(compiled: CompiledPath, document: JsonValue): JsonValue[] {
  const tokens = compiled.tokens;
  const definite = tokens.map((_, i) => tokenDefinite(tokens, i));
  const upstreamDefinite: boolean[] = [];
  let upstream = true;
  for (let i = 0; i < tokens.length; i++) {
    upstreamDefinite.push(upstream);
    upstream = upstream && (definite[i] as boolean);
  }
  const state: EvalState = { tokens, document, results: [], upstreamDefinite, definite };
  evaluateToken(state, 0, '$', document);
  return state.results;
}

/**
 * Jayway's `read` of an already-rooted path against `document`: the value for a definite path
 * (throwing JaywayNotFound when there is none), otherwise the array of matches (throwing when
 * Jayway does; AWS then uses `[]`).
 */
export function queryPath(compiled: CompiledPath, document: JsonValue): JsonValue {
  const results = runTokens(compiled, document);
  if (!compiled.definite) return results;
  if (results.length === 0) throw new JaywayNotFound(`No results for path: ${compiled.normalized}`);
  return results[results.length - 1] as JsonValue;
}

function resolveRoot(compiled: CompiledPath, input: JsonValue, scope: PathScope | undefined): JsonValue {
  switch (compiled.root.kind) {
    case 'input':
      return input;
    case 'context':
      return scope?.context ?? null;
    case 'variable': {
      const variables = scope?.variables;
      const name = compiled.root.name;
      if (!variables || !Object.prototype.hasOwnProperty.call(variables, name)) {
        throw new PathNotFoundError(compiled.source, `The variable '${name}' is not defined`);
      }
      return variables[name] as JsonValue;
    }
  }
}

/**
 * Evaluates a path the way AWS does for InputPath, OutputPath, `.$` template fields and
 * intrinsic arguments: a definite path yields the value (not a one-element array) and a miss
 * throws PathNotFoundError ("Invalid path '$.x' : No results for path: $['x']"); an indefinite
 * path yields an array of matches, `[]` when nothing matches. Results share structure with
 * `input` (nothing is copied): treat JSON values as immutable.
 */
export function evaluatePath(path: string | CompiledPath, input: JsonValue, scope?: PathScope): JsonValue {
  const compiled = typeof path === 'string' ? compilePath(path) : path;
  const document = resolveRoot(compiled, input, scope);
  try {
    return queryPath(compiled, document);
  } catch (error) {
    if (!(error instanceof JaywayNotFound)) throw error;
    if (!compiled.definite) return [];
    throw new PathNotFoundError(compiled.source, error.message);
  }
}
