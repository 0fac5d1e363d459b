// SNS message attributes: AWS's checks (ParameterValueInvalid), and the form they travel in.
import type { AwsError } from '../../../protocols/errors.js';
import type { MessageAttributeValue } from '../../../protocols/models/sns.types.js';
import { snsError } from '../errors.js';

/** An attribute as SNS hands it on: type and a string value (Binary as base64). */
export interface SnsMessageAttribute {
  Type: string;
  Value: string;
}

// A base type, optionally followed by "." and any custom label (AWS accepts spaces in it).
const TYPE = /^(String|Number|Binary)(\..+)?$/s;
const NAME_CHAR = /[A-Za-z0-9_.-]/;

function invalid(message: string): AwsError {
  return snsError('ParameterValueInvalid', message);
}

function nameProblem(name: string): AwsError | undefined {
  if (Buffer.byteLength(name) >= 256) return invalid('Length of message attribute name must be less than 256 bytes.');
  for (const ch of name) {
    if (!NAME_CHAR.test(ch)) {
      const hex = ch.codePointAt(0)!.toString(16).toUpperCase();
      return invalid(`Invalid non-alphanumeric character '#x${hex}' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.`);
    }
  }
  if (name.startsWith('.')) return invalid("Invalid message attribute name starting with character '.' was found.");
  if (name.endsWith('.')) return invalid("Invalid message attribute name ending with character '.' was found.");
  if (name.includes('..')) return invalid("Message attribute name can not have successive '.' character.");
  return undefined;
}

export interface ValidatedAttributes {
  attributes: Record<string, SnsMessageAttribute>;
  /** Bytes counted against the message size: name, type and value of each. */
  size: number;
}

export function validateSnsAttributes(given: Record<string, MessageAttributeValue> | undefined): ValidatedAttributes | AwsError {
  const out: Record<string, SnsMessageAttribute> = {};
  let size = 0;
  for (const [name, a] of Object.entries(given ?? {})) {
    const problem = nameProblem(name);
    if (problem) return problem;
    if (!TYPE.test(a.DataType)) {
      return invalid(`The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`);
    }
    const base = a.DataType.startsWith('Binary') ? 'Binary' : a.DataType.startsWith('Number') ? 'Number' : 'String';
    let value: string;
    if (base === 'Binary') {
      if (a.BinaryValue === undefined) {
        if (a.StringValue !== undefined) return invalid(`The message attribute '${name}' with type 'Binary' must use field 'Binary'.`);
        return invalid(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type 'Binary'.`);
      }
      if (a.BinaryValue.length === 0) {
        return invalid(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type 'Binary'.`);
      }
      value = Buffer.from(a.BinaryValue).toString('base64');
      size += a.BinaryValue.length;
    } else {
      if (a.StringValue === undefined) {
        if (a.BinaryValue !== undefined) return invalid(`The message attribute '${name}' with type '${base}' must use field 'String'.`);
        return invalid(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${base}'.`);
      }
      if (a.StringValue === '') {
        return invalid(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${base}'.`);
      }
      if (base === 'Number' && !Number.isFinite(Number(a.StringValue.trim()))) {
        return invalid(`The message attribute '${name}' with type 'Number' must contain a valid numeric value.`);
      }
      if (a.DataType === 'String.Array') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(a.StringValue);
        } catch {
          parsed = undefined;
        }
        if (!Array.isArray(parsed)) return invalid(`The message attribute '${name}' with type 'String.Array' must contain a valid JSON array.`);
      }
      value = a.StringValue;
      size += Buffer.byteLength(value);
    }
    size += Buffer.byteLength(name) + Buffer.byteLength(a.DataType);
    out[name] = { Type: a.DataType, Value: value };
  }
  return { attributes: out, size };
}
