import { AwsError, invalidValue } from '../../../protocols/errors.js';
import type { CreateQueueRequest, CreateQueueResult } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { firstDifference, validateAttributes, withDefaults } from '../domain/queue-attributes.js';
import { isValidQueueName, QUEUE_NAME_RULES } from '../domain/queue-name.js';
import { sqsError } from '../errors.js';
import { urlOf } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';
import { validateTags } from '../domain/tags.js';

/** AWS refuses to reuse a deleted queue's name for 60 seconds. */
export const RECREATE_DELAY_MS = 60_000;

export async function createQueue(sqs: SqsRuntime, input: CreateQueueRequest, ctx: RequestContext): Promise<CreateQueueResult> {
  const name = input.QueueName;
  const given = input.Attributes ?? {};
  const fifoAttr = given.FifoQueue?.toLowerCase();
  const fifo = fifoAttr === 'true';
  if (fifoAttr !== undefined && fifoAttr !== 'true' && fifoAttr !== 'false') {
    throw sqsError('InvalidAttributeValue', 'Invalid value for the parameter FifoQueue.');
  }
  if (fifo && !name.endsWith('.fifo')) {
    throw invalidValue('QueueName', name, 'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.');
  }
  if (!fifo && name.endsWith('.fifo')) {
    throw invalidValue('QueueName', name, 'The name of a FIFO queue must be set with FifoQueue attribute set to true.');
  }
  if (!isValidQueueName(name, fifo)) {
    throw invalidValue('QueueName', name, QUEUE_NAME_RULES);
  }
  const { FifoQueue: _ignored, ...rest } = given;
  const validated = validateAttributes(fifo ? { ...rest, FifoQueue: 'true' } : rest, fifo, 'CreateQueue');
  if (validated instanceof AwsError) throw validated;
  if (fifoAttr === 'false' && !fifo) {
    // An explicit FifoQueue=false on a standard queue is an unknown attribute, as on AWS.
    throw sqsError('InvalidAttributeName', 'Unknown Attribute FifoQueue.');
  }
  if (fifo) {
    throw sqsError('UnsupportedOperation', 'FIFO queues are not supported by this version of Tributary yet.');
  }
  const tags = input.tags ?? {};
  const tagError = validateTags(tags);
  if (tagError) throw tagError;

  const attributes = withDefaults(validated, fifo);
  const key = { account: ctx.account, region: ctx.region, name };
  const now = sqs.clock.now();

  const existing = await sqs.store.getQueue(key);
  if (!existing) {
    const deletedAt = await sqs.store.deletedAt(key);
    if (deletedAt !== undefined && now - deletedAt < RECREATE_DELAY_MS) {
      throw sqsError('QueueDeletedRecently', 'You must wait 60 seconds after deleting a queue before you can create another with the same name.');
    }
  }
  const { created, queue } = existing
    ? { created: false, queue: existing }
    : await sqs.store.createQueue({ ...key, attributes, tags, createdAt: now, modifiedAt: now, lastPurgeAt: null });
  if (!created) {
    const differs = firstDifference(queue.attributes, attributes, Object.keys(validated));
    if (differs) {
      throw sqsError('QueueNameExists', `A queue already exists with the same name and a different value for attribute ${differs}`);
    }
  }
  return { QueueUrl: urlOf(ctx, queue) };
}
