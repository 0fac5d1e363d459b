// End-to-end: Tributary's SNS driven by Debian's real query-protocol clients, /usr/bin/aws (AWS CLI
// v2) and boto3 under /usr/bin/python3 (e2e/boto3/sns_scenarios.py), delivering to SQS queues the
// same clients create. Both speak the AWS query protocol to SNS (form POST, XML replies).
//
// Covered: topics (create, idempotent create, attributes, list, tags, delete), SQS subscriptions
// (RawMessageDelivery, FilterPolicy on message attributes and on the body), Publish with message
// attributes and PublishBatch, what the queues receive (the signed JSON envelope, verified here
// against the certificate at its SigningCertURL, or the raw body with SQS message attributes and
// AWS's MD5 of them), unsubscribe, and errors as the clients surface them (Code, Message, HTTP
// status, boto3's modeled exception). The server runs in this process, so the clients run with
// async execFile.
import { X509Certificate, verify } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTributary, type Tributary } from '../packages/server/src/index.js';
import {
  awsCli,
  detectAwsCli,
  detectBoto3,
  md5Hex,
  md5OfAttributes,
  requireClient,
  runPythonJson,
  type AwsCli,
  type WireAttribute,
} from './support/clients.js';

const cliStatus = await detectAwsCli();
const cliOk = requireClient('AWS CLI (/usr/bin/aws)', cliStatus);
const boto3Status = await detectBoto3();
const boto3Ok = requireClient('boto3 (/usr/bin/python3)', boto3Status);

const SCRIPT = fileURLToPath(new URL('./boto3/sns_scenarios.py', import.meta.url));
const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const topicArnOf = (name: string): string => `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`;
const queueArnOf = (name: string): string => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// ---------------------------------------------------------------------------------------------
// What SNS delivers to a queue

interface ReceivedMessage {
  MessageId: string;
  ReceiptHandle: string;
  MD5OfBody: string;
  Body: string;
  Attributes?: Record<string, string>;
  MD5OfMessageAttributes?: string;
  MessageAttributes?: Record<string, WireAttribute>;
}

/** The JSON document SNS delivers to a queue without RawMessageDelivery. */
interface Envelope {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
  UnsubscribeURL: string;
  MessageAttributes?: Record<string, { Type: string; Value: string }>;
}

/** AWS's keys, in AWS's order (Subject and MessageAttributes only when there are some). */
function envelopeKeys(env: Envelope): string[] {
  return [
    'Type',
    'MessageId',
    'TopicArn',
    ...(env.Subject === undefined ? [] : ['Subject']),
    'Message',
    'Timestamp',
    'SignatureVersion',
    'Signature',
    'SigningCertURL',
    'UnsubscribeURL',
    ...(env.MessageAttributes === undefined ? [] : ['MessageAttributes']),
  ];
}

/**
 * Verifies an envelope's signature as subscribers do: fetch the certificate at SigningCertURL and
 * check the signature (SHA1withRSA for version 1, SHA256withRSA for 2) over "<Key>\n<Value>\n" of
 * Message, MessageId, Subject (when present), Timestamp, TopicArn and Type.
 */
async function signatureValid(env: Envelope): Promise<boolean> {
  const res = await fetch(env.SigningCertURL);
  expect(res.status).toBe(200);
  const cert = new X509Certificate(await res.text());
  const fields = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
  const text = fields
    .filter((k) => env[k] !== undefined)
    .map((k) => `${k}\n${env[k]}\n`)
    .join('');
  const hash = env.SignatureVersion === '1' ? 'sha1' : 'sha256';
  return verify(
    hash,
    Buffer.from(text, 'utf8'),
    cert.publicKey,
    Buffer.from(env.Signature, 'base64'),
  );
}

/**
 * Checks an envelope delivered for a publish to `topicArn` through subscription `subscriptionArn`;
 * returns it parsed. The UnsubscribeURL names the subscription ARN as is, as AWS writes it
 * (LocalStack's AWS-validated test_subscribe_external_http_endpoint asserts
 * f"{service_url}/?Action=Unsubscribe&SubscriptionArn={subscription_arn}").
 */
