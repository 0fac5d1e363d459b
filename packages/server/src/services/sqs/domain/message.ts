// Validation of what a sender gives: body characters and size, message attributes and the
// one settable system attribute (AWSTraceHeader), with AWS's wording.
import type { AwsError } from '../../../protocols/errors.js';
import type { MessageAttributeValue } from '../../../protocols/models/sqs.types.js';
import type { StoredMessageAttribute } from './payload.js';
import { sqsError } from '../errors.js';

/** What the wire codecs decode a MessageAttributeValue into. */
export type MessageAttributeInput = MessageAttributeValue;

// Characters SQS accepts: #x9 | #xA | #xD | #x20–#xD7FF | #xE000–#xFFFD | #x10000–#x10FFFF.
const INVALID_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function invalidCharacter(text: string): string | undefined {
  const m = INVALID_CHAR.exec(text);
  if (!m) return undefined;
  return `#x${m[0].codePointAt(0)!.toString(16).toUpperCase()}`;
}

export function validateBody(body: string): AwsError | undefined {
  const bad = invalidCharacter(body);
  if (bad) {
    return sqsError(
      'InvalidMessageContents',
      `Invalid binary character '${bad}' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF`,
    );
  }
  return undefined;
}

const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,256}$/;
const DATA_TYPE = /^(String|Number|Binary)(\.[^\s]{1,256})?$/;
const MAX_ATTRIBUTES = 10;

function attributeNameProblem(name: string, kind: 'user' | 'system'): AwsError | undefined {
  const label = kind === 'user' ? 'Message (user) attribute name' : 'Message system attribute name';
  if (!ATTRIBUTE_NAME.test(name) || name.startsWith('.') || name.endsWith('.') || name.includes('..')) {
    return sqsError('InvalidParameterValue', `${label} '${name}' is invalid. It can only contain alphanumeric characters, hyphens, underscores and periods, must not begin or end with a period or contain consecutive periods, and can be at most 256 characters long.`);
  }
  if (kind === 'user' && /^(aws\.|amazon\.)/i.test(name)) {
    return sqsError('InvalidParameterValue', `You can't use message attribute names beginning with 'AWS.' or 'Amazon.'. These strings are reserved for internal use. Message (user) attribute name '${name}' is invalid.`);
  }
  return undefined;
}

function valueProblem(name: string, a: MessageAttributeInput, kind: 'user' | 'system'): AwsError | undefined {
  const label = kind === 'user' ? 'Message (user) attribute' : 'Message system attribute';
  const m = DATA_TYPE.exec(a.DataType);
  if (!m) {
    return sqsError('InvalidParameterValue', `The type of ${label.toLowerCase()} '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`);
  }
  const base = m[1];
  if (base === 'Binary') {
    if (!a.BinaryValue || a.BinaryValue.length === 0) {
      return sqsError('InvalidParameterValue', `${label} '${name}' must contain a non-empty value of type 'Binary'.`);
    }
    return undefined;
  }
  if (a.StringValue === undefined || a.StringValue === '') {
    return sqsError('InvalidParameterValue', `${label} '${name}' must contain a non-empty value of type '${base}'.`);
  }
  const bad = invalidCharacter(a.StringValue);
  if (bad) {
    return sqsError('InvalidParameterValue', `${label} '${name}' contains invalid character '${bad}'.`);
  }
  if (base === 'Number') {
    const text = a.StringValue.trim();
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) || !Number.isFinite(Number(text))) {
      return sqsError('InvalidParameterValue', `Could not cast message attribute '${name}' value to number.`);
    }
  }
  return undefined;
}

export interface ValidatedAttributes {
  attributes: Record<string, StoredMessageAttribute> | null;
  /** Bytes that count towards MaximumMessageSize: name, type and value of each. */
  size: number;
}

function toStored(a: MessageAttributeInput): StoredMessageAttribute {
  if (DATA_TYPE.exec(a.DataType)?.[1] === 'Binary') {
    return { DataType: a.DataType, BinaryValue: Buffer.from(a.BinaryValue ?? new Uint8Array()).toString('base64') };
  }
  return { DataType: a.DataType, StringValue: a.StringValue ?? '' };
}

export function validateMessageAttributes(given: Record<string, MessageAttributeInput> | undefined): ValidatedAttributes | AwsError {
  if (!given) return { attributes: null, size: 0 };
  const names = Object.keys(given);
  if (names.length === 0) return { attributes: null, size: 0 };
  if (names.length > MAX_ATTRIBUTES) {
    return sqsError('InvalidParameterValue', `Number of message attributes [${names.length}] exceeds the allowed maximum [${MAX_ATTRIBUTES}].`);
  }
  const out: Record<string, StoredMessageAttribute> = {};
  let size = 0;
  for (const name of names) {
    const a = given[name]!;
    const problem = attributeNameProblem(name, 'user') ?? valueProblem(name, a, 'user');
    if (problem) return problem;
    out[name] = toStored(a);
    size += Buffer.byteLength(name) + Buffer.byteLength(a.DataType);
    size += a.BinaryValue ? a.BinaryValue.length : Buffer.byteLength(a.StringValue ?? '');
  }
  return { attributes: out, size };
}

const SYSTEM_ATTRIBUTES = new Set(['AWSTraceHeader']);

export function validateSystemAttributes(given: Record<string, MessageAttributeInput> | undefined): Record<string, StoredMessageAttribute> | null | AwsError {
  if (!given || Object.keys(given).length === 0) return null;
  const out: Record<string, StoredMessageAttribute> = {};
  for (const [name, a] of Object.entries(given)) {
    if (!SYSTEM_ATTRIBUTES.has(name)) {
      return sqsError('InvalidParameterValue', `Message system attribute name '${name}' is invalid.`);
    }
    if (a.DataType !== 'String') {
      return sqsError('InvalidParameterValue', `The message system attribute '${name}' must be of type 'String'.`);
    }
    const problem = valueProblem(name, a, 'system');
    if (problem) return problem;
    out[name] = toStored(a);
  }
  return out;
}
