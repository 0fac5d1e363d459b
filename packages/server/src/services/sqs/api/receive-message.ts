import { invalidValue } from '../../../protocols/errors.js';
import type { Message, ReceiveMessageRequest, ReceiveMessageResult } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { QueueRecord, StoredMessage } from '../../../storage/ports.js';
import { md5OfMessageAttributes } from '../domain/md5.js';
import { decodePayload, type MessageContent, type StoredMessageAttribute } from '../domain/payload.js';
import { attributeNumber } from '../domain/queue-attributes.js';
import { encodeReceiptHandle } from '../domain/receipt-handle.js';
import { sqsError } from '../errors.js';
import { isFifo, redriveFor, requireQueue, retainedAfter } from '../queues.js';
import { MAX_VISIBILITY_TIMEOUT } from '../receipts.js';
import type { SqsRuntime } from '../runtime.js';

/** AWS's words when a standard queue has too many messages in flight. */
const OVER_LIMIT_MESSAGE = 'Too many messages have been received without being deleted. Please delete your received messages or let them timeout before receiving more.';

/** A FIFO receive can be retried with the same ReceiveRequestAttemptId for five minutes. */
const RECEIVE_ATTEMPT_WINDOW_MS = 5 * 60_000;

function checkRange(name: string, value: number | undefined, min: number, max: number, reason: string): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) throw invalidValue(name, value, reason);
}

/** System attributes a receive can ask for, and how to read each from a stored message. */
type Read = (m: StoredMessage, fifo: boolean, content: MessageContent) => string | undefined;

const SYSTEM_ATTRIBUTES: Record<string, Read> = {
  SenderId: (m) => m.senderId,
  SentTimestamp: (m) => String(m.sentAt),
  ApproximateReceiveCount: (m) => String(m.receiveCount),
  ApproximateFirstReceiveTimestamp: (m) => (m.firstReceiveAt === null ? undefined : String(m.firstReceiveAt)),
  AWSTraceHeader: (_m, _fifo, content) => content.systemAttributes?.AWSTraceHeader?.StringValue,
  MessageGroupId: (m) => m.groupId ?? undefined,
  MessageDeduplicationId: (m, fifo) => (fifo ? (m.deduplicationId ?? undefined) : undefined),
  SequenceNumber: (m, fifo) => (fifo ? (m.sequenceNumber ?? undefined) : undefined),
  DeadLetterQueueSourceArn: (m) => m.deadLetterSourceArn ?? undefined,
};