async function expectEnvelope(
  body: string,
  expected: {
    messageId: string;
    topicArn: string;
    message: string;
    subject?: string;
    attributes?: Record<string, { Type: string; Value: string }>;
    endpoint: string;
    subscriptionArn: string;
  },
): Promise<Envelope> {
  const env = JSON.parse(body) as Envelope;
  expect(Object.keys(env)).toEqual(envelopeKeys(env));
  expect(env).toMatchObject({
    Type: 'Notification',
    MessageId: expected.messageId,
    TopicArn: expected.topicArn,
    Message: expected.message,
    SignatureVersion: '1',
  });
  expect(env.Subject).toBe(expected.subject);
  expect(env.MessageAttributes).toEqual(expected.attributes);
  expect(env.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(Math.abs(Date.parse(env.Timestamp) - Date.now())).toBeLessThan(120_000);
  expect(env.SigningCertURL).toMatch(
    new RegExp(`^${expected.endpoint}/.*SimpleNotificationService-[0-9a-f]+\\.pem$`),
  );
  expect(env.UnsubscribeURL).toBe(
    `${expected.endpoint}/?Action=Unsubscribe&SubscriptionArn=${expected.subscriptionArn}`,
  );
  expect(await signatureValid(env)).toBe(true);
  return env;
}

// ---------------------------------------------------------------------------------------------
// AWS CLI

describe.skipIf(!cliOk)(
  `SNS through the AWS CLI over the query protocol (${cliStatus.version ?? 'unavailable'})`,
  () => {
    let t: Tributary;
    let aws: AwsCli;
    let topicArn: string;
    const queues = {
      envelope: { url: '', arn: '' },
      raw: { url: '', arn: '' },
    };
    const subs = { envelope: '', raw: '' };
    const published = { red: '', blue: '' };

    async function createQueue(name: string): Promise<{ url: string; arn: string }> {
      const { QueueUrl } = await aws.json<{ QueueUrl: string }>([
        'sqs',
        'create-queue',
        '--queue-name',
        name,
      ]);
      const { Attributes } = await aws.json<{ Attributes: Record<string, string> }>([
        'sqs',
        'get-queue-attributes',
        '--queue-url',
        QueueUrl,
        '--attribute-names',
        'QueueArn',
      ]);
      return { url: QueueUrl, arn: Attributes.QueueArn! };
    }

    /** Receives (and deletes) until `want` messages arrived, or `polls` polls came back short. */
    async function receiveAll(url: string, want: number, polls = 5): Promise<ReceivedMessage[]> {
      const got: ReceivedMessage[] = [];
      for (let i = 0; i < polls && got.length < want; i++) {
        const out = await aws.json<{ Messages?: ReceivedMessage[] }>([
          'sqs',
          'receive-message',
          '--queue-url',
          url,
          '--max-number-of-messages',
          '10',
          '--wait-time-seconds',
          '1',
          '--message-attribute-names',
          'All',
        ]);
        for (const m of out.Messages ?? []) {
          got.push(m);
          await aws.json([
            'sqs',
            'delete-message',
            '--queue-url',
            url,
            '--receipt-handle',
            m.ReceiptHandle,
          ]);
        }
      }
      return got;
    }

    const listSubscriptions = async (arn: string) =>
      (
        await aws.json<{ Subscriptions: Record<string, string>[] }>([
          'sns',
          'list-subscriptions-by-topic',
          '--topic-arn',
          arn,
        ])
      ).Subscriptions;

    beforeAll(async () => {
      t = await startTributary({ port: 0 });
      aws = awsCli(t.endpoint);
    });
    afterAll(async () => {
      await t?.stop();
    });

    it('creates a topic with attributes and tags, and the same create again returns the same ARN', async () => {
      const args = [
        'sns',
        'create-topic',
        '--name',
        'cli-topic',
        '--attributes',
        'DisplayName=Cli Topic',
        '--tags',
        'Key=team,Value=core',
      ];
      const created = await aws.json<{ TopicArn: string }>(args);
      expect(created.TopicArn).toBe(topicArnOf('cli-topic'));
      topicArn = created.TopicArn;
      const [again, envelope, raw] = await Promise.all([
        aws.json<{ TopicArn: string }>(args),
        createQueue('cli-envelope'),
        createQueue('cli-raw'),
      ]);
      expect(again.TopicArn).toBe(topicArn);
      expect(envelope.arn).toBe(queueArnOf('cli-envelope'));
      queues.envelope = envelope;
      queues.raw = raw;
    });

    it('subscribes SQS queues, sets RawMessageDelivery and a FilterPolicy, and reports them in the subscription attributes', async () => {
      const subscribe = (queueArn: string) =>
        aws.json<{ SubscriptionArn: string }>([
          'sns',
          'subscribe',
          '--topic-arn',
          topicArn,
          '--protocol',
          'sqs',
          '--notification-endpoint',
          queueArn,
          '--return-subscription-arn',
        ]);
      const [envelope, raw] = await Promise.all([
        subscribe(queues.envelope.arn),
        subscribe(queues.raw.arn),
      ]);
      expect(envelope.SubscriptionArn).toMatch(new RegExp(`^${topicArn}:[0-9a-f-]{36}$`));
      subs.envelope = envelope.SubscriptionArn;
      subs.raw = raw.SubscriptionArn;
      const set = (name: string, value: string) =>
        aws.json([
          'sns',
          'set-subscription-attributes',
          '--subscription-arn',
          subs.raw,
          '--attribute-name',
          name,
          '--attribute-value',
          value,
        ]);
      await set('RawMessageDelivery', 'true');
      await set('FilterPolicy', '{"color": ["red"]}');
      const { Attributes } = await aws.json<{ Attributes: Record<string, string> }>([
        'sns',
        'get-subscription-attributes',
        '--subscription-arn',
        subs.raw,
      ]);
      expect(Attributes).toMatchObject({
        RawMessageDelivery: 'true',
        FilterPolicy: '{"color": ["red"]}',
        FilterPolicyScope: 'MessageAttributes',
        PendingConfirmation: 'false',
        Protocol: 'sqs',
        Endpoint: queues.raw.arn,
        TopicArn: topicArn,
        SubscriptionArn: subs.raw,
        Owner: ACCOUNT,
      });
    });

    it('publishes with message attributes: the envelope queue gets a signed JSON envelope, the filtered raw queue only the matching body with SQS message attributes', async () => {
      const red = {
        color: { DataType: 'String', StringValue: 'red' },
        size: { DataType: 'Number', StringValue: '3' },
        blob: { DataType: 'Binary', BinaryValue: Buffer.from([0, 1, 254]).toString('base64') },
      };
      const publish = (message: string, attributes: object, ...extra: string[]) =>
        aws.json<{ MessageId: string }>([
          'sns',
          'publish',
          '--topic-arn',
          topicArn,
          '--message',
          message,
          '--message-attributes',
          JSON.stringify(attributes),
          ...extra,
        ]);
      published.red = (await publish('hello red', red, '--subject', 'Greeting')).MessageId;
      published.blue = (
        await publish('hello blue', { color: { DataType: 'String', StringValue: 'blue' } })
      ).MessageId;
      expect(published.red).toMatch(UUID);

      const [envelopes, raws] = await Promise.all([
        receiveAll(queues.envelope.url, 2),
        receiveAll(queues.raw.url, 1),
      ]);
      expect(envelopes).toHaveLength(2);
      const byId = new Map(envelopes.map((m) => [(JSON.parse(m.Body) as Envelope).MessageId, m]));
      const redMessage = byId.get(published.red)!;
      expect(redMessage.MD5OfBody).toBe(md5Hex(redMessage.Body));
      await expectEnvelope(redMessage.Body, {
        messageId: published.red,
        topicArn,
        message: 'hello red',
        subject: 'Greeting',
        attributes: {
          color: { Type: 'String', Value: 'red' },
          size: { Type: 'Number', Value: '3' },
          blob: { Type: 'Binary', Value: 'AAH+' },
        },
        endpoint: t.endpoint,
        subscriptionArn: subs.envelope,
      });
      // the envelope queue's own message carries no SQS message attributes
      expect(redMessage.MessageAttributes).toBeUndefined();
      await expectEnvelope(byId.get(published.blue)!.Body, {
        messageId: published.blue,
        topicArn,
        message: 'hello blue',
        attributes: { color: { Type: 'String', Value: 'blue' } },
        endpoint: t.endpoint,
        subscriptionArn: subs.envelope,
      });

      expect(raws.map((m) => m.Body)).toEqual(['hello red']);
      const raw = raws[0]!;
      expect(raw.MessageAttributes).toEqual(red);
      expect(raw.MD5OfMessageAttributes).toBe(md5OfAttributes(red));
      expect(raw.MD5OfBody).toBe(md5Hex('hello red'));
    });

    it('publishes a batch; each entry is delivered, and the filter applies per entry', async () => {
      const out = await aws.json<{
        Successful: { Id: string; MessageId: string }[];
        Failed: unknown[];
      }>([
        'sns',
        'publish-batch',
        '--topic-arn',
        topicArn,
        '--publish-batch-request-entries',
        JSON.stringify([
          {
            Id: 'b1',
            Message: 'batch red',
            MessageAttributes: { color: { DataType: 'String', StringValue: 'red' } },
          },
          { Id: 'b2', Message: 'batch plain', Subject: 'Plain' },
        ]),
      ]);
      expect(out.Successful.map((s) => s.Id)).toEqual(['b1', 'b2']);
      expect(out.Successful.every((s) => UUID.test(s.MessageId))).toBe(true);
      expect(out.Failed).toEqual([]);
      const [envelopes, raws] = await Promise.all([
        receiveAll(queues.envelope.url, 2),
        receiveAll(queues.raw.url, 1),
      ]);
      const messages = envelopes.map((m) => JSON.parse(m.Body) as Envelope);
      expect(messages.map((e) => [e.MessageId, e.Message, e.Subject ?? null]).sort()).toEqual(
        [
          [out.Successful[0]!.MessageId, 'batch red', null],
          [out.Successful[1]!.MessageId, 'batch plain', 'Plain'],
        ].sort(),
      );
      for (const m of envelopes) expect(m.MD5OfBody).toBe(md5Hex(m.Body));
      expect(raws.map((m) => m.Body)).toEqual(['batch red']);
    });

    it('lists the topic and its subscriptions', async () => {
      const [topics, byTopic, all] = await Promise.all([
        aws.json<{ Topics: { TopicArn: string }[] }>(['sns', 'list-topics']),
        listSubscriptions(topicArn),
        aws.json<{ Subscriptions: Record<string, string>[] }>(['sns', 'list-subscriptions']),
      ]);
      expect(topics.Topics).toContainEqual({ TopicArn: topicArn });
      const expected = [
        { SubscriptionArn: subs.envelope, Endpoint: queues.envelope.arn },
        { SubscriptionArn: subs.raw, Endpoint: queues.raw.arn },
      ].map((s) => ({ ...s, Owner: ACCOUNT, Protocol: 'sqs', TopicArn: topicArn }));
      const sorted = (list: Record<string, string>[]) =>
        [...list].sort((a, b) => (a.SubscriptionArn! < b.SubscriptionArn! ? -1 : 1));
      expect(sorted(byTopic)).toEqual(sorted(expected));
      expect(sorted(all.Subscriptions.filter((s) => s.TopicArn === topicArn))).toEqual(
        sorted(expected),
      );
    });

    it('tags the topic, lists and removes tags', async () => {
      await aws.json([
        'sns',
        'tag-resource',
        '--resource-arn',
        topicArn,
        '--tags',
        'Key=env,Value=test',
        'Key=team,Value=platform',
      ]);
      const listTags = async () =>
        (
          await aws.json<{ Tags: { Key: string; Value: string }[] }>([
            'sns',
            'list-tags-for-resource',
            '--resource-arn',
            topicArn,
          ])
        ).Tags.sort((a, b) => (a.Key < b.Key ? -1 : 1));
      expect(await listTags()).toEqual([
        { Key: 'env', Value: 'test' },
        { Key: 'team', Value: 'platform' },
      ]);
      await aws.json(['sns', 'untag-resource', '--resource-arn', topicArn, '--tag-keys', 'team']);
      expect(await listTags()).toEqual([{ Key: 'env', Value: 'test' }]);
    });

    it('reports the topic attributes', async () => {
      const { Attributes } = await aws.json<{ Attributes: Record<string, string> }>([
        'sns',
        'get-topic-attributes',
        '--topic-arn',
        topicArn,
      ]);
      expect(Attributes).toMatchObject({
        TopicArn: topicArn,
        Owner: ACCOUNT,
        DisplayName: 'Cli Topic',
        SubscriptionsConfirmed: '2',
        SubscriptionsPending: '0',
        SubscriptionsDeleted: '0',
      });
      const policy = JSON.parse(Attributes.Policy!) as { Statement: { Resource: string }[] };
      expect(policy.Statement[0]!.Resource).toBe(topicArn);
      expect(JSON.parse(Attributes.EffectiveDeliveryPolicy!)).toHaveProperty('http');
    });

    it('unsubscribes (no more deliveries to that queue) and deletes the topic', async () => {
      await aws.json(['sns', 'unsubscribe', '--subscription-arn', subs.raw]);
      expect((await listSubscriptions(topicArn)).map((s) => s.SubscriptionArn)).toEqual([
        subs.envelope,
      ]);
      await aws.json([
        'sns',
        'publish',
        '--topic-arn',
        topicArn,
        '--message',
        'after unsubscribe',
        '--message-attributes',
        '{"color":{"DataType":"String","StringValue":"red"}}',
      ]);
      const [envelopes, raws] = await Promise.all([
        receiveAll(queues.envelope.url, 1),
        // one poll: Publish had delivered to every subscribed queue before it answered
        receiveAll(queues.raw.url, 1, 1),
      ]);
      expect(envelopes.map((m) => (JSON.parse(m.Body) as Envelope).Message)).toEqual([
        'after unsubscribe',
      ]);
      expect(raws).toEqual([]);

      await aws.json(['sns', 'delete-topic', '--topic-arn', topicArn]);
      const topics = await aws.json<{ Topics: { TopicArn: string }[] }>(['sns', 'list-topics']);
      expect(topics.Topics).not.toContainEqual({ TopicArn: topicArn });
    });

    it('reports errors with AWS codes, messages and HTTP statuses', async () => {
      const [missing, badName, unknownSub] = await Promise.all([
        aws.error(['sns', 'get-topic-attributes', '--topic-arn', topicArn], { debug: true }),
        aws.error(['sns', 'create-topic', '--name', 'bad name!'], { debug: true }),
        aws.error(
          [
            'sns',
            'get-subscription-attributes',
            '--subscription-arn',
            `${topicArnOf('cli-none')}:0f7d5971-aa8b-4bd5-b585-0826e9f93a66`,
          ],
          { debug: true },
        ),
      ]);
      expect([missing.code, missing.message, missing.status]).toEqual([
        'NotFound',
        'Topic does not exist',
        404,
      ]);
      expect([badName.code, badName.message, badName.status]).toEqual([
        'InvalidParameter',
        'Invalid parameter: Topic Name',
        400,
      ]);
      expect([unknownSub.code, unknownSub.message, unknownSub.status]).toEqual([
        'NotFound',
        'Subscription does not exist',
        404,
      ]);
      expect(missing.operation).toBe('GetTopicAttributes');
    });
  },
);

// ---------------------------------------------------------------------------------------------
// boto3

/** What sns_scenarios.py records for a call that should fail. */
interface ErrorInfo {
  code: string | null;
  message?: string;
  type?: string;
  status?: number;
  exception?: string;
  unexpected_success?: unknown;
}

interface Boto3Message {
  MessageId: string;
  MD5OfBody: string;
  Body: string;
  Attributes?: Record<string, string>;
  MD5OfMessageAttributes?: string;
  MessageAttributes?: Record<string, WireAttribute>;
}

interface FanoutScenario {
  topic_arn: string;
  subscriptions: Record<'envelope' | 'raw' | 'body', string>;
  raw_sub_attributes: { Attributes: Record<string, string> };
  body_sub_attributes: { Attributes: Record<string, string> };
  expected_md5_red: string;
  publish_red: { MessageId: string };
  publish_blue: { MessageId: string };
  publish_order: { MessageId: string };
  publish_small_order: { MessageId: string };
  publish_batch: { Successful: { Id: string; MessageId: string }[]; Failed: unknown[] };
  received: Record<'envelope' | 'raw' | 'body', Boto3Message[]>;
}

type Tag = { Key: string; Value: string };
type Subscription = Record<
  'SubscriptionArn' | 'Owner' | 'Protocol' | 'Endpoint' | 'TopicArn',
  string
>;
interface CrudScenario {
  created: Record<'a' | 'again' | 'b' | 'fifo', string>;
  list_topics: { Topics: { TopicArn: string }[] };
  attributes: { Attributes: Record<string, string> };
  attributes_after_set: { Attributes: Record<string, string> };
  fifo_attributes: { Attributes: Record<string, string> };
  tags: { Tags: Tag[] };
  tags_after_tag: { Tags: Tag[] };
  tags_after_untag: { Tags: Tag[] };
  subscriptions: [string, string];
  by_topic: { Subscriptions: Subscription[] };
  all_subscriptions: { Subscriptions: Subscription[] };
  unsubscribe: Record<string, never>;
  by_topic_after_unsubscribe: { Subscriptions: Subscription[] };
  delete: Record<string, never>;
  delete_again: Record<string, never>;
  list_topics_after_delete: { Topics: { TopicArn: string }[] };
  get_deleted: ErrorInfo;
}
type ErrorsScenario = Record<string, ErrorInfo>;

describe.skipIf(!boto3Ok)(
  `SNS through boto3 over the query protocol (${boto3Status.version ?? 'unavailable'})`,
  () => {
    let t: Tributary;
    const scenario = <T>(name: string): Promise<T> => runPythonJson<T>(SCRIPT, [name, t.endpoint]);

    beforeAll(async () => {
      t = await startTributary({ port: 0 });
    });
    afterAll(async () => {
      await t?.stop();
    });

    describe('fan-out to SQS', () => {
      let r: FanoutScenario;
      beforeAll(async () => {
        r = await scenario<FanoutScenario>('fanout');
      }, 60_000);

      it('subscribes queues with ReturnSubscriptionArn and reports raw delivery, filter policy and scope', () => {
        for (const arn of Object.values(r.subscriptions)) {
          expect(arn).toMatch(new RegExp(`^${topicArnOf('py-fanout')}:[0-9a-f-]{36}$`));
        }
        expect(r.raw_sub_attributes.Attributes).toMatchObject({
          RawMessageDelivery: 'true',
          FilterPolicy: '{"color": ["red"], "size": [{"numeric": [">", 2]}]}',
          FilterPolicyScope: 'MessageAttributes',
          Endpoint: queueArnOf('py-fanout-raw'),
          Protocol: 'sqs',
          PendingConfirmation: 'false',
        });
        expect(r.body_sub_attributes.Attributes).toMatchObject({
          RawMessageDelivery: 'true',
          FilterPolicyScope: 'MessageBody',
          FilterPolicy: '{"order": {"total": [{"numeric": [">=", 100]}]}}',
        });
      });

      it('delivers every publication to the unfiltered queue as a signed envelope, String, Number and Binary attributes included', async () => {
        const envelopes = r.received.envelope;
        expect(envelopes).toHaveLength(6);
        const byId = new Map(envelopes.map((m) => [(JSON.parse(m.Body) as Envelope).MessageId, m]));
        const batch = r.publish_batch.Successful;
        expect(batch.map((s) => s.Id)).toEqual(['b1', 'b2']);
        expect(r.publish_batch.Failed).toEqual([]);
        const expectations: {
          messageId: string;
          message: string;
          subject?: string;
          attributes?: Record<string, { Type: string; Value: string }>;
        }[] = [
          {
            messageId: r.publish_red.MessageId,
            message: 'hello red',
            subject: 'Greeting',
            attributes: {
              color: { Type: 'String', Value: 'red' },
              size: { Type: 'Number', Value: '3' },
              blob: { Type: 'Binary', Value: 'AAH+' },
            },
          },
          {
            messageId: r.publish_blue.MessageId,
            message: 'hello blue',
            attributes: {
              color: { Type: 'String', Value: 'blue' },
              size: { Type: 'Number', Value: '3' },
            },
          },
          {
            messageId: r.publish_order.MessageId,
            message: '{"order": {"total": 150, "id": "o-1"}}',
          },
          { messageId: r.publish_small_order.MessageId, message: '{"order": {"total": 5}}' },
          {
            messageId: batch[0]!.MessageId,
            message: 'batch one',
            attributes: {
              color: { Type: 'String', Value: 'red' },
              size: { Type: 'Number', Value: '10' },
            },
          },
          { messageId: batch[1]!.MessageId, message: 'batch two', subject: 'Two' },
        ];
        for (const e of expectations) {
          const m = byId.get(e.messageId);
          expect(m, e.message).toBeDefined();
          expect(m!.MD5OfBody).toBe(md5Hex(m!.Body));
          await expectEnvelope(m!.Body, {
            ...e,
            topicArn: r.topic_arn,
            endpoint: t.endpoint,
            subscriptionArn: r.subscriptions.envelope,
          });
          expect(m!.Attributes?.SenderId).toEqual(expect.any(String));
        }
      });

      it('delivers to the raw queue only what its attribute filter matches, as the bare message with SQS message attributes and their AWS MD5', () => {
        const raw = [...r.received.raw].sort((a, b) => (a.Body < b.Body ? -1 : 1));
        expect(raw.map((m) => m.Body)).toEqual(['batch one', 'hello red']);
        const [batchOne, red] = raw as [Boto3Message, Boto3Message];
        expect(red.MessageAttributes).toEqual({
          color: { DataType: 'String', StringValue: 'red' },
          size: { DataType: 'Number', StringValue: '3' },
          blob: { DataType: 'Binary', BinaryValue: 'AAH+' },
        });
        expect(red.MD5OfMessageAttributes).toBe(r.expected_md5_red);
        expect(red.MD5OfMessageAttributes).toBe(md5OfAttributes(red.MessageAttributes!));
        expect(red.MD5OfBody).toBe(md5Hex('hello red'));
        expect(batchOne.MessageAttributes).toEqual({
          color: { DataType: 'String', StringValue: 'red' },
          size: { DataType: 'Number', StringValue: '10' },
        });
        expect(batchOne.MD5OfMessageAttributes).toBe(md5OfAttributes(batchOne.MessageAttributes!));
      });

      it('delivers to the body-filtered queue only the message whose JSON body matches', () => {
        expect(r.received.body.map((m) => m.Body)).toEqual([
          '{"order": {"total": 150, "id": "o-1"}}',
        ]);
        expect(r.received.body[0]!.MessageAttributes).toBeUndefined();
      });
    });

    describe('topics and subscriptions', () => {
      let r: CrudScenario;
      beforeAll(async () => {
        r = await scenario<CrudScenario>('crud');
      }, 60_000);

      it('creates topics (idempotently with the same attributes and tags) and lists them', () => {
        expect(r.created).toEqual({
          a: topicArnOf('py-crud-a'),
          again: topicArnOf('py-crud-a'),
          b: topicArnOf('py-crud-b'),
          fifo: topicArnOf('py-crud.fifo'),
        });
        const listed = r.list_topics.Topics.map((x) => x.TopicArn);
        expect(listed).toEqual(expect.arrayContaining(Object.values(r.created)));
      });

      it('reports topic attributes, and SetTopicAttributes changes DisplayName', () => {
        expect(r.attributes.Attributes).toMatchObject({
          TopicArn: r.created.a,
          Owner: ACCOUNT,
          DisplayName: 'Crud A',
          SubscriptionsConfirmed: '0',
          SubscriptionsPending: '0',
          SubscriptionsDeleted: '0',
        });
        expect(r.attributes.Attributes.FifoTopic).toBeUndefined();
        expect(r.attributes_after_set.Attributes.DisplayName).toBe('Renamed');
        expect(r.fifo_attributes.Attributes).toMatchObject({
          FifoTopic: 'true',
          ContentBasedDeduplication: 'true',
        });
      });

      it('tags: lists those given at creation, overwrites and adds with TagResource, removes with UntagResource', () => {
        const sorted = (tags: Tag[]) => [...tags].sort((a, b) => (a.Key < b.Key ? -1 : 1));
        expect(sorted(r.tags.Tags)).toEqual([
          { Key: 'env', Value: 'test' },
          { Key: 'team', Value: 'core' },
        ]);
        expect(sorted(r.tags_after_tag.Tags)).toEqual([
          { Key: 'env', Value: 'prod' },
          { Key: 'owner', Value: 'me' },
          { Key: 'team', Value: 'core' },
        ]);
        expect(sorted(r.tags_after_untag.Tags)).toEqual([
          { Key: 'env', Value: 'prod' },
          { Key: 'owner', Value: 'me' },
        ]);
      });

      it('lists subscriptions by topic and in all, and Unsubscribe removes one', () => {
        const [s1, s2] = r.subscriptions;
        const expected = (arn: string, queue: string): Subscription => ({
          SubscriptionArn: arn,
          Owner: ACCOUNT,
          Protocol: 'sqs',
          Endpoint: queueArnOf(queue),
          TopicArn: r.created.a,
        });
        const sorted = (list: Subscription[]) =>
          [...list].sort((a, b) => (a.SubscriptionArn < b.SubscriptionArn ? -1 : 1));
        const both = sorted([expected(s1, 'py-crud-q1'), expected(s2, 'py-crud-q2')]);
        expect(sorted(r.by_topic.Subscriptions)).toEqual(both);
        expect(
          sorted(r.all_subscriptions.Subscriptions.filter((s) => s.TopicArn === r.created.a)),
        ).toEqual(both);
        expect(r.unsubscribe).toEqual({});
        expect(r.by_topic_after_unsubscribe.Subscriptions).toEqual([expected(s2, 'py-crud-q2')]);
      });

      it('deletes a topic (again: still succeeds); it is then not listed and GetTopicAttributes fails with NotFound 404', () => {
        expect(r.delete).toEqual({});
        expect(r.delete_again).toEqual({});
        expect(r.list_topics_after_delete.Topics).not.toContainEqual({ TopicArn: r.created.b });
        expect(r.get_deleted).toEqual({
          code: 'NotFound',
          message: 'Topic does not exist',
          type: 'Sender',
          status: 404,
          exception: 'NotFoundException',
        });
      });
    });

    describe('errors', () => {
      let r: ErrorsScenario;
      beforeAll(async () => {
        r = await scenario<ErrorsScenario>('errors');
      }, 60_000);

      const expected: [string, string, string, number, string][] = [
        ['get_missing_topic', 'NotFound', 'Topic does not exist', 404, 'NotFoundException'],
        ['publish_missing_topic', 'NotFound', 'Topic does not exist', 404, 'NotFoundException'],
        [
          'missing_subscription',
          'NotFound',
          'Subscription does not exist',
          404,
          'NotFoundException',
        ],
        [
          'bad_topic_name',
          'InvalidParameter',
          'Invalid parameter: Topic Name',
          400,
          'InvalidParameterException',
        ],
        [
          'malformed_arn',
          'InvalidParameter',
          'Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1',
          400,
          'InvalidParameterException',
        ],
        [
          'empty_message',
          'InvalidParameter',
          'Invalid parameter: Empty message',
          400,
          'InvalidParameterException',
        ],
        [
          'no_group_id',
          'InvalidParameter',
          'Invalid parameter: The MessageGroupId parameter is required for FIFO topics',
          400,
          'InvalidParameterException',
        ],
        [
          'bad_protocol',
          'InvalidParameter',
          'Invalid parameter: Amazon SNS does not support this protocol string: carrier-pigeon',
          400,
          'InvalidParameterException',
        ],
        [
          'bad_filter_policy',
          'InvalidParameter',
          'Invalid parameter: Attributes Reason: FilterPolicy: Bottom must be less than top\n at [Source: (String)"{"key":[{"numeric":[">",3,"<",1]}]}"; line: 1, column: 33]',
          400,
          'InvalidParameterException',
        ],
        [
          'duplicate_batch_ids',
          'BatchEntryIdsNotDistinct',
          'Two or more batch entries in the request have the same Id.',
          400,
          'BatchEntryIdsNotDistinctException',
        ],
        [
          'too_many_batch_entries',
          'TooManyEntriesInBatchRequest',
          'The batch request contains more entries than permissible.',
          400,
          'TooManyEntriesInBatchRequestException',
        ],
      ];
      for (const [key, code, message, status, exception] of expected) {
        it(`${key}: ${code} ${status} "${message.split('\n')[0]}" (${exception})`, () => {
          expect(r[key]).toEqual({ code, message, type: 'Sender', status, exception });
        });
      }
    });
  },
);
