// Queue attributes: which exist, their ranges and defaults, and how CreateQueue and
// SetQueueAttributes validate them. Values are kept as the strings SQS reports.
import type { AwsError } from '../../../protocols/errors.js';
import { sqsError } from '../errors.js';

interface IntegerAttribute {
  kind: 'integer';
  min: number;
  max: number;
  default: number;
}
interface BooleanAttribute {
  kind: 'boolean';
  default?: boolean;
}
interface EnumAttribute {
  kind: 'enum';
  values: string[];
  default: string;
}
interface TextAttribute {
  kind: 'json' | 'policy' | 'string';
}
type AttributeSpec = (IntegerAttribute | BooleanAttribute | EnumAttribute | TextAttribute) & { fifoOnly?: boolean };

export const SETTABLE_ATTRIBUTES: Record<string, AttributeSpec> = {
  DelaySeconds: { kind: 'integer', min: 0, max: 900, default: 0 },
  MaximumMessageSize: { kind: 'integer', min: 1024, max: 1_048_576, default: 1_048_576 },
  MessageRetentionPeriod: { kind: 'integer', min: 60, max: 1_209_600, default: 345_600 },
  ReceiveMessageWaitTimeSeconds: { kind: 'integer', min: 0, max: 20, default: 0 },
  VisibilityTimeout: { kind: 'integer', min: 0, max: 43_200, default: 30 },
  Policy: { kind: 'policy' },
  RedrivePolicy: { kind: 'json' },
  RedriveAllowPolicy: { kind: 'json' },
  KmsMasterKeyId: { kind: 'string' },
  KmsDataKeyReusePeriodSeconds: { kind: 'integer', min: 60, max: 86_400, default: 300 },
  SqsManagedSseEnabled: { kind: 'boolean', default: true },
  FifoQueue: { kind: 'boolean', fifoOnly: true },
  ContentBasedDeduplication: { kind: 'boolean', default: false, fifoOnly: true },
  DeduplicationScope: { kind: 'enum', values: ['messageGroup', 'queue'], default: 'queue', fifoOnly: true },
  FifoThroughputLimit: { kind: 'enum', values: ['perQueue', 'perMessageGroupId'], default: 'perQueue', fifoOnly: true },
};

export const READ_ONLY_ATTRIBUTES = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesDelayed',
  'ApproximateNumberOfMessagesNotVisible',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
  'QueueArn',
] as const;

export const ALL_ATTRIBUTE_NAMES = new Set<string>([...Object.keys(SETTABLE_ATTRIBUTES), ...READ_ONLY_ATTRIBUTES]);

const INTEGER = /^-?\d+$/;

function invalidValue(name: string): AwsError {
  return sqsError('InvalidAttributeValue', `Invalid value for the parameter ${name}.`);
}

function unknownAttribute(name: string): AwsError {
  return sqsError('InvalidAttributeName', `Unknown Attribute ${name}.`);
}

function normaliseValue(name: string, spec: AttributeSpec, raw: string): string | AwsError {
  switch (spec.kind) {
    case 'integer': {
      const text = raw.trim();
      if (!INTEGER.test(text)) return invalidValue(name);
      const n = Number(text);
      if (n < spec.min || n > spec.max) return invalidValue(name);
      return String(n);
    }
    case 'boolean': {
      const lower = raw.toLowerCase();
      if (lower !== 'true' && lower !== 'false') return invalidValue(name);
      return lower;
    }
    case 'enum':
      if (!spec.values.includes(raw)) return invalidValue(name);
      return raw;
    case 'policy':
      if (raw === '') return '';
      return isPolicyDocument(raw) ? raw : invalidValue(name);
    case 'json':
      if (raw === '') return '';
      try {
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return invalidValue(name);
      } catch {
        return invalidValue(name);
      }
      return raw;
    case 'string':
      return raw;
  }
}

/**
 * Validates attributes given to CreateQueue or SetQueueAttributes and returns them normalised.
 * `fifo` is the queue's type (for CreateQueue: from the name and FifoQueue attribute).
 */
export function validateAttributes(
  given: Record<string, string>,
  fifo: boolean,
  operation: 'CreateQueue' | 'SetQueueAttributes',
): Record<string, string> | AwsError {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(given)) {
    const spec = SETTABLE_ATTRIBUTES[name];
    if (!spec) return unknownAttribute(name);
    if (spec.fifoOnly && !fifo) {
      if (name === 'DeduplicationScope' || name === 'FifoThroughputLimit') {
        return sqsError('InvalidAttributeName', `You can specify the ${name} only when FifoQueue is set to true.`);
      }
      return unknownAttribute(name);
    }
    const value = normaliseValue(name, spec, raw);
    if (typeof value !== 'string') return value;
    if (name === 'FifoQueue' && operation === 'SetQueueAttributes' && value !== 'true') {
      return sqsError('InvalidAttributeValue', 'Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.');
    }
    out[name] = value;
  }
  if (out.KmsMasterKeyId && out.SqsManagedSseEnabled === 'true') {
    return sqsError(
      'InvalidAttributeName',
      'You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.',
    );
  }
  if (out.RedrivePolicy) {
    const policy = normaliseRedrivePolicy(out.RedrivePolicy);
    if (typeof policy !== 'string') return policy;
    out.RedrivePolicy = policy;
  }
  if (out.RedriveAllowPolicy) {
    const err = validateRedriveAllowPolicy(out.RedriveAllowPolicy);
    if (err) return err;
  }
  return out;
}

