import type { DeleteQueueRequest } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { requireQueue } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';

export async function deleteQueue(sqs: SqsRuntime, input: DeleteQueueRequest, ctx: RequestContext): Promise<void> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  await sqs.store.deleteQueue(queue.id, sqs.clock.now());
  sqs.inFlight.reset(queue.id);
  // Long polls on the deleted queue end now rather than at their deadline.
  sqs.waiters.wake(queue.id);
}
