// The Fail state: fails its thread with an Error and Cause that may be computed (ErrorPath and
// CausePath, or JSONata). It writes no exit and sees no Retry or Catch: the failure goes straight
// to whatever encloses the thread.

import type { FailState } from '../../definition/types.js';
import { jsonataExpressionText, unexpectedTypeError } from '../../jsonata/index.js';
import { StatesError } from '../../paths/errors.js';
import { toJsonText } from '../../paths/json.js';
import { evaluateDynamicValue, type EvaluationScope } from '../../paths/templates.js';
import type { Outcome, StepContext } from '../context.js';
import { StateFailure } from '../failure.js';
import {
  evaluateJsonataExpression,
  isJsonataExpression,
  type JsonataBindings,
} from '../jsonata-bridge.js';
import type { Thread } from '../thread.js';

export async function runFail(
  ctx: StepContext,
  thread: Thread,
  state: FailState,
): Promise<Outcome> {
  let error: string | undefined;
  let cause: string | undefined;
  if (ctx.languageOf(state) === 'JSONata') {
    const bindings = ctx.bindings(thread, { input: thread.input });
    error = await jsonataString(state.Error, 'Error', bindings);
    cause = await jsonataString(state.Cause, 'Cause', bindings);
  } else {
    const scope = ctx.pathScope(thread, thread.input);
    error =
      state.Error ??
      (state.ErrorPath !== undefined ? pathString(state.ErrorPath, 'ErrorPath', scope) : undefined);
    cause =
      state.Cause ??
      (state.CausePath !== undefined ? pathString(state.CausePath, 'CausePath', scope) : undefined);
  }
  ctx.threadFailed(thread, new StateFailure(error ?? '', cause), thread.last);
  return 'ended';
}

async function jsonataString(
  value: string | undefined,
  field: string,
  bindings: JsonataBindings,
): Promise<string | undefined> {
  if (value === undefined) return undefined;
  if (!isJsonataExpression(value)) return value;
  const result = await evaluateJsonataExpression(value, field, bindings);
  if (typeof result !== 'string') {
    throw unexpectedTypeError(jsonataExpressionText(value), field, 'string', result);
  }
  return result;
}

function pathString(path: string, field: string, scope: EvaluationScope): string {
  const value = evaluateDynamicValue(path, field, scope);
  if (typeof value !== 'string') {
    throw new StatesError(
      'States.Runtime',
      `The ${field} field must be a string, but was: ${toJsonText(value)}`,
    );
  }
  return value;
}
