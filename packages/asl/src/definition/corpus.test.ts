// The AWS-recorded conformance corpus (../../../../../shared/conformance/sfn/cases.jsonl):
//  - every definition AWS ran (execution, execution_output, sync_execution, describe_execution,
//    express_async_end_event cases with an expectation) and every definition CreateStateMachine or
//    UpdateStateMachine accepted (api_response) must validate OK;
//  - every ValidateStateMachineDefinition response (validate_definition) must come out the same;
//  - every CreateStateMachine/UpdateStateMachine InvalidDefinition error must get the same message;
//  - every state TestState ran must pass the document checks, and TestState's recorded definition
//    errors must come out the same (TestState names a lone state "StateName").
// Skipped, with the reason printed, when the corpus is not on this machine.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { StateMachineType } from './types.js';
import { invalidDefinitionMessage, validateDefinition } from './validate.js';

const CORPUS = fileURLToPath(new URL('../../../../../shared/conformance/sfn/cases.jsonl', import.meta.url));
const present = existsSync(CORPUS);
if (!present) console.log(`definition corpus tests skipped: ${CORPUS} is absent`);

interface Case {
  id: string;
  kind: string;
  state_machine_type?: StateMachineType;
  definition_json?: string;
  expected?: { error_code?: string; error_message?: string } | null;
  expected_response?: unknown;
  extraction_problem?: string;
  request?: { operation?: string; params?: Record<string, unknown> };
  replacements?: Array<[string, string]>;
}

const cases: Case[] = present
  ? readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Case)
  : [];

const EXECUTION_KINDS = new Set(['execution', 'execution_output', 'sync_execution', 'describe_execution', 'express_async_end_event']);

/** Re-does the snapshot's placeholder substitution on an actual value. */
function applyReplacements(text: string, replacements: ReadonlyArray<[string, string]> = []): string {
  let out = text;
  for (const [pattern, placeholder] of replacements) {
    let regex: RegExp | undefined;
    try {
      regex = new RegExp(pattern, 'g');
    } catch {
      regex = undefined;
    }
    out = regex ? out.replace(regex, () => placeholder) : out.split(pattern).join(placeholder);
  }
  return out;
}

const INVALID_DEFINITION_PREFIX = /^An error occurred \(InvalidDefinition\) when calling the \w+ operation: /;

/** The recorded InvalidDefinition message of an api_error case, if it is one. */
function recordedInvalidDefinition(c: Case): string | undefined {
  if (c.expected?.error_code === 'InvalidDefinition') return c.expected.error_message;
  if (typeof c.expected_response === 'string' && INVALID_DEFINITION_PREFIX.test(c.expected_response)) {
    return c.expected_response.replace(INVALID_DEFINITION_PREFIX, '');
  }
  return undefined;
}

