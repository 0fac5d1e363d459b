// Looking up state machines and executions named by ARN in a request, with AWS's errors for ARNs
// that are malformed, of the wrong kind, of another account or region, or of nothing.
import type { RequestContext } from '../../protocols/service.js';
import type { ExecutionRecord, StateMachineRecord } from '../../storage/ports.js';
import { inScope, readExecutionArn, readStateMachineArn, type ExecutionRef } from './domain/arn.js';
import { executionDoesNotExist, stateMachineDoesNotExist } from './errors.js';
import type { SfnRuntime } from './runtime.js';

export async function requireMachine(
  sfn: SfnRuntime,
  arn: string,
  ctx: RequestContext,
): Promise<StateMachineRecord> {
  const ref = readStateMachineArn(arn);
  // Versions and aliases do not exist yet, so a qualified ARN names nothing.
  if (ref.qualifier !== undefined || !inScope(ref.arn, ctx.account, ctx.region))
    throw stateMachineDoesNotExist(arn);
  const machine = await sfn.store.getStateMachine(arn);
  if (!machine) throw stateMachineDoesNotExist(arn);
  return machine;
}

export async function requireExecution(
  sfn: SfnRuntime,
  arn: string,
  ctx: RequestContext,
): Promise<ExecutionRecord> {
  const ref: ExecutionRef = readExecutionArn(arn);
  if (!inScope(ref.arn, ctx.account, ctx.region)) throw executionDoesNotExist(arn);
  const execution = await sfn.store.getExecution(arn);
  if (!execution) throw executionDoesNotExist(arn);
  return execution;
}
