import type { UntagQueueRequest } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { requireQueue } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';

export async function untagQueue(sqs: SqsRuntime, input: UntagQueueRequest, ctx: RequestContext): Promise<void> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const tags = { ...queue.tags };
  // Removing a key that is not there is not an error.
  for (const key of input.TagKeys) delete tags[key];
  await sqs.store.updateQueue(queue.id, { tags });
}
