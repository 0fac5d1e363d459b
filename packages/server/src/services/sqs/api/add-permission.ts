import type { AddPermissionRequest } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { addPermission as addStatement } from '../domain/permissions.js';
import { arnOf, requireQueue } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';

export async function addPermission(sqs: SqsRuntime, input: AddPermissionRequest, ctx: RequestContext): Promise<void> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const policy = addStatement(queue.attributes.Policy, arnOf(queue), input.Label, input.AWSAccountIds, input.Actions);
  if (typeof policy !== 'string') throw policy;
  await sqs.store.updateQueue(queue.id, { attributes: { ...queue.attributes, Policy: policy }, modifiedAt: sqs.clock.now() });
}
