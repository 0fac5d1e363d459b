import type {
  DescribeExecutionInput,
  DescribeExecutionOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { describeExecution as describe } from '../domain/describe.js';
import { requireExecution } from '../machines.js';
import type { SfnRuntime } from '../runtime.js';

/** Standard executions only: Express ones keep no record (AWS: "Resource type not valid in this context: express"). */
export async function describeExecution(
  sfn: SfnRuntime,
  input: DescribeExecutionInput,
  ctx: RequestContext,
): Promise<DescribeExecutionOutput> {
  return describe(await requireExecution(sfn, input.executionArn, ctx));
}
