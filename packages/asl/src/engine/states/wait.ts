// The Wait state. Its output and variables are worked out when it is entered (a failing field
// fails it before it waits, as on AWS) and kept in the thread while its timer runs; when the timer
// fires the state only writes its exit. The time itself is checked by ../timestamp.ts.

import type { WaitState } from '../../definition/types.js';
import {
  jsonataExpressionText,
  timestampParseError,
  unexpectedTypeError,
} from '../../jsonata/index.js';
import { applyOutputPath } from '../../paths/dataflow.js';
import { StatesError } from '../../paths/errors.js';
import { toJsonText, type JsonObject, type JsonValue } from '../../paths/json.js';
import type { Outcome, StepContext } from '../context.js';
import {
  evaluateJsonataExpression,
  evaluateJsonataTemplate,
  isJsonataExpression,
  type JsonataBindings,
} from '../jsonata-bridge.js';
import type { Thread } from '../thread.js';
import {
  WAIT_DELAY_TOO_LONG,
  checkWaitSeconds,
  isWaitTooLong,
  parseTimestamp,
  waitUntil,
} from '../timestamp.js';
import { evaluateAssign } from '../variables.js';
import { effectiveInput, nextOf } from './data-flow.js';

export async function startWait(
  ctx: StepContext,
  thread: Thread,
  state: WaitState,
): Promise<Outcome> {
  let until: number;
  let output: JsonValue;
  let assigned: Record<string, JsonValue> | null;
  if (ctx.languageOf(state) === 'JSONata') {
    const states: JsonObject = { input: thread.input };
    const bindings = ctx.bindings(thread, states);
    until = await jsonataWaitUntil(state, bindings, ctx.now);
    assigned = await evaluateAssign(ctx, thread, state, state.Assign, thread.input, () => states);
    output =
      state.Output !== undefined
        ? await evaluateJsonataTemplate(state.Output, 'Output', bindings)
        : thread.input;
  } else {
    const effective = effectiveInput(ctx, thread, state);
    until = waitUntil(state, effective, ctx.pathScope(thread, effective), ctx.now);
    assigned = await evaluateAssign(ctx, thread, state, state.Assign, effective, () => ({}));
    output = applyOutputPath(effective, state.OutputPath, ctx.pathScope(thread, effective));
  }
  if (until <= ctx.now) return ctx.exit(thread, state, output, assigned, nextOf(state));
  const pending: JsonObject = { output, assigned: assigned ?? null };
  const timerId = ctx.threads.newEffect(thread, 'wait');
  thread.phase = 'waiting';
  thread.effective = pending;
  ctx.commands.push({ kind: 'startTimer', timerId, fireAt: until });
  return 'blocked';
}

/** The Wait's output and variables were worked out when it started; now it only exits. */
export function finishWait(ctx: StepContext, thread: Thread, state: WaitState): Outcome {
  const pending = thread.effective as JsonObject;
  thread.effective = null;
  thread.phase = 'rerun';
  return ctx.exit(
    thread,
    state,
    pending['output'] as JsonValue,
    (pending['assigned'] as Record<string, JsonValue> | null) ?? null,
    nextOf(state),
  );
}

async function jsonataWaitUntil(
  state: WaitState,
  bindings: JsonataBindings,
  now: number,
): Promise<number> {
  if (state.Seconds !== undefined) {
    const seconds = isJsonataExpression(state.Seconds)
      ? await evaluateJsonataExpression(state.Seconds, 'Seconds', bindings)
      : state.Seconds;
    const checked = checkWaitSeconds(seconds);
    if ('problem' in checked) {
      if (checked.problem === 'tooLong')
        throw new StatesError('States.Runtime', WAIT_DELAY_TOO_LONG);
      throw unexpectedTypeError(
        jsonataExpressionText(String(state.Seconds)),
        'Seconds',
        'integer',
        seconds,
      );
    }
    return now + checked.seconds * 1000;
  }
  const raw = state.Timestamp ?? '';
  const value = isJsonataExpression(raw)
    ? await evaluateJsonataExpression(raw, 'Timestamp', bindings)
    : raw;
  const parsed = typeof value === 'string' ? parseTimestamp(value) : undefined;
  if (parsed === undefined) {
    throw timestampParseError(typeof value === 'string' ? value : toJsonText(value));
  }
  if (isWaitTooLong(parsed, now)) throw new StatesError('States.Runtime', WAIT_DELAY_TOO_LONG);
  return parsed;
}
