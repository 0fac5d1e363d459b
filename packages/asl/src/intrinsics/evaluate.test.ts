// Intrinsic functions against recorded AWS behaviour. Two sources:
//  - cases.jsonl (LocalStack's AWS-recorded snapshots): cited by test name, e.g. "test_math_add#exec_hist_resp_3";
//  - AWS runs recorded in gabrielmoreira/tiny-asl-machine tests/conformance/cases/.snapshots/aws/
//    (third-party recordings): cited as "tiny-asl <snapshot>".

import { describe, expect, it } from 'vitest';
import {
  IntrinsicEvaluationError,
  IntrinsicPathError,
  StatesError,
} from '../paths/errors.js';
import type { JsonValue } from '../paths/json.js';
import { evaluateIntrinsic, type IntrinsicScope } from './evaluate.js';
import { parseFormatTemplate } from './functions.js';

const random = { uuid: () => '00000000-0000-4000-8000-000000000001', random: () => 0.999999 };

function run(expression: string, input: JsonValue = {}, extra: Partial<IntrinsicScope> = {}): JsonValue {
  return evaluateIntrinsic(expression, { input, random, ...extra });
}

function failure(expression: string, input: JsonValue = {}, extra: Partial<IntrinsicScope> = {}): StatesError {
  try {
    run(expression, input, extra);
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error(`expected ${expression} to fail`);
}

function invalidArguments(expression: string, input: JsonValue = {}): void {
  const error = failure(expression, input);
  const name = /^States\.\w+/.exec(expression)?.[0] ?? '';
  expect(error, expression).toBeInstanceOf(IntrinsicEvaluationError);
  expect(error.error).toBe('States.Runtime');
  expect(error.cause).toBe(
    `There was an error while evaluating the intrinsic function: ${expression}. Invalid arguments in ${name}`,
  );
}

describe('States.Format', () => {
  it('fills placeholders with strings and Java renderings (test_format_1, test_format_2)', () => {
    const f = "States.Format('Formatting arguments fst={} and snd={}.', $.fst, $.snd)";
    expect(run(f, { fst: '', snd: '' })).toBe('Formatting arguments fst= and snd=.');
    expect(run(f, { fst: null, snd: null })).toBe('Formatting arguments fst=null and snd=null.');
    expect(run(f, { fst: 1.1, snd: 1 })).toBe('Formatting arguments fst=1.1 and snd=1.');
    expect(run(f, { fst: '{"Arg1": 1, "Arg2": []}', snd: ' ' })).toBe(
      'Formatting arguments fst={"Arg1": 1, "Arg2": []} and snd= .',
    );
    expect(run(f, { fst: { Arg1: 1, Arg2: [] }, snd: { Arg1: 1, Arg2: [] } })).toBe(
      'Formatting arguments fst={Arg1=1, Arg2=[]} and snd={Arg1=1, Arg2=[]}.',
    );
  });

  it('prints a context object as a Java map (test_context_json_path)', () => {
    const context = { StateMachine: { Id: 'arn:aws:states:us-east-1:111111111111:stateMachine:sm', Name: 'sm' }, Execution: { Name: 'ex' } };
    expect(
      run("States.Format('Formatting arguments fst={} and snd={}.', $$.Execution.Name, $$.StateMachine)", {}, { context }),
    ).toBe('Formatting arguments fst=ex and snd={Id=arn:aws:states:us-east-1:111111111111:stateMachine:sm, Name=sm}.');
  });

  it('takes the template from a path or variable (MAP_STATE_REFERENCE_IN_INTRINSIC_FUNCTION)', () => {
    expect(
      run('States.Format($AnswerTemplate, $$.Map.Item.Value)', {}, {
        variables: { AnswerTemplate: "It's {}!" },
        context: { Map: { Item: { Value: 'Pikachu' } } },
      }),
    ).toBe("It's Pikachu!");
  });

  it('honours escaped braces and quotes in a literal template', () => {
    expect(run("States.Format('\\{\\} {} \\'q\\' \\\\', 1)")).toBe("{} 1 'q' \\");
    expect(run("States.Format('no placeholders')")).toBe('no placeholders');
    expect(run("States.Format('  {}  ', 'x')")).toBe('  x  ');
  });

  it('renders a nested StringToJson result as JSON text', () => {
    expect(run("States.Format('{}', States.StringToJson($.j))", { j: '"x"' })).toBe('"x"');
    expect(run("States.Format('{}', States.JsonToString($.o))", { o: { k: 1 } })).toBe('{"k":1}');
  });

  it('refuses malformed templates with AWS wording (tiny-asl States.Format-018/019/020)', () => {
    expect(failure("States.Format('Hello {', $.a)", { a: 'x' }).cause).toBe(
      "There was an error while evaluating the intrinsic function: States.Format('Hello {', $.a). Invalid template in States.Format: matching '}' not found for '{'.",
    );
    expect(failure("States.Format('Hello {{}}', $.a)", { a: 'x' }).cause).toBe(
      "There was an error while evaluating the intrinsic function: States.Format('Hello {{}}', $.a). Invalid template in States.Format: matching '}' not found for '{'.",
    );
    expect(failure("States.Format('}')").cause).toBe(
      "There was an error while evaluating the intrinsic function: States.Format('}'). Invalid template in States.Format: matching '{' not found for '}'.",
    );
  });

  it('refuses a placeholder count mismatch and a non-string template', () => {
    invalidArguments("States.Format('{} {}', 'x')");
    invalidArguments("States.Format('{}', 'x', 'y')");
    invalidArguments('States.Format($.t)', { t: 123 });
    invalidArguments('States.Format()');
  });

  it('splits templates', () => {
    expect(parseFormatTemplate('a{}b\\{c')).toEqual([{ text: 'a' }, { placeholder: true }, { text: 'b{c' }]);
  });
});

describe('States.StringToJson / States.JsonToString / States.JsonMerge', () => {
  it('parses JSON text (test_string_to_json#exec_hist_resp_0..9)', () => {
    const f = 'States.StringToJson($.s)';
    expect(run(f, { s: '' })).toBeNull();
    expect(run(f, { s: ' ' })).toBeNull();
    expect(run(f, { s: 'null' })).toBeNull();
    expect(Object.is(run(f, { s: '-0' }), 0)).toBe(true);
    expect(run(f, { s: '1' })).toBe(1);
    expect(run(f, { s: '1.1' })).toBe(1.1);
    expect(run(f, { s: 'true' })).toBe(true);
    expect(run(f, { s: '"HelloWorld"' })).toBe('HelloWorld');
    expect(run(f, { s: '[1, 2, "HelloWorld"]' })).toEqual([1, 2, 'HelloWorld']);
    expect(run(f, { s: '{"Arg1": 1, "Arg2": []}' })).toEqual({ Arg1: 1, Arg2: [] });
    expect(run(f, { s: ' {"a":1} ' })).toEqual({ a: 1 });
  });

  it('reports Jackson parse errors (tiny-asl States.StringToJson-011/012/014)', () => {
    const prefix = 'There was an error while evaluating the intrinsic function: States.StringToJson($.json). Cannot convert String to Json in States.StringToJson, caused by: ';
    const loc = (column: number): string =>
      `\n at [Source: REDACTED (\`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION\` disabled); line: 1, column: ${column}]`;
    expect(failure('States.StringToJson($.json)', { json: '{bad json}' }).cause).toBe(
      `${prefix}Unexpected character ('b' (code 98)): was expecting double-quote to start field name${loc(2)}`,
    );
    expect(failure('States.StringToJson($.json)', { json: '{"a":1' }).cause).toBe(
      `${prefix}Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED (\`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION\` disabled); line: 1, column: 1])${loc(7)}`,
    );
    expect(failure('States.StringToJson($.json)', { json: 'undefined' }).cause).toBe(
      `${prefix}Unrecognized token 'undefined': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')${loc(10)}`,
    );
  });

  it('refuses non-strings and wrong arity (tiny-asl States.StringToJson-015/018)', () => {
    invalidArguments('States.StringToJson($.json)', { json: 123 });
    invalidArguments('States.StringToJson($.json)', { json: { a: 1 } });
    invalidArguments('States.StringToJson()');
    invalidArguments('States.StringToJson($.a, $.b)', { a: '{}', b: 'x' });
  });

  it('serializes compactly (test_json_to_string#exec_hist_resp_0..7)', () => {
    const f = 'States.JsonToString($.v)';
    expect(run(f, { v: null })).toBe('null');
    expect(run(f, { v: 0 })).toBe('0');
    expect(run(f, { v: 1.1 })).toBe('1.1');
    expect(run(f, { v: true })).toBe('true');
    expect(run(f, { v: 'HelloWorld' })).toBe('"HelloWorld"');
    expect(run(f, { v: [1, 2, 'HelloWorld'] })).toBe('[1,2,"HelloWorld"]');
    expect(run(f, { v: { Arg1: 1, Arg2: [] } })).toBe('{"Arg1":1,"Arg2":[]}');
    expect(run("States.JsonToString('x')")).toBe('"x"');
    invalidArguments('States.JsonToString()');
  });

  it('merges shallowly, right side wins (test_json_merge#exec_hist_resp_0)', () => {
    expect(
      run('States.JsonMerge($.fst, $.snd, false)', {
        fst: { a: { a1: 1, a2: 2 }, b: 2, d: 3 },
        snd: { a: { a3: 1, a4: 2 }, c: 3, d: 4 },
      }),
    ).toEqual({ a: { a3: 1, a4: 2 }, b: 2, c: 3, d: 4 });
  });

  it('merges objects built by StringToJson (test_json_merge_escaped_argument)', () => {
    expect(
      run(
        'States.JsonMerge(States.StringToJson(\'{"constant_in_literal": "false"}\'), $$.Execution.Input.input_field, false)',
        {},
        { context: { Execution: { Input: { input_field: { constant_input_field: 'constant_value' } } } } },
      ),
    ).toEqual({ constant_in_literal: 'false', constant_input_field: 'constant_value' });
  });

  it('refuses deep merge and non-objects; a non-boolean flag means shallow', () => {
    invalidArguments('States.JsonMerge($.a, $.b, true)', { a: {}, b: {} });
    invalidArguments('States.JsonMerge($.a, $.b, false)', { a: null, b: {} });
    invalidArguments('States.JsonMerge($.a, $.b, false)', { a: [], b: {} });
    invalidArguments('States.JsonMerge($.a, $.b)', { a: {}, b: {} });
    expect(run('States.JsonMerge($.a, $.b, $.deep)', { a: { x: 1 }, b: { y: 2 }, deep: 'false' })).toEqual({ x: 1, y: 2 });
  });

  it('keeps __proto__ keys as data', () => {
    const input = JSON.parse('{"a": {"__proto__": {"polluted": true}}, "b": {"x": 1}}') as JsonValue;
    const merged = run('States.JsonMerge($.a, $.b, false)', input) as Record<string, unknown>;
    expect(Object.keys(merged)).toEqual(['__proto__', 'x']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('array functions', () => {
  it('States.Array (test_array_0, test_array_2)', () => {
    expect(run('States.Array()')).toEqual([]);
    expect(run('States.Array($.a, $.b)', { a: { Arg1: 1 }, b: null })).toEqual([{ Arg1: 1 }, null]);
    expect(run("States.Array(42, true, null, 'hello', States.Array(2, 3))")).toEqual([42, true, null, 'hello', [2, 3]]);
  });

  it('States.ArrayPartition (test_array_partition#exec_hist_resp_0..24)', () => {
    const f = 'States.ArrayPartition($.arr, $.n)';
    expect(run(f, { arr: [], n: 1 })).toEqual([]);
    expect(run(f, { arr: [0], n: 5 })).toEqual([[0]]);
    expect(run(f, { arr: [0, 1, 2], n: 2 })).toEqual([[0, 1], [2]]);
    expect(run(f, { arr: [0, 1, 2, 3], n: 3 })).toEqual([[0, 1, 2], [3]]);
    expect(run(f, { arr: [0, 1, 2, 3], n: 1 })).toEqual([[0], [1], [2], [3]]);
    // tiny-asl States.ArrayPartition-009: fractions are truncated.
    expect(run(f, { arr: [1, 2, 3, 4, 5], n: 2.4 })).toEqual([[1, 2], [3, 4], [5]]);
    expect(run(f, { arr: [1, 2, 3], n: 2147483647 })).toEqual([[1, 2, 3]]);
  });

  it('States.ArrayPartition refuses bad sizes (tiny-asl States.ArrayPartition-011..019)', () => {
    for (const n of [0, -1, 0.49, -0.4, -0.6]) invalidArguments(`States.ArrayPartition($.arr, ${n})`, { arr: [1, 2, 3] });
    invalidArguments("States.ArrayPartition('not-array', 2)");
    invalidArguments("States.ArrayPartition($.arr, '2')", { arr: [1] });
    invalidArguments('States.ArrayPartition($.arr, null)', { arr: [1] });
    invalidArguments('States.ArrayPartition($.arr)', { arr: [1] });
    invalidArguments('States.ArrayPartition($.arr, 2, 999)', { arr: [1] });
  });

  it('States.ArrayContains (test_array_contains#exec_hist_resp_0..8)', () => {
    const f = 'States.ArrayContains($.a, $.v)';
    expect(run(f, { a: [], v: null })).toBe(false);
    expect(run(f, { a: [], v: [] })).toBe(false);
    expect(run(f, { a: [[1, 2, 3], 2], v: null })).toBe(false);
    expect(run(f, { a: [[1, 2, 3], 2], v: [1, 2, 3] })).toBe(true);
    expect(run(f, { a: [{ '1': 2, '2': [] }], v: [] })).toBe(false);
    expect(run(f, { a: [{ '1': 2, '2': [] }], v: { '1': 2, '2': [] } })).toBe(true);
    expect(run(f, { a: [true, false], v: false })).toBe(true);
  });

  it('States.ArrayContains compares Java texts (tiny-asl States.ArrayContains-004/006/012/018/019/021)', () => {
    const f = 'States.ArrayContains($.a, $.v)';
    expect(run(f, { a: [1, null, 3], v: null })).toBe(true);
    expect(run(f, { a: [{ a: 1, b: 2 }], v: { b: 2, a: 1 } })).toBe(false);
    expect(run(f, { a: [{ a: 1 }], v: { a: 1, extra: null } })).toBe(false);
    expect(run(f, { a: [0, 1, -1, -1.5], v: false })).toBe(false);
    expect(run(f, { a: ['-1', '9007199254740991'], v: 9007199254740991 })).toBe(true);
    expect(run(f, { a: ['true', 'false'], v: true })).toBe(true);
    invalidArguments("States.ArrayContains('not-array', 'x')");
    invalidArguments('States.ArrayContains($.arr)', { arr: [1, 2, 3] });
    invalidArguments('States.ArrayContains($.arr, 2, 999)', { arr: [1, 2, 3] });
  });

  it('States.ArrayRange (test_array_range#exec_hist_resp_0..3; tiny-asl States.ArrayRange-*)', () => {
    const f = 'States.ArrayRange($.a, $.b, $.c)';
    expect(run(f, { a: 0, b: 9, c: 3 })).toEqual([0, 3, 6, 9]);
    expect(run(f, { a: 0, b: 10, c: 3 })).toEqual([0, 3, 6, 9]);
    expect(run(f, { a: 1, b: 9, c: 9 })).toEqual([1]);
    expect(run(f, { a: 1, b: 9, c: 2 })).toEqual([1, 3, 5, 7, 9]);
    expect(run('States.ArrayRange(5, 1, -2)')).toEqual([5, 3, 1]);
    expect(run('States.ArrayRange(3, 3, -1)')).toEqual([3]);
    expect(run('States.ArrayRange(5, 1, 1)')).toEqual([]);
    expect(run('States.ArrayRange(1, 5, -1)')).toEqual([]);
    expect(run('States.ArrayRange(1.4, 5.6, 2.2)')).toEqual([1, 3, 5]);
    expect(run('States.ArrayRange(1.6, 1.4, 1)')).toEqual([1]);
    expect(run('States.ArrayRange(5.4, -0.6, -2.4)')).toEqual([5, 3, 1]);
    expect(run('States.ArrayRange(1, 1000, 1)')).toHaveLength(1000);
    expect(run('States.ArrayRange(1000, 1, -1)')).toHaveLength(1000);
    for (const args of ["'a', 5, 1", "1, 'b', 1", "1, 5, 'c'", '1, 10, 0', '1, 10, 0.49', '1, 1001, 1', '1001, 1, -1', '1, 5', '1, 5, 1, 99']) {
      invalidArguments(`States.ArrayRange(${args})`);
    }
  });

  it('States.ArrayGetItem (test_array_get_item; tiny-asl States.ArrayGetItem-*)', () => {
    expect(run('States.ArrayGetItem($.a, $.i)', { a: [1, 2, 3, 4, 5, 6, 7, 8, 9], i: 5 })).toBe(6);
    expect(run("States.ArrayGetItem(States.Array('x', 'y', 'z'), 1)")).toBe('y');
    expect(run('States.ArrayGetItem($.a, 1.2)', { a: [10, 20, 30] })).toBe(20);
    expect(run('States.ArrayGetItem($.a, 999)', { a: [] })).toBeNull();
    expect(run('States.ArrayGetItem($.a, 0)', { a: [null] })).toBeNull();
    invalidArguments('States.ArrayGetItem($.arr, 3)', { arr: [10, 20, 30] });
    invalidArguments('States.ArrayGetItem($.arr, -1)', { arr: [10, 20, 30] });
    invalidArguments("States.ArrayGetItem($.arr, '1')", { arr: [10, 20, 30] });
    invalidArguments("States.ArrayGetItem('not-array', 0)");
  });

  it('nests (test_nested_calls_1, test_nested_calls_2)', () => {
    const context = { StateMachine: { Name: 'statemachine_create_and_record_execution_3f79474e' } };
    expect(run("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)", {}, { context })).toBe(
      'statemachine_create_and_record_execution_3f79474e',
    );
    expect(
      run(
        "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))",
        {},
        { context: { StateMachine: { Name: 'a-b-c' } } },
      ),
    ).toBe('c');
  });

  it('States.ArrayLength (test_array_length, test_array_unique)', () => {
    expect(run('States.ArrayLength($.a)', { a: [1, 2, 3, 4, 5, 6, 7, 8, 9] })).toBe(9);
    expect(run('States.ArrayLength(States.Array())')).toBe(0);
    invalidArguments("States.ArrayLength('not-array')");
    invalidArguments('States.ArrayLength($.obj)', { obj: { k: 1 } });
  });

  it('reports the whole expression when a nested call fails (tiny-asl Feature.IntrinsicComposition-003)', () => {
    expect(failure('States.ArrayLength(States.JsonToString($.items))', { items: [1, 2, 3] }).cause).toBe(
      'There was an error while evaluating the intrinsic function: States.ArrayLength(States.JsonToString($.items)). Invalid arguments in States.ArrayLength',
    );
  });

  it('States.ArrayUnique keeps java.util.HashSet order (tiny-asl States.ArrayUnique-*)', () => {
    const f = 'States.ArrayUnique($.a)';
    expect(run(f, { a: [1, 2, 3, 3, 3, 4] })).toEqual([1, 2, 3, 4]);
    expect(run(f, { a: ['a', 'b', 'a', 'c', 'b'] })).toEqual(['a', 'b', 'c']);
    expect(run(f, { a: [true, false, true, false] })).toEqual([false, true]);
    expect(run(f, { a: [null, null, 1, null] })).toEqual([null, 1]);
    expect(run(f, { a: [1, '1', 1.0, '01'] })).toEqual([1, '1', '01']);
    expect(run(f, { a: [{ a: 1, b: 2 }, { b: 2, a: 1 }] })).toEqual([{ a: 1, b: 2 }]);
    expect(run(f, { a: [[1, 2], [1, 2], [2, 1]] })).toEqual([[2, 1], [1, 2]]);
    expect(run(f, { a: [{ nested: { x: 1 } }, { nested: { x: 1 } }] })).toEqual([{ nested: { x: 1 } }]);
    expect(run('States.ArrayUnique(States.Array(1,1,2,2,3))')).toEqual([1, 2, 3]);
    invalidArguments("States.ArrayUnique('not-array')");
    invalidArguments('States.ArrayUnique($.obj)', { obj: { a: 1 } });
  });
});

describe('encoding and hashing', () => {
  it('Base64 (test_base_64_encode, test_base_64_decode; tiny-asl States.Base64*)', () => {
    expect(run('States.Base64Encode($.s)', { s: '' })).toBe('');
    expect(run('States.Base64Encode($.s)', { s: 'Data to encode' })).toBe('RGF0YSB0byBlbmNvZGU=');
    expect(run("States.Base64Encode('🚀')")).toBe('8J+agA==');
    expect(run('States.Base64Decode($.s)', { s: 'RGF0YSB0byBlbmNvZGU=' })).toBe('Data to encode');
    expect(run("States.Base64Decode('44GT44KT44Gr44Gh44Gv')")).toBe('こんにちは');
    expect(run("States.Base64Decode(' YWJjZA== ')")).toBe('abcd');
    expect(run('States.Base64Decode($.s)', { s: 'A'.repeat(9999) })).toHaveLength(7499);
    expect(run('States.Base64Encode($.s)', { s: 'a'.repeat(10000) })).toHaveLength(13336);
    invalidArguments('States.Base64Encode($.s)', { s: 'a'.repeat(10001) });
    invalidArguments('States.Base64Decode($.s)', { s: 'A'.repeat(10001) });
    invalidArguments('States.Base64Encode(123)');
    invalidArguments('States.Base64Decode($.obj)', { obj: {} });
    invalidArguments('States.Base64Encode()');
    invalidArguments("States.Base64Decode('aGVsbG8=', 'extra')");
  });

  it('States.Hash (test_hash#exec_hist_resp_0..4)', () => {
    const f = 'States.Hash($.d, $.a)';
    expect(run(f, { d: 'input data', a: 'MD5' })).toBe('812f45842bc6d66ee14572ce20db8e86');
    expect(run(f, { d: 'input data', a: 'SHA-1' })).toBe('aaff4a450a104cd177d28d18d74485e8cae074b7');
    expect(run(f, { d: 'input data', a: 'SHA-256' })).toBe(
      'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3',
    );
    expect(run(f, { d: 'input data', a: 'SHA-384' })).toBe(
      'd28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562',
    );
    expect(run(f, { d: 'input data', a: 'SHA-512' })).toBe(
      '6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4',
    );
  });

  it('States.Hash limits and algorithm names (tiny-asl States.Hash-*)', () => {
    expect(run("States.Hash('🚀', 'SHA-256')")).toBe('ebbc0b2870eb323f2b6cffa5c493ceef81ae7eb36afc73d4e0367301631daec5');
    expect(run("States.Hash($.s, 'SHA-256')", { s: 'a'.repeat(10000) })).toMatch(/^[0-9a-f]{64}$/);
    invalidArguments("States.Hash($.s, 'SHA-256')", { s: 'a'.repeat(10001) });
    for (const algorithm of ['UNSUPPORTED', 'sha-256', 'SHA256', '', 'MD-5', 'SHA-257']) {
      invalidArguments(`States.Hash('data', '${algorithm}')`);
    }
    invalidArguments("States.Hash('hello', 123)");
    invalidArguments('States.Hash()');
    invalidArguments("States.Hash('hello')");
    invalidArguments("States.Hash('hello', 'SHA-256', 'extra')");
  });
});

describe('math', () => {
  it('States.MathAdd rounds half up (test_math_add#exec_hist_resp_0..20)', () => {
    const cases: [number, number, number][] = [
      [-9, 3, -6],
      [1.49, 1.5, 3],
      [1.5, 1.51, 4],
      [-1.49, -1.5, -2],
      [-1.5, -1.51, -3],
      [1.49, 0, 1],
      [1.49, -1.49, 0],
      [1.5, 0, 2],
      [1.51, 0, 2],
      [-1.49, 0, -1],
      [-1.5, 0, -1],
      [-1.51, 0, -2],
      [0.5, 0, 1],
      [2.5, 0, 3],
      [3.5, 0, 4],
      [-0.5, 0.5, 1],
      [-0.5, 0, 0],
      [-2.5, 0, -2],
      [-3.5, 0, -3],
    ];
    for (const [a, b, sum] of cases) {
      expect(run('States.MathAdd($.a, $.b)', { a, b }), `${a} + ${b}`).toBe(sum);
    }
  });

  it('States.MathAdd stays within int (tiny-asl States.MathAdd-*)', () => {
    expect(run('States.MathAdd(2147483646, 1)')).toBe(2147483647);
    expect(run('States.MathAdd(-2147483647, -1)')).toBe(-2147483648);
    expect(run('States.MathAdd(States.MathAdd($.x, 1), 2)', { x: 5 })).toBe(8);
    for (const args of ['2147483647, 1', '-2147483648, -1', '3000000000, 1', '-3000000000, 1', "'a', 1", "1, 'b'", 'null, 1', 'true, 1', "'-1', 2", '1', '1, 2, 999']) {
      invalidArguments(`States.MathAdd(${args})`);
    }
    invalidArguments('States.MathAdd(-1, $.probe)', { probe: [0, 1] });
  });

  it('States.MathRandom with a seed is java.util.Random (tiny-asl States.MathRandom-002/003/015/022)', () => {
    expect(run('States.MathRandom(1, 100, 42)')).toBe(63);
    expect(run('States.MathRandom(1, 1000, 1)')).toBe(106);
    expect(run('States.MathRandom(1, 1000, 2)')).toBe(806);
    expect(run('States.MathRandom(1, 10, -10)')).toBe(1);
    expect(run('States.MathRandom($.start, $.end, $.seed)', { start: 2147483640, end: 2147483647, seed: 1 })).toBe(
      2147483644,
    );
  });

  it('States.MathRandom without a seed uses the caller\'s source; the end is exclusive', () => {
    expect(run('States.MathRandom(1, 10)', {}, { random: { uuid: () => '', random: () => 0 } })).toBe(1);
    expect(run('States.MathRandom(1, 10)', {}, { random: { uuid: () => '', random: () => 0.999999 } })).toBe(9);
    expect(run('States.MathRandom(1.6, 5.4)', {}, { random: { uuid: () => '', random: () => 0 } })).toBe(1);
    expect(() => evaluateIntrinsic('States.MathRandom(1, 10)', { input: {} })).toThrow(/RandomSource/);
  });

  it('States.MathRandom refuses empty ranges and bad arguments (tiny-asl States.MathRandom-004..018)', () => {
    for (const args of ['1, 1', '10, 5', '1.49, 1.49', '1.4, 1.6', "'a', 10", "1, 'b'", "1, 10, 'seed'", '1, 10, null', '1', '1, 10, 5, 99']) {
      invalidArguments(`States.MathRandom(${args})`);
    }
  });
});

describe('strings and ids', () => {
  it('States.StringSplit drops empty tokens (test_string_split#exec_hist_resp_0..6)', () => {
    const f = 'States.StringSplit($.s, $.d)';
    expect(run(f, { s: ' ', d: ',' })).toEqual([' ']);
    expect(run(f, { s: ' , ', d: ',' })).toEqual([' ', ' ']);
    expect(run(f, { s: ', , ,', d: ',' })).toEqual([' ', ' ']);
    expect(run(f, { s: ',,,,', d: ',' })).toEqual([]);
    expect(run(f, { s: '1,2,3,4,5', d: ',' })).toEqual(['1', '2', '3', '4', '5']);
    expect(run(f, { s: 'This.is+a,test=string', d: '.+,=' })).toEqual(['This', 'is', 'a', 'test', 'string']);
    expect(run(f, { s: 'split on T and \nnew line', d: 'T\n' })).toEqual(['split on ', ' and ', 'new line']);
    expect(run(f, { s: '', d: ',' })).toEqual([]);
    expect(run(f, { s: 'abc', d: '' })).toEqual(['abc']);
  });

  it('States.StringSplit on the context object (test_string_split_context_object)', () => {
    const input = "Value1,Value2,Value3\nValue4,Value5,Value6\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n";
    expect(
      run("States.StringSplit($$.Execution.Input.FunctionInput, ',')", {}, { context: { Execution: { Input: { FunctionInput: input } } } }),
    ).toEqual(['Value1', 'Value2', 'Value3\nValue4', 'Value5', 'Value6\n', '\ntrue', '1', "'HelloWorld'\nNull", 'None', '\n   \n']);
  });

  it('States.StringSplit refuses non-strings (tiny-asl States.StringSplit-016..025)', () => {
    invalidArguments("States.StringSplit($.v, ',')", { v: 123 });
    invalidArguments('States.StringSplit($.s, $.d)', { s: 'a,b', d: 1 });
    invalidArguments('States.StringSplit($.s, $.d)', { s: null, d: ',' });
    invalidArguments('States.StringSplit($.s, $.d)', { s: 'a,b', d: [','] });
  });

  it('States.UUID comes from the caller and ignores arguments (tiny-asl States.UUID-008..013)', () => {
    expect(run('States.UUID()')).toBe('00000000-0000-4000-8000-000000000001');
    expect(run("States.UUID('x', 1, null)")).toBe('00000000-0000-4000-8000-000000000001');
    expect(() => evaluateIntrinsic('States.UUID()', { input: {} })).toThrow(/RandomSource/);
  });
});

describe('recorded end-to-end vectors with variables (BASE_REFERENCE_IN_INTRINSIC_FUNCTION, BASE_ASSIGN_FROM_INTRINSIC_FUNCTION)', () => {
  const variables = {
    inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    duplicateArray: [1, 2, 2, 3, 3, 4],
    rawString: 'Hello World',
    encodedString: 'SGVsbG8gV29ybGQ=',
    inputString: 'Hash this string',
    json1: { a: 1, b: 2 },
    json2: { c: 3, d: 4 },
    jsonString: '{"key":"value"}',
    jsonObject: { test: 'object' },
    value1: 5,
    value2: 3,
    csvString: 'a,b,c,d,e',
    name: 'John',
    place: 'LocalStack',
  };
  const v = (expression: string): JsonValue => run(expression, {}, { variables });

  it('matches the recorded output', () => {
    expect(v('States.Base64Encode($rawString)')).toBe('SGVsbG8gV29ybGQ=');
    expect(v('States.Base64Decode($encodedString)')).toBe('Hello World');
    expect(v("States.Hash($inputString, 'SHA-256')")).toBe(
      '1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e',
    );
    expect(v('States.JsonMerge($json1, $json2, false)')).toEqual({ a: 1, b: 2, c: 3, d: 4 });
    expect(v('States.StringToJson($jsonString)')).toEqual({ key: 'value' });
    expect(v('States.JsonToString($jsonObject)')).toBe('{"test":"object"}');
    expect(v('States.MathAdd($value1, $value2)')).toBe(8);
    expect(v("States.StringSplit($csvString, ',')")).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(v("States.Format('Hello {}, welcome to {}!', $name, $place)")).toBe('Hello John, welcome to LocalStack!');
    expect(v('States.ArrayUnique($duplicateArray)')).toEqual([1, 2, 3, 4]);
    expect(v('States.ArrayPartition($inputArray, 2)')).toEqual([[1, 2], [3, 4], [5, 6], [7, 8], [9]]);
    expect(v('States.ArrayRange(1, 10, 2)')).toEqual([1, 3, 5, 7, 9]);
  });
});

describe('path arguments that find nothing', () => {
  it('use the "had the following error" wording (tiny-asl States.Base64Encode-018, States.Hash-030)', () => {
    const error = failure('States.Base64Encode($.missing)');
    expect(error).toBeInstanceOf(IntrinsicPathError);
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(
      "The function 'States.Base64Encode($.missing)' had the following error: The JsonPath argument for the field '$.missing' could not be found in the input '{}'",
    );
    expect(failure("States.Hash('hello', $.missingAlgo)").cause).toBe(
      "The function 'States.Hash('hello', $.missingAlgo)' had the following error: The JsonPath argument for the field '$.missingAlgo' could not be found in the input '{}'",
    );
  });

  it('an indefinite path that matches nothing is []', () => {
    expect(run('States.ArrayLength($.items[*])')).toBe(0);
  });

  it('the error name can follow the spec', () => {
    expect(
      (() => {
        try {
          evaluateIntrinsic('States.MathAdd(1)', { input: {} }, { errorName: 'States.IntrinsicFailure' });
        } catch (error) {
          return (error as StatesError).error;
        }
        return undefined;
      })(),
    ).toBe('States.IntrinsicFailure');
  });
});
