// Publishing: from an accepted message to every matching subscription. SQS subscriptions are
// written in the same group commit as the publish itself (so an acknowledged publish is never
// lost), HTTP/S deliveries are queued durably for the dispatcher, and email, SMS and mobile
// push land in the outbox.
import { createHash, randomUUID } from 'node:crypto';
import { compileFilterPolicy, matchesMessageAttributes, matchesMessageBody, type CompiledFilterPolicy, type FilterScope } from '../../patterns/index.js';
import type { MessageAttributeValue } from '../../protocols/models/sqs.types.js';
import type { NewDelivery, OutboxRecord, SubscriptionRecord, TopicRecord } from '../../storage/ports.js';
import { enqueueByArn } from '../sqs/index.js';
import { topicArn as arnOfTopic } from './domain/arn.js';
import { contentTypeFor } from './domain/delivery-policy.js';
import { notificationEnvelope, signNotification, timestampOf, type NotificationInput, type Signer } from './domain/envelope.js';
import type { SnsMessageAttribute } from './domain/message-attributes.js';
import type { SnsRuntime } from './runtime.js';

/** The SenderId SQS shows on messages SNS delivered. */
export const SNS_SENDER_ID = 'AIDAIT2UOQQY3AUEKVGXU';
export const FIFO_DEDUP_WINDOW_MS = 5 * 60_000;

export interface Publication {
  topic: TopicRecord;
  message: string;
  /** With MessageStructure=json: the message per protocol, `default` for the rest. */
  perProtocol: Record<string, string> | undefined;
  subject: string | undefined;
  attributes: Record<string, SnsMessageAttribute>;
  groupId: string | undefined;
  deduplicationId: string | undefined;
  /** scheme://host the publisher used, for the URLs inside envelopes. */
  baseUrl: string;
}

export interface Published {
  messageId: string;
  sequenceNumber: string | undefined;
}

const compiledPolicies = new Map<string, CompiledFilterPolicy | null>();

function policyFor(sub: SubscriptionRecord): CompiledFilterPolicy | null {
  const text = sub.attributes.FilterPolicy;
  if (!text) return null;
  const scope = (sub.attributes.FilterPolicyScope ?? 'MessageAttributes') as FilterScope;
  const key = `${scope}\u0000${text}`;
  let compiled = compiledPolicies.get(key);
  if (compiled === undefined) {
    const result = compileFilterPolicy(text, scope);
    compiled = result.ok ? result.policy : null;
    if (compiledPolicies.size > 10_000) compiledPolicies.clear();
    compiledPolicies.set(key, compiled);
  }
  return compiled;
}

export function matchesFilter(sub: SubscriptionRecord, message: string, attributes: Record<string, SnsMessageAttribute>): boolean {
  const policy = policyFor(sub);
  if (!policy) return true;
  return (sub.attributes.FilterPolicyScope ?? 'MessageAttributes') === 'MessageBody'
    ? matchesMessageBody(policy, message)
    : matchesMessageAttributes(policy, attributes);
}

export async function allSubscriptions(sns: SnsRuntime, topicArn: string): Promise<SubscriptionRecord[]> {
  const out: SubscriptionRecord[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await sns.store.listSubscriptionsByTopic(topicArn, after, 1000);
    out.push(...page);
    if (page.length < 1000) return out;
    after = page.at(-1)!.arn;
  }
}

export function signerFor(sns: SnsRuntime, topic: TopicRecord, baseUrl: string): Signer {
  return {
    privateKey: sns.identity().privateKey,
    signingCertUrl: `${baseUrl}/_tributary/sns/${sns.identity().certificateFile}`,
    signatureVersion: topic.attributes.SignatureVersion === '2' ? '2' : '1',
  };
}

export function unsubscribeUrl(baseUrl: string, subscriptionArn: string): string {
  // AWS writes the ARN as it is: its characters need no escaping in a query string.
  return `${baseUrl}/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`;
}

function toSqsAttributes(attributes: Record<string, SnsMessageAttribute>): Record<string, MessageAttributeValue> | undefined {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries.map(([name, a]) => [
      name,
      a.Type.startsWith('Binary') ? { DataType: a.Type, BinaryValue: Buffer.from(a.Value, 'base64') } : { DataType: a.Type, StringValue: a.Value },
    ]),
  );
}

/** The deduplication id a FIFO delivery carries: the publisher's, or the body's SHA-256. */
export function deduplicationIdOf(p: Publication): string {
  return p.deduplicationId ?? createHash('sha256').update(p.message, 'utf8').digest('hex');
}

