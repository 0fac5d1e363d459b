import type { RemovePermissionRequest } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { removePermission as removeStatement } from '../domain/permissions.js';
import { arnOf, requireQueue } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';

export async function removePermission(sqs: SqsRuntime, input: RemovePermissionRequest, ctx: RequestContext): Promise<void> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const policy = removeStatement(queue.attributes.Policy, arnOf(queue), input.Label);
  if (policy !== null && typeof policy !== 'string') throw policy;
  const attributes = { ...queue.attributes };
  if (policy === null) delete attributes.Policy;
  else attributes.Policy = policy;
  await sqs.store.updateQueue(queue.id, { attributes, modifiedAt: sqs.clock.now() });
}
