import { randomUUID } from 'node:crypto';
import type {
  UpdateStateMachineInput,
  UpdateStateMachineOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import {
  encryptionConfiguration,
  loggingConfiguration,
  sameConfiguration,
  tracingConfiguration,
} from '../domain/configuration.js';
import { checkDefinition, checkPublish, checkRoleArn } from '../domain/definition.js';
import { must, sfnError } from '../errors.js';
import { requireMachine } from '../machines.js';
import type { SfnRuntime } from '../runtime.js';

/**
 * A change makes a new revision (a new revisionId and updateDate); running executions keep the
 * revision they started with. An update that changes nothing keeps the current revision.
 */
export async function updateStateMachine(
  sfn: SfnRuntime,
  input: UpdateStateMachineInput,
  ctx: RequestContext,
): Promise<UpdateStateMachineOutput> {
  const machine = await requireMachine(sfn, input.stateMachineArn, ctx);
  if (
    input.definition === undefined &&
    input.roleArn === undefined &&
    input.loggingConfiguration === undefined &&
    input.tracingConfiguration === undefined &&
    input.encryptionConfiguration === undefined
  ) {
    throw sfnError(
      'MissingRequiredParameter',
      'Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified',
    );
  }
  if (machine.status === 'DELETING')
    throw sfnError('StateMachineDeleting', `State Machine Is Being Deleted: '${machine.arn}'`);
  const current = machine.revision;
  if (input.definition !== undefined) {
    const err = checkDefinition(input.definition, machine.type);
    if (err) throw err;
  }
  if (input.roleArn !== undefined) {
    const err = checkRoleArn(input.roleArn);
    if (err) throw err;
  }
  const logging = input.loggingConfiguration
    ? must(loggingConfiguration(input.loggingConfiguration))
    : current.loggingConfiguration;
  const tracing = input.tracingConfiguration
    ? tracingConfiguration(input.tracingConfiguration)
    : current.tracingConfiguration;
  const encryption = input.encryptionConfiguration
    ? must(encryptionConfiguration(input.encryptionConfiguration))
    : current.encryptionConfiguration;
  const publishError = checkPublish(input.publish, input.versionDescription);
  if (publishError) throw publishError;

  const next = {
    definition: input.definition ?? current.definition,
    roleArn: input.roleArn ?? current.roleArn,
    loggingConfiguration: logging,
    tracingConfiguration: tracing,
    encryptionConfiguration: encryption,
  };
  const unchanged =
    next.definition === current.definition &&
    next.roleArn === current.roleArn &&
    sameConfiguration(logging, current.loggingConfiguration) &&
    sameConfiguration(tracing, current.tracingConfiguration) &&
    sameConfiguration(encryption, current.encryptionConfiguration);
  if (unchanged) {
    const out: UpdateStateMachineOutput = { updateDate: new Date(current.createdAt) };
    if (current.revisionId !== null) out.revisionId = current.revisionId;
    return out;
  }
  const now = sfn.clock.now();
  const revised = await sfn.store.reviseStateMachine(machine.arn, {
    ...next,
    revisionId: randomUUID(),
    createdAt: now,
  });
  return { updateDate: new Date(now), revisionId: revised.revision.revisionId! };
}
