import type { DeleteTopicInput } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { parseTopicArn } from '../domain/arn.js';
import { invalidParameter } from '../errors.js';
import type { SnsRuntime } from '../runtime.js';

/** Deleting a topic that does not exist succeeds, as on AWS. */
export async function deleteTopic(sns: SnsRuntime, input: DeleteTopicInput, ctx: RequestContext): Promise<void> {
  const key = parseTopicArn(input.TopicArn);
  if ('code' in key) throw key;
  if (key.region !== ctx.region) throw invalidParameter('TopicArn');
  const topic = await sns.store.getTopic(key.account, key.region, key.name);
  if (topic) await sns.store.deleteTopic(topic.id, input.TopicArn);
}
