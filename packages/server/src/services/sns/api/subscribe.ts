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

function sameAttributes(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? '') !== (b[k] ?? '')) return false;
  return true;
}

export async function subscribe(sns: SnsRuntime, input: SubscribeInput, ctx: RequestContext): Promise<SubscribeResponse> {
  const topic = await requireTopic(sns, input.TopicArn);
  const protocol = input.Protocol.toLowerCase();
  const fifo = isFifoTopic(topic);
  const endpointError = checkEndpoint(protocol, input.Endpoint, fifo);
  if (endpointError) throw endpointError;
  const endpoint = input.Endpoint!;
  const attributes = applySubscriptionAttributes({ RawMessageDelivery: 'false' }, input.Attributes ?? {}, { operation: 'Subscribe', fifoTopic: fifo, protocol });
  if (attributes instanceof AwsError) throw attributes;
  if (protocol === 'firehose' && !attributes.SubscriptionRoleArn) throw invalidParameter('Attributes', 'SubscriptionRoleArn is required for firehose subscriptions');

  const topicArn = arnOf(topic);
  const existing = await sns.store.findSubscription(topicArn, protocol, endpoint);
  if (existing) {
    if (!sameAttributes(existing.attributes, attributes)) throw invalidParameter('Attributes', 'Subscription already exists with different attributes');
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