export async function publish(sns: SnsRuntime, p: Publication): Promise<Published> {
  const { topic } = p;
  const arn = arnOfTopic(topic.region, topic.account, topic.name);
  const fifo = topic.attributes.FifoTopic === 'true';
  const now = sns.clock.now();
  let messageId: string = randomUUID();
  let sequenceNumber: string | undefined;
  if (fifo) {
    const dedupId = deduplicationIdOf(p);
    const key = topic.attributes.FifoThroughputScope === 'MessageGroup' ? `${p.groupId}\u0000${dedupId}` : dedupId;
    const r = await sns.store.publishFifo(topic.id, key, messageId, now, FIFO_DEDUP_WINDOW_MS);
    if (r.duplicate) return { messageId: r.messageId, sequenceNumber: r.sequenceNumber };
    messageId = r.messageId;
    sequenceNumber = r.sequenceNumber;
  }
  sns.counters.add(arn, 'published');

  const timestamp = timestampOf(now);
  const signer = signerFor(sns, topic, p.baseUrl);
  // One signature per distinct message text (MessageStructure=json can vary it by protocol).
  const signatures = new Map<string, string>();
  const envelopeFor = (protocol: string, sub: SubscriptionRecord): string => {
    const n: NotificationInput = {
      messageId,
      topicArn: arn,
      subject: p.subject,
      message: messageFor(p, protocol),
      timestamp,
      sequenceNumber,
      attributes: p.attributes,
      unsubscribeUrl: unsubscribeUrl(p.baseUrl, sub.arn),
      fifo,
    };
    let signature = signatures.get(n.message);
    if (signature === undefined) {
      signature = fifo ? '' : signNotification(n, signer);
      signatures.set(n.message, signature);
    }
    return JSON.stringify(notificationEnvelope(n, signer, signature));
  };

  const deliveries: NewDelivery[] = [];
  const outbox: Omit<OutboxRecord, 'id'>[] = [];
  const sqsWrites: Promise<void>[] = [];
  for (const sub of await allSubscriptions(sns, arn)) {
    if (sub.pendingConfirmation) continue;
    const message = messageFor(p, sub.protocol);
    if (!matchesFilter(sub, message, p.attributes)) {
      sns.counters.add(arn, 'filteredOut');
      continue;
    }
    const raw = sub.attributes.RawMessageDelivery === 'true';
    switch (sub.protocol) {
      case 'sqs':
        sqsWrites.push(
          deliverToQueue(sns, sub, {
            body: raw ? message : envelopeFor('sqs', sub),
            attributes: raw ? toSqsAttributes(p.attributes) : undefined,
            groupId: p.groupId,
            deduplicationId: fifo ? deduplicationIdOf(p) : undefined,
          }),
        );
        break;
      case 'http':
      case 'https': {
        const headers: Record<string, string> = {
          'content-type': contentTypeFor(topic.attributes.DeliveryPolicy, sub.attributes.DeliveryPolicy),
          'x-amz-sns-message-type': 'Notification',
          'x-amz-sns-message-id': messageId,
          'x-amz-sns-topic-arn': arn,
          'x-amz-sns-subscription-arn': sub.arn,
          'user-agent': 'Amazon Simple Notification Service Agent',
        };
        if (raw) headers['x-amz-sns-rawdelivery'] = 'true';
        deliveries.push({ subscriptionArn: sub.arn, topicArn: arn, endpoint: sub.endpoint, headers, body: raw ? message : envelopeFor(sub.protocol, sub), attempts: 0, nextAttemptAt: now, createdAt: now });
        break;
      }
      case 'email':
      case 'email-json':
      case 'sms':
      case 'application':
        outbox.push({
          createdAt: now,
          account: topic.account,
          region: topic.region,
          protocol: sub.protocol,
          endpoint: sub.endpoint,
          topicArn: arn,
          subscriptionArn: sub.arn,
          messageId,
          type: 'Notification',
          subject: p.subject ?? null,
          message: sub.protocol === 'email-json' ? envelopeFor('email-json', sub) : message,
        });
        sns.counters.add(arn, 'delivered');
        break;
      default:
        // lambda and firehose subscriptions are kept; delivery to them comes with their services.
        break;
    }
  }
  const writes: Promise<void>[] = [...sqsWrites];
  if (deliveries.length > 0) writes.push(sns.store.enqueueDeliveries(deliveries));
  if (outbox.length > 0) writes.push(sns.store.appendOutbox(outbox));
  await Promise.all(writes);
  if (deliveries.length > 0) sns.poke();
  return { messageId, sequenceNumber };
}

export function messageFor(p: Publication, protocol: string): string {
  if (!p.perProtocol) return p.message;
  return p.perProtocol[protocol] ?? p.perProtocol.default ?? p.message;
}

interface QueueDelivery {
  body: string;
  attributes: Record<string, MessageAttributeValue> | undefined;
  groupId: string | undefined;
  deduplicationId: string | undefined;
}

/** A delivery SQS refuses (queue gone, message too large for it, …) goes to the subscription's DLQ if it has one. */
async function deliverToQueue(sns: SnsRuntime, sub: SubscriptionRecord, d: QueueDelivery): Promise<void> {
  const result = await enqueueByArn(sns.sqs, sub.endpoint, { ...d, senderId: SNS_SENDER_ID });
  if (result.ok) {
    sns.counters.add(sub.topicArn, 'delivered');
    return;
  }
  sns.counters.add(sub.topicArn, 'failed');
  await redriveToDlq(sns, sub, d.body, d.attributes, d.groupId, d.deduplicationId);
}

export async function redriveToDlq(
  sns: SnsRuntime,
  sub: SubscriptionRecord,
  body: string,
  attributes: Record<string, MessageAttributeValue> | undefined,
  groupId?: string,
  deduplicationId?: string,
): Promise<boolean> {
  const policy = sub.attributes.RedrivePolicy;
  if (!policy) return false;
  const { deadLetterTargetArn } = JSON.parse(policy) as { deadLetterTargetArn: string };
  const result = await enqueueByArn(sns.sqs, deadLetterTargetArn, { body, attributes, groupId, deduplicationId, senderId: SNS_SENDER_ID });
  if (result.ok) sns.counters.add(sub.topicArn, 'redrivenToDlq');
  return result.ok;
}
