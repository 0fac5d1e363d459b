import type { CreateTopicInput, CreateTopicResponse } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { isValidTopicName, topicArn } from '../domain/arn.js';
import { checkTopicAttribute, initialTopicAttributes } from '../domain/topic-attributes.js';
import { invalidParameter } from '../errors.js';
import type { SnsRuntime } from '../runtime.js';
import { checkTags } from './tag-resource.js';

function sameTags(a: Array<{ Key: string; Value: string }>, b: Array<{ Key: string; Value: string }>): boolean {
  const m = new Map(a.map((t) => [t.Key, t.Value]));
  return b.every((t) => m.get(t.Key) === t.Value);
}

export async function createTopic(sns: SnsRuntime, input: CreateTopicInput, ctx: RequestContext): Promise<CreateTopicResponse> {
  const given = { ...(input.Attributes ?? {}) };
  const fifo = given.FifoTopic?.toLowerCase() === 'true';
  if (!isValidTopicName(input.Name, fifo)) throw invalidParameter('Topic Name');
  for (const [name, value] of Object.entries(given)) {
    const err = checkTopicAttribute(name, value, fifo, true);
    if (err) throw err;
  }
  // FifoTopic=false is the default and, as on AWS, not reported as an attribute.
  if (given.FifoTopic !== undefined) {
    if (fifo) given.FifoTopic = 'true';
    else delete given.FifoTopic;
  }
  const tags = input.Tags ?? [];
  const tagError = checkTags(tags, []);
  if (tagError) throw tagError;

  const arn = topicArn(ctx.region, ctx.account, input.Name);
  const { created, topic } = await sns.store.createTopic({
    account: ctx.account,
    region: ctx.region,
    name: input.Name,
    attributes: { ...initialTopicAttributes(arn, ctx.account, fifo), ...given },
    tags,
    dataProtectionPolicy: input.DataProtectionPolicy ?? null,
    createdAt: sns.clock.now(),
  });
  if (!created) {
    // AWS compares only what the request names.
    for (const [name, value] of Object.entries(given)) {
      if ((topic.attributes[name] ?? '') !== value) throw invalidParameter('Attributes', 'Topic already exists with different attributes');
    }
    if (tags.length > 0 && !sameTags(topic.tags, tags)) throw invalidParameter('Tags', 'Topic already exists with different tags');
  }
  return { TopicArn: arn };
}
