import type { ConfirmSubscriptionInput, ConfirmSubscriptionResponse } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { parseTopicArn } from '../domain/arn.js';
import { invalidParameter, snsError } from '../errors.js';
import type { SnsRuntime } from '../runtime.js';

/** Kept with the subscription's attributes but never reported: only signed requests may unsubscribe. */
export const AUTHENTICATE_ON_UNSUBSCRIBE = '__AuthenticateOnUnsubscribe';

export async function confirmSubscription(
  sns: SnsRuntime,
  input: ConfirmSubscriptionInput,
  ctx: RequestContext,
): Promise<ConfirmSubscriptionResponse> {
  const key = parseTopicArn(input.TopicArn);
  if ('code' in key || key.region !== ctx.region) throw invalidParameter('Topic');
  if (!/^[0-9a-f]+$/i.test(input.Token)) throw snsError('InvalidParameter', 'Invalid token');
  // The token alone names the subscription: AWS confirms it whatever topic the request names.
  const sub = await sns.store.findSubscriptionByToken(input.Token);
  if (!sub) throw invalidParameter('Token');
  const attributes = { ...sub.attributes };
  if ((input.AuthenticateOnUnsubscribe ?? '').toLowerCase() === 'true') attributes[AUTHENTICATE_ON_UNSUBSCRIBE] = 'true';
  await sns.store.updateSubscription(sub.arn, {
    pendingConfirmation: false,
    // A confirmation by signed request is authenticated; one by visiting the SubscribeURL is not.
    confirmationWasAuthenticated: ctx.accessKeyId !== undefined,
    attributes,
  });
  return { SubscriptionArn: sub.arn };
}
