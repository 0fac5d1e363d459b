// SQS FIFO queues: naming, deduplication, sequence numbers, group ordering and in-flight
// locking, receive attempt ids, expired receipt handles and high throughput, through the AWS SDK
// v3 (JSON protocol), a few key cases through the query protocol (raw HTTP form POST + XML), and
// the basics through Debian's AWS CLI v2 (query protocol).
//
// Expectations come from AWS's documentation and AWS-recorded behaviour
// (SQS reference notes §1.7–1.8, LocalStack's AWS-validated tests in
// the project's shared conformance material).
//
// Time-dependent cases run against a server on a ManualClock (clock.advance) and never sleep;
// only long polling, which waits in real time, uses a second server on the system clock.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  type ReceiveMessageCommandInput,
  SendMessageBatchCommand,
  SendMessageCommand,
  type SendMessageCommandInput,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startTributary, type Tributary } from '../packages/server/src/index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const ACCOUNT = '000000000000';
const SEQUENCE_NUMBER = /^\d{20}$/;
const DEDUPLICATION_WINDOW_MS = 5 * 60_000;
const EXPIRED = (handle: string): string =>
  `Value ${handle} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.`;
const NEEDS_DEDUP_ID =
  'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly';
const NEEDS_GROUP_ID = 'The request must contain the parameter MessageGroupId.';

