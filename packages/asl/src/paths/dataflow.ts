// The JSONPath input/output filters around a state: InputPath → Parameters → (work) →
// ResultSelector → ResultPath → OutputPath. The template steps are in templates.ts; these are
// the path steps, with AWS's null/absent conventions.

import { evaluatePath, type PathScope } from './jsonpath.js';
import { setAtReferencePath } from './reference.js';
import type { JsonValue } from './json.js';

/**
 * InputPath: absent keeps the input, `null` gives `{}`, a path selects (a missing definite path
 * fails with States.Runtime "Invalid path '$.x' : No results for path: $['x']").
 */
export function applyInputPath(input: JsonValue, path: string | null | undefined, scope?: PathScope): JsonValue {
  if (path === undefined) return input;
  if (path === null) return {};
  return evaluatePath(path, input, scope);
}

/** OutputPath: same conventions as InputPath, applied to the state output. */
export function applyOutputPath(output: JsonValue, path: string | null | undefined, scope?: PathScope): JsonValue {
  return applyInputPath(output, path, scope);
}

/**
 * ResultPath: absent means `$` (the result replaces the input), `null` discards the result and
 * keeps the raw input, a reference path merges the result into the raw input.
 */
export function applyResultPath(rawInput: JsonValue, path: string | null | undefined, result: JsonValue): JsonValue {
  if (path === undefined) return result;
  if (path === null) return rawInput;
  return setAtReferencePath(rawInput, path, result);
}
