// The Succeed state: leaves with its (filtered) input and ends its thread, which ends the
// execution at the top level, or the branch or iteration inside a Parallel or Map.

import type { SucceedState } from '../../definition/types.js';
import { applyOutputPath } from '../../paths/dataflow.js';
import type { JsonValue } from '../../paths/json.js';
import type { Outcome, StepContext } from '../context.js';
import type { Thread } from '../thread.js';
import { effectiveInput, jsonataOutput } from './data-flow.js';

export async function runSucceed(
  ctx: StepContext,
  thread: Thread,
  state: SucceedState,
): Promise<Outcome> {
  let output: JsonValue;
  if (ctx.languageOf(state) === 'JSONata') {
    output = await jsonataOutput(ctx, thread, state.Output, { input: thread.input }, thread.input);
  } else {
    const effective = effectiveInput(ctx, thread, state);
    output = applyOutputPath(effective, state.OutputPath, ctx.pathScope(thread, effective));
  }
  return ctx.exit(thread, state, output, null, undefined);
}
