// Dead-letter queues through the AWS SDK for JavaScript v3: RedrivePolicy and RedriveAllowPolicy
// validation, the move to the DLQ on the receive after maxReceiveCount, ListDeadLetterSourceQueues,
// and message move tasks (Start/List/Cancel), including a task that survives a SIGKILL of the
// server process.
import {
  CancelMessageMoveTaskCommand,
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ListDeadLetterSourceQueuesCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
  type ListMessageMoveTasksResultEntry,
  type Message,
  type MessageAttributeValue,
} from '@aws-sdk/client-sqs';
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startTributary, type Tributary } from '../packages/server/src/index.js';
import { cleanupServerProcesses, makeTempDir, startServerProcess, stopServerProcess } from './support/server-process.js';
import { failure } from './support/sqs-support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';

function client(endpoint: string): SQSClient {
  return new SQSClient({ endpoint, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
}


let n = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${n++}`;
const arnOf = (name: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** AWS's MD5 of message attributes, computed here independently of the server. */
function md5OfAttributes(attributes: Record<string, MessageAttributeValue>): string {
  const hash = createHash('md5');
  const field = (bytes: Uint8Array): void => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length, 0);
    hash.update(len).update(bytes);
  };
  for (const name of Object.keys(attributes).sort()) {
    const a = attributes[name]!;
    field(Buffer.from(name, 'utf8'));
    field(Buffer.from(a.DataType!, 'utf8'));
    if (a.BinaryValue !== undefined) {
      hash.update(Buffer.from([2]));
      field(a.BinaryValue);
    } else {
      hash.update(Buffer.from([1]));
      field(Buffer.from(a.StringValue ?? '', 'utf8'));
    }
  }
  return hash.digest('hex');
}

/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs`. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(everyMs);
  }
}

