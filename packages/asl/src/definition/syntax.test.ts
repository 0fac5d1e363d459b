import { describe, expect, it } from 'vitest';
import { isItemReaderResource, parseTaskResource } from './resources.js';
import { intrinsicCall, isReferencePath, isRfc3339Timestamp, labelProblem, pathKind, pythonRepr } from './syntax.js';

describe('paths', () => {
  it('tells JSONPath, context paths and variables apart', () => {
    expect(pathKind('$')).toBe('jsonpath');
    expect(pathKind("$.a['b c'][0].d-e")).toBe('jsonpath');
    expect(pathKind('$.users[?(@.status == 0)]')).toBe('jsonpath');
    expect(pathKind('$..a')).toBe('jsonpath');
    expect(pathKind('$$')).toBe('context');
    expect(pathKind('$$.Map.Item.Value')).toBe('context');
    expect(pathKind('$var')).toBe('variable');
    expect(pathKind('$var.x[1]')).toBe('variable');
    for (const bad of ['', 'a', '$ .a', '$.a.', '$.a[0', "$['a]", '$-x']) expect(pathKind(bad), bad).toBeUndefined();
  });

  it('knows reference paths', () => {
    for (const ok of ['$', '$.a.b', "$['a'][0]", '$.a-b']) expect(isReferencePath(ok), ok).toBe(true);
    for (const bad of ['$..a', '$.a[*]', '$.a.*', '$.a[1:2]', '$.a[?(@.x)]', '$$.Execution', '$x']) expect(isReferencePath(bad), bad).toBe(false);
  });
});

describe('intrinsic calls', () => {
  it('parses calls and names the outer function', () => {
    expect(intrinsicCall('States.UUID()')).toBe('UUID');
    expect(intrinsicCall(" States.Format( 'a{}' , $.x ) ")).toBeUndefined();
    expect(intrinsicCall("States.Format( 'a{}' , $.x ) ")).toBe('Format');
    expect(intrinsicCall("States.Hash($.a[(@.length-1)], 'SHA-256')")).toBe('Hash');
    expect(intrinsicCall('States.MathAdd(1, 2) extra')).toBeUndefined();
    expect(intrinsicCall("States.Format('\\n')")).toBeUndefined();
  });
});

describe('timestamps', () => {
  it('accepts RFC 3339 with T and Z or an offset', () => {
    expect(isRfc3339Timestamp('2016-03-14T01:59:00Z')).toBe(true);
    expect(isRfc3339Timestamp('2024-02-29T23:59:60.123-05:30')).toBe(true);
    for (const bad of ['2023-02-29T00:00:00Z', '2016-03-14t01:59:00z', '2016-03-14T01:59:00', '2016-3-14T01:59:00Z']) expect(isRfc3339Timestamp(bad), bad).toBe(false);
  });
});

describe('labels', () => {
  it('refuses empty, long, and forbidden characters, quoting them as Python does', () => {
    expect(labelProblem('ok_label-1')).toBeUndefined();
    expect(labelProblem('')).toBe('Label cannot be empty');
    expect(labelProblem('a'.repeat(41))).toBe('Label cannot exceed 40 characters');
    expect(labelProblem('a\tb')).toBe("Label contains invalid character: '\\t'");
    expect(labelProblem("a'b")).toBeUndefined();
    expect(pythonRepr("'")).toBe(`"'"`);
    expect(pythonRepr('\u0000')).toBe("'\\x00'");
  });
});

describe('resources', () => {
  it('splits integration patterns', () => {
    expect(parseTaskResource('arn:aws:states:::states:startExecution.sync:2')).toEqual({
      kind: 'optimized',
      service: 'states',
      api: 'startExecution',
      pattern: 'sync2',
    });
    expect(parseTaskResource('arn:aws:states:::aws-sdk:dynamodb:putItem')).toEqual({
      kind: 'aws-sdk',
      service: 'dynamodb',
      api: 'putItem',
      pattern: 'request-response',
    });
    expect(isItemReaderResource('arn:aws:states:::s3:listObjectsV2')).toBe(true);
    expect(isItemReaderResource('arn:aws:states:::s3:putObject')).toBe(false);
  });
});

describe('integration ARNs', () => {
  it('take an optional region and account', () => {
    expect(parseTaskResource('arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject')?.kind).toBe('aws-sdk');
    expect(parseTaskResource('arn:aws:states:::aws-sdk:s3:getObject')?.kind).toBe('aws-sdk');
    expect(parseTaskResource('arn:aws:states::lambda:invoke')).toBeUndefined();
  });
});
