import type {
  DescribeStateMachineInput,
  DescribeStateMachineOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { describeStateMachine as describe } from '../domain/describe.js';
import { requireMachine } from '../machines.js';
import type { SfnRuntime } from '../runtime.js';

export async function describeStateMachine(
  sfn: SfnRuntime,
  input: DescribeStateMachineInput,
  ctx: RequestContext,
): Promise<DescribeStateMachineOutput> {
  return describe(await requireMachine(sfn, input.stateMachineArn, ctx));
}
