import { missingParameter } from '../../../protocols/errors.js';
import type { ChangeMessageVisibilityBatchRequest, ChangeMessageVisibilityBatchResult } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { batchOutcome, validateBatch } from '../domain/batch.js';
import { requireQueue } from '../queues.js';
import { changeVisibilityByHandle } from '../receipts.js';
import type { SqsRuntime } from '../runtime.js';

export async function changeMessageVisibilityBatch(
  sqs: SqsRuntime,
  input: ChangeMessageVisibilityBatchRequest,
  ctx: RequestContext,
): Promise<ChangeMessageVisibilityBatchResult> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const batchError = validateBatch(input.Entries, 'ChangeMessageVisibilityBatchRequestEntry');
  if (batchError) throw batchError;
  const errors = await Promise.all(
    input.Entries.map((e) =>
      e.VisibilityTimeout === undefined
        ? Promise.resolve(missingParameter('VisibilityTimeout'))
        : changeVisibilityByHandle(sqs, queue, e.ReceiptHandle, e.VisibilityTimeout),
    ),
  );
  return batchOutcome(input.Entries, errors);
}
