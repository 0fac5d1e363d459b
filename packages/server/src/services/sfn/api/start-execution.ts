import { randomUUID } from 'node:crypto';
import type {
  StartExecutionInput,
  StartExecutionOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { StateMachineRecord } from '../../../storage/ports.js';
import { executionArn, expressExecutionArn } from '../domain/arn.js';
import { checkExecutionInput } from '../domain/execution-input.js';
import { checkName } from '../domain/names.js';
import { must, sfnError } from '../errors.js';
import { requireMachine } from '../machines.js';
import type { SfnRuntime } from '../runtime.js';

export interface CheckedStart {
  machine: StateMachineRecord;
  name: string;
  input: string;
}

/** What StartExecution and StartSyncExecution check before anything runs. */
export async function checkStart(
  sfn: SfnRuntime,
  input: { stateMachineArn: string; name?: string; input?: string },
  ctx: RequestContext,
): Promise<CheckedStart> {
  const machine = await requireMachine(sfn, input.stateMachineArn, ctx);
  if (machine.status === 'DELETING')
    throw sfnError('StateMachineDeleting', `State Machine Is Being Deleted: '${machine.arn}'`);
  const name = input.name ?? randomUUID();
  const nameError = checkName(name);
  if (nameError) throw nameError;
  return { machine, name, input: must(checkExecutionInput(input.input)) };
}

/**
 * Standard: the execution and its first step are durable before the reply. The same name with the
 * same input while the execution runs returns that execution (idempotency); otherwise the name is
 * taken: ExecutionAlreadyExists. Express: runs in the background, no idempotency, as on AWS.
 */
export async function startExecution(
  sfn: SfnRuntime,
  input: StartExecutionInput,
  ctx: RequestContext,
): Promise<StartExecutionOutput> {
  const { machine, name, input: text } = await checkStart(sfn, input, ctx);
  if (machine.type === 'EXPRESS') {
    const arn = expressExecutionArn(ctx.region, ctx.account, machine.name, name, randomUUID());
    const { startedAt } = sfn.engine.startExpress({ machine, arn, name, input: text });
    return { executionArn: arn, startDate: new Date(startedAt) };
  }
  const arn = executionArn(ctx.region, ctx.account, machine.name, name);
  const existing = await sfn.store.getExecution(arn);
  const { created, execution } = existing
    ? { created: false, execution: existing }
    : await sfn.engine.startStandard({ machine, arn, name, input: text });
  if (!created && !(execution.status === 'RUNNING' && execution.input === text)) {
    throw sfnError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
  }
  return { executionArn: arn, startDate: new Date(execution.startedAt) };
}
