import type {
  UntagResourceInput,
  UntagResourceOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { SfnRuntime } from '../runtime.js';
import { requireTaggable } from './tag-resource.js';

export async function untagResource(
  sfn: SfnRuntime,
  input: UntagResourceInput,
  ctx: RequestContext,
): Promise<UntagResourceOutput> {
  const machine = await requireTaggable(sfn, input.resourceArn, ctx);
  const remove = new Set(input.tagKeys);
  const kept = machine.tags.filter((t) => !remove.has(t.key));
  if (kept.length !== machine.tags.length) await sfn.store.setStateMachineTags(machine.arn, kept);
  return {};
}
