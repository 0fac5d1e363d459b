import type { GetSubscriptionAttributesInput, GetSubscriptionAttributesResponse } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { parseTopicArn } from '../domain/arn.js';
import { effectiveDeliveryPolicy } from '../domain/topic-attributes.js';
import type { SnsRuntime } from '../runtime.js';
import { requireSubscription } from '../topics.js';
import { AUTHENTICATE_ON_UNSUBSCRIBE } from './confirm-subscription.js';

export async function getSubscriptionAttributes(
  sns: SnsRuntime,
  input: GetSubscriptionAttributesInput,
  _ctx: RequestContext,
): Promise<GetSubscriptionAttributesResponse> {
  const sub = await requireSubscription(sns, input.SubscriptionArn);
  const { [AUTHENTICATE_ON_UNSUBSCRIBE]: _hidden, ...own } = sub.attributes;
  // The scope is kept but only reported once there is a policy for it to apply to.
  if (!own.FilterPolicy) delete own.FilterPolicyScope;
  const attributes: Record<string, string> = {
    ...own,
    Owner: sub.owner,
    PendingConfirmation: String(sub.pendingConfirmation),
    ConfirmationWasAuthenticated: String(sub.confirmationWasAuthenticated),
    SubscriptionArn: sub.arn,
    TopicArn: sub.topicArn,
    Protocol: sub.protocol,
    Endpoint: sub.endpoint,
  };
  if (sub.protocol === 'http' || sub.protocol === 'https') {
    const key = parseTopicArn(sub.topicArn);
    const topic = 'code' in key ? undefined : await sns.store.getTopic(key.account, key.region, key.name);
    attributes.EffectiveDeliveryPolicy = sub.attributes.DeliveryPolicy ?? effectiveDeliveryPolicy(topic?.attributes ?? {});
  }
  return { Attributes: attributes };
}
