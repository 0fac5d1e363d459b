// Durability of the server as a process: what the server acknowledged must survive kill -9 and a
// graceful stop, because the store answers only after its group commit.
import { createHash, randomUUID } from 'node:crypto';
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  TagQueueCommand,
  UntagQueueCommand,
  type Message,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupServerProcesses, sqsClient, startServerProcess, stopServerProcess } from './support/server-process.js';

const clients: SQSClient[] = [];
/** No retries: a send is either acknowledged once or fails the test (a retried send could add a duplicate). */
function client(endpoint: string): SQSClient {
  const c = sqsClient(endpoint, { maxAttempts: 1 });
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await cleanupServerProcesses();
});

// --- what we send, and how to recognise it again ----------------------------------------------

interface Outgoing {
  body: string;
  attributes: Record<string, MessageAttributeValue> | undefined;
}

interface Acked extends Outgoing {
  messageId: string;
  md5OfBody: string | undefined;
  md5OfAttributes: string | undefined;
}

function bytes(i: number): Uint8Array {
  return Uint8Array.from({ length: 1 + (i % 40) }, (_, k) => (i * 31 + k * 7) % 256);
}

/** Message `i`: a unique body (some large, some non-ASCII) and a varying set of attributes. */
function outgoing(tag: string, i: number): Outgoing {
  const pad = i % 50 === 0 ? 'x'.repeat(64 * 1024) : '';
  const body = `${tag} #${i} ${randomUUID()} größe ✓ 🚀 <&>"'${pad}`;
  if (i % 4 === 0) return { body, attributes: undefined };
  const attributes: Record<string, MessageAttributeValue> = {
    seq: { DataType: 'Number', StringValue: String(i) },
    kind: { DataType: 'String', StringValue: `kind-${i % 7} ünïcødé` },
  };
  if (i % 4 === 2) attributes.blob = { DataType: 'Binary', BinaryValue: bytes(i) };
  if (i % 4 === 3) {
    attributes['custom.json'] = { DataType: 'String.json', StringValue: JSON.stringify({ i, tag }) };
    attributes.ratio = { DataType: 'Number.float', StringValue: '3.14' };
    attributes.raw = { DataType: 'Binary.octets', BinaryValue: bytes(i + 1) };
  }
  return { body, attributes };
}

function md5(data: string | Uint8Array): string {
  return createHash('md5').update(data).digest('hex');
}

/** AWS's MD5 of message attributes, computed here independently of the server. */
function md5OfAttributes(attributes: Record<string, MessageAttributeValue> | undefined): string | undefined {
  if (!attributes || Object.keys(attributes).length === 0) return undefined;
  const hash = createHash('md5');
  const prefixed = (b: Uint8Array): void => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    hash.update(len).update(b);
  };
  for (const name of Object.keys(attributes).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))) {
    const a = attributes[name]!;
    prefixed(Buffer.from(name, 'utf8'));
    prefixed(Buffer.from(a.DataType!, 'utf8'));
    if (a.BinaryValue !== undefined) {
      hash.update(Buffer.from([2]));
      prefixed(a.BinaryValue);
    } else {
      hash.update(Buffer.from([1]));
      prefixed(Buffer.from(a.StringValue ?? '', 'utf8'));
    }
  }
  return hash.digest('hex');
}

/** Attributes in a comparable form (binary values as hex). */
function normalize(attributes: Record<string, MessageAttributeValue> | undefined): Record<string, { DataType?: string; StringValue?: string; BinaryValue?: string }> {
  const out: Record<string, { DataType?: string; StringValue?: string; BinaryValue?: string }> = {};
  for (const [name, a] of Object.entries(attributes ?? {})) {
    out[name] =
      a.BinaryValue !== undefined
        ? { DataType: a.DataType, BinaryValue: Buffer.from(a.BinaryValue).toString('hex') }
        : { DataType: a.DataType, StringValue: a.StringValue };
  }
  return out;
}

/**
 * Sends `count` messages from `senders` concurrent senders, alternating single SendMessage calls
 * and SendMessageBatch calls of 2 to 10 entries. Resolves with every acknowledged message.
 */
