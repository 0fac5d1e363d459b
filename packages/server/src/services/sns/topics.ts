// Finding the topic or subscription a request names by ARN.
import type { SubscriptionRecord, TopicRecord } from '../../storage/ports.js';
import { parseSubscriptionArn, parseTopicArn, topicArn } from './domain/arn.js';
import { invalidParameter, subscriptionNotFound, topicNotFound } from './errors.js';
import type { SnsRuntime } from './runtime.js';

/** A topic ARN of another region than the request's is malformed for this endpoint, as on AWS. */
export async function requireTopic(sns: SnsRuntime, arn: string, region: string, parameter = 'TopicArn'): Promise<TopicRecord> {
  const key = parseTopicArn(arn, parameter);
  if ('code' in key) throw key;
  if (key.region !== region) throw invalidParameter(parameter);
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
