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
/** `beyondLimit`: the change would keep the message invisible past the limit counted from its last receive. */
export type HandleOutcome = 'done' | 'missing' | 'expired' | 'beyondLimit';

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
  /** Several deletes in one write, outcome per reference. */
  deleteMessages(queueId: number, refs: ReceiptRef[], now?: number): Promise<HandleOutcome[]>;
  /**
   * With `limitMs`, a change that would keep the message invisible beyond `limitMs` after its
   * latest receive is refused (`beyondLimit`) and changes nothing.
   */
  changeVisibility(queueId: number, ref: ReceiptRef, visibleAt: number, now?: number, limitMs?: number): Promise<HandleOutcome>;
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

export interface TopicRecord {
  id: number;
  account: string;
  region: string;
  name: string;
  /** The settable attributes as SNS reports them. */
  attributes: Record<string, string>;
  /** In the order they were added. */
  tags: Array<{ Key: string; Value: string }>;
  dataProtectionPolicy: string | null;
  createdAt: number;
}

export interface SubscriptionRecord {
  arn: string;
  topicArn: string;
  /** The subscriber's account (the subscription's Owner). */
  owner: string;
  protocol: string;
  endpoint: string;
  attributes: Record<string, string>;
  pendingConfirmation: boolean;
  confirmationWasAuthenticated: boolean;
  /** The confirmation token while pending. */
  token: string | null;
  createdAt: number;
}

/** An HTTP(S) request SNS still has to make (a notification or a (un)subscribe confirmation). */
export interface DeliveryRecord {
  id: number;
  subscriptionArn: string;
  topicArn: string;
  endpoint: string;
  headers: Record<string, string>;
  body: string;
  /** Attempts made so far. */
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
}

export type NewDelivery = Omit<DeliveryRecord, 'id'>;

/** What SNS "sent" by email, SMS or mobile push: kept for tests and developers to read. */
export interface OutboxRecord {
  id: number;
  createdAt: number;
  account: string;
  region: string;
  protocol: string;
  endpoint: string;
  topicArn: string | null;
  subscriptionArn: string | null;
  messageId: string;
  type: string;
  subject: string | null;
  message: string;
}

/** Small records SNS keeps by kind and key: platform applications, endpoints, SMS settings, … */
export interface SnsDocument {
  kind: string;
  account: string;
  region: string;
  key: string;
  value: Record<string, unknown>;
}

export interface SnsStore {
  createTopic(topic: Omit<TopicRecord, 'id'>): Promise<{ created: boolean; topic: TopicRecord }>;
  getTopic(account: string, region: string, name: string): Promise<TopicRecord | undefined>;
  /** Sorted by name, after the given name. */
  listTopics(account: string, region: string, after: string | undefined, limit: number): Promise<TopicRecord[]>;
  updateTopic(id: number, changes: { attributes?: Record<string, string>; tags?: TopicRecord['tags']; dataProtectionPolicy?: string | null }): Promise<void>;
  /** Deletes the topic and its subscriptions. */
  deleteTopic(id: number, topicArn: string): Promise<void>;
  /** FIFO topics: the next sequence number, unless the deduplication key was seen within the window. */
  publishFifo(topicId: number, dedupKey: string, messageId: string, now: number, windowMs: number): Promise<{ messageId: string; sequenceNumber: string; duplicate: boolean }>;

  createSubscription(sub: SubscriptionRecord): Promise<void>;
  getSubscription(arn: string): Promise<SubscriptionRecord | undefined>;
  findSubscription(topicArn: string, protocol: string, endpoint: string): Promise<SubscriptionRecord | undefined>;
  findSubscriptionByToken(token: string): Promise<SubscriptionRecord | undefined>;
  /** Sorted by ARN, after the given ARN. */
  listSubscriptions(account: string, region: string, after: string | undefined, limit: number): Promise<SubscriptionRecord[]>;
  listSubscriptionsByTopic(topicArn: string, after: string | undefined, limit: number): Promise<SubscriptionRecord[]>;
  updateSubscription(arn: string, changes: Partial<Pick<SubscriptionRecord, 'attributes' | 'pendingConfirmation' | 'confirmationWasAuthenticated' | 'token'>>): Promise<void>;
  deleteSubscription(arn: string): Promise<void>;

  enqueueDeliveries(deliveries: NewDelivery[]): Promise<void>;
  dueDeliveries(now: number, limit: number): Promise<DeliveryRecord[]>;
  nextDeliveryAt(): Promise<number | undefined>;
  finishDelivery(id: number): Promise<void>;
  retryDelivery(id: number, attempts: number, nextAttemptAt: number): Promise<void>;
  pendingDeliveries(): Promise<number>;

  appendOutbox(records: Omit<OutboxRecord, 'id'>[]): Promise<void>;
  listOutbox(after: number, limit: number): Promise<OutboxRecord[]>;
  clearOutbox(): Promise<void>;

  putDocument(doc: SnsDocument): Promise<void>;
  getDocument(kind: string, account: string, region: string, key: string): Promise<SnsDocument | undefined>;
  listDocuments(kind: string, account: string, region: string, keyPrefix: string): Promise<SnsDocument[]>;
  deleteDocument(kind: string, account: string, region: string, key: string): Promise<void>;
}

// --- Step Functions -----------------------------------------------------------------------------

export type SfnMachineType = 'STANDARD' | 'EXPRESS';
export type SfnExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
export interface SfnTag {
  key: string;
  value: string;
}

/**
 * What a state machine runs, as of its creation or one update: executions keep the revision they
 * started with, so an update never changes a running execution (as on AWS).
 */
