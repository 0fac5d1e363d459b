import { AwsError } from '../../../protocols/errors.js';
import type { SendMessageRequest, SendMessageResult } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { NewMessage } from '../../../storage/ports.js';
import { requireQueue } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';
import { prepareMessage } from '../sending.js';

export function sendResult(m: NewMessage): SendMessageResult {
  const out: SendMessageResult = { MessageId: m.messageId, MD5OfMessageBody: m.md5OfBody };
  if (m.md5OfAttributes) out.MD5OfMessageAttributes = m.md5OfAttributes;
  if (m.md5OfSystemAttributes) out.MD5OfMessageSystemAttributes = m.md5OfSystemAttributes;
  if (m.sequenceNumber) out.SequenceNumber = m.sequenceNumber;
  return out;
}

export async function sendMessage(sqs: SqsRuntime, input: SendMessageRequest, ctx: RequestContext): Promise<SendMessageResult> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const prepared = prepareMessage(queue, input, sqs.clock.now(), ctx, 'are invalid');
  if (prepared instanceof AwsError) throw prepared;
  await sqs.store.insertMessages(queue.id, [prepared.message]);
  sqs.waiters.wake(queue.id);
  return sendResult(prepared.message);
}
