// Shared support for the SNS end-to-end suites: SDK v3 clients, AWS's error shape, SNS message
// signatures checked independently of the server (the string to sign is built here from AWS's
// documentation, and verified with node:crypto against the certificate at SigningCertURL), SQS
// polling, the outbox, Prometheus metrics, and a local HTTP endpoint that records what SNS POSTs.
import { createHash, verify, X509Certificate } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SNSClient } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
  type MessageAttributeValue,
} from '@aws-sdk/client-sqs';

// The SDK warns once per process about Node < 22; this SDK version reads this variable.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const ACCOUNT = '000000000000';
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** One attempt per call: a retried Publish could deliver twice, and errors must not be hidden. */
export function snsClient(endpoint: string, region = 'us-east-1'): SNSClient {
  return new SNSClient({ endpoint, region, credentials: CREDENTIALS, maxAttempts: 1 });
}

export function sqsClient(endpoint: string, region = 'us-east-1'): SQSClient {
  return new SQSClient({ endpoint, region, credentials: CREDENTIALS, maxAttempts: 1 });
}

let counter = 0;
/** A name no other test (or earlier run in this process) uses. */
export const unique = (prefix: string): string =>
  `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;

export interface Failure {
  /** The modeled shape name, e.g. NotFoundException. */
  name: string;
  /** The query-protocol code, e.g. NotFound. */
  code: string;
  message: string;
  status: number | undefined;
}

/** The error a call fails with; throws if it succeeds. */
export async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (err) {
    const e = err as {
      name: string;
      Code?: string;
      message: string;
      $metadata?: { httpStatusCode?: number };
    };
    return {
      name: e.name,
      code: e.Code ?? e.name,
      message: e.message,
      status: e.$metadata?.httpStatusCode,
    };
  }
  throw new Error('expected the call to fail');
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

// --- signatures, as AWS documents them -----------------------------------------------------------

/** A delivered SNS JSON document (Notification, SubscriptionConfirmation, UnsubscribeConfirmation). */
export type SnsDocument = Record<string, unknown> & {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
};

const str = (doc: Record<string, unknown>, key: string): string => {
  const v = doc[key];
  if (typeof v !== 'string')
    throw new Error(`document has no string ${key}: ${JSON.stringify(doc)}`);
  return v;
};

/** "Message\n…\nMessageId\n…\n[Subject\n…\n]Timestamp\n…\nTopicArn\n…\nType\n…\n" */
export function notificationStringToSign(doc: Record<string, unknown>): string {
  let s = `Message\n${str(doc, 'Message')}\nMessageId\n${str(doc, 'MessageId')}\n`;
  if (doc.Subject !== undefined) s += `Subject\n${str(doc, 'Subject')}\n`;
  s += `Timestamp\n${str(doc, 'Timestamp')}\nTopicArn\n${str(doc, 'TopicArn')}\nType\n${str(doc, 'Type')}\n`;
  return s;
}

/** Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type. */
export function confirmationStringToSign(doc: Record<string, unknown>): string {
  return ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type']
    .map((k) => `${k}\n${str(doc, k)}\n`)
    .join('');
}

const certificates = new Map<string, X509Certificate>();

/** Downloads (once per URL) the certificate a message names; only from 127.0.0.1. */
export async function certificateAt(url: string): Promise<X509Certificate> {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') throw new Error(`refusing to fetch a certificate from ${u.host}`);
  if (!/^\/_tributary\/sns\/SimpleNotificationService-[0-9a-f]+\.pem$/.test(u.pathname))
    throw new Error(`unexpected SigningCertURL ${url}`);
  let cert = certificates.get(url);
  if (!cert) {
    const res = await fetch(u);
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    cert = new X509Certificate(await res.text());
    certificates.set(url, cert);
  }
  return cert;
}

/** Whether the document's Signature verifies against the certificate at its SigningCertURL. */
export async function signatureVerifies(doc: Record<string, unknown>): Promise<boolean> {
  const cert = await certificateAt(str(doc, 'SigningCertURL'));
  const text =
    doc.Type === 'Notification' ? notificationStringToSign(doc) : confirmationStringToSign(doc);
  const version = str(doc, 'SignatureVersion');
  const algorithm = version === '1' ? 'sha1' : version === '2' ? 'sha256' : undefined;
  if (!algorithm) throw new Error(`unknown SignatureVersion ${version}`);
  return verify(
    algorithm,
    Buffer.from(text, 'utf8'),
    cert.publicKey,
    Buffer.from(str(doc, 'Signature'), 'base64'),
  );
}

// --- SQS ---------------------------------------------------------------------------------------

export async function createQueue(
  sqs: SQSClient,
  name: string,
  attributes?: Record<string, string>,
): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: name, Attributes: attributes }),
  );
  const attrs = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  return { url: QueueUrl!, arn: attrs.Attributes!.QueueArn! };
}

/**
 * Receives (and deletes) messages until `count` have arrived or `timeoutMs` passed, then returns
 * them all in arrival order, with every system and message attribute.
 */
export async function receiveMessages(
  sqs: SQSClient,
  queueUrl: string,
  count: number,
  timeoutMs = 5000,
): Promise<Message[]> {
  const out: Message[] = [];
  const deadline = Date.now() + timeoutMs;
  while (out.length < count && Date.now() < deadline) {
    const r = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    const got = r.Messages ?? [];
    if (got.length === 0) continue;
    out.push(...got);
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: got.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
  }
  return out;
}

/** Receives exactly one message (failing if none arrives in time) and parses its body as JSON. */
export async function receiveEnvelope(
  sqs: SQSClient,
  queueUrl: string,
  timeoutMs = 5000,
): Promise<{ message: Message; body: SnsDocument }> {
  const [message] = await receiveMessages(sqs, queueUrl, 1, timeoutMs);
  if (!message) throw new Error(`no message arrived in ${queueUrl}`);
  return { message, body: JSON.parse(message.Body!) as SnsDocument };
}

/** What a queue holds, counted by SQS. */
export async function queueDepth(sqs: SQSClient, queueUrl: string): Promise<number> {
  const r = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(r.Attributes!.ApproximateNumberOfMessages) +
    Number(r.Attributes!.ApproximateNumberOfMessagesNotVisible)
  );
}

/** AWS's MD5 of SQS message attributes, computed here independently of the server. */
export function md5OfMessageAttributes(attributes: Record<string, MessageAttributeValue>): string {
  const hash = createHash('md5');
  const prefixed = (b: Uint8Array): void => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    hash.update(len).update(b);
  };
  for (const name of Object.keys(attributes).sort((a, b) =>
    Buffer.compare(Buffer.from(a), Buffer.from(b)),
  )) {
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

// --- the outbox and metrics ----------------------------------------------------------------------

export interface OutboxMessage {
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

export async function readOutbox(endpoint: string): Promise<OutboxMessage[]> {
  const res = await fetch(new URL('/_tributary/sns/outbox', endpoint));
  if (res.status !== 200) throw new Error(`GET outbox answered ${res.status}`);
  return ((await res.json()) as { messages: OutboxMessage[] }).messages;
}

/** Waits until the outbox holds a message `match` accepts. */
export async function outboxMessage(
  endpoint: string,
  match: (m: OutboxMessage) => boolean,
  timeoutMs = 3000,
): Promise<OutboxMessage> {
  return waitFor(
    async () => (await readOutbox(endpoint)).find(match),
    timeoutMs,
    'an outbox message',
  );
}

/** The value of one sample in /_tributary/metrics (undefined when absent). */
export async function metricValue(
  endpoint: string,
  name: string,
  labels: Record<string, string> = {},
): Promise<number | undefined> {
  const text = await (await fetch(new URL('/_tributary/metrics', endpoint))).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = m[2] ? m[2].slice(1, -1).split(',') : [];
    if (wanted.every((w) => got.includes(w)) && got.length === wanted.length) return Number(m[3]);
  }
  return undefined;
}

// --- a local HTTP endpoint -----------------------------------------------------------------------

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** Decides the status for a request; by default 200. */
export type Responder = (req: ReceivedRequest, all: ReceivedRequest[]) => number;

/** A node:http server on 127.0.0.1 that records every request and answers per `respond`. */
export class HttpEndpoint {
  readonly requests: ReceivedRequest[] = [];
  respond: Responder = () => 200;
  private readonly sockets = new Set<Socket>();

  private readonly server: Server;
  private listeningPort = 0;

  private constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const r: ReceivedRequest = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        };
        this.requests.push(r);
        res.writeHead(this.respond(r, this.requests));
        res.end();
      });
    });
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.once('close', () => this.sockets.delete(s));
    });
  }

  /** Listens on 127.0.0.1:`port` (any free port when 0). */
  static async start(port = 0): Promise<HttpEndpoint> {
    const e = new HttpEndpoint();
    await new Promise<void>((resolve, reject) => {
      e.server.once('error', reject);
      e.server.listen(port, '127.0.0.1', () => resolve());
    });
    e.listeningPort = (e.server.address() as AddressInfo).port;
    return e;
  }

  get port(): number {
    return this.listeningPort;
  }

  url(path = '/sns'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Requests whose x-amz-sns-message-type is `type`. */
  ofType(type: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.headers['x-amz-sns-message-type'] === type);
  }

  /** Waits until at least `count` requests of `type` have arrived; returns them all. */
  async waitForType(type: string, count = 1, timeoutMs = 5000): Promise<ReceivedRequest[]> {
    return waitFor(
      () => {
        const got = this.ofType(type);
        return got.length >= count ? got : undefined;
      },
      timeoutMs,
      `${count} ${type} request(s) at ${this.url()}`,
    );
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((r) => this.server.close(() => r()));
    for (const s of this.sockets) s.destroy();
    this.server.closeAllConnections();
    await closed;
  }
}
