import type { RemovePermissionInput } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { SnsRuntime } from '../runtime.js';
import { requireTopic } from '../topics.js';
import { statementsOf } from './add-permission.js';

/** Removing a label that is not there succeeds, as on AWS. */
export async function removePermission(sns: SnsRuntime, input: RemovePermissionInput, ctx: RequestContext): Promise<void> {
  const topic = await requireTopic(sns, input.TopicArn, ctx.region);
  const { doc, statements } = statementsOf(topic.attributes.Policy);
  const kept = statements.filter((s) => s.Sid !== input.Label);
  if (kept.length === statements.length) return;
  await sns.store.updateTopic(topic.id, { attributes: { ...topic.attributes, Policy: JSON.stringify({ ...doc, Statement: kept }) } });
}
