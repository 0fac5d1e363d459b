import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../definition/validate.js';
import { checkJsonata } from './check.js';

const invalid = (message: string) => ({ code: 'INVALID_JSONATA_EXPRESSION', message });
const topLevel = (name: string) => ({
  code: 'UNSUPPORTED_JSONATA_EXPRESSION',
  message: `Reference to '${name}' at the top level is not supported.`,
});

describe('checkJsonata: parsing', () => {
  it("refuses what does not parse with the parser's message minus its code (measured against AWS)", () => {
    const measured: [string, string][] = [
      ['a[1,2)', 'Expected "]", got ","'],
      ['"unterminated', 'String literal must be terminated by a matching quote'],
      ['1 +', 'Unexpected end of expression'],
      ['{"a":}', 'The symbol "}" cannot be used as a unary operator'],
      ['$x :=', 'Unexpected end of expression'],
      ['$match("a", /abc', 'No terminating / in regular expression'],
      ['phone %.other', 'The symbol "." cannot be used as a unary operator'],
      ['', 'Unexpected end of expression'],
    ];
    for (const [expression, message] of measured) expect(checkJsonata(` ${expression} `), expression).toEqual(invalid(message));
  });

  it('accepts what parses and reads only $states and variables', () => {
    for (const expression of [
      ' $states.input ',
      '$states.input.items[value > 3]',
      '$states.input.a.b^(c).d',
      '$states.input.items{key: value}',
      '$map($states.input.a, function($x){ $x.b })',
      '$count($states.input.list) > 0 ? $undefinedVariable : "x"',
      '($v := 1; $v + $states.context.Execution.Name)',
      '[1, 2, 3]',
      '{"a": $x}',
      '$states.input ~> |a|{"b": c}|',
    ]) {
      expect(checkJsonata(expression), expression).toBeUndefined();
    }
  });
});

describe('checkJsonata: the top-level context', () => {
  it("refuses a bare field name (measured: Reference to 'phone' ...)", () => {
    expect(checkJsonata(' phone ')).toEqual(topLevel('phone'));
    expect(checkJsonata('phone.number')).toEqual(topLevel('phone'));
    expect(checkJsonata('phone[0]')).toEqual(topLevel('phone'));
  });

  it('refuses $ at the top level and $$ anywhere it is read at the top, with their own messages', () => {
    expect(checkJsonata('$')).toEqual(topLevel('$'));
    expect(checkJsonata('$.a')).toEqual(topLevel('$'));
    expect(checkJsonata('$$')).toEqual({ code: 'UNSUPPORTED_JSONATA_EXPRESSION', message: "Reference to '$$' is not supported." });
  });

  it('looks into operands, arguments, conditions, blocks, bindings and constructors', () => {
    expect(checkJsonata('1 + a')).toEqual(topLevel('a'));
    expect(checkJsonata('$count(items)')).toEqual(topLevel('items'));
    expect(checkJsonata('$states.input.x ? b : 1')).toEqual(topLevel('b'));
    expect(checkJsonata('($y := c; $y)')).toEqual(topLevel('c'));
    expect(checkJsonata('[1, d]')).toEqual(topLevel('d'));
    expect(checkJsonata('-e')).toEqual(topLevel('e'));
    expect(checkJsonata('f ~> $string()')).toEqual(topLevel('f'));
  });

  it('treats object constructor keys as expressions (measured: {aaa: 1} names aaa)', () => {
    expect(checkJsonata('{aaa: 1}')).toEqual(topLevel('aaa'));
  });

  it('looks into lambda bodies, which keep their definer\'s context (measured)', () => {
    expect(checkJsonata('$map($states.input.a, function($x){ b })')).toEqual(topLevel('b'));
  });

  it('reports the first name in the order written', () => {
    expect(checkJsonata('first + second')).toEqual(topLevel('first'));
  });
});

describe('checkJsonata: $states members', () => {
  it("refuses $states.errorOutput where the field offers none (measured: Field '$states.errorOutput' does not exist.)", () => {
    expect(checkJsonata('$states.errorOutput', { result: false, errorOutput: false })).toEqual({
      code: 'UNSUPPORTED_JSONATA_EXPRESSION',
      message: "Field '$states.errorOutput' does not exist.",
    });
    expect(checkJsonata('$states.errorOutput.Cause', { result: true, errorOutput: true })).toBeUndefined();
  });

  it('refuses $states.result where the field offers none, even inside a lambda or predicate', () => {
    expect(checkJsonata('$map([1], function($v){ $states.result })', { result: false, errorOutput: false })).toEqual({
      code: 'UNSUPPORTED_JSONATA_EXPRESSION',
      message: "Field '$states.result' does not exist.",
    });
    expect(checkJsonata('$states.input[$states.result.ok]', { result: false, errorOutput: false })?.message).toBe(
      "Field '$states.result' does not exist.",
    );
  });

  it('does not judge $states members when the field is not described', () => {
    expect(checkJsonata('$states.errorOutput')).toBeUndefined();
  });
});

describe('checkJsonata as validateDefinition\'s checkJsonata option', () => {
  it('reports problems at the field that holds the expression', () => {
    const definition = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'S',
      States: { S: { Type: 'Pass', Output: { v: '{% phone %}', w: ['{% 1 + %}'], ok: '{% $states.input %}' }, End: true } },
    });
    const result = validateDefinition(definition, { checkJsonata });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'UNSUPPORTED_JSONATA_EXPRESSION',
        message: "Reference to 'phone' at the top level is not supported.",
        location: '/States/S/Output/v',
      }),
      expect.objectContaining({
        code: 'INVALID_JSONATA_EXPRESSION',
        message: 'Unexpected end of expression',
        location: '/States/S/Output/w[0]',
      }),
    ]);
  });
});
