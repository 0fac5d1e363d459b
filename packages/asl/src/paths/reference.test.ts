import { describe, expect, it } from 'vitest';
import { applyInputPath, applyOutputPath, applyResultPath } from './dataflow.js';
import { PathNotFoundError, ResultPathMatchFailureError, StatesError } from './errors.js';
import type { JsonValue } from './json.js';
import {
  getAtReferencePath,
  isReferencePath,
  parseReferencePath,
  setAtReferencePath,
} from './reference.js';

function failure(fn: () => unknown): StatesError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('expected a StatesError');
}

describe('isReferencePath', () => {
  it('accepts single-node paths', () => {
    for (const path of ['$', '$.a', '$.a.b', "$['a b'].c", '$["x"]', '$.list[0]', '$.list[2].name', '$.a-b']) {
      expect(isReferencePath(path), path).toBe(true);
    }
  });

  it('refuses .., *, filters, slices, unions, negative indexes, functions, $$ and variables', () => {
    for (const path of [
      '$..a',
      '$.*',
      '$.a[*]',
      '$.a[?(@.x)]',
      '$.a[1:2]',
      '$.a[0,1]',
      "$['a','b']",
      '$.a[-1]',
      '$.a.length()',
      '$$.Execution',
      '$var',
      'a.b',
      '',
    ]) {
      expect(isReferencePath(path), path).toBe(false);
    }
  });

  it('exposes the steps', () => {
    expect(parseReferencePath("$.a['b c'][2]")).toEqual([
      { kind: 'field', name: 'a' },
      { kind: 'field', name: 'b c' },
      { kind: 'index', index: 2 },
    ]);
    expect(parseReferencePath('$')).toEqual([]);
  });
});

describe('setAtReferencePath (ResultPath)', () => {
  it('$ replaces the input', () => {
    expect(setAtReferencePath({ a: 1 }, '$', 'Hello')).toBe('Hello');
  });

  it('merges into the raw input and overwrites an existing branch', () => {
    const input = { comment: 'x', detail: { status: 'old', attempts: 2 } };
    expect(setAtReferencePath(input, '$.detail', { status: 'new' })).toEqual({
      comment: 'x',
      detail: { status: 'new' },
    });
  });

  it('creates missing parent objects', () => {
    expect(setAtReferencePath({ audit: { started: true } }, '$.audit.review.final', { ok: true })).toEqual({
      audit: { started: true, review: { final: { ok: true } } },
    });
    expect(setAtReferencePath({}, '$.a.b.c', 1)).toEqual({ a: { b: { c: 1 } } });
  });

  it('does not modify the target', () => {
    const input = { a: { b: 1 }, keep: [1] };
    const frozen = JSON.stringify(input);
    const out = setAtReferencePath(input, '$.a.c', 2) as { a: unknown; keep: unknown };
    expect(JSON.stringify(input)).toBe(frozen);
    expect(out).toEqual({ a: { b: 1, c: 2 }, keep: [1] });
    expect(out.a).not.toBe(input.a);
  });

  it('replaces an element of an existing array', () => {
    expect(setAtReferencePath({ list: [1, 2, 3] }, '$.list[1]', 'x')).toEqual({ list: [1, 'x', 3] });
    expect(setAtReferencePath({ list: [{ a: 1 }] }, '$.list[0].b', 2)).toEqual({ list: [{ a: 1, b: 2 }] });
  });

  it('fails with States.ResultPathMatchFailure when a step cannot be taken', () => {
    const cases: [JsonValue, string, string][] = [
      ['hello', '$.a', 'Unable to apply step "a" to input "hello"'],
      [{ a: 'text' }, '$.a.b', 'Unable to apply step "b" to input {"a":"text"}'],
      [{ a: null }, '$.a.b', 'Unable to apply step "b" to input {"a":null}'],
      [{ list: [1] }, '$.list[3]', 'Unable to apply step "3" to input {"list":[1]}'],
      [{}, '$.list[0]', 'Unable to apply step "0" to input {}'],
      [[1, 2], '$.a', 'Unable to apply step "a" to input [1,2]'],
    ];
    for (const [input, path, cause] of cases) {
      const error = failure(() => setAtReferencePath(input, path, 1));
      expect(error).toBeInstanceOf(ResultPathMatchFailureError);
      expect(error.error).toBe('States.ResultPathMatchFailure');
      expect(error.cause).toBe(cause);
    }
  });

  it('refuses a path that is not a reference path', () => {
    expect(failure(() => setAtReferencePath({}, '$.a[*]', 1)).error).toBe('States.ResultPathMatchFailure');
  });

  it('sets keys such as __proto__ as data', () => {
    const out = setAtReferencePath({}, "$['__proto__']", { polluted: true }) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('getAtReferencePath', () => {
  it('reads single nodes', () => {
    expect(getAtReferencePath({ a: { b: [1, 2] } }, '$.a.b[1]')).toBe(2);
    expect(getAtReferencePath({ a: null }, '$.a')).toBeNull();
  });

  it('fails like AWS reference paths do', () => {
    const error = failure(() => getAtReferencePath({ discovery: { statusCode: 500 } }, '$.discovery.objects'));
    expect(error.error).toBe('States.ReferencePathConflict');
    expect(error.cause).toBe('Unable to apply step "objects" to input {"discovery":{"statusCode":500}}');
  });
});

describe('InputPath / ResultPath / OutputPath conventions', () => {
  const input = { a: 1, b: { c: 2 } };

  it('InputPath: absent keeps, null gives {}, a path selects', () => {
    expect(applyInputPath(input, undefined)).toBe(input);
    expect(applyInputPath(input, null)).toEqual({});
    expect(applyInputPath(input, '$.b')).toEqual({ c: 2 });
    expect(applyInputPath(input, '$$.Execution.Input', { context: { Execution: { Input: 'x' } } })).toBe('x');
    expect(() => applyInputPath(input, '$.nope')).toThrow(PathNotFoundError);
  });

  it('OutputPath: same conventions (recorded: test_state_pass_result_null_input_output_paths)', () => {
    expect(applyOutputPath(input, null)).toEqual({});
    expect(applyOutputPath(input, '$.b.c')).toBe(2);
    expect(failure(() => applyOutputPath({ 'int-literal': 0 }, '$.NoSuchOutputPath')).cause).toBe(
      "Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']",
    );
  });

  it('ResultPath: absent replaces, null discards, a path merges', () => {
    expect(applyResultPath(input, undefined, 'r')).toBe('r');
    expect(applyResultPath(input, null, 'r')).toBe(input);
    expect(applyResultPath(input, '$.r', 'r')).toEqual({ a: 1, b: { c: 2 }, r: 'r' });
  });
});

describe('getAtReferencePath roots', () => {
  it('reads context and variables (recorded ItemsPath "$PokemonList": MAP_STATE_REFERENCE_IN_ITEMS_PATH)', () => {
    expect(getAtReferencePath({}, '$PokemonList', { variables: { PokemonList: ['Charizard'] } })).toEqual(['Charizard']);
    expect(getAtReferencePath({}, '$$.Execution.Input.items[0]', { context: { Execution: { Input: { items: [7] } } } })).toBe(7);
    expect(failure(() => getAtReferencePath({}, '$nope', { variables: {} })).error).toBe('States.ReferencePathConflict');
    expect(failure(() => getAtReferencePath({}, '$.a[*]')).error).toBe('States.Runtime');
  });
});
