import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database.js';
import type {
  MessageCounts,
  NewMessage,
  QueueKey,
  QueueRecord,
  ReceiveRequest,
  SqsStore,
  StoredMessage,
  StoredMessageAttribute,
  VisibilityChange,
} from '../ports.js';

interface QueueRow {
  id: number;
  account: string;
  region: string;
  name: string;
  attributes: string;
  tags: string;
  created_at: number;
  modified_at: number;
  last_purge_at: number | null;
}

interface MessageRow {
  id: number;
  queue_id: number;
  message_id: string;
  body: string;
  attributes: string | null;
  system_attributes: string | null;
  md5_body: string;
  md5_attributes: string | null;
  md5_system_attributes: string | null;
  sender_id: string;
  sent_at: number;
  visible_at: number;
  receive_count: number;
  first_receive_at: number | null;
  group_id: string | null;
  deduplication_id: string | null;
  sequence_number: string | null;
}

function toQueue(r: QueueRow): QueueRecord {
  return {
    id: r.id,
    account: r.account,
    region: r.region,
    name: r.name,
    attributes: JSON.parse(r.attributes) as Record<string, string>,
    tags: JSON.parse(r.tags) as Record<string, string>,
    createdAt: r.created_at,
    modifiedAt: r.modified_at,
    lastPurgeAt: r.last_purge_at,
  };
}

function parseAttributes(text: string | null): Record<string, StoredMessageAttribute> | null {
  return text === null ? null : (JSON.parse(text) as Record<string, StoredMessageAttribute>);
}

function toMessage(r: MessageRow): StoredMessage {
  return {
    rowId: r.id,
    queueId: r.queue_id,
    messageId: r.message_id,
    body: r.body,
    attributes: parseAttributes(r.attributes),
    systemAttributes: parseAttributes(r.system_attributes),
    md5OfBody: r.md5_body,
    md5OfAttributes: r.md5_attributes,
    md5OfSystemAttributes: r.md5_system_attributes,
    senderId: r.sender_id,
    sentAt: r.sent_at,
    visibleAt: r.visible_at,
    receiveCount: r.receive_count,
    firstReceiveAt: r.first_receive_at,
    groupId: r.group_id,
    deduplicationId: r.deduplication_id,
    sequenceNumber: r.sequence_number,
  };
}

export class SqliteSqsStore implements SqsStore {
  private readonly s: Record<string, Statement>;

