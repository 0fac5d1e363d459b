// SQS's limits on messages in flight, through the SDK v3 (JSON protocol) and boto3 (query
// protocol): the quota on messages in flight per queue (OverLimit on a standard queue, nothing
// handed out on a FIFO queue) and the 12 hours a message may stay invisible after a receive.
// The servers run with a small `sqs.inFlightLimit` so the quota is reached with a few messages.
import { fileURLToPath } from 'node:url';
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startTributary, type Tributary } from '../packages/server/src/index.js';
import { detectBoto3, requireClient, runPythonJson } from './support/clients.js';
import { failure } from './support/sqs-support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const LIMIT = 3;


let n = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${n++}`;

describe('SQS in-flight quota and visibility limit through the SDK v3', () => {
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  let t: Tributary;
  let sqs: SQSClient;
  beforeAll(async () => {
    t = await startTributary({ port: 0, clock, sqs: { inFlightLimit: LIMIT } });
    sqs = new SQSClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });
  afterAll(async () => {
    sqs.destroy();
    await t.stop();
  });

  const queueWith = async (count: number, attributes?: Record<string, string>) => {
    const fifo = attributes?.FifoQueue === 'true';
    const QueueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: unique('limits') + (fifo ? '.fifo' : ''), Attributes: attributes }))).QueueUrl!;
    const Entries = Array.from({ length: count }, (_, i) => ({ Id: `e${i}`, MessageBody: `m${i}`, ...(fifo ? { MessageGroupId: `g${i}` } : {}) }));
    await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries }));
    return QueueUrl;
  };
  const receive = async (QueueUrl: string, max: number, VisibilityTimeout?: number) =>
    (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: max, VisibilityTimeout }))).Messages ?? [];
  const notVisible = async (QueueUrl: string) =>
    (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessagesNotVisible'] }))).Attributes!
      .ApproximateNumberOfMessagesNotVisible;

  it('refuses a standard queue receive with OverLimit (403) once the quota of messages is in flight, and leaves the rest stored', async () => {
    const url = await queueWith(5);
    expect(await receive(url, LIMIT)).toHaveLength(LIMIT);
    const err = await failure(sqs.send(new ReceiveMessageCommand({ QueueUrl: url })));
    expect(err).toMatchObject({ name: 'OverLimit', code: 'OverLimit', status: 403 });
    expect(err.message).toBe(
      'Too many messages have been received without being deleted. Please delete your received messages or let them timeout before receiving more.',
    );
    expect(await notVisible(url)).toBe(String(LIMIT));
  });

  it('receives again once a delete has brought the count below the quota', async () => {
    const url = await queueWith(5);
    const [first] = await receive(url, LIMIT);
    expect((await failure(sqs.send(new ReceiveMessageCommand({ QueueUrl: url })))).name).toBe('OverLimit');
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first!.ReceiptHandle! }));
    // The quota is approximate: the count is taken again at most once a second.
    clock.advance(1_000);
    expect(await receive(url, 1)).toHaveLength(1);
  });

  it('receives again once the in-flight messages become visible again', async () => {
    const url = await queueWith(LIMIT);
    expect(await receive(url, LIMIT, 30)).toHaveLength(LIMIT);
    expect((await failure(sqs.send(new ReceiveMessageCommand({ QueueUrl: url })))).name).toBe('OverLimit');
    clock.advance(31_000);
    expect(await receive(url, LIMIT)).toHaveLength(LIMIT);
  });

  it('does not count delayed messages as in flight', async () => {
    const url = (await sqs.send(new CreateQueueCommand({ QueueName: unique('delayed'), Attributes: { DelaySeconds: '60' } }))).QueueUrl!;
    await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: Array.from({ length: 5 }, (_, i) => ({ Id: `e${i}`, MessageBody: `d${i}` })) }));
    expect(await receive(url, 10)).toHaveLength(0);
    clock.advance(61_000);
    expect(await receive(url, LIMIT)).toHaveLength(LIMIT);
  });

  it('frees the quota when the queue is purged', async () => {
    const url = await queueWith(LIMIT);
    await receive(url, LIMIT);
    await sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
    await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'a', MessageBody: 'after purge' }] }));
    expect((await receive(url, 1)).map((m) => m.Body)).toEqual(['after purge']);
  });

  it('hands out nothing from a FIFO queue at the quota, without an error', async () => {
    const url = await queueWith(5, { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    expect(await receive(url, LIMIT)).toHaveLength(LIMIT);
    expect(await receive(url, 10)).toEqual([]);
    expect(await notVisible(url)).toBe(String(LIMIT));
  });

  it('refuses to keep a message invisible for more than 12 hours after its receive, changing nothing', async () => {
    const url = await queueWith(1);
    const [m] = await receive(url, 1, 60);
    clock.advance(1_000);
    const err = await failure(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle!, VisibilityTimeout: 43_200 })));
    expect(err).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
    expect(err.message).toBe('Value 43200 for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds].');
    // The refused change left the 60-second timeout in place.
    clock.advance(60_000);
    expect((await receive(url, 1)).map((x) => x.Body)).toEqual(['m0']);
  });

  it('allows extensions up to exactly 12 hours after the receive, however many', async () => {
    const url = await queueWith(1);
    const [m] = await receive(url, 1, 60);
    const change = (VisibilityTimeout: number) =>
      sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: m!.ReceiptHandle!, VisibilityTimeout }));
    clock.advance(3_600_000);
    await change(3_600);
    clock.advance(3_600_000);
    await change(43_200 - 7_200);
    expect((await failure(change(43_200 - 7_200 + 1))).name).toBe('InvalidParameterValue');
    clock.advance((43_200 - 7_200) * 1000 - 1);
    expect(await receive(url, 1)).toEqual([]);
    clock.advance(1);
    // A new receive starts a new 12 hours.
    const [again] = await receive(url, 1, 43_200);
    expect(again?.Body).toBe('m0');
  });

  it('reports the 12-hour limit per entry in ChangeMessageVisibilityBatch', async () => {
    const url = await queueWith(2);
    const [a, b] = await receive(url, 2, 60);
    clock.advance(1_000);
    const r = await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'ok', ReceiptHandle: a!.ReceiptHandle!, VisibilityTimeout: 600 },
          { Id: 'over', ReceiptHandle: b!.ReceiptHandle!, VisibilityTimeout: 43_200 },
        ],
      }),
    );
    expect(r.Successful?.map((e) => e.Id)).toEqual(['ok']);
    expect(r.Failed).toEqual([
      {
        Id: 'over',
        SenderFault: true,
        Code: 'InvalidParameterValue',
        Message: 'Value 43200 for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds].',
      },
    ]);
  });
});

const boto3 = await detectBoto3();
const boto3Ok = requireClient('boto3 (/usr/bin/python3)', boto3);

interface LimitsScenario {
  received: number;
  over_limit: { code: string | null; message?: string; type?: string; status?: number };
  beyond_12h: { code: string | null; message?: string; status?: number };
  fifo_received: number;
  fifo_at_limit: number;
}

describe.skipIf(!boto3Ok)(`SQS in-flight quota and visibility limit through boto3 (${boto3.version ?? 'unavailable'})`, () => {
  let t: Tributary;
  let r: LimitsScenario;
  beforeAll(async () => {
    t = await startTributary({ port: 0, sqs: { inFlightLimit: 2 } });
    r = await runPythonJson<LimitsScenario>(fileURLToPath(new URL('./boto3/sqs_scenarios.py', import.meta.url)), ['limits', t.endpoint]);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('refuses a standard queue receive at the quota with OverLimit, a Sender fault with status 403', () => {
    expect(r.received).toBe(2);
    expect(r.over_limit).toMatchObject({ code: 'OverLimit', type: 'Sender', status: 403 });
    expect(r.over_limit.message).toMatch(/^Too many messages have been received without being deleted\./);
  });

  it('refuses a visibility change past 12 hours from the receive with InvalidParameterValue', () => {
    expect(r.beyond_12h).toMatchObject({ code: 'InvalidParameterValue', status: 400 });
    expect(r.beyond_12h.message).toBe('Value 43200 for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds].');
  });

  it('hands out nothing more from a FIFO queue at the quota', () => {
    expect(r.fifo_received).toBe(2);
    expect(r.fifo_at_limit).toBe(0);
  });
});
