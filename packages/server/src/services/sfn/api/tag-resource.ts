import type { TagResourceInput, TagResourceOutput } from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { StateMachineRecord } from '../../../storage/ports.js';
import { inScope, parseStatesArn } from '../domain/arn.js';
import { checkTags, fromWire, MAX_TAGS, mergeTags, tooManyTags } from '../domain/tags.js';
import { invalidArn, sfnError } from '../errors.js';
import type { SfnRuntime } from '../runtime.js';

/** The taggable resource an ARN names: state machines (activities come with activities). */
export async function requireTaggable(
  sfn: SfnRuntime,
  resourceArn: string,
  ctx: RequestContext,
): Promise<StateMachineRecord> {
  const parsed = parseStatesArn(resourceArn);
  if (!('resourceType' in parsed)) throw parsed;
  if (!['stateMachine', 'activity'].includes(parsed.resourceType))
    throw invalidArn(`Resource type not valid in this context: ${parsed.resourceType}`);
  const notFound = sfnError('ResourceNotFound', `Resource not found: '${resourceArn}'`);
  // A version or alias ARN (`stateMachine:name:1`) names nothing until versions exist.
  if (
    parsed.resourceType !== 'stateMachine' ||
    parsed.parts.length !== 1 ||
    !inScope(parsed, ctx.account, ctx.region)
  )
    throw notFound;
  const machine = await sfn.store.getStateMachine(resourceArn);
  if (!machine) throw notFound;
  return machine;
}

export async function tagResource(
  sfn: SfnRuntime,
  input: TagResourceInput,
  ctx: RequestContext,
): Promise<TagResourceOutput> {
  const machine = await requireTaggable(sfn, input.resourceArn, ctx);
  const added = fromWire(input.tags);
  const err = checkTags(added);
  if (err) throw err;
  const merged = mergeTags(machine.tags, added);
  if (merged.length > MAX_TAGS) throw tooManyTags(machine.arn);
  await sfn.store.setStateMachineTags(machine.arn, merged);
  return {};
}
