import type { DeleteMessageRequest } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { requireQueue } from '../queues.js';
import { deleteByHandle } from '../receipts.js';
import type { SqsRuntime } from '../runtime.js';

export async function deleteMessage(sqs: SqsRuntime, input: DeleteMessageRequest, ctx: RequestContext): Promise<void> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const err = await deleteByHandle(sqs, queue, input.ReceiptHandle);
  if (err) throw err;
}
