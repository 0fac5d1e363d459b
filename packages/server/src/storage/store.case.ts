// The behaviour every Store implementation must have, run by each implementation's test file
// (sqlite on a file, sqlite in memory, and PostgreSQL when it lands).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewMessage, QueueRecord, Store } from './ports.js';

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
function message(body: string, sentAt: number, visibleAt = sentAt): NewMessage {
  seq++;
  return {
    messageId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    body,
    attributes: { a: { DataType: 'String', StringValue: 'v' } },
    systemAttributes: null,
    md5OfBody: 'md5',
    md5OfAttributes: 'md5a',
    md5OfSystemAttributes: null,
    senderId: 'sender',
    sentAt,
    visibleAt,
    groupId: null,
    deduplicationId: null,
    sequenceNumber: null,
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
      const got = await store.sqs.receiveMessages(queue.id, { now: 2000, max: 2, visibleUntil: 32_000, retainedAfter: 0 });
      expect(got.map((m) => m.body)).toEqual(['1', '2']);
      expect(got[0]).toMatchObject({ receiveCount: 1, firstReceiveAt: 2000, attributes: { a: { DataType: 'String', StringValue: 'v' } } });
      const rest = await store.sqs.receiveMessages(queue.id, { now: 2000, max: 10, visibleUntil: 32_000, retainedAfter: 0 });
      expect(rest.map((m) => m.body)).toEqual(['3']);
      expect(await store.sqs.countMessages(queue.id, 2000, 0)).toEqual({ visible: 0, notVisible: 3, delayed: 0 });
      const later = await store.sqs.receiveMessages(queue.id, { now: 32_000, max: 10, visibleUntil: 40_000, retainedAfter: 0 });
      expect(later.map((m) => [m.body, m.receiveCount, m.firstReceiveAt])).toEqual([
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
      expect(await store.sqs.receiveMessages(queue.id, { now: 1000, max: 10, visibleUntil: 5000, retainedAfter: 0 })).toHaveLength(1);
      expect(await store.sqs.nextVisibleAt(queue.id, 1000)).toBe(5000);
    });

    it('skips and deletes messages past retention', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('q'));
      await store.sqs.insertMessages(queue.id, [message('old', 1000), message('new', 5000)]);
      const got = await store.sqs.receiveMessages(queue.id, { now: 6000, max: 10, visibleUntil: 7000, retainedAfter: 1000 });
      expect(got.map((m) => m.body)).toEqual(['new']);
      expect(await store.sqs.deleteExpired(queue.id, 1000)).toBe(1);
      expect(await store.sqs.countMessages(queue.id, 8000, 0)).toEqual({ visible: 1, notVisible: 0, delayed: 0 });
    });

    it('deletes a message only when row and message id both match', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('q'));
      const m = message('x', 1000);
      await store.sqs.insertMessages(queue.id, [m]);
      const [got] = await store.sqs.receiveMessages(queue.id, { now: 1000, max: 1, visibleUntil: 2000, retainedAfter: 0 });
      expect(await store.sqs.deleteMessage(queue.id, got!.rowId, 'ffffffff-0000-4000-8000-000000000000')).toBe(false);
      expect(await store.sqs.deleteMessage(queue.id, got!.rowId, m.messageId)).toBe(true);
      expect(await store.sqs.deleteMessage(queue.id, got!.rowId, m.messageId)).toBe(false);
    });

    it('changes visibility of a stored message and reports a missing one', async () => {
      const { queue } = await store.sqs.createQueue(queueInput('q'));
      const m = message('x', 1000);
      await store.sqs.insertMessages(queue.id, [m]);
      const [got] = await store.sqs.receiveMessages(queue.id, { now: 1000, max: 1, visibleUntil: 60_000, retainedAfter: 0 });
      expect(await store.sqs.changeVisibility(queue.id, got!.rowId, m.messageId, 1000)).toBe('changed');
      expect(await store.sqs.receiveMessages(queue.id, { now: 1000, max: 1, visibleUntil: 2000, retainedAfter: 0 })).toHaveLength(1);
      await store.sqs.deleteMessage(queue.id, got!.rowId, m.messageId);
      expect(await store.sqs.changeVisibility(queue.id, got!.rowId, m.messageId, 1000)).toBe('missing');
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
        Array.from({ length: 10 }, () => store.sqs.receiveMessages(queue.id, { now: 5000, max: 10, visibleUntil: 60_000, retainedAfter: 0 })),
      );
      const ids = batches.flat().map((m) => m.messageId);
      expect(ids).toHaveLength(50);
      expect(new Set(ids).size).toBe(50);
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
        const got = await store.sqs.receiveMessages(q!.id, { now: 2000, max: 10, visibleUntil: 3000, retainedAfter: 0 });
        expect(got.map((m) => m.body)).toEqual(['persisted']);
      });
    }
  });
}
