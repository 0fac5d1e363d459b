import type {
  CreateStateMachineInput,
  CreateStateMachineOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { stateMachineArn } from '../domain/arn.js';
import {
  encryptionConfiguration,
  loggingConfiguration,
  sameConfiguration,
  tracingConfiguration,
} from '../domain/configuration.js';
import {
  checkDefinition,
  checkMachineType,
  checkPublish,
  checkRoleArn,
} from '../domain/definition.js';
import { checkName } from '../domain/names.js';
import { checkTags, fromWire, MAX_TAGS, tooManyTags } from '../domain/tags.js';
import { must, sfnError } from '../errors.js';
import type { SfnRuntime } from '../runtime.js';

/**
 * Idempotent on name, definition (as text), type and the logging, tracing and encryption settings:
 * the same request again returns the existing machine (a different role or tags are ignored, as on
 * AWS); anything else under the same name is StateMachineAlreadyExists.
 */
export async function createStateMachine(
  sfn: SfnRuntime,
  input: CreateStateMachineInput,
  ctx: RequestContext,
): Promise<CreateStateMachineOutput> {
  const nameError = checkName(input.name);
  if (nameError) throw nameError;
  const type = must(checkMachineType(input.type));
  const definitionError = checkDefinition(input.definition, type);
  if (definitionError) throw definitionError;
  const roleError = checkRoleArn(input.roleArn);
  if (roleError) throw roleError;
  const logging = must(loggingConfiguration(input.loggingConfiguration));
  const tracing = tracingConfiguration(input.tracingConfiguration);
  const encryption = must(encryptionConfiguration(input.encryptionConfiguration));
  const publishError = checkPublish(input.publish, input.versionDescription);
  if (publishError) throw publishError;
  const tags = fromWire(input.tags);
  const tagError = checkTags(tags);
  if (tagError) throw tagError;
  const arn = stateMachineArn(ctx.region, ctx.account, input.name);
  if (new Set(tags.map((t) => t.key)).size > MAX_TAGS) throw tooManyTags(arn);

  const now = sfn.clock.now();
  const { created, machine } = await sfn.store.createStateMachine({
    arn,
    account: ctx.account,
    region: ctx.region,
    name: input.name,
    type,
    status: 'ACTIVE',
    tags,
    createdAt: now,
    revision: {
      definition: input.definition,
      roleArn: input.roleArn,
      revisionId: null,
      loggingConfiguration: logging,
      tracingConfiguration: tracing,
      encryptionConfiguration: encryption,
      createdAt: now,
    },
  });
  if (!created) {
    if (machine.status === 'DELETING')
      throw sfnError('StateMachineDeleting', `State Machine Is Being Deleted: '${arn}'`);
    const r = machine.revision;
    const same =
      machine.type === type &&
      r.definition === input.definition &&
      sameConfiguration(r.loggingConfiguration, logging) &&
      sameConfiguration(r.tracingConfiguration, tracing) &&
      sameConfiguration(r.encryptionConfiguration, encryption);
    if (!same)
      throw sfnError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
  }
  return { stateMachineArn: arn, creationDate: new Date(machine.createdAt) };
}
