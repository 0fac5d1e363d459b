import { invalidValue } from '../../../protocols/errors.js';
import type {
  ListMessageMoveTasksRequest,
  ListMessageMoveTasksResult,
  ListMessageMoveTasksResultEntry,
} from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { encodeTaskHandle } from '../move-tasks.js';
import { arnOf, queueByArn } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';
import { resourceNotFound } from './start-message-move-task.js';

export async function listMessageMoveTasks(
  sqs: SqsRuntime,
  input: ListMessageMoveTasksRequest,
  _ctx: RequestContext,
): Promise<ListMessageMoveTasksResult> {
  const max = input.MaxResults ?? 1;
  if (!Number.isInteger(max) || max < 1 || max > 10) throw invalidValue('MaxResults', max, 'MaxResults must be between 1 and 10.');
  const source = await queueByArn(sqs, input.SourceArn);
  if (!source) throw resourceNotFound('SourceArn');
  const tasks = await sqs.store.listMoveTasks(arnOf(source), max);
  const results: ListMessageMoveTasksResultEntry[] = tasks.map((t) => {
    const entry: ListMessageMoveTasksResultEntry = {
      Status: t.status,
      SourceArn: t.sourceArn,
      ApproximateNumberOfMessagesMoved: t.moved,
      ApproximateNumberOfMessagesToMove: t.toMove,
      StartedTimestamp: t.startedAt,
    };
    if (t.status === 'RUNNING') entry.TaskHandle = encodeTaskHandle({ taskId: t.id, sourceArn: t.sourceArn });
    if (t.destinationArn) entry.DestinationArn = t.destinationArn;
    if (t.maxPerSecond !== null) entry.MaxNumberOfMessagesPerSecond = t.maxPerSecond;
    if (t.failureReason) entry.FailureReason = t.failureReason;
    return entry;
  });
  return { Results: results };
}
