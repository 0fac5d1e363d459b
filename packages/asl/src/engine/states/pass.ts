// The Pass state: its input, Result or Parameters passed on through the usual data flow, with
// Assign. Nothing here can wait, so a Pass always leaves in the same step it was entered.

import type { PassState } from '../../definition/types.js';
import type { JsonObject } from '../../paths/json.js';
import type { Outcome, StepContext } from '../context.js';
import type { Thread } from '../thread.js';
import { evaluateAssign } from '../variables.js';
import {
  effectiveInput,
  exitWithResult,
  jsonataOutput,
  nextOf,
  parametersOf,
} from './data-flow.js';

export async function runPass(
  ctx: StepContext,
  thread: Thread,
  state: PassState,
): Promise<Outcome> {
  if (ctx.languageOf(state) === 'JSONata') {
    const states: JsonObject = { input: thread.input };
    const assigned = await evaluateAssign(
      ctx,
      thread,
      state,
      state.Assign,
      thread.input,
      () => states,
    );
    const output = await jsonataOutput(ctx, thread, state.Output, states, thread.input);
    return ctx.exit(thread, state, output, assigned, nextOf(state));
  }
  const effective = effectiveInput(ctx, thread, state);
  const parameters = parametersOf(ctx, thread, state.Parameters, effective);
  const result = state.Result !== undefined ? state.Result : parameters;
  const assigned = await evaluateAssign(ctx, thread, state, state.Assign, result, () => ({}));
  return exitWithResult(ctx, thread, state, result, assigned);
}
