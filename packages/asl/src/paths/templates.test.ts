import { describe, expect, it } from 'vitest';
import {
  FieldPathError,
  IntrinsicEvaluationError,
  IntrinsicPathError,
  StatesError,
  TemplateValueError,
} from './errors.js';
import type { JsonValue } from './json.js';
import {
  applyTemplate,
  compileDynamicExpression,
  evaluateDynamicValue,
  isDynamicKey,
  type EvaluationScope,
} from './templates.js';

function failure(fn: () => unknown): StatesError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('expected a StatesError');
}

const random = { uuid: () => '5b1f4f64-7d61-4d2c-9f4e-2f6f7f6e5a10', random: () => 0.5 };

describe('applyTemplate', () => {
  const scope: EvaluationScope = {
    input: { customer: { id: 'c-1', name: 'Ada' }, items: [{ sku: 'x' }, { sku: 'y' }], flags: { active: true } },
    context: { Execution: { Input: { traceId: 't-9' } }, Map: { Item: { Index: 2, Value: 'v' } } },
    variables: { greeting: 'Hello', cfg: { retries: 3 } },
    random,
  };

  it('evaluates `.$` keys and copies everything else', () => {
    const template = {
      literal: '$.customer.name',
      'resolved.$': '$.customer.name',
      nested: { 'active.$': '$.flags.active', constant: 1, list: [1, 'two', null, true] },
      'firstSku.$': '$.items[0].sku',
      'allSkus.$': '$.items[*].sku',
      'whole.$': '$',
      Comment: 'a key called Comment is data here',
    };
    expect(applyTemplate(template, scope)).toEqual({
      literal: '$.customer.name',
      resolved: 'Ada',
      nested: { active: true, constant: 1, list: [1, 'two', null, true] },
      firstSku: 'x',
      allSkus: ['x', 'y'],
      whole: scope.input,
      Comment: 'a key called Comment is data here',
    });
  });

  it('recurses through arrays of objects', () => {
    expect(applyTemplate([{ 'id.$': '$.customer.id' }, [{ 'n.$': '$.customer.name' }], 'plain'], scope)).toEqual([
      { id: 'c-1' },
      [{ n: 'Ada' }],
      'plain',
    ]);
  });

  it('reads the context object, variables and intrinsic calls', () => {
    expect(
      applyTemplate(
        {
          'trace.$': '$$.Execution.Input.traceId',
          'index.$': '$$.Map.Item.Index',
          'hello.$': '$greeting',
          'retries.$': '$cfg.retries',
          'message.$': "States.Format('{} {}, item {}', $greeting, $.customer.name, $$.Map.Item.Index)",
          'id.$': 'States.UUID()',
        },
        scope,
      ),
    ).toEqual({
      trace: 't-9',
      index: 2,
      hello: 'Hello',
      retries: 3,
      message: 'Hello Ada, item 2',
      id: '5b1f4f64-7d61-4d2c-9f4e-2f6f7f6e5a10',
    });
  });

  it('does not evaluate strings that only look like paths or calls without `.$`', () => {
    // cases.jsonl: test_base_cases[BASE_CONSTANT_LITERALS] keeps these constants verbatim.
    const constants = {
      constant_str_path: '$.no.such.path',
      constant_str_contextpath: '$$.Execution.Id',
      constant_str_var: '$noSuchVar',
      constant_str_intrinsic_func: "States.Format('Format Func {}', $varname)",
      constant_str_jsonata_expr: '{% $varname.varfield %}',
    };
    expect(applyTemplate(constants, scope)).toEqual(constants);
  });

  it('reports a missing path with the recorded wording (test_invalid_jsonpath[INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH])', () => {
    const error = failure(() => applyTemplate({ 'value.$': '$.no_such_jsonpath' }, { input: { 'int-literal': 0 } }));
    expect(error).toBeInstanceOf(FieldPathError);
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(
      "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"int-literal\":0}'",
    );
  });

  it('reports a missing context path the same way (INVALID_JSONPATH_IN_STRING_EXPR_CONTEXTPATH)', () => {
    const error = failure(() =>
      applyTemplate(
        { 'value.$': '$$.Execution.Input.no_such_jsonpath' },
        { input: { 'int-literal': 0 }, context: { Execution: { Input: { 'int-literal': 0 } } } },
      ),
    );
    expect(error.cause).toBe(
      "The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"int-literal\":0}'",
    );
  });

  it('names the nested field and can use the spec error name', () => {
    const error = failure(() =>
      applyTemplate({ outer: { 'inner.$': '$.missing' } }, { input: {} }, { missingPathError: 'States.ParameterPathFailure' }),
    );
    expect(error.error).toBe('States.ParameterPathFailure');
    expect(error.cause).toContain("for the field 'inner.$'");
  });

  it('passes intrinsic failures through with their AWS wording', () => {
    const missing = failure(() => applyTemplate({ 'v.$': 'States.Base64Encode($.missing)' }, { input: {} }));
    expect(missing).toBeInstanceOf(IntrinsicPathError);
    const bad = failure(() => applyTemplate({ 'v.$': 'States.MathAdd(2147483647, 1)' }, { input: {} }));
    expect(bad).toBeInstanceOf(IntrinsicEvaluationError);
    const renamed = failure(() =>
      applyTemplate({ 'v.$': 'States.MathAdd(2147483647, 1)' }, { input: {} }, { intrinsicError: 'States.IntrinsicFailure' }),
    );
    expect(renamed.error).toBe('States.IntrinsicFailure');
  });

  it('refuses a `.$` value that is neither a path nor an intrinsic call', () => {
    for (const value of ['plain text', 'States.Nope()', "States.Format('x'", '$.a b', 7, null] as JsonValue[]) {
      const error = failure(() => applyTemplate({ 'x.$': value }, { input: {} }));
      expect(error).toBeInstanceOf(TemplateValueError);
      expect(error.cause).toBe("The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call");
    }
  });

  it('treats __proto__ as an ordinary key', () => {
    const template = JSON.parse('{"__proto__": {"polluted.$": "$.a"}}') as JsonValue;
    const out = applyTemplate(template, { input: { a: 1 } }) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":1}}');
  });

  it('does not modify the template', () => {
    const template = { 'a.$': '$.x', b: { 'c.$': '$.x' } };
    const copy = JSON.stringify(template);
    applyTemplate(template, { input: { x: 1 } });
    expect(JSON.stringify(template)).toBe(copy);
  });
});

