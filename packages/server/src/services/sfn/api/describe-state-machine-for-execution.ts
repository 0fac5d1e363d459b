import type {
  DescribeStateMachineForExecutionInput,
  DescribeStateMachineForExecutionOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { describeMachineForExecution } from '../domain/describe.js';
import { requireExecution } from '../machines.js';
import type { SfnRuntime } from '../runtime.js';

/** The definition and settings the execution runs with, even after the machine was updated or deleted. */
export async function describeStateMachineForExecution(
  sfn: SfnRuntime,
  input: DescribeStateMachineForExecutionInput,
  ctx: RequestContext,
): Promise<DescribeStateMachineForExecutionOutput> {
  const execution = await requireExecution(sfn, input.executionArn, ctx);
  const revision = await sfn.store.getRevision(execution.revision);
  if (!revision)
    throw new Error(`execution ${execution.arn} refers to a missing state machine revision`);
  const machineName = execution.stateMachineArn.slice(
    execution.stateMachineArn.lastIndexOf(':') + 1,
  );
  return describeMachineForExecution(execution.stateMachineArn, machineName, revision);
}
