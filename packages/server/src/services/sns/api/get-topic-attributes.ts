import type { GetTopicAttributesInput, GetTopicAttributesResponse } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { effectiveDeliveryPolicy } from '../domain/topic-attributes.js';
import { allSubscriptions } from '../publishing.js';
import type { SnsRuntime } from '../runtime.js';
import { arnOf, requireTopic } from '../topics.js';

export async function getTopicAttributes(
  sns: SnsRuntime,
  input: GetTopicAttributesInput,
  ctx: RequestContext,
): Promise<GetTopicAttributesResponse> {
  const topic = await requireTopic(sns, input.TopicArn, ctx.region);
  const arn = arnOf(topic);
  const subs = await allSubscriptions(sns, arn);
  const pending = subs.filter((s) => s.pendingConfirmation).length;
  const attributes: Record<string, string> = {
    ...topic.attributes,
    Owner: topic.account,
    TopicArn: arn,
    SubscriptionsConfirmed: String(subs.length - pending),
    SubscriptionsPending: String(pending),
    SubscriptionsDeleted: '0',
    EffectiveDeliveryPolicy: effectiveDeliveryPolicy(topic.attributes),
  };
  if (attributes.DataProtectionPolicy === undefined) delete attributes.DataProtectionPolicy;
  return { Attributes: attributes };
}
