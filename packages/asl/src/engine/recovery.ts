// The error path of a state: what an exception becomes (a StateFailure whose cause names the state
// where AWS's does), then Retry, then Catch, then the failure leaves the thread. It is one module
// because the order matters and is recorded: EvaluationFailed first, a retrier before
// Map/ParallelStateFailed, the catcher's Assign and Output evaluated like a state's own, and a
// catcher that fails itself handled as a failure of a plain state without handlers.

import type { Catcher, Retrier, State } from '../definition/types.js';
import { JsonataEvaluationError } from '../jsonata/index.js';
import { applyResultPath } from '../paths/dataflow.js';
import { StatesError, formatStateErrorCause } from '../paths/errors.js';
import type { JsonObject, JsonValue } from '../paths/json.js';
import type { Outcome, StepContext } from './context.js';
import { StateFailure, errorOutputOf, failureMatches, retryDelay } from './failure.js';
import { evaluateJsonataTemplate } from './jsonata-bridge.js';
import type { Thread } from './thread.js';
import { evaluateAssign } from './variables.js';

/** A failure inside a state, from whatever a state's work threw; anything else is a bug and rethrown. */
export function toFailure(error: unknown, thread: Thread): StateFailure {
  if (error instanceof StateFailure) {
    if (error.error === 'States.QueryEvaluationError' || error.error === 'States.Runtime') {
      return new StateFailure(
        error.error,
        formatStateErrorCause(thread.state, thread.entered, error.cause ?? ''),
        error.location,
        error.evaluation,
      );
    }
    return error;
  }
  if (error instanceof JsonataEvaluationError) {
    return new StateFailure(
      error.error,
      formatStateErrorCause(thread.state, thread.entered, error.cause),
      error.location,
      true,
    );
  }
  if (error instanceof StatesError) {
    return new StateFailure(
      error.error,
      formatStateErrorCause(thread.state, thread.entered, error.cause),
    );
  }
  throw error;
}

/** Retry, then Catch, then the failure leaves the thread. */
export async function handleFailure(
  ctx: StepContext,
  thread: Thread,
  state: State,
  failure: StateFailure,
): Promise<Outcome> {
  if (failure.evaluation) {
    const details: JsonObject = { cause: failure.cause ?? '', error: failure.error };
    if (failure.location !== undefined) details['location'] = failure.location;
    details['state'] = thread.state;
    // Recorded: a failing JSONata field links back past the state's entry (as if the entry were
    // undone), except a Wait's Timestamp, which links to WaitStateEntered.
    if (state.Type !== 'Wait' && thread.last === thread.entered) thread.last = thread.enteredPrev;
    ctx.emit(thread, 'EvaluationFailed', 'evaluationFailedEventDetails', details);
  }
  const withHandlers = state as { Retry?: Retrier[]; Catch?: Catcher[] };
  if (withHandlers.Retry !== undefined && failure.error !== 'States.Runtime') {
    const index = withHandlers.Retry.findIndex((retrier) =>
      failureMatches(retrier.ErrorEquals, failure),
    );
    const retrier = index >= 0 ? withHandlers.Retry[index] : undefined;
    if (retrier !== undefined) {
      const used = thread.attempts[index] ?? 0;
      const maxAttempts = retrier.MaxAttempts ?? 3;
      if (used < maxAttempts) {
        thread.attempts[index] = used + 1;
        thread.retryCount++;
        const delay = retryDelay(retrier, used, ctx.random);
        if (delay <= 0) {
          thread.phase = 'rerun';
          return 'next';
        } else {
          const timerId = ctx.threads.newEffect(thread, 'retry');
          thread.phase = 'backoff';
          ctx.commands.push({ kind: 'startTimer', timerId, fireAt: ctx.now + delay });
        }
        return 'blocked';
      }
    }
  }
  // A runtime error in the state's own fields ends the execution without a Map/ParallelStateFailed.
  if (failure.error !== 'States.Runtime') {
    if (state.Type === 'Map') ctx.emit(thread, 'MapStateFailed');
    if (state.Type === 'Parallel') ctx.emit(thread, 'ParallelStateFailed');
  }
  if (withHandlers.Catch !== undefined && failure.error !== 'States.Runtime') {
    const catcher = withHandlers.Catch.find((candidate) =>
      failureMatches(candidate.ErrorEquals, failure),
    );
    if (catcher !== undefined) {
      const errorOutput = errorOutputOf(failure);
      try {
        let output: JsonValue;
        let assigned: Record<string, JsonValue> | null;
        if (ctx.languageOf(state) === 'JSONata') {
          const states: JsonObject = { input: thread.input, errorOutput };
          assigned = await evaluateAssign(
            ctx,
            thread,
            state,
            catcher.Assign,
            errorOutput,
            () => states,
          );
          output =
            catcher.Output !== undefined
              ? await evaluateJsonataTemplate(
                  catcher.Output,
                  'Output',
                  ctx.bindings(thread, states),
                )
              : errorOutput;
        } else {
          assigned = await evaluateAssign(
            ctx,
            thread,
            state,
            catcher.Assign,
            errorOutput,
            () => ({}),
          );
          output = applyResultPath(thread.input, catcher.ResultPath, errorOutput);
        }
        return ctx.exit(thread, state, output, assigned, catcher.Next);
      } catch (error) {
        return handleFailure(ctx, thread, { Type: 'Pass' } as State, toFailure(error, thread));
      }
    }
  }
  ctx.threadFailed(thread, failure, thread.last);
  return 'ended';
}
