import type { ListQueueTagsRequest, ListQueueTagsResult } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { requireQueue } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';

export async function listQueueTags(sqs: SqsRuntime, input: ListQueueTagsRequest, ctx: RequestContext): Promise<ListQueueTagsResult> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  return Object.keys(queue.tags).length > 0 ? { Tags: queue.tags } : {};
}
