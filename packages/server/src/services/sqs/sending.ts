// Turning one SendMessage (or batch entry) into a stored message, with AWS's checks in AWS's order.
import { createHash, randomUUID } from 'node:crypto';
import { AwsError, invalidValue } from '../../protocols/errors.js';
import type { RequestContext } from '../../protocols/service.js';
import type { NewMessage, QueueRecord } from '../../storage/ports.js';
import { md5Hex, md5OfMessageAttributes } from './domain/md5.js';
import type { SendMessageRequest } from '../../protocols/models/sqs.types.js';
import { validateBody, validateMessageAttributes, validateSystemAttributes } from './domain/message.js';
import { encodePayload } from './domain/payload.js';
import { attributeNumber } from './domain/queue-attributes.js';
import { sqsError } from './errors.js';
import { isEncrypted, isFifo } from './queues.js';
import type { SqsRuntime } from './runtime.js';

/** A SendMessage request or a batch entry: the same members, as the model defines them. */
export type OutgoingMessage = Omit<SendMessageRequest, 'QueueUrl'>;

export interface PreparedMessage {
  message: NewMessage;
  /** FIFO: what deduplication is judged by (explicit id or body hash, scoped to the group if so configured). */
  dedupKey: string | undefined;
}

/** FIFO queues remember deduplication ids for five minutes. */
export const DEDUPLICATION_WINDOW_MS = 5 * 60_000;

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

/**
 * The FIFO requirements that AWS reports for the whole request, even in a batch: a message
 * group id, and a deduplication id unless the queue deduplicates by content.
 */
export function fifoRequirement(queue: QueueRecord, input: OutgoingMessage): AwsError | undefined {
  if (!isFifo(queue)) return undefined;
  if (input.MessageGroupId === undefined) return sqsError('MissingParameter', 'The request must contain the parameter MessageGroupId.');
  if (input.MessageDeduplicationId === undefined && queue.attributes.ContentBasedDeduplication !== 'true') {
    return sqsError('InvalidParameterValue', 'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
  }
  return undefined;
}

/** `reason` differs between SendMessage ("are invalid") and batch entries ("cannot be validated"). */
export function prepareMessage(
  sqs: SqsRuntime,
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
  const required = fifoRequirement(queue, input);
  if (required) return required;
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

  let deduplicationId: string | null = null;
  let dedupKey: string | undefined;
  if (fifo) {
    deduplicationId = input.MessageDeduplicationId ?? createHash('sha256').update(body, 'utf8').digest('hex');
    dedupKey = queue.attributes.DeduplicationScope === 'messageGroup' ? `${input.MessageGroupId}\u0000${deduplicationId}` : deduplicationId;
  }

  // On FIFO queues the queue's delay always applies (a per-message delay can only be 0).
  const delay = fifo ? attributeNumber(queue.attributes, 'DelaySeconds') : (input.DelaySeconds ?? attributeNumber(queue.attributes, 'DelaySeconds'));
  const message: NewMessage = {
    messageId: randomUUID(),
    payload: encodePayload({ body, attributes: attrs.attributes, systemAttributes: system }, isEncrypted(queue) ? sqs.dataKey : undefined),
    md5OfBody: md5Hex(body),
    md5OfAttributes: attrs.attributes ? (md5OfMessageAttributes(attrs.attributes) ?? null) : null,
    md5OfSystemAttributes: system ? (md5OfMessageAttributes(system) ?? null) : null,
    senderId: senderId(ctx),
    sentAt: now,
    visibleAt: now + delay * 1000,
    groupId: input.MessageGroupId ?? null,
    deduplicationId,
    deadLetterSourceArn: null,
  };
  return { message, dedupKey };
}

export interface SendOutcome {
  messageId: string;
  sequenceNumber: string | undefined;
}

/** Stores prepared messages: plain inserts on a standard queue, deduplicated and sequenced on FIFO. */
export async function storeMessages(sqs: SqsRuntime, queue: QueueRecord, prepared: PreparedMessage[]): Promise<SendOutcome[]> {
  if (prepared.length === 0) return [];
  let outcomes: SendOutcome[];
  if (isFifo(queue)) {
    const results = await sqs.store.insertFifoMessages(
      queue.id,
      prepared.map((p) => ({ message: p.message, dedupKey: p.dedupKey! })),
      sqs.clock.now(),
      DEDUPLICATION_WINDOW_MS,
    );
    outcomes = results.map((r) => ({ messageId: r.messageId, sequenceNumber: r.sequenceNumber }));
    sqs.counters.add(queue, 'sent', results.filter((r) => !r.duplicate).length);
  } else {
    await sqs.store.insertMessages(queue.id, prepared.map((p) => p.message));
    outcomes = prepared.map((p) => ({ messageId: p.message.messageId, sequenceNumber: undefined }));
    sqs.counters.add(queue, 'sent', prepared.length);
  }
  sqs.waiters.wake(queue.id);
  return outcomes;
}