async function sendMany(sqs: SQSClient, queueUrl: string, tag: string, count: number, senders: number): Promise<Acked[]> {
  const acked: Acked[] = [];
  let next = 0;
  let call = 0;
  const sender = async (): Promise<void> => {
    while (next < count) {
      const c = call++;
      const size = c % 3 === 0 ? 1 : Math.min(2 + (c % 9), count - next);
      const batch = Array.from({ length: size }, () => outgoing(tag, next++));
      if (batch.length === 1) {
        const m = batch[0]!;
        const r = await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: m.body, MessageAttributes: m.attributes }));
        acked.push({ ...m, messageId: r.MessageId!, md5OfBody: r.MD5OfMessageBody, md5OfAttributes: r.MD5OfMessageAttributes });
      } else {
        const r = await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: batch.map((m, k) => ({ Id: `e${k}`, MessageBody: m.body, MessageAttributes: m.attributes })),
          }),
        );
        expect(r.Failed ?? []).toEqual([]);
        for (const s of r.Successful ?? []) {
          const m = batch[Number(s.Id!.slice(1))]!;
          acked.push({ ...m, messageId: s.MessageId!, md5OfBody: s.MD5OfMessageBody, md5OfAttributes: s.MD5OfMessageAttributes });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: senders }, sender));
  return acked;
}

/** Receives until two receives in a row come back empty; a long visibility timeout keeps each message out once received. */
async function receiveAll(sqs: SQSClient, queueUrl: string): Promise<Message[]> {
  const all: Message[] = [];
  let empty = 0;
  while (empty < 2) {
    const r = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 600,
        WaitTimeSeconds: 0,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
      }),
    );
    const got = r.Messages ?? [];
    empty = got.length === 0 ? empty + 1 : 0;
    all.push(...got);
  }
  return all;
}

/** Every acknowledged message is among `received`, with its body and attributes intact. */
function expectAllPresent(acked: Acked[], received: Message[]): void {
  const byId = new Map(received.map((m) => [m.MessageId!, m]));
  expect(byId.size, 'a message was delivered twice').toBe(received.length);
  const missing = acked.filter((a) => !byId.has(a.messageId)).map((a) => a.messageId);
  expect(missing, `${missing.length} of ${acked.length} acknowledged messages are lost`).toEqual([]);
  const wrong: string[] = [];
  for (const a of acked) {
    const m = byId.get(a.messageId)!;
    const expectedAttrMd5 = md5OfAttributes(a.attributes);
    const problems = [
      m.Body !== a.body && 'body',
      m.MD5OfBody !== md5(a.body) && 'MD5OfBody',
      a.md5OfBody !== md5(a.body) && 'MD5OfMessageBody at send',
      a.md5OfAttributes !== expectedAttrMd5 && 'MD5OfMessageAttributes at send',
      m.MD5OfMessageAttributes !== expectedAttrMd5 && 'MD5OfMessageAttributes at receive',
      JSON.stringify(normalize(m.MessageAttributes)) !== JSON.stringify(normalize(sortKeys(a.attributes))) && 'attributes',
    ].filter(Boolean);
    if (problems.length > 0) wrong.push(`${a.messageId}: ${problems.join(', ')}`);
  }
  expect(wrong).toEqual([]);
}

function sortKeys<T>(o: Record<string, T> | undefined): Record<string, T> | undefined {
  return o && Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function normalizeReceived(received: Message[]): Message[] {
  // The server may return attributes in any order; compare them sorted by name.
  return received.map((m) => ({ ...m, MessageAttributes: sortKeys(m.MessageAttributes) }));
}

// --- queues whose settings must survive ------------------------------------------------------

const VOLATILE = /^Approximate/;

async function queueState(sqs: SQSClient, name: string): Promise<{ attributes: Record<string, string>; tags: Record<string, string> }> {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
  const a = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
  const t = await sqs.send(new ListQueueTagsCommand({ QueueUrl }));
  const attributes = Object.fromEntries(Object.entries(a.Attributes ?? {}).filter(([k]) => !VOLATILE.test(k)));
  return { attributes, tags: t.Tags ?? {} };
}

/** Creates `<prefix>-main` (reconfigured and retagged after creation), `<prefix>-side` and a deleted `<prefix>-gone`. */
async function setUpQueues(sqs: SQSClient, prefix: string): Promise<string> {
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({
      QueueName: `${prefix}-main`,
      Attributes: { VisibilityTimeout: '40', MessageRetentionPeriod: '86400', MaximumMessageSize: '262144', ReceiveMessageWaitTimeSeconds: '0' },
      tags: { env: 'e2e', owner: 'durability', doomed: 'yes' },
    }),
  );
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { VisibilityTimeout: '41' } }));
  await sqs.send(new TagQueueCommand({ QueueUrl, Tags: { added: 'later' } }));
  await sqs.send(new UntagQueueCommand({ QueueUrl, TagKeys: ['doomed'] }));
  await sqs.send(new CreateQueueCommand({ QueueName: `${prefix}-side`, Attributes: { DelaySeconds: '5' }, tags: { side: '1' } }));
  const gone = await sqs.send(new CreateQueueCommand({ QueueName: `${prefix}-gone` }));
  await sqs.send(new DeleteQueueCommand({ QueueUrl: gone.QueueUrl }));
  return QueueUrl!;
}

