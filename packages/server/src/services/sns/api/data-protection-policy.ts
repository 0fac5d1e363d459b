import type {
  GetDataProtectionPolicyInput,
  GetDataProtectionPolicyResponse,
  PutDataProtectionPolicyInput,
} from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { jsonParseProblem } from '../domain/subscription-attributes.js';
import { invalidParameter } from '../errors.js';
import type { SnsRuntime } from '../runtime.js';
import { requireTopic } from '../topics.js';

export async function getDataProtectionPolicy(
  sns: SnsRuntime,
  input: GetDataProtectionPolicyInput,
  ctx: RequestContext,
): Promise<GetDataProtectionPolicyResponse> {
  const topic = await requireTopic(sns, input.ResourceArn, ctx.region, 'ResourceArn');
  return topic.dataProtectionPolicy ? { DataProtectionPolicy: topic.dataProtectionPolicy } : {};
}

/** Stored and returned; the policy's audit and de-identify rules are not applied. */
export async function putDataProtectionPolicy(sns: SnsRuntime, input: PutDataProtectionPolicyInput, ctx: RequestContext): Promise<void> {
  const topic = await requireTopic(sns, input.ResourceArn, ctx.region, 'ResourceArn');
  if (input.DataProtectionPolicy !== '' && jsonParseProblem(input.DataProtectionPolicy)) throw invalidParameter('DataProtectionPolicy');
  await sns.store.updateTopic(topic.id, { dataProtectionPolicy: input.DataProtectionPolicy === '' ? null : input.DataProtectionPolicy });
}
