import type { GetQueueAttributesRequest, GetQueueAttributesResult } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { QueueRecord } from '../../../storage/ports.js';
import { ALL_ATTRIBUTE_NAMES } from '../domain/queue-attributes.js';
import { sqsError } from '../errors.js';
import { arnOf, requireQueue, retainedAfter } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';

const COUNT_ATTRIBUTES = new Set([
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesDelayed',
  'ApproximateNumberOfMessagesNotVisible',
]);

export async function queueAttributes(sqs: SqsRuntime, queue: QueueRecord, wanted: Set<string> | 'All'): Promise<Record<string, string>> {
  const wants = (name: string): boolean => wanted === 'All' || wanted.has(name);
  const out: Record<string, string> = {};
  if ([...COUNT_ATTRIBUTES].some(wants)) {
    const now = sqs.clock.now();
    const counts = await sqs.store.countMessages(queue.id, now, retainedAfter(queue, now));
    if (wants('ApproximateNumberOfMessages')) out.ApproximateNumberOfMessages = String(counts.visible);
    if (wants('ApproximateNumberOfMessagesNotVisible')) out.ApproximateNumberOfMessagesNotVisible = String(counts.notVisible);
    if (wants('ApproximateNumberOfMessagesDelayed')) out.ApproximateNumberOfMessagesDelayed = String(counts.delayed);
  }
  if (wants('CreatedTimestamp')) out.CreatedTimestamp = String(Math.floor(queue.createdAt / 1000));
  if (wants('LastModifiedTimestamp')) out.LastModifiedTimestamp = String(Math.floor(queue.modifiedAt / 1000));
  if (wants('QueueArn')) out.QueueArn = arnOf(queue);
  for (const [name, value] of Object.entries(queue.attributes)) {
    if (wants(name)) out[name] = value;
  }
  return out;
}

export async function getQueueAttributes(
  sqs: SqsRuntime,
  input: GetQueueAttributesRequest,
  ctx: RequestContext,
): Promise<GetQueueAttributesResult> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const names = input.AttributeNames ?? [];
  for (const name of names) {
    if (name !== 'All' && !ALL_ATTRIBUTE_NAMES.has(name)) throw sqsError('InvalidAttributeName', `Unknown Attribute ${name}.`);
  }
  if (names.length === 0) return {};
  const attributes = await queueAttributes(sqs, queue, names.includes('All') ? 'All' : new Set(names));
  return Object.keys(attributes).length > 0 ? { Attributes: attributes } : {};
}