async function queueNames(sqs: SQSClient, prefix: string): Promise<string[]> {
  const r = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: prefix }));
  return (r.QueueUrls ?? []).map((u) => u.slice(u.lastIndexOf('/') + 1)).sort();
}

async function urlOf(sqs: SQSClient, name: string): Promise<string> {
  return (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
}

describe('durability across restarts', () => {
  it('keeps every acknowledged message, with body and attributes, and all queue settings and tags after SIGKILL right after the last ack', async () => {
    const first = await startServerProcess();
    const sqs = client(first.endpoint);
    const queueUrl = await setUpQueues(sqs, 'crash');
    const mainBefore = await queueState(sqs, 'crash-main');
    const sideBefore = await queueState(sqs, 'crash-side');
    expect(mainBefore.attributes.VisibilityTimeout).toBe('41');
    expect(mainBefore.tags).toEqual({ env: 'e2e', owner: 'durability', added: 'later' });

    const acked = await sendMany(sqs, queueUrl, 'crash', 300, 6);
    first.kill('SIGKILL'); // no chance to shut down gracefully
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acked).toHaveLength(300);
    expect(new Set(acked.map((a) => a.messageId)).size).toBe(300);

    const second = await startServerProcess({ dataDir: first.dataDir });
    const sqs2 = client(second.endpoint);
    expect(await queueNames(sqs2, 'crash')).toEqual(['crash-main', 'crash-side']);
    expect(await queueState(sqs2, 'crash-main')).toEqual(mainBefore);
    expect(await queueState(sqs2, 'crash-side')).toEqual(sideBefore);

    const received = normalizeReceived(await receiveAll(sqs2, await urlOf(sqs2, 'crash-main')));
    expectAllPresent(acked, received);
    expect(received).toHaveLength(300);
  });

  it('exits with code 0 on SIGTERM and keeps every acknowledged message and queue setting', async () => {
    const first = await startServerProcess();
    const sqs = client(first.endpoint);
    const queueUrl = await setUpQueues(sqs, 'term');
    const mainBefore = await queueState(sqs, 'term-main');
    const acked = await sendMany(sqs, queueUrl, 'term', 120, 4);

    expect(await stopServerProcess(first, 'SIGTERM')).toEqual({ code: 0, signal: null });

    const second = await startServerProcess({ dataDir: first.dataDir });
    const sqs2 = client(second.endpoint);
    expect(await queueNames(sqs2, 'term')).toEqual(['term-main', 'term-side']);
    expect(await queueState(sqs2, 'term-main')).toEqual(mainBefore);
    const received = normalizeReceived(await receiveAll(sqs2, await urlOf(sqs2, 'term-main')));
    expectAllPresent(acked, received);
    expect(received).toHaveLength(120);
  });

  it('after SIGKILL, redelivers messages received but not deleted, keeps their visibility and receipt handles, and never brings back a deleted message', async () => {
    const first = await startServerProcess();
    const sqs = client(first.endpoint);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'alo' }));
    for (const body of ['A', 'B', 'C']) await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body }));

    const got = new Map<string, Message>();
    while (got.size < 3) {
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 600, WaitTimeSeconds: 1 }));
      for (const m of r.Messages ?? []) got.set(m.Body!, m);
    }
    // A: received, then made visible again one second later. B: deleted. C: received, left in flight.
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: got.get('A')!.ReceiptHandle, VisibilityTimeout: 1 }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: got.get('B')!.ReceiptHandle }));
    first.kill('SIGKILL');
    await first.exited;

    const second = await startServerProcess({ dataDir: first.dataDir });
    const sqs2 = client(second.endpoint);
    const url2 = await urlOf(sqs2, 'alo');
    const receive = async (wait: number): Promise<Message[]> =>
      (
        await sqs2.send(
          new ReceiveMessageCommand({ QueueUrl: url2, MaxNumberOfMessages: 10, VisibilityTimeout: 600, WaitTimeSeconds: wait, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }),
        )
      ).Messages ?? [];

    // A comes back once its one-second visibility timeout is over, as its second receive.
    const a = await receive(5);
    expect(a.map((m) => [m.Body, m.MessageId, m.Attributes?.ApproximateReceiveCount])).toEqual([['A', got.get('A')!.MessageId, '2']]);

    // C is still in flight, and the receipt handle issued before the crash still works.
    await sqs2.send(new ChangeMessageVisibilityCommand({ QueueUrl: url2, ReceiptHandle: got.get('C')!.ReceiptHandle, VisibilityTimeout: 0 }));
    const c = await receive(2);
    expect(c.map((m) => [m.Body, m.MessageId, m.Attributes?.ApproximateReceiveCount])).toEqual([['C', got.get('C')!.MessageId, '2']]);

    // B is gone: nothing else is visible, in flight or delayed.
    expect(await receive(1)).toEqual([]);
    const attrs = await sqs2.send(
      new GetQueueAttributesCommand({
        QueueUrl: url2,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
      }),
    );
    expect(attrs.Attributes).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '2', ApproximateNumberOfMessagesDelayed: '0' });
  });

  it('keeps every acknowledged message when SIGKILL lands while sends are in flight', async () => {
    const first = await startServerProcess();
    const sqs = client(first.endpoint);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'inflight' }));
    const attempted = new Set<string>();
    const acked: Acked[] = [];
    let killed = false;
    let failedByKill = 0;
    let seq = 0;

    const sender = async (w: number): Promise<void> => {
      for (let call = w; !killed; call++) {
        const batch = Array.from({ length: call % 2 === 0 ? 1 : 5 }, () => outgoing('inflight', seq++));
        for (const m of batch) attempted.add(m.body);
        try {
          if (batch.length === 1) {
            const m = batch[0]!;
            const r = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: m.body, MessageAttributes: m.attributes }));
            acked.push({ ...m, messageId: r.MessageId!, md5OfBody: r.MD5OfMessageBody, md5OfAttributes: r.MD5OfMessageAttributes });
          } else {
            const r = await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: batch.map((m, k) => ({ Id: `e${k}`, MessageBody: m.body, MessageAttributes: m.attributes })) }));
            for (const s of r.Successful ?? []) {
              const m = batch[Number(s.Id!.slice(1))]!;
              acked.push({ ...m, messageId: s.MessageId!, md5OfBody: s.MD5OfMessageBody, md5OfAttributes: s.MD5OfMessageAttributes });
            }
          }
        } catch (err) {
          if (!killed) throw err;
          failedByKill++;
          return;
        }
      }
    };
    // Kill from a timer, not from a reply: replies to one group commit arrive together, while
    // between replies every sender has its next request on the way.
    const killer = async (): Promise<void> => {
      while (acked.length < 200) await new Promise((r) => setTimeout(r, 1));
      killed = true;
      first.kill('SIGKILL');
    };
    await Promise.all([killer(), ...Array.from({ length: 8 }, (_, w) => sender(w))]);
    await first.exited;
    expect(failedByKill, 'no send was in flight when the server was killed').toBeGreaterThan(0);

    const second = await startServerProcess({ dataDir: first.dataDir });
    const sqs2 = client(second.endpoint);
    const received = normalizeReceived(await receiveAll(sqs2, await urlOf(sqs2, 'inflight')));
    expectAllPresent(acked, received);
    // Whatever else is there was at least sent by us (an unacknowledged send may or may not have landed).
    const strangers = received.filter((m) => !attempted.has(m.Body!));
    expect(strangers).toEqual([]);
  });
});
