// The runner's case selection (the comparer has its own tests in compare.test.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { categoryOf, selectCases } from './run.mjs';

describe('the conformance runner', () => {
  it('names the test area after v2/', () => {
    expect(
      categoryOf('tests/aws/services/stepfunctions/v2/choice_operators/test_and.py::T::t'),
    ).toBe('choice_operators');
    expect(
      categoryOf(
        'tests/aws/services/stepfunctions/v2/test_sfn_api.py::TestSnfApi::test_start_execution',
      ),
    ).toBe('test_sfn_api');
  });

  const corpusPath = fileURLToPath(
    new URL('../../shared/conformance/sfn/cases.jsonl', import.meta.url),
  );
  it.skipIf(!existsSync(corpusPath))(
    'selects the 922 target cases, the 14 other standalone ones, and skips the Lambda ones',
    () => {
      const all = readFileSync(corpusPath, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l));
      const { target, extra, skipped } = selectCases(all);
      expect(target).toHaveLength(922);
      expect(new Set(target.map((c) => c.kind))).toEqual(
        new Set(['execution', 'execution_output']),
      );
      expect(extra).toHaveLength(14);
      expect(skipped.every((s) => s.c.requires === 'lambda')).toBe(true);
      expect(selectCases(all, 'test_boolean_equals').target.length).toBeGreaterThan(0);
    },
  );
});
