import type { UnsubscribeInput } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { newToken, sendConfirmation } from '../confirmations.js';
import { parseSubscriptionArn } from '../domain/arn.js';
import { invalidParameter, snsError } from '../errors.js';
import type { SnsRuntime } from '../runtime.js';
import { AUTHENTICATE_ON_UNSUBSCRIBE } from './confirm-subscription.js';

/**
 * Unsubscribing an unknown subscription succeeds, as on AWS. A subscription confirmed with
 * AuthenticateOnUnsubscribe can only be removed by a signed request.
 */
export async function unsubscribe(sns: SnsRuntime, input: UnsubscribeInput, ctx: RequestContext): Promise<void> {
  if (input.SubscriptionArn === '') throw invalidParameter('SubscriptionArn', 'no value for required parameter');
  const key = parseSubscriptionArn(input.SubscriptionArn);
  if ('code' in key) throw key;
  const sub = await sns.store.getSubscription(input.SubscriptionArn);
  if (!sub) return;
  if (sub.attributes[AUTHENTICATE_ON_UNSUBSCRIBE] === 'true' && ctx.accessKeyId === undefined) {
    throw snsError('AuthorizationError', 'Unsubscribe requires authentication for this subscription.');
  }
  await sns.store.deleteSubscription(sub.arn);
  if (sub.protocol === 'http' || sub.protocol === 'https') {
    const topic = await sns.store.getTopic(key.account, key.region, key.name);
    if (topic) await sendConfirmation(sns, topic, sub, newToken(), ctx.baseUrl, 'UnsubscribeConfirmation');
  }
}