  constructor(private readonly database: SqliteDatabase) {
    const db = database.db;
    this.s = {
      insertQueue: db.prepare(`INSERT INTO sqs_queues (account, region, name, attributes, tags, created_at, modified_at, last_purge_at)
        VALUES (@account, @region, @name, @attributes, @tags, @createdAt, @modifiedAt, @lastPurgeAt) ON CONFLICT DO NOTHING`),
      getQueue: db.prepare('SELECT * FROM sqs_queues WHERE account = ? AND region = ? AND name = ?'),
      allQueues: db.prepare('SELECT * FROM sqs_queues ORDER BY id'),
      listQueues: db.prepare(`SELECT * FROM sqs_queues WHERE account = ? AND region = ? AND substr(name, 1, ?) = ? AND name > ?
        ORDER BY name LIMIT ?`),
      setAttributes: db.prepare('UPDATE sqs_queues SET attributes = ?, modified_at = ? WHERE id = ?'),
      setTags: db.prepare('UPDATE sqs_queues SET tags = ? WHERE id = ?'),
      setPurge: db.prepare('UPDATE sqs_queues SET last_purge_at = ? WHERE id = ?'),
      deleteQueue: db.prepare('DELETE FROM sqs_queues WHERE id = ?'),
      deleteQueueMessages: db.prepare('DELETE FROM sqs_messages WHERE queue_id = ?'),
      recordDeleted: db.prepare(`INSERT INTO sqs_deleted_queues (account, region, name, deleted_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (account, region, name) DO UPDATE SET deleted_at = excluded.deleted_at`),
      deletedAt: db.prepare('SELECT deleted_at FROM sqs_deleted_queues WHERE account = ? AND region = ? AND name = ?'),
      insertMessage: db.prepare(`INSERT INTO sqs_messages (queue_id, message_id, body, attributes, system_attributes, md5_body,
        md5_attributes, md5_system_attributes, sender_id, sent_at, visible_at, group_id, deduplication_id, sequence_number)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      selectReady: db.prepare(`SELECT * FROM sqs_messages WHERE queue_id = ? AND visible_at <= ? AND sent_at > ?
        ORDER BY visible_at, id LIMIT ?`),
      claim: db.prepare(`UPDATE sqs_messages SET visible_at = ?, receive_count = receive_count + 1,
        first_receive_at = coalesce(first_receive_at, ?) WHERE id = ?`),
      deleteMessage: db.prepare('DELETE FROM sqs_messages WHERE id = ? AND queue_id = ? AND message_id = ?'),
      changeVisibility: db.prepare('UPDATE sqs_messages SET visible_at = ? WHERE id = ? AND queue_id = ? AND message_id = ?'),
      countVisible: db.prepare('SELECT count(*) AS n FROM sqs_messages WHERE queue_id = ? AND visible_at <= ? AND sent_at > ?'),
      countHidden: db.prepare(`SELECT sum(receive_count > 0) AS notVisible, sum(receive_count = 0) AS delayed
        FROM sqs_messages WHERE queue_id = ? AND visible_at > ? AND sent_at > ?`),
      nextVisible: db.prepare('SELECT min(visible_at) AS at FROM sqs_messages WHERE queue_id = ? AND visible_at > ?'),
      deleteExpired: db.prepare('DELETE FROM sqs_messages WHERE queue_id = ? AND sent_at <= ?'),
    };
  }

  createQueue(queue: Omit<QueueRecord, 'id'>): Promise<{ created: boolean; queue: QueueRecord }> {
    return this.database.write(() => {
      const info = this.s.insertQueue!.run({
        ...queue,
        attributes: JSON.stringify(queue.attributes),
        tags: JSON.stringify(queue.tags),
      });
      const row = this.s.getQueue!.get(queue.account, queue.region, queue.name) as QueueRow;
      return { created: info.changes === 1, queue: toQueue(row) };
    });
  }

  getQueue(key: QueueKey): Promise<QueueRecord | undefined> {
    const row = this.s.getQueue!.get(key.account, key.region, key.name) as QueueRow | undefined;
    return Promise.resolve(row ? toQueue(row) : undefined);
  }

  listQueues(account: string, region: string, prefix: string, after: string | undefined, limit: number): Promise<QueueRecord[]> {
    const rows = this.s.listQueues!.all(account, region, prefix.length, prefix, after ?? '', limit) as QueueRow[];
    return Promise.resolve(rows.map(toQueue));
  }

  allQueues(): Promise<QueueRecord[]> {
    return Promise.resolve((this.s.allQueues!.all() as QueueRow[]).map(toQueue));
  }

  updateQueue(
    id: number,
    changes: { attributes?: Record<string, string>; tags?: Record<string, string>; modifiedAt?: number; lastPurgeAt?: number },
  ): Promise<void> {
    return this.database.write(() => {
      if (changes.attributes) this.s.setAttributes!.run(JSON.stringify(changes.attributes), changes.modifiedAt ?? Date.now(), id);
      if (changes.tags) this.s.setTags!.run(JSON.stringify(changes.tags), id);
      if (changes.lastPurgeAt !== undefined) this.s.setPurge!.run(changes.lastPurgeAt, id);
    });
  }

  deleteQueue(id: number, deletedAt: number): Promise<void> {
    return this.database.write(() => {
      const row = this.database.db.prepare('SELECT * FROM sqs_queues WHERE id = ?').get(id) as QueueRow | undefined;
      if (!row) return;
      this.s.deleteQueueMessages!.run(id);
      this.s.deleteQueue!.run(id);
      this.s.recordDeleted!.run(row.account, row.region, row.name, deletedAt);
    });
  }

  deletedAt(key: QueueKey): Promise<number | undefined> {
    const row = this.s.deletedAt!.get(key.account, key.region, key.name) as { deleted_at: number } | undefined;
    return Promise.resolve(row?.deleted_at);
  }

  insertMessages(queueId: number, messages: NewMessage[]): Promise<void> {
    return this.database.write(() => {
      for (const m of messages) {
        this.s.insertMessage!.run(
          queueId,
          m.messageId,
          m.body,
          m.attributes ? JSON.stringify(m.attributes) : null,
          m.systemAttributes ? JSON.stringify(m.systemAttributes) : null,
          m.md5OfBody,
          m.md5OfAttributes,
          m.md5OfSystemAttributes,
          m.senderId,
          m.sentAt,
          m.visibleAt,
          m.groupId,
          m.deduplicationId,
          m.sequenceNumber,
        );
      }
    });
  }

  receiveMessages(queueId: number, r: ReceiveRequest): Promise<StoredMessage[]> {
    return this.database.write(() => {
      const rows = this.s.selectReady!.all(queueId, r.now, r.retainedAfter, r.max) as MessageRow[];
      const out: StoredMessage[] = [];
      for (const row of rows) {
        this.s.claim!.run(r.visibleUntil, r.now, row.id);
        const m = toMessage(row);
        m.visibleAt = r.visibleUntil;
        m.receiveCount += 1;
        m.firstReceiveAt ??= r.now;
        out.push(m);
      }
      return out;
    });
  }

  deleteMessage(queueId: number, rowId: number, messageId: string): Promise<boolean> {
    return this.database.write(() => this.s.deleteMessage!.run(rowId, queueId, messageId).changes === 1);
  }

  changeVisibility(queueId: number, rowId: number, messageId: string, visibleAt: number): Promise<VisibilityChange> {
    return this.database.write(() =>
      this.s.changeVisibility!.run(visibleAt, rowId, queueId, messageId).changes === 1 ? 'changed' : 'missing',
    );
  }

  purgeQueue(queueId: number): Promise<number> {
    return this.database.write(() => this.s.deleteQueueMessages!.run(queueId).changes);
  }

  countMessages(queueId: number, now: number, retainedAfter: number): Promise<MessageCounts> {
    const visible = (this.s.countVisible!.get(queueId, now, retainedAfter) as { n: number }).n;
    const hidden = this.s.countHidden!.get(queueId, now, retainedAfter) as { notVisible: number | null; delayed: number | null };
    return Promise.resolve({ visible, notVisible: hidden.notVisible ?? 0, delayed: hidden.delayed ?? 0 });
  }

  nextVisibleAt(queueId: number, now: number): Promise<number | undefined> {
    const row = this.s.nextVisible!.get(queueId, now) as { at: number | null };
    return Promise.resolve(row.at ?? undefined);
  }

  deleteExpired(queueId: number, retainedAfter: number): Promise<number> {
    return this.database.write(() => this.s.deleteExpired!.run(queueId, retainedAfter).changes);
  }
}