function client(endpoint: string): SQSClient {
  return new SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

interface Failure {
  /** The query error code (x-amzn-query-error), e.g. InvalidParameterValue. */
  code: string | undefined;
  /** What SDK v3 names the error: the modeled exception, else the code. */
  name: string;
  message: string;
  status: number | undefined;
}

async function failure(p: Promise<unknown>): Promise<Failure> {
  let value: unknown;
  try {
    value = await p;
  } catch (err) {
    const e = err as {
      name: string;
      Code?: string;
      message: string;
      $metadata?: { httpStatusCode?: number };
    };
    if (!e.$metadata) throw err;
    return { code: e.Code, name: e.name, message: e.message, status: e.$metadata.httpStatusCode };
  }
  throw new Error(`expected the call to fail, but it succeeded: ${JSON.stringify(value)}`);
}

let n = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${++n}`;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const bodies = (messages: Message[]): (string | undefined)[] => messages.map((m) => m.Body);

let t: Tributary;
let sqs: SQSClient;
const clock = new ManualClock(Date.UTC(2026, 0, 1));
/** On the system clock, for long polling. */
let live: Tributary;
let liveSqs: SQSClient;

beforeAll(async () => {
  t = await startTributary({ port: 0, clock });
  sqs = client(t.endpoint);
  live = await startTributary({ port: 0 });
  liveSqs = client(live.endpoint);
});

afterAll(async () => {
  sqs?.destroy();
  liveSqs?.destroy();
  await t?.stop();
  await live?.stop();
});

async function fifoQueue(
  attributes: Record<string, string> = {},
  on: SQSClient = sqs,
): Promise<string> {
  const name = `${unique('fifo')}.fifo`;
  const { QueueUrl } = await on.send(
    new CreateQueueCommand({ QueueName: name, Attributes: { FifoQueue: 'true', ...attributes } }),
  );
  expect(QueueUrl).toMatch(new RegExp(`/${ACCOUNT}/${name.replace('.', '\\.')}$`));
  return QueueUrl!;
}

async function send(
  QueueUrl: string,
  MessageBody: string,
  MessageGroupId: string,
  extra: Partial<SendMessageCommandInput> = {},
  on: SQSClient = sqs,
) {
  return on.send(new SendMessageCommand({ QueueUrl, MessageBody, MessageGroupId, ...extra }));
}

async function receive(
  QueueUrl: string,
  extra: Partial<ReceiveMessageCommandInput> = {},
  on: SQSClient = sqs,
): Promise<Message[]> {
  return (await on.send(new ReceiveMessageCommand({ QueueUrl, ...extra }))).Messages ?? [];
}

async function remove(QueueUrl: string, m: Message): Promise<void> {
  await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
}

async function attributes(QueueUrl: string, names: string[] = ['All']) {
  return (
    (
      await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl,
          AttributeNames: names as never,
        }),
      )
    ).Attributes ?? {}
  );
}

// ---------------------------------------------------------------------------------------------

describe('FIFO queue creation and attributes', () => {
  it('rejects FifoQueue=true on a name without the .fifo suffix with InvalidParameterValue', async () => {
    const err = await failure(
      sqs.send(
        new CreateQueueCommand({
          QueueName: unique('no-suffix'),
          Attributes: { FifoQueue: 'true' },
        }),
      ),
    );
    expect(err).toMatchObject({ code: 'InvalidParameterValue', status: 400 });
  });

  it('rejects a .fifo name without FifoQueue=true with InvalidParameterValue', async () => {
    const err = await failure(
      sqs.send(new CreateQueueCommand({ QueueName: `${unique('std')}.fifo` })),
    );
    expect(err).toMatchObject({ code: 'InvalidParameterValue', status: 400 });
  });

  it('creates a FIFO queue with FIFO defaults: no content deduplication, queue scope, per-queue throughput', async () => {
    const url = await fifoQueue();
    expect(await attributes(url)).toMatchObject({
      FifoQueue: 'true',
      ContentBasedDeduplication: 'false',
      DeduplicationScope: 'queue',
      FifoThroughputLimit: 'perQueue',
    });
  });

  it('creates a FIFO queue idempotently with the same attributes and refuses a different ContentBasedDeduplication', async () => {
    const name = `${unique('idem')}.fifo`;
    const attrs = { FifoQueue: 'true', ContentBasedDeduplication: 'true' };
    const a = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attrs }));
    const b = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attrs }));
    expect(b.QueueUrl).toBe(a.QueueUrl);
    const err = await failure(
      sqs.send(
        new CreateQueueCommand({
          QueueName: name,
          Attributes: { ...attrs, ContentBasedDeduplication: 'false' },
        }),
      ),
    );
    expect(err).toEqual({
      code: 'QueueAlreadyExists',
      name: 'QueueNameExists',
      status: 400,
      message:
        'A queue already exists with the same name and a different value for attribute ContentBasedDeduplication',
    });
  });

  it('refuses to turn a FIFO queue into a standard one with SetQueueAttributes FifoQueue=false, and the queue stays FIFO', async () => {
    const url = await fifoQueue();
    const err = await failure(
      sqs.send(
        new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { FifoQueue: 'false' } }),
      ),
    );
    expect(err).toEqual({
      code: 'InvalidAttributeValue',
      name: 'InvalidAttributeValue',
      status: 400,
      message:
        'Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.',
    });
    expect(await attributes(url, ['FifoQueue'])).toEqual({ FifoQueue: 'true' });
    const sent = await send(url, 'still fifo', 'g', { MessageDeduplicationId: 'd' });
    expect(sent.SequenceNumber).toMatch(SEQUENCE_NUMBER);
  });

  // AWS-validated (LocalStack test_set_unsupported_attribute_fifo): FifoQueue=true on a FIFO
  // queue changes nothing and succeeds.
  it(
    'accepts SetQueueAttributes FifoQueue=true on a FIFO queue (no change of type)',
    async () => {
      const url = await fifoQueue();
      const outcome = await sqs
        .send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { FifoQueue: 'true' } }))
        .then(
          () => 'accepted',
          (e: Error) => `${e.name}: ${e.message}`,
        );
      expect(outcome).toBe('accepted');
      expect(await attributes(url, ['FifoQueue'])).toEqual({ FifoQueue: 'true' });
    },
  );

  it('refuses FifoQueue=true on a standard queue with "Unknown Attribute FifoQueue."', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('std') }));
    const err = await failure(
      sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { FifoQueue: 'true' } })),
    );
    expect(err).toMatchObject({
      code: 'InvalidAttributeName',
      status: 400,
      message: 'Unknown Attribute FifoQueue.',
    });
  });
});

describe('FIFO sending requirements', () => {
  it('requires MessageGroupId on SendMessage (MissingParameter) and stores nothing', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    const err = await failure(
      sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'no group' })),
    );
    expect(err).toMatchObject({ code: 'MissingParameter', status: 400, message: NEEDS_GROUP_ID });
    expect(await attributes(url, ['ApproximateNumberOfMessages'])).toEqual({
      ApproximateNumberOfMessages: '0',
    });
  });

  it('fails a whole SendMessageBatch with InvalidParameterValue when one entry lacks MessageGroupId', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    const err = await failure(
      sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: [
            { Id: 'a', MessageBody: 'with group', MessageGroupId: 'g' },
            { Id: 'b', MessageBody: 'without group' },
          ],
        }),
      ),
    );
    expect(err).toMatchObject({
      code: 'InvalidParameterValue',
      status: 400,
      message: NEEDS_GROUP_ID,
    });
    expect(await receive(url, { MaxNumberOfMessages: 10 })).toEqual([]);
  });

  it('requires MessageDeduplicationId unless ContentBasedDeduplication is on, for SendMessage and SendMessageBatch', async () => {
    const url = await fifoQueue();
    const single = await failure(send(url, 'no dedup id', 'g'));
    expect(single).toMatchObject({
      code: 'InvalidParameterValue',
      status: 400,
      message: NEEDS_DEDUP_ID,
    });
    const batch = await failure(
      sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: [
            { Id: 'a', MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'd' },
            { Id: 'b', MessageBody: 'y', MessageGroupId: 'g' },
          ],
        }),
      ),
    );
    expect(batch).toMatchObject({
      code: 'InvalidParameterValue',
      status: 400,
      message: NEEDS_DEDUP_ID,
    });
    expect(await receive(url, { MaxNumberOfMessages: 10 })).toEqual([]);

    const cbd = await fifoQueue({ ContentBasedDeduplication: 'true' });
    const ok = await send(cbd, 'no dedup id needed', 'g');
    expect(ok.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(bodies(await receive(cbd))).toEqual(['no dedup id needed']);
  });

  it('rejects a non-zero per-message DelaySeconds with the AWS message and accepts DelaySeconds=0', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    const err = await failure(send(url, 'message-1', '1', { DelaySeconds: 2 }));
    expect(err).toMatchObject({
      code: 'InvalidParameterValue',
      status: 400,
      message:
        'Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.',
    });
    await send(url, 'zero delay', '1', { DelaySeconds: 0 });
    expect(bodies(await receive(url))).toEqual(['zero delay']);
  });

  it('delays every message by the queue DelaySeconds, then delivers them in order', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true', DelaySeconds: '2' });
    for (const body of ['message-1', 'message-2', 'message-3']) await send(url, body, '1');
    expect(await attributes(url, ['ApproximateNumberOfMessagesDelayed'])).toEqual({
      ApproximateNumberOfMessagesDelayed: '3',
    });
    expect(await receive(url, { MaxNumberOfMessages: 3 })).toEqual([]);
    clock.advance(1_999);
    expect(await receive(url, { MaxNumberOfMessages: 3 })).toEqual([]);
    clock.advance(1);
    expect(bodies(await receive(url, { MaxNumberOfMessages: 3 }))).toEqual([
      'message-1',
      'message-2',
      'message-3',
    ]);
  });

  // AWS-recorded (LocalStack test_fifo_queue_send_message_with_zero_delay_defaults_to_queue_delay,
  // validated 2025-07-31): on a FIFO queue an explicit DelaySeconds=0 does not override the queue's
  // delay.
  it('keeps the queue delay for a message sent with an explicit DelaySeconds=0', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true', DelaySeconds: '2' });
    await send(url, 'message-1', '1', { DelaySeconds: 0 });
    expect(await receive(url)).toEqual([]);
    clock.advance(2_000);
    expect(bodies(await receive(url))).toEqual(['message-1']);
  });
});

describe('FIFO deduplication', () => {
  it('accepts a duplicate within the window with the ORIGINAL MessageId and does not enqueue it', async () => {
    const url = await fifoQueue();
    const first = await send(url, 'first', 'g', { MessageDeduplicationId: 'd1' });
    const dup = await send(url, 'second', 'g', { MessageDeduplicationId: 'd1' });
    expect(dup.MessageId).toBe(first.MessageId);
    const got = await receive(url, { MaxNumberOfMessages: 10 });
    expect(got.map((m) => [m.MessageId, m.Body])).toEqual([[first.MessageId, 'first']]);
  });

  it('still treats the id as a duplicate after the original was received and deleted', async () => {
    const url = await fifoQueue();
    const first = await send(url, '{"foo": "bar"}', 'group-1', {
      MessageDeduplicationId: 'dedup1',
    });
    const [m] = await receive(url);
    expect(m?.MessageId).toBe(first.MessageId);
    await remove(url, m!);
    const again = await send(url, '{"foo": "bar"}', 'group-1', {
      MessageDeduplicationId: 'dedup1',
    });
    expect(again.MessageId).toBe(first.MessageId);
    expect(await receive(url, { MaxNumberOfMessages: 10 })).toEqual([]);
  });

  it('forgets a deduplication id once the five-minute window has passed', async () => {
    const url = await fifoQueue();
    const first = await send(url, 'first', 'g', { MessageDeduplicationId: 'd1' });
    await remove(url, (await receive(url))[0]!);
    clock.advance(DEDUPLICATION_WINDOW_MS - 1_000);
    expect((await send(url, 'inside', 'g', { MessageDeduplicationId: 'd1' })).MessageId).toBe(
      first.MessageId,
    );
    clock.advance(1_000);
    const later = await send(url, 'after the window', 'g', { MessageDeduplicationId: 'd1' });
    expect(later.MessageId).not.toBe(first.MessageId);
    expect(bodies(await receive(url, { MaxNumberOfMessages: 10 }))).toEqual(['after the window']);
  });

  it('with ContentBasedDeduplication deduplicates by body, and an explicit MessageDeduplicationId overrides the body hash', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    const a = await send(url, '{"foo": "bar"}', 'group-1');
    const sameBody = await send(url, '{"foo": "bar"}', 'group-1');
    const otherBody = await send(url, '{"foo": "baz"}', 'group-1');
    expect(sameBody.MessageId).toBe(a.MessageId);
    expect(otherBody.MessageId).not.toBe(a.MessageId);
    const explicit = await send(url, '{"foo": "bar"}', 'group-1', { MessageDeduplicationId: 'x' });
    expect(explicit.MessageId).not.toBe(a.MessageId);
    const got = await receive(url, {
      MaxNumberOfMessages: 10,
      MessageSystemAttributeNames: ['MessageDeduplicationId'],
    });
    expect(got.map((m) => [m.Body, m.Attributes?.MessageDeduplicationId])).toEqual([
      // AWS documents the generated id as the SHA-256 hash of the body.
      ['{"foo": "bar"}', sha256('{"foo": "bar"}')],
      ['{"foo": "baz"}', sha256('{"foo": "baz"}')],
      ['{"foo": "bar"}', 'x'],
    ]);
  });

  it('with the default queue scope deduplicates one id across message groups', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'False' });
    const first = await send(url, 'Test', 'group1', { MessageDeduplicationId: 'same-dedup' });
    await remove(url, (await receive(url))[0]!);
    const other = await send(url, 'Test', 'group2', { MessageDeduplicationId: 'same-dedup' });
    expect(other.MessageId).toBe(first.MessageId);
    expect(await receive(url, { MaxNumberOfMessages: 10 })).toEqual([]);
  });

  it('with DeduplicationScope=messageGroup deduplicates per (group, id): the same id in another group is a new message', async () => {
    const url = await fifoQueue({ DeduplicationScope: 'messageGroup' });
    const g1 = await send(url, 'Test1', 'group1', { MessageDeduplicationId: 'same-dedup' });
    const g2 = await send(url, 'Test2', 'group2', { MessageDeduplicationId: 'same-dedup' });
    const g1again = await send(url, 'Test3', 'group1', { MessageDeduplicationId: 'same-dedup' });
    expect(g2.MessageId).not.toBe(g1.MessageId);
    expect(g1again.MessageId).toBe(g1.MessageId);
    const got = await receive(url, { MaxNumberOfMessages: 10 });
    expect(got.map((m) => [m.MessageId, m.Body])).toEqual([
      [g1.MessageId, 'Test1'],
      [g2.MessageId, 'Test2'],
    ]);
  });

  it('with DeduplicationScope=messageGroup and content-based deduplication, the same body in another group is a new message', async () => {
    const url = await fifoQueue({
      ContentBasedDeduplication: 'True',
      DeduplicationScope: 'messageGroup',
    });
    await send(url, 'Test', 'group1');
    await remove(url, (await receive(url))[0]!);
    await send(url, 'Test', 'group2');
    const got = await receive(url, { MessageSystemAttributeNames: ['MessageGroupId'] });
    expect(got.map((m) => [m.Body, m.Attributes?.MessageGroupId])).toEqual([['Test', 'group2']]);
  });

  it('PurgeQueue clears the deduplication history', async () => {
    const url = await fifoQueue();
    const first = await send(url, 'message-1', 'g', { MessageDeduplicationId: 'dedup' });
    await sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
    const second = await send(url, 'message-2', 'g', { MessageDeduplicationId: 'dedup' });
    expect(second.MessageId).not.toBe(first.MessageId);
    const got = await receive(url, { MaxNumberOfMessages: 10 });
    expect(got.map((m) => [m.MessageId, m.Body])).toEqual([[second.MessageId, 'message-2']]);
  });
});

describe('FIFO sequence numbers and system attributes', () => {
  it('returns a 20-digit SequenceNumber from SendMessage that increases with each message; standard queues return none', async () => {
    const url = await fifoQueue();
    const seqs: bigint[] = [];
    for (const i of [1, 2, 3]) {
      const r = await send(url, `message-${i}`, 'group', { MessageDeduplicationId: `m${i}` });
      expect(r.SequenceNumber).toMatch(SEQUENCE_NUMBER);
      seqs.push(BigInt(r.SequenceNumber!));
    }
    expect(seqs[0]! < seqs[1]! && seqs[1]! < seqs[2]!).toBe(true);

    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('std') }));
    const standard = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
    expect(standard.SequenceNumber).toBeUndefined();
  });

  it('returns a SequenceNumber per SendMessageBatch entry, increasing in entry order and after earlier sends', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    const before = BigInt((await send(url, 'before', 'g')).SequenceNumber!);
    const result = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: ['x', 'y', 'z'].map((body, i) => ({
          Id: `e${2 - i}`,
          MessageBody: body,
          MessageGroupId: i === 1 ? 'other' : 'g',
        })),
      }),
    );
    expect(result.Failed ?? []).toEqual([]);
    expect(result.Successful!.map((s) => s.Id)).toEqual(['e2', 'e1', 'e0']);
    const seqs = result.Successful!.map((s) => {
      expect(s.SequenceNumber).toMatch(SEQUENCE_NUMBER);
      return BigInt(s.SequenceNumber!);
    });
    expect(before < seqs[0]! && seqs[0]! < seqs[1]! && seqs[1]! < seqs[2]!).toBe(true);
  });

  it('reports SequenceNumber, MessageGroupId and MessageDeduplicationId on receive, matching the send', async () => {
    const url = await fifoQueue({ VisibilityTimeout: '0' });
    const sent = await send(url, 'message-body-1', 'group-1', {
      MessageDeduplicationId: 'dedup-1',
    });
    const [first] = await receive(url, { MessageSystemAttributeNames: ['All'] });
    expect(first!.MessageId).toBe(sent.MessageId);
    expect(Object.keys(first!.Attributes!).sort()).toEqual([
      'ApproximateFirstReceiveTimestamp',
      'ApproximateReceiveCount',
      'MessageDeduplicationId',
      'MessageGroupId',
      'SenderId',
      'SentTimestamp',
      'SequenceNumber',
    ]);
    expect(first!.Attributes).toMatchObject({
      ApproximateReceiveCount: '1',
      MessageDeduplicationId: 'dedup-1',
      MessageGroupId: 'group-1',
      SequenceNumber: sent.SequenceNumber,
    });
    // The deprecated AttributeNames parameter selects the same attributes, by name (the SDK types
    // it as queue attribute names, but SQS takes message system attribute names there).
    const [second] = await receive(url, {
      AttributeNames: [
        'SequenceNumber',
        'MessageGroupId',
        'ApproximateReceiveCount',
      ] as unknown as ReceiveMessageCommandInput['AttributeNames'],
    });
    expect(second!.ReceiptHandle).not.toBe(first!.ReceiptHandle);
    expect(second!.Attributes).toEqual({
      ApproximateReceiveCount: '2',
      MessageGroupId: 'group-1',
      SequenceNumber: sent.SequenceNumber,
    });
  });
});

describe('FIFO ordering and message-group locking', () => {
  it('delivers the messages of a group in the order they were sent', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    const sent = ['m0', 'm1', 'm2', 'm3', 'm4'];
    for (const body of sent) await send(url, body, 'g');
    const one: string[] = [];
    for (let i = 0; i < sent.length; i++) {
      const [m] = await receive(url);
      one.push(m!.Body!);
      await remove(url, m!);
    }
    expect(one).toEqual(sent);
  });

  it('enqueues SendMessageBatch entries in entry order', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    const entries = Array.from({ length: 10 }, (_, i) => ({
      Id: `id-${9 - i}`,
      MessageBody: `b${i}`,
      MessageGroupId: 'g',
    }));
    const result = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
    const got = await receive(url, {
      MaxNumberOfMessages: 10,
      MessageSystemAttributeNames: ['SequenceNumber'],
    });
    expect(bodies(got)).toEqual(entries.map((e) => e.MessageBody));
    expect(got.map((m) => m.Attributes?.SequenceNumber)).toEqual(
      result.Successful!.map((s) => s.SequenceNumber),
    );
  });

  it('delivers nothing more of a group while one of its messages is in flight, while other groups keep flowing', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    await send(url, 'g1-a', 'g1');
    await send(url, 'g1-b', 'g1');
    await send(url, 'g2-a', 'g2');
    expect(bodies(await receive(url))).toEqual(['g1-a']);
    expect(bodies(await receive(url, { MaxNumberOfMessages: 10 }))).toEqual(['g2-a']);
    expect(await receive(url, { MaxNumberOfMessages: 10 })).toEqual([]);
    // A new message for the locked group does not unlock it.
    await send(url, 'g1-c', 'g1');
    expect(await receive(url, { MaxNumberOfMessages: 10 })).toEqual([]);
    expect(
      await attributes(url, [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
      ]),
    ).toEqual({
      ApproximateNumberOfMessages: '2',
      ApproximateNumberOfMessagesNotVisible: '2',
    });
  });

  it('releases the group when its in-flight message is deleted', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    await send(url, 'first', 'g');
    await send(url, 'second', 'g');
    await send(url, 'third', 'g');
    const [m] = await receive(url);
    expect(await receive(url)).toEqual([]);
    await remove(url, m!);
    expect(bodies(await receive(url, { MaxNumberOfMessages: 10 }))).toEqual(['second', 'third']);
  });

  it('releases the group when ChangeMessageVisibility sets its in-flight message to 0, which comes back first', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    await send(url, 'first', 'g');
    await send(url, 'second', 'g');
    const [m] = await receive(url);
    expect(await receive(url)).toEqual([]);
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: m!.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    const again = await receive(url, { MessageSystemAttributeNames: ['ApproximateReceiveCount'] });
    expect(again.map((x) => [x.Body, x.Attributes?.ApproximateReceiveCount])).toEqual([
      ['first', '2'],
    ]);
  });

  it('releases the group when the visibility timeout runs out, keeping the order', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true', VisibilityTimeout: '30' });
    for (const body of ['message-0', 'message-1', 'message-2']) await send(url, body, '1');
    expect(bodies(await receive(url))).toEqual(['message-0']);
    clock.advance(29_000);
    expect(await receive(url, { MaxNumberOfMessages: 10 })).toEqual([]);
    clock.advance(1_000);
    expect(bodies(await receive(url, { MaxNumberOfMessages: 10 }))).toEqual([
      'message-0',
      'message-1',
      'message-2',
    ]);
  });

  it('fills a receive from one group first, in order, before the next group', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    await send(url, 'g1-m1', 'group-1');
    await send(url, 'g2-m1', 'group-2');
    await send(url, 'g1-m2', 'group-1');
    await send(url, 'g1-m3', 'group-1');
    expect(bodies(await receive(url, { MaxNumberOfMessages: 10 }))).toEqual([
      'g1-m1',
      'g1-m2',
      'g1-m3',
      'g2-m1',
    ]);
  });

  it('locks the whole group when part of it was received, and keeps it locked after a partial delete (AWS-validated orderings)', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    const sends: [string, string][] = [
      ['g1-m1', 'group-1'],
      ['g2-m1', 'group-2'],
      ['g1-m2', 'group-1'],
      ['g2-m2', 'group-2'],
      ['g1-m2', 'group-1'], // a duplicate body: content-deduplicated
      ['g1-m3', 'group-1'],
      ['g1-m4', 'group-1'],
      ['g3-m1', 'group-3'],
    ];
    for (const [body, group] of sends) await send(url, body, group);
    const two = await receive(url, { MaxNumberOfMessages: 2 });
    expect(bodies(two)).toEqual(['g1-m1', 'g1-m2']);
    await remove(url, two[0]!);
    expect(bodies(await receive(url, { MaxNumberOfMessages: 10 }))).toEqual([
      'g2-m1',
      'g2-m2',
      'g3-m1',
    ]);
  });

  it('keeps a group back while its first message is in flight, even when later messages are visible again', async () => {
    const url = await fifoQueue({ VisibilityTimeout: '1' });
    for (const body of ['foo', 'bar', 'baz']) {
      await send(url, body, '1', { MessageDeduplicationId: body });
    }
    const all = await receive(url, { MaxNumberOfMessages: 5 });
    expect(bodies(all)).toEqual(['foo', 'bar', 'baz']);
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: all[0]!.ReceiptHandle,
        VisibilityTimeout: 4,
      }),
    );
    clock.advance(2_500);
    expect(await receive(url, { MaxNumberOfMessages: 5 })).toEqual([]);
  });

  // AWS-recorded (LocalStack test_fifo_group_visibility_extends_with_change_message_visibility
  // [1-visible], validated 2025-11-19): a group delivers its visible messages up to the first one
  // still in flight.
  it('delivers the visible head of a group up to its first in-flight message', async () => {
    const url = await fifoQueue({ VisibilityTimeout: '1' });
    for (const body of ['foo', 'bar', 'baz']) {
      await send(url, body, '1', { MessageDeduplicationId: body });
    }
    const all = await receive(url, { MaxNumberOfMessages: 5 });
    expect(bodies(all)).toEqual(['foo', 'bar', 'baz']);
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: all[1]!.ReceiptHandle,
        VisibilityTimeout: 4,
      }),
    );
    clock.advance(2_500);
    expect(bodies(await receive(url, { MaxNumberOfMessages: 5 }))).toEqual(['foo']);
  });

  // AWS-recorded (LocalStack test_fifo_message_group_visibility_after_terminate_visibility_timeout):
  // after receiving g1-m1 and g1-m2 and setting g1-m1's visibility to 0, a receive returns g2-m1
  // and g1-m1 (AWS recorded them in that order; the order between groups is not guaranteed).
  it(
    'makes a message whose visibility was set to 0 receivable again while a later message of its group is in flight',
    async () => {
      const url = await fifoQueue({ ContentBasedDeduplication: 'true', VisibilityTimeout: '30' });
      await send(url, 'g1-m1', 'group-1');
      await send(url, 'g1-m2', 'group-1');
      await send(url, 'g2-m1', 'group-2');
      const two = await receive(url, { MaxNumberOfMessages: 2 });
      expect(bodies(two)).toEqual(['g1-m1', 'g1-m2']);
      await sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: url,
          ReceiptHandle: two[0]!.ReceiptHandle,
          VisibilityTimeout: 0,
        }),
      );
      const got = bodies(await receive(url, { MaxNumberOfMessages: 3 }));
      expect(got.sort()).toEqual(['g1-m1', 'g2-m1']);
    },
  );

  it('counts only the messages not held by in-flight groups as available', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    for (const [body, group] of [
      ['g1-m1', '1'],
      ['g1-m2', '1'],
      ['g1-m3', '1'],
      ['g2-m1', '2'],
      ['g3-m1', '3'],
    ]) {
      await send(url, body!, group!);
    }
    expect(await attributes(url, ['ApproximateNumberOfMessages'])).toEqual({
      ApproximateNumberOfMessages: '5',
    });
    const got = await receive(url, { MaxNumberOfMessages: 4 });
    expect(bodies(got)).toEqual(['g1-m1', 'g1-m2', 'g1-m3', 'g2-m1']);
    expect(await attributes(url, ['ApproximateNumberOfMessages'])).toEqual({
      ApproximateNumberOfMessages: '1',
    });
    for (const m of got) await remove(url, m);
    expect(await attributes(url, ['ApproximateNumberOfMessages'])).toEqual({
      ApproximateNumberOfMessages: '1',
    });
  });
});

describe('FIFO ReceiveRequestAttemptId', () => {
  it('a retry with the same attempt id returns the same messages and receipt handles; a different id does not', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    await send(url, 'g1-a', 'g1');
    await send(url, 'g1-b', 'g1');
    await send(url, 'g2-a', 'g2');
    const first = await receive(url, {
      MaxNumberOfMessages: 1,
      ReceiveRequestAttemptId: 'attempt-1',
    });
    expect(bodies(first)).toEqual(['g1-a']);
    const retry = await receive(url, {
      MaxNumberOfMessages: 1,
      ReceiveRequestAttemptId: 'attempt-1',
    });
    expect(retry.map((m) => [m.MessageId, m.ReceiptHandle])).toEqual(
      first.map((m) => [m.MessageId, m.ReceiptHandle]),
    );
    const other = await receive(url, {
      MaxNumberOfMessages: 1,
      ReceiveRequestAttemptId: 'attempt-2',
    });
    expect(bodies(other)).toEqual(['g2-a']);
    expect(other[0]!.MessageId).not.toBe(first[0]!.MessageId);
    // The replayed handle is the live one: it deletes, and releases the group.
    await remove(url, retry[0]!);
    expect(bodies(await receive(url, { MaxNumberOfMessages: 10 }))).toEqual(['g1-b']);
  });

  it('a retry with the same attempt id restarts the visibility timeout of the messages it returns', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true', VisibilityTimeout: '30' });
    await send(url, 'only', 'g');
    const first = await receive(url, { ReceiveRequestAttemptId: 'r' });
    clock.advance(20_000);
    const retry = await receive(url, { ReceiveRequestAttemptId: 'r' });
    expect(retry[0]!.ReceiptHandle).toBe(first[0]!.ReceiptHandle);
    clock.advance(20_000); // 40 s after the first receive, 20 s after the retry
    expect(await receive(url)).toEqual([]);
    clock.advance(10_000);
    expect(bodies(await receive(url))).toEqual(['only']);
  });
});

describe('FIFO expired receipt handles', () => {
  it('refuses DeleteMessage and ChangeMessageVisibility with a handle whose visibility ran out: "The receipt handle has expired."', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true', VisibilityTimeout: '30' });
    await send(url, 'foobar', '1');
    const [m] = await receive(url);
    const handle = m!.ReceiptHandle!;
    clock.advance(30_000);
    const expected = { code: 'InvalidParameterValue', status: 400, message: EXPIRED(handle) };
    expect(await failure(remove(url, m!))).toMatchObject(expected);
    expect(
      await failure(
        sqs.send(
          new ChangeMessageVisibilityCommand({
            QueueUrl: url,
            ReceiptHandle: handle,
            VisibilityTimeout: 10,
          }),
        ),
      ),
    ).toMatchObject(expected);
    // The message was neither deleted nor hidden again.
    expect(bodies(await receive(url))).toEqual(['foobar']);
  });

  it('refuses the old handle of a message that was received again, while the new handle deletes it', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true', VisibilityTimeout: '30' });
    await send(url, 'foobar', '1');
    const [old] = await receive(url);
    clock.advance(31_000);
    const [current] = await receive(url);
    expect(current!.MessageId).toBe(old!.MessageId);
    expect(current!.ReceiptHandle).not.toBe(old!.ReceiptHandle);
    const expected = {
      code: 'InvalidParameterValue',
      status: 400,
      message: EXPIRED(old!.ReceiptHandle!),
    };
    expect(await failure(remove(url, old!))).toMatchObject(expected);
    expect(
      await failure(
        sqs.send(
          new ChangeMessageVisibilityCommand({
            QueueUrl: url,
            ReceiptHandle: old!.ReceiptHandle,
            VisibilityTimeout: 0,
          }),
        ),
      ),
    ).toMatchObject(expected);
    await remove(url, current!);
    clock.advance(31_000);
    expect(await receive(url)).toEqual([]);
  });

  it('accepts a handle whose visibility was extended before it ran out', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'True', VisibilityTimeout: '1' });
    await send(url, 'foobar', '1');
    const [m] = await receive(url);
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: m!.ReceiptHandle,
        VisibilityTimeout: 5,
      }),
    );
    clock.advance(1_500);
    await remove(url, m!);
    clock.advance(5_000);
    expect(await receive(url)).toEqual([]);
  });
});

describe('FIFO high throughput', () => {
  it('accepts FifoThroughputLimit=perMessageGroupId with DeduplicationScope=messageGroup at creation and deduplicates per group', async () => {
    const url = await fifoQueue({
      ContentBasedDeduplication: 'False',
      DeduplicationScope: 'messageGroup',
      FifoThroughputLimit: 'perMessageGroupId',
    });
    expect(await attributes(url, ['DeduplicationScope', 'FifoThroughputLimit'])).toEqual({
      DeduplicationScope: 'messageGroup',
      FifoThroughputLimit: 'perMessageGroupId',
    });
    await send(url, 'Test1', 'group1', { MessageDeduplicationId: 'same-dedup' });
    await remove(url, (await receive(url))[0]!);
    await send(url, 'Test2', 'group2', { MessageDeduplicationId: 'same-dedup' });
    expect(bodies(await receive(url))).toEqual(['Test2']);
  });

  it('rejects FifoThroughputLimit=perMessageGroupId with the queue deduplication scope', async () => {
    const err = await failure(
      sqs.send(
        new CreateQueueCommand({
          QueueName: `${unique('ht')}.fifo`,
          Attributes: {
            FifoQueue: 'true',
            DeduplicationScope: 'queue',
            FifoThroughputLimit: 'perMessageGroupId',
          },
        }),
      ),
    );
    expect(err.status).toBe(400);
  });

  it('switches high throughput on after creation, and back off again', async () => {
    const url = await fifoQueue({
      ContentBasedDeduplication: 'False',
      DeduplicationScope: 'queue',
    });
    await sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: url,
        Attributes: {
          DeduplicationScope: 'messageGroup',
          FifoThroughputLimit: 'perMessageGroupId',
        },
      }),
    );
    expect(await attributes(url)).toMatchObject({
      ContentBasedDeduplication: 'false',
      DeduplicationScope: 'messageGroup',
      FifoQueue: 'true',
      FifoThroughputLimit: 'perMessageGroupId',
    });
    await sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: url,
        Attributes: { DeduplicationScope: 'queue', FifoThroughputLimit: 'perQueue' },
      }),
    );
    expect(await attributes(url, ['DeduplicationScope', 'FifoThroughputLimit'])).toEqual({
      DeduplicationScope: 'queue',
      FifoThroughputLimit: 'perQueue',
    });
  });
});

describe('FIFO long polling (system clock)', () => {
  it('a long poll blocked by an in-flight group returns the next message of that group as soon as the in-flight one is deleted', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' }, liveSqs);
    await send(url, 'first', 'g', {}, liveSqs);
    await send(url, 'second', 'g', {}, liveSqs);
    const [m] = await receive(url, {}, liveSqs);
    expect(m!.Body).toBe('first');

    let settled = false;
    const poll = receive(url, { WaitTimeSeconds: 10 }, liveSqs).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    const deletedAt = performance.now();
    await liveSqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle }),
    );
    expect(bodies(await poll)).toEqual(['second']);
    expect(performance.now() - deletedAt).toBeLessThan(3_000);
  });

  it('a long poll blocked by an in-flight group is answered by a send to another group', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' }, liveSqs);
    await send(url, 'g1-a', 'g1', {}, liveSqs);
    await send(url, 'g1-b', 'g1', {}, liveSqs);
    await receive(url, {}, liveSqs);
    const started = performance.now();
    const poll = receive(url, { WaitTimeSeconds: 10, MaxNumberOfMessages: 10 }, liveSqs);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await send(url, 'g2-a', 'g2', {}, liveSqs);
    expect(bodies(await poll)).toEqual(['g2-a']);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

// ---------------------------------------------------------------------------------------------
// The query protocol, by raw HTTP: form POST in, XML out.

const xml = new XMLParser({
  ignoreDeclaration: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML is read loosely
type Doc = Record<string, any>;

async function query(
  action: string,
  params: Record<string, string>,
): Promise<{ status: number; doc: Doc; text: string }> {
  const body = new URLSearchParams({ Action: action, Version: '2012-11-05', ...params });
  const res = await fetch(`${t.endpoint}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  const text = await res.text();
  return { status: res.status, doc: xml.parse(text) as Doc, text };
}

