// Replays the AWS-recorded Pass/Fail executions of the conformance corpus through the data layer
// (InputPath → Parameters/Result → Assign → ResultPath → OutputPath, Fail ErrorPath/CausePath).
// The runner below is only a harness; the interpreter proper lives elsewhere.

import { describe, expect, it } from 'vitest';
import { AWS_CORPUS_VECTORS, type CorpusVector } from './aws-corpus.case.js';
import { applyInputPath, applyOutputPath, applyResultPath } from './dataflow.js';
import { StatesError, formatStateErrorCause } from './errors.js';
import { isJsonObject, setOwn, type JsonObject, type JsonValue } from './json.js';
import { applyTemplate, evaluateDynamicValue } from './templates.js';

type Outcome =
  | { status: 'SUCCEEDED'; output: JsonValue }
  | { status: 'FAILED'; error: string; cause: string };

function field<T extends JsonValue | undefined>(state: JsonObject, key: string): T {
  return state[key] as T;
}

function run(vector: CorpusVector): Outcome {
  const definition = vector.definition as JsonObject;
  const states = definition.States as JsonObject;
  let name = definition.StartAt as string;
  let input = vector.input;
  let variables: Record<string, JsonValue> = {};
  const context: JsonObject = { Execution: { Input: vector.input } };
  let enteredEventId = 2;
  for (;;) {
    const state = states[name] as JsonObject;
    const scope = { input, context, variables };
    try {
      if (state.Type === 'Fail') {
        const error = 'ErrorPath' in state
          ? evaluateDynamicValue(field<string>(state, 'ErrorPath'), 'ErrorPath', scope)
          : field<string>(state, 'Error');
        const cause = 'CausePath' in state
          ? evaluateDynamicValue(field<string>(state, 'CausePath'), 'CausePath', scope)
          : field<string>(state, 'Cause');
        return { status: 'FAILED', error: String(error), cause: String(cause) };
      }
      const effective = applyInputPath(input, field<string | null | undefined>(state, 'InputPath'), scope);
      let result: JsonValue =
        'Parameters' in state
          ? applyTemplate(field<JsonValue>(state, 'Parameters'), { ...scope, input: effective })
          : effective;
      if ('Result' in state) result = field<JsonValue>(state, 'Result');
      let assigned: JsonValue = {};
      if ('Assign' in state) {
        assigned = applyTemplate(field<JsonValue>(state, 'Assign'), { ...scope, input: result });
      }
      const merged = applyResultPath(input, field<string | null | undefined>(state, 'ResultPath'), result);
      const output = applyOutputPath(merged, field<string | null | undefined>(state, 'OutputPath'), scope);
      if (isJsonObject(assigned)) {
        const next: Record<string, JsonValue> = {};
        for (const key of Object.keys(variables)) setOwn(next, key, variables[key] as JsonValue);
        for (const key of Object.keys(assigned)) setOwn(next, key, assigned[key] as JsonValue);
        variables = next;
      }
      if (state.End === true) return { status: 'SUCCEEDED', output };
      input = output;
      name = state.Next as string;
      enteredEventId += 2;
    } catch (error) {
      if (!(error instanceof StatesError)) throw error;
      return { status: 'FAILED', error: error.error, cause: formatStateErrorCause(name, enteredEventId, error.cause) };
    }
  }
}

/** LocalStack's snapshots parse any string that starts with `{` and is JSON; do the same on both sides. */
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

/** Expected causes carry placeholders such as `<json-input:1>`; they match any text. */
function causePattern(expected: string): RegExp {
  const parts = expected.split(/<[^<>]+>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]+')}$`);
}

describe('AWS-recorded Pass/Fail executions (cases.jsonl)', () => {
  it('has vectors', () => {
    expect(AWS_CORPUS_VECTORS.length).toBeGreaterThan(150);
  });

  for (const vector of AWS_CORPUS_VECTORS) {
    it(vector.id, () => {
      const outcome = run(vector);
      if (vector.expected.status === 'SUCCEEDED') {
        expect(outcome.status).toBe('SUCCEEDED');
        if (outcome.status === 'SUCCEEDED') {
          expect(normalize(outcome.output)).toEqual(normalize(vector.expected.output));
        }
      } else {
        expect(outcome).toMatchObject({ status: 'FAILED', error: vector.expected.error });
        if (outcome.status === 'FAILED') expect(outcome.cause).toMatch(causePattern(vector.expected.cause));
      }
    });
  }
});
