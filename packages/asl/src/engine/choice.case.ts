// Test-only: a tiny walker over JSONPath machines made of Choice, Pass, Succeed, Fail and Wait
// states, enough to replay the AWS-recorded executions of the conformance corpus through
// selectChoice and waitUntil. It is not the interpreter (no history, Retry/Catch, Task, Map,
// Parallel or JSONata) and is excluded from the build like every *.case.ts file.

import type { JsonPathChoiceRule, WaitState } from '../definition/types.js';
import { applyInputPath, applyOutputPath, applyResultPath } from '../paths/dataflow.js';
import { StatesError, formatStateErrorCause } from '../paths/errors.js';
import { isJsonObject, setOwn, type JsonObject, type JsonValue } from '../paths/json.js';
import { applyTemplate, evaluateDynamicValue } from '../paths/templates.js';
import { selectChoice } from './choice.js';
import { waitUntil } from './timestamp.js';

export type WalkOutcome =
  | { readonly status: 'SUCCEEDED'; readonly output: JsonValue }
  | { readonly status: 'FAILED'; readonly error: string | null; readonly cause: string | null }
  /** Parked in a Wait state whose wake-up time is further away than `longWaitMs`. */
  | { readonly status: 'NON_TERMINAL'; readonly state: string; readonly fireAt: number };

export interface WalkOptions {
  /** The time the execution starts (ms since the epoch). */
  readonly now: number;
  /** A wait longer than this is reported as NON_TERMINAL instead of being slept through. */
  readonly longWaitMs?: number;
  readonly maxTransitions?: number;
}

const STATE_TYPES = new Set(['Choice', 'Pass', 'Succeed', 'Fail', 'Wait']);

/** True when the walker can run this definition: JSONPath only, top-level states it knows. */
export function isWalkable(definition: JsonValue): boolean {
  if (!isJsonObject(definition) || !isJsonObject(definition.States)) return false;
  if (JSON.stringify(definition).includes('JSONata')) return false;
  return Object.values(definition.States).every((state) => isJsonObject(state) && STATE_TYPES.has(String(state.Type)));
}

function field<T extends JsonValue | undefined>(state: JsonObject, key: string): T {
  return state[key] as T;
}

function assign(variables: Record<string, JsonValue>, assigned: JsonValue): Record<string, JsonValue> {
  if (!isJsonObject(assigned)) return variables;
  const next: Record<string, JsonValue> = {};
  for (const key of Object.keys(variables)) setOwn(next, key, variables[key] as JsonValue);
  for (const key of Object.keys(assigned)) setOwn(next, key, assigned[key] as JsonValue);
  return next;
}