function list<T>(v: T | T[] | undefined): T[] {
  if (v === undefined || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

describe('FIFO through the query protocol (raw HTTP)', () => {
  it('SendMessage returns MessageId and a 20-digit SequenceNumber; a duplicate returns the original MessageId', async () => {
    const url = await fifoQueue();
    const params = {
      QueueUrl: url,
      MessageBody: 'hello',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'd',
    };
    const first = await query('SendMessage', params);
    expect(first.status).toBe(200);
    const r1 = first.doc.SendMessageResponse.SendMessageResult as Doc;
    expect(r1.SequenceNumber).toMatch(SEQUENCE_NUMBER);
    expect(r1.MD5OfMessageBody).toBe(createHash('md5').update('hello').digest('hex'));
    const dup = await query('SendMessage', { ...params, MessageBody: 'hello again' });
    expect(dup.status).toBe(200);
    expect(dup.doc.SendMessageResponse.SendMessageResult.MessageId).toBe(r1.MessageId);
    expect(bodies(await receive(url, { MaxNumberOfMessages: 10 }))).toEqual(['hello']);
  });

  it('SendMessage without MessageGroupId fails with an ErrorResponse: Sender, MissingParameter', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    const { status, doc } = await query('SendMessage', { QueueUrl: url, MessageBody: 'x' });
    expect(status).toBe(400);
    expect(doc.ErrorResponse.Error).toMatchObject({
      Type: 'Sender',
      Code: 'MissingParameter',
      Message: NEEDS_GROUP_ID,
    });
    expect(doc.ErrorResponse.RequestId).toMatch(/^\S+$/);
  });

  it('SendMessageBatch returns a SequenceNumber per entry, increasing in entry order', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true' });
    const { status, doc } = await query('SendMessageBatch', {
      QueueUrl: url,
      'SendMessageBatchRequestEntry.1.Id': 'second-id',
      'SendMessageBatchRequestEntry.1.MessageBody': 'one',
      'SendMessageBatchRequestEntry.1.MessageGroupId': 'g',
      'SendMessageBatchRequestEntry.2.Id': 'first-id',
      'SendMessageBatchRequestEntry.2.MessageBody': 'two',
      'SendMessageBatchRequestEntry.2.MessageGroupId': 'g',
    });
    expect(status).toBe(200);
    const entries = list<Doc>(
      doc.SendMessageBatchResponse.SendMessageBatchResult.SendMessageBatchResultEntry,
    );
    expect(entries.map((e) => e.Id)).toEqual(['second-id', 'first-id']);
    for (const e of entries) expect(e.SequenceNumber).toMatch(SEQUENCE_NUMBER);
    expect(
      BigInt(entries[0]!.SequenceNumber as string) < BigInt(entries[1]!.SequenceNumber as string),
    ).toBe(true);
    expect(bodies(await receive(url, { MaxNumberOfMessages: 10 }))).toEqual(['one', 'two']);
  });

  it('ReceiveMessage with AttributeName.1=All reports SequenceNumber, MessageGroupId and MessageDeduplicationId', async () => {
    const url = await fifoQueue();
    const sent = await send(url, 'body', 'group-q', { MessageDeduplicationId: 'dedup-q' });
    const { status, doc } = await query('ReceiveMessage', {
      QueueUrl: url,
      'AttributeName.1': 'All',
    });
    expect(status).toBe(200);
    const messages = list<Doc>(doc.ReceiveMessageResponse.ReceiveMessageResult.Message);
    expect(messages).toHaveLength(1);
    const attrs = Object.fromEntries(
      list<Doc>(messages[0]!.Attribute).map((a) => [a.Name, a.Value]),
    );
    expect(attrs).toMatchObject({
      SequenceNumber: sent.SequenceNumber,
      MessageGroupId: 'group-q',
      MessageDeduplicationId: 'dedup-q',
      ApproximateReceiveCount: '1',
    });
  });

  it('DeleteMessage with an expired handle fails with InvalidParameterValue naming the handle', async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: 'true', VisibilityTimeout: '5' });
    await send(url, 'x', 'g');
    const [m] = await receive(url);
    clock.advance(5_000);
    const { status, doc } = await query('DeleteMessage', {
      QueueUrl: url,
      ReceiptHandle: m!.ReceiptHandle!,
    });
    expect(status).toBe(400);
    expect(doc.ErrorResponse.Error).toMatchObject({
      Type: 'Sender',
      Code: 'InvalidParameterValue',
      Message: EXPIRED(m!.ReceiptHandle!),
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Debian's AWS CLI v2 (2.9.19 speaks the query protocol to SQS).

const AWS_CLI = '/usr/bin/aws';
const cliMissing = !existsSync(AWS_CLI);
const inCi = process.env.CI === 'true';
if (cliMissing && !inCi) {
  console.warn(`[sqs-fifo] skipping the AWS CLI tests: ${AWS_CLI} is not installed`);
}

const run = promisify(execFile);

async function aws(...args: string[]): Promise<Doc> {
  const { stdout } = await run(
    AWS_CLI,
    ['--endpoint-url', live.endpoint, '--output', 'json', 'sqs', ...args],
    {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_PAGER: '',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
      timeout: 60_000,
    },
  );
  return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Doc);
}

describe.skipIf(cliMissing && !inCi)('FIFO through the AWS CLI (query protocol)', () => {
  beforeAll(() => {
    if (cliMissing) throw new Error(`${AWS_CLI} is required when CI=true`);
  });

  it('creates a content-deduplicated FIFO queue, sends with --message-group-id, gets the same MessageId for a duplicate, and receives SequenceNumber', async () => {
    const name = `${unique('cli')}.fifo`;
    const { QueueUrl } = await aws(
      'create-queue',
      '--queue-name',
      name,
      '--attributes',
      'FifoQueue=true,ContentBasedDeduplication=true',
    );
    expect(QueueUrl).toBe(`${live.endpoint}/${ACCOUNT}/${name}`);
    const attrs = await aws(
      'get-queue-attributes',
      '--queue-url',
      QueueUrl,
      '--attribute-names',
      'All',
    );
    expect(attrs.Attributes).toMatchObject({
      FifoQueue: 'true',
      ContentBasedDeduplication: 'true',
    });

    const sent = await aws(
      'send-message',
      '--queue-url',
      QueueUrl,
      '--message-body',
      'hello cli',
      '--message-group-id',
      'g1',
    );
    expect(sent.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.SequenceNumber).toMatch(SEQUENCE_NUMBER);
    const dup = await aws(
      'send-message',
      '--queue-url',
      QueueUrl,
      '--message-body',
      'hello cli',
      '--message-group-id',
      'g1',
    );
    expect(dup.MessageId).toBe(sent.MessageId);

    const got = await aws(
      'receive-message',
      '--queue-url',
      QueueUrl,
      '--attribute-names',
      'All',
      '--max-number-of-messages',
      '10',
    );
    expect(got.Messages).toHaveLength(1);
    expect(got.Messages[0]).toMatchObject({ MessageId: sent.MessageId, Body: 'hello cli' });
    expect(got.Messages[0].Attributes).toMatchObject({
      SequenceNumber: sent.SequenceNumber,
      MessageGroupId: 'g1',
      MessageDeduplicationId: sha256('hello cli'),
    });
  }, 120_000);

  it('reports the missing --message-group-id as MissingParameter', async () => {
    const { QueueUrl } = await aws(
      'create-queue',
      '--queue-name',
      `${unique('cli')}.fifo`,
      '--attributes',
      'FifoQueue=true,ContentBasedDeduplication=true',
    );
    const err = await aws('send-message', '--queue-url', QueueUrl, '--message-body', 'x').then(
      () => undefined,
      (e: unknown) => e as { code?: number; stderr?: string },
    );
    expect(err?.code).toBe(254);
    expect(err?.stderr).toContain('(MissingParameter)');
    expect(err?.stderr).toContain(NEEDS_GROUP_ID);
  }, 120_000);
});