/** Queue helpers bound to one client. */
function helpers(sqs: () => SQSClient) {
  const create = async (name: string, attributes?: Record<string, string>) => {
    const url = (await sqs().send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
    return { name, url, arn: arnOf(name) };
  };
  const attrs = async (QueueUrl: string) =>
    (await sqs().send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))).Attributes!;
  const depth = async (QueueUrl: string) => {
    const a = await attrs(QueueUrl);
    return {
      visible: Number(a.ApproximateNumberOfMessages),
      notVisible: Number(a.ApproximateNumberOfMessagesNotVisible),
      delayed: Number(a.ApproximateNumberOfMessagesDelayed),
    };
  };
  const redrive = (dlqArn: string, maxReceiveCount: number | string) =>
    JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount });
  /** Sends `count` messages in batches of 10; returns their MessageIds in order. */
  const sendMany = async (QueueUrl: string, count: number, prefix = 'm') => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 10) {
      const Entries = Array.from({ length: Math.min(10, count - i) }, (_, j) => ({ Id: `e${i + j}`, MessageBody: `${prefix}-${i + j}` }));
      const res = await sqs().send(new SendMessageBatchCommand({ QueueUrl, Entries }));
      expect(res.Failed ?? []).toEqual([]);
      ids.push(...res.Successful!.map((s) => s.MessageId!));
    }
    return ids;
  };
  /** Receives everything visible once (long visibility, so nothing comes back), without deleting. */
  const drain = async (QueueUrl: string) => {
    const got: Message[] = [];
    for (;;) {
      const res = await sqs().send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 600, MessageSystemAttributeNames: ['All'] }));
      if (!res.Messages || res.Messages.length === 0) return got;
      got.push(...res.Messages);
    }
  };
  /**
   * Dead-letters every message of a source whose maxReceiveCount is 1: receives each once with
   * visibility 0, then receives again until the source is empty (each such receive moves them).
   */
  const deadLetterAll = async (source: { url: string }, dlq: { url: string }, count: number) => {
    await waitFor(`${count} messages in the DLQ`, async () => {
      await sqs().send(new ReceiveMessageCommand({ QueueUrl: source.url, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
      const d = await depth(dlq.url);
      return d.visible === count ? true : undefined;
    }, 20_000, 0);
  };
  const tasks = async (SourceArn: string, MaxResults = 1) =>
    (await sqs().send(new ListMessageMoveTasksCommand({ SourceArn, MaxResults }))).Results ?? [];
  const taskIn = (SourceArn: string, statuses: string[], timeoutMs = 10_000) =>
    waitFor<ListMessageMoveTasksResultEntry>(`a task on ${SourceArn} in ${statuses.join('/')}`, async () => {
      const [t] = await tasks(SourceArn);
      return t && statuses.includes(t.Status!) ? t : undefined;
    }, timeoutMs);
  return { create, attrs, depth, redrive, sendMany, drain, deadLetterAll, tasks, taskIn };
}

describe('SQS dead-letter queues (SDK v3, in-process server)', () => {
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
  const h = helpers(() => sqs);

  describe('RedrivePolicy validation', () => {
    it('requires maxReceiveCount and accepts it only from 1 to 1000', async () => {
      const dlq = await h.create(unique('dlq'));
      const src = await h.create(unique('src'));
      const set = (policy: string) => sqs.send(new SetQueueAttributesCommand({ QueueUrl: src.url, Attributes: { RedrivePolicy: policy } }));

      const missing = await failure(set(JSON.stringify({ deadLetterTargetArn: dlq.arn })));
      expect(missing).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
      expect(missing.message).toContain('parameter RedrivePolicy is invalid');
      expect(missing.message).toContain('maxReceiveCount');

      for (const bad of [0, 1001]) {
        const err = await failure(set(h.redrive(dlq.arn, bad)));
        expect(err).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
        expect(err.message).toContain(`Invalid value for maxReceiveCount: ${bad}, valid values are from 1 to 1000 both inclusive.`);
      }
      const notNumber = await failure(set(h.redrive(dlq.arn, 'lots')));
      expect(notNumber.name).toBe('InvalidParameterValue');
      expect(notNumber.message).toContain('Invalid value for maxReceiveCount: lots');

      // Neither refusal left a policy behind; both bounds are accepted.
      expect((await h.attrs(src.url)).RedrivePolicy).toBeUndefined();
      await set(h.redrive(dlq.arn, 1));
      await set(h.redrive(dlq.arn, 1000));
      expect(JSON.parse((await h.attrs(src.url)).RedrivePolicy!)).toEqual({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1000 });
    });

    it('rejects a malformed dead-letter ARN and a dead-letter queue that does not exist, on create and on set', async () => {
      const src = await h.create(unique('src'));
      for (const arn of ['not-an-arn', `arn:aws:sns:${REGION}:${ACCOUNT}:topic`, `arn:aws:sqs:${REGION}:12345:short-account`]) {
        const err = await failure(sqs.send(new SetQueueAttributesCommand({ QueueUrl: src.url, Attributes: { RedrivePolicy: h.redrive(arn, 3) } })));
        expect(err, arn).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
        expect(err.message, arn).toContain('deadLetterTargetArn');
      }
      const ghost = arnOf(unique('no-such-dlq'));
      const onSet = await failure(sqs.send(new SetQueueAttributesCommand({ QueueUrl: src.url, Attributes: { RedrivePolicy: h.redrive(ghost, 3) } })));
      expect(onSet).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
      expect(onSet.message).toContain('Dead letter target does not exist.');
      const name = unique('src');
      const onCreate = await failure(sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { RedrivePolicy: h.redrive(ghost, 3) } })));
      expect(onCreate).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
      expect(onCreate.message).toContain('Dead letter target does not exist.');
      // The refused CreateQueue made no queue.
      expect((await failure(sqs.send(new GetQueueAttributesCommand({ QueueUrl: `${t.endpoint}/${ACCOUNT}/${name}` })))).name).toBe('QueueDoesNotExist');
    });

    it('refuses a FIFO dead-letter queue for a standard source, and a standard one for a FIFO source', async () => {
      const stdDlq = await h.create(unique('std-dlq'));
      const fifoDlq = await h.create(`${unique('fifo-dlq')}.fifo`, { FifoQueue: 'true' });
      const std = await h.create(unique('std-src'));
      const fifo = await h.create(`${unique('fifo-src')}.fifo`, { FifoQueue: 'true' });

      const a = await failure(sqs.send(new SetQueueAttributesCommand({ QueueUrl: std.url, Attributes: { RedrivePolicy: h.redrive(fifoDlq.arn, 2) } })));
      expect(a).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
      expect(a.message).toContain('parameter RedrivePolicy is invalid');
      const b = await failure(sqs.send(new SetQueueAttributesCommand({ QueueUrl: fifo.url, Attributes: { RedrivePolicy: h.redrive(stdDlq.arn, 2) } })));
      expect(b).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
      expect(b.message).toContain('parameter RedrivePolicy is invalid');

      // The matching pairs are fine.
      await sqs.send(new SetQueueAttributesCommand({ QueueUrl: std.url, Attributes: { RedrivePolicy: h.redrive(stdDlq.arn, 2) } }));
      await sqs.send(new SetQueueAttributesCommand({ QueueUrl: fifo.url, Attributes: { RedrivePolicy: h.redrive(fifoDlq.arn, 2) } }));
    });

    it('returns the stored policy as JSON with a numeric maxReceiveCount, and an empty RedrivePolicy removes it', async () => {
      const dlq = await h.create(unique('dlq'));
      const src = await h.create(unique('src'), { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: '5' }) });
      const stored = (await h.attrs(src.url)).RedrivePolicy!;
      expect(JSON.parse(stored)).toEqual({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 5 });
      expect(typeof (JSON.parse(stored) as { maxReceiveCount: unknown }).maxReceiveCount).toBe('number');
      const one = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: src.url, AttributeNames: ['RedrivePolicy'] }));
      expect(one.Attributes).toEqual({ RedrivePolicy: stored });

      await sqs.send(new SetQueueAttributesCommand({ QueueUrl: src.url, Attributes: { RedrivePolicy: '' } }));
      expect((await h.attrs(src.url)).RedrivePolicy).toBeUndefined();
      expect((await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq.url }))).queueUrls ?? []).toEqual([]);
    });
  });

  describe('moving messages to the dead-letter queue', () => {
    it('delivers a message maxReceiveCount times, then moves it to the DLQ on the next receive instead of returning it', async () => {
      const dlq = await h.create(unique('dlq'));
      const src = await h.create(unique('src'), { RedrivePolicy: h.redrive(dlq.arn, 2) });
      const MessageAttributes: Record<string, MessageAttributeValue> = {
        colour: { DataType: 'String', StringValue: 'blue' },
        weight: { DataType: 'Number.kg', StringValue: '12.5' },
        blob: { DataType: 'Binary', BinaryValue: new Uint8Array([0, 1, 2, 254, 255]) },
      };
      const body = 'poison pill ✉ <&>';
      const sent = await sqs.send(new SendMessageCommand({ QueueUrl: src.url, MessageBody: body, MessageAttributes }));
      expect(sent.MD5OfMessageAttributes).toBe(md5OfAttributes(MessageAttributes));

      const receive = () =>
        sqs.send(new ReceiveMessageCommand({ QueueUrl: src.url, VisibilityTimeout: 0, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['All'] }));
      const first = (await receive()).Messages!;
      expect(first.map((m) => [m.MessageId, m.Attributes!.ApproximateReceiveCount])).toEqual([[sent.MessageId, '1']]);
      const second = (await receive()).Messages!;
      expect(second.map((m) => [m.MessageId, m.Attributes!.ApproximateReceiveCount])).toEqual([[sent.MessageId, '2']]);

      // Visible again and over its count, but nothing moves it until someone receives.
      await sleep(300);
      expect(await h.depth(src.url)).toEqual({ visible: 1, notVisible: 0, delayed: 0 });
      expect(await h.depth(dlq.url)).toEqual({ visible: 0, notVisible: 0, delayed: 0 });

      expect((await receive()).Messages).toBeUndefined();
      expect(await h.depth(src.url)).toEqual({ visible: 0, notVisible: 0, delayed: 0 });
      expect(await h.depth(dlq.url)).toEqual({ visible: 1, notVisible: 0, delayed: 0 });

      const dead = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq.url, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['All'] }))).Messages!;
      expect(dead).toHaveLength(1);
      const m = dead[0]!;
      expect(m.MessageId).toBe(sent.MessageId);
      expect(m.Body).toBe(body);
      expect(m.MD5OfBody).toBe(sent.MD5OfMessageBody);
      expect(m.MD5OfMessageAttributes).toBe(sent.MD5OfMessageAttributes);
      expect(md5OfAttributes(m.MessageAttributes!)).toBe(m.MD5OfMessageAttributes);
      expect(m.MessageAttributes!.colour).toEqual({ DataType: 'String', StringValue: 'blue' });
      expect(m.MessageAttributes!.weight).toEqual({ DataType: 'Number.kg', StringValue: '12.5' });
      expect([...m.MessageAttributes!.blob!.BinaryValue!]).toEqual([0, 1, 2, 254, 255]);
      expect(m.Attributes!.SentTimestamp).toBe(first[0]!.Attributes!.SentTimestamp);
      expect(m.Attributes!.DeadLetterQueueSourceArn).toBe(src.arn);
    });

    it('asks for DeadLetterQueueSourceArn by name too, and a message sent straight to the DLQ has none', async () => {
      const dlq = await h.create(unique('dlq'));
      const src = await h.create(unique('src'), { RedrivePolicy: h.redrive(dlq.arn, 1) });
      await sqs.send(new SendMessageCommand({ QueueUrl: src.url, MessageBody: 'via-source' }));
      await sqs.send(new SendMessageCommand({ QueueUrl: dlq.url, MessageBody: 'direct' }));
      await h.deadLetterAll(src, dlq, 2);
      const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq.url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['DeadLetterQueueSourceArn'] }))).Messages!;
      const byBody = Object.fromEntries(got.map((m) => [m.Body, m.Attributes]));
      expect(byBody).toEqual({ 'via-source': { DeadLetterQueueSourceArn: src.arn }, direct: undefined });
    });

    it('moves a FIFO message to a FIFO DLQ keeping its MessageGroupId', async () => {
      const dlq = await h.create(`${unique('dlq')}.fifo`, { FifoQueue: 'true' });
      const src = await h.create(`${unique('src')}.fifo`, { FifoQueue: 'true', RedrivePolicy: h.redrive(dlq.arn, 1) });
      const sent = await sqs.send(new SendMessageCommand({ QueueUrl: src.url, MessageBody: 'fifo-body', MessageGroupId: 'group-7', MessageDeduplicationId: 'd1' }));
      const first = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: src.url, VisibilityTimeout: 0, MessageSystemAttributeNames: ['All'] }))).Messages!;
      expect(first.map((m) => m.MessageId)).toEqual([sent.MessageId]);
      expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: src.url, VisibilityTimeout: 0 }))).Messages).toBeUndefined();
      const dead = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq.url, MessageSystemAttributeNames: ['All'] }))).Messages!;
      expect(dead).toHaveLength(1);
      expect(dead[0]!.MessageId).toBe(sent.MessageId);
      expect(dead[0]!.Body).toBe('fifo-body');
      // (SentTimestamp is not compared: AWS resets a FIFO message's enqueue time when it is dead-lettered.)
      expect(dead[0]!.Attributes).toMatchObject({ MessageGroupId: 'group-7', DeadLetterQueueSourceArn: src.arn });
      expect(dead[0]!.Attributes!.SequenceNumber).toMatch(/^\d+$/);
    });
  });

  it('follows a chain: a DLQ with its own RedrivePolicy dead-letters onwards, naming itself as the source', async () => {
    const last = await h.create(unique('dlq2'));
    const middle = await h.create(unique('dlq1'), { RedrivePolicy: h.redrive(last.arn, 1) });
    const src = await h.create(unique('src'), { RedrivePolicy: h.redrive(middle.arn, 1) });
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: src.url, MessageBody: 'chained' }));
    await h.deadLetterAll(src, middle, 1);
    await h.deadLetterAll(middle, last, 1);
    const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: last.url, MessageSystemAttributeNames: ['All'] }))).Messages!;
    expect(got.map((m) => [m.MessageId, m.Body, m.Attributes!.DeadLetterQueueSourceArn])).toEqual([[sent.MessageId, 'chained', middle.arn]]);
    expect(await h.depth(middle.url)).toEqual({ visible: 0, notVisible: 0, delayed: 0 });
  });

  describe('RedriveAllowPolicy', () => {
    it('denyAll on the DLQ refuses every source', async () => {
      const dlq = await h.create(unique('dlq'), { RedriveAllowPolicy: JSON.stringify({ redrivePermission: 'denyAll' }) });
      const src = await h.create(unique('src'));
      const err = await failure(sqs.send(new SetQueueAttributesCommand({ QueueUrl: src.url, Attributes: { RedrivePolicy: h.redrive(dlq.arn, 3) } })));
      expect(err).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
      expect(err.message).toContain('parameter RedrivePolicy is invalid');
      const onCreate = await failure(sqs.send(new CreateQueueCommand({ QueueName: unique('src'), Attributes: { RedrivePolicy: h.redrive(dlq.arn, 3) } })));
      expect(onCreate.name).toBe('InvalidParameterValue');
      expect((await h.attrs(src.url)).RedrivePolicy).toBeUndefined();
    });

    it('byQueue allows only the listed sources, and allowAll lets them all in again', async () => {
      const allowed = await h.create(unique('allowed'));
      const other = await h.create(unique('other'));
      const allow = JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [allowed.arn] });
      const dlq = await h.create(unique('dlq'), { RedriveAllowPolicy: allow });
      expect((await h.attrs(dlq.url)).RedriveAllowPolicy).toBe(allow);

      await sqs.send(new SetQueueAttributesCommand({ QueueUrl: allowed.url, Attributes: { RedrivePolicy: h.redrive(dlq.arn, 3) } }));
      const err = await failure(sqs.send(new SetQueueAttributesCommand({ QueueUrl: other.url, Attributes: { RedrivePolicy: h.redrive(dlq.arn, 3) } })));
      expect(err).toMatchObject({ name: 'InvalidParameterValue', status: 400 });

      await sqs.send(new SetQueueAttributesCommand({ QueueUrl: dlq.url, Attributes: { RedriveAllowPolicy: JSON.stringify({ redrivePermission: 'allowAll' }) } }));
      await sqs.send(new SetQueueAttributesCommand({ QueueUrl: other.url, Attributes: { RedrivePolicy: h.redrive(dlq.arn, 3) } }));
      expect(JSON.parse((await h.attrs(other.url)).RedrivePolicy!)).toEqual({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 3 });
    });

    it('validates the policy: redrivePermission, sourceQueueArns required with byQueue, at most 10 ARNs', async () => {
      const dlq = await h.create(unique('dlq'));
      const set = (policy: unknown) =>
        sqs.send(new SetQueueAttributesCommand({ QueueUrl: dlq.url, Attributes: { RedriveAllowPolicy: JSON.stringify(policy) } }));
      const arns = (k: number) => Array.from({ length: k }, (_, i) => arnOf(`allowed-${i}`));
      const bad: unknown[] = [
        { redrivePermission: 'allowSome' },
        {},
        { redrivePermission: 'byQueue' },
        { redrivePermission: 'byQueue', sourceQueueArns: [] },
        { redrivePermission: 'byQueue', sourceQueueArns: arns(11) },
      ];
      for (const policy of bad) {
        const err = await failure(set(policy));
        expect(err, JSON.stringify(policy)).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
        expect(err.message, JSON.stringify(policy)).toContain('RedriveAllowPolicy');
      }
      expect((await h.attrs(dlq.url)).RedriveAllowPolicy).toBeUndefined();
      await set({ redrivePermission: 'byQueue', sourceQueueArns: arns(10) });
      expect(JSON.parse((await h.attrs(dlq.url)).RedriveAllowPolicy!)).toEqual({ redrivePermission: 'byQueue', sourceQueueArns: arns(10) });
    });
  });

  it('ListDeadLetterSourceQueues lists the queues whose RedrivePolicy targets the DLQ, paging with MaxResults and NextToken', async () => {
    const dlq = await h.create(unique('dlq'));
    const otherDlq = await h.create(unique('other-dlq'));
    const sources: string[] = [];
    for (let i = 0; i < 5; i++) sources.push((await h.create(unique(`src${i}`), { RedrivePolicy: h.redrive(dlq.arn, 4) })).url);
    await h.create(unique('elsewhere'), { RedrivePolicy: h.redrive(otherDlq.arn, 4) });
    await h.create(unique('plain'));

    const all = await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq.url }));
    expect([...all.queueUrls!].sort()).toEqual([...sources].sort());
    expect(all.NextToken).toBeUndefined();

    const seen: string[] = [];
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const page = await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq.url, MaxResults: 2, NextToken: token }));
      sizes.push(page.queueUrls!.length);
      seen.push(...page.queueUrls!);
      token = page.NextToken;
    } while (token);
    expect(sizes).toEqual([2, 2, 1]);
    expect([...seen].sort()).toEqual([...sources].sort());

    expect((await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: sources[0]! }))).queueUrls ?? []).toEqual([]);
    expect((await failure(sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: `${t.endpoint}/${ACCOUNT}/${unique('ghost')}` })))).name).toBe('QueueDoesNotExist');
  });

  describe('message move tasks', () => {
    it('without DestinationArn, moves every message back to the source queue it came from', async () => {
      const dlq = await h.create(unique('dlq'));
      const a = await h.create(unique('src-a'), { RedrivePolicy: h.redrive(dlq.arn, 1) });
      const b = await h.create(unique('src-b'), { RedrivePolicy: h.redrive(dlq.arn, 1) });
      const idsA = await h.sendMany(a.url, 7, 'a');
      const idsB = await h.sendMany(b.url, 4, 'b');
      await h.deadLetterAll(a, dlq, 7);
      await h.deadLetterAll(b, dlq, 11);

      const started = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn }));
      expect(started.TaskHandle).toEqual(expect.any(String));
      const done = await h.taskIn(dlq.arn, ['COMPLETED']);
      expect(done).toMatchObject({ Status: 'COMPLETED', SourceArn: dlq.arn, ApproximateNumberOfMessagesMoved: 11, ApproximateNumberOfMessagesToMove: 11 });
      expect(done.DestinationArn).toBeUndefined();

      expect(await h.depth(dlq.url)).toEqual({ visible: 0, notVisible: 0, delayed: 0 });
      const backA = await h.drain(a.url);
      const backB = await h.drain(b.url);
      expect(backA.map((m) => m.MessageId).sort()).toEqual([...idsA].sort());
      expect(backB.map((m) => m.MessageId).sort()).toEqual([...idsB].sort());
      expect(backA.every((m) => m.Body!.startsWith('a-'))).toBe(true);
      // Back in the source, they are ordinary messages again.
      expect(backA.map((m) => m.Attributes!.DeadLetterQueueSourceArn)).toEqual(backA.map(() => undefined));
    });

    it('with DestinationArn, moves every message to that queue', async () => {
      const dlq = await h.create(unique('dlq'));
      await h.create(unique('src'), { RedrivePolicy: h.redrive(dlq.arn, 3) });
      const dest = await h.create(unique('dest'));
      const ids = await h.sendMany(dlq.url, 12, 'direct');

      await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, DestinationArn: dest.arn }));
      const done = await h.taskIn(dlq.arn, ['COMPLETED']);
      expect(done).toMatchObject({ DestinationArn: dest.arn, ApproximateNumberOfMessagesMoved: 12, ApproximateNumberOfMessagesToMove: 12 });
      expect(await h.depth(dlq.url)).toEqual({ visible: 0, notVisible: 0, delayed: 0 });
      const moved = await h.drain(dest.url);
      expect(moved.map((m) => m.MessageId).sort()).toEqual([...ids].sort());
      expect(moved.map((m) => m.Body).sort()).toEqual(ids.map((_, i) => `direct-${i}`).sort());
    });

    it('reports RUNNING with a TaskHandle, then COMPLETED without one, and MaxNumberOfMessagesPerSecond limits the rate', async () => {
      const dlq = await h.create(unique('dlq'));
      await h.create(unique('src'), { RedrivePolicy: h.redrive(dlq.arn, 3) });
      const dest = await h.create(unique('dest'));
      await h.sendMany(dlq.url, 20);

      const before = Date.now();
      const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, DestinationArn: dest.arn, MaxNumberOfMessagesPerSecond: 10 }));
      const [running] = await h.tasks(dlq.arn);
      expect(running).toMatchObject({
        Status: 'RUNNING',
        TaskHandle,
        SourceArn: dlq.arn,
        DestinationArn: dest.arn,
        MaxNumberOfMessagesPerSecond: 10,
        ApproximateNumberOfMessagesToMove: 20,
      });
      expect(running!.ApproximateNumberOfMessagesMoved).toBeLessThan(20);
      expect(running!.StartedTimestamp).toBeGreaterThanOrEqual(before - 1000);
      expect(running!.StartedTimestamp).toBeLessThanOrEqual(Date.now());

      // Half a second in, at 10 per second, only a few have moved.
      await sleep(500);
      const midway = (await h.tasks(dlq.arn))[0]!;
      expect(midway.Status).toBe('RUNNING');
      expect(midway.ApproximateNumberOfMessagesMoved).toBeGreaterThan(0);
      expect(midway.ApproximateNumberOfMessagesMoved).toBeLessThanOrEqual(10);

      const done = await h.taskIn(dlq.arn, ['COMPLETED'], 10_000);
      const elapsed = Date.now() - before;
      expect(elapsed).toBeGreaterThanOrEqual(1500);
      expect(done).toMatchObject({ Status: 'COMPLETED', ApproximateNumberOfMessagesMoved: 20, ApproximateNumberOfMessagesToMove: 20, StartedTimestamp: running!.StartedTimestamp });
      expect(done.TaskHandle).toBeUndefined();
      expect((await h.depth(dest.url)).visible).toBe(20);
    });

    it('refuses a second task while one runs; cancelling stops it part-way, losing nothing, and then a new task may start', async () => {
      const dlq = await h.create(unique('dlq'));
      await h.create(unique('src'), { RedrivePolicy: h.redrive(dlq.arn, 3) });
      const dest = await h.create(unique('dest'));
      await h.sendMany(dlq.url, 40);

      const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, DestinationArn: dest.arn, MaxNumberOfMessagesPerSecond: 10 }));
      const again = await failure(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, DestinationArn: dest.arn })));
      expect(again).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
      expect(again.message).toBe('There is already a task running. Only one active task is allowed for a source queue arn at a given time.');

      await sleep(400);
      const cancelled = await sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle }));
      expect(cancelled.ApproximateNumberOfMessagesMoved).toBeLessThan(40);
      const final = await h.taskIn(dlq.arn, ['CANCELLED'], 5000);
      expect(final.ApproximateNumberOfMessagesMoved).toBeLessThan(40);
      expect(final.TaskHandle).toBeUndefined();

      // Nothing moves after the cancel has taken effect, and every message is in one queue or the other.
      const settled = await h.depth(dest.url);
      await sleep(400);
      expect(await h.depth(dest.url)).toEqual(settled);
      expect(settled.visible).toBe(final.ApproximateNumberOfMessagesMoved);
      expect(settled.visible + (await h.depth(dlq.url)).visible).toBe(40);

      // A cancelled task cannot be cancelled again; a new one may start and finishes the job.
      expect((await failure(sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle })))).name).toBe('InvalidParameterValue');
      await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, DestinationArn: dest.arn }));
      const next = await h.taskIn(dlq.arn, ['COMPLETED']);
      expect(next.ApproximateNumberOfMessagesMoved).toBe(40 - settled.visible);
      expect((await h.depth(dest.url)).visible).toBe(40);
      expect((await h.tasks(dlq.arn, 10)).map((x) => x.Status)).toEqual(['COMPLETED', 'CANCELLED']);
    });

    it('moves FIFO messages back to their FIFO source, keeping group ids and the order within each group', async () => {
      const dlq = await h.create(`${unique('dlq')}.fifo`, { FifoQueue: 'true' });
      const src = await h.create(`${unique('src')}.fifo`, { FifoQueue: 'true', ContentBasedDeduplication: 'true', RedrivePolicy: h.redrive(dlq.arn, 1) });
      const sent: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await sqs.send(new SendMessageCommand({ QueueUrl: src.url, MessageBody: `f${i}`, MessageGroupId: `g${i % 2}` }));
        sent.push(r.MessageId!);
      }
      await h.deadLetterAll(src, dlq, 6);
      await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn }));
      expect(await h.taskIn(dlq.arn, ['COMPLETED'])).toMatchObject({ ApproximateNumberOfMessagesMoved: 6 });
      const back = await h.drain(src.url);
      expect(back.map((m) => m.MessageId).sort()).toEqual([...sent].sort());
      const groups = (g: string) => back.filter((m) => m.Attributes!.MessageGroupId === g).map((m) => m.Body);
      expect(groups('g0')).toEqual(['f0', 'f2', 'f4']);
      expect(groups('g1')).toEqual(['f1', 'f3', 'f5']);
    });

    it('fails with AWS.SimpleQueueService.NonExistentQueue when a message has to go back to a source that was deleted', async () => {
      const dlq = await h.create(unique('dlq'));
      const gone = await h.create(unique('gone'), { RedrivePolicy: h.redrive(dlq.arn, 1) });
      await h.create(unique('kept'), { RedrivePolicy: h.redrive(dlq.arn, 1) });
      await h.sendMany(gone.url, 3);
      await h.deadLetterAll(gone, dlq, 3);
      await sqs.send(new DeleteQueueCommand({ QueueUrl: gone.url }));
      await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn }));
      const failed = await h.taskIn(dlq.arn, ['FAILED', 'COMPLETED']);
      expect(failed).toMatchObject({ Status: 'FAILED', FailureReason: 'AWS.SimpleQueueService.NonExistentQueue' });
      expect(failed.TaskHandle).toBeUndefined();
      expect((await h.depth(dlq.url)).visible).toBe(3);
    });

    it('fails with AWS.SimpleQueueService.NonExistentQueue when the destination is deleted while the task runs', async () => {
      const dlq = await h.create(unique('dlq'));
      await h.create(unique('src'), { RedrivePolicy: h.redrive(dlq.arn, 3) });
      const dest = await h.create(unique('dest'));
      await h.sendMany(dlq.url, 20);
      await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, DestinationArn: dest.arn, MaxNumberOfMessagesPerSecond: 10 }));
      await sleep(300);
      await sqs.send(new DeleteQueueCommand({ QueueUrl: dest.url }));
      const failed = await h.taskIn(dlq.arn, ['FAILED', 'COMPLETED'], 5000);
      expect(failed).toMatchObject({ Status: 'FAILED', FailureReason: 'AWS.SimpleQueueService.NonExistentQueue', ApproximateNumberOfMessagesToMove: 20 });
      expect(failed.ApproximateNumberOfMessagesMoved).toBeLessThan(20);
      expect((await h.depth(dlq.url)).visible).toBe(20 - failed.ApproximateNumberOfMessagesMoved!);
    });

    it('refuses a source that is not a dead-letter queue, unknown ARNs (ResourceNotFoundException, 404) and a bad task handle', async () => {
      const plain = await h.create(unique('plain'));
      const notDlq = await failure(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: plain.arn })));
      expect(notDlq).toMatchObject({ name: 'InvalidParameterValue', status: 400, message: 'Source queue must be configured as a Dead Letter Queue.' });

      const unknownSource = await failure(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: arnOf(unique('ghost')) })));
      expect(unknownSource).toMatchObject({
        name: 'ResourceNotFoundException',
        status: 404,
        message: "The resource that you specified for the SourceArn parameter doesn't exist.",
      });

      const dlq = await h.create(unique('dlq'));
      await h.create(unique('src'), { RedrivePolicy: h.redrive(dlq.arn, 3) });
      const unknownDest = await failure(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, DestinationArn: arnOf(unique('ghost')) })));
      expect(unknownDest).toMatchObject({
        name: 'ResourceNotFoundException',
        status: 404,
        message: "The resource that you specified for the DestinationArn parameter doesn't exist.",
      });
      expect(await h.tasks(dlq.arn)).toEqual([]);

      const listUnknown = await failure(sqs.send(new ListMessageMoveTasksCommand({ SourceArn: arnOf(unique('ghost')) })));
      expect(listUnknown).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
      const badHandle = await failure(sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle: 'not-a-handle' })));
      expect(badHandle).toMatchObject({ name: 'InvalidParameterValue', status: 400, message: 'Value for parameter TaskHandle is invalid.' });
      // A well-formed handle (base64 JSON of taskId and sourceArn, as AWS's) naming an unknown queue, or an unknown task.
      const handle = (taskId: string, sourceArn: string) => Buffer.from(JSON.stringify({ taskId, sourceArn }), 'utf8').toString('base64');
      const ghostSource = await failure(sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle: handle('10f57157-fc38-4da9-a113-4de7e12d05dd', arnOf(unique('ghost'))) })));
      expect(ghostSource).toMatchObject({ name: 'ResourceNotFoundException', status: 404, message: "The resource that you specified for the SourceArn parameter doesn't exist." });
      const ghostTask = await failure(sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle: handle('10f57157-fc38-4da9-a113-4de7e12d05aa', dlq.arn) })));
      expect(ghostTask).toMatchObject({ name: 'ResourceNotFoundException', status: 404, message: 'Task does not exist.' });
      const badRate = await failure(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, MaxNumberOfMessagesPerSecond: 501 })));
      expect(badRate).toMatchObject({ name: 'InvalidParameterValue', status: 400 });
    });
  });
});

