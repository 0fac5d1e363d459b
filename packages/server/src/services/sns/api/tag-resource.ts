import type { AwsError } from '../../../protocols/errors.js';
import type { TagResourceRequest, TagResourceResponse } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { invalidParameter, snsError } from '../errors.js';
import type { SnsRuntime } from '../runtime.js';
import { requireTopic } from '../topics.js';

export const MAX_TAGS = 50;

export function checkTags(tags: Array<{ Key: string; Value: string }>, existing: Array<{ Key: string; Value: string }>): AwsError | undefined {
  const keys = new Set<string>();
  for (const t of tags) {
    if (keys.has(t.Key)) return invalidParameter('Duplicated keys are not allowed.');
    keys.add(t.Key);
    if (t.Key.length < 1 || t.Key.length > 128) return invalidParameter('Tags', 'Tag key must be between 1 and 128 characters');
    if (t.Value.length > 256) return invalidParameter('Tags', 'Tag value must be at most 256 characters');
  }
  const total = new Set([...existing.map((t) => t.Key), ...keys]).size;
  if (total > MAX_TAGS) return snsError('TagLimitExceeded', `Could not complete request: tag quota of per resource exceeded`);
  return undefined;
}

export function mergeTags(existing: Array<{ Key: string; Value: string }>, added: Array<{ Key: string; Value: string }>): Array<{ Key: string; Value: string }> {
  const out = existing.map((t) => ({ ...t }));
  for (const t of added) {
    const cur = out.find((e) => e.Key === t.Key);
    if (cur) cur.Value = t.Value;
    else out.push({ Key: t.Key, Value: t.Value });
  }
  return out;
}

export async function tagResource(sns: SnsRuntime, input: TagResourceRequest, ctx: RequestContext): Promise<TagResourceResponse> {
  const topic = await requireTopic(sns, input.ResourceArn, ctx.region, 'ResourceArn');
  const err = checkTags(input.Tags, topic.tags);
  if (err) throw err;
  await sns.store.updateTopic(topic.id, { tags: mergeTags(topic.tags, input.Tags) });
  return {};
}
