import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ChoiceRuleExpression, JsonPathChoiceRule } from '../definition/types.js';
import { StatesError } from '../paths/errors.js';
import type { JsonObject, JsonValue } from '../paths/json.js';
import type { PathScope } from '../paths/jsonpath.js';
import { disagreement, isWalkable, walk, type RecordedExpectation } from './choice.case.js';
import { ChoicePathError, evaluateChoiceRule, selectChoice, stringMatches } from './choice.js';

const NO_SCOPE: PathScope = {};

function check(rule: Record<string, JsonValue>, input: JsonValue, scope: PathScope = NO_SCOPE): boolean {
  return evaluateChoiceRule({ Variable: '$.v', ...rule } as unknown as ChoiceRuleExpression, input, scope);
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('evaluateChoiceRule: types', () => {
  it('treats a value of the wrong type as no match, never as an error', () => {
    expect(check({ StringEquals: '0' }, { v: 0 })).toBe(false);
    expect(check({ NumericEquals: 42 }, { v: '42' })).toBe(false);
    expect(check({ BooleanEquals: true }, { v: 1 })).toBe(false);
    expect(check({ BooleanEquals: false }, { v: null })).toBe(false);
    expect(check({ TimestampEquals: '2012-10-09T19:00:55Z' }, { v: 1349809255 })).toBe(false);
    expect(check({ NumericLessThan: 10 }, { v: [1] })).toBe(false);
    expect(check({ StringMatches: '*' }, { v: { a: 1 } })).toBe(false);
  });

  it('compares numbers by value, so an integer equals the same float', () => {
    expect(check({ NumericEquals: 1 }, JSON.parse('{"v": 1.0}') as JsonValue)).toBe(true);
    expect(check({ NumericEqualsPath: '$.w' }, { v: 2.22, w: 2.22 })).toBe(true);
    expect(check({ NumericGreaterThan: 0 }, { v: 0.5 })).toBe(true);
    expect(check({ NumericLessThanEquals: -1 }, { v: -1 })).toBe(true);
    expect(check({ NumericGreaterThanEquals: 1 }, { v: 0.999 })).toBe(false);
  });

  it('does not treat booleans as numbers', () => {
    expect(check({ NumericEquals: 1 }, { v: true })).toBe(false);
    expect(check({ IsNumeric: true }, { v: false })).toBe(false);
  });

  it('orders strings by UTF-16 code unit without trimming (Java compareTo)', () => {
    expect(check({ StringLessThan: 'a' }, { v: 'Z' })).toBe(true);
    expect(check({ StringGreaterThan: 'A ' }, { v: 'A' })).toBe(false);
    expect(check({ StringLessThan: 'AB' }, { v: 'A' })).toBe(true);
    expect(check({ StringEquals: '\t\r\n' }, { v: '\t\n' })).toBe(false);
    // U+1F600 is the surrogate pair D83D DE00, which sorts below U+FFFF by code unit.
    expect(check({ StringLessThan: '\uFFFF' }, { v: '\u{1F600}' })).toBe(true);
    expect(check({ StringLessThanEqualsPath: '$.w' }, { v: '', w: '' })).toBe(true);
  });

  it('makes an Is* test with false match every value that fails the test', () => {
    expect(check({ IsNull: false }, { v: 0 })).toBe(true);
    expect(check({ IsNull: true }, { v: null })).toBe(true);
    expect(check({ IsString: false }, { v: [] })).toBe(true);
    expect(check({ IsBoolean: true }, { v: false })).toBe(true);
    expect(check({ IsNumeric: true }, { v: 1.1 })).toBe(true);
  });

  it('recognises timestamps with IsTimestamp using the Wait parser', () => {
    expect(check({ IsTimestamp: true }, { v: '2016-03-14T01:59:00Z' })).toBe(true);
    expect(check({ IsTimestamp: true }, { v: '2016-03-14T01:59:00.123456789+05:30' })).toBe(true);
    expect(check({ IsTimestamp: true }, { v: '2012-10-09T19:00:55' })).toBe(false);
    expect(check({ IsTimestamp: true }, { v: '2023-02-24' })).toBe(false);
    expect(check({ IsTimestamp: false }, { v: 20230224 })).toBe(true);
  });

  it('sees an indefinite path as the array of its matches', () => {
    expect(check({ IsString: true }, { v: ['a'] }, NO_SCOPE)).toBe(false);
    expect(evaluateChoiceRule({ Variable: '$.v[*]', IsPresent: true }, { v: [] }, NO_SCOPE)).toBe(true);
  });
});

describe('evaluateChoiceRule: timestamps', () => {
  it('compares timestamps as instants to the nanosecond', () => {
    expect(check({ TimestampLessThan: '2016-03-14T01:59:00.000000002Z' }, { v: '2016-03-14T01:59:00.000000001Z' })).toBe(true);
    expect(check({ TimestampEquals: '2016-03-14T01:59:00Z' }, { v: '2016-03-14T01:59:00.000000000Z' })).toBe(true);
    expect(check({ TimestampEquals: '2016-03-14T01:59:00Z' }, { v: '2016-03-14T02:59:00+01:00' })).toBe(true);
    expect(check({ TimestampGreaterThan: '2016-03-14T01:59:00Z' }, { v: '2016-03-14T01:59:00-00:01' })).toBe(true);
  });

  it('gives no match when either side of a Timestamp*Path comparison is not a timestamp', () => {
    expect(check({ TimestampEqualsPath: '$.w' }, { v: '2012-10-09T19:00:55Z', w: '2012-10-09T19:00:55' })).toBe(false);
    expect(check({ TimestampLessThanEqualsPath: '$.w' }, { v: '2023-02-24 12:15:56.832957', w: '2030-01-01T00:00:00Z' })).toBe(false);
    expect(check({ TimestampGreaterThanEqualsPath: '$.w' }, { v: '2012-10-09T19:00:56Z', w: '2012-10-09T19:00:55Z' })).toBe(true);
  });
});

describe('stringMatches', () => {
  it('lets * match any run of characters, including none, anywhere', () => {
    expect(stringMatches('log-2024.txt', 'log-*.txt')).toBe(true);
    expect(stringMatches('log-.txt', 'log-*.txt')).toBe(true);
    expect(stringMatches('log-2024.txt.gz', 'log-*.txt')).toBe(false);
    expect(stringMatches('foobar.zebra', 'foo*.*')).toBe(true);
    expect(stringMatches('', '*')).toBe(true);
    expect(stringMatches('abcabc', '*b*c')).toBe(true);
    expect(stringMatches('aXbYc', 'a*b*c')).toBe(true);
    expect(stringMatches('ab', 'a*a')).toBe(false);
  });

  it('matches the whole string, not a part of it', () => {
    expect(stringMatches('xlog', 'log')).toBe(false);
    expect(stringMatches('log', 'log')).toBe(true);
  });

  it('gives no other character a special meaning', () => {
    expect(stringMatches('a.c', 'a?c')).toBe(false);
    expect(stringMatches('a?c', 'a?c')).toBe(true);
    expect(stringMatches('[x]', '[x]')).toBe(true);
  });

  it('reads \\* as a literal star and \\\\ as a literal backslash', () => {
    expect(stringMatches('a*b', 'a\\*b')).toBe(true);
    expect(stringMatches('axb', 'a\\*b')).toBe(false);
    expect(stringMatches('a\\b', 'a\\\\b')).toBe(true);
    expect(stringMatches('a\\xyz', 'a\\\\*')).toBe(true);
    expect(stringMatches('a\\nb', 'a\\nb')).toBe(true);
  });

  it('is used by StringMatches on strings only', () => {
    expect(check({ StringMatches: 'log-*' }, { v: 'log-1' })).toBe(true);
    expect(check({ StringMatches: '*' }, { v: 5 })).toBe(false);
  });

  it('stays fast on patterns with many stars', () => {
    const text = 'a'.repeat(20000);
    expect(stringMatches(text, `${'*a'.repeat(500)}b`)).toBe(false);
  });
});

describe('evaluateChoiceRule: paths', () => {
  it('answers IsPresent on a missing path without failing, and counts null as present', () => {
    expect(check({ IsPresent: false }, {})).toBe(true);
    expect(check({ IsPresent: true }, { v: null })).toBe(true);
    expect(evaluateChoiceRule({ Variable: '$.a.b', IsPresent: true }, { a: 'text' }, NO_SCOPE)).toBe(false);
  });

  it('fails with States.Runtime naming the Variable when it selects nothing', () => {
    const error = thrown(() => check({ StringEquals: 'x' }, { w: 1 }));
    expect(error).toBeInstanceOf(ChoicePathError);
    expect(error).toBeInstanceOf(StatesError);
    expect(error).toMatchObject({
      error: 'States.Runtime',
      cause: "Invalid path '$.v': The choice state's condition path references an invalid value.",
    });
  });

  it('fails on a missing Variable for the type tests other than IsPresent too', () => {
    expect(() => check({ IsNull: false }, {})).toThrow(ChoicePathError);
    expect(() => check({ IsTimestamp: false }, {})).toThrow(ChoicePathError);
  });

  it('fails naming the operand path when a *Path operand selects nothing', () => {
    expect(thrown(() => check({ NumericEqualsPath: '$.right' }, { v: 8 }))).toMatchObject({
      cause: "Invalid path '$.right': The choice state's condition path references an invalid value.",
    });
  });

  it('reads the context object through $$ and workflow variables through $name', () => {
    const scope: PathScope = { context: { Execution: { Input: { 'input-value': 0 } } }, variables: { guess: 'a', answer: 'a' } };
    expect(evaluateChoiceRule({ Variable: "$$.Execution.Input['input-value']", NumericLessThanEquals: 0 }, {}, scope)).toBe(true);
    expect(evaluateChoiceRule({ Variable: '$guess', StringEqualsPath: '$answer' }, {}, scope)).toBe(true);
    expect(evaluateChoiceRule({ Variable: '$missing', IsPresent: false }, {}, scope)).toBe(true);
    expect(() => evaluateChoiceRule({ Variable: '$missing', StringEquals: 'a' }, {}, scope)).toThrow(
      "Invalid path '$missing': The choice state's condition path references an invalid value.",
    );
  });
});

describe('evaluateChoiceRule: And, Or, Not', () => {
  it('combines rules', () => {
    const input = { type: 'Private', value: 22 };
    const twenties: ChoiceRuleExpression = {
      And: [
        { Variable: '$.value', NumericGreaterThanEquals: 20 },
        { Variable: '$.value', NumericLessThan: 30 },
      ],
    };
    expect(evaluateChoiceRule(twenties, input, NO_SCOPE)).toBe(true);
    expect(evaluateChoiceRule({ Not: { Variable: '$.type', StringEquals: 'Private' } }, input, NO_SCOPE)).toBe(false);
    expect(evaluateChoiceRule({ Or: [{ Variable: '$.value', IsString: true }, { Not: twenties }] }, input, NO_SCOPE)).toBe(false);
  });

  it('stops at the first deciding operand, so an IsPresent guard protects the comparison after it', () => {
    const guarded: ChoiceRuleExpression = {
      And: [
        { Variable: '$.keyThatMightNotExist', IsPresent: true },
        { Variable: '$.keyThatMightNotExist', StringEquals: 'foo' },
      ],
    };
    expect(evaluateChoiceRule(guarded, {}, NO_SCOPE)).toBe(false);
    const either: ChoiceRuleExpression = { Or: [{ Variable: '$.a', IsPresent: true }, { Variable: '$.missing', IsNull: true }] };
    expect(evaluateChoiceRule(either, { a: 1 }, NO_SCOPE)).toBe(true);
  });
});

describe('selectChoice', () => {
  const rules: JsonPathChoiceRule[] = [
    { Variable: '$.n', NumericEquals: 1, Next: 'One' },
    { Variable: '$.n', NumericGreaterThan: 0, Next: 'Positive' },
    { Variable: '$.missing', StringEquals: 'x', Next: 'Never' },
  ];

  it('returns the index of the first matching rule and evaluates no rule after it', () => {
    expect(selectChoice(rules, { n: 1 }, NO_SCOPE)).toBe(0);
    expect(selectChoice(rules, { n: 5 }, NO_SCOPE)).toBe(1);
  });

  it('returns -1 when nothing matches, after evaluating every rule (so their path errors fire)', () => {
    expect(selectChoice(rules.slice(0, 2), { n: -1 }, NO_SCOPE)).toBe(-1);
    expect(() => selectChoice(rules, { n: -1 }, NO_SCOPE)).toThrow(ChoicePathError);
  });
});

// ---- AWS-recorded executions ------------------------------------------------------------------

const CORPUS = fileURLToPath(new URL('../../../../../shared/conformance/sfn/cases.jsonl', import.meta.url));
const present = existsSync(CORPUS);
if (!present) console.log(`choice corpus tests skipped: ${CORPUS} is absent`);

interface Case {
  id: string;
  kind: string;
  definition_json?: string;
  input_json?: string | null;
  expected?: RecordedExpectation;
  calls_after_start?: unknown[];
}

const cases: Case[] = present
  ? readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Case)
  : [];

