import type { ListSubscriptionsByTopicInput, ListSubscriptionsByTopicResponse } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { SnsRuntime } from '../runtime.js';
import { arnOf, requireTopic } from '../topics.js';
import { toSubscription } from './list-subscriptions.js';
import { decodeToken, encodeToken, PAGE_SIZE } from './list-topics.js';

export async function listSubscriptionsByTopic(
  sns: SnsRuntime,
  input: ListSubscriptionsByTopicInput,
  ctx: RequestContext,
): Promise<ListSubscriptionsByTopicResponse> {
  const topic = await requireTopic(sns, input.TopicArn, ctx.region);
  const after = decodeToken(input.NextToken);
  const rows = await sns.store.listSubscriptionsByTopic(arnOf(topic), after, PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const out: ListSubscriptionsByTopicResponse = { Subscriptions: page.map(toSubscription) };
  if (rows.length > PAGE_SIZE) out.NextToken = encodeToken(page.at(-1)!.arn);
  return out;
}
