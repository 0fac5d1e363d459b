// Encryption at rest, end to end: a server process on a fresh data dir, queues with SSE-SQS (the
// default), SSE-KMS and no encryption, and a byte-level search of every file in the data dir for
// what was sent. Encrypted contents must never be found; the unencrypted control must be.
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
  type MessageAttributeValue,
} from '@aws-sdk/client-sqs';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanupServerProcesses, makeTempDir, startServerProcess, stopServerProcess, type ServerProcess } from './support/server-process.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

function client(endpoint: string): SQSClient {
  return new SQSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
}

async function failure(p: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await p;
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

const secret = (what: string) => `tributary-${what}-${randomBytes(12).toString('hex')}`;

/** Every regular file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** The files under `dir` (relative names) whose bytes contain `needle` as UTF-8 or as UTF-16LE. */
function filesContaining(dir: string, needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return filesUnder(dir)
    .filter((path) => {
      const bytes = readFileSync(path);
      return forms.some((form) => bytes.includes(form));
    })
    .map((path) => path.slice(dir.length + 1));
}

interface Sent {
  url: string;
  body: string;
  attribute: string;
  messageId: string;
}

interface Setup {
  sse: Sent;
  kms: Sent;
  /** SSE-SQS on a FIFO queue with content-based deduplication. */
  fifo: Sent;
  plain: Sent;
}

/** Creates the three queues, checks their encryption attributes and sends one secret message to each. */
async function createAndSend(sqs: SQSClient, tag: string): Promise<Setup> {
  const create = async (name: string, Attributes?: Record<string, string>) =>
    (await sqs.send(new CreateQueueCommand({ QueueName: `${name}-${tag}`, Attributes }))).QueueUrl!;
  const attrs = async (QueueUrl: string) => (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))).Attributes!;

  const sseUrl = await create('sse');
  const plainUrl = await create('plain', { SqsManagedSseEnabled: 'false' });
  const kmsUrl = await create('kms', { KmsMasterKeyId: 'alias/aws/sqs' });
  const fifoUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `fifo-${tag}.fifo`, Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } }))).QueueUrl!;
  expect((await attrs(fifoUrl)).SqsManagedSseEnabled).toBe('true');
  const sseAttrs = await attrs(sseUrl);
  expect(sseAttrs.SqsManagedSseEnabled).toBe('true');
  expect(sseAttrs.KmsMasterKeyId).toBeUndefined();
  expect((await attrs(plainUrl)).SqsManagedSseEnabled).toBe('false');
  expect(await attrs(kmsUrl)).toMatchObject({ KmsMasterKeyId: 'alias/aws/sqs', KmsDataKeyReusePeriodSeconds: '300', SqsManagedSseEnabled: 'false' });

  const send = async (url: string, what: string, MessageGroupId?: string): Promise<Sent> => {
    const body = secret(`${what}-body`);
    const attribute = secret(`${what}-attr`);
    const MessageAttributes: Record<string, MessageAttributeValue> = { marker: { DataType: 'String', StringValue: attribute } };
    const res = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageAttributes, MessageGroupId }));
    return { url, body, attribute, messageId: res.MessageId! };
  };
  return {
    sse: await send(sseUrl, 'sse'),
    kms: await send(kmsUrl, 'kms'),
    fifo: await send(fifoUrl, 'fifo', 'group-1'),
    plain: await send(plainUrl, 'plain'),
  };
}

/** The encrypted secrets are nowhere in the data dir; the plain control body is (so the search works). */
function expectOnlyPlainOnDisk(dataDir: string, s: Setup): void {
  for (const sent of [s.sse, s.kms, s.fifo]) {
    expect(filesContaining(dataDir, sent.body), sent.body).toEqual([]);
    expect(filesContaining(dataDir, sent.attribute), sent.attribute).toEqual([]);
  }
  expect(filesContaining(dataDir, s.plain.body).length).toBeGreaterThan(0);
  expect(filesContaining(dataDir, s.plain.attribute).length).toBeGreaterThan(0);
}

async function expectReceivedIntact(sqs: SQSClient, sent: Sent): Promise<void> {
  const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: sent.url, MessageAttributeNames: ['All'], VisibilityTimeout: 0 }))).Messages ?? [];
  expect(got.map((m) => [m.MessageId, m.Body, m.MessageAttributes?.marker?.StringValue])).toEqual([[sent.messageId, sent.body, sent.attribute]]);
}

