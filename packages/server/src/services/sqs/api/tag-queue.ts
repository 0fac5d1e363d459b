import type { TagQueueRequest } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { validateTags } from '../domain/tags.js';
import { requireQueue } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';

export async function tagQueue(sqs: SqsRuntime, input: TagQueueRequest, ctx: RequestContext): Promise<void> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const err = validateTags(input.Tags, queue.tags);
  if (err) throw err;
  await sqs.store.updateQueue(queue.id, { tags: { ...queue.tags, ...input.Tags } });
}
