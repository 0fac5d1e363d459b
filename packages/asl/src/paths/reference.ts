// Reference paths: the single-node paths ResultPath (and ItemsPath, OutputPath per the docs)
// accept: `$`, `.name`, `['name']` and `[n]` steps only (no `..`, `*`, filters, slices, unions or
// functions). setAtReferencePath implements ResultPath: it merges a result into the raw input,
// creating missing objects on the way.

import { ResultPathMatchFailureError, StatesError } from './errors.js';
import { compilePath, type CompiledPath, type PathScope } from './jsonpath.js';
import { getOwn, isJsonObject, setOwn, toJsonText, type JsonObject, type JsonValue } from './json.js';

export type ReferenceStep =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number };

function stepsOf(compiled: CompiledPath, anyRoot = false): ReferenceStep[] | null {
  if (!anyRoot && compiled.root.kind !== 'input') return null;
  const steps: ReferenceStep[] = [];
  for (const token of compiled.tokens) {
    if (token.kind === 'property' && token.names.length === 1) {
      steps.push({ kind: 'field', name: token.names[0] as string });
    } else if (token.kind === 'index' && token.indexes.length === 1 && (token.indexes[0] as number) >= 0) {
      steps.push({ kind: 'index', index: token.indexes[0] as number });
    } else {
      return null;
    }
  }
  return steps;
}

/** The steps of a reference path, or null when the text is not one. */
export function parseReferencePath(path: string): ReferenceStep[] | null {
  try {
    return stepsOf(compilePath(path));
  } catch {
    return null;
  }
}

export function isReferencePath(path: string): boolean {
  return parseReferencePath(path) !== null;
}

function stepLabel(step: ReferenceStep): string {
  return step.kind === 'field' ? step.name : String(step.index);
}

function requireSteps(path: string): ReferenceStep[] {
  const steps = parseReferencePath(path);
  if (!steps) {
    throw new ResultPathMatchFailureError(path, `Invalid reference path '${path}': a reference path names a single node`);
  }
  return steps;
}

/**
 * ResultPath: returns a new value where `value` sits at `path` inside `target`. The input is not
 * modified; objects along the path are copied, untouched branches are shared. Missing objects are
 * created. When a step cannot be taken (the node there is not an object, or an index is not inside
 * an existing array) it fails with States.ResultPathMatchFailure.
 *
 * The cause follows the wording AWS's reference-path code uses in the cases users report
 * ("Unable to apply step \"objects\" to input {...}"); AWS's exact ResultPath text is unrecorded.
 */
export function setAtReferencePath(target: JsonValue, path: string, value: JsonValue): JsonValue {
  const steps = requireSteps(path);
  const fail = (step: ReferenceStep): never => {
    throw new ResultPathMatchFailureError(
      path,
      `Unable to apply step "${stepLabel(step)}" to input ${toJsonText(target)}`,
    );
  };
  const place = (node: JsonValue | undefined, depth: number): JsonValue => {
    const step = steps[depth];
    if (!step) return value;
    if (step.kind === 'field') {
      let base: JsonObject;
      if (node === undefined) base = {};
      else if (isJsonObject(node)) base = node;
      else return fail(step);
      const copy: JsonObject = {};
      for (const key of Object.keys(base)) setOwn(copy, key, base[key] as JsonValue);
      setOwn(copy, step.name, place(getOwn(base, step.name), depth + 1));
      return copy;
    }
    if (!Array.isArray(node) || step.index >= node.length) return fail(step);
    const copy = node.slice();
    copy[step.index] = place(node[step.index], depth + 1);
    return copy;
  };
  return place(target, 0);
}

/**
 * Reads a reference path (ItemsPath-style); the path may also start at `$$` or a variable
 * (`"ItemsPath": "$PokemonList"` is recorded). A step that cannot be taken fails with the error and
 * wording users report from AWS for ItemsPath ("States.ReferencePathConflict: Unable to apply step
 * \"chunks\" to input {...}"); not in the recorded corpus, so treat the name as provisional.
 */
export function getAtReferencePath(target: JsonValue, path: string, scope?: PathScope): JsonValue {
  let compiled: CompiledPath | null = null;
  try {
    compiled = compilePath(path);
  } catch {
    compiled = null;
  }
  const steps = compiled ? stepsOf(compiled, true) : null;
  if (!compiled || !steps) {
    throw new StatesError('States.Runtime', `Invalid reference path '${path}': a reference path names a single node`);
  }
  let root: JsonValue = target;
  if (compiled.root.kind === 'context') root = scope?.context ?? null;
  else if (compiled.root.kind === 'variable') {
    const name = compiled.root.name;
    const variables = scope?.variables;
    if (!variables || !Object.prototype.hasOwnProperty.call(variables, name)) {
      throw new StatesError('States.ReferencePathConflict', `Unable to apply step "${name}" to input ${toJsonText(target)}`);
    }
    root = variables[name] as JsonValue;
  }
  let node: JsonValue = root;
  for (const step of steps) {
    let next: JsonValue | undefined;
    if (step.kind === 'field') next = isJsonObject(node) ? getOwn(node, step.name) : undefined;
    else next = Array.isArray(node) ? node[step.index] : undefined;
    if (next === undefined) {
      throw new StatesError(
        'States.ReferencePathConflict',
        `Unable to apply step "${stepLabel(step)}" to input ${toJsonText(root)}`,
      );
    }
    node = next;
  }
  return node;
}
