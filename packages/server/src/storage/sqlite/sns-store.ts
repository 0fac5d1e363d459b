import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database.js';
import type { DeliveryRecord, NewDelivery, OutboxRecord, SnsDocument, SnsStore, SubscriptionRecord, TopicRecord } from '../ports.js';

interface TopicRow {
  id: number;
  account: string;
  region: string;
  name: string;
  attributes: string;
  tags: string;
  data_protection_policy: string | null;
  created_at: number;
}

interface SubscriptionRow {
  arn: string;
  topic_arn: string;
  owner: string;
  protocol: string;
  endpoint: string;
  attributes: string;
  pending: number;
  authenticated: number;
  token: string | null;
  created_at: number;
}

interface DeliveryRow {
  id: number;
  subscription_arn: string;
  topic_arn: string;
  endpoint: string;
  headers: string;
  body: string;
  attempts: number;
  next_attempt_at: number;
  created_at: number;
}

interface OutboxRow {
  id: number;
  created_at: number;
  account: string;
  region: string;
  protocol: string;
  endpoint: string;
  topic_arn: string | null;
  subscription_arn: string | null;
  message_id: string;
  type: string;
  subject: string | null;
  message: string;
}

interface DocumentRow {
  kind: string;
  account: string;
  region: string;
  key: string;
  value: string;
}

const SEQUENCE_BASE = 10n ** 19n;

const toTopic = (r: TopicRow): TopicRecord => ({
  id: r.id,
  account: r.account,
  region: r.region,
  name: r.name,
  attributes: JSON.parse(r.attributes) as Record<string, string>,
  tags: JSON.parse(r.tags) as TopicRecord['tags'],
  dataProtectionPolicy: r.data_protection_policy,
  createdAt: r.created_at,
});

const toSubscription = (r: SubscriptionRow): SubscriptionRecord => ({
  arn: r.arn,
  topicArn: r.topic_arn,
  owner: r.owner,
  protocol: r.protocol,
  endpoint: r.endpoint,
  attributes: JSON.parse(r.attributes) as Record<string, string>,
  pendingConfirmation: r.pending === 1,
  confirmationWasAuthenticated: r.authenticated === 1,
  token: r.token,
  createdAt: r.created_at,
});

const toDelivery = (r: DeliveryRow): DeliveryRecord => ({
  id: r.id,
  subscriptionArn: r.subscription_arn,
  topicArn: r.topic_arn,
  endpoint: r.endpoint,
  headers: JSON.parse(r.headers) as Record<string, string>,
  body: r.body,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
});

const toOutbox = (r: OutboxRow): OutboxRecord => ({
  id: r.id,
  createdAt: r.created_at,
  account: r.account,
  region: r.region,
  protocol: r.protocol,
  endpoint: r.endpoint,
  topicArn: r.topic_arn,
  subscriptionArn: r.subscription_arn,
  messageId: r.message_id,
  type: r.type,
  subject: r.subject,
  message: r.message,
});

const toDocument = (r: DocumentRow): SnsDocument => ({
  kind: r.kind,
  account: r.account,
  region: r.region,
  key: r.key,
  value: JSON.parse(r.value) as Record<string, unknown>,
});

/** The topic ARN's account and region, for the per-account subscription index. */
function arnScope(arn: string): { account: string; region: string } {
  const parts = arn.split(':');
  return { region: parts[3] ?? '', account: parts[4] ?? '' };
}

export class SqliteSnsStore implements SnsStore {
  private readonly s: Record<string, Statement>;
  /**
   * Every publish reads its topic and all its subscriptions; this process is the only writer of
   * the file (EXCLUSIVE lock), so both are cached and dropped on every write that touches them.
   */
  private readonly topics = new Map<string, TopicRecord>();
  private readonly subscriptionsByTopic = new Map<string, SubscriptionRecord[]>();

