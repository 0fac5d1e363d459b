import { AwsError } from '../../../protocols/errors.js';
import type {
  BatchResultErrorEntry,
  SendMessageBatchRequest,
  SendMessageBatchRequestEntry,
  SendMessageBatchResult,
  SendMessageBatchResultEntry,
} from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { batchFailure, validateBatch } from '../domain/batch.js';
import { sqsError } from '../errors.js';
import { requireQueue } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';
import { fifoRequirement, prepareMessage, storeMessages, type PreparedMessage } from '../sending.js';
import { sendResult } from './send-message.js';

/** The whole batch, like one message, may carry at most 1 MiB. */
export const MAX_BATCH_BYTES = 1_048_576;

function entrySize(e: SendMessageBatchRequestEntry): number {
  let size = Buffer.byteLength(e.MessageBody ?? '', 'utf8');
  for (const [name, a] of Object.entries(e.MessageAttributes ?? {})) {
    size += Buffer.byteLength(name) + Buffer.byteLength(a.DataType);
    size += a.BinaryValue ? a.BinaryValue.length : Buffer.byteLength(a.StringValue ?? '');
  }
  return size;
}

export async function sendMessageBatch(
  sqs: SqsRuntime,
  input: SendMessageBatchRequest,
  ctx: RequestContext,
): Promise<SendMessageBatchResult> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const batchError = validateBatch(input.Entries, 'SendMessageBatchRequestEntry');
  if (batchError) throw batchError;
  const total = input.Entries.reduce((sum, e) => sum + entrySize(e), 0);
  if (total > MAX_BATCH_BYTES) {
    throw sqsError('BatchRequestTooLong', `Batch requests cannot be longer than ${MAX_BATCH_BYTES} bytes. You have sent ${total} bytes.`);
  }
  for (const entry of input.Entries) {
    // AWS fails the whole batch, as InvalidParameterValue, when a FIFO entry lacks these.
    const missing = fifoRequirement(queue, entry);
    if (missing) throw sqsError('InvalidParameterValue', missing.message);
  }
  const now = sqs.clock.now();
  const accepted: { id: string; prepared: PreparedMessage }[] = [];
  const failed: BatchResultErrorEntry[] = [];
  for (const entry of input.Entries) {
    const prepared = prepareMessage(sqs, queue, entry, now, ctx, 'cannot be validated');
    if (prepared instanceof AwsError) failed.push(batchFailure(entry.Id, prepared));
    else accepted.push({ id: entry.Id, prepared });
  }
  const outcomes = await storeMessages(sqs, queue, accepted.map((a) => a.prepared));
  const successful: SendMessageBatchResultEntry[] = accepted.map((a, i) => {
    const r = sendResult(a.prepared.message, outcomes[i]!);
    return { Id: a.id, MessageId: r.MessageId!, MD5OfMessageBody: r.MD5OfMessageBody!, ...r };
  });
  return { Successful: successful, Failed: failed };
}
