import { randomUUID } from 'node:crypto';
import { AwsError } from '../../../protocols/errors.js';
import type { PublishInput, PublishResponse } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { isPhoneNumber } from '../domain/endpoints.js';
import { invalidParameter } from '../errors.js';
import { checkFifoFields, checkPublish, maxMessageBytes } from '../publish-input.js';
import { publish as publishToTopic } from '../publishing.js';
import type { SnsRuntime } from '../runtime.js';
import { requireTopic } from '../topics.js';
import { ENDPOINT_KIND } from './platform-documents.js';

export async function publish(sns: SnsRuntime, input: PublishInput, ctx: RequestContext): Promise<PublishResponse> {
  const targets = [input.TopicArn, input.TargetArn, input.PhoneNumber].filter((t) => t !== undefined);
  if (targets.length === 0) throw invalidParameter('TopicArn or TargetArn Reason: no value for required parameter');
  if (targets.length > 1) throw invalidParameter('TopicArn or TargetArn Reason: Only one of TopicArn, TargetArn or PhoneNumber may be specified');

  if (input.TopicArn !== undefined) {
    const topic = await requireTopic(sns, input.TopicArn, ctx.region);
    const checked = checkPublish(input, maxMessageBytes(topic));
    if (checked instanceof AwsError) throw checked;
    const fifoError = checkFifoFields(topic, input);
    if (fifoError) throw fifoError;
    const r = await publishToTopic(sns, {
      topic,
      message: checked.message,
      perProtocol: checked.perProtocol,
      subject: checked.subject,
      attributes: checked.attributes,
      groupId: input.MessageGroupId,
      deduplicationId: input.MessageDeduplicationId,
      baseUrl: ctx.baseUrl,
    });
    return r.sequenceNumber ? { MessageId: r.messageId, SequenceNumber: r.sequenceNumber } : { MessageId: r.messageId };
  }

  const checked = checkPublish(input);
  if (checked instanceof AwsError) throw checked;
  const messageId = randomUUID();
  const now = sns.clock.now();
  if (input.PhoneNumber !== undefined) {
    if (!isPhoneNumber(input.PhoneNumber)) throw invalidParameter('PhoneNumber', `${input.PhoneNumber} is not valid to publish to`);
    await sns.store.appendOutbox([
      { createdAt: now, account: ctx.account, region: ctx.region, protocol: 'sms', endpoint: input.PhoneNumber, topicArn: null, subscriptionArn: null, messageId, type: 'Notification', subject: checked.subject ?? null, message: checked.perProtocol?.sms ?? checked.message },
    ]);
    return { MessageId: messageId };
  }
  const targetArn = input.TargetArn!;
  const parts = targetArn.split(':');
  if (parts.length < 6) throw invalidParameter('TargetArn', `An ARN must have at least 6 elements, not ${parts.length}`);
  const endpoint = await sns.store.getDocument(ENDPOINT_KIND, parts[4] ?? '', parts[3] ?? '', targetArn);
  if (!endpoint) throw invalidParameter('TargetArn', 'No endpoint found for the target arn specified');
  const platform = targetArn.split('/')[1] ?? '';
  await sns.store.appendOutbox([
    { createdAt: now, account: parts[4] ?? ctx.account, region: parts[3] ?? ctx.region, protocol: 'application', endpoint: targetArn, topicArn: null, subscriptionArn: null, messageId, type: 'Notification', subject: checked.subject ?? null, message: checked.perProtocol?.[platform] ?? checked.message },
  ]);
  return { MessageId: messageId };
}
