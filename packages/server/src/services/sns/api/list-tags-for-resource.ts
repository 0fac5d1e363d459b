import type { ListTagsForResourceRequest, ListTagsForResourceResponse } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { SnsRuntime } from '../runtime.js';
import { requireTopic } from '../topics.js';

export async function listTagsForResource(
  sns: SnsRuntime,
  input: ListTagsForResourceRequest,
  ctx: RequestContext,
): Promise<ListTagsForResourceResponse> {
  const topic = await requireTopic(sns, input.ResourceArn, ctx.region, 'ResourceArn');
  return { Tags: topic.tags };
}