describe.skipIf(!present)('the AWS-recorded corpus', () => {
  it('accepts every definition AWS ran or created', () => {
    const seen = new Set<string>();
    const refused: string[] = [];
    let checked = 0;
    for (const c of cases) {
      let text: string | undefined;
      let type: StateMachineType = 'STANDARD';
      if (EXECUTION_KINDS.has(c.kind) && c.expected != null && c.extraction_problem === undefined) {
        text = c.definition_json;
        type = c.state_machine_type ?? 'STANDARD';
      } else if (c.kind === 'api_response' && (c.request?.operation === 'CreateStateMachine' || c.request?.operation === 'UpdateStateMachine')) {
        const params = c.request.params ?? {};
        text = typeof params['definition'] === 'string' ? params['definition'] : undefined;
        type = params['type'] === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';
      }
      if (text === undefined || seen.has(`${type}\n${text}`)) continue;
      seen.add(`${type}\n${text}`);
      checked++;
      const result = validateDefinition(text, { type });
      if (result.result !== 'OK') refused.push(`${c.id}: ${invalidDefinitionMessage(result.diagnostics)}`);
    }
    console.log(`definitions accepted: ${checked - refused.length}/${checked} distinct (definition, type) pairs`);
    expect(refused).toEqual([]);
    expect(checked).toBeGreaterThan(400);
  });

  it('answers every recorded ValidateStateMachineDefinition as AWS did', () => {
    const mismatches: unknown[] = [];
    let checked = 0;
    for (const c of cases) {
      if (c.kind !== 'validate_definition') continue;
      checked++;
      const params = c.request?.params ?? {};
      const expected = c.expected_response as { result: string; diagnostics: unknown[] };
      const actual = validateDefinition(String(params['definition']), { type: params['type'] === 'EXPRESS' ? 'EXPRESS' : 'STANDARD' });
      const got = { result: actual.result, diagnostics: actual.diagnostics };
      const want = { result: expected.result, diagnostics: expected.diagnostics };
      if (!isDeepStrictEqual(JSON.parse(applyReplacements(JSON.stringify(got), c.replacements)), want)) {
        mismatches.push({ id: c.id, got, want });
      }
    }
    console.log(`ValidateStateMachineDefinition responses matched: ${checked - mismatches.length}/${checked}`);
    expect(mismatches).toEqual([]);
    expect(checked).toBe(12);
  });

  it('words every recorded InvalidDefinition as AWS did', () => {
    const mismatches: unknown[] = [];
    let checked = 0;
    for (const c of cases) {
      if (c.kind !== 'api_error') continue;
      const operation = c.request?.operation;
      if (operation !== 'CreateStateMachine' && operation !== 'UpdateStateMachine') continue;
      const want = recordedInvalidDefinition(c);
      if (want === undefined) continue;
      const params = c.request?.params ?? {};
      const text = typeof params['definition'] === 'string' ? params['definition'] : c.definition_json;
      if (text === undefined) continue;
      checked++;
      const result = validateDefinition(text, { type: params['type'] === 'EXPRESS' ? 'EXPRESS' : 'STANDARD' });
      const got = result.result === 'OK' ? '(accepted)' : applyReplacements(invalidDefinitionMessage(result.diagnostics, text), c.replacements);
      if (got !== want) mismatches.push({ id: c.id, got, want });
    }
    console.log(`InvalidDefinition messages matched: ${checked - mismatches.length}/${checked}`);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(90);
  });

  /** A TestState definition as a machine: a lone state is wrapped as "StateName", as TestState does. */
  function testStateMachine(c: Case): string | undefined {
    const definition = c.request?.params?.['definition'];
    if (typeof definition !== 'string') return undefined;
    const parsed = JSON.parse(definition) as Record<string, unknown>;
    return 'States' in parsed ? definition : JSON.stringify({ StartAt: 'StateName', States: { StateName: parsed } });
  }

  it('accepts every state TestState ran, and words its definition errors as AWS did', () => {
    const mismatches: unknown[] = [];
    let accepted = 0;
    let refused = 0;
    for (const c of cases) {
      if (c.request?.operation !== 'TestState') continue;
      const text = testStateMachine(c);
      if (text === undefined) continue;
      const diagnostics = validateDefinition(text).diagnostics.filter((d) => d.code === 'SCHEMA_VALIDATION_FAILED');
      if (c.kind === 'test_state') {
        accepted++;
        if (diagnostics.length > 0) mismatches.push({ id: c.id, got: invalidDefinitionMessage(diagnostics) });
      } else if (c.kind === 'api_error') {
        const response = c.expected_response as { Error?: { Message?: string } } | undefined;
        const want = response?.Error?.Message;
        if (want === undefined || !want.startsWith('Invalid State Machine Definition')) continue;
        refused++;
        const got = invalidDefinitionMessage(diagnostics);
        if (got !== want) mismatches.push({ id: c.id, got, want });
      }
    }
    console.log(`TestState definitions: ${accepted} accepted and ${refused} refused as recorded, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBe(2);
  });
});
