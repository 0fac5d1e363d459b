// Receipt-handle checks shared by DeleteMessage, ChangeMessageVisibility and their batches.
import { invalidValue, type AwsError } from '../../protocols/errors.js';
import type { QueueRecord } from '../../storage/ports.js';
import { decodeReceiptHandle, type ReceiptHandle } from './domain/receipt-handle.js';
import { sqsError } from './errors.js';
import type { SqsRuntime } from './runtime.js';

export const MAX_VISIBILITY_TIMEOUT = 43_200;

export function parseHandle(queue: QueueRecord, handle: string): ReceiptHandle | AwsError {
  const h = decodeReceiptHandle(handle);
  if (!h || h.queueId !== queue.id) {
    return sqsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`);
  }
  return h;
}

/** Deleting with a stale handle still deletes on a standard queue; a second delete is a no-op. */
export async function deleteByHandle(sqs: SqsRuntime, queue: QueueRecord, handle: string): Promise<AwsError | undefined> {
  const h = parseHandle(queue, handle);
  if ('code' in h) return h;
  await sqs.store.deleteMessage(queue.id, h.rowId, h.messageId);
  return undefined;
}

export async function changeVisibilityByHandle(
  sqs: SqsRuntime,
  queue: QueueRecord,
  handle: string,
  timeout: number,
): Promise<AwsError | undefined> {
  if (!Number.isInteger(timeout) || timeout < 0 || timeout > MAX_VISIBILITY_TIMEOUT) {
    return invalidValue('VisibilityTimeout', timeout, `Must be between 0 and ${MAX_VISIBILITY_TIMEOUT}, if provided.`);
  }
  const h = parseHandle(queue, handle);
  if ('code' in h) return h;
  const result = await sqs.store.changeVisibility(queue.id, h.rowId, h.messageId, sqs.clock.now() + timeout * 1000);
  if (result === 'missing') {
    return invalidValue('ReceiptHandle', handle, 'Message does not exist or is not available for visibility timeout change.');
  }
  if (timeout === 0) sqs.waiters.wake(queue.id);
  return undefined;
}
