import type { ListSubscriptionsInput, ListSubscriptionsResponse, Subscription } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { SubscriptionRecord } from '../../../storage/ports.js';
import type { SnsRuntime } from '../runtime.js';
import { PENDING_CONFIRMATION } from './subscribe.js';
import { decodeToken, encodeToken, PAGE_SIZE } from './list-topics.js';

export function toSubscription(s: SubscriptionRecord): Subscription {
  return {
    SubscriptionArn: s.pendingConfirmation ? 'PendingConfirmation' : s.arn,
    Owner: s.owner,
    Protocol: s.protocol,
    Endpoint: s.endpoint,
    TopicArn: s.topicArn,
  };
}

export async function listSubscriptions(sns: SnsRuntime, input: ListSubscriptionsInput, ctx: RequestContext): Promise<ListSubscriptionsResponse> {
  const after = decodeToken(input.NextToken);
  const rows = await sns.store.listSubscriptions(ctx.account, ctx.region, after, PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const out: ListSubscriptionsResponse = { Subscriptions: page.map(toSubscription) };
  if (rows.length > PAGE_SIZE) out.NextToken = encodeToken(page.at(-1)!.arn);
  return out;
}

export { PENDING_CONFIRMATION };
