import type { PurgeQueueRequest } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { sqsError } from '../errors.js';
import { requireQueue } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';

export const PURGE_INTERVAL_MS = 60_000;

export async function purgeQueue(sqs: SqsRuntime, input: PurgeQueueRequest, ctx: RequestContext): Promise<void> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const now = sqs.clock.now();
  if (queue.lastPurgeAt !== null && now - queue.lastPurgeAt < PURGE_INTERVAL_MS) {
    throw sqsError('PurgeQueueInProgress', `Only one PurgeQueue operation on ${queue.name} is allowed every 60 seconds.`);
  }
  await sqs.store.updateQueue(queue.id, { lastPurgeAt: now });
  await sqs.store.purgeQueue(queue.id);
  sqs.inFlight.reset(queue.id);
  sqs.waiters.wake(queue.id);
}
