import type { GetQueueUrlRequest, GetQueueUrlResult } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { queueDoesNotExist } from '../errors.js';
import { urlOf } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';

export async function getQueueUrl(sqs: SqsRuntime, input: GetQueueUrlRequest, ctx: RequestContext): Promise<GetQueueUrlResult> {
  const account = input.QueueOwnerAWSAccountId ?? ctx.account;
  const queue = await sqs.store.getQueue({ account, region: ctx.region, name: input.QueueName });
  if (!queue) throw queueDoesNotExist(ctx.protocol);
  return { QueueUrl: urlOf(ctx, queue) };
}
