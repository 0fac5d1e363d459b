// What other services (SNS fan-out, later EventBridge and Step Functions) call to put a message
// on a queue named by ARN: the same checks and storage as SendMessage.
import { AwsError } from '../../protocols/errors.js';
import type { MessageAttributeValue } from '../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../protocols/service.js';
import { queueByArn } from './queues.js';
import type { SqsRuntime } from './runtime.js';
import { prepareMessage, storeMessages } from './sending.js';

export interface ServiceMessage {
  body: string;
  attributes?: Record<string, MessageAttributeValue>;
  traceHeader?: string;
  groupId?: string;
  deduplicationId?: string;
  /** Shown as the message's SenderId. */
  senderId: string;
}

export type EnqueueResult = { ok: true; messageId: string } | { ok: false; error: AwsError | 'NonExistentQueue' };

export async function enqueueByArn(sqs: SqsRuntime, queueArn: string, m: ServiceMessage): Promise<EnqueueResult> {
  const queue = await queueByArn(sqs, queueArn);
  if (!queue) return { ok: false, error: 'NonExistentQueue' };
  const ctx: RequestContext = {
    requestId: 'internal',
    protocol: 'json',
    account: queue.account,
    region: queue.region,
    accessKeyId: m.senderId,
    baseUrl: '',
    signal: new AbortController().signal,
  };
  const prepared = prepareMessage(
    sqs,
    queue,
    {
      MessageBody: m.body,
      MessageAttributes: m.attributes,
      MessageSystemAttributes: m.traceHeader ? { AWSTraceHeader: { DataType: 'String', StringValue: m.traceHeader } } : undefined,
      MessageGroupId: m.groupId,
      MessageDeduplicationId: queue.attributes.FifoQueue === 'true' ? m.deduplicationId : undefined,
    },
    sqs.clock.now(),
    ctx,
    'are invalid',
  );
  if (prepared instanceof AwsError) return { ok: false, error: prepared };
  const [outcome] = await storeMessages(sqs, queue, [prepared]);
  return { ok: true, messageId: outcome!.messageId };
}
