import type { CancelMessageMoveTaskRequest, CancelMessageMoveTaskResult } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { sqsError } from '../errors.js';
import { decodeTaskHandle } from '../move-tasks.js';
import { queueByArn } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';
import { resourceNotFound } from './start-message-move-task.js';

export async function cancelMessageMoveTask(
  sqs: SqsRuntime,
  input: CancelMessageMoveTaskRequest,
  _ctx: RequestContext,
): Promise<CancelMessageMoveTaskResult> {
  const handle = decodeTaskHandle(input.TaskHandle);
  if (!handle) throw sqsError('InvalidParameterValue', 'Value for parameter TaskHandle is invalid.');
  if (!(await queueByArn(sqs, handle.sourceArn))) throw resourceNotFound('SourceArn');
  const task = await sqs.store.getMoveTask(handle.taskId);
  if (!task || task.sourceArn !== handle.sourceArn) throw sqsError('ResourceNotFoundException', 'Task does not exist.');
  if (task.status !== 'RUNNING') throw sqsError('InvalidParameterValue', `Only a running task can be cancelled; this task is ${task.status}.`);
  await sqs.store.saveMoveTask({ ...task, status: 'CANCELLING' });
  return { ApproximateNumberOfMessagesMoved: task.moved };
}
