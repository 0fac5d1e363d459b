import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database.js';
import type {
  FifoSend,
  FifoSendResult,
  HandleOutcome,
  MessageCounts,
  MessageTransfer,
  MoveTaskRecord,
  NewMessage,
  QueueKey,
  QueueRecord,
  ReceiptRef,
  ReceiveRequest,
  Redrive,
  SqsStore,
  StoredMessage,
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
  payload: Buffer;
  md5_body: string;
  md5_attributes: string | null;
  md5_system_attributes: string | null;
  sender_id: string;
  sent_at: number;
  enqueued_at: number;
  retained_from: number;
  visible_at: number;
  receive_count: number;
  first_receive_at: number | null;
  group_id: string | null;
  deduplication_id: string | null;
  sequence_number: string | null;
  dead_letter_source_arn: string | null;
}

/** What deletes and visibility changes read of a message. */
type HandleState = Pick<MessageRow, 'id' | 'receive_count' | 'visible_at'> & { received_at: number | null };

interface MoveTaskRow {
  id: string;
  account: string;
  region: string;
  source_arn: string;
  destination_arn: string | null;
  max_per_second: number | null;
  status: MoveTaskRecord['status'];
  moved: number;
  to_move: number;
  failure_reason: string | null;
  started_at: number;
}

interface AttemptEntry {
  rowId: number;
  messageId: string;
  receiveCount: number;
  visibleUntil: number;
}

/** SQS sequence numbers are 20-digit decimal strings that only grow. */
const SEQUENCE_BASE = 10n ** 19n;

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

function toMessage(r: MessageRow): StoredMessage {
  return {
    rowId: r.id,
    queueId: r.queue_id,
    messageId: r.message_id,
    payload: r.payload,
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
    deadLetterSourceArn: r.dead_letter_source_arn,
  };
}

function toTask(r: MoveTaskRow): MoveTaskRecord {
  return {
    id: r.id,
    account: r.account,
    region: r.region,
    sourceArn: r.source_arn,
    destinationArn: r.destination_arn,
    maxPerSecond: r.max_per_second,
    status: r.status,
    moved: r.moved,
    toMove: r.to_move,
    failureReason: r.failure_reason,
    startedAt: r.started_at,
  };
}

/** The columns a receive reads, fetched as arrays: building row objects in JS is much cheaper. */
const RECEIVE_COLUMNS =
  'id, queue_id, message_id, payload, md5_body, md5_attributes, md5_system_attributes, sender_id, sent_at, enqueued_at, ' +
  'retained_from, visible_at, receive_count, first_receive_at, group_id, deduplication_id, sequence_number, dead_letter_source_arn';

type RawMessage = [number, number, string, Buffer, string, string | null, string | null, string, number, number, number, number, number, number | null, string | null, string | null, string | null, string | null];

function fromRaw(a: RawMessage): MessageRow {
  return {
    id: a[0],
    queue_id: a[1],
    message_id: a[2],
    payload: a[3],
    md5_body: a[4],
    md5_attributes: a[5],
    md5_system_attributes: a[6],
    sender_id: a[7],
    sent_at: a[8],
    enqueued_at: a[9],
    retained_from: a[10],
    visible_at: a[11],
    receive_count: a[12],
    first_receive_at: a[13],
    group_id: a[14],
    deduplication_id: a[15],
    sequence_number: a[16],
    dead_letter_source_arn: a[17],
  };
}

export class SqliteSqsStore implements SqsStore {
  private readonly s: Record<string, Statement>;
  /**
   * Queues by account, region and name. Every request looks its queue up, and this process is
   * the only writer of the file (EXCLUSIVE lock), so the cache cannot go stale behind our back.
   */
  private readonly queues = new Map<string, QueueRecord>();
  private readonly claimById = new Map<number, Statement>();

