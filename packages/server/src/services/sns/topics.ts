// Finding the topic or subscription a request names by ARN.
import type { SubscriptionRecord, TopicRecord } from '../../storage/ports.js';
import { parseSubscriptionArn, parseTopicArn, topicArn } from './domain/arn.js';
import { subscriptionNotFound, topicNotFound } from './errors.js';
import type { SnsRuntime } from './runtime.js';

export async function requireTopic(sns: SnsRuntime, arn: string, parameter = 'TopicArn'): Promise<TopicRecord> {
  const key = parseTopicArn(arn, parameter);
  if ('code' in key) throw key;
  const topic = await sns.store.getTopic(key.account, key.region, key.name);
  if (!topic) throw topicNotFound();
  return topic;
}

export async function requireSubscription(sns: SnsRuntime, arn: string): Promise<SubscriptionRecord> {
  const key = parseSubscriptionArn(arn);
  if ('code' in key) throw key;
  const sub = await sns.store.getSubscription(arn);
  if (!sub) throw subscriptionNotFound();
  return sub;
}

export function arnOf(topic: TopicRecord): string {
  return topicArn(topic.region, topic.account, topic.name);
}

export function isFifoTopic(topic: TopicRecord): boolean {
  return topic.attributes.FifoTopic === 'true';
}
