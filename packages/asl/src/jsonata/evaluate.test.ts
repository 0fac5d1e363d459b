import { describe, expect, it } from 'vitest';
import { cloneJson, type JsonObject, type JsonValue } from '../paths/json.js';
import { JSONATA_CACHE_SIZE, compileJsonata, jsonataCacheSize } from './compile.js';
import { JsonataEvaluationError } from './errors.js';
import { evaluateJsonataExpression, evaluateJsonataTemplate, type JsonataBindings } from './evaluate.js';

function bindings(input: JsonValue = {}, variables: Record<string, JsonValue> = {}, extra: Partial<JsonataBindings> = {}): JsonataBindings {
  return {
    states: { input, context: { Execution: { Name: 'run-1' } } },
    variables,
    random: { uuid: () => 'u', random: () => 0.5 },
    now: 0,
    ...extra,
  };
}

async function failure(run: () => Promise<unknown>): Promise<JsonataEvaluationError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof JsonataEvaluationError) return error;
    throw error;
  }
  throw new Error('expected a JsonataEvaluationError');
}

describe('evaluateJsonataExpression', () => {
  it('reads $states and the workflow variables', async () => {
    const b = bindings({ items: [{ n: 3 }, { n: 9 }] }, { greeting: 'hi' });
    expect(await evaluateJsonataExpression('{% $states.input.items.n %}', 'Output', b)).toEqual([3, 9]);
    expect(await evaluateJsonataExpression('{% $greeting & " " & $states.context.Execution.Name %}', 'Output', b)).toBe('hi run-1');
  });

  it('evaluates with no context item, so $ is nothing', async () => {
    const error = await failure(() => evaluateJsonataExpression('{% $ %}', 'Output', bindings({ a: 1 })));
    expect(error.cause).toBe("The JSONata expression '$' specified for the field 'Output' returned nothing (undefined).");
  });

  it('accepts the bare expression as well as the "{% %}" string', async () => {
    expect(await evaluateJsonataExpression('1 + 2', 'Output', bindings())).toBe(3);
  });

  it('keeps a JSON null (it is a value, not nothing)', async () => {
    expect(await evaluateJsonataExpression('{% $lookup($states.input, "bar") %}', 'Output', bindings({ bar: null }))).toBeNull();
  });

  it('fails an expression that returns nothing, naming the field (recorded cause)', async () => {
    const error = await failure(() => evaluateJsonataExpression('{% $doesNotExist %}', 'Assign/result', bindings()));
    expect(error.error).toBe('States.QueryEvaluationError');
    expect(error.location).toBe('Assign/result');
    expect(error.cause).toBe(
      "The JSONata expression '$doesNotExist' specified for the field 'Assign/result' returned nothing (undefined).",
    );
  });

  it('reads an empty array through a path as an empty array', async () => {
    expect(await evaluateJsonataExpression('{% $states.input.fst %}', 'Output', bindings({ fst: [] }))).toEqual([]);
  });

  it('reports a JSONata error with its code (recorded: T1006 for an unknown function)', async () => {
    const error = await failure(() =>
      evaluateJsonataExpression('{% $randomSeeded($states.input.FunctionInput.fst) %}', 'Output/FunctionResult', bindings({ FunctionInput: 'fst' })),
    );
    expect(error.cause).toBe(
      "The JSONata expression '$randomSeeded($states.input.FunctionInput.fst)' specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function",
    );
  });

  it('reports an expression that does not parse with the parser code', async () => {
    const error = await failure(() => evaluateJsonataExpression('{% 1 + %}', 'Output', bindings()));
    expect(error.cause).toBe(
      "The JSONata expression '1 +' specified for the field 'Output' threw an error during evaluation. S0207: Unexpected end of expression",
    );
  });

  it('reports a function result as an unsupported result type (recorded for Items)', async () => {
    const error = await failure(() => evaluateJsonataExpression('{% $fn := function($x){$x} %}', 'Items', bindings()));
    expect(error.cause).toBe(
      "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.",
    );
    await expect(evaluateJsonataExpression('{% {"f": $uppercase} %}', 'Output', bindings())).rejects.toThrow(
      'returned an unsupported result type.',
    );
    await expect(evaluateJsonataExpression('{% /ab+/ %}', 'Output', bindings())).rejects.toThrow('returned an unsupported result type.');
  });

  it('writes non-finite numbers as strings (measured: [1/0] is ["Infinity"])', async () => {
    expect(await evaluateJsonataExpression('{% [1/0] %}', 'Output', bindings())).toEqual(['Infinity']);
    expect(await evaluateJsonataExpression("{% {'k': 1/0} %}", 'Output', bindings())).toEqual({ k: 'Infinity' });
    expect(await evaluateJsonataExpression('{% -1/0 %}', 'Output', bindings())).toBe('-Infinity');
  });

  it('writes large whole numbers in full through $string (measured: $string(1e20))', async () => {
    expect(await evaluateJsonataExpression('{% $string(1e20) %}', 'Output', bindings())).toBe('100000000000000000000');
  });

  it('lets $states win over a workflow variable of the same name', async () => {
    const b = bindings({ a: 1 }, { states: 'shadow' });
    expect(await evaluateJsonataExpression('{% $states.input.a %}', 'Output', b)).toBe(1);
  });

  it('never mutates its inputs and never returns objects shared with them', async () => {
    const input: JsonObject = { list: [3, 1, 2], nested: { a: [1, { b: 2 }] }, keep: 'x' };
    const variables: Record<string, JsonValue> = { arr: [5, 4], obj: { k: 'v' } };
    const before = cloneJson({ input, variables: variables as JsonObject });
    const b = bindings(input, variables);
    const expressions = [
      '$sort($states.input.list)',
      '$reverse($states.input.list)',
      '$append($states.input.list, $arr)',
      '$merge([$states.input.nested, $obj])',
      '$states.input ~> |nested|{"a": "changed"}|',
      '$shuffle($arr)',
      '$distinct($states.input.list)',
      '$spread($obj)',
      '$states.input',
    ];
    for (const expression of expressions) {
      const result = await evaluateJsonataExpression(`{% ${expression} %}`, 'Output', b);
      if (expression === '$states.input') {
        expect(result).toEqual(input);
        expect(result).not.toBe(input);
        (result as JsonObject).keep = 'mutated by the caller';
      }
    }
    expect({ input, variables }).toEqual(before);
  });

  it('keeps concurrent evaluations of one cached expression apart', async () => {
    const text = '{% [$millis(), $states.input.v, $uuid()] %}';
    const runs = await Promise.all(
      [1, 2, 3].map((i) =>
        evaluateJsonataExpression(text, 'Output', bindings({ v: i }, {}, { now: i * 1000, random: { uuid: () => `u${i}`, random: () => 0 } })),
      ),
    );
    expect(runs).toEqual([
      [1000, 1, 'u1'],
      [2000, 2, 'u2'],
      [3000, 3, 'u3'],
    ]);
  });
});

