import { randomUUID } from 'node:crypto';
import { AwsError } from '../../../protocols/errors.js';
import type { SubscribeInput, SubscribeResponse } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { sendConfirmation, newToken } from '../confirmations.js';
import { checkEndpoint, CONFIRMED_BY_ENDPOINT } from '../domain/endpoints.js';
import { applySubscriptionAttributes } from '../domain/subscription-attributes.js';
import { invalidParameter } from '../errors.js';
import type { SnsRuntime } from '../runtime.js';
import { arnOf, isFifoTopic, requireTopic } from '../topics.js';

export const PENDING_CONFIRMATION = 'pending confirmation';

/** What a subscription attribute is when it was never set. */
const DEFAULTS: Record<string, string> = { RawMessageDelivery: 'false', FilterPolicyScope: 'MessageAttributes' };

/** AWS compares only the attributes a repeated Subscribe names, defaults counting as set. */
function sameAttributes(existing: Record<string, string>, wanted: Record<string, string>, given: string[]): boolean {
  return given.every((k) => (existing[k] ?? DEFAULTS[k] ?? '') === (wanted[k] ?? DEFAULTS[k] ?? ''));
}

export async function subscribe(sns: SnsRuntime, input: SubscribeInput, ctx: RequestContext): Promise<SubscribeResponse> {
  const topic = await requireTopic(sns, input.TopicArn, ctx.region);
  const protocol = input.Protocol.toLowerCase();
  const fifo = isFifoTopic(topic);
  const endpointError = checkEndpoint(protocol, input.Endpoint, fifo);
  if (endpointError) throw endpointError;
  const endpoint = input.Endpoint!;
  const attributes = applySubscriptionAttributes({ RawMessageDelivery: 'false' }, input.Attributes ?? {}, { operation: 'Subscribe', fifoTopic: fifo, protocol, endpoint });
  if (attributes instanceof AwsError) throw attributes;
  if (protocol === 'firehose' && !attributes.SubscriptionRoleArn) throw invalidParameter('Attributes', 'SubscriptionRoleArn is required for firehose subscriptions');

  const topicArn = arnOf(topic);
  const existing = await sns.store.findSubscription(topicArn, protocol, endpoint);
  if (existing) {
    if (!sameAttributes(existing.attributes, attributes, Object.keys(input.Attributes ?? {}))) throw invalidParameter('Attributes', 'Subscription already exists with different attributes');
    return { SubscriptionArn: existing.pendingConfirmation && !input.ReturnSubscriptionArn ? PENDING_CONFIRMATION : existing.arn };
  }
  const pending = CONFIRMED_BY_ENDPOINT.has(protocol);
  const token = pending ? newToken() : null;
  const sub = {
    arn: `${topicArn}:${randomUUID()}`,
    topicArn,
    owner: ctx.account,
    protocol,
    endpoint,
    attributes,
    pendingConfirmation: pending,
    confirmationWasAuthenticated: !pending,
    token,
    createdAt: sns.clock.now(),
  };
  await sns.store.createSubscription(sub);
  if (pending && token) await sendConfirmation(sns, topic, sub, token, ctx.baseUrl, 'SubscriptionConfirmation');
  return { SubscriptionArn: pending && !input.ReturnSubscriptionArn ? PENDING_CONFIRMATION : sub.arn };
}
