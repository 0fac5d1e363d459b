import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../protocols/errors.js';
import { invalidCharacter, validateBody, validateMessageAttributes, validateSystemAttributes } from './message.js';

function err(v: unknown): AwsError {
  if (!(v instanceof AwsError)) throw new Error('expected an error');
  return v;
}

describe('message validation', () => {
  it('accepts tabs, newlines, carriage returns and astral characters and rejects control characters', () => {
    expect(invalidCharacter('a\tb\nc\rd 😀 \uE000')).toBeUndefined();
    expect(invalidCharacter('bad\u0001')).toBe('#x1');
    expect(invalidCharacter('\uFFFF')).toBe('#xFFFF');
    expect(err(validateBody('x\u0000')).code).toBe('InvalidMessageContents');
  });

  it('requires a non-empty value of the declared type', () => {
    expect(err(validateMessageAttributes({ ErrorDetails: { DataType: 'String', StringValue: '' } })).message).toBe(
      "Message (user) attribute 'ErrorDetails' must contain a non-empty value of type 'String'.",
    );
    expect(err(validateMessageAttributes({ b: { DataType: 'Binary' } })).message).toContain("type 'Binary'");
  });

  it('rejects unknown types, bad numbers, reserved and malformed names, and more than 10 attributes', () => {
    expect(err(validateMessageAttributes({ a: { DataType: 'Str', StringValue: 'x' } })).code).toBe('InvalidParameterValue');
    expect(err(validateMessageAttributes({ a: { DataType: 'Number', StringValue: 'x1' } })).code).toBe('InvalidParameterValue');
    expect(err(validateMessageAttributes({ 'AWS.x': { DataType: 'String', StringValue: 'x' } })).code).toBe('InvalidParameterValue');
    expect(err(validateMessageAttributes({ 'a..b': { DataType: 'String', StringValue: 'x' } })).code).toBe('InvalidParameterValue');
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: 'x' }]));
    expect(err(validateMessageAttributes(eleven)).message).toBe('Number of message attributes [11] exceeds the allowed maximum [10].');
  });

  it('counts name, type and value bytes towards the message size and keeps custom types', () => {
    const v = validateMessageAttributes({ n: { DataType: 'Number.float', StringValue: '1.5' }, b: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2]) } });
    if (v instanceof AwsError) throw v;
    expect(v.size).toBe(1 + 12 + 3 + 1 + 6 + 2);
    expect(v.attributes).toEqual({ n: { DataType: 'Number.float', StringValue: '1.5' }, b: { DataType: 'Binary', BinaryValue: 'AQI=' } });
  });

  it('accepts only AWSTraceHeader as a system attribute', () => {
    expect(validateSystemAttributes({ AWSTraceHeader: { DataType: 'String', StringValue: 'Root=1-5759e988-bd862e3fe1be46a994272793' } })).toEqual({
      AWSTraceHeader: { DataType: 'String', StringValue: 'Root=1-5759e988-bd862e3fe1be46a994272793' },
    });
    expect(err(validateSystemAttributes({ Other: { DataType: 'String', StringValue: 'x' } })).code).toBe('InvalidParameterValue');
  });
});
