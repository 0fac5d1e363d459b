import type { DeleteMessageBatchRequest, DeleteMessageBatchResult } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { batchOutcome, validateBatch } from '../domain/batch.js';
import { requireQueue } from '../queues.js';
import { deleteByHandles } from '../receipts.js';
import type { SqsRuntime } from '../runtime.js';

export async function deleteMessageBatch(
  sqs: SqsRuntime,
  input: DeleteMessageBatchRequest,
  ctx: RequestContext,
): Promise<DeleteMessageBatchResult> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const batchError = validateBatch(input.Entries, 'DeleteMessageBatchRequestEntry');
  if (batchError) throw batchError;
  const errors = await deleteByHandles(sqs, queue, input.Entries.map((e) => e.ReceiptHandle));
  return batchOutcome(input.Entries, errors);
}
