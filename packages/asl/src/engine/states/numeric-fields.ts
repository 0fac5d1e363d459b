// Numeric fields that may be given indirectly: TimeoutSeconds, HeartbeatSeconds, MaxConcurrency,
// the tolerated-failure thresholds and the ItemBatcher limits, as a JSONata expression or as a
// JSONPath `*Path`. Each form has AWS's own checks and error texts, the same for every field.

import { jsonataExpressionText, unexpectedTypeError } from '../../jsonata/index.js';
import { StatesError } from '../../paths/errors.js';
import { toJsonText } from '../../paths/json.js';
import { evaluatePath } from '../../paths/jsonpath.js';
import type { EvaluationScope } from '../../paths/templates.js';
import { evaluateJsonataExpression, type JsonataBindings } from '../jsonata-bridge.js';

/** A numeric field written as a JSONata expression; `min` 1 for timeouts and batch sizes, 0 for counts. */
export async function jsonataNumber(
  value: number | string | undefined,
  field: string,
  bindings: JsonataBindings,
  min: 0 | 1,
): Promise<number | undefined> {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const result = await evaluateJsonataExpression(value, field, bindings);
  if (typeof result !== 'number' || result < min || (min === 1 && !Number.isInteger(result))) {
    throw unexpectedTypeError(jsonataExpressionText(value), field, 'integer', result);
  }
  return result;
}

/**
 * A numeric `*Path` field. AWS reads the value as Java would parse it, so "10" is as good as 10;
 * integer fields refuse fractions, ToleratedFailurePercentagePath takes a float.
 */
export function numberAtPath(
  path: string | undefined,
  field: string,
  scope: EvaluationScope,
  kind: 'integer' | 'float' = 'integer',
): number | undefined {
  if (path === undefined) return undefined;
  let value = evaluatePath(path, scope.input, scope);
  const numeric =
    kind === 'integer'
      ? /^-?\d+$/.test(String(value))
      : String(value).trim() !== '' && Number.isFinite(Number(value));
  if (typeof value === 'string' && numeric) value = Number(value);
  if (typeof value !== 'number' || (kind === 'integer' && !Number.isInteger(value))) {
    throw new StatesError(
      'States.Runtime',
      `The ${field} field refers to value "${typeof value === 'string' ? value : toJsonText(value)}" which is not a valid ${kind}: ${path}`,
    );
  }
  return value;
}
