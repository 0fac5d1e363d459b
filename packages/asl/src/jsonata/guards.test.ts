import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../paths/json.js';
import { JsonataEvaluationError } from './errors.js';
import { evaluateJsonataExpression, type JsonataBindings } from './evaluate.js';
import { DEFAULT_JSONATA_LIMITS, EvaluationBudget, JsonataBoundError, resolveLimits, type JsonataLimits } from './guards.js';

const bindings: JsonataBindings = {
  states: { input: {}, context: {} },
  variables: {},
  random: { uuid: () => 'u', random: () => 0.5 },
  now: 0,
};

function run(expression: string, limits?: Partial<JsonataLimits>): Promise<JsonValue> {
  return evaluateJsonataExpression(`{% ${expression} %}`, 'Output/r', bindings, limits);
}

async function cause(expression: string, limits?: Partial<JsonataLimits>): Promise<string> {
  try {
    await run(expression, limits);
  } catch (error) {
    if (error instanceof JsonataEvaluationError) return error.cause;
    throw error;
  }
  throw new Error(`expected ${expression} to fail`);
}

const sum = (terms: number): string => Array.from({ length: terms }, () => '1').join('+');

describe('limits', () => {
  it('default to AWS-like bounds and take overrides', () => {
    expect(DEFAULT_JSONATA_LIMITS).toEqual({ maxDepth: 100, maxSteps: 2_000_000, maxValueBytes: 6_990_256 });
    expect(resolveLimits(undefined)).toBe(DEFAULT_JSONATA_LIMITS);
    expect(resolveLimits({ maxSteps: 10 })).toEqual({ ...DEFAULT_JSONATA_LIMITS, maxSteps: 10 });
  });
});

describe('the depth bound', () => {
  it('lets a 100-term sum through and stops a 101-term one (AWS refuses a 200-term sum)', async () => {
    expect(await run(sum(100))).toBe(100);
    expect(await cause(sum(101))).toBe(
      `The JSONata expression '${sum(101)}' specified for the field 'Output/r' threw an error during evaluation: Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive.`,
    );
  });

  it('stops a recursion without a base case quickly, before it eats memory', async () => {
    expect(await cause('($f := function($n){ 1 + $f($n + 1) }; $f(0))')).toContain(': Stack overflow error:');
  });

  it('allows a bounded recursion', async () => {
    expect(await run('($f := function($n){ $n <= 1 ? 1 : $n * $f($n - 1) }; $f(10))')).toBe(3628800);
  });

  it('does not add up the items of an array constructor, which jsonata evaluates concurrently', async () => {
    const items = Array.from({ length: 300 }, (_, i) => `[${i}, {"k": [${i}, ${i}]}]`).join(', ');
    expect(await run(`$count([${items}])`)).toBe(300);
    const block = `(${Array.from({ length: 300 }, (_, i) => `$a${i} := [${i}, ${i + 1}]`).join('; ')}; $a299)`;
    expect(await run(block)).toEqual([299, 300]);
  });

  it('does not add up the groups of a grouping expression, which jsonata evaluates concurrently', async () => {
    const objects = Array.from({ length: 300 }, (_, i) => `{"k": "k${i}", "v": ${i}}`).join(', ');
    const result = (await run(`[${objects}]{k: $sum(v)}`)) as Record<string, number>;
    expect(Object.keys(result)).toHaveLength(300);
    expect(result.k299).toBe(299);
  });

  it('takes its limit from the options', async () => {
    expect(await run(sum(150), { maxDepth: 200 })).toBe(150);
    expect(await cause(sum(10), { maxDepth: 5 })).toContain('Stack overflow error');
  });
});

describe('the step bound', () => {
  it('ends a tail recursion without a base case, which jsonata runs in constant depth', async () => {
    expect(await cause('($f := function($x){ $f($x + 1) }; $f(1))', { maxSteps: 20_000 })).toBe(
      "The JSONata expression '($f := function($x){ $f($x + 1) }; $f(1))' specified for the field 'Output/r' threw an error during evaluation: Expression evaluation timeout: Check for infinite loop",
    );
  });

  it('is deterministic: the same expression fails at the same step every time', async () => {
    const limits = { maxSteps: 1000 };
    const within = await run('$count($map([1..40], function($v){ $v * 2 }))', limits);
    expect(within).toBe(40);
    await expect(run('$count($map([1..400], function($v){ $v * 2 }))', limits)).rejects.toThrow('Expression evaluation timeout');
    await expect(run('$count($map([1..400], function($v){ $v * 2 }))', limits)).rejects.toThrow('Expression evaluation timeout');
  });
});

describe('the value bound', () => {
  it('accepts [1..873782] and refuses [1..873783] (measured against AWS)', async () => {
    expect(await run('$count([1..873782])')).toBe(873782);
    expect(await cause('[1..873783] ~> $count()')).toBe(
      "The JSONata expression '[1..873783] ~> $count()' specified for the field 'Output/r' threw an error during evaluation: Expression evaluation memory limit exceeded: Check for excessive memory usage",
    );
  });

  it('accepts a 2^22-character string and refuses a 2^23 one (measured against AWS)', async () => {
    const doubling = '($p := function($s, $n) { $n = 0 ? $s : $p($s & $s, $n - 1) }; $length($p("x", N)))';
    expect(await run(doubling.replace('N', '22'))).toBe(2 ** 22);
    expect(await cause(doubling.replace('N', '23'))).toContain(': Expression evaluation memory limit exceeded');
  });
});

describe('EvaluationBudget', () => {
  it('raises JsonataBoundError for a value above the bound and for an oversized reservation', () => {
    const budget = new EvaluationBudget({ ...DEFAULT_JSONATA_LIMITS, maxValueBytes: 16 }, 0);
    expect(() => budget.checkValue([1, 2])).not.toThrow();
    expect(() => budget.checkValue([1, 2, 3])).toThrow(JsonataBoundError);
    expect(() => budget.checkValue('x'.repeat(17))).toThrow(JsonataBoundError);
    expect(() => budget.reserveArray(3)).toThrow(JsonataBoundError);
  });
});
