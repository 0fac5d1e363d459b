import { missingParameter } from '../../../protocols/errors.js';
import type {
  BatchResultErrorEntry,
  ChangeMessageVisibilityBatchRequest,
  ChangeMessageVisibilityBatchResult,
} from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { validateBatch } from '../domain/batch.js';
import { requireQueue } from '../queues.js';
import { changeVisibilityByHandle } from '../receipts.js';
import type { SqsRuntime } from '../runtime.js';
import { batchFailure } from './send-message-batch.js';

export async function changeMessageVisibilityBatch(
  sqs: SqsRuntime,
  input: ChangeMessageVisibilityBatchRequest,
  ctx: RequestContext,
): Promise<ChangeMessageVisibilityBatchResult> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const batchError = validateBatch(input.Entries, 'ChangeMessageVisibilityBatchRequestEntry');
  if (batchError) throw batchError;
  const results = await Promise.all(
    input.Entries.map((e) =>
      e.VisibilityTimeout === undefined
        ? Promise.resolve(missingParameter('VisibilityTimeout'))
        : changeVisibilityByHandle(sqs, queue, e.ReceiptHandle, e.VisibilityTimeout),
    ),
  );
  const failed: BatchResultErrorEntry[] = [];
  const successful: { Id: string }[] = [];
  input.Entries.forEach((e, i) => {
    const err = results[i];
    if (err) failed.push(batchFailure(e.Id, err));
    else successful.push({ Id: e.Id });
  });
  return { Successful: successful, Failed: failed };
}