describe('the compile cache', () => {
  it('compiles each distinct expression text once', () => {
    const first = compileJsonata('$states.input.cached + 1');
    expect(compileJsonata('$states.input.cached + 1')).toBe(first);
  });

  it('stays within its bound, dropping the least recently used text', () => {
    const kept = compileJsonata('$kept');
    for (let i = 0; i < JSONATA_CACHE_SIZE + 10; i++) {
      compileJsonata(`$v${i}`);
      if (i % 100 === 0) compileJsonata('$kept');
    }
    expect(jsonataCacheSize()).toBe(JSONATA_CACHE_SIZE);
    expect(compileJsonata('$kept')).toBe(kept);
  });
});

describe('evaluateJsonataTemplate', () => {
  it('evaluates every expression string at any depth and copies everything else', async () => {
    const template: JsonValue = {
      constant_null: null,
      constant_int: 0,
      constant_float: 0.1,
      constant_bool: true,
      constant_str: 'constant string',
      constant_not_jsonata: ' {% states.input %} ',
      constant_varpath_states: '$states.input',
      expr: '{% $states.input.a %}',
      list: [1, '{% $states.input.a * 2 %}', { deep: '{% $x %}' }],
    };
    expect(await evaluateJsonataTemplate(template, 'Output', bindings({ a: 21 }, { x: 'X' }))).toEqual({
      constant_null: null,
      constant_int: 0,
      constant_float: 0.1,
      constant_bool: true,
      constant_str: 'constant string',
      constant_not_jsonata: ' {% states.input %} ',
      constant_varpath_states: '$states.input',
      expr: 21,
      list: [1, 42, { deep: 'X' }],
    });
  });

  it('evaluates a whole-field expression with the field name as location', async () => {
    expect(await evaluateJsonataTemplate('{% $states.input %}', 'Arguments', bindings([1]))).toEqual([1]);
  });

  it('names nested fields "<field>/<key>" (recorded: Output/result, Arguments/FunctionName)', async () => {
    const error = await failure(() =>
      evaluateJsonataTemplate({ FunctionName: '{% $doesNotExist %}' }, 'Arguments', bindings()),
    );
    expect(error.location).toBe('Arguments/FunctionName');
    expect(error.cause).toBe(
      "The JSONata expression '$doesNotExist' specified for the field 'Arguments/FunctionName' returned nothing (undefined).",
    );
  });

  it('names array items "<field>[<index>]"', async () => {
    const error = await failure(() => evaluateJsonataTemplate({ w: [1, '{% $nope %}'] }, 'Output', bindings()));
    expect(error.location).toBe('Output/w[1]');
  });

  it('reports the first failure in document order', async () => {
    const error = await failure(() => evaluateJsonataTemplate({ a: '{% $first %}', b: '{% $second %}' }, 'Assign', bindings()));
    expect(error.location).toBe('Assign/a');
  });

  it('returns a fresh copy of literal members', async () => {
    const template = { obj: { a: [1] } };
    const result = (await evaluateJsonataTemplate(template, 'Output', bindings())) as typeof template;
    expect(result).toEqual(template);
    expect(result.obj).not.toBe(template.obj);
  });
});