  constructor(private readonly database: SqliteDatabase) {
    const prepare = (sql: string): Statement => database.db.prepare(sql);
    this.s = {
      insertTopic: prepare(`INSERT INTO sns_topics (account, region, name, attributes, tags, data_protection_policy, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
      getTopic: prepare('SELECT * FROM sns_topics WHERE account = ? AND region = ? AND name = ?'),
      listTopics: prepare('SELECT * FROM sns_topics WHERE account = ? AND region = ? AND name > ? ORDER BY name LIMIT ?'),
      setTopicAttributes: prepare('UPDATE sns_topics SET attributes = ? WHERE id = ?'),
      setTopicTags: prepare('UPDATE sns_topics SET tags = ? WHERE id = ?'),
      setTopicDpp: prepare('UPDATE sns_topics SET data_protection_policy = ? WHERE id = ?'),
      deleteTopic: prepare('DELETE FROM sns_topics WHERE id = ?'),
      deleteTopicSubscriptions: prepare('DELETE FROM sns_subscriptions WHERE topic_arn = ?'),
      nextSequence: prepare('UPDATE sns_topics SET next_sequence = next_sequence + 1 WHERE id = ? RETURNING next_sequence - 1 AS seq'),
      getDedup: prepare('SELECT message_id, sequence_number, expires_at FROM sns_fifo_dedup WHERE topic_id = ? AND dedup_key = ?'),
      putDedup: prepare(`INSERT INTO sns_fifo_dedup (topic_id, dedup_key, message_id, sequence_number, expires_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (topic_id, dedup_key) DO UPDATE SET message_id = excluded.message_id, sequence_number = excluded.sequence_number,
        expires_at = excluded.expires_at`),
      insertSubscription: prepare(`INSERT INTO sns_subscriptions (arn, topic_arn, owner, account, region, protocol, endpoint, attributes,
        pending, authenticated, token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      getSubscription: prepare('SELECT * FROM sns_subscriptions WHERE arn = ?'),
      findSubscription: prepare('SELECT * FROM sns_subscriptions WHERE topic_arn = ? AND protocol = ? AND endpoint = ?'),
      findByToken: prepare('SELECT * FROM sns_subscriptions WHERE token = ?'),
      listSubscriptions: prepare('SELECT * FROM sns_subscriptions WHERE account = ? AND region = ? AND arn > ? ORDER BY arn LIMIT ?'),
      listByTopic: prepare('SELECT * FROM sns_subscriptions WHERE topic_arn = ? AND arn > ? ORDER BY arn LIMIT ?'),
      updateSubscription: prepare('UPDATE sns_subscriptions SET attributes = ?, pending = ?, authenticated = ?, token = ? WHERE arn = ?'),
      deleteSubscription: prepare('DELETE FROM sns_subscriptions WHERE arn = ?'),
      insertDelivery: prepare(`INSERT INTO sns_deliveries (subscription_arn, topic_arn, endpoint, headers, body, attempts, next_attempt_at,
        created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      dueDeliveries: prepare('SELECT * FROM sns_deliveries WHERE next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?'),
      nextDelivery: prepare('SELECT min(next_attempt_at) AS at FROM sns_deliveries'),
      deleteDelivery: prepare('DELETE FROM sns_deliveries WHERE id = ?'),
      retryDelivery: prepare('UPDATE sns_deliveries SET attempts = ?, next_attempt_at = ? WHERE id = ?'),
      countDeliveries: prepare('SELECT count(*) AS n FROM sns_deliveries'),
      insertOutbox: prepare(`INSERT INTO sns_outbox (created_at, account, region, protocol, endpoint, topic_arn, subscription_arn, message_id,
        type, subject, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      listOutbox: prepare('SELECT * FROM sns_outbox WHERE id > ? ORDER BY id LIMIT ?'),
      clearOutbox: prepare('DELETE FROM sns_outbox'),
      putDocument: prepare(`INSERT INTO sns_documents (kind, account, region, key, value) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (kind, account, region, key) DO UPDATE SET value = excluded.value`),
      getDocument: prepare('SELECT * FROM sns_documents WHERE kind = ? AND account = ? AND region = ? AND key = ?'),
      listDocuments: prepare(`SELECT * FROM sns_documents WHERE kind = ? AND account = ? AND region = ? AND substr(key, 1, ?) = ?
        ORDER BY key`),
      deleteDocument: prepare('DELETE FROM sns_documents WHERE kind = ? AND account = ? AND region = ? AND key = ?'),
    };
  }

  private st(name: string): Statement {
    return this.s[name]!;
  }

  createTopic(topic: Omit<TopicRecord, 'id'>): Promise<{ created: boolean; topic: TopicRecord }> {
    return this.database.write(() => {
      const info = this.st('insertTopic').run(
        topic.account,
        topic.region,
        topic.name,
        JSON.stringify(topic.attributes),
        JSON.stringify(topic.tags),
        topic.dataProtectionPolicy,
        topic.createdAt,
      );
      const row = this.st('getTopic').get(topic.account, topic.region, topic.name) as TopicRow;
      return { created: info.changes === 1, topic: toTopic(row) };
    });
  }

  getTopic(account: string, region: string, name: string): Promise<TopicRecord | undefined> {
    const key = `${account}\u0000${region}\u0000${name}`;
    let topic = this.topics.get(key);
    if (!topic) {
      const row = this.st('getTopic').get(account, region, name) as TopicRow | undefined;
      if (!row) return Promise.resolve(undefined);
      topic = Object.freeze(toTopic(row));
      this.topics.set(key, topic);
    }
    return Promise.resolve(topic);
  }

  private forgetTopic(id: number): void {
    for (const [k, t] of this.topics) if (t.id === id) this.topics.delete(k);
  }

  listTopics(account: string, region: string, after: string | undefined, limit: number): Promise<TopicRecord[]> {
    return Promise.resolve((this.st('listTopics').all(account, region, after ?? '', limit) as TopicRow[]).map(toTopic));
  }

  updateTopic(id: number, changes: { attributes?: Record<string, string>; tags?: TopicRecord['tags']; dataProtectionPolicy?: string | null }): Promise<void> {
    this.forgetTopic(id);
    return this.database.write(() => {
      this.forgetTopic(id);
      if (changes.attributes) this.st('setTopicAttributes').run(JSON.stringify(changes.attributes), id);
      if (changes.tags) this.st('setTopicTags').run(JSON.stringify(changes.tags), id);
      if (changes.dataProtectionPolicy !== undefined) this.st('setTopicDpp').run(changes.dataProtectionPolicy, id);
    });
  }

  deleteTopic(id: number, topicArn: string): Promise<void> {
    this.forgetTopic(id);
    this.subscriptionsByTopic.delete(topicArn);
    return this.database.write(() => {
      this.subscriptionsByTopic.delete(topicArn);
      this.st('deleteTopicSubscriptions').run(topicArn);
      this.st('deleteTopic').run(id);
    });
  }

  publishFifo(topicId: number, dedupKey: string, messageId: string, now: number, windowMs: number): Promise<{ messageId: string; sequenceNumber: string; duplicate: boolean }> {
    return this.database.write(() => {
      const seen = this.st('getDedup').get(topicId, dedupKey) as { message_id: string; sequence_number: string; expires_at: number } | undefined;
      if (seen && seen.expires_at > now) return { messageId: seen.message_id, sequenceNumber: seen.sequence_number, duplicate: true };
      const { seq } = this.st('nextSequence').get(topicId) as { seq: number };
      const sequenceNumber = String(SEQUENCE_BASE + BigInt(seq));
      this.st('putDedup').run(topicId, dedupKey, messageId, sequenceNumber, now + windowMs);
      return { messageId, sequenceNumber, duplicate: false };
    });
  }

  createSubscription(sub: SubscriptionRecord): Promise<void> {
    const { account, region } = arnScope(sub.topicArn);
    this.subscriptionsByTopic.delete(sub.topicArn);
    return this.database.write(() => {
      this.st('insertSubscription').run(
        sub.arn,
        sub.topicArn,
        sub.owner,
        account,
        region,
        sub.protocol,
        sub.endpoint,
        JSON.stringify(sub.attributes),
        sub.pendingConfirmation ? 1 : 0,
        sub.confirmationWasAuthenticated ? 1 : 0,
        sub.token,
        sub.createdAt,
      );
    });
  }

  getSubscription(arn: string): Promise<SubscriptionRecord | undefined> {
    const row = this.st('getSubscription').get(arn) as SubscriptionRow | undefined;
    return Promise.resolve(row ? toSubscription(row) : undefined);
  }

  findSubscription(topicArn: string, protocol: string, endpoint: string): Promise<SubscriptionRecord | undefined> {
    const row = this.st('findSubscription').get(topicArn, protocol, endpoint) as SubscriptionRow | undefined;
    return Promise.resolve(row ? toSubscription(row) : undefined);
  }

  findSubscriptionByToken(token: string): Promise<SubscriptionRecord | undefined> {
    const row = this.st('findByToken').get(token) as SubscriptionRow | undefined;
    return Promise.resolve(row ? toSubscription(row) : undefined);
  }

  listSubscriptions(account: string, region: string, after: string | undefined, limit: number): Promise<SubscriptionRecord[]> {
    return Promise.resolve((this.st('listSubscriptions').all(account, region, after ?? '', limit) as SubscriptionRow[]).map(toSubscription));
  }

  listSubscriptionsByTopic(topicArn: string, after: string | undefined, limit: number): Promise<SubscriptionRecord[]> {
    let all = this.subscriptionsByTopic.get(topicArn);
    if (!all) {
      all = (this.st('listByTopic').all(topicArn, '', Number.MAX_SAFE_INTEGER) as SubscriptionRow[]).map((r) => Object.freeze(toSubscription(r)));
      this.subscriptionsByTopic.set(topicArn, all);
    }
    const start = after === undefined ? 0 : all.findIndex((s) => s.arn > after);
    return Promise.resolve(start < 0 ? [] : all.slice(start, start + limit));
  }

  updateSubscription(
    arn: string,
    changes: Partial<Pick<SubscriptionRecord, 'attributes' | 'pendingConfirmation' | 'confirmationWasAuthenticated' | 'token'>>,
  ): Promise<void> {
    return this.database.write(() => {
      const row = this.st('getSubscription').get(arn) as SubscriptionRow | undefined;
      if (!row) return;
      this.subscriptionsByTopic.delete(row.topic_arn);
      const cur = toSubscription(row);
      const next = { ...cur, ...changes };
      this.st('updateSubscription').run(
        JSON.stringify(next.attributes),
        next.pendingConfirmation ? 1 : 0,
        next.confirmationWasAuthenticated ? 1 : 0,
        next.token,
        arn,
      );
    });
  }

  deleteSubscription(arn: string): Promise<void> {
    return this.database.write(() => {
      const row = this.st('getSubscription').get(arn) as SubscriptionRow | undefined;
      if (row) this.subscriptionsByTopic.delete(row.topic_arn);
      this.st('deleteSubscription').run(arn);
    });
  }

  enqueueDeliveries(deliveries: NewDelivery[]): Promise<void> {
    return this.database.write(() => {
      for (const d of deliveries) {
        this.st('insertDelivery').run(d.subscriptionArn, d.topicArn, d.endpoint, JSON.stringify(d.headers), d.body, d.attempts, d.nextAttemptAt, d.createdAt);
      }
    });
  }

  dueDeliveries(now: number, limit: number): Promise<DeliveryRecord[]> {
    return Promise.resolve((this.st('dueDeliveries').all(now, limit) as DeliveryRow[]).map(toDelivery));
  }

  nextDeliveryAt(): Promise<number | undefined> {
    const row = this.st('nextDelivery').get() as { at: number | null };
    return Promise.resolve(row.at ?? undefined);
  }

  finishDelivery(id: number): Promise<void> {
    return this.database.write(() => {
      this.st('deleteDelivery').run(id);
    });
  }

  retryDelivery(id: number, attempts: number, nextAttemptAt: number): Promise<void> {
    return this.database.write(() => {
      this.st('retryDelivery').run(attempts, nextAttemptAt, id);
    });
  }

  pendingDeliveries(): Promise<number> {
    return Promise.resolve((this.st('countDeliveries').get() as { n: number }).n);
  }

  appendOutbox(records: Omit<OutboxRecord, 'id'>[]): Promise<void> {
    return this.database.write(() => {
      for (const r of records) {
        this.st('insertOutbox').run(r.createdAt, r.account, r.region, r.protocol, r.endpoint, r.topicArn, r.subscriptionArn, r.messageId, r.type, r.subject, r.message);
      }
    });
  }

  listOutbox(after: number, limit: number): Promise<OutboxRecord[]> {
    return Promise.resolve((this.st('listOutbox').all(after, limit) as OutboxRow[]).map(toOutbox));
  }

  clearOutbox(): Promise<void> {
    return this.database.write(() => {
      this.st('clearOutbox').run();
    });
  }

  putDocument(doc: SnsDocument): Promise<void> {
    return this.database.write(() => {
      this.st('putDocument').run(doc.kind, doc.account, doc.region, doc.key, JSON.stringify(doc.value));
    });
  }

  getDocument(kind: string, account: string, region: string, key: string): Promise<SnsDocument | undefined> {
    const row = this.st('getDocument').get(kind, account, region, key) as DocumentRow | undefined;
    return Promise.resolve(row ? toDocument(row) : undefined);
  }

  listDocuments(kind: string, account: string, region: string, keyPrefix: string): Promise<SnsDocument[]> {
    return Promise.resolve((this.st('listDocuments').all(kind, account, region, keyPrefix.length, keyPrefix) as DocumentRow[]).map(toDocument));
  }

  deleteDocument(kind: string, account: string, region: string, key: string): Promise<void> {
    return this.database.write(() => {
      this.st('deleteDocument').run(kind, account, region, key);
    });
  }
}
