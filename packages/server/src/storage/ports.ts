// The storage ports: what the services need from durable state, with no SQL types in sight.
// Every method is asynchronous so that a networked store (PostgreSQL) can implement them;
// every write resolves only once it is durable.

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
  /** Body and attributes, encoded (and possibly encrypted) by the service; opaque to the store. */
  payload: Uint8Array;
  md5OfBody: string;
  md5OfAttributes: string | null;
  md5OfSystemAttributes: string | null;
  senderId: string;
  sentAt: number;
  visibleAt: number;
  groupId: string | null;
  deduplicationId: string | null;
  /** Set on messages moved to a dead-letter queue: the queue they came from. */
  deadLetterSourceArn: string | null;
}

export interface StoredMessage extends NewMessage {
  rowId: number;
  queueId: number;
  receiveCount: number;
  firstReceiveAt: number | null;
  sequenceNumber: string | null;
}

export interface MessageCounts {
  visible: number;
  notVisible: number;
  delayed: number;
}

/** Where messages that were received too often go, from a queue with a RedrivePolicy. */
export interface Redrive {
  deadLetterQueueId: number;
  deadLetterQueueFifo: boolean;
  maxReceiveCount: number;
  sourceArn: string;
}

export interface ReceiveRequest {
  now: number;
  max: number;
  visibleUntil: number;
  /** Messages sent at or before this instant have outlived the retention period. */
  retainedAfter: number;
  /** FIFO: deliver in order per message group, and nothing of a group while one is in flight. */
  fifo: boolean;
  redrive?: Redrive;
  /** FIFO: a retry with the same id within `attemptValidAfter` returns the same messages. */
  attemptId?: string;
  attemptValidAfter?: number;
}

export interface ReceiptRef {
  rowId: number;
  messageId: string;
  receiveCount: number;
}

/** `expired`: the handle is not the message's latest receive, or its visibility ran out. */
export type HandleOutcome = 'done' | 'missing' | 'expired';

export interface FifoSend {
  message: NewMessage;
  /** The key deduplication is judged by (the id, scoped to the group if so configured). */
  dedupKey: string;
}

export interface FifoSendResult {
  messageId: string;
  sequenceNumber: string;
  duplicate: boolean;
}

export interface MoveTaskRecord {
  id: string;
  account: string;
  region: string;
  sourceArn: string;
  destinationArn: string | null;
  maxPerSecond: number | null;
  status: 'RUNNING' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';
  moved: number;
  toMove: number;
  failureReason: string | null;
  startedAt: number;
}

export interface MessageTransfer {
  rowId: number;
  messageId: string;
  toQueueId: number;
  toFifo: boolean;
  /** Recorded on the moved message (DLQ moves); null clears it (moves back to a source). */
  deadLetterSourceArn: string | null;
}

export interface SqsStore {
  createQueue(queue: Omit<QueueRecord, 'id'>): Promise<{ created: boolean; queue: QueueRecord }>;
  getQueue(key: QueueKey): Promise<QueueRecord | undefined>;
  listQueues(account: string, region: string, prefix: string, after: string | undefined, limit: number): Promise<QueueRecord[]>;
  updateQueue(id: number, changes: { attributes?: Record<string, string>; tags?: Record<string, string>; modifiedAt?: number; lastPurgeAt?: number }): Promise<void>;
  deleteQueue(id: number, deletedAt: number): Promise<void>;
  /** When a queue of this name was last deleted, if it was. */
  deletedAt(key: QueueKey): Promise<number | undefined>;
  /** Every queue of every account and region (for background sweeps and metrics). */
  allQueues(): Promise<QueueRecord[]>;

  insertMessages(queueId: number, messages: NewMessage[]): Promise<void>;
  /**
   * FIFO send: each message is enqueued with the queue's next sequence number unless its
   * deduplication key was seen within the window, in which case the original is reported.
   */
  insertFifoMessages(queueId: number, sends: FifoSend[], now: number, dedupWindowMs: number): Promise<FifoSendResult[]>;
  /** Claims up to `max` messages, making them invisible until `visibleUntil`; moves over-received ones to the DLQ. */
  receiveMessages(queueId: number, request: ReceiveRequest): Promise<StoredMessage[]>;
  /** With `now` (FIFO), only the latest receive's handle, while still in flight, may delete. */
  deleteMessage(queueId: number, ref: ReceiptRef, now?: number): Promise<HandleOutcome>;
  changeVisibility(queueId: number, ref: ReceiptRef, visibleAt: number, now?: number): Promise<HandleOutcome>;
  /** Deletes every message and forgets the FIFO deduplication history. */
  purgeQueue(queueId: number): Promise<number>;
  countMessages(queueId: number, now: number, retainedAfter: number): Promise<MessageCounts>;
  /** Sent time of the oldest retained message. */
  oldestMessageAt(queueId: number, retainedAfter: number): Promise<number | undefined>;
  /** The earliest instant after `now` at which a message of the queue becomes visible. */
  nextVisibleAt(queueId: number, now: number): Promise<number | undefined>;
  /** Removes the queue's messages sent at or before `retainedAfter`, and expired dedup and attempt records. */
  deleteExpired(queueId: number, retainedAfter: number, now: number): Promise<number>;

  /** Visible messages of a queue, oldest first, without claiming them (for move tasks). */
  peekMessages(queueId: number, now: number, retainedAfter: number, limit: number): Promise<StoredMessage[]>;
  /** Moves messages to other queues, keeping id, payload and sent time; each arrives visible. */
  transferMessages(moves: MessageTransfer[], now: number): Promise<number>;

  saveMoveTask(task: MoveTaskRecord): Promise<void>;
  getMoveTask(id: string): Promise<MoveTaskRecord | undefined>;
  /** Newest first. */
  listMoveTasks(sourceArn: string, limit: number): Promise<MoveTaskRecord[]>;
  activeMoveTasks(): Promise<MoveTaskRecord[]>;
}

export interface Store {
  readonly kind: 'sqlite' | 'memory';
  readonly sqs: SqsStore;
  /** Resolves once every write made so far is durable. */
  barrier(): Promise<void>;
  close(): Promise<void>;
}
