// Finding the queue a request names, shared by every operation that takes a QueueUrl or an ARN.
import type { RequestContext } from '../../protocols/service.js';
import type { QueueRecord, Redrive } from '../../storage/ports.js';
import { attributeNumber } from './domain/queue-attributes.js';
import { parseQueueUrl, queueArn, queueUrl } from './domain/queue-url.js';
import { queueDoesNotExist } from './errors.js';
import type { SqsRuntime } from './runtime.js';

export async function requireQueue(sqs: SqsRuntime, ctx: RequestContext, url: string): Promise<QueueRecord> {
  const parts = parseQueueUrl(url);
  if (!parts) throw queueDoesNotExist(ctx.protocol);
  const queue = await sqs.store.getQueue({ account: parts.account, region: ctx.region, name: parts.name });
  if (!queue) throw queueDoesNotExist(ctx.protocol);
  return queue;
}

export function urlOf(ctx: RequestContext, queue: QueueRecord): string {
  return queueUrl(ctx.baseUrl, queue.account, queue.name);
}

export function arnOf(queue: QueueRecord): string {
  return queueArn(queue.region, queue.account, queue.name);
}

const ARN = /^arn:aws[\w-]*:sqs:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,80}(?:\.fifo)?)$/;

export function parseQueueArn(arn: string): { region: string; account: string; name: string } | undefined {
  const m = ARN.exec(arn);
  return m ? { region: m[1]!, account: m[2]!, name: m[3]! } : undefined;
}

export async function queueByArn(sqs: SqsRuntime, arn: string): Promise<QueueRecord | undefined> {
  const key = parseQueueArn(arn);
  return key ? sqs.store.getQueue(key) : undefined;
}

export function isFifo(queue: QueueRecord): boolean {
  return queue.attributes.FifoQueue === 'true';
}

/** SSE-SQS (on by default) and SSE-KMS both mean: message contents are encrypted at rest. */
export function isEncrypted(queue: QueueRecord): boolean {
  return queue.attributes.SqsManagedSseEnabled === 'true' || Boolean(queue.attributes.KmsMasterKeyId);
}

/** Messages sent at or before the returned instant have outlived the queue's retention. */
export function retainedAfter(queue: QueueRecord, now: number): number {
  return now - attributeNumber(queue.attributes, 'MessageRetentionPeriod') * 1000;
}

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

export function redrivePolicyOf(queue: QueueRecord): RedrivePolicy | undefined {
  const text = queue.attributes.RedrivePolicy;
  if (!text) return undefined;
  const p = JSON.parse(text) as { deadLetterTargetArn: string; maxReceiveCount: number | string };
  return { deadLetterTargetArn: p.deadLetterTargetArn, maxReceiveCount: Number(p.maxReceiveCount) };
}

/** The dead-letter queue a receive moves over-received messages to, if the queue has one that exists. */
export async function redriveFor(sqs: SqsRuntime, queue: QueueRecord): Promise<Redrive | undefined> {
  const policy = redrivePolicyOf(queue);
  if (!policy) return undefined;
  const dlq = await queueByArn(sqs, policy.deadLetterTargetArn);
  if (!dlq) return undefined;
  return { deadLetterQueueId: dlq.id, deadLetterQueueFifo: isFifo(dlq), maxReceiveCount: policy.maxReceiveCount, sourceArn: arnOf(queue) };
}