export interface StateMachineRevision {
  /** Assigned by the store, increasing. */
  id: number;
  stateMachineArn: string;
  definition: string;
  roleArn: string;
  /** AWS's revisionId: null until the first update that changes something. */
  revisionId: string | null;
  /** The configuration documents as the API returns them (plain JSON). */
  loggingConfiguration: Record<string, unknown>;
  tracingConfiguration: Record<string, unknown>;
  encryptionConfiguration: Record<string, unknown>;
  /** When this revision was made: the creation date, or the update date. */
  createdAt: number;
}

export type NewRevision = Omit<StateMachineRevision, 'id' | 'stateMachineArn'>;

export interface StateMachineRecord {
  arn: string;
  account: string;
  region: string;
  name: string;
  type: SfnMachineType;
  status: 'ACTIVE' | 'DELETING';
  /** In the order they were added. */
  tags: SfnTag[];
  createdAt: number;
  /** The current revision. */
  revision: StateMachineRevision;
}

export type NewStateMachine = Omit<StateMachineRecord, 'revision'> & { revision: NewRevision };

export interface ExecutionRecord {
  /** Assigned by the store in start order; listing is newest first by it. */
  seq: number;
  arn: string;
  stateMachineArn: string;
  account: string;
  region: string;
  name: string;
  /** The StateMachineRevision id the execution runs. */
  revision: number;
  /** JSON text, as given to StartExecution. */
  input: string;
  status: SfnExecutionStatus;
  startedAt: number;
  stoppedAt: number | null;
  output: string | null;
  error: string | null;
  cause: string | null;
  /** The interpreter's snapshot, JSON text, opaque to the store. */
  snapshot: string;
  redriveCount: number;
}

export type NewExecution = Omit<ExecutionRecord, 'seq'>;

/** One history event as stored: its id and the event (timestamps in ms since the epoch). */
export interface SfnStoredEvent {
  id: number;
  event: Record<string, unknown> & { timestamp: number };
}

/**
 * The history events one step wrote (ids first..last, consecutive) as one JSON array text: a step
 * is stored as one row, as event-sourced engines store their history in batches.
 */
export interface SfnEventBatch {
  first: number;
  last: number;
  json: string;
}

export interface SfnTimerRecord {
  executionArn: string;
  timerId: string;
  fireAt: number;
}

/** A task the engine handed to a task runner and has no answer for yet (re-dispatched after a restart). */
export interface SfnTaskRecord {
  executionArn: string;
  taskId: string;
  /** The runTask command, JSON text. */
  command: string;
}

/**
 * Everything one interpreter step changes, applied in one transaction: the step is either fully
 * recorded or not at all, which is what lets a restart resume without running a state twice.
 */
export interface SfnStepWrite {
  events: SfnEventBatch | null;
  snapshot: string;
  status: SfnExecutionStatus;
  stoppedAt: number | null;
  output: string | null;
  error: string | null;
  cause: string | null;
  addTimers: Array<{ timerId: string; fireAt: number }>;
  removeTimers: string[];
  addTasks: Array<{ taskId: string; command: string }>;
  removeTasks: string[];
}

export interface SfnStore {
  /** Creates the machine with its first revision, unless one of that name exists (then reports it). */
  createStateMachine(machine: NewStateMachine): Promise<{ created: boolean; machine: StateMachineRecord }>;
  getStateMachine(arn: string): Promise<StateMachineRecord | undefined>;
  /** Sorted by name, after the given name. */
  listStateMachines(account: string, region: string, after: string | undefined, limit: number): Promise<StateMachineRecord[]>;
  /** Makes `revision` the machine's current one. */
  reviseStateMachine(arn: string, revision: NewRevision): Promise<StateMachineRecord>;
  setStateMachineTags(arn: string, tags: SfnTag[]): Promise<void>;
  setStateMachineStatus(arn: string, status: StateMachineRecord['status']): Promise<void>;
  /** Removes the machine and the revisions no execution refers to; its executions stay readable. */
  deleteStateMachine(arn: string): Promise<void>;
  getRevision(id: number): Promise<StateMachineRevision | undefined>;

  /**
   * Records a new execution with its first step, unless an execution of that ARN exists (then
   * reports it and writes nothing).
   */
  createExecution(execution: NewExecution, first: SfnStepWrite): Promise<{ created: boolean; execution: ExecutionRecord }>;
  getExecution(arn: string): Promise<ExecutionRecord | undefined>;
  /** Newest first, before the given seq, optionally of one status. */
  listExecutions(stateMachineArn: string, status: SfnExecutionStatus | undefined, before: number | undefined, limit: number): Promise<ExecutionRecord[]>;
  countRunningExecutions(stateMachineArn: string): Promise<number>;
  /** Applies one step; a step that ends the execution also drops its timers and tasks. */
  applyStep(executionArn: string, step: SfnStepWrite): Promise<void>;
  /** Events with id after `after` in id order, or, reversed, with id before `after` in descending order. */
  getHistory(executionArn: string, options: { after: number; reverse: boolean; limit: number }): Promise<SfnStoredEvent[]>;
  /** Every RUNNING execution of every account and region (resumed at start-up). */
  runningExecutions(): Promise<ExecutionRecord[]>;
  timersOf(executionArn: string): Promise<SfnTimerRecord[]>;
  tasksOf(executionArn: string): Promise<SfnTaskRecord[]>;
}

export interface Store {
  readonly kind: 'sqlite' | 'memory';
  readonly sqs: SqsStore;
  readonly sns: SnsStore;
  readonly sfn: SfnStore;
  /** Resolves once every write made so far is durable. */
  barrier(): Promise<void>;
  close(): Promise<void>;
}
