import type {
  BatchResultErrorEntry,
  DeleteMessageBatchRequest,
  DeleteMessageBatchResult,
} from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { validateBatch } from '../domain/batch.js';
import { requireQueue } from '../queues.js';
import { deleteByHandle } from '../receipts.js';
import type { SqsRuntime } from '../runtime.js';
import { batchFailure } from './send-message-batch.js';

export async function deleteMessageBatch(
  sqs: SqsRuntime,
  input: DeleteMessageBatchRequest,
  ctx: RequestContext,
): Promise<DeleteMessageBatchResult> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const batchError = validateBatch(input.Entries, 'DeleteMessageBatchRequestEntry');
  if (batchError) throw batchError;
  const results = await Promise.all(input.Entries.map((e) => deleteByHandle(sqs, queue, e.ReceiptHandle)));
  const failed: BatchResultErrorEntry[] = [];
  const successful: { Id: string }[] = [];
  input.Entries.forEach((e, i) => {
    const err = results[i];
    if (err) failed.push(batchFailure(e.Id, err));
    else successful.push({ Id: e.Id });
  });
  return { Successful: successful, Failed: failed };
}
