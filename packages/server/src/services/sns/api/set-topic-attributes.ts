import type { SetTopicAttributesInput } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { checkTopicAttribute, defaultTopicPolicy } from '../domain/topic-attributes.js';
import type { SnsRuntime } from '../runtime.js';
import { arnOf, isFifoTopic, requireTopic } from '../topics.js';

export async function setTopicAttributes(sns: SnsRuntime, input: SetTopicAttributesInput, ctx: RequestContext): Promise<void> {
  const topic = await requireTopic(sns, input.TopicArn, ctx.region);
  const value = input.AttributeValue ?? '';
  const err = checkTopicAttribute(input.AttributeName, value, isFifoTopic(topic), false);
  if (err) throw err;
  const attributes = { ...topic.attributes };
  if (value === '' && input.AttributeName !== 'DisplayName') {
    // Clearing the policy brings back the default one; clearing anything else removes it.
    if (input.AttributeName === 'Policy') attributes.Policy = defaultTopicPolicy(arnOf(topic), topic.account);
    else delete attributes[input.AttributeName];
  } else {
    attributes[input.AttributeName] = value;
  }
  await sns.store.updateTopic(topic.id, { attributes });
}
