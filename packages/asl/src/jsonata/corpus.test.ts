// JSONata behaviours recorded from AWS in the conformance corpus
// (../../../../../shared/conformance/sfn/cases.jsonl), checked one expression at a time:
//  - every EvaluationFailed event: the failing field's expression is taken from the definition,
//    the state input from the matching *StateEntered event and the variables from the
//    assignedVariables of the events before it; the cause (with AWS's state prefix) and the
//    location must be the recorded ones;
//  - every PassStateExited of a JSONata Pass state outside Map/Parallel: its Output and Assign
//    evaluated from the recorded input and variables must give the recorded output and
//    assignedVariables.
// Expressions that read what cannot be rebuilt here ($states.context, the clock, randomness) are
// left out, as are recorded outputs rewritten into placeholders.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatStateErrorCause } from '../paths/errors.js';
import { isJsonObject, setOwn, toJsonText, type JsonObject, type JsonValue } from '../paths/json.js';
import { JsonataEvaluationError, mapInputNotArrayError, timestampParseError } from './errors.js';
import { evaluateJsonataExpression, evaluateJsonataTemplate, type JsonataBindings } from './evaluate.js';
import { isJsonataExpression } from './expression.js';
import { expectJsonataType } from './result-types.js';

const CORPUS = fileURLToPath(new URL('../../../../../shared/conformance/sfn/cases.jsonl', import.meta.url));
const present = existsSync(CORPUS);
if (!present) console.log(`JSONata corpus tests skipped: ${CORPUS} is absent`);

interface HistoryEvent {
  readonly id: number;
  readonly type: string;
  readonly [details: string]: unknown;
}

interface CorpusCase {
  readonly id: string;
  readonly kind: string;
  readonly definition?: JsonObject;
  readonly input?: JsonValue;
  readonly expected_history?: HistoryEvent[];
}

const UNREPRODUCIBLE = /\$states\.context|\$uuid|\$random\(\s*\)|\$now|\$millis|\$shuffle/;

function loadCases(): CorpusCase[] {
  if (!present) return [];
  return readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusCase)
    .filter((c) => c.kind === 'execution' && c.definition && c.expected_history);
}

/** History payloads are JSON text, except those the snapshot tool parsed into objects. */
function payload(value: unknown): JsonValue {
  return typeof value === 'string' ? (JSON.parse(value) as JsonValue) : (value as JsonValue);
}

function details(event: HistoryEvent, key: string): JsonObject {
  return event[key] as JsonObject;
}

/**
 * The input of a *StateEntered event. The snapshot tool rewrote some recorded values into
 * placeholders (any key containing "timestamp" became "timestamp"); the first state's input is the
 * execution input, which the case keeps as sent.
 */
function enteredInput(c: CorpusCase, entered: HistoryEvent): JsonValue {
  if (entered.previousEventId === 0 && c.input !== undefined) return c.input;
  return payload(details(entered, 'stateEnteredEventDetails').input);
}

/** Every state definition by name, with the query language it runs in; undefined when a name repeats. */
function statesByName(definition: JsonObject): Map<string, { state: JsonObject; jsonata: boolean; topLevel: boolean } | undefined> {
  const found = new Map<string, { state: JsonObject; jsonata: boolean; topLevel: boolean } | undefined>();
  const walk = (states: JsonObject, language: JsonValue, topLevel: boolean): void => {
    for (const name of Object.keys(states)) {
      const state = states[name] as JsonObject;
      const own = state.QueryLanguage ?? language;
      found.set(name, found.has(name) ? undefined : { state, jsonata: own === 'JSONata', topLevel });
      const nested = [
        ...((state.Branches as JsonObject[] | undefined) ?? []),
        ...[state.ItemProcessor, state.Iterator].filter((p): p is JsonObject => isJsonObject(p)),
      ];
      for (const machine of nested) walk(machine.States as JsonObject, language, false);
    }
  };
  walk(definition.States as JsonObject, definition.QueryLanguage ?? 'JSONPath', true);
  return found;
}

/** The value at 'Output/result' or 'Choices[0]/Condition' inside a state definition. */
function fieldAt(state: JsonObject, location: string): JsonValue | undefined {
  let value: JsonValue | undefined = state;
  for (const part of location.split('/')) {
    const match = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!match || !isJsonObject(value)) return undefined;
    value = value[match[1] as string];
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) {
      if (!Array.isArray(value)) return undefined;
      value = value[Number(index[1])];
    }
  }
  return value;
}

/** Variables assigned by the events before `index` (top-level scope only). */
function variablesBefore(history: readonly HistoryEvent[], index: number): Record<string, JsonValue> {
  const variables: Record<string, JsonValue> = {};
  for (const event of history.slice(0, index)) {
    const exited = event.stateExitedEventDetails as JsonObject | undefined;
    const assigned = exited?.assignedVariables;
    if (!isJsonObject(assigned)) continue;
    for (const name of Object.keys(assigned)) setOwn(variables, name, payload(assigned[name]));
  }
  return variables;
}

function bindingsFor(input: JsonValue, variables: Record<string, JsonValue>): JsonataBindings {
  return {
    states: { input, context: {} },
    variables,
    random: { uuid: () => '00000000-0000-4000-8000-000000000000', random: () => 0 },
    now: 0,
  };
}

interface FailureVector {
  readonly name: string;
  readonly recorded: JsonObject;
  readonly enteredId: number;
  readonly check: () => Promise<JsonataEvaluationError>;
}

