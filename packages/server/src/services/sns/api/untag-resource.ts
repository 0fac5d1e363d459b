import type { UntagResourceRequest, UntagResourceResponse } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { SnsRuntime } from '../runtime.js';
import { requireTopic } from '../topics.js';

export async function untagResource(sns: SnsRuntime, input: UntagResourceRequest, ctx: RequestContext): Promise<UntagResourceResponse> {
  const topic = await requireTopic(sns, input.ResourceArn, ctx.region, 'ResourceArn');
  const remove = new Set(input.TagKeys);
  await sns.store.updateTopic(topic.id, { tags: topic.tags.filter((t) => !remove.has(t.Key)) });
  return {};
}
