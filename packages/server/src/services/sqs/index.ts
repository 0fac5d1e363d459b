// SQS as the protocol layer sees it: the model, one handler per operation, and the background
// work the queues need (removing messages past their retention period).
import { sqsModel } from './model.js';
import { operation, type OperationHandler, type RequestContext, type Service } from '../../protocols/service.js';
import { addPermission } from './api/add-permission.js';
import { cancelMessageMoveTask } from './api/cancel-message-move-task.js';
import { listMessageMoveTasks } from './api/list-message-move-tasks.js';
import { startMessageMoveTask } from './api/start-message-move-task.js';
import type { MoveTaskRunner } from './move-tasks.js';
import { changeMessageVisibility } from './api/change-message-visibility.js';
import { changeMessageVisibilityBatch } from './api/change-message-visibility-batch.js';
import { createQueue } from './api/create-queue.js';
import { deleteMessage } from './api/delete-message.js';
import { deleteMessageBatch } from './api/delete-message-batch.js';
import { deleteQueue } from './api/delete-queue.js';
import { getQueueAttributes } from './api/get-queue-attributes.js';
import { getQueueUrl } from './api/get-queue-url.js';
import { listDeadLetterSourceQueues } from './api/list-dead-letter-source-queues.js';
import { listQueueTags } from './api/list-queue-tags.js';
import { listQueues } from './api/list-queues.js';
import { purgeQueue } from './api/purge-queue.js';
import { receiveMessage } from './api/receive-message.js';
import { removePermission } from './api/remove-permission.js';
import { sendMessage } from './api/send-message.js';
import { sendMessageBatch } from './api/send-message-batch.js';
import { setQueueAttributes } from './api/set-queue-attributes.js';
import { tagQueue } from './api/tag-queue.js';
import { untagQueue } from './api/untag-queue.js';
import { retainedAfter } from './queues.js';
import type { SqsRuntime } from './runtime.js';

export type { SqsRuntime } from './runtime.js';
export { ReceiveWaiters } from './long-poll.js';
export { sqsModel } from './model.js';
export { MoveTaskRunner } from './move-tasks.js';
export { SqsCounters } from './metrics.js';
export { InFlightLimit } from './in-flight.js';
export { renderSqsMetrics } from './prometheus.js';
export { enqueueByArn, type ServiceMessage, type EnqueueResult } from './enqueue.js';

type Handler<I, O> = (sqs: SqsRuntime, input: I, ctx: RequestContext) => Promise<O>;

function bind<I, O>(sqs: SqsRuntime, handler: Handler<I, O>): OperationHandler {
  return operation((input: I, ctx: RequestContext) => handler(sqs, input, ctx));
}

export function createSqsService(sqs: SqsRuntime, moveTasks: MoveTaskRunner): Service {
  return {
    id: 'sqs',
    model: sqsModel,
    operations: {
      AddPermission: bind(sqs, addPermission),
      ChangeMessageVisibility: bind(sqs, changeMessageVisibility),
      ChangeMessageVisibilityBatch: bind(sqs, changeMessageVisibilityBatch),
      CreateQueue: bind(sqs, createQueue),
      DeleteMessage: bind(sqs, deleteMessage),
      DeleteMessageBatch: bind(sqs, deleteMessageBatch),
      DeleteQueue: bind(sqs, deleteQueue),
      GetQueueAttributes: bind(sqs, getQueueAttributes),
      GetQueueUrl: bind(sqs, getQueueUrl),
      ListDeadLetterSourceQueues: bind(sqs, listDeadLetterSourceQueues),
      ListQueueTags: bind(sqs, listQueueTags),
      ListQueues: bind(sqs, listQueues),
      PurgeQueue: bind(sqs, purgeQueue),
      ReceiveMessage: bind(sqs, receiveMessage),
      RemovePermission: bind(sqs, removePermission),
      SendMessage: bind(sqs, sendMessage),
      SendMessageBatch: bind(sqs, sendMessageBatch),
      SetQueueAttributes: bind(sqs, setQueueAttributes),
      TagQueue: bind(sqs, tagQueue),
      UntagQueue: bind(sqs, untagQueue),
      StartMessageMoveTask: operation((input: Parameters<typeof startMessageMoveTask>[2], ctx: RequestContext) =>
        startMessageMoveTask(sqs, moveTasks, input, ctx),
      ),
      ListMessageMoveTasks: bind(sqs, listMessageMoveTasks),
      CancelMessageMoveTask: bind(sqs, cancelMessageMoveTask),
    },
    // Query requests posted to a queue URL may leave QueueUrl out: the path names the queue.
    queryParameterFromPath(path, baseUrl, params) {
      if (!params.has('QueueUrl') && /^\/[^/]+\/[^/]+\/?$/.test(path)) params.set('QueueUrl', baseUrl + path);
    },
  };
}

/** Deletes messages past their queue's retention period (and stale FIFO records), every `intervalMs`. */
export function startRetentionSweeper(sqs: SqsRuntime, intervalMs: number, onError: (err: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      const now = sqs.clock.now();
      for (const queue of await sqs.store.allQueues()) {
        await sqs.store.deleteExpired(queue.id, retainedAfter(queue, now), now);
      }
    })()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
