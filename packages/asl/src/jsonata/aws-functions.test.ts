// The Step Functions additions to JSONata and the replaced built-ins, through the evaluator.
// "recorded" = the conformance corpus; "measured" = AWS answers quoted in floci-io/floci issues.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../paths/json.js';
import { seededRandomDouble } from './aws-functions.js';
import { JsonataEvaluationError } from './errors.js';
import { evaluateJsonataExpression, type JsonataBindings } from './evaluate.js';

const NOW = Date.UTC(2024, 10, 22, 13, 45, 30, 123);

function bindings(input: JsonValue = {}, extra: Partial<JsonataBindings> = {}): JsonataBindings {
  return {
    states: { input, context: {} },
    variables: {},
    random: { uuid: () => '11111111-2222-4333-8444-555555555555', random: () => 0.25 },
    now: NOW,
    ...extra,
  };
}

function run(expression: string, input: JsonValue = {}, extra: Partial<JsonataBindings> = {}): Promise<JsonValue> {
  return evaluateJsonataExpression(`{% ${expression} %}`, 'Output', bindings(input, extra));
}

async function cause(expression: string, input: JsonValue = {}): Promise<string> {
  try {
    await run(expression, input);
  } catch (error) {
    if (error instanceof JsonataEvaluationError) return error.cause;
    throw error;
  }
  throw new Error(`expected ${expression} to fail`);
}

describe('$partition', () => {
  it('cuts an array into chunks of the size, the last one shorter (recorded matrix)', async () => {
    const cases: [number[], number, JsonValue][] = [
      [[0, 1], 1, [[0], [1]]],
      [[0, 1, 2], 2, [[0, 1], [2]]],
      [[0, 1, 2], 3, [[0, 1, 2]]],
      [[0, 1, 2, 3], 3, [[0, 1, 2], [3]]],
      [[0, 1, 2, 3], 5, [[0, 1, 2, 3]]],
    ];
    for (const [fst, snd, expected] of cases) {
      expect(await run('$partition($states.input.fst, $states.input.snd)', { fst, snd })).toEqual(expected);
    }
  });

  it('wraps a single value like any JSONata array parameter (recorded: [0] read through a path gives [[0]])', async () => {
    expect(await run('$partition($states.input.fst, 1)', { fst: [0] })).toEqual([[0]]);
    expect(await run('$partition(7, 3)')).toEqual([[7]]);
  });

  it('returns nothing for an empty array (AWS fails it; the recorded suite leaves it out for that reason)', async () => {
    expect(await cause('$partition($states.input.fst, 2)', { fst: [] })).toBe(
      "The JSONata expression '$partition($states.input.fst, 2)' specified for the field 'Output' returned nothing (undefined).",
    );
  });

  it('truncates a fractional size toward zero', async () => {
    expect(await run('$partition([1, 2, 3], 2.9)')).toEqual([[1, 2], [3]]);
  });

  it('raises on a size below 1 (measured: $partition(a, -1) fails the state)', async () => {
    expect(await cause('$partition([1, 2], -1)')).toBe(
      "The JSONata expression '$partition([1, 2], -1)' specified for the field 'Output' threw an error during evaluation: The size argument of $partition must be a positive integer, but was -1",
    );
    await expect(run('$partition([1, 2], 0.5)')).rejects.toThrow(JsonataEvaluationError);
  });

  it("refuses a non-number size with JSONata's own signature error", async () => {
    expect(await cause('$partition([1], "a")')).toBe(
      "The JSONata expression '$partition([1], \"a\")' specified for the field 'Output' threw an error during evaluation. T0410: Argument 2 of function \"partition\" does not match function signature",
    );
  });
});

describe('$range', () => {
  it('includes the end when the step lands on it (recorded: $range(0,9,3) and $range(1,9,2))', async () => {
    expect(await run('$range(0, 9, 3)')).toEqual([0, 3, 6, 9]);
    expect(await run('$range(0, 10, 3)')).toEqual([0, 3, 6, 9]);
    expect(await run('$range(1, 9, 2)')).toEqual([1, 3, 5, 7, 9]);
  });

  it('collapses a single item to the item, as a JSONata sequence does (recorded: $range(1,9,9) is 1)', async () => {
    expect(await run('$range(1, 9, 9)')).toBe(1);
  });

  it('counts down with a negative step', async () => {
    expect(await run('$range(1, -5, -1)')).toEqual([1, 0, -1, -2, -3, -4, -5]);
  });

  it('truncates its arguments toward zero (measured: $range(-1.7, 2, 1) is [-1,0,1,2])', async () => {
    expect(await run('$range(-1.7, 2, 1)')).toEqual([-1, 0, 1, 2]);
    expect(await run('$range(0, 4.9, 2.5)')).toEqual([0, 2, 4]);
  });

  it('returns nothing for a zero step or a step pointing away from the end', async () => {
    expect(await cause('$range(1, 9, 0)')).toBe(
      "The JSONata expression '$range(1, 9, 0)' specified for the field 'Output' returned nothing (undefined).",
    );
    await expect(run('$range(5, 1, 1)')).rejects.toThrow('returned nothing (undefined).');
  });

  it('has no item cap of its own (measured: $count($range(1, 200000, 1)) is 200000)', async () => {
    expect(await run('$count($range(1, 200000, 1))')).toBe(200000);
  });

  it('refuses before building a range beyond the value bound', async () => {
    expect(await cause('$range(0, 1e15, 1)')).toBe(
      "The JSONata expression '$range(0, 1e15, 1)' specified for the field 'Output' threw an error during evaluation: Expression evaluation memory limit exceeded: Check for excessive memory usage",
    );
  });
});

