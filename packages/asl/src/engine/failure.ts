// Failures inside states and how Retry and Catch match them.

import type { Retrier } from '../definition/types.js';
import type { RandomSource } from '../intrinsics/functions.js';
import type { JsonObject, JsonValue } from '../paths/json.js';

/** A failure inside a state, before Retry/Catch see it. */
export class StateFailure {
  constructor(
    readonly error: string,
    readonly cause: string | undefined,
    /** The field an EvaluationFailed event names. */
    readonly location?: string,
    /** JSONata failures also write an EvaluationFailed event. */
    readonly evaluation = location !== undefined,
    /** How the failure reads in a catcher's error output, when not simply {Error, Cause}. */
    readonly errorOutput?: JsonObject,
    /** A missed heartbeat: reported as States.Timeout, but a States.HeartbeatTimeout retrier or catcher matches it. */
    readonly heartbeat = false,
  ) {}
}

/** The error output a catcher (or a tolerated Map iteration) sees: `{Error, Cause}`. */
export function errorOutputOf(failure: StateFailure): JsonObject {
  if (failure.errorOutput !== undefined) return failure.errorOutput;
  const output: JsonObject = {};
  if (failure.error !== '') output['Error'] = failure.error;
  if (failure.cause !== undefined) output['Cause'] = failure.cause;
  return output;
}

/** Whether a retrier's or catcher's ErrorEquals covers this failure. */
export function failureMatches(names: readonly string[], failure: StateFailure): boolean {
  return errorMatches(names, failure.error) || (failure.heartbeat && names.includes('States.HeartbeatTimeout'));
}

/** AWS's cause text for a Choice with no match and no Default is not recorded. */
export function noChoiceMatched(): StateFailure {
  return new StateFailure('States.NoChoiceMatched', 'No Matches!');
}

/** ErrorEquals matching: exact names, States.ALL for anything, States.TaskFailed for all but timeouts. */
export function errorMatches(names: readonly string[], error: string): boolean {
  for (const name of names) {
    if (name === error) return true;
    if (name === 'States.ALL' && error !== 'States.Runtime') return true;
    if (name === 'States.TaskFailed' && error !== 'States.Timeout' && error !== 'States.Runtime' && !error.startsWith('States.')) {
      return true;
    }
  }
  return false;
}

/** The back-off before retry number `used + 1`: IntervalSeconds × BackoffRate^used, capped, maybe jittered. */
export function retryDelay(retrier: Retrier, used: number, random: RandomSource): number {
  const interval = retrier.IntervalSeconds ?? 1;
  const backoff = retrier.BackoffRate ?? 2;
  let seconds = interval * Math.pow(backoff, used);
  if (retrier.MaxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.MaxDelaySeconds);
  if (retrier.JitterStrategy === 'FULL') seconds = random.random() * seconds;
  return Math.round(seconds * 1000);
}

/** The text between "{%" and "%}", as AWS quotes it in causes. */
export function jsonataBody(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith('{%') && trimmed.endsWith('%}') ? trimmed.slice(2, -2).trim() : trimmed;
}

/** JSONata-style type names for causes (integer and number apart). */
export function jsonTypeName(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
