// The storage ports: what the services need from durable state, with no SQL types in sight.
// Every method is asynchronous so that a networked store (PostgreSQL) can implement them;
// every write resolves only once it is durable.

export interface StoredMessageAttribute {
  DataType: string;
  StringValue?: string;
  /** base64 */
  BinaryValue?: string;
}

export interface QueueKey {
  account: string;
  region: string;
  name: string;
}

export interface QueueRecord extends QueueKey {
  id: number;
  /** The settable attributes, as strings, exactly as SQS reports them. */
  attributes: Record<string, string>;
  tags: Record<string, string>;
  createdAt: number;
  modifiedAt: number;
  lastPurgeAt: number | null;
}

export interface NewMessage {
  messageId: string;
  body: string;
  attributes: Record<string, StoredMessageAttribute> | null;
  systemAttributes: Record<string, StoredMessageAttribute> | null;
  md5OfBody: string;
  md5OfAttributes: string | null;
  md5OfSystemAttributes: string | null;
  senderId: string;
  sentAt: number;
  visibleAt: number;
  groupId: string | null;
  deduplicationId: string | null;
  sequenceNumber: string | null;
}

export interface StoredMessage extends NewMessage {
  rowId: number;
  queueId: number;
  receiveCount: number;
  firstReceiveAt: number | null;
}

export interface MessageCounts {
  visible: number;
  notVisible: number;
  delayed: number;
}

export interface ReceiveRequest {
  now: number;
  max: number;
  visibleUntil: number;
  /** Messages sent at or before this instant have outlived the retention period. */
  retainedAfter: number;
}

export type VisibilityChange = 'changed' | 'missing';

export interface SqsStore {
  createQueue(queue: Omit<QueueRecord, 'id'>): Promise<{ created: boolean; queue: QueueRecord }>;
  getQueue(key: QueueKey): Promise<QueueRecord | undefined>;
  listQueues(account: string, region: string, prefix: string, after: string | undefined, limit: number): Promise<QueueRecord[]>;
  updateQueue(id: number, changes: { attributes?: Record<string, string>; tags?: Record<string, string>; modifiedAt?: number; lastPurgeAt?: number }): Promise<void>;
  deleteQueue(id: number, deletedAt: number): Promise<void>;
  /** When a queue of this name was last deleted, if it was. */
  deletedAt(key: QueueKey): Promise<number | undefined>;

  insertMessages(queueId: number, messages: NewMessage[]): Promise<void>;
  /** Claims up to `max` visible messages, making them invisible until `visibleUntil`. */
  receiveMessages(queueId: number, request: ReceiveRequest): Promise<StoredMessage[]>;
  /** Deletes the message if it is still there; false when it was already gone. */
  deleteMessage(queueId: number, rowId: number, messageId: string): Promise<boolean>;
  changeVisibility(queueId: number, rowId: number, messageId: string, visibleAt: number): Promise<VisibilityChange>;
  purgeQueue(queueId: number): Promise<number>;
  countMessages(queueId: number, now: number, retainedAfter: number): Promise<MessageCounts>;
  /** The earliest instant after `now` at which a message of the queue becomes visible. */
  nextVisibleAt(queueId: number, now: number): Promise<number | undefined>;
  /** Removes the queue's messages sent at or before `retainedAfter`; returns how many. */
  deleteExpired(queueId: number, retainedAfter: number): Promise<number>;
  /** Every queue of every account and region (for background sweeps). */
  allQueues(): Promise<QueueRecord[]>;
}

export interface Store {
  readonly kind: 'sqlite' | 'memory';
  readonly sqs: SqsStore;
  /** Resolves once every write made so far is durable. */
  barrier(): Promise<void>;
  /** Called after each durable commit. */
  onCommit(listener: () => void): () => void;
  close(): Promise<void>;
}