describe('$hash', () => {
  it('hashes with each supported algorithm to lower-case hex (measured: SHA-1 of "input")', async () => {
    expect(await run('$hash("input", "SHA-1")')).toBe('140f86aae51ab9e1cda9b4254fe98a74eb54c1a1');
    expect(await run('$hash("abc", "MD5")')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(await run('$hash("abc", "SHA-256")')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await run('$hash("abc", "SHA-384")')).toBe(createHash('sha384').update('abc').digest('hex'));
    expect(await run('$hash("abc", "SHA-512")')).toBe(createHash('sha512').update('abc').digest('hex'));
  });

  it('hashes the UTF-8 bytes of the text', async () => {
    expect(await run('$hash("é", "MD5")')).toBe(createHash('md5').update('é', 'utf8').digest('hex'));
  });

  it('takes algorithm names in their exact case only', async () => {
    expect(await cause('$hash("abc", "sha-256")')).toBe(
      "The JSONata expression '$hash(\"abc\", \"sha-256\")' specified for the field 'Output' threw an error during evaluation: The algorithm argument of $hash must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, but was sha-256",
    );
  });
});

describe('$random', () => {
  it('is java.util.Random(seed).nextDouble() when seeded (measured: $random(42) is 0.7275636800328681)', async () => {
    expect(await run('$random(42)')).toBe(0.7275636800328681);
    expect(await run('$random(42)')).toBe(0.7275636800328681);
    expect(seededRandomDouble(0)).toBe(0.730967787376657);
    expect(seededRandomDouble(-1)).toBe(0.26894263088050496);
  });

  it('reads a fractional seed as a Java long (truncated)', async () => {
    expect(await run('$random(42.9)')).toBe(0.7275636800328681);
  });

  it('takes an unseeded value from the RandomSource instead of Math.random', async () => {
    expect(await run('$random()')).toBe(0.25);
  });
});

describe('$uuid', () => {
  it('comes from the RandomSource', async () => {
    expect(await run('$uuid()')).toBe('11111111-2222-4333-8444-555555555555');
  });
});

describe('$parse', () => {
  it('parses JSON text of every kind (recorded inputs)', async () => {
    const cases: [string, JsonValue][] = [
      ['-0', 0],
      ['1', 1],
      ['1.1', 1.1],
      ['true', true],
      ['"HelloWorld"', 'HelloWorld'],
      ['[1, 2, "HelloWorld"]', [1, 2, 'HelloWorld']],
      ['{"Arg1": 1, "Arg2": []}', { Arg1: 1, Arg2: [] }],
    ];
    for (const [text, expected] of cases) {
      expect(await run('$parse($states.input.FunctionInput)', { FunctionInput: text })).toEqual(expected);
    }
  });

  it('lets the parsed value be navigated (measured: $parse("{\\"a\\":1}").a is 1)', async () => {
    expect(await run('$parse($states.input.s).a', { s: '{"a":1}' })).toBe(1);
  });

  it('fails the state on text that is not JSON', async () => {
    expect(await cause('$parse("{oops")')).toBe(
      "The JSONata expression '$parse(\"{oops\")' specified for the field 'Output' threw an error during evaluation: The argument of $parse is not a valid JSON string: {oops",
    );
  });
});

describe('$eval', () => {
  it('is removed: calling it fails like any unknown function (measured: T1006)', async () => {
    expect(await cause('$eval("1+1")')).toBe(
      "The JSONata expression '$eval(\"1+1\")' specified for the field 'Output' threw an error during evaluation. T1006: Attempted to invoke a non-function",
    );
  });
});

describe('$now and $millis', () => {
  it('report the bindings time, not the clock', async () => {
    expect(await run('$millis()')).toBe(NOW);
    expect(await run('$now()')).toBe('2024-11-22T13:45:30.123Z');
  });

  it('format $now with a picture and a timezone as $fromMillis does', async () => {
    expect(await run("$now('[Y0001]-[M01]-[D01]')")).toBe('2024-11-22');
    expect(await run("$now('[H01]:[m01]', '+0200')")).toBe('15:45');
  });

  it('agree within one evaluation and follow the time of each', async () => {
    expect(await run('$millis() = $toMillis($now())')).toBe(true);
    expect(await run('$millis()', {}, { now: 0 })).toBe(0);
  });

  it('fill the date parts a $toMillis picture leaves out from the bindings time', async () => {
    expect(await run("$toMillis('10:00', '[H]:[m]')")).toBe(Date.UTC(2024, 10, 22, 10, 0));
  });
});

describe('$shuffle', () => {
  it('draws from the RandomSource, so the same source gives the same order', async () => {
    const draws = [0.9, 0.1, 0.5, 0.7];
    const source = () => {
      let i = 0;
      return { uuid: () => 'u', random: () => draws[i++ % draws.length] as number };
    };
    const first = await run('$shuffle([1, 2, 3, 4])', {}, { random: source() });
    const second = await run('$shuffle([1, 2, 3, 4])', {}, { random: source() });
    expect(first).toEqual(second);
    expect([...(first as number[])].sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('$formatNumber', () => {
  it('formats as JSONata does', async () => {
    expect(await run('$formatNumber(1234.5, "#,##0.00")')).toBe('1,234.50');
  });

  it('answers a picture without any active character with D3086 where jsonata 2.0.6 crashes (measured)', async () => {
    expect(await cause('$formatNumber(1, "x")')).toBe(
      "The JSONata expression '$formatNumber(1, \"x\")' specified for the field 'Output' threw an error during evaluation. D3086: The sub-picture must not contain a passive character that is preceded by an active character and that is followed by another active character",
    );
  });
});
