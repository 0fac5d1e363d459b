// Receipt-handle checks shared by DeleteMessage, ChangeMessageVisibility and their batches.
import { invalidValue, type AwsError } from '../../protocols/errors.js';
import type { QueueRecord } from '../../storage/ports.js';
import { decodeReceiptHandle, type ReceiptHandle } from './domain/receipt-handle.js';
import { sqsError } from './errors.js';
import { isFifo } from './queues.js';
import type { SqsRuntime } from './runtime.js';

export const MAX_VISIBILITY_TIMEOUT = 43_200;

export function parseHandle(queue: QueueRecord, handle: string): ReceiptHandle | AwsError {
  const h = decodeReceiptHandle(handle);
  if (!h || h.queueId !== queue.id) {
    return sqsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`);
  }
  return h;
}

function expired(handle: string): AwsError {
  return invalidValue('ReceiptHandle', handle, 'The receipt handle has expired.');
}

/**
 * On a standard queue a stale handle still deletes and a repeated delete is a no-op; on a FIFO
 * queue only the latest receive's handle, while the message is in flight, may delete.
 */
export async function deleteByHandle(sqs: SqsRuntime, queue: QueueRecord, handle: string): Promise<AwsError | undefined> {
  const [err] = await deleteByHandles(sqs, queue, [handle]);
  return err;
}

/** Deletes for several handles in one write; an error or nothing per handle. */
export async function deleteByHandles(sqs: SqsRuntime, queue: QueueRecord, handles: string[]): Promise<Array<AwsError | undefined>> {
  const parsed = handles.map((h) => parseHandle(queue, h));
  const valid = parsed.filter((h): h is ReceiptHandle => !('code' in h));
  const fifo = isFifo(queue);
  const outcomes = valid.length > 0 ? await sqs.store.deleteMessages(queue.id, valid, fifo ? sqs.clock.now() : undefined) : [];
  let next = 0;
  let deleted = 0;
  const errors = parsed.map((h, i) => {
    if ('code' in h) return h;
    const outcome = outcomes[next++];
    if (outcome === 'expired') return expired(handles[i]!);
    if (outcome === 'done') deleted++;
    return undefined;
  });
  if (deleted > 0) {
    sqs.counters.add(queue, 'deleted', deleted);
    // Deleting a FIFO message may release the rest of its group to waiting receivers.
    if (fifo) sqs.waiters.wake(queue.id);
  }
  return errors;
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
  const now = sqs.clock.now();
  // A message may stay invisible at most 12 hours from the receive that handed it out, however
  // often its visibility is extended.
  const outcome = await sqs.store.changeVisibility(queue.id, h, now + timeout * 1000, isFifo(queue) ? now : undefined, MAX_VISIBILITY_TIMEOUT * 1000);
  if (outcome === 'missing') {
    return invalidValue('ReceiptHandle', handle, 'Message does not exist or is not available for visibility timeout change.');
  }
  if (outcome === 'expired') return expired(handle);
  if (outcome === 'beyondLimit') {
    return invalidValue('VisibilityTimeout', timeout, `Total VisibilityTimeout for the message is beyond the limit [${MAX_VISIBILITY_TIMEOUT} seconds].`);
  }
  if (timeout === 0) sqs.waiters.wake(queue.id);
  return undefined;
}