function runCase(c: Case): string | undefined {
  const definition = JSON.parse(c.definition_json as string) as JsonObject;
  const input = c.input_json ? (JSON.parse(c.input_json) as JsonValue) : {};
  return disagreement(walk(definition, input, { now: 0 }), c.expected ?? {});
}

describe.skipIf(!present)('AWS-recorded Choice operator matrix (execution_output cases)', () => {
  const matrix = cases.filter((c) => c.kind === 'execution_output');

  it('selects the recorded branch for every (operator, input) pair', () => {
    expect(matrix.length).toBe(491);
    const failures: string[] = [];
    for (const c of matrix) {
      const problem = runCase(c);
      if (problem !== undefined) failures.push(`${c.id}: ${problem}`);
    }
    console.log(`choice operator matrix: ${matrix.length - failures.length}/${matrix.length} recorded executions matched`);
    expect(failures).toEqual([]);
  });
});

describe.skipIf(!present)('AWS-recorded executions with Choice states', () => {
  const executions = cases.filter(
    (c) =>
      c.kind === 'execution' &&
      c.definition_json !== undefined &&
      (c.calls_after_start ?? []).length === 0 &&
      c.expected?.status !== undefined &&
      isWalkable(JSON.parse(c.definition_json) as JsonValue) &&
      c.definition_json.includes('"Choice"'),
  );

  it('has the JSONPath Choice executions', () => {
    expect(executions.length).toBeGreaterThanOrEqual(8);
    console.log(`executions with Choice states: ${executions.length} walkable`);
  });

  for (const c of executions) {
    it(c.id, () => {
      expect(runCase(c)).toBeUndefined();
    });
  }
});
