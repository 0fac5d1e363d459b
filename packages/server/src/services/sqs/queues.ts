// Finding the queue a request names, shared by every operation that takes a QueueUrl.
import type { RequestContext } from '../../protocols/service.js';
import type { QueueRecord } from '../../storage/ports.js';
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

export function isFifo(queue: QueueRecord): boolean {
  return queue.attributes.FifoQueue === 'true';
}

/** Messages sent at or before the returned instant have outlived the queue's retention. */
export function retainedAfter(queue: QueueRecord, now: number): number {
  return now - attributeNumber(queue.attributes, 'MessageRetentionPeriod') * 1000;
}
