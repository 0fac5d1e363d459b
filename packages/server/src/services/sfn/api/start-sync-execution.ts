import { randomUUID } from 'node:crypto';
import type {
  StartSyncExecutionInput,
  StartSyncExecutionOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { expressExecutionArn } from '../domain/arn.js';
import { typeNotSupported } from '../errors.js';
import type { SfnRuntime } from '../runtime.js';
import { checkStart } from './start-execution.js';

/** AWS bills Express executions in 100 ms steps, at least one, and reports 64 MB. */
function billed(ms: number): number {
  return Math.max(100, Math.ceil(ms / 100) * 100);
}

/** Express only; runs to the end (at most five minutes) and answers 200 whatever the outcome. */
export async function startSyncExecution(
  sfn: SfnRuntime,
  input: StartSyncExecutionInput,
  ctx: RequestContext,
): Promise<StartSyncExecutionOutput> {
  const { machine, name, input: text } = await checkStartExpress(sfn, input, ctx);
  const arn = expressExecutionArn(ctx.region, ctx.account, machine.name, name, randomUUID());
  const { finished } = sfn.engine.startExpress({ machine, arn, name, input: text });
  const outcome = await finished;
  const stoppedAt = outcome.stoppedAt ?? sfn.clock.now();
  const out: StartSyncExecutionOutput = {
    executionArn: arn,
    stateMachineArn: machine.arn,
    name,
    startDate: new Date(outcome.startedAt),
    stopDate: new Date(stoppedAt),
    status: outcome.status,
    input: text,
    inputDetails: { included: true },
    billingDetails: {
      billedDurationInMilliseconds: billed(stoppedAt - outcome.startedAt),
      billedMemoryUsedInMB: 64,
    },
  };
  // Recorded: a failed sync execution still says its (absent) output was included.
  out.outputDetails = { included: true };
  if (outcome.output !== null) out.output = outcome.output;
  if (outcome.error !== null) out.error = outcome.error;
  if (outcome.cause !== null) out.cause = outcome.cause;
  return out;
}

async function checkStartExpress(
  sfn: SfnRuntime,
  input: StartSyncExecutionInput,
  ctx: RequestContext,
): ReturnType<typeof checkStart> {
  const checked = await checkStart(sfn, input, ctx);
  if (checked.machine.type !== 'EXPRESS') throw typeNotSupported();
  return checked;
}