describe('dead-letter retention (manual clock)', () => {
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
  const h = helpers(() => sqs);

  /** Sends one message, lets it wait 50 s in the source, dead-letters it, then lets 20 s pass in a DLQ that keeps messages 60 s. */
  async function deadLetterAfter50s(fifo: boolean): Promise<{ dlqUrl: string; messageId: string }> {
    const suffix = fifo ? '.fifo' : '';
    const fifoAttrs: Record<string, string> = fifo ? { FifoQueue: 'true', ContentBasedDeduplication: 'true' } : {};
    const dlq = await h.create(`${unique('ret-dlq')}${suffix}`, { ...fifoAttrs, MessageRetentionPeriod: '60' });
    const src = await h.create(`${unique('ret-src')}${suffix}`, { ...fifoAttrs, RedrivePolicy: h.redrive(dlq.arn, 1) });
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: src.url, MessageBody: 'aging', ...(fifo ? { MessageGroupId: 'g' } : {}) }));
    clock.advance(50_000);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: src.url, VisibilityTimeout: 0 }))).Messages).toHaveLength(1);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: src.url, VisibilityTimeout: 0 }))).Messages).toBeUndefined();
    expect((await h.depth(dlq.url)).visible).toBe(1);
    clock.advance(20_000);
    return { dlqUrl: dlq.url, messageId: sent.MessageId! };
  }

  it('a standard DLQ expires a message by its original enqueue time, not by when it was dead-lettered', async () => {
    const { dlqUrl } = await deadLetterAfter50s(false);
    // 70 s after the send, past the DLQ's 60 s retention although it has been there only 20 s.
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl }))).Messages).toBeUndefined();
    expect((await h.depth(dlqUrl)).visible).toBe(0);
  });

  // AWS resets a FIFO message's enqueue timestamp when it is moved to a FIFO DLQ ("For FIFO
  // queues, the enqueue timestamp resets when the message is moved to a dead-letter queue", SQS
  // Developer Guide, setting-up-dead-letter-queue-retention).
  it('a FIFO DLQ restarts the retention clock when a message is dead-lettered', async () => {
    const { dlqUrl, messageId } = await deadLetterAfter50s(true);
    const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl }))).Messages ?? [];
    expect(got.map((m) => m.MessageId)).toEqual([messageId]);
  });
});

