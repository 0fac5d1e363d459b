import type {
  StopExecutionInput,
  StopExecutionOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { validationError } from '../errors.js';
import { requireExecution } from '../machines.js';
import type { SfnRuntime } from '../runtime.js';

/**
 * The interpreter records ExecutionAborted (with the given error and cause); the reply comes once
 * that is durable. Stopping an execution that already stopped reports when it did.
 */
export async function stopExecution(
  sfn: SfnRuntime,
  input: StopExecutionInput,
  ctx: RequestContext,
): Promise<StopExecutionOutput> {
  if (input.error !== undefined && input.error.length > 256)
    throw validationError('error', undefined, 'Member must have length less than or equal to 256');
  if (input.cause !== undefined && input.cause.length > 32768)
    throw validationError(
      'cause',
      undefined,
      'Member must have length less than or equal to 32768',
    );
  let execution = await requireExecution(sfn, input.executionArn, ctx);
  if (execution.status === 'RUNNING') {
    await sfn.engine.stop(execution.arn, input.error, input.cause);
    execution = (await sfn.store.getExecution(execution.arn)) ?? execution;
  }
  return { stopDate: new Date(execution.stoppedAt ?? sfn.clock.now()) };
}
