// The behaviour every Store implementation must have, run by each implementation's test file
// (sqlite on a file, sqlite in memory, and PostgreSQL when it lands).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MoveTaskRecord, NewExecution, NewMessage, NewStateMachine, QueueRecord, ReceiveRequest, SfnStepWrite, Store } from './ports.js';

export interface StoreCase {
  name: string;
  createStore: () => Store | Promise<Store>;
  /** Reopens the same data (durable stores only). */
  reopen?: () => Store | Promise<Store>;
}

function queueInput(name: string, account = '000000000000', region = 'us-east-1'): Omit<QueueRecord, 'id'> {
  return { account, region, name, attributes: { VisibilityTimeout: '30' }, tags: {}, createdAt: 1000, modifiedAt: 1000, lastPurgeAt: null };
}

let seq = 0;
function message(body: string, sentAt: number, visibleAt = sentAt, groupId: string | null = null): NewMessage {
  seq++;
  return {
    messageId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    payload: Buffer.from(body, 'utf8'),
    md5OfBody: 'md5',
    md5OfAttributes: 'md5a',
    md5OfSystemAttributes: null,
    senderId: 'sender',
    sentAt,
    visibleAt,
    groupId,
    deduplicationId: null,
    deadLetterSourceArn: null,
  };
}

const bodyOf = (m: { payload: Uint8Array }) => Buffer.from(m.payload).toString('utf8');

function receive(now: number, max: number, visibleUntil: number, extra: Partial<ReceiveRequest> = {}): ReceiveRequest {
  return { now, max, visibleUntil, retainedAfter: 0, fifo: false, ...extra };
}

function task(id: string, status: MoveTaskRecord['status'], startedAt = 1000): MoveTaskRecord {
  return { id, account: '000000000000', region: 'us-east-1', sourceArn: 'arn:dlq', destinationArn: null, maxPerSecond: null, status, moved: 0, toMove: 10, failureReason: null, startedAt };
}

const SM_ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:sm';

function machineInput(name = 'sm', account = '000000000000', region = 'us-east-1'): NewStateMachine {
  return {
    arn: `arn:aws:states:${region}:${account}:stateMachine:${name}`,
    account,
    region,
    name,
    type: 'STANDARD',
    status: 'ACTIVE',
    tags: [{ key: 'team', value: 'a' }],
    createdAt: 1000,
    revision: {
      definition: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}',
      roleArn: 'arn:aws:iam::000000000000:role/r',
      revisionId: null,
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
      encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
      createdAt: 1000,
    },
  };
}

function executionInput(name: string, revision: number, startedAt = 2000): NewExecution {
  return {
    arn: `arn:aws:states:us-east-1:000000000000:execution:sm:${name}`,
    stateMachineArn: SM_ARN,
    account: '000000000000',
    region: 'us-east-1',
    name,
    revision,
    input: '{}',
    status: 'RUNNING',
    startedAt,
    stoppedAt: null,
    output: null,
    error: null,
    cause: null,
    snapshot: '{"v":0}',
    redriveCount: 0,
  };
}

function stepWrite(events: number[], changes: Partial<SfnStepWrite> = {}): SfnStepWrite {
  return {
    events:
      events.length === 0
        ? null
        : {
            first: events[0]!,
            last: events.at(-1)!,
            json: JSON.stringify(events.map((id) => ({ id, timestamp: 0, type: 'PassStateEntered' }))),
          },
    snapshot: `{"v":${events.at(-1) ?? 0}}`,
    status: 'RUNNING',
    stoppedAt: null,
    output: null,
    error: null,
    cause: null,
    addTimers: [],
    removeTimers: [],
    addTasks: [],
    removeTasks: [],
    ...changes,
  };
}

