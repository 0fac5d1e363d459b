// Subscription and unsubscribe confirmations: HTTP/S endpoints get a signed POST (queued for the
// dispatcher), email endpoints a message in the outbox; both carry a SubscribeURL that confirms.
import { randomBytes, randomUUID } from 'node:crypto';
import type { SubscriptionRecord, TopicRecord } from '../../storage/ports.js';
import { confirmationEnvelope, confirmationMessageText, timestampOf } from './domain/envelope.js';
import { signerFor } from './publishing.js';
import type { SnsRuntime } from './runtime.js';
import { arnOf } from './topics.js';

export function newToken(): string {
  return randomBytes(64).toString('hex');
}

export function subscribeUrl(baseUrl: string, topicArn: string, token: string): string {
  return `${baseUrl}/?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=${token}`;
}

export async function sendConfirmation(
  sns: SnsRuntime,
  topic: TopicRecord,
  sub: SubscriptionRecord,
  token: string,
  baseUrl: string,
  type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation',
): Promise<void> {
  const topicArn = arnOf(topic);
  const now = sns.clock.now();
  const messageId = randomUUID();
  const url = subscribeUrl(baseUrl, topicArn, token);
  if (sub.protocol === 'http' || sub.protocol === 'https') {
    const envelope = confirmationEnvelope(
      { type, messageId, topicArn, subscriptionArn: sub.arn, token, subscribeUrl: url, timestamp: timestampOf(now) },
      signerFor(sns, topic, baseUrl),
    );
    await sns.store.enqueueDeliveries([
      {
        subscriptionArn: sub.arn,
        topicArn,
        endpoint: sub.endpoint,
        headers: {
          'content-type': 'text/plain; charset=UTF-8',
          'x-amz-sns-message-type': type,
          'x-amz-sns-message-id': messageId,
          'x-amz-sns-topic-arn': topicArn,
          'user-agent': 'Amazon Simple Notification Service Agent',
        },
        body: JSON.stringify(envelope),
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      },
    ]);
    sns.poke();
    return;
  }
  if (sub.protocol === 'email' || sub.protocol === 'email-json') {
    const text = confirmationMessageText(type, type === 'SubscriptionConfirmation' ? topicArn : sub.arn);
    await sns.store.appendOutbox([
      {
        createdAt: now,
        account: topic.account,
        region: topic.region,
        protocol: sub.protocol,
        endpoint: sub.endpoint,
        topicArn,
        subscriptionArn: sub.arn,
        messageId,
        type,
        subject: 'AWS Notification - Subscription Confirmation',
        message: sub.protocol === 'email-json' ? JSON.stringify({ Type: type, MessageId: messageId, Token: token, TopicArn: topicArn, Message: text, SubscribeURL: url, Timestamp: timestampOf(now) }) : `${text}\n\n${url}`,
      },
    ]);
  }
}