export function walk(definition: JsonObject, executionInput: JsonValue, options: WalkOptions): WalkOutcome {
  const states = definition.States as JsonObject;
  const context: JsonObject = { Execution: { Input: executionInput } };
  const longWaitMs = options.longWaitMs ?? 3_600_000;
  let now = options.now;
  let name = definition.StartAt as string;
  let input = executionInput;
  let variables: Record<string, JsonValue> = {};
  let enteredEventId = 2;
  for (let transitions = 0; transitions < (options.maxTransitions ?? 1000); transitions++) {
    const state = states[name] as JsonObject;
    const scope = { input, context, variables };
    let next: string | undefined;
    let output: JsonValue;
    try {
      switch (state.Type) {
        case 'Fail': {
          const error = 'ErrorPath' in state ? evaluateDynamicValue(field<string>(state, 'ErrorPath'), 'ErrorPath', scope) : field<string | undefined>(state, 'Error');
          const cause = 'CausePath' in state ? evaluateDynamicValue(field<string>(state, 'CausePath'), 'CausePath', scope) : field<string | undefined>(state, 'Cause');
          return { status: 'FAILED', error: error === undefined ? null : String(error), cause: cause === undefined ? null : String(cause) };
        }
        case 'Choice': {
          const effective = applyInputPath(input, field<string | null | undefined>(state, 'InputPath'), scope);
          const rules = state.Choices as unknown as JsonPathChoiceRule[];
          const index = selectChoice(rules, effective, scope);
          const rule = rules[index];
          if (rule) {
            next = rule.Next;
            if (rule.Assign !== undefined) variables = assign(variables, applyTemplate(rule.Assign, { ...scope, input: effective }));
          } else {
            next = field<string | undefined>(state, 'Default');
            if (next === undefined) return { status: 'FAILED', error: 'States.NoChoiceMatched', cause: null };
            if ('Assign' in state) variables = assign(variables, applyTemplate(field<JsonValue>(state, 'Assign'), { ...scope, input: effective }));
          }
          output = applyOutputPath(effective, field<string | null | undefined>(state, 'OutputPath'), scope);
          break;
        }
        case 'Wait': {
          const effective = applyInputPath(input, field<string | null | undefined>(state, 'InputPath'), scope);
          const fireAt = waitUntil(state as unknown as WaitState, effective, scope, now);
          if (fireAt - now > longWaitMs) return { status: 'NON_TERMINAL', state: name, fireAt };
          now = fireAt;
          if ('Assign' in state) variables = assign(variables, applyTemplate(field<JsonValue>(state, 'Assign'), { ...scope, input: effective }));
          output = applyOutputPath(effective, field<string | null | undefined>(state, 'OutputPath'), scope);
          next = field<string | undefined>(state, 'Next');
          break;
        }
        case 'Succeed': {
          const effective = applyInputPath(input, field<string | null | undefined>(state, 'InputPath'), scope);
          return { status: 'SUCCEEDED', output: applyOutputPath(effective, field<string | null | undefined>(state, 'OutputPath'), scope) };
        }
        case 'Pass': {
          const effective = applyInputPath(input, field<string | null | undefined>(state, 'InputPath'), scope);
          let result: JsonValue =
            'Parameters' in state ? applyTemplate(field<JsonValue>(state, 'Parameters'), { ...scope, input: effective }) : effective;
          if ('Result' in state) result = field<JsonValue>(state, 'Result');
          const assigned = 'Assign' in state ? applyTemplate(field<JsonValue>(state, 'Assign'), { ...scope, input: result }) : {};
          const merged = applyResultPath(input, field<string | null | undefined>(state, 'ResultPath'), result);
          output = applyOutputPath(merged, field<string | null | undefined>(state, 'OutputPath'), scope);
          variables = assign(variables, assigned);
          next = field<string | undefined>(state, 'Next');
          break;
        }
        default:
          throw new Error(`walker: unsupported state type ${String(state.Type)}`);
      }
    } catch (error) {
      if (!(error instanceof StatesError)) throw error;
      return { status: 'FAILED', error: error.error, cause: formatStateErrorCause(name, enteredEventId, error.cause) };
    }
    if (state.End === true || next === undefined) return { status: 'SUCCEEDED', output };
    input = output;
    name = next;
    enteredEventId += 2;
  }
  throw new Error('walker: too many transitions');
}

// ---- comparing with the recordings --------------------------------------------------------------

/** A case's `expected` member in the conformance corpus. */
export interface RecordedExpectation {
  readonly status?: string;
  readonly output?: JsonValue;
  readonly error?: string | null;
  readonly cause?: string | null;
}

/** The snapshots parse any string starting with `{` that is JSON; do the same to actual values. */
function normalize(value: JsonValue): JsonValue {
  if (typeof value === 'string' && value.startsWith('{')) {
    try {
      return normalize(JSON.parse(value) as JsonValue);
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.map(normalize);
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) setOwn(out, key, normalize(value[key] as JsonValue));
    return out;
  }
  return value;
}

/** Recorded values had timestamps replaced by placeholders ("date", "timestamp", "<timestamp>"); those match any string. */
function matchesRecorded(actual: JsonValue, expected: JsonValue): boolean {
  if (typeof expected === 'string' && typeof actual === 'string') {
    return actual === expected || expected === 'date' || expected === 'timestamp' || /^<[^<>]+>$/.test(expected);
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => matchesRecorded(actual[i] as JsonValue, item));
  }
  if (isJsonObject(expected)) {
    if (!isJsonObject(actual)) return false;
    const keys = Object.keys(expected);
    return keys.length === Object.keys(actual).length && keys.every((key) => key in actual && matchesRecorded(actual[key] as JsonValue, expected[key] as JsonValue));
  }
  return actual === expected;
}

function causePattern(expected: string): RegExp {
  const parts = expected.split(/<[^<>]+>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]+')}$`);
}

/** Why the outcome differs from the recording, or undefined when it agrees. */
export function disagreement(outcome: WalkOutcome, expected: RecordedExpectation): string | undefined {
  if (outcome.status !== expected.status) return `status ${outcome.status}, recorded ${String(expected.status)}: ${JSON.stringify(outcome)}`;
  if (outcome.status === 'SUCCEEDED') {
    const actual = normalize(outcome.output);
    return matchesRecorded(actual, expected.output ?? null) ? undefined : `output ${JSON.stringify(actual)}, recorded ${JSON.stringify(expected.output)}`;
  }
  if (outcome.status === 'FAILED') {
    if (outcome.error !== (expected.error ?? null)) return `error ${String(outcome.error)}, recorded ${String(expected.error)}`;
    const cause = expected.cause ?? null;
    if (cause === null ? outcome.cause !== null : outcome.cause === null || !causePattern(cause).test(outcome.cause)) {
      return `cause ${String(outcome.cause)}, recorded ${String(cause)}`;
    }
  }
  return undefined;
}
