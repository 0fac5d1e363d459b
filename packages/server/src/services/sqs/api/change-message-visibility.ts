import type { ChangeMessageVisibilityRequest } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { requireQueue } from '../queues.js';
import { changeVisibilityByHandle } from '../receipts.js';
import type { SqsRuntime } from '../runtime.js';

export async function changeMessageVisibility(
  sqs: SqsRuntime,
  input: ChangeMessageVisibilityRequest,
  ctx: RequestContext,
): Promise<void> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const err = await changeVisibilityByHandle(sqs, queue, input.ReceiptHandle, input.VisibilityTimeout);
  if (err) throw err;
}
