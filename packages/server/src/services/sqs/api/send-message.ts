import { AwsError } from '../../../protocols/errors.js';
import type { SendMessageRequest, SendMessageResult } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { NewMessage } from '../../../storage/ports.js';
import { requireQueue } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';
import { prepareMessage, storeMessages, type SendOutcome } from '../sending.js';

export function sendResult(m: NewMessage, outcome: SendOutcome): SendMessageResult {
  const out: SendMessageResult = { MessageId: outcome.messageId, MD5OfMessageBody: m.md5OfBody };
  if (m.md5OfAttributes) out.MD5OfMessageAttributes = m.md5OfAttributes;
  if (m.md5OfSystemAttributes) out.MD5OfMessageSystemAttributes = m.md5OfSystemAttributes;
  if (outcome.sequenceNumber) out.SequenceNumber = outcome.sequenceNumber;
  return out;
}

export async function sendMessage(sqs: SqsRuntime, input: SendMessageRequest, ctx: RequestContext): Promise<SendMessageResult> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const prepared = prepareMessage(sqs, queue, input, sqs.clock.now(), ctx, 'are invalid');
  if (prepared instanceof AwsError) throw prepared;
  const [outcome] = await storeMessages(sqs, queue, [prepared]);
  return sendResult(prepared.message, outcome!);
}