function systemAttributes(m: StoredMessage, content: MessageContent, names: Set<string>, fifo: boolean): Record<string, string> | undefined {
  if (names.size === 0) return undefined;
  const all = names.has('All');
  const out: Record<string, string> = {};
  for (const [name, read] of Object.entries(SYSTEM_ATTRIBUTES)) {
    if (!all && !names.has(name)) continue;
    const v = read(m, fifo, content);
    if (v !== undefined) out[name] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `All`, `.*`, exact names and `prefix.*`, as ReceiveMessage's MessageAttributeNames allows. */
export function selectMessageAttributes(
  attributes: Record<string, StoredMessageAttribute> | null,
  names: string[],
): Record<string, StoredMessageAttribute> | undefined {
  if (!attributes || names.length === 0) return undefined;
  const out: Record<string, StoredMessageAttribute> = {};
  const all = names.includes('All') || names.includes('.*');
  const prefixes = names.filter((n) => n.endsWith('.*')).map((n) => n.slice(0, -1));
  for (const [name, value] of Object.entries(attributes)) {
    if (all || names.includes(name) || prefixes.some((p) => name.startsWith(p))) out[name] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function toWire(sqs: SqsRuntime, m: StoredMessage, queue: QueueRecord, input: ReceiveMessageRequest, systemNames: Set<string>): Message {
  const content = decodePayload(m.payload, sqs.dataKey);
  const out: Message = {
    MessageId: m.messageId,
    ReceiptHandle: encodeReceiptHandle({ queueId: queue.id, rowId: m.rowId, messageId: m.messageId, receiveCount: m.receiveCount }),
    MD5OfBody: m.md5OfBody,
    Body: content.body,
  };
  const attrs = systemAttributes(m, content, systemNames, isFifo(queue));
  if (attrs) out.Attributes = attrs;
  const selected = selectMessageAttributes(content.attributes, input.MessageAttributeNames ?? []);
  if (selected) {
    out.MD5OfMessageAttributes = md5OfMessageAttributes(selected);
    out.MessageAttributes = Object.fromEntries(
      Object.entries(selected).map(([name, a]) => [
        name,
        a.BinaryValue !== undefined
          ? { DataType: a.DataType, BinaryValue: Buffer.from(a.BinaryValue, 'base64') }
          : { DataType: a.DataType, StringValue: a.StringValue },
      ]),
    );
  }
  return out;
}

export async function receiveMessage(sqs: SqsRuntime, input: ReceiveMessageRequest, ctx: RequestContext): Promise<ReceiveMessageResult> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  checkRange('MaxNumberOfMessages', input.MaxNumberOfMessages, 1, 10, 'Must be between 1 and 10, if provided.');
  checkRange('WaitTimeSeconds', input.WaitTimeSeconds, 0, 20, 'Must be >= 0 and <= 20, if provided.');
  checkRange('VisibilityTimeout', input.VisibilityTimeout, 0, MAX_VISIBILITY_TIMEOUT, `Must be >= 0 and <= ${MAX_VISIBILITY_TIMEOUT}, if provided.`);

  const max = input.MaxNumberOfMessages ?? 1;
  const visibility = input.VisibilityTimeout ?? attributeNumber(queue.attributes, 'VisibilityTimeout');
  const waitSeconds = input.WaitTimeSeconds ?? attributeNumber(queue.attributes, 'ReceiveMessageWaitTimeSeconds');
  const systemNames = new Set([...(input.AttributeNames ?? []), ...(input.MessageSystemAttributeNames ?? [])]);
  const fifo = isFifo(queue);
  const attemptId = fifo ? input.ReceiveRequestAttemptId : undefined;
  if (attemptId !== undefined && !/^[\x21-\x7E]{1,128}$/.test(attemptId)) {
    throw invalidValue('ReceiveRequestAttemptId', attemptId, 'ReceiveRequestAttemptId can only include alphanumeric and punctuation characters. 1 to 128 in length.');
  }
  const redrive = await redriveFor(sqs, queue);

  const deadline = sqs.clock.now() + waitSeconds * 1000;
  for (;;) {
    const seen = sqs.waiters.generation(queue.id);
    const now = sqs.clock.now();
    const full = await sqs.inFlight.reached(queue.id, now, async () => (await sqs.store.countMessages(queue.id, now, retainedAfter(queue, now))).notVisible);
    // At the quota a standard queue refuses; a FIFO queue just has nothing to hand out.
    if (full && !fifo) throw sqsError('OverLimit', OVER_LIMIT_MESSAGE);
    const messages = full ? [] : await sqs.store.receiveMessages(queue.id, {
      now,
      max,
      visibleUntil: now + visibility * 1000,
      retainedAfter: retainedAfter(queue, now),
      fifo,
      redrive,
      attemptId,
      attemptValidAfter: now - RECEIVE_ATTEMPT_WINDOW_MS,
    });
    if (messages.length > 0) {
      sqs.inFlight.received(queue.id, messages.length);
      sqs.counters.add(queue, 'received', messages.length);
      if (redrive) sqs.waiters.wake(redrive.deadLetterQueueId);
      return { Messages: messages.map((m) => toWire(sqs, m, queue, input, systemNames)) };
    }
    if (redrive) sqs.waiters.wake(redrive.deadLetterQueueId);
    const remaining = deadline - sqs.clock.now();
    if (remaining <= 0 || ctx.signal.aborted) {
      sqs.counters.add(queue, 'emptyReceives');
      return {};
    }
    const next = await sqs.store.nextVisibleAt(queue.id, now);
    const sleep = next === undefined ? remaining : Math.min(remaining, Math.max(1, next - sqs.clock.now()));
    await sqs.waiters.wait(queue.id, seen, sleep, ctx.signal);
    if (ctx.signal.aborted) return {};
    // A queue deleted while we waited ends the poll like AWS: with no messages.
    if (!(await sqs.store.getQueue(queue))) return {};
  }
}
