import { describe, expect, it } from 'vitest';
import { IntrinsicSyntaxError } from '../paths/errors.js';
import { INTRINSIC_FUNCTIONS, MAX_INTRINSIC_DEPTH, isIntrinsicCall, parseIntrinsic } from './parser.js';

describe('parseIntrinsic', () => {
  it('knows the 18 functions', () => {
    expect(INTRINSIC_FUNCTIONS).toHaveLength(18);
    for (const name of INTRINSIC_FUNCTIONS) expect(isIntrinsicCall(`${name}()`), name).toBe(true);
  });

  it('parses every argument kind', () => {
    const call = parseIntrinsic(
      "States.Array('it\\'s \\{x\\} \\\\', -1.5e3, 0, true, false, null, $.a[0]['b c'], $$.Execution.Input, $var.x, $, States.UUID())",
    );
    expect(call.name).toBe('States.Array');
    expect(call.args).toEqual([
      { kind: 'string', value: "it's {x} \\", raw: "it\\'s \\{x\\} \\\\" },
      { kind: 'number', value: -1500, raw: '-1.5e3' },
      { kind: 'number', value: 0, raw: '0' },
      { kind: 'boolean', value: true },
      { kind: 'boolean', value: false },
      { kind: 'null' },
      expect.objectContaining({ kind: 'path', path: expect.objectContaining({ source: "$.a[0]['b c']" }) }),
      expect.objectContaining({ kind: 'path', path: expect.objectContaining({ root: { kind: 'context' } }) }),
      expect.objectContaining({ kind: 'path', path: expect.objectContaining({ root: { kind: 'variable', name: 'var' } }) }),
      expect.objectContaining({ kind: 'path', path: expect.objectContaining({ source: '$' }) }),
      { kind: 'call', call: { name: 'States.UUID', args: [], text: 'States.UUID()' } },
    ]);
  });

  it('tolerates blanks around arguments and inside an empty call', () => {
    expect(parseIntrinsic('States.Array( $.a , $.b )').args).toHaveLength(2);
    expect(parseIntrinsic('States.UUID( )').args).toHaveLength(0);
    expect(parseIntrinsic('States.Array(1,2)').args).toHaveLength(2);
  });

  it('keeps raw newlines inside strings (recorded: test_escape_sequence)', () => {
    // cases.jsonl TestGeneric::test_escape_sequence: "States.StringSplit('Hello\nWorld', '\n')" with real newlines
    expect(parseIntrinsic("States.StringSplit('Hello\nWorld', '\n')").args[1]).toEqual({
      kind: 'string',
      value: '\n',
      raw: '\n',
    });
  });

  it('allows unescaped braces in a plain string argument (recorded: test_json_merge_escaped_argument)', () => {
    const call = parseIntrinsic(
      'States.JsonMerge(States.StringToJson(\'{"constant_in_literal": "false"}\'), $$.Execution.Input.input_field, false)',
    );
    expect(call.args).toHaveLength(3);
  });

  it('takes filters and functions inside path arguments', () => {
    const call = parseIntrinsic("States.ArrayLength($.items[?(@.kind == 'a, b')])");
    expect(call.args[0]).toMatchObject({ kind: 'path', path: { source: "$.items[?(@.kind == 'a, b')]" } });
    expect(parseIntrinsic('States.Array($.a.length())').args[0]).toMatchObject({ path: { source: '$.a.length()' } });
  });

  it('refuses escapes other than \\\' \\{ \\} \\\\ (recorded: test_illegal_escapes)', () => {
    // cases.jsonl: both definitions were refused by CreateStateMachine (SCHEMA_VALIDATION_FAILED).
    expect(() => parseIntrinsic('States.StringToJson(\'{"text":"An \\"escaped double quote\\" here"}\')')).toThrow(
      IntrinsicSyntaxError,
    );
    expect(() => parseIntrinsic("States.Format('He said, \\\"Hello, {}!\\\"', 'Test \\\"Name\\\" Here')")).toThrow(
      IntrinsicSyntaxError,
    );
    expect(() => parseIntrinsic("States.Base64Decode('YWJj\\nZA==')")).toThrow(IntrinsicSyntaxError);
  });

  it('allows ten levels of nesting and no more', () => {
    const nest = (depth: number): string => (depth === 0 ? '1' : `States.Array(${nest(depth - 1)})`);
    expect(() => parseIntrinsic(nest(MAX_INTRINSIC_DEPTH))).not.toThrow();
    expect(() => parseIntrinsic(nest(MAX_INTRINSIC_DEPTH + 1))).toThrow(/nested at most 10 deep/);
  });

  it('refuses malformed calls', () => {
    for (const text of [
      'States.Nope()',
      'States.UUID',
      'States.UUID(',
      'States.UUID)',
      'States.UUID(,)',
      'States.UUID() trailing',
      'States.Array([1,2])',
      'States.Array(1.)',
      'States.Array(.5)',
      'States.Array(01)',
      'States.ArrayContains($.arr, )',
      "States.Format('open",
      'States.Array(True)',
      'States.Array($.a b)',
      'States.Array($.)',
      'states.Array()',
      ' States.Array()',
    ]) {
      expect(isIntrinsicCall(text), text).toBe(false);
    }
  });

  it('reports the whole expression', () => {
    try {
      parseIntrinsic('States.Nope(1)');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IntrinsicSyntaxError);
      expect((error as IntrinsicSyntaxError).expression).toBe('States.Nope(1)');
      expect((error as IntrinsicSyntaxError).error).toBe('States.Runtime');
    }
  });
});