export function runStoreConformance(c: StoreCase): void {
  describe(`store conformance: ${c.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await c.createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('creates a queue once and reports the existing one on a second create', async () => {
      const first = await store.sqs.createQueue(queueInput('q'));
      const second = await store.sqs.createQueue({ ...queueInput('q'), attributes: { VisibilityTimeout: '99' } });
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.queue.id).toBe(first.queue.id);
      expect(second.queue.attributes.VisibilityTimeout).toBe('30');
    });

    it('keeps queues apart by account and region', async () => {
      await store.sqs.createQueue(queueInput('q', '111111111111'));
      await store.sqs.createQueue(queueInput('q', '222222222222', 'eu-west-1'));
      expect(await store.sqs.getQueue({ account: '111111111111', region: 'us-east-1', name: 'q' })).toBeDefined();
      expect(await store.sqs.getQueue({ account: '111111111111', region: 'eu-west-1', name: 'q' })).toBeUndefined();
      expect((await store.sqs.listQueues('222222222222', 'eu-west-1', '', undefined, 10)).map((q) => q.name)).toEqual(['q']);
    });

    it('lists queues by prefix in name order, after a given name', async () => {
      for (const n of ['b2', 'a1', 'b1', 'c1']) await store.sqs.createQueue(queueInput(n));
      const page = await store.sqs.listQueues('000000000000', 'us-east-1', 'b', undefined, 10);
      expect(page.map((q) => q.name)).toEqual(['b1', 'b2']);
      const after = await store.sqs.listQueues('000000000000', 'us-east-1', '', 'b1', 2);
      expect(after.map((q) => q.name)).toEqual(['b2', 'c1']);
    });

    it('updates attributes, tags and the purge time', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('q'));
      await store.sqs.updateQueue(queue.id, { attributes: { DelaySeconds: '5' }, modifiedAt: 2000 });
      await store.sqs.updateQueue(queue.id, { tags: { t: '1' }, lastPurgeAt: 3000 });
      const q = await store.sqs.getQueue(queue);
      expect(q).toMatchObject({ attributes: { DelaySeconds: '5' }, tags: { t: '1' }, modifiedAt: 2000, lastPurgeAt: 3000 });
    });

    it('deletes a queue with its messages and remembers when', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('q'));
      await store.sqs.insertMessages(queue.id, [message('x', 1000)]);
      await store.sqs.deleteQueue(queue.id, 5000);
      expect(await store.sqs.getQueue(queue)).toBeUndefined();
      expect(await store.sqs.deletedAt(queue)).toBe(5000);
      const again = await store.sqs.createQueue(queueInput('q'));
      expect(await store.sqs.countMessages(again.queue.id, 6000, 0)).toEqual({ visible: 0, notVisible: 0, delayed: 0 });
    });

    it('receives visible messages oldest first and hides them until the visibility deadline', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('q'));
      await store.sqs.insertMessages(queue.id, [message('1', 1000), message('2', 1001), message('3', 1002)]);
      const got = await store.sqs.receiveMessages(queue.id, receive(2000, 2, 32_000));
      expect(got.map(bodyOf)).toEqual(['1', '2']);
      expect(got[0]).toMatchObject({ receiveCount: 1, firstReceiveAt: 2000, md5OfAttributes: 'md5a', senderId: 'sender' });
      const rest = await store.sqs.receiveMessages(queue.id, receive(2000, 10, 32_000));
      expect(rest.map(bodyOf)).toEqual(['3']);
      expect(await store.sqs.countMessages(queue.id, 2000, 0)).toEqual({ visible: 0, notVisible: 3, delayed: 0 });
      const later = await store.sqs.receiveMessages(queue.id, receive(32_000, 10, 40_000));
      expect(later.map((m) => [bodyOf(m), m.receiveCount, m.firstReceiveAt])).toEqual([
        ['1', 2, 2000],
        ['2', 2, 2000],
        ['3', 2, 2000],
      ]);
    });

    it('counts delayed messages apart from in-flight ones and says when the next becomes visible', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('q'));
      await store.sqs.insertMessages(queue.id, [message('now', 1000), message('later', 1000, 9000)]);
      expect(await store.sqs.countMessages(queue.id, 1000, 0)).toEqual({ visible: 1, notVisible: 0, delayed: 1 });
      expect(await store.sqs.nextVisibleAt(queue.id, 1000)).toBe(9000);
      expect(await store.sqs.receiveMessages(queue.id, receive(1000, 10, 5000))).toHaveLength(1);
      expect(await store.sqs.nextVisibleAt(queue.id, 1000)).toBe(5000);
    });

    it('skips and deletes messages past retention', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('q'));
      await store.sqs.insertMessages(queue.id, [message('old', 1000), message('new', 5000)]);
      const got = await store.sqs.receiveMessages(queue.id, receive(6000, 10, 7000, { retainedAfter: 1000 }));
      expect(got.map(bodyOf)).toEqual(['new']);
      expect(await store.sqs.deleteExpired(queue.id, 1000, 6000)).toBe(1);
      expect(await store.sqs.countMessages(queue.id, 8000, 0)).toEqual({ visible: 1, notVisible: 0, delayed: 0 });
    });

    it('deletes a message only when row and message id both match', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('q'));
      const m = message('x', 1000);
      await store.sqs.insertMessages(queue.id, [m]);
      const [got] = await store.sqs.receiveMessages(queue.id, receive(1000, 1, 2000));
      const ref = { rowId: got!.rowId, messageId: m.messageId, receiveCount: 1 };
      expect(await store.sqs.deleteMessage(queue.id, { ...ref, messageId: 'ffffffff-0000-4000-8000-000000000000' })).toBe('missing');
      expect(await store.sqs.deleteMessage(queue.id, ref)).toBe('done');
      expect(await store.sqs.deleteMessage(queue.id, ref)).toBe('missing');
    });

    it('changes visibility of a stored message and reports a missing one', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('q'));
      const m = message('x', 1000);
      await store.sqs.insertMessages(queue.id, [m]);
      const [got] = await store.sqs.receiveMessages(queue.id, receive(1000, 1, 60_000));
      const ref = { rowId: got!.rowId, messageId: m.messageId, receiveCount: 1 };
      expect(await store.sqs.changeVisibility(queue.id, ref, 1000)).toBe('done');
      expect(await store.sqs.receiveMessages(queue.id, receive(1000, 1, 2000))).toHaveLength(1);
      expect(await store.sqs.changeVisibility(queue.id, ref, 5000, 1000)).toBe('expired');
      await store.sqs.deleteMessage(queue.id, ref);
      expect(await store.sqs.changeVisibility(queue.id, ref, 1000)).toBe('missing');
    });

    it('refuses a visibility change past the limit counted from the latest receive, changing nothing', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('limit'));
      const m = message('x', 1000);
      await store.sqs.insertMessages(queue.id, [m]);
      const [got] = await store.sqs.receiveMessages(queue.id, receive(1000, 1, 2000));
      const ref = { rowId: got!.rowId, messageId: m.messageId, receiveCount: 1 };
      expect(await store.sqs.changeVisibility(queue.id, ref, 1000 + 5000, undefined, 5000)).toBe('done');
      expect(await store.sqs.changeVisibility(queue.id, ref, 1000 + 5001, undefined, 5000)).toBe('beyondLimit');
      // Still invisible until 6000, as the accepted change left it.
      expect(await store.sqs.receiveMessages(queue.id, receive(5999, 1, 9000))).toHaveLength(0);
      const [again] = await store.sqs.receiveMessages(queue.id, receive(6000, 1, 7000));
      // The limit counts from the latest receive.
      const ref2 = { rowId: again!.rowId, messageId: m.messageId, receiveCount: 2 };
      expect(await store.sqs.changeVisibility(queue.id, ref2, 6000 + 5000, undefined, 5000)).toBe('done');
    });

    it('purges every message of one queue only', async () => {
      const a = (await store.sqs.createQueue(queueInput('a'))).queue;
      const b = (await store.sqs.createQueue(queueInput('b'))).queue;
      await store.sqs.insertMessages(a.id, [message('1', 1000), message('2', 1000, 99_000)]);
      await store.sqs.insertMessages(b.id, [message('3', 1000)]);
      expect(await store.sqs.purgeQueue(a.id)).toBe(2);
      expect((await store.sqs.countMessages(b.id, 1000, 0)).visible).toBe(1);
    });

    it('never hands the same message to two concurrent receives', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('q'));
      await store.sqs.insertMessages(queue.id, Array.from({ length: 50 }, (_, i) => message(String(i), 1000 + i)));
      const batches = await Promise.all(
        Array.from({ length: 10 }, () => store.sqs.receiveMessages(queue.id, receive(5000, 10, 60_000))),
      );
      const ids = batches.flat().map((m) => m.messageId);
      expect(ids).toHaveLength(50);
      expect(new Set(ids).size).toBe(50);
    });

    it('numbers FIFO messages with growing 20-digit sequence numbers and deduplicates within the window', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('f.fifo'));
      const [a, dup] = await store.sqs.insertFifoMessages(queue.id, [
        { message: message('a', 1000, 1000, 'g'), dedupKey: 'd1' },
        { message: message('a-again', 1000, 1000, 'g'), dedupKey: 'd1' },
      ], 1000, 300_000);
      expect(a!.duplicate).toBe(false);
      expect(a!.sequenceNumber).toMatch(/^\d{20}$/);
      expect(dup).toEqual({ messageId: a!.messageId, sequenceNumber: a!.sequenceNumber, duplicate: true });
      const [b] = await store.sqs.insertFifoMessages(queue.id, [{ message: message('b', 2000, 2000, 'g'), dedupKey: 'd2' }], 2000, 300_000);
      expect(BigInt(b!.sequenceNumber)).toBeGreaterThan(BigInt(a!.sequenceNumber));
      const [late] = await store.sqs.insertFifoMessages(queue.id, [{ message: message('a-late', 301_000, 301_000, 'g'), dedupKey: 'd1' }], 301_000, 300_000);
      expect(late!.duplicate).toBe(false);
      expect((await store.sqs.countMessages(queue.id, 301_000, 0)).visible).toBe(3);
    });

    it('forgets deduplication ids on purge', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('p.fifo'));
      await store.sqs.insertFifoMessages(queue.id, [{ message: message('a', 1000, 1000, 'g'), dedupKey: 'd' }], 1000, 300_000);
      await store.sqs.purgeQueue(queue.id);
      const [again] = await store.sqs.insertFifoMessages(queue.id, [{ message: message('a', 1000, 1000, 'g'), dedupKey: 'd' }], 1000, 300_000);
      expect(again!.duplicate).toBe(false);
    });

    it('delivers FIFO groups in order and holds a group while one of its messages is in flight', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('o.fifo'));
      await store.sqs.insertFifoMessages(queue.id, ['a1', 'b1', 'a2', 'b2', 'a3'].map((b, i) => ({
        message: message(b, 1000, 1000, b[0]!),
        dedupKey: `k${i}`,
      })), 1000, 300_000);
      const first = await store.sqs.receiveMessages(queue.id, receive(1000, 2, 31_000, { fifo: true }));
      expect(first.map(bodyOf)).toEqual(['a1', 'a2']);
      const second = await store.sqs.receiveMessages(queue.id, receive(1000, 10, 31_000, { fifo: true }));
      expect(second.map(bodyOf)).toEqual(['b1', 'b2']);
      expect(await store.sqs.receiveMessages(queue.id, receive(1000, 10, 31_000, { fifo: true }))).toEqual([]);
      await store.sqs.deleteMessage(queue.id, { rowId: first[0]!.rowId, messageId: first[0]!.messageId, receiveCount: 1 }, 1000);
      expect(await store.sqs.receiveMessages(queue.id, receive(1000, 10, 31_000, { fifo: true }))).toEqual([]);
      const later = await store.sqs.receiveMessages(queue.id, receive(31_000, 10, 61_000, { fifo: true }));
      // The oldest available message (b1) leads; each group comes in order.
      expect(later.map(bodyOf)).toEqual(['b1', 'b2', 'a2', 'a3']);
    });

    it('replays a FIFO receive attempt with the same messages while they are unchanged', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('r.fifo'));
      await store.sqs.insertFifoMessages(queue.id, [{ message: message('x', 1000, 1000, 'g'), dedupKey: 'x' }], 1000, 300_000);
      const opts = { fifo: true, attemptId: 'try-1', attemptValidAfter: 0 };
      const first = await store.sqs.receiveMessages(queue.id, receive(1000, 1, 31_000, opts));
      const replay = await store.sqs.receiveMessages(queue.id, receive(2000, 1, 32_000, opts));
      expect(replay.map((m) => [m.rowId, m.receiveCount])).toEqual(first.map((m) => [m.rowId, m.receiveCount]));
      expect(await store.sqs.receiveMessages(queue.id, receive(2000, 1, 32_000, { ...opts, attemptValidAfter: 5000 }))).toEqual([]);
    });

    it('moves a message received maxReceiveCount times to the dead-letter queue on the next receive', async () => {
      const src = (await store.sqs.createQueue(queueInput('src'))).queue;
      const dlq = (await store.sqs.createQueue(queueInput('dlq'))).queue;
      const m = message('poison', 1000);
      await store.sqs.insertMessages(src.id, [m]);
      const redrive = { deadLetterQueueId: dlq.id, deadLetterQueueFifo: false, maxReceiveCount: 2, sourceArn: 'arn:src' };
      expect(await store.sqs.receiveMessages(src.id, receive(1000, 1, 1000, { redrive }))).toHaveLength(1);
      expect(await store.sqs.receiveMessages(src.id, receive(1000, 1, 1000, { redrive }))).toHaveLength(1);
      expect(await store.sqs.receiveMessages(src.id, receive(1000, 1, 1000, { redrive }))).toEqual([]);
      const [moved] = await store.sqs.receiveMessages(dlq.id, receive(1000, 1, 2000));
      expect(moved).toMatchObject({ messageId: m.messageId, deadLetterSourceArn: 'arn:src', sentAt: 1000, receiveCount: 1 });
      expect(bodyOf(moved!)).toBe('poison');
    });

    it('transfers messages between queues and peeks without claiming', async () => {
      const a = (await store.sqs.createQueue(queueInput('ta'))).queue;
      const b = (await store.sqs.createQueue(queueInput('tb.fifo'))).queue;
      await store.sqs.insertMessages(a.id, [{ ...message('x', 1000, 1000, 'g'), deadLetterSourceArn: 'arn:origin' }]);
      const [peeked] = await store.sqs.peekMessages(a.id, 1000, 0, 10);
      expect(peeked!.receiveCount).toBe(0);
      expect(await store.sqs.transferMessages([{ rowId: peeked!.rowId, messageId: peeked!.messageId, toQueueId: b.id, toFifo: true, deadLetterSourceArn: null }], 1000)).toBe(1);
      const [arrived] = await store.sqs.receiveMessages(b.id, receive(1000, 1, 2000, { fifo: true }));
      expect(arrived).toMatchObject({ messageId: peeked!.messageId, deadLetterSourceArn: null });
      expect(arrived!.sequenceNumber).toMatch(/^\d{20}$/);
      expect((await store.sqs.countMessages(a.id, 1000, 0)).visible).toBe(0);
    });

    it('saves, updates and lists move tasks newest first', async () => {
      await store.sqs.saveMoveTask(task('t1', 'COMPLETED', 1000));
      await store.sqs.saveMoveTask(task('t2', 'RUNNING', 2000));
      await store.sqs.saveMoveTask({ ...task('t2', 'RUNNING', 2000), moved: 5, status: 'CANCELLING' });
      expect((await store.sqs.listMoveTasks('arn:dlq', 10)).map((t) => [t.id, t.status, t.moved])).toEqual([
        ['t2', 'CANCELLING', 5],
        ['t1', 'COMPLETED', 0],
      ]);
      expect((await store.sqs.activeMoveTasks()).map((t) => t.id)).toEqual(['t2']);
      expect(await store.sqs.getMoveTask('t1')).toMatchObject({ toMove: 10, destinationArn: null });
    });

    it('creates a state machine once per name and reports the existing one on a second create', async () => {
      const first = await store.sfn.createStateMachine(machineInput());
      const second = await store.sfn.createStateMachine({ ...machineInput(), type: 'EXPRESS' });
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.machine.type).toBe('STANDARD');
      expect(second.machine.revision).toMatchObject({ roleArn: 'arn:aws:iam::000000000000:role/r', revisionId: null });
      expect(second.machine.tags).toEqual([{ key: 'team', value: 'a' }]);
    });

    it('lists state machines of one account and region by name, after a given name', async () => {
      for (const n of ['c', 'a', 'b']) await store.sfn.createStateMachine(machineInput(n));
      await store.sfn.createStateMachine(machineInput('z', '111111111111'));
      const all = await store.sfn.listStateMachines('000000000000', 'us-east-1', undefined, 10);
      expect(all.map((m) => m.name)).toEqual(['a', 'b', 'c']);
      expect((await store.sfn.listStateMachines('000000000000', 'us-east-1', 'a', 1)).map((m) => m.name)).toEqual(['b']);
    });

    it('keeps the revision an execution started with when the machine is revised', async () => {
      const { machine } = await store.sfn.createStateMachine(machineInput());
      const { execution } = await store.sfn.createExecution(executionInput('e1', machine.revision.id), stepWrite([1, 2]));
      const revised = await store.sfn.reviseStateMachine(machine.arn, { ...machine.revision, definition: '{"v":2}', revisionId: 'r-2', createdAt: 5000 });
      expect(revised.revision.id).not.toBe(machine.revision.id);
      expect(revised.revision).toMatchObject({ definition: '{"v":2}', revisionId: 'r-2', createdAt: 5000 });
      expect(revised.createdAt).toBe(1000);
      expect((await store.sfn.getRevision(execution.revision))?.definition).toBe(machine.revision.definition);
    });

    it('sets tags and status, and deletes a machine while its executions stay readable', async () => {
      const { machine } = await store.sfn.createStateMachine(machineInput());
      await store.sfn.setStateMachineTags(machine.arn, [{ key: 'k', value: 'v' }]);
      await store.sfn.setStateMachineStatus(machine.arn, 'DELETING');
      expect(await store.sfn.getStateMachine(machine.arn)).toMatchObject({ status: 'DELETING', tags: [{ key: 'k', value: 'v' }] });
      const { execution } = await store.sfn.createExecution(executionInput('e1', machine.revision.id), stepWrite([1]));
      await store.sfn.deleteStateMachine(machine.arn);
      expect(await store.sfn.getStateMachine(machine.arn)).toBeUndefined();
      expect((await store.sfn.getExecution(execution.arn))?.name).toBe('e1');
      expect(await store.sfn.getRevision(execution.revision)).toBeDefined();
    });

    it('creates an execution with its first step once and reports the existing one on a second create', async () => {
      const { machine } = await store.sfn.createStateMachine(machineInput());
      const first = await store.sfn.createExecution(executionInput('e1', machine.revision.id), stepWrite([1, 2], { addTimers: [{ timerId: 't1', fireAt: 9000 }] }));
      const second = await store.sfn.createExecution({ ...executionInput('e1', machine.revision.id), input: '{"other":1}' }, stepWrite([1, 2, 3]));
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.execution).toMatchObject({ input: '{}', snapshot: '{"v":2}', status: 'RUNNING' });
      expect((await store.sfn.getHistory(first.execution.arn, { after: 0, reverse: false, limit: 10 })).map((e) => e.id)).toEqual([1, 2]);
      expect(await store.sfn.timersOf(first.execution.arn)).toEqual([{ executionArn: first.execution.arn, timerId: 't1', fireAt: 9000 }]);
    });

    it('applies a step atomically: events, snapshot, status, timers and tasks', async () => {
      const { machine } = await store.sfn.createStateMachine(machineInput());
      const { execution } = await store.sfn.createExecution(
        executionInput('e1', machine.revision.id),
        stepWrite([1, 2], { addTimers: [{ timerId: 'w', fireAt: 5000 }], addTasks: [{ taskId: 'k1', command: '{"kind":"runTask"}' }] }),
      );
      await store.sfn.applyStep(execution.arn, stepWrite([3, 4], { removeTimers: ['w'], addTimers: [{ timerId: 'x', fireAt: 7000 }], removeTasks: ['k1'] }));
      expect(await store.sfn.timersOf(execution.arn)).toEqual([{ executionArn: execution.arn, timerId: 'x', fireAt: 7000 }]);
      expect(await store.sfn.tasksOf(execution.arn)).toEqual([]);
      expect((await store.sfn.getExecution(execution.arn))?.snapshot).toBe('{"v":4}');
      // A step with an event id already recorded fails as a whole and changes nothing.
      await expect(store.sfn.applyStep(execution.arn, stepWrite([4, 5], { addTimers: [{ timerId: 'y', fireAt: 1 }] }))).rejects.toThrow();
      expect((await store.sfn.getHistory(execution.arn, { after: 0, reverse: false, limit: 10 })).map((e) => e.id)).toEqual([1, 2, 3, 4]);
      expect((await store.sfn.timersOf(execution.arn)).map((t) => t.timerId)).toEqual(['x']);
      await store.sfn.applyStep(execution.arn, stepWrite([5], { status: 'SUCCEEDED', stoppedAt: 8000, output: '{"ok":true}' }));
      expect(await store.sfn.getExecution(execution.arn)).toMatchObject({ status: 'SUCCEEDED', stoppedAt: 8000, output: '{"ok":true}' });
      expect(await store.sfn.timersOf(execution.arn)).toEqual([]);
      expect(await store.sfn.runningExecutions()).toEqual([]);
    });

    it('pages history forwards and backwards', async () => {
      const { machine } = await store.sfn.createStateMachine(machineInput());
      const { execution } = await store.sfn.createExecution(executionInput('e1', machine.revision.id), stepWrite([1, 2, 3, 4, 5]));
      const ids = async (after: number, reverse: boolean, limit: number) =>
        (await store.sfn.getHistory(execution.arn, { after, reverse, limit })).map((e) => e.id);
      expect(await ids(0, false, 2)).toEqual([1, 2]);
      expect(await ids(2, false, 10)).toEqual([3, 4, 5]);
      expect(await ids(Number.MAX_SAFE_INTEGER, true, 2)).toEqual([5, 4]);
      expect(await ids(4, true, 10)).toEqual([3, 2, 1]);
    });

    it('lists executions newest first, by status, before a given position', async () => {
      const { machine } = await store.sfn.createStateMachine(machineInput());
      const seqs: number[] = [];
      for (const n of ['e1', 'e2', 'e3']) seqs.push((await store.sfn.createExecution(executionInput(n, machine.revision.id), stepWrite([1]))).execution.seq);
      await store.sfn.applyStep(executionInput('e2', 0).arn, stepWrite([2], { status: 'FAILED', stoppedAt: 3000, error: 'E', cause: 'C' }));
      expect((await store.sfn.listExecutions(SM_ARN, undefined, undefined, 10)).map((e) => e.name)).toEqual(['e3', 'e2', 'e1']);
      expect((await store.sfn.listExecutions(SM_ARN, 'RUNNING', undefined, 10)).map((e) => e.name)).toEqual(['e3', 'e1']);
      expect((await store.sfn.listExecutions(SM_ARN, undefined, seqs[2], 1)).map((e) => e.name)).toEqual(['e2']);
      expect(await store.sfn.countRunningExecutions(SM_ARN)).toBe(2);
      expect((await store.sfn.runningExecutions()).map((e) => e.name)).toEqual(['e1', 'e3']);
    });

    it('keeps the other writes of a turn when one write fails', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('q'));
      const good = store.sqs.insertMessages(queue.id, [message('ok', 1000)]);
      const bad = store.sqs.insertMessages(987_654, [message('orphan', 1000)]);
      await expect(bad).rejects.toThrow();
      await good;
      expect((await store.sqs.countMessages(queue.id, 1000, 0)).visible).toBe(1);
    });

    it('resolves the barrier only after pending writes are durable', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('q'));
      let written = false;
      void store.sqs.insertMessages(queue.id, [message('x', 1000)]).then(() => {
        written = true;
      });
      await store.barrier();
      expect(written).toBe(true);
    });

    if (c.reopen) {
      const reopen = c.reopen;
      it('keeps queues and messages across a reopen', async () => {
        const { queue } = await store.sqs.createQueue(queueInput('durable'));
        await store.sqs.insertMessages(queue.id, [message('persisted', 1000)]);
        await store.close();
        store = await reopen();
        const q = await store.sqs.getQueue(queue);
        expect(q?.attributes.VisibilityTimeout).toBe('30');
        const got = await store.sqs.receiveMessages(q!.id, receive(2000, 10, 3000));
        expect(got.map(bodyOf)).toEqual(['persisted']);
      });

      it('keeps running executions with their snapshot, history, timers and tasks across a reopen', async () => {
        const { machine } = await store.sfn.createStateMachine(machineInput());
        const { execution } = await store.sfn.createExecution(
          executionInput('durable', machine.revision.id),
          stepWrite([1, 2, 3], { addTimers: [{ timerId: 'wait', fireAt: 60_000 }], addTasks: [{ taskId: 'k', command: '{}' }] }),
        );
        await store.close();
        store = await reopen();
        expect((await store.sfn.runningExecutions()).map((e) => [e.arn, e.snapshot])).toEqual([[execution.arn, '{"v":3}']]);
        expect((await store.sfn.timersOf(execution.arn)).map((t) => [t.timerId, t.fireAt])).toEqual([['wait', 60_000]]);
        expect((await store.sfn.tasksOf(execution.arn)).map((t) => t.taskId)).toEqual(['k']);
        expect((await store.sfn.getHistory(execution.arn, { after: 0, reverse: false, limit: 10 })).length).toBe(3);
      });

      it('keeps move tasks across a reopen', async () => {
        await store.sqs.saveMoveTask(task('t-durable', 'RUNNING'));
        await store.close();
        store = await reopen();
        expect((await store.sqs.activeMoveTasks()).map((t) => t.id)).toContain('t-durable');
      });
    }
  });
}