  constructor(private readonly database: SqliteDatabase) {
    const db = database.db;
    const prepare = (sql: string): Statement => db.prepare(sql);
    const raw = (sql: string): Statement => db.prepare(sql).raw(true);
    this.s = {
      insertQueue: prepare(`INSERT INTO sqs_queues (account, region, name, attributes, tags, created_at, modified_at, last_purge_at)
        VALUES (@account, @region, @name, @attributes, @tags, @createdAt, @modifiedAt, @lastPurgeAt) ON CONFLICT DO NOTHING`),
      getQueue: prepare('SELECT * FROM sqs_queues WHERE account = ? AND region = ? AND name = ?'),
      getQueueById: prepare('SELECT * FROM sqs_queues WHERE id = ?'),
      allQueues: prepare('SELECT * FROM sqs_queues ORDER BY id'),
      listQueues: prepare(`SELECT * FROM sqs_queues WHERE account = ? AND region = ? AND substr(name, 1, ?) = ? AND name > ?
        ORDER BY name LIMIT ?`),
      setAttributes: prepare('UPDATE sqs_queues SET attributes = ?, modified_at = ? WHERE id = ?'),
      setTags: prepare('UPDATE sqs_queues SET tags = ? WHERE id = ?'),
      setPurge: prepare('UPDATE sqs_queues SET last_purge_at = ? WHERE id = ?'),
      nextSequence: prepare('UPDATE sqs_queues SET next_sequence = next_sequence + 1 WHERE id = ? RETURNING next_sequence - 1 AS seq'),
      deleteQueue: prepare('DELETE FROM sqs_queues WHERE id = ?'),
      deleteQueueMessages: prepare('DELETE FROM sqs_messages WHERE queue_id = ?'),
      deleteQueueDedup: prepare('DELETE FROM sqs_fifo_dedup WHERE queue_id = ?'),
      deleteQueueAttempts: prepare('DELETE FROM sqs_receive_attempts WHERE queue_id = ?'),
      recordDeleted: prepare(`INSERT INTO sqs_deleted_queues (account, region, name, deleted_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (account, region, name) DO UPDATE SET deleted_at = excluded.deleted_at`),
      deletedAt: prepare('SELECT deleted_at FROM sqs_deleted_queues WHERE account = ? AND region = ? AND name = ?'),
      insertMessage: prepare(`INSERT INTO sqs_messages (queue_id, message_id, payload, md5_body, md5_attributes,
        md5_system_attributes, sender_id, sent_at, enqueued_at, retained_from, visible_at, group_id, deduplication_id, sequence_number,
        dead_letter_source_arn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      getMessage: prepare('SELECT * FROM sqs_messages WHERE id = ? AND queue_id = ? AND message_id = ?'),
      getRow: prepare('SELECT * FROM sqs_messages WHERE id = ?'),
      // Deletes and visibility changes need only this much of the row (reading the payload is costly).
      getHandleState: prepare('SELECT id, receive_count, visible_at, received_at FROM sqs_messages WHERE id = ? AND queue_id = ? AND message_id = ?'),
      selectReady: raw(`SELECT ${RECEIVE_COLUMNS} FROM sqs_messages WHERE queue_id = ? AND visible_at <= ? AND retained_from > ?
        ORDER BY visible_at, id LIMIT ?`),
      // FIFO receive: the groups held by an invisible (in-flight or delayed) message, from where;
      // the queue's messages in order (light columns); and one group's messages in order.
      fifoBlocked: raw(`SELECT group_id, min(id) FROM sqs_messages WHERE queue_id = ? AND visible_at > ? AND group_id IS NOT NULL
        GROUP BY group_id`),
      fifoScan: raw('SELECT id, group_id, visible_at, retained_from FROM sqs_messages WHERE queue_id = ? AND id > ? ORDER BY id LIMIT ?'),
      fifoGroup: raw(`SELECT ${RECEIVE_COLUMNS} FROM sqs_messages WHERE queue_id = ? AND group_id = ? AND id >= ? ORDER BY id LIMIT ?`),
      setVisibleAt: prepare('UPDATE sqs_messages SET visible_at = ? WHERE id = ?'),
      deleteRow: prepare('DELETE FROM sqs_messages WHERE id = ?'),
      countVisible: prepare('SELECT count(*) AS n FROM sqs_messages WHERE queue_id = ? AND visible_at <= ? AND retained_from > ?'),
      countHidden: prepare(`SELECT sum(receive_count > 0) AS notVisible, sum(receive_count = 0) AS delayed
        FROM sqs_messages WHERE queue_id = ? AND visible_at > ? AND retained_from > ?`),
      oldest: prepare('SELECT min(enqueued_at) AS at FROM sqs_messages WHERE queue_id = ? AND retained_from > ?'),
      nextVisible: prepare('SELECT min(visible_at) AS at FROM sqs_messages WHERE queue_id = ? AND visible_at > ?'),
      deleteExpired: prepare('DELETE FROM sqs_messages WHERE queue_id = ? AND retained_from <= ?'),
      deleteExpiredDedup: prepare('DELETE FROM sqs_fifo_dedup WHERE queue_id = ? AND expires_at <= ?'),
      deleteExpiredAttempts: prepare('DELETE FROM sqs_receive_attempts WHERE queue_id = ? AND created_at <= ?'),
      getDedup: prepare('SELECT message_id, sequence_number, expires_at FROM sqs_fifo_dedup WHERE queue_id = ? AND dedup_key = ?'),
      putDedup: prepare(`INSERT INTO sqs_fifo_dedup (queue_id, dedup_key, message_id, sequence_number, expires_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (queue_id, dedup_key) DO UPDATE SET message_id = excluded.message_id,
        sequence_number = excluded.sequence_number, expires_at = excluded.expires_at`),
      getAttempt: prepare('SELECT created_at, messages FROM sqs_receive_attempts WHERE queue_id = ? AND attempt_id = ?'),
      putAttempt: prepare(`INSERT INTO sqs_receive_attempts (queue_id, attempt_id, created_at, messages) VALUES (?, ?, ?, ?)
        ON CONFLICT (queue_id, attempt_id) DO UPDATE SET created_at = excluded.created_at, messages = excluded.messages`),
      // In index order, so a move task reads only the slice it moves.
      peek: prepare(`SELECT * FROM sqs_messages WHERE queue_id = ? AND visible_at <= ? AND retained_from > ? ORDER BY visible_at, id LIMIT ?`),
      saveTask: prepare(`INSERT INTO sqs_move_tasks (id, account, region, source_arn, destination_arn, max_per_second, status, moved,
        to_move, failure_reason, started_at) VALUES (@id, @account, @region, @sourceArn, @destinationArn, @maxPerSecond, @status,
        @moved, @toMove, @failureReason, @startedAt)
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, moved = excluded.moved, failure_reason = excluded.failure_reason`),
      getTask: prepare('SELECT * FROM sqs_move_tasks WHERE id = ?'),
      listTasks: prepare('SELECT * FROM sqs_move_tasks WHERE source_arn = ? ORDER BY started_at DESC, rowid DESC LIMIT ?'),
      activeTasks: prepare(`SELECT * FROM sqs_move_tasks WHERE status IN ('RUNNING', 'CANCELLING') ORDER BY started_at`),
    };
  }

  private st(name: string): Statement {
    return this.s[name]!;
  }

  createQueue(queue: Omit<QueueRecord, 'id'>): Promise<{ created: boolean; queue: QueueRecord }> {
    return this.database.write(() => {
      const info = this.st('insertQueue').run({ ...queue, attributes: JSON.stringify(queue.attributes), tags: JSON.stringify(queue.tags) });
      const row = this.st('getQueue').get(queue.account, queue.region, queue.name) as QueueRow;
      return { created: info.changes === 1, queue: toQueue(row) };
    });
  }

  getQueue(key: QueueKey): Promise<QueueRecord | undefined> {
    const cacheKey = `${key.account}\u0000${key.region}\u0000${key.name}`;
    let queue = this.queues.get(cacheKey);
    if (!queue) {
      const row = this.st('getQueue').get(key.account, key.region, key.name) as QueueRow | undefined;
      if (!row) return Promise.resolve(undefined);
      queue = Object.freeze(toQueue(row));
      this.queues.set(cacheKey, queue);
    }
    return Promise.resolve(queue);
  }

  private forget(id: number): void {
    for (const [k, q] of this.queues) if (q.id === id) this.queues.delete(k);
  }

  listQueues(account: string, region: string, prefix: string, after: string | undefined, limit: number): Promise<QueueRecord[]> {
    const rows = this.st('listQueues').all(account, region, prefix.length, prefix, after ?? '', limit) as QueueRow[];
    return Promise.resolve(rows.map(toQueue));
  }

  allQueues(): Promise<QueueRecord[]> {
    return Promise.resolve((this.st('allQueues').all() as QueueRow[]).map(toQueue));
  }

  updateQueue(
    id: number,
    changes: { attributes?: Record<string, string>; tags?: Record<string, string>; modifiedAt?: number; lastPurgeAt?: number },
  ): Promise<void> {
    this.forget(id);
    return this.database.write(() => {
      this.forget(id);
      if (changes.attributes) this.st('setAttributes').run(JSON.stringify(changes.attributes), changes.modifiedAt ?? Date.now(), id);
      if (changes.tags) this.st('setTags').run(JSON.stringify(changes.tags), id);
      if (changes.lastPurgeAt !== undefined) this.st('setPurge').run(changes.lastPurgeAt, id);
    });
  }

  deleteQueue(id: number, deletedAt: number): Promise<void> {
    this.forget(id);
    return this.database.write(() => {
      const row = this.st('getQueueById').get(id) as QueueRow | undefined;
      if (!row) return;
      this.st('deleteQueueMessages').run(id);
      this.st('deleteQueueDedup').run(id);
      this.st('deleteQueueAttempts').run(id);
      this.st('deleteQueue').run(id);
      this.st('recordDeleted').run(row.account, row.region, row.name, deletedAt);
    });
  }

  deletedAt(key: QueueKey): Promise<number | undefined> {
    const row = this.st('deletedAt').get(key.account, key.region, key.name) as { deleted_at: number } | undefined;
    return Promise.resolve(row?.deleted_at);
  }

  private insert(queueId: number, m: NewMessage, sequenceNumber: string | null): void {
    this.st('insertMessage').run(
      queueId,
      m.messageId,
      m.payload,
      m.md5OfBody,
      m.md5OfAttributes,
      m.md5OfSystemAttributes,
      m.senderId,
      m.sentAt,
      m.sentAt,
      m.sentAt,
      m.visibleAt,
      m.groupId,
      m.deduplicationId,
      sequenceNumber,
      m.deadLetterSourceArn,
    );
  }

  private nextSequence(queueId: number): string {
    const { seq } = this.st('nextSequence').get(queueId) as { seq: number };
    return String(SEQUENCE_BASE + BigInt(seq));
  }

  insertMessages(queueId: number, messages: NewMessage[]): Promise<void> {
    return this.database.write(() => {
      for (const m of messages) this.insert(queueId, m, null);
    });
  }

  insertFifoMessages(queueId: number, sends: FifoSend[], now: number, dedupWindowMs: number): Promise<FifoSendResult[]> {
    return this.database.write(() =>
      sends.map(({ message, dedupKey }) => {
        const seen = this.st('getDedup').get(queueId, dedupKey) as { message_id: string; sequence_number: string; expires_at: number } | undefined;
        if (seen && seen.expires_at > now) {
          return { messageId: seen.message_id, sequenceNumber: seen.sequence_number, duplicate: true };
        }
        const sequenceNumber = this.nextSequence(queueId);
        this.insert(queueId, message, sequenceNumber);
        this.st('putDedup').run(queueId, dedupKey, message.messageId, sequenceNumber, now + dedupWindowMs);
        return { messageId: message.messageId, sequenceNumber, duplicate: false };
      }),
    );
  }

  /** Copies a row into another queue (new row, visible now, receive count reset) and deletes the original. */
  private transfer(row: MessageRow, toQueueId: number, toFifo: boolean, deadLetterSourceArn: string | null, now: number): void {
    this.st('insertMessage').run(
      toQueueId,
      row.message_id,
      row.payload,
      row.md5_body,
      row.md5_attributes,
      row.md5_system_attributes,
      row.sender_id,
      row.sent_at,
      now,
      toFifo ? now : row.retained_from,
      now,
      row.group_id,
      row.deduplication_id,
      toFifo ? this.nextSequence(toQueueId) : null,
      deadLetterSourceArn,
    );
    this.st('deleteRow').run(row.id);
  }

  private claimStatement(n: number): Statement {
    let st = this.claimById.get(n);
    if (!st) {
      st = this.database.db.prepare(`UPDATE sqs_messages SET visible_at = ?, receive_count = receive_count + 1,
        first_receive_at = coalesce(first_receive_at, ?), received_at = ? WHERE id IN (${new Array(n).fill('?').join(', ')})`);
      this.claimById.set(n, st);
    }
    return st;
  }

  /** Marks rows received (one UPDATE for the batch) and returns them as delivered. */
  private claimAll(rows: MessageRow[], r: ReceiveRequest): StoredMessage[] {
    if (rows.length === 0) return [];
    this.claimStatement(rows.length).run(r.visibleUntil, r.now, r.now, ...rows.map((row) => row.id));
    return rows.map((row) => this.claimed(row, r));
  }

  private claimed(row: MessageRow, r: ReceiveRequest): StoredMessage {
    const m = toMessage(row);
    m.visibleAt = r.visibleUntil;
    m.receiveCount += 1;
    m.firstReceiveAt ??= r.now;
    return m;
  }

  /** AWS moves a message to the DLQ on the receive after maxReceiveCount, instead of returning it. */
  private redriven(row: MessageRow, redrive: Redrive | undefined, now: number): boolean {
    if (!redrive || row.receive_count < redrive.maxReceiveCount) return false;
    if (!this.st('getQueueById').get(redrive.deadLetterQueueId)) return false;
    this.transfer(row, redrive.deadLetterQueueId, redrive.deadLetterQueueFifo, redrive.sourceArn, now);
    return true;
  }

  private receiveStandard(queueId: number, r: ReceiveRequest): StoredMessage[] {
    const out: StoredMessage[] = [];
    for (;;) {
      const rows = (this.st('selectReady').all(queueId, r.now, r.retainedAfter, r.max - out.length) as RawMessage[]).map(fromRaw);
      if (rows.length === 0) return out;
      out.push(...this.claimAll(rows.filter((row) => !this.redriven(row, r.redrive, r.now)), r));
      if (out.length >= r.max) return out;
    }
  }

  /**
   * FIFO: a group delivers its messages in order up to its first invisible one. A receive takes
   * the group of the oldest deliverable message, fills the batch from it, and only then moves on
   * to the next group. Each step reads only as far as it needs: the blocked groups come from the
   * (few) invisible rows, the oldest head from an ordered scan of light columns, and the batch
   * from the group's own index.
   */
  private receiveFifo(queueId: number, r: ReceiveRequest): StoredMessage[] {
    const blockedFrom = new Map<string, number>();
    for (const [g, id] of this.st('fifoBlocked').all(queueId, r.now) as Array<[string, number]>) blockedFrom.set(g, id);
    const out: StoredMessage[] = [];
    const done = new Set<string>();
    let after = 0;
    while (out.length < r.max) {
      const head = this.oldestDeliverable(queueId, r, blockedFrom, done, after);
      if (!head) break;
      after = head.id;
      done.add(head.group);
      out.push(...this.takeFromGroup(queueId, head.group, head.id, r, r.max - out.length));
    }
    return out;
  }

  private oldestDeliverable(
    queueId: number,
    r: ReceiveRequest,
    blockedFrom: Map<string, number>,
    done: Set<string>,
    start: number,
  ): { id: number; group: string } | undefined {
    let after = start;
    for (;;) {
      const page = this.st('fifoScan').all(queueId, after, 256) as Array<[number, string | null, number, number]>;
      if (page.length === 0) return undefined;
      for (const [id, group, visibleAt, retainedFrom] of page) {
        after = id;
        const g = group ?? '';
        if (done.has(g)) continue;
        const blocked = blockedFrom.get(g);
        if (blocked !== undefined && id >= blocked) continue;
        if (visibleAt > r.now) {
          blockedFrom.set(g, id);
          continue;
        }
        if (retainedFrom <= r.retainedAfter) continue;
        return { id, group: g };
      }
    }
  }

  /** Claims up to `want` messages of one group from `fromId` on, stopping at its first invisible one. */
  private takeFromGroup(queueId: number, group: string, fromId: number, r: ReceiveRequest, want: number): StoredMessage[] {
    const take: MessageRow[] = [];
    let next = fromId;
    scan: while (take.length < want) {
      const rows = (this.st('fifoGroup').all(queueId, group, next, want - take.length + 1) as RawMessage[]).map(fromRaw);
      if (rows.length === 0) break;
      for (const row of rows) {
        next = row.id + 1;
        if (row.visible_at > r.now) break scan;
        if (row.retained_from <= r.retainedAfter) continue;
        // A message moved to the DLQ no longer holds its group back.
        if (this.redriven(row, r.redrive, r.now)) continue;
        take.push(row);
        if (take.length >= want) break scan;
      }
    }
    return this.claimAll(take, r);
  }

  private replayAttempt(queueId: number, r: ReceiveRequest): StoredMessage[] | undefined {
    const attempt = this.st('getAttempt').get(queueId, r.attemptId) as { created_at: number; messages: string } | undefined;
    if (!attempt || attempt.created_at <= (r.attemptValidAfter ?? r.now)) return undefined;
    const entries = JSON.parse(attempt.messages) as AttemptEntry[];
    const rows: MessageRow[] = [];
    for (const e of entries) {
      const row = this.st('getMessage').get(e.rowId, queueId, e.messageId) as MessageRow | undefined;
      // Deleted, received again or with a changed visibility since: the attempt cannot be replayed.
      if (!row || row.receive_count !== e.receiveCount || row.visible_at !== e.visibleUntil) return undefined;
      rows.push(row);
    }
    for (const row of rows) this.st('setVisibleAt').run(r.visibleUntil, row.id);
    this.recordAttempt(queueId, r, rows.map((row) => ({ rowId: row.id, messageId: row.message_id, receiveCount: row.receive_count, visibleUntil: r.visibleUntil })), attempt.created_at);
    return rows.map((row) => ({ ...toMessage(row), visibleAt: r.visibleUntil }));
  }

  private recordAttempt(queueId: number, r: ReceiveRequest, entries: AttemptEntry[], createdAt = r.now): void {
    this.st('putAttempt').run(queueId, r.attemptId, createdAt, JSON.stringify(entries));
  }

  receiveMessages(queueId: number, r: ReceiveRequest): Promise<StoredMessage[]> {
    return this.database.write(() => {
      if (r.attemptId) {
        const replayed = this.replayAttempt(queueId, r);
        if (replayed) return replayed;
      }
      const out = r.fifo ? this.receiveFifo(queueId, r) : this.receiveStandard(queueId, r);
      if (r.attemptId && out.length > 0) {
        this.recordAttempt(queueId, r, out.map((m) => ({ rowId: m.rowId, messageId: m.messageId, receiveCount: m.receiveCount, visibleUntil: r.visibleUntil })));
      }
      return out;
    });
  }

  private current(queueId: number, ref: ReceiptRef, now: number | undefined): HandleState | 'missing' | 'expired' {
    const row = this.st('getHandleState').get(ref.rowId, queueId, ref.messageId) as HandleState | undefined;
    if (!row) return 'missing';
    if (now !== undefined && (row.receive_count !== ref.receiveCount || row.visible_at <= now)) return 'expired';
    return row;
  }

  deleteMessage(queueId: number, ref: ReceiptRef, now?: number): Promise<HandleOutcome> {
    return this.deleteMessages(queueId, [ref], now).then((outcomes) => outcomes[0]!);
  }

  deleteMessages(queueId: number, refs: ReceiptRef[], now?: number): Promise<HandleOutcome[]> {
    return this.database.write(() =>
      refs.map((ref) => {
        const row = this.current(queueId, ref, now);
        if (typeof row === 'string') return row;
        this.st('deleteRow').run(row.id);
        return 'done';
      }),
    );
  }

  changeVisibility(queueId: number, ref: ReceiptRef, visibleAt: number, now?: number, limitMs?: number): Promise<HandleOutcome> {
    return this.database.write(() => {
      const row = this.current(queueId, ref, now);
      if (typeof row === 'string') return row;
      if (limitMs !== undefined && row.received_at !== null && visibleAt > row.received_at + limitMs) return 'beyondLimit';
      this.st('setVisibleAt').run(visibleAt, row.id);
      return 'done';
    });
  }

  purgeQueue(queueId: number): Promise<number> {
    return this.database.write(() => {
      this.st('deleteQueueDedup').run(queueId);
      this.st('deleteQueueAttempts').run(queueId);
      return this.st('deleteQueueMessages').run(queueId).changes;
    });
  }

  countMessages(queueId: number, now: number, retainedAfter: number): Promise<MessageCounts> {
    const visible = (this.st('countVisible').get(queueId, now, retainedAfter) as { n: number }).n;
    const hidden = this.st('countHidden').get(queueId, now, retainedAfter) as { notVisible: number | null; delayed: number | null };
    return Promise.resolve({ visible, notVisible: hidden.notVisible ?? 0, delayed: hidden.delayed ?? 0 });
  }

  oldestMessageAt(queueId: number, retainedAfter: number): Promise<number | undefined> {
    const row = this.st('oldest').get(queueId, retainedAfter) as { at: number | null };
    return Promise.resolve(row.at ?? undefined);
  }

  nextVisibleAt(queueId: number, now: number): Promise<number | undefined> {
    const row = this.st('nextVisible').get(queueId, now) as { at: number | null };
    return Promise.resolve(row.at ?? undefined);
  }

  deleteExpired(queueId: number, retainedAfter: number, now: number): Promise<number> {
    return this.database.write(() => {
      this.st('deleteExpiredDedup').run(queueId, now);
      this.st('deleteExpiredAttempts').run(queueId, now - ATTEMPT_RETENTION_MS);
      return this.st('deleteExpired').run(queueId, retainedAfter).changes;
    });
  }

  peekMessages(queueId: number, now: number, retainedAfter: number, limit: number): Promise<StoredMessage[]> {
    return Promise.resolve((this.st('peek').all(queueId, now, retainedAfter, limit) as MessageRow[]).map(toMessage));
  }

  transferMessages(moves: MessageTransfer[], now: number): Promise<number> {
    return this.database.write(() => {
      let n = 0;
      for (const move of moves) {
        const row = this.st('getRow').get(move.rowId) as MessageRow | undefined;
        if (!row || row.message_id !== move.messageId) continue;
        if (!this.st('getQueueById').get(move.toQueueId)) continue;
        this.transfer(row, move.toQueueId, move.toFifo, move.deadLetterSourceArn, now);
        n++;
      }
      return n;
    });
  }

  saveMoveTask(task: MoveTaskRecord): Promise<void> {
    return this.database.write(() => {
      this.st('saveTask').run(task);
    });
  }

  getMoveTask(id: string): Promise<MoveTaskRecord | undefined> {
    const row = this.st('getTask').get(id) as MoveTaskRow | undefined;
    return Promise.resolve(row ? toTask(row) : undefined);
  }

  listMoveTasks(sourceArn: string, limit: number): Promise<MoveTaskRecord[]> {
    return Promise.resolve((this.st('listTasks').all(sourceArn, limit) as MoveTaskRow[]).map(toTask));
  }

  activeMoveTasks(): Promise<MoveTaskRecord[]> {
    return Promise.resolve((this.st('activeTasks').all() as MoveTaskRow[]).map(toTask));
  }
}

/** Receive attempt ids are honoured for five minutes; keep their records a little longer. */
const ATTEMPT_RETENTION_MS = 10 * 60_000;
