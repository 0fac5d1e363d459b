// Turning one SendMessage (or batch entry) into a stored message, with AWS's checks in AWS's order.
import { randomUUID } from 'node:crypto';
import { AwsError, invalidValue } from '../../protocols/errors.js';
import type { RequestContext } from '../../protocols/service.js';
import type { NewMessage, QueueRecord } from '../../storage/ports.js';
import { md5Hex, md5OfMessageAttributes } from './domain/md5.js';
import { validateBody, validateMessageAttributes, validateSystemAttributes, type MessageAttributeInput } from './domain/message.js';
import { attributeNumber } from './domain/queue-attributes.js';
import { sqsError } from './errors.js';
import { isFifo } from './queues.js';

export interface OutgoingMessage {
  MessageBody?: string;
  DelaySeconds?: number;
  MessageAttributes?: Record<string, MessageAttributeInput>;
  MessageSystemAttributes?: Record<string, MessageAttributeInput>;
  MessageDeduplicationId?: string;
  MessageGroupId?: string;
}

export interface PreparedMessage {
  message: NewMessage;
  /** Bytes counted against MaximumMessageSize (body and message attributes). */
  size: number;
}

const ID_CHARS = /^[\x21-\x7E]{1,128}$/;

function checkId(name: 'MessageGroupId' | 'MessageDeduplicationId', value: string): AwsError | undefined {
  if (!ID_CHARS.test(value)) {
    return invalidValue(name, value, `${name} can only include alphanumeric and punctuation characters. 1 to 128 in length.`);
  }
  return undefined;
}

export function senderId(ctx: RequestContext): string {
  return ctx.accessKeyId ?? ctx.account;
}

/** `reason` differs between SendMessage ("are invalid") and batch entries ("cannot be validated"). */
export function prepareMessage(
  queue: QueueRecord,
  input: OutgoingMessage,
  now: number,
  ctx: RequestContext,
  reason: 'are invalid' | 'cannot be validated',
): PreparedMessage | AwsError {
  const body = input.MessageBody;
  if (body === undefined || body === '') return sqsError('MissingParameter', 'The request must contain the parameter MessageBody.');
  const fifo = isFifo(queue);

  if (input.DelaySeconds !== undefined) {
    if (!Number.isInteger(input.DelaySeconds) || input.DelaySeconds < 0 || input.DelaySeconds > 900) {
      return invalidValue('DelaySeconds', input.DelaySeconds, 'DelaySeconds must be >= 0 and <= 900.');
    }
    if (fifo && input.DelaySeconds !== 0) {
      return invalidValue('DelaySeconds', input.DelaySeconds, 'The request include parameter that is not valid for this queue type.');
    }
  }
  if (input.MessageGroupId !== undefined) {
    const err = checkId('MessageGroupId', input.MessageGroupId);
    if (err) return err;
  }
  if (input.MessageDeduplicationId !== undefined) {
    if (!fifo) {
      return invalidValue('MessageDeduplicationId', input.MessageDeduplicationId, 'The request include parameter that is not valid for this queue type.');
    }
    const err = checkId('MessageDeduplicationId', input.MessageDeduplicationId);
    if (err) return err;
  }

  const bodyError = validateBody(body);
  if (bodyError) return bodyError;
  const attrs = validateMessageAttributes(input.MessageAttributes);
  if (attrs instanceof AwsError) return attrs;
  const system = validateSystemAttributes(input.MessageSystemAttributes);
  if (system instanceof AwsError) return system;

  const size = Buffer.byteLength(body, 'utf8') + attrs.size;
  const max = attributeNumber(queue.attributes, 'MaximumMessageSize');
  if (size > max) {
    return sqsError('InvalidParameterValue', `One or more parameters ${reason}. Reason: Message must be shorter than ${max} bytes.`);
  }

  const delay = input.DelaySeconds ?? attributeNumber(queue.attributes, 'DelaySeconds');
  const message: NewMessage = {
    messageId: randomUUID(),
    body,
    attributes: attrs.attributes,
    systemAttributes: system,
    md5OfBody: md5Hex(body),
    md5OfAttributes: attrs.attributes ? (md5OfMessageAttributes(attrs.attributes) ?? null) : null,
    md5OfSystemAttributes: system ? (md5OfMessageAttributes(system) ?? null) : null,
    senderId: senderId(ctx),
    sentAt: now,
    visibleAt: now + delay * 1000,
    groupId: input.MessageGroupId ?? null,
    deduplicationId: input.MessageDeduplicationId ?? null,
    sequenceNumber: null,
  };
  return { message, size };
}
