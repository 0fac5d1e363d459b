// Payload templates (Parameters, ResultSelector, ItemSelector, Assign in JSONPath mode): a key
// ending in `.$` is replaced by the key without the suffix, holding the value of its path
// (`$…`), context path (`$$…`), variable (`$name…`) or intrinsic call (`States.…`). Other values
// are copied as they are; objects and arrays are processed recursively.
//
// A path that finds nothing fails with States.Runtime, worded as AWS records it:
//   "The JSONPath '$.x' specified for the field 'value.$' could not be found in the input '{...}'"
// (the spec's States.ParameterPathFailure is what AWS documents, but not what it raises).

import { evaluateIntrinsic, type IntrinsicScope } from '../intrinsics/evaluate.js';
import { looksLikeIntrinsic, parseIntrinsic, type IntrinsicCall } from '../intrinsics/parser.js';
import {
  FieldPathError,
  IntrinsicSyntaxError,
  PathNotFoundError,
  PathSyntaxError,
  TemplateValueError,
  type StatesErrorName,
} from './errors.js';
import { compilePath, evaluatePath, type CompiledPath } from './jsonpath.js';
import { isJsonObject, setOwn, toJsonText, type JsonObject, type JsonValue } from './json.js';

/** What a template or dynamic field evaluates against. */
export type EvaluationScope = IntrinsicScope;

export interface TemplateOptions {
  /** Error name when a `.$` path finds nothing. Default States.Runtime (recorded AWS behaviour). */
  readonly missingPathError?: StatesErrorName;
  /** Error name when an intrinsic call fails. Default States.Runtime (recorded AWS behaviour). */
  readonly intrinsicError?: StatesErrorName;
}

export type DynamicExpression =
  | { readonly kind: 'path'; readonly path: CompiledPath }
  | { readonly kind: 'intrinsic'; readonly call: IntrinsicCall };

/**
 * Classifies and compiles the value of a `.$` field (or ErrorPath/CausePath): a path, context
 * path, variable reference or intrinsic call. Throws TemplateValueError otherwise.
 */
export function compileDynamicExpression(expression: string, field: string): DynamicExpression {
  try {
    if (looksLikeIntrinsic(expression)) return { kind: 'intrinsic', call: parseIntrinsic(expression) };
    if (expression.startsWith('$')) return { kind: 'path', path: compilePath(expression) };
  } catch (error) {
    if (!(error instanceof PathSyntaxError || error instanceof IntrinsicSyntaxError)) throw error;
  }
  throw new TemplateValueError(field);
}

/**
 * Evaluates one dynamic value: `field` is the name used in error messages (`value.$` inside a
 * template, `ErrorPath`/`CausePath` for a Fail state, ...).
 */
export function evaluateDynamicValue(
  expression: string | DynamicExpression,
  field: string,
  scope: EvaluationScope,
  options: TemplateOptions = {},
): JsonValue {
  const compiled = typeof expression === 'string' ? compileDynamicExpression(expression, field) : expression;
  if (compiled.kind === 'intrinsic') {
    return evaluateIntrinsic(compiled.call, scope, { errorName: options.intrinsicError ?? 'States.Runtime' });
  }
  try {
    return evaluatePath(compiled.path, scope.input, scope);
  } catch (error) {
    if (!(error instanceof PathNotFoundError)) throw error;
    throw new FieldPathError(
      compiled.path.source,
      field,
      toJsonText(scope.input),
      options.missingPathError ?? 'States.Runtime',
    );
  }
}

/** True when a key names a dynamic field (`name.$`). */
export function isDynamicKey(key: string): boolean {
  return key.endsWith('.$') && key.length > 2;
}

/**
 * Applies a payload template to the scope's input. Returns a new value; the template is not
 * modified, and values taken from the input are shared, not copied (treat them as immutable).
 * Fails with StatesError subclasses carrying AWS's error name and cause.
 */
export function applyTemplate(
  template: JsonValue,
  scope: EvaluationScope,
  options: TemplateOptions = {},
): JsonValue {
  if (Array.isArray(template)) return template.map((item) => applyTemplate(item, scope, options));
  if (!isJsonObject(template)) return template;
  const out: JsonObject = {};
  for (const key of Object.keys(template)) {
    const raw = template[key] as JsonValue;
    if (isDynamicKey(key)) {
      if (typeof raw !== 'string') throw new TemplateValueError(key);
      setOwn(out, key.slice(0, -2), evaluateDynamicValue(raw, key, scope, options));
    } else {
      setOwn(out, key, applyTemplate(raw, scope, options));
    }
  }
  return out;
}
