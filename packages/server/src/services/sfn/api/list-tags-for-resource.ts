import type {
  ListTagsForResourceInput,
  ListTagsForResourceOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { SfnRuntime } from '../runtime.js';
import { requireTaggable } from './tag-resource.js';

export async function listTagsForResource(
  sfn: SfnRuntime,
  input: ListTagsForResourceInput,
  ctx: RequestContext,
): Promise<ListTagsForResourceOutput> {
  const machine = await requireTaggable(sfn, input.resourceArn, ctx);
  return { tags: machine.tags.map((t) => ({ key: t.key, value: t.value })) };
}
