import { randomUUID } from 'node:crypto';
import type { AwsError} from '../../../protocols/errors.js';
import { invalidValue } from '../../../protocols/errors.js';
import type { StartMessageMoveTaskRequest, StartMessageMoveTaskResult } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { sqsError } from '../errors.js';
import { encodeTaskHandle, MAX_MOVE_RATE, type MoveTaskRunner } from '../move-tasks.js';
import { arnOf, queueByArn, redrivePolicyOf, retainedAfter } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';

export function resourceNotFound(parameter: 'SourceArn' | 'DestinationArn'): AwsError {
  return sqsError('ResourceNotFoundException', `The resource that you specified for the ${parameter} parameter doesn't exist.`);
}

export async function startMessageMoveTask(
  sqs: SqsRuntime,
  runner: MoveTaskRunner,
  input: StartMessageMoveTaskRequest,
  _ctx: RequestContext,
): Promise<StartMessageMoveTaskResult> {
  const rate = input.MaxNumberOfMessagesPerSecond;
  if (rate !== undefined && (!Number.isInteger(rate) || rate < 1 || rate > MAX_MOVE_RATE)) {
    throw invalidValue('MaxNumberOfMessagesPerSecond', rate, `MaxNumberOfMessagesPerSecond must be between 1 and ${MAX_MOVE_RATE}.`);
  }
  const source = await queueByArn(sqs, input.SourceArn);
  if (!source) throw resourceNotFound('SourceArn');
  const sourceArn = arnOf(source);
  const all = await sqs.store.listQueues(source.account, source.region, '', undefined, Number.MAX_SAFE_INTEGER);
  if (!all.some((q) => redrivePolicyOf(q)?.deadLetterTargetArn === sourceArn)) {
    throw sqsError('InvalidParameterValue', 'Source queue must be configured as a Dead Letter Queue.');
  }
  if (input.DestinationArn !== undefined && !(await queueByArn(sqs, input.DestinationArn))) throw resourceNotFound('DestinationArn');
  const running = await sqs.store.listMoveTasks(sourceArn, 10);
  if (running.some((t) => t.status === 'RUNNING' || t.status === 'CANCELLING')) {
    throw sqsError('InvalidParameterValue', 'There is already a task running. Only one active task is allowed for a source queue arn at a given time.');
  }
  const now = sqs.clock.now();
  const counts = await sqs.store.countMessages(source.id, now, retainedAfter(source, now));
  const task = {
    id: randomUUID(),
    account: source.account,
    region: source.region,
    sourceArn,
    destinationArn: input.DestinationArn ?? null,
    maxPerSecond: rate ?? null,
    status: 'RUNNING' as const,
    moved: 0,
    toMove: counts.visible,
    failureReason: null,
    startedAt: now,
  };
  await sqs.store.saveMoveTask(task);
  runner.start(task);
  return { TaskHandle: encodeTaskHandle({ taskId: task.id, sourceArn }) };
}
