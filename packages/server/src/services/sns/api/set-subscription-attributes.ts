import { AwsError } from '../../../protocols/errors.js';
import type { SetSubscriptionAttributesInput } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { parseTopicArn } from '../domain/arn.js';
import { applySubscriptionAttributes } from '../domain/subscription-attributes.js';
import type { SnsRuntime } from '../runtime.js';
import { requireSubscription } from '../topics.js';

export async function setSubscriptionAttributes(
  sns: SnsRuntime,
  input: SetSubscriptionAttributesInput,
  _ctx: RequestContext,
): Promise<void> {
  const sub = await requireSubscription(sns, input.SubscriptionArn);
  const key = parseTopicArn(sub.topicArn);
  const fifoTopic = !('code' in key) && key.name.endsWith('.fifo');
  const attributes = applySubscriptionAttributes(sub.attributes, { [input.AttributeName]: input.AttributeValue ?? '' }, {
    operation: 'SetSubscriptionAttributes',
    fifoTopic,
    protocol: sub.protocol,
    endpoint: sub.endpoint,
  });
  if (attributes instanceof AwsError) throw attributes;
  await sns.store.updateSubscription(sub.arn, { attributes });
}
