// Message move tasks run in the background: each tick moves a slice of the dead-letter queue's
// visible messages to their source queues (or to one destination) at the task's rate, and
// records progress, so a task survives a restart and resumes where it was.
import type { MessageTransfer, MoveTaskRecord } from '../../storage/ports.js';
import { isFifo, queueByArn, retainedAfter } from './queues.js';
import type { SqsRuntime } from './runtime.js';

/** AWS's ceiling for MaxNumberOfMessagesPerSecond, and our rate when none is given. */
export const MAX_MOVE_RATE = 500;
const TICK_MS = 100;
const NON_EXISTENT_QUEUE = 'AWS.SimpleQueueService.NonExistentQueue';

export interface TaskHandleParts {
  taskId: string;
  sourceArn: string;
}

export function encodeTaskHandle(parts: TaskHandleParts): string {
  return Buffer.from(JSON.stringify({ taskId: parts.taskId, sourceArn: parts.sourceArn }), 'utf8').toString('base64');
}

export function decodeTaskHandle(handle: string): TaskHandleParts | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(handle, 'base64').toString('utf8')) as Partial<TaskHandleParts>;
    if (typeof parsed.taskId === 'string' && typeof parsed.sourceArn === 'string') return { taskId: parsed.taskId, sourceArn: parsed.sourceArn };
  } catch {
    // not a handle of ours
  }
  return undefined;
}

export class MoveTaskRunner {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly sqs: SqsRuntime,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Picks up tasks that were running when the process last stopped. */
  async resume(): Promise<void> {
    for (const task of await this.sqs.store.activeMoveTasks()) this.schedule(task.id, 0);
  }

  start(task: MoveTaskRecord): void {
    this.schedule(task.id, 0);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private schedule(id: string, delay: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(id);
      this.tick(id).catch((err: unknown) => {
        this.onError(err);
        this.schedule(id, 1000);
      });
    }, delay);
    timer.unref();
    this.timers.set(id, timer);
  }

  private async finish(task: MoveTaskRecord, status: MoveTaskRecord['status'], failureReason: string | null = null): Promise<void> {
    await this.sqs.store.saveMoveTask({ ...task, status, failureReason });
  }

  private async tick(id: string): Promise<void> {
    const { store, clock } = this.sqs;
    const task = await store.getMoveTask(id);
    if (!task) return;
    if (task.status === 'CANCELLING') return this.finish(task, 'CANCELLED');
    if (task.status !== 'RUNNING') return;

    const source = await queueByArn(this.sqs, task.sourceArn);
    if (!source) return this.finish(task, 'FAILED', NON_EXISTENT_QUEUE);
    const rate = task.maxPerSecond ?? MAX_MOVE_RATE;
    const perTick = Math.max(1, Math.floor((rate * TICK_MS) / 1000));
    const interval = rate * TICK_MS >= 1000 ? TICK_MS : Math.ceil(1000 / rate);
    const want = Math.min(perTick, task.toMove - task.moved);
    if (want <= 0) return this.finish(task, 'COMPLETED');

    const now = clock.now();
    const candidates = await store.peekMessages(source.id, now, retainedAfter(source, now), want);
    if (candidates.length === 0) return this.finish(task, 'COMPLETED');

    const destinations = new Map<string, { id: number; fifo: boolean } | null>();
    const moves: MessageTransfer[] = [];
    for (const m of candidates) {
      const targetArn = task.destinationArn ?? m.deadLetterSourceArn;
      if (!targetArn) continue;
      if (!destinations.has(targetArn)) {
        const q = await queueByArn(this.sqs, targetArn);
        destinations.set(targetArn, q ? { id: q.id, fifo: isFifo(q) } : null);
      }
      const dest = destinations.get(targetArn);
      if (!dest) return this.finish(task, 'FAILED', NON_EXISTENT_QUEUE);
      moves.push({ rowId: m.rowId, messageId: m.messageId, toQueueId: dest.id, toFifo: dest.fifo, deadLetterSourceArn: null });
    }
    if (moves.length === 0) {
      // Only messages that never came from a source queue are left, and no destination was given.
      return this.finish(task, 'FAILED', 'The remaining messages have no source queue to be moved back to.');
    }
    const moved = await store.transferMessages(moves, now);
    for (const d of destinations.values()) if (d) this.sqs.waiters.wake(d.id);
    const progressed = { ...task, moved: task.moved + moved };
    if (progressed.moved >= progressed.toMove) return this.finish(progressed, 'COMPLETED');
    // A cancel that arrived during this tick must not be overwritten by our progress.
    const latest = await store.getMoveTask(id);
    await store.saveMoveTask({ ...progressed, status: latest?.status ?? progressed.status });
    this.schedule(id, interval);
  }
}
