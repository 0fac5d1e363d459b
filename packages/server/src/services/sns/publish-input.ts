// Checks shared by Publish and PublishBatch entries, in AWS's order and wording.
import { AwsError } from '../../protocols/errors.js';
import type { MessageAttributeValue } from '../../protocols/models/sns.types.js';
import type { TopicRecord } from '../../storage/ports.js';
import { validateSnsAttributes, type SnsMessageAttribute } from './domain/message-attributes.js';
import { invalidParameter } from './errors.js';
import { isFifoTopic } from './topics.js';

/** SNS's default (and most common) maximum message size: 256 KiB. */
export const DEFAULT_MAX_MESSAGE_BYTES = 262_144;

export interface PublishFields {
  Message: string;
  Subject?: string;
  MessageStructure?: string;
  MessageAttributes?: Record<string, MessageAttributeValue>;
  MessageDeduplicationId?: string;
  MessageGroupId?: string;
}

export interface CheckedPublish {
  message: string;
  perProtocol: Record<string, string> | undefined;
  subject: string | undefined;
  attributes: Record<string, SnsMessageAttribute>;
  /** Bytes counted against the topic's maximum: message and attributes. */
  size: number;
}

const SUBJECT = /^[\x20-\x7E]{1,99}$/;

export function checkPublish(input: PublishFields, maxBytes = DEFAULT_MAX_MESSAGE_BYTES): CheckedPublish | AwsError {
  if (input.Message === '') return invalidParameter('Empty message');
  if (input.Subject !== undefined && !SUBJECT.test(input.Subject)) return invalidParameter('Subject');
  let perProtocol: Record<string, string> | undefined;
  if (input.MessageStructure !== undefined) {
    if (input.MessageStructure !== 'json') return invalidParameter('MessageStructure');
    let parsed: unknown;
    try {
      parsed = JSON.parse(input.Message);
    } catch {
      return invalidParameter('Message Structure - JSON message body failed to parse');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return invalidParameter('Message Structure - JSON message body failed to parse');
    }
    const map = parsed as Record<string, unknown>;
    if (typeof map.default !== 'string') return invalidParameter('Message Structure - No default entry in JSON message body');
    perProtocol = {};
    for (const [k, v] of Object.entries(map)) if (typeof v === 'string') perProtocol[k] = v;
  }
  const attrs = validateSnsAttributes(input.MessageAttributes);
  if (attrs instanceof AwsError) return attrs;
  const size = Buffer.byteLength(input.Message, 'utf8') + attrs.size;
  if (size > maxBytes) return invalidParameter('Message too long');
  return { message: input.Message, perProtocol, subject: input.Subject, attributes: attrs.attributes, size };
}

export function checkFifoFields(topic: TopicRecord, input: PublishFields): AwsError | undefined {
  if (isFifoTopic(topic)) {
    if (input.MessageGroupId === undefined) return invalidParameter('The MessageGroupId parameter is required for FIFO topics');
    if (input.MessageDeduplicationId === undefined && topic.attributes.ContentBasedDeduplication !== 'true') {
      return invalidParameter('The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
    }
  } else if (input.MessageDeduplicationId !== undefined) {
    return invalidParameter('MessageDeduplicationId', 'The request includes MessageDeduplicationId parameter that is not valid for this topic type');
  }
  for (const [name, value] of [['MessageGroupId', input.MessageGroupId], ['MessageDeduplicationId', input.MessageDeduplicationId]] as const) {
    if (value !== undefined && !/^[\x21-\x7E]{1,128}$/.test(value)) {
      return invalidParameter(name, `${name} can only include alphanumeric and punctuation characters. 1 to 128 in length.`);
    }
  }
  return undefined;
}

export function maxMessageBytes(topic: TopicRecord): number {
  const v = Number(topic.attributes.MaximumMessageSize);
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_MAX_MESSAGE_BYTES;
}
