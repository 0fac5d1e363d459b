// The data flow every state shares, on top of paths/dataflow.ts: JSONPath's InputPath → Parameters
// → (the state's work) → ResultSelector → ResultPath → OutputPath, and JSONata's Arguments/Output.
// Task, Map and Parallel end the same way once they have a result, so that ending is here too.

import type { MapState, ParallelState, State, TaskState } from '../../definition/types.js';
import { applyInputPath, applyOutputPath, applyResultPath } from '../../paths/dataflow.js';
import type { JsonObject, JsonValue } from '../../paths/json.js';
import { applyTemplate } from '../../paths/templates.js';
import type { Outcome, StepContext } from '../context.js';
import { evaluateJsonataTemplate } from '../jsonata-bridge.js';
import type { Thread } from '../thread.js';
import { evaluateAssign } from '../variables.js';

export function nextOf(state: State): string | undefined {
  const transition = state as { Next?: string; End?: boolean };
  return transition.End === true ? undefined : transition.Next;
}

/** InputPath applied to the raw state input. */
export function effectiveInput(
  ctx: StepContext,
  thread: Thread,
  state: { InputPath?: string | null },
): JsonValue {
  return applyInputPath(thread.input, state.InputPath, ctx.pathScope(thread, thread.input));
}

/** Parameters (or any payload template) applied to the effective input, or the input itself. */
export function parametersOf(
  ctx: StepContext,
  thread: Thread,
  template: JsonValue | undefined,
  effective: JsonValue,
): JsonValue {
  return template !== undefined
    ? applyTemplate(template, ctx.pathScope(thread, effective))
    : effective;
}

/** JSONPath: ResultPath merges the result into the raw input, then OutputPath, then the exit. */
export function exitWithResult(
  ctx: StepContext,
  thread: Thread,
  state: State & { ResultPath?: string | null; OutputPath?: string | null },
  result: JsonValue,
  assigned: Record<string, JsonValue> | null,
): Outcome {
  const merged = applyResultPath(thread.input, state.ResultPath, result);
  const output = applyOutputPath(merged, state.OutputPath, ctx.pathScope(thread, merged));
  return ctx.exit(thread, state, output, assigned, nextOf(state));
}

/** JSONata: the state's Output template, or `fallback` without one. */
export async function jsonataOutput(
  ctx: StepContext,
  thread: Thread,
  template: JsonValue | undefined,
  states: JsonObject,
  fallback: JsonValue,
): Promise<JsonValue> {
  return template !== undefined
    ? evaluateJsonataTemplate(template, 'Output', ctx.bindings(thread, states))
    : fallback;
}

/** ResultSelector → Assign → ResultPath → OutputPath (JSONPath), or Assign/Output (JSONata). */
export async function finishResult(
  ctx: StepContext,
  thread: Thread,
  state: TaskState | ParallelState | MapState,
  result: JsonValue,
): Promise<Outcome> {
  if (ctx.languageOf(state) === 'JSONata') {
    const states: JsonObject = { input: thread.input, result };
    const assigned = await evaluateAssign(ctx, thread, state, state.Assign, result, () => states);
    const output = await jsonataOutput(ctx, thread, state.Output, states, result);
    return ctx.exit(thread, state, output, assigned, nextOf(state));
  }
  const selected = parametersOf(ctx, thread, state.ResultSelector, result);
  const assigned = await evaluateAssign(ctx, thread, state, state.Assign, selected, () => ({}));
  return exitWithResult(ctx, thread, state, selected, assigned);
}