async function failureOf(run: () => Promise<unknown>): Promise<JsonataEvaluationError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof JsonataEvaluationError) return error;
    throw error;
  }
  throw new Error('the expression did not fail');
}

function failureVectors(cases: readonly CorpusCase[]): FailureVector[] {
  const vectors: FailureVector[] = [];
  for (const c of cases) {
    const history = c.expected_history as HistoryEvent[];
    const states = statesByName(c.definition as JsonObject);
    history.forEach((event, index) => {
      if (event.type !== 'EvaluationFailed') return;
      const recorded = details(event, 'evaluationFailedEventDetails');
      const stateName = recorded.state as string;
      const entry = states.get(stateName);
      const enteredIndex = history.slice(0, index).findLastIndex(
        (e) => e.type.endsWith('StateEntered') && details(e, 'stateEnteredEventDetails').name === stateName,
      );
      const entered = history[enteredIndex];
      if (!entry || !entered) return;
      const input = enteredInput(c, entered);
      const variables = variablesBefore(history, enteredIndex);
      const location = recorded.location as string | undefined;
      const name = `${c.id.replace(/^.*::/, '')} (${location ?? 'no location'})`;
      let check: () => Promise<JsonataEvaluationError>;
      if (location === undefined) {
        check = () => Promise.resolve(mapInputNotArrayError(input));
      } else {
        const text = fieldAt(entry.state, location);
        if (typeof text !== 'string' || !isJsonataExpression(text) || UNREPRODUCIBLE.test(text)) return;
        const b = bindingsFor(input, variables);
        check =
          location === 'Timestamp'
            ? async () => timestampParseError((await evaluateJsonataExpression(text, location, b)) as string)
            : () =>
                failureOf(async () => {
                  const value = await evaluateJsonataExpression(text, location, b);
                  if (location === 'Items') expectJsonataType(value, 'array', text, location);
                });
      }
      vectors.push({ name, recorded, enteredId: entered.id, check });
    });
  }
  return vectors;
}

interface PassVector {
  readonly name: string;
  readonly run: () => Promise<{ output?: JsonValue; assigned?: JsonObject }>;
  readonly expected: { output?: JsonValue; assigned?: JsonObject };
}

function passVectors(cases: readonly CorpusCase[]): PassVector[] {
  const vectors: PassVector[] = [];
  for (const c of cases) {
    const history = c.expected_history as HistoryEvent[];
    const states = statesByName(c.definition as JsonObject);
    history.forEach((event, index) => {
      if (event.type !== 'PassStateExited') return;
      if (history.slice(0, index).some((e) => /^(Map|Parallel)StateEntered$/.test(e.type))) return;
      const exited = details(event, 'stateExitedEventDetails');
      const entry = states.get(exited.name as string);
      if (!entry?.jsonata || !entry.topLevel) return;
      const { Output: output, Assign: assign } = entry.state;
      if (output === undefined && assign === undefined) return;
      const fields = JSON.stringify([output, assign]);
      if (UNREPRODUCIBLE.test(fields) || JSON.stringify(exited).includes('"<')) return;
      const enteredIndex = history.slice(0, index).findLastIndex((e) => e.type === 'PassStateEntered');
      const entered = history[enteredIndex];
      if (!entered) return;
      const b = bindingsFor(enteredInput(c, entered), variablesBefore(history, enteredIndex));
      const expected: { output?: JsonValue; assigned?: JsonObject } = {};
      if (output !== undefined) expected.output = payload(exited.output);
      if (assign !== undefined) {
        const recorded = (exited.assignedVariables ?? {}) as JsonObject;
        const assigned: JsonObject = {};
        for (const key of Object.keys(recorded)) setOwn(assigned, key, payload(recorded[key]));
        expected.assigned = assigned;
      }
      vectors.push({
        name: `${c.id.replace(/^.*::/, '')} ${exited.name as string}`,
        expected,
        run: async () => {
          const result: { output?: JsonValue; assigned?: JsonObject } = {};
          if (output !== undefined) result.output = await evaluateJsonataTemplate(output, 'Output', b);
          if (assign !== undefined) result.assigned = (await evaluateJsonataTemplate(assign, 'Assign', b)) as JsonObject;
          return result;
        },
      });
    });
  }
  return vectors;
}

const cases = loadCases();
const failures = failureVectors(cases);
const passes = passVectors(cases);

describe.skipIf(!present)('the AWS-recorded corpus', () => {
  it('yields the JSONata vectors this suite relies on', () => {
    expect(failures.length).toBeGreaterThanOrEqual(30);
    expect(passes.length).toBeGreaterThanOrEqual(40);
  });

  describe('EvaluationFailed: cause and location', () => {
    it.each(failures.map((v) => [v.name, v] as const))('%s', async (_name, vector) => {
      const error = await vector.check();
      expect(error.error).toBe(vector.recorded.error);
      expect(formatStateErrorCause(vector.recorded.state as string, vector.enteredId, error.cause)).toBe(vector.recorded.cause);
      expect(error.location).toBe(vector.recorded.location);
    });
  });

  describe('JSONata Pass states: Output and Assign', () => {
    it.each(passes.map((v) => [v.name, v] as const))('%s', async (_name, vector) => {
      const result = await vector.run();
      if (vector.expected.output !== undefined) expect(toJsonText(result.output as JsonValue)).toBe(toJsonText(vector.expected.output));
      if (vector.expected.assigned !== undefined) expect(result.assigned).toEqual(vector.expected.assigned);
    });
  });
});
