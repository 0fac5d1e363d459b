// SQS behaviour through the AWS SDK for JavaScript v3 (JSON protocol), against an in-process server.
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
  TagQueueCommand,
  UntagQueueCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startTributary, type Tributary } from '../packages/server/src/index.js';
import { failure } from './support/sqs-support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

function client(endpoint: string, region = 'us-east-1'): SQSClient {
  return new SQSClient({ endpoint, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
}


let n = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${n++}`;

describe('SQS through the SDK v3 (real clock)', () => {
  let t: Tributary;
  let sqs: SQSClient;
  beforeAll(async () => {
    t = await startTributary({ port: 0 });
    sqs = client(t.endpoint);
  });
  afterAll(async () => {
    sqs.destroy();
    await t.stop();
  });

  const create = async (attributes?: Record<string, string>) =>
    (await sqs.send(new CreateQueueCommand({ QueueName: unique('q'), Attributes: attributes }))).QueueUrl!;

  it('creates a queue idempotently (comparing only the attributes given) and refuses a different value', async () => {
    const name = unique('idem');
    const a = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { DelaySeconds: '1' } }));
    const b = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { DelaySeconds: '1' } }));
    expect(b.QueueUrl).toBe(a.QueueUrl);
    expect((await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl).toBe(a.QueueUrl);
    const err = await failure(sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { DelaySeconds: '2' } })));
    expect(err).toMatchObject({ name: 'QueueNameExists', code: 'QueueAlreadyExists', status: 400, message: 'A queue already exists with the same name and a different value for attribute DelaySeconds' });
  });

  it('builds queue URLs from the Host the client used and resolves them by account and name', async () => {
    const name = unique('url');
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
    expect(QueueUrl).toBe(`${t.endpoint}/000000000000/${name}`);
    expect((await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl).toBe(QueueUrl);
    const foreign = `https://sqs.us-east-1.amazonaws.com/000000000000/${name}`;
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: foreign, AttributeNames: ['QueueArn'] }));
    expect(attrs.Attributes?.QueueArn).toBe(`arn:aws:sqs:us-east-1:000000000000:${name}`);
  });

  it('rejects invalid queue names', async () => {
    for (const bad of ['has space', 'a'.repeat(81), 'slash/name', 'std.fifo']) {
      const err = await failure(sqs.send(new CreateQueueCommand({ QueueName: bad })));
      expect(err.name).toBe('InvalidParameterValue');
    }
  });

  it('refuses to reuse a deleted queue name within 60 seconds', async () => {
    const name = unique('deleted');
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
    await sqs.send(new DeleteQueueCommand({ QueueUrl }));
    expect(await failure(sqs.send(new GetQueueUrlCommand({ QueueName: name })))).toMatchObject({ name: 'QueueDoesNotExist', code: 'AWS.SimpleQueueService.NonExistentQueue' });
    const err = await failure(sqs.send(new CreateQueueCommand({ QueueName: name })));
    expect(err).toMatchObject({ name: 'QueueDeletedRecently', code: 'AWS.SimpleQueueService.QueueDeletedRecently', status: 400 });
  });

  it('lists queues by prefix and pages with MaxResults and NextToken', async () => {
    const prefix = unique('page');
    for (let i = 0; i < 5; i++) await sqs.send(new CreateQueueCommand({ QueueName: `${prefix}-${i}` }));
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: prefix, MaxResults: 2, NextToken: token }));
      expect(page.QueueUrls!.length).toBeLessThanOrEqual(2);
      seen.push(...page.QueueUrls!);
      token = page.NextToken;
    } while (token);
    expect(seen.map((u) => u.split('/').pop())).toEqual([0, 1, 2, 3, 4].map((i) => `${prefix}-${i}`));
    const all = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: prefix }));
    expect(all.QueueUrls).toHaveLength(5);
    expect(all.NextToken).toBeUndefined();
  });

  it('tags, untags (unknown keys are a no-op) and lists tags, including tags given at creation', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('tags'), tags: { a: '1' } }));
    await sqs.send(new TagQueueCommand({ QueueUrl, Tags: { b: '2', A: 'case' } }));
    await sqs.send(new UntagQueueCommand({ QueueUrl, TagKeys: ['a', 'missing'] }));
    expect((await sqs.send(new ListQueueTagsCommand({ QueueUrl }))).Tags).toEqual({ b: '2', A: 'case' });
  });

  it('reports defaults, single attributes, and nothing when no names are asked for', async () => {
    const QueueUrl = await create();
    const all = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))).Attributes!;
    expect(all).toMatchObject({
      VisibilityTimeout: '30',
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: '345600',
      DelaySeconds: '0',
      ReceiveMessageWaitTimeSeconds: '0',
      SqsManagedSseEnabled: 'true',
      ApproximateNumberOfMessages: '0',
    });
    expect(Number(all.CreatedTimestamp)).toBeGreaterThan(1_600_000_000);
    expect(Number(all.CreatedTimestamp)).toBeLessThan(10_000_000_000);
    const one = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['VisibilityTimeout'] }));
    expect(one.Attributes).toEqual({ VisibilityTimeout: '30' });
    expect((await sqs.send(new GetQueueAttributesCommand({ QueueUrl }))).Attributes).toBeUndefined();
    const err = await failure(sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Bogus' as 'All'] })));
    expect(err).toMatchObject({ name: 'InvalidAttributeName', message: 'Unknown Attribute Bogus.' });
  });

  it('sets attributes, and an empty Policy removes the policy', async () => {
    const QueueUrl = await create();
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [] });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { VisibilityTimeout: '60', Policy: policy } }));
    let attrs = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))).Attributes!;
    expect(attrs.VisibilityTimeout).toBe('60');
    expect(attrs.Policy).toBe(policy);
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy: '' } }));
    attrs = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))).Attributes!;
    expect(attrs.Policy).toBeUndefined();
  });

  it('round-trips body and typed attributes with matching MD5s, and filters attributes on receive', async () => {
    const QueueUrl = await create();
    const body = 'héllo\r\n<&> 😀';
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: body,
        MessageAttributes: {
          's.one': { DataType: 'String', StringValue: 'x' },
          's.two': { DataType: 'Number.float', StringValue: '1.5' },
          bin: { DataType: 'Binary', BinaryValue: new Uint8Array([0, 1, 255]) },
        },
        MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1' } },
      }),
    );
    expect(sent.MD5OfMessageSystemAttributes).toMatch(/^[0-9a-f]{32}$/);
    const got = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ['s.*'], MessageSystemAttributeNames: ['SentTimestamp', 'AWSTraceHeader'] }),
    );
    const m = got.Messages![0]!;
    expect(m.Body).toBe(body);
    expect(m.MessageId).toBe(sent.MessageId);
    expect(Object.keys(m.MessageAttributes!).sort()).toEqual(['s.one', 's.two']);
    expect(m.MD5OfMessageAttributes).not.toBe(sent.MD5OfMessageAttributes);
    expect(Object.keys(m.Attributes!).sort()).toEqual(['AWSTraceHeader', 'SentTimestamp']);
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 0 }));
    const all = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ['All'], AttributeNames: ['All'] }));
    const again = all.Messages![0]!;
    expect(again.MD5OfMessageAttributes).toBe(sent.MD5OfMessageAttributes);
    expect([...again.MessageAttributes!.bin!.BinaryValue!]).toEqual([0, 1, 255]);
    expect(again.Attributes).toMatchObject({ ApproximateReceiveCount: '2', SenderId: 'test' });
    expect(again.ReceiptHandle).not.toBe(m.ReceiptHandle);
  });

  it('refuses messages over MaximumMessageSize, empty bodies and invalid characters', async () => {
    const QueueUrl = await create({ MaximumMessageSize: '1024' });
    expect(await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x'.repeat(1025) })))).toMatchObject({
      name: 'InvalidParameterValue',
      message: 'One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.',
    });
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x'.repeat(1024) }));
    expect(await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: '' })))).toMatchObject({
      name: 'MissingParameter',
      message: 'The request must contain the parameter MessageBody.',
    });
    expect((await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'a\u0001' })))).name).toBe('InvalidMessageContents');
  });

  it('reports per-entry failures in a batch and accepts the rest', async () => {
    const QueueUrl = await create({ MaximumMessageSize: '1024' });
    const res = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'ok', MessageBody: 'fine' },
          { Id: 'big', MessageBody: 'x'.repeat(2000) },
          { Id: 'attr', MessageBody: 'x', MessageAttributes: { e: { DataType: 'String', StringValue: '' } } },
        ],
      }),
    );
    expect(res.Successful!.map((s) => s.Id)).toEqual(['ok']);
    expect(res.Failed).toEqual([
      { Id: 'big', SenderFault: true, Code: 'InvalidParameterValue', Message: 'One or more parameters cannot be validated. Reason: Message must be shorter than 1024 bytes.' },
      { Id: 'attr', SenderFault: true, Code: 'InvalidParameterValue', Message: "Message (user) attribute 'e' must contain a non-empty value of type 'String'." },
    ]);
  });

  it('validates batches: empty, too many, bad ids, repeated ids, too long', async () => {
    const QueueUrl = await create();
    expect((await failure(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [] })))).code).toBe('AWS.SimpleQueueService.EmptyBatchRequest');
    const many = Array.from({ length: 11 }, (_, i) => ({ Id: `m${i}`, MessageBody: 'x' }));
    expect(await failure(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: many })))).toMatchObject({
      code: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
      message: 'Maximum number of entries per request are 10. You have sent 11.',
    });
    expect((await failure(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'bad:id', MessageBody: 'x' }] })))).code).toBe(
      'AWS.SimpleQueueService.InvalidBatchEntryId',
    );
    expect(
      (await failure(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'a', MessageBody: 'x' }, { Id: 'a', MessageBody: 'y' }] })))).code,
    ).toBe('AWS.SimpleQueueService.BatchEntryIdsNotDistinct');
    const big = Array.from({ length: 2 }, (_, i) => ({ Id: `b${i}`, MessageBody: 'x'.repeat(524_288) + (i === 1 ? 'x' : '') }));
    expect(await failure(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: big })))).toMatchObject({
      code: 'AWS.SimpleQueueService.BatchRequestTooLong',
      message: 'Batch requests cannot be longer than 1048576 bytes. You have sent 1048577 bytes.',
    });
  });

  it('deletes with a stale receipt handle on a standard queue, and a repeated delete is a no-op', async () => {
    const QueueUrl = await create();
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
    const first = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0 }))).Messages![0]!;
    const second = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 30 }))).Messages![0]!;
    expect(second.ReceiptHandle).not.toBe(first.ReceiptHandle);
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: first.ReceiptHandle }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: first.ReceiptHandle }));
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
    expect(attrs.Attributes).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  });

  it('rejects a malformed receipt handle with ReceiptHandleIsInvalid', async () => {
    const QueueUrl = await create();
    const err = await failure(sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: 'garbage' })));
    expect(err).toMatchObject({ name: 'ReceiptHandleIsInvalid', message: 'The input receipt handle "garbage" is not a valid receipt handle.', status: 404 });
  });

  it('changes visibility for a batch and reports a deleted message per entry', async () => {
    const QueueUrl = await create();
    await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'a', MessageBody: 'a' }, { Id: 'b', MessageBody: 'b' }] }));
    const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }))).Messages!;
    expect(got).toHaveLength(2);
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: got[1]!.ReceiptHandle }));
    const res = await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'x', ReceiptHandle: got[0]!.ReceiptHandle, VisibilityTimeout: 0 },
          { Id: 'y', ReceiptHandle: got[1]!.ReceiptHandle, VisibilityTimeout: 0 },
        ],
      }),
    );
    expect(res.Successful!.map((s) => s.Id)).toEqual(['x']);
    expect(res.Failed![0]).toMatchObject({ Id: 'y', Code: 'InvalidParameterValue', SenderFault: true });
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages![0]!.Body).toBe(got[0]!.Body);
  });

  it('deletes a batch and reports malformed handles per entry', async () => {
    const QueueUrl = await create();
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'a' }));
    const m = (await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages![0]!;
    const res = await sqs.send(
      new DeleteMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'ok', ReceiptHandle: m.ReceiptHandle }, { Id: 'bad', ReceiptHandle: 'nope' }] }),
    );
    expect(res.Successful).toEqual([{ Id: 'ok' }]);
    expect(res.Failed).toEqual([{ Id: 'bad', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: 'The input receipt handle "nope" is not a valid receipt handle.' }]);
  });

  it('long polling returns as soon as a message arrives, not after the wait time', async () => {
    const QueueUrl = await create();
    const started = Date.now();
    const poll = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 10, MaxNumberOfMessages: 10 }));
    await new Promise((r) => setTimeout(r, 300));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'wake' }));
    const got = await poll;
    const elapsed = Date.now() - started;
    expect(got.Messages!.map((m) => m.Body)).toEqual(['wake']);
    expect(elapsed).toBeLessThan(5000);
  });

  it('long polling with the queue default wait returns empty after the wait time', async () => {
    const QueueUrl = await create({ ReceiveMessageWaitTimeSeconds: '1' });
    const started = Date.now();
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    expect(got.Messages).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('a long poll wakes when a delayed message becomes visible', async () => {
    const QueueUrl = await create();
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'later', DelaySeconds: 1 }));
    const started = Date.now();
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5 }));
    expect(got.Messages![0]!.Body).toBe('later');
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('purges all messages and allows one purge per 60 seconds', async () => {
    const QueueUrl = await create();
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'a' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'b', DelaySeconds: 60 }));
    await sqs.send(new PurgeQueueCommand({ QueueUrl }));
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    expect(attrs.Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesDelayed: '0' });
    const err = await failure(sqs.send(new PurgeQueueCommand({ QueueUrl })));
    expect(err.code).toBe('AWS.SimpleQueueService.PurgeQueueInProgress');
    expect(err.status).toBe(403);
    expect(err.message).toBe(`Only one PurgeQueue operation on ${QueueUrl.split('/').pop()} is allowed every 60 seconds.`);
  });

  it('keeps queues apart per region', async () => {
    const west = client(t.endpoint, 'eu-west-1');
    const name = unique('regional');
    await west.send(new CreateQueueCommand({ QueueName: name }));
    expect((await failure(sqs.send(new GetQueueUrlCommand({ QueueName: name })))).code).toBe('AWS.SimpleQueueService.NonExistentQueue');
    const arn = (await west.send(new GetQueueAttributesCommand({ QueueUrl: `${t.endpoint}/000000000000/${name}`, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn;
    expect(arn).toBe(`arn:aws:sqs:eu-west-1:000000000000:${name}`);
    west.destroy();
  });
});

describe('SQS time-dependent behaviour (manual clock)', () => {
  let t: Tributary;
  let sqs: SQSClient;
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  beforeAll(async () => {
    t = await startTributary({ port: 0, clock });
    sqs = client(t.endpoint);
  });
  afterAll(async () => {
    sqs.destroy();
    await t.stop();
  });
  const create = async (attributes?: Record<string, string>) =>
    (await sqs.send(new CreateQueueCommand({ QueueName: unique('clock'), Attributes: attributes }))).QueueUrl!;
  const counts = async (QueueUrl: string) =>
    (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'] }))).Attributes;

  it('hides a received message for the visibility timeout, then delivers it again with a higher receive count', async () => {
    const QueueUrl = await create({ VisibilityTimeout: '30' });
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'v' }));
    const first = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, AttributeNames: ['All'] }))).Messages![0]!;
    expect(await counts(QueueUrl)).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '1', ApproximateNumberOfMessagesDelayed: '0' });
    clock.advance(29_000);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages).toBeUndefined();
    clock.advance(1_000);
    const second = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, AttributeNames: ['All'] }))).Messages![0]!;
    expect(second.Attributes!.ApproximateReceiveCount).toBe('2');
    expect(second.Attributes!.ApproximateFirstReceiveTimestamp).toBe(first.Attributes!.ApproximateFirstReceiveTimestamp);
  });

  it('uses a per-receive visibility timeout once, not for later receives', async () => {
    const QueueUrl = await create({ VisibilityTimeout: '100' });
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'v' }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 5 }));
    clock.advance(5_000);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages).toHaveLength(1);
    clock.advance(99_000);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages).toBeUndefined();
    clock.advance(1_000);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages).toHaveLength(1);
  });

  it('extends visibility with ChangeMessageVisibility and accepts a handle whose visibility expired', async () => {
    const QueueUrl = await create({ VisibilityTimeout: '10' });
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'v' }));
    const m = (await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages![0]!;
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 60 }));
    clock.advance(30_000);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages).toBeUndefined();
    clock.advance(31_000);
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 20 }));
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages).toBeUndefined();
    const err = await failure(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 43_201 })));
    expect(err.name).toBe('InvalidParameterValue');
  });

  it('delays messages by the queue delay and by a per-message delay, counting them as delayed', async () => {
    const QueueUrl = await create({ DelaySeconds: '10' });
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'queue-delay' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'own-delay', DelaySeconds: 2 }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'no-delay', DelaySeconds: 0 }));
    expect(await counts(QueueUrl)).toEqual({ ApproximateNumberOfMessages: '1', ApproximateNumberOfMessagesNotVisible: '0', ApproximateNumberOfMessagesDelayed: '2' });
    clock.advance(2_000);
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    expect(got.Messages!.map((m) => m.Body).sort()).toEqual(['no-delay', 'own-delay']);
    clock.advance(8_000);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages![0]!.Body).toBe('queue-delay');
    const err = await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', DelaySeconds: 901 })));
    expect(err.name).toBe('InvalidParameterValue');
  });

  it('drops messages older than the retention period, including in-flight ones', async () => {
    const QueueUrl = await create({ MessageRetentionPeriod: '60' });
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'old' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'inflight' }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 30 }));
    clock.advance(30_000);
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'young' }));
    clock.advance(31_000);
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    expect(got.Messages!.map((m) => m.Body)).toEqual(['young']);
  });

  it('lets a deleted queue name be reused after 60 seconds', async () => {
    const name = unique('reuse');
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
    await sqs.send(new DeleteQueueCommand({ QueueUrl }));
    clock.advance(60_000);
    expect((await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl).toBe(QueueUrl);
  });

  it('allows a second purge after 60 seconds', async () => {
    const QueueUrl = await create();
    await sqs.send(new PurgeQueueCommand({ QueueUrl }));
    clock.advance(60_000);
    await sqs.send(new PurgeQueueCommand({ QueueUrl }));
  });
});