describe('a message move task survives a restart of the server process', () => {
  afterEach(async () => {
    await cleanupServerProcesses();
  });

  it('resumes after SIGKILL and completes, with every message back in the source exactly once', async () => {
    const dataDir = makeTempDir();
    let server = await startServerProcess({ dataDir });
    let sqs = client(server.endpoint);
    try {
      const h = helpers(() => sqs);
      const dlq = await h.create(unique('dlq'));
      const src = await h.create(unique('src'), { RedrivePolicy: h.redrive(dlq.arn, 1) });
      const ids = await h.sendMany(src.url, 200, 'restart');
      await h.deadLetterAll(src, dlq, 200);

      await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, MaxNumberOfMessagesPerSecond: 20 }));
      const midway = await waitFor('the task to be part-way', async () => {
        const [task] = await h.tasks(dlq.arn);
        return task && task.ApproximateNumberOfMessagesMoved! >= 30 ? task : undefined;
      }, 10_000);
      expect(midway.Status).toBe('RUNNING');
      expect(await stopServerProcess(server, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
      sqs.destroy();

      server = await startServerProcess({ dataDir });
      sqs = client(server.endpoint);
      const [resumed] = await h.tasks(dlq.arn);
      expect(resumed).toMatchObject({ Status: 'RUNNING', SourceArn: dlq.arn, ApproximateNumberOfMessagesToMove: 200, StartedTimestamp: midway.StartedTimestamp });
      expect(resumed!.ApproximateNumberOfMessagesMoved).toBeLessThan(200);
      expect(resumed!.ApproximateNumberOfMessagesMoved).toBeGreaterThanOrEqual(midway.ApproximateNumberOfMessagesMoved!);

      const done = await h.taskIn(dlq.arn, ['COMPLETED', 'FAILED', 'CANCELLED'], 20_000);
      expect(done.Status).toBe('COMPLETED');
      expect(done.FailureReason).toBeUndefined();
      // Progress and the moves it counts are separate commits, so after a kill the count may
      // trail by at most one tick's worth (2 messages at 20/s); the messages themselves may not.
      expect(done.ApproximateNumberOfMessagesMoved).toBeGreaterThanOrEqual(198);
      expect(done.ApproximateNumberOfMessagesMoved).toBeLessThanOrEqual(200);

      expect(await h.depth(dlq.url)).toEqual({ visible: 0, notVisible: 0, delayed: 0 });
      const back = await h.drain(src.url);
      const distinct = new Set(back.map((m) => m.MessageId));
      expect(back).toHaveLength(200);
      expect(distinct.size).toBe(200);
      expect([...distinct].sort()).toEqual([...ids].sort());
    } finally {
      sqs.destroy();
    }
  }, 50_000);
});
