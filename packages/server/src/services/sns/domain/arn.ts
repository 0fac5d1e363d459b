// SNS ARNs and AWS's wording when one is malformed.
import type { AwsError } from '../../../protocols/errors.js';
import { invalidParameter } from '../errors.js';

export interface TopicKey {
  region: string;
  account: string;
  name: string;
}

export function topicArn(region: string, account: string, name: string): string {
  return `arn:aws:sns:${region}:${account}:${name}`;
}

const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;
const FIFO_TOPIC_NAME = /^[A-Za-z0-9_-]{1,251}\.fifo$/;

export function isValidTopicName(name: string, fifo: boolean): boolean {
  return fifo ? FIFO_TOPIC_NAME.test(name) : TOPIC_NAME.test(name);
}

/** Parses a topic ARN, or returns AWS's error naming `parameter`. */
export function parseTopicArn(arn: string, parameter = 'TopicArn'): TopicKey | AwsError {
  const parts = arn.split(':');
  if (parts.length < 6) return invalidParameter(parameter, `An ARN must have at least 6 elements, not ${parts.length}`);
  const [prefix, partition, service, region, account, name, ...rest] = parts;
  if (prefix !== 'arn' || !partition?.startsWith('aws') || service !== 'sns' || !region || !/^\d{12}$/.test(account ?? '') || rest.length > 0) {
    return invalidParameter(parameter);
  }
  if (!name || !(TOPIC_NAME.test(name) || FIFO_TOPIC_NAME.test(name))) return invalidParameter(parameter);
  return { region, account: account!, name };
}

export interface SubscriptionKey extends TopicKey {
  id: string;
  topicArn: string;
}

/** A subscription ARN is the topic ARN followed by `:<uuid>`. */
export function parseSubscriptionArn(arn: string, parameter = 'SubscriptionArn'): SubscriptionKey | AwsError {
  const parts = arn.split(':');
  if (parts.length < 6) return invalidParameter(parameter, `An ARN must have at least 6 elements, not ${parts.length}`);
  if (parts.length !== 7 || parts[0] !== 'arn' || parts[2] !== 'sns') return invalidParameter('SubscriptionId');
  const topic = parseTopicArn(parts.slice(0, 6).join(':'), parameter);
  if ('code' in topic) return topic;
  const id = parts[6]!;
  if (!/^[0-9a-fA-F-]{1,64}$/.test(id)) return invalidParameter('SubscriptionId');
  return { ...topic, id, topicArn: parts.slice(0, 6).join(':') };
}

export function sqsQueueArn(arn: string): { region: string; account: string; name: string } | undefined {
  const m = /^arn:aws[\w-]*:sqs:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,80}(?:\.fifo)?)$/.exec(arn);
  return m ? { region: m[1]!, account: m[2]!, name: m[3]! } : undefined;
}
