// The Choice state: the first rule that matches names the next state (rules themselves are
// evaluated by ../choice.ts), else Default, else States.NoChoiceMatched. A matching JSONata rule
// may bring its own Assign and Output in place of the state's.

import type { ChoiceState, JsonataChoiceRule, JsonPathChoiceRule } from '../../definition/types.js';
import { jsonataExpressionText, unexpectedTypeError } from '../../jsonata/index.js';
import { applyOutputPath } from '../../paths/dataflow.js';
import type { JsonObject } from '../../paths/json.js';
import { selectChoice } from '../choice.js';
import type { Outcome, StepContext } from '../context.js';
import { noChoiceMatched } from '../failure.js';
import { evaluateJsonataExpression, evaluateJsonataTemplate } from '../jsonata-bridge.js';
import type { Thread } from '../thread.js';
import { evaluateAssign } from '../variables.js';
import { effectiveInput } from './data-flow.js';

export async function runChoice(
  ctx: StepContext,
  thread: Thread,
  state: ChoiceState,
): Promise<Outcome> {
  if (ctx.languageOf(state) === 'JSONata') {
    const states: JsonObject = { input: thread.input };
    const bindings = ctx.bindings(thread, states);
    for (const rule of state.Choices as JsonataChoiceRule[]) {
      const condition =
        typeof rule.Condition === 'boolean'
          ? rule.Condition
          : await evaluateJsonataExpression(rule.Condition, 'Condition', bindings);
      if (typeof condition !== 'boolean') {
        throw unexpectedTypeError(
          jsonataExpressionText(String(rule.Condition)),
          'Condition',
          'boolean',
          condition,
        );
      }
      if (condition) {
        const assign = rule.Assign ?? state.Assign;
        const assigned = await evaluateAssign(
          ctx,
          thread,
          state,
          assign,
          thread.input,
          () => states,
        );
        const outputTemplate = rule.Output ?? state.Output;
        const output =
          outputTemplate !== undefined
            ? await evaluateJsonataTemplate(outputTemplate, 'Output', bindings)
            : thread.input;
        return ctx.exit(thread, state, output, assigned, rule.Next);
      }
    }
    if (state.Default === undefined) throw noChoiceMatched();
    const assigned = await evaluateAssign(
      ctx,
      thread,
      state,
      state.Assign,
      thread.input,
      () => states,
    );
    const output =
      state.Output !== undefined
        ? await evaluateJsonataTemplate(state.Output, 'Output', bindings)
        : thread.input;
    return ctx.exit(thread, state, output, assigned, state.Default);
  }
  const effective = effectiveInput(ctx, thread, state);
  const rules = state.Choices as JsonPathChoiceRule[];
  const index = selectChoice(rules, effective, ctx.pathScope(thread, effective));
  const rule = index >= 0 ? rules[index] : undefined;
  const next = rule !== undefined ? rule.Next : state.Default;
  if (next === undefined) throw noChoiceMatched();
  const assign = rule?.Assign ?? state.Assign;
  const assigned = await evaluateAssign(ctx, thread, state, assign, effective, () => ({}));
  const output = applyOutputPath(effective, state.OutputPath, ctx.pathScope(thread, effective));
  return ctx.exit(thread, state, output, assigned, next);
}