/** An IAM policy document: an object with one or more statements, each with an effect. */
function isPolicyDocument(text: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return false;
  const d = doc as Record<string, unknown>;
  if (d.Version !== undefined && d.Version !== '2012-10-17' && d.Version !== '2008-10-17') return false;
  if (d.Statement === undefined) return false;
  const statements = Array.isArray(d.Statement) ? d.Statement : [d.Statement];
  return statements.every((st: unknown) => {
    if (typeof st !== 'object' || st === null || Array.isArray(st)) return false;
    const e = (st as Record<string, unknown>).Effect;
    return e === 'Allow' || e === 'Deny';
  });
}

/** The FIFO throughput settings must agree once merged with what the queue already has. */
export function checkFifoThroughput(attributes: Record<string, string>): AwsError | undefined {
  if (attributes.FifoThroughputLimit === 'perMessageGroupId' && attributes.DeduplicationScope !== 'messageGroup') {
    return sqsError(
      'InvalidAttributeValue',
      'Invalid value for the parameter FifoThroughputLimit. Reason: perMessageGroupId is allowed only when the value for DeduplicationScope is messageGroup.',
    );
  }
  return undefined;
}

const MAX_ALLOWED_SOURCES = 10;

function validateRedriveAllowPolicy(text: string): AwsError | undefined {
  const policy = JSON.parse(text) as Record<string, unknown>;
  const permission = policy.redrivePermission;
  const sources = policy.sourceQueueArns;
  const bad = (reason: string) => sqsError('InvalidParameterValue', `Value ${text} for parameter RedriveAllowPolicy is invalid. Reason: ${reason}`);
  if (permission !== 'allowAll' && permission !== 'denyAll' && permission !== 'byQueue') {
    return bad('Invalid value for redrivePermission. Valid values are allowAll, denyAll and byQueue.');
  }
  if (permission === 'byQueue') {
    if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s === 'string')) {
      return bad('sourceQueueArns must be a list of one or more queue ARNs when redrivePermission is byQueue.');
    }
    if (sources.length > MAX_ALLOWED_SOURCES) return bad(`sourceQueueArns can contain at most ${MAX_ALLOWED_SOURCES} queue ARNs.`);
  } else if (sources !== undefined) {
    return bad('sourceQueueArns can be given only when redrivePermission is byQueue.');
  }
  return undefined;
}

/** Checks the policy's form (not whether the target exists) and writes it as AWS reports it. */
function normaliseRedrivePolicy(text: string): string | AwsError {
  const policy = JSON.parse(text) as Record<string, unknown>;
  const arn = policy.deadLetterTargetArn;
  const bad = (reason: string) => sqsError('InvalidParameterValue', `Value ${text} for parameter RedrivePolicy is invalid. Reason: ${reason}`);
  if (policy.maxReceiveCount === undefined) return bad('Redrive policy does not contain mandatory attribute: maxReceiveCount.');
  if (arn === undefined) return bad('Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
  if (typeof arn !== 'string' || !/^arn:aws[\w-]*:sqs:[^:]+:\d{12}:[A-Za-z0-9_.-]+$/.test(arn)) {
    return bad('Invalid value for deadLetterTargetArn.');
  }
  const count = Number(policy.maxReceiveCount);
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    return bad(`Invalid value for maxReceiveCount: ${String(policy.maxReceiveCount)}, valid values are from 1 to 1000 both inclusive.`);
  }
  return JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: count });
}

/** The full settable attribute set of a new queue: defaults overlaid with what was given. */
export function withDefaults(given: Record<string, string>, fifo: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(SETTABLE_ATTRIBUTES)) {
    if (spec.fifoOnly && !fifo) continue;
    if (name === 'KmsDataKeyReusePeriodSeconds') continue;
    if ('default' in spec && spec.default !== undefined) out[name] = String(spec.default);
  }
  if (fifo) out.FifoQueue = 'true';
  Object.assign(out, given);
  if (given.KmsMasterKeyId) {
    out.SqsManagedSseEnabled = 'false';
    out.KmsDataKeyReusePeriodSeconds ??= '300';
  }
  for (const [k, v] of Object.entries(out)) if (v === '' && isText(k)) delete out[k];
  return out;
}

/** Attributes that an empty value removes. */
export function isText(name: string): boolean {
  const kind = SETTABLE_ATTRIBUTES[name]?.kind;
  return kind === 'json' || kind === 'policy' || kind === 'string';
}

/**
 * CreateQueue's idempotency check: the first of the attributes the caller gave whose value
 * differs from the existing queue's (AWS compares only what the request names).
 */
export function firstDifference(existing: Record<string, string>, wanted: Record<string, string>, given: Iterable<string>): string | undefined {
  for (const name of given) {
    if ((existing[name] ?? '') !== (wanted[name] ?? '')) return name;
  }
  return undefined;
}

export function attributeNumber(attributes: Record<string, string>, name: keyof typeof SETTABLE_ATTRIBUTES): number {
  const v = attributes[name];
  if (v !== undefined) return Number(v);
  const spec = SETTABLE_ATTRIBUTES[name];
  return spec && 'default' in spec && typeof spec.default === 'number' ? spec.default : 0;
}