describe('SQS encryption at rest (server process, data dir searched byte by byte)', () => {
  afterEach(async () => {
    await cleanupServerProcesses();
  });

  it('keeps SSE-SQS (standard and FIFO) and SSE-KMS message contents out of every file while running and after SIGKILL, and reads them back after a restart', async () => {
    const dataDir = makeTempDir();
    let server: ServerProcess = await startServerProcess({ dataDir });
    let sqs = client(server.endpoint);
    try {
      const s = await createAndSend(sqs, 'kill');

      // While the server runs: the acknowledged sends are in the database or its WAL.
      const files = filesUnder(dataDir).map((p) => p.slice(dataDir.length + 1));
      expect(files).toContain('tributary.db');
      expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
      expectOnlyPlainOnDisk(dataDir, s);

      const key = statSync(join(dataDir, 'master.key'));
      expect(key.isFile()).toBe(true);
      expect(key.mode & 0o777).toBe(0o600);
      expect(key.size).toBeGreaterThan(0);

      // After a crash, with nothing checkpointed or cleaned up.
      expect(await stopServerProcess(server, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
      sqs.destroy();
      expectOnlyPlainOnDisk(dataDir, s);

      server = await startServerProcess({ dataDir });
      sqs = client(server.endpoint);
      await expectReceivedIntact(sqs, s.sse);
      await expectReceivedIntact(sqs, s.kms);
      await expectReceivedIntact(sqs, s.fifo);
      await expectReceivedIntact(sqs, s.plain);
      expect(statSync(join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    } finally {
      sqs.destroy();
    }
  });

  it('keeps them out of every file after a clean SIGTERM shutdown too, and reads them back after a restart', async () => {
    const dataDir = makeTempDir();
    let server: ServerProcess = await startServerProcess({ dataDir });
    let sqs = client(server.endpoint);
    try {
      const s = await createAndSend(sqs, 'term');
      expect(await stopServerProcess(server, 'SIGTERM')).toEqual({ code: 0, signal: null });
      sqs.destroy();
      expectOnlyPlainOnDisk(dataDir, s);

      server = await startServerProcess({ dataDir });
      sqs = client(server.endpoint);
      await expectReceivedIntact(sqs, s.sse);
      await expectReceivedIntact(sqs, s.kms);
    } finally {
      sqs.destroy();
    }
  });
});

describe('SSE attribute rules', () => {
  let server: ServerProcess;
  let sqs: SQSClient;
  beforeAll(async () => {
    server = await startServerProcess();
    sqs = client(server.endpoint);
  });
  afterAll(async () => {
    sqs.destroy();
    await cleanupServerProcesses();
  });

  it('refuses SqsManagedSseEnabled=true together with KmsMasterKeyId (InvalidAttributeName), on create and on set', async () => {
    const both = { SqsManagedSseEnabled: 'true', KmsMasterKeyId: 'alias/aws/sqs' };
    const onCreate = await failure(sqs.send(new CreateQueueCommand({ QueueName: `both-${process.pid}`, Attributes: both })));
    expect(onCreate).toMatchObject({ name: 'InvalidAttributeName', status: 400 });
    expect(onCreate.message).toContain('one type of server-side encryption');

    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `set-both-${process.pid}` }));
    const onSet = await failure(sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: both })));
    expect(onSet).toMatchObject({ name: 'InvalidAttributeName', status: 400 });
    const after = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))).Attributes!;
    expect(after.SqsManagedSseEnabled).toBe('true');
    expect(after.KmsMasterKeyId).toBeUndefined();
  });

  it('switching a queue to SSE-KMS turns SSE-SQS off, and switching back removes the KMS key', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `switch-${process.pid}` }));
    const get = async () => (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }))).Attributes!;
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { KmsMasterKeyId: 'alias/aws/sqs' } }));
    expect(await get()).toMatchObject({ KmsMasterKeyId: 'alias/aws/sqs', KmsDataKeyReusePeriodSeconds: '300', SqsManagedSseEnabled: 'false' });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { SqsManagedSseEnabled: 'true' } }));
    const back = await get();
    expect(back.SqsManagedSseEnabled).toBe('true');
    expect(back.KmsMasterKeyId).toBeUndefined();
  });
});
