// One jsonata compilation per distinct expression text, kept in a bounded LRU cache: a state
// machine evaluates the same few expressions over and over, and parsing dominates small
// evaluations. A compiled expression is safe to share between concurrent evaluations because
// everything that belongs to one evaluation (variables, $states, time, randomness, the budget)
// goes into the per-call bindings frame, never into the shared one.

import jsonata from 'jsonata';
import { STEP_FUNCTIONS_FUNCTIONS } from './aws-functions.js';
import { ENTRY_HOOK, EXIT_HOOK, onEvaluateEntry, onEvaluateExit } from './guards.js';

/** The parts of jsonata's AST that the checks walk (the package's typings describe fewer). */
export interface JsonataNode {
  readonly type: string;
  readonly value?: unknown;
  readonly steps?: readonly JsonataNode[];
  readonly expressions?: readonly JsonataNode[];
  readonly arguments?: readonly JsonataNode[];
  readonly procedure?: JsonataNode;
  readonly expression?: JsonataNode;
  readonly body?: JsonataNode;
  readonly condition?: JsonataNode;
  readonly then?: JsonataNode;
  readonly else?: JsonataNode;
  /** A binary operator's operands; the object constructor's key/value pairs. */
  readonly lhs?: JsonataNode | readonly (readonly [JsonataNode, JsonataNode])[];
  readonly rhs?: JsonataNode;
  readonly stages?: readonly { readonly expr?: JsonataNode }[];
  readonly predicate?: readonly { readonly expr?: JsonataNode }[];
  readonly group?: { readonly lhs: readonly (readonly [JsonataNode, JsonataNode])[] };
  readonly terms?: readonly { readonly expression: JsonataNode }[];
  readonly pattern?: JsonataNode;
  readonly update?: JsonataNode;
  readonly delete?: JsonataNode;
}

export interface ParseFailure {
  /** JSONata's code, e.g. "S0207"; undefined when the parser threw something uncoded. */
  readonly code: string | undefined;
  /** JSONata's message without the code ("Unexpected end of expression"). */
  readonly message: string;
}

export type CompiledJsonata =
  | { readonly ok: true; readonly expression: jsonata.Expression; readonly ast: JsonataNode }
  | { readonly ok: false; readonly failure: ParseFailure };

/** Distinct expression texts kept compiled; the least recently used is dropped beyond this. */
export const JSONATA_CACHE_SIZE = 1000;

const cache = new Map<string, CompiledJsonata>();

function parseFailure(error: unknown): ParseFailure {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return {
      code: typeof code === 'string' ? code : undefined,
      message: typeof message === 'string' ? message : String(error),
    };
  }
  return { code: undefined, message: String(error) };
}

function build(source: string): CompiledJsonata {
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source);
  } catch (error) {
    return { ok: false, failure: parseFailure(error) };
  }
  for (const fn of STEP_FUNCTIONS_FUNCTIONS) expression.registerFunction(fn.name, fn.implementation, fn.signature);
  // jsonata looks its hooks up by symbol; assign() accepts one although its typings say string.
  expression.assign(ENTRY_HOOK as unknown as string, onEvaluateEntry);
  expression.assign(EXIT_HOOK as unknown as string, onEvaluateExit);
  return { ok: true, expression, ast: expression.ast() as unknown as JsonataNode };
}

/** The compiled form of a JSONata source text (the text between "{%" and "%}"). */
export function compileJsonata(source: string): CompiledJsonata {
  const hit = cache.get(source);
  if (hit) {
    cache.delete(source);
    cache.set(source, hit);
    return hit;
  }
  const compiled = build(source);
  cache.set(source, compiled);
  if (cache.size > JSONATA_CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return compiled;
}

/** How many compiled expressions are cached (for tests of the bound). */
export function jsonataCacheSize(): number {
  return cache.size;
}
