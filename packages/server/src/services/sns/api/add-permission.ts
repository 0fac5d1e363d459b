import type { AddPermissionInput } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { invalidParameter } from '../errors.js';
import type { SnsRuntime } from '../runtime.js';
import { arnOf, requireTopic } from '../topics.js';

export const TOPIC_ACTIONS = new Set([
  'GetTopicAttributes',
  'SetTopicAttributes',
  'AddPermission',
  'RemovePermission',
  'DeleteTopic',
  'Subscribe',
  'ListSubscriptionsByTopic',
  'Publish',
  'Receive',
]);

interface Statement {
  Sid: string;
  [k: string]: unknown;
}

export function statementsOf(policy: string | undefined): { doc: Record<string, unknown>; statements: Statement[] } {
  const doc = policy ? (JSON.parse(policy) as Record<string, unknown>) : { Version: '2008-10-17', Id: '__default_policy_ID' };
  const raw = doc.Statement;
  const statements = Array.isArray(raw) ? (raw as Statement[]) : raw ? [raw as Statement] : [];
  return { doc, statements };
}

export async function addPermission(sns: SnsRuntime, input: AddPermissionInput, ctx: RequestContext): Promise<void> {
  const topic = await requireTopic(sns, input.TopicArn, ctx.region);
  for (const action of input.ActionName) {
    if (!TOPIC_ACTIONS.has(action)) throw invalidParameter('Policy statement action out of service scope!');
  }
  const { doc, statements } = statementsOf(topic.attributes.Policy);
  if (statements.some((s) => s.Sid === input.Label)) throw invalidParameter('Statement already exists');
  const principals = input.AWSAccountId.map((a) => `arn:aws:iam::${a}:root`);
  statements.push({
    Sid: input.Label,
    Effect: 'Allow',
    Principal: { AWS: principals.length === 1 ? principals[0] : principals },
    Action: input.ActionName.length === 1 ? `SNS:${input.ActionName[0]}` : input.ActionName.map((a) => `SNS:${a}`),
    Resource: arnOf(topic),
  });
  await sns.store.updateTopic(topic.id, { attributes: { ...topic.attributes, Policy: JSON.stringify({ ...doc, Statement: statements }) } });
}
