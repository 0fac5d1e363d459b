// Evaluating "{% %}" expressions and the templates that hold them, as AWS evaluates them: no
// context item ($ is undefined), $states and the workflow variables bound as $variables, the Step
// Functions functions bound, $eval removed, and every failure turned into
// States.QueryEvaluationError with AWS's cause and the field it happened in.

import type { RandomSource } from '../intrinsics/functions.js';
import { setOwn, type JsonObject, type JsonValue } from '../paths/json.js';
import { StepFunctionsFunctionError, loadBuiltins } from './aws-functions.js';
import { compileJsonata } from './compile.js';
import { UnsupportedResultError, toJsonResult } from './convert.js';
import {
  JsonataEvaluationError,
  codedEvaluationError,
  internalEvaluationError,
  uncodedEvaluationError,
  undefinedResultError,
  unsupportedResultError,
} from './errors.js';
import { isJsonataExpression, jsonataExpressionText, jsonataSource } from './expression.js';
import {
  CONTEXT_BINDING,
  EvaluationBudget,
  JsonataBoundError,
  resolveLimits,
  type EvaluationContext,
  type JsonataLimits,
} from './guards.js';

export interface JsonataBindings {
  /** $states: { input, context, result?, errorOutput? }, exactly the members available for the field. */
  readonly states: JsonObject;
  /** Workflow variables visible to the state ($name). */
  readonly variables: Readonly<Record<string, JsonValue>>;
  /** For $uuid(), $random() without a seed and $shuffle(). */
  readonly random: RandomSource;
  /** What $now() and $millis() report, in milliseconds since the epoch (the library reads no clock). */
  readonly now: number;
}

function translate(error: unknown, expression: string, field: string): JsonataEvaluationError {
  if (error instanceof JsonataEvaluationError) return error;
  if (error instanceof JsonataBoundError || error instanceof StepFunctionsFunctionError) {
    return uncodedEvaluationError(expression, field, error.message);
  }
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && typeof message === 'string') {
      return codedEvaluationError(expression, field, code, message);
    }
  }
  return internalEvaluationError(expression, field);
}

function frameBindings(bindings: JsonataBindings, context: EvaluationContext): Record<string, unknown> {
  const frame: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  // Bound as undefined rather than left to the built-in: AWS removed $eval, and calling it fails
  // like any unknown function (T1006, measured).
  frame.eval = undefined;
  for (const name of Object.keys(bindings.variables)) frame[name] = bindings.variables[name];
  frame.states = bindings.states;
  frame[CONTEXT_BINDING] = context;
  return frame;
}

/**
 * Evaluates one "{% %}" string (or the bare expression inside one). `location` is the field AWS
 * names in the cause and the EvaluationFailed event: 'Output', 'Arguments/FunctionName',
 * 'Assign/result', 'Items', 'Choices[0]/Condition', ... The result is plain JSON, never aliasing the
 * bindings.
 */
export async function evaluateJsonataExpression(
  text: string,
  location: string,
  bindings: JsonataBindings,
  limits?: Partial<JsonataLimits>,
): Promise<JsonValue> {
  const expression = jsonataExpressionText(text);
  const compiled = compileJsonata(jsonataSource(text));
  if (!compiled.ok) {
    const { code, message } = compiled.failure;
    throw code === undefined
      ? uncodedEvaluationError(expression, location, message)
      : codedEvaluationError(expression, location, code, message);
  }
  await loadBuiltins();
  const context: EvaluationContext = {
    budget: new EvaluationBudget(resolveLimits(limits), bindings.now),
    random: bindings.random,
    now: bindings.now,
  };
  let raw: unknown;
  try {
    raw = await compiled.expression.evaluate(undefined, frameBindings(bindings, context));
  } catch (error) {
    throw translate(error, expression, location);
  }
  if (raw === undefined) throw undefinedResultError(expression, location);
  try {
    return toJsonResult(raw);
  } catch (error) {
    if (error instanceof UnsupportedResultError) throw unsupportedResultError(expression, location);
    throw error;
  }
}

/**
 * Evaluates a template (Arguments, Output, an Assign value, ItemSelector, ...): every string that
 * is a "{% %}" expression, at any depth, is replaced by its value; everything else is copied.
 * Locations grow as "<field>/<key>" and "<field>[<index>]" ('Output/result', 'Output/list[2]'), and
 * the members are evaluated in document order so the first failure is the one reported.
 */
export async function evaluateJsonataTemplate(
  template: JsonValue,
  location: string,
  bindings: JsonataBindings,
  limits?: Partial<JsonataLimits>,
): Promise<JsonValue> {
  if (typeof template === 'string') {
    return isJsonataExpression(template) ? evaluateJsonataExpression(template, location, bindings, limits) : template;
  }
  if (Array.isArray(template)) {
    const out: JsonValue[] = [];
    for (let i = 0; i < template.length; i++) {
      out.push(await evaluateJsonataTemplate(template[i] as JsonValue, `${location}[${i}]`, bindings, limits));
    }
    return out;
  }
  if (template !== null && typeof template === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(template)) {
      setOwn(out, key, await evaluateJsonataTemplate(template[key] as JsonValue, `${location}/${key}`, bindings, limits));
    }
    return out;
  }
  return template;
}
