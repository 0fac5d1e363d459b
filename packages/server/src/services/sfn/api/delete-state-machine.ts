import type {
  DeleteStateMachineInput,
  DeleteStateMachineOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { inScope, readStateMachineArn } from '../domain/arn.js';
import type { SfnRuntime } from '../runtime.js';

/**
 * As on AWS: deleting a machine that does not exist succeeds; a machine with running Standard
 * executions turns DELETING and goes when the last of them stops.
 */
export async function deleteStateMachine(
  sfn: SfnRuntime,
  input: DeleteStateMachineInput,
  ctx: RequestContext,
): Promise<DeleteStateMachineOutput> {
  const ref = readStateMachineArn(input.stateMachineArn);
  if (ref.qualifier !== undefined || !inScope(ref.arn, ctx.account, ctx.region)) return {};
  const machine = await sfn.store.getStateMachine(input.stateMachineArn);
  if (!machine) return {};
  if ((await sfn.store.countRunningExecutions(machine.arn)) > 0) {
    await sfn.store.setStateMachineStatus(machine.arn, 'DELETING');
  } else {
    await sfn.store.deleteStateMachine(machine.arn);
  }
  return {};
}