describe('evaluateDynamicValue', () => {
  it('names Fail fields in the message (recorded: test_invalid_jsonpath[INVALID_JSONPATH_IN_ERRORPATH])', () => {
    const error = failure(() => evaluateDynamicValue('$.ErrorX', 'ErrorPath', { input: { Error: 'error-value' } }));
    expect(error.cause).toBe(
      "The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '{\"Error\":\"error-value\"}'",
    );
  });

  it('evaluates intrinsic ErrorPath/CausePath (recorded: test_state_fail_intrinsic)', () => {
    const scope = { input: { Error: 'error string', Cause: 'cause string' } };
    expect(evaluateDynamicValue("States.Format('{}', $.Error)", 'ErrorPath', scope)).toBe('error string');
    expect(
      evaluateDynamicValue(
        "States.Format('This is a custom error message for {}, caused by {}.', $.Error, $.Cause)",
        'CausePath',
        scope,
      ),
    ).toBe('This is a custom error message for error string, caused by cause string.');
  });

  it('accepts a precompiled expression', () => {
    const compiled = compileDynamicExpression('$.a', 'a.$');
    expect(compiled.kind).toBe('path');
    expect(evaluateDynamicValue(compiled, 'a.$', { input: { a: 3 } })).toBe(3);
    expect(compileDynamicExpression('States.Array(1)', 'a.$').kind).toBe('intrinsic');
  });
});

describe('isDynamicKey', () => {
  it('recognizes the `.$` suffix', () => {
    expect(isDynamicKey('a.$')).toBe(true);
    expect(isDynamicKey('a')).toBe(false);
    expect(isDynamicKey('.$')).toBe(false);
    expect(isDynamicKey('a$')).toBe(false);
  });
});
