// SNS delivery end to end through the AWS SDK v3: fan-out to SQS (envelope, signatures, raw
// delivery, per-protocol messages, filter policies, batches, FIFO, other regions, subscription
// DLQs), the outbox for email/SMS, metrics, and durability of an acknowledged publish across kill -9.
// Signatures are checked here with node:crypto over a string-to-sign built from AWS's documentation.
import { createHash, verify } from 'node:crypto';
import {
  ConfirmSubscriptionCommand,
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  PublishBatchCommand,
  PublishCommand,
  SetTopicAttributesCommand,
  SubscribeCommand,
  type MessageAttributeValue as SnsMessageAttributeValue,
  type PublishBatchRequestEntry,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { DeleteQueueCommand, GetQueueUrlCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTributary, type Tributary } from '../packages/server/src/index.js';
import { cleanupServerProcesses, startServerProcess } from './support/server-process.js';
import {
  ACCOUNT,
  certificateAt,
  createQueue,
  failure,
  md5OfMessageAttributes,
  metricValue,
  notificationStringToSign,
  outboxMessage,
  queueDepth,
  readOutbox,
  receiveEnvelope,
  receiveMessages,
  signatureVerifies,
  snsClient,
  sqsClient,
  unique,
  type SnsDocument,
} from './support/sns-support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const REGION = 'us-east-1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const md5 = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');

describe('SNS delivery through the SDK v3 (in-process server)', () => {
  let t: Tributary;
  let sns: SNSClient;
  let sqs: SQSClient;
  const extraClients: Array<{ destroy(): void }> = [];

  beforeAll(async () => {
    t = await startTributary({ port: 0 });
    sns = snsClient(t.endpoint, REGION);
    sqs = sqsClient(t.endpoint, REGION);
  });
  afterAll(async () => {
    for (const c of extraClients) c.destroy();
    sns.destroy();
    sqs.destroy();
    await t.stop();
  });

  const topic = async (
    name = unique('topic'),
    attributes?: Record<string, string>,
  ): Promise<string> =>
    (await sns.send(new CreateTopicCommand({ Name: name, Attributes: attributes }))).TopicArn!;
  const fifoTopic = (attributes: Record<string, string> = {}) =>
    topic(`${unique('ft')}.fifo`, { FifoTopic: 'true', ...attributes });
  /** A new queue subscribed to `topicArn`; returns the queue URL and ARN and the subscription ARN. */
  const queueOn = async (
    topicArn: string,
    attributes?: Record<string, string>,
    queueAttributes?: Record<string, string>,
    queueName = unique('q'),
  ) => {
    const q = await createQueue(sqs, queueName, queueAttributes);
    const { SubscriptionArn } = await sns.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: 'sqs',
        Endpoint: q.arn,
        Attributes: attributes,
      }),
    );
    return { ...q, sub: SubscriptionArn! };
  };
  const publish = (input: {
    TopicArn: string;
    Message: string;
    Subject?: string;
    MessageAttributes?: Record<string, SnsMessageAttributeValue>;
    MessageStructure?: string;
    MessageGroupId?: string;
    MessageDeduplicationId?: string;
  }) => sns.send(new PublishCommand(input));

  describe('SNS to SQS: the JSON envelope and its signature', () => {
    it('delivers the envelope with AWS keys in AWS order, ms-precision UTC Timestamp and typed MessageAttributes (Binary in base64)', async () => {
      const arn = await topic();
      const q = await queueOn(arn);
      const message = 'hello ✓ "quoted" <&>\nsecond line';
      const binary = Uint8Array.from([1, 2, 3, 250, 255]);
      const before = Date.now();
      const { MessageId } = await publish({
        TopicArn: arn,
        Message: message,
        Subject: 'Greeting',
        MessageAttributes: {
          str: { DataType: 'String', StringValue: 'value ünï' },
          num: { DataType: 'Number', StringValue: '42' },
          bin: { DataType: 'Binary', BinaryValue: binary },
          arr: { DataType: 'String.Array', StringValue: '["a","b"]' },
        },
      });
      expect(MessageId).toMatch(UUID);
      const { message: received, body } = await receiveEnvelope(sqs, q.url);
      expect(Object.keys(body)).toEqual([
        'Type',
        'MessageId',
        'TopicArn',
        'Subject',
        'Message',
        'Timestamp',
        'SignatureVersion',
        'Signature',
        'SigningCertURL',
        'UnsubscribeURL',
        'MessageAttributes',
      ]);
      expect(body).toMatchObject({
        Type: 'Notification',
        MessageId,
        TopicArn: arn,
        Subject: 'Greeting',
        Message: message,
        SignatureVersion: '1',
      });
      expect(body.Timestamp).toMatch(ISO_MS);
      expect(Date.parse(body.Timestamp)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(body.Timestamp)).toBeLessThanOrEqual(Date.now() + 1000);
      expect(body.Signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(body.SigningCertURL).toMatch(
        new RegExp(`^${t.endpoint}/_tributary/sns/SimpleNotificationService-[0-9a-f]+\\.pem$`),
      );
      const unsubscribe = new URL(body.UnsubscribeURL as string);
      expect(unsubscribe.origin).toBe(t.endpoint);
      expect(Object.fromEntries(unsubscribe.searchParams)).toEqual({
        Action: 'Unsubscribe',
        SubscriptionArn: q.sub,
      });
      expect(body.MessageAttributes).toEqual({
        str: { Type: 'String', Value: 'value ünï' },
        num: { Type: 'Number', Value: '42' },
        bin: { Type: 'Binary', Value: Buffer.from(binary).toString('base64') },
        arr: { Type: 'String.Array', Value: '["a","b"]' },
      });
      // Not raw: the SNS attributes travel inside the envelope only.
      expect(received.MessageAttributes).toBeUndefined();
      expect(received.MD5OfBody).toBe(md5(received.Body!));
    });

    it('leaves Subject out when none was published', async () => {
      const arn = await topic();
      const q = await queueOn(arn);
      await publish({ TopicArn: arn, Message: 'no subject' });
      const { body } = await receiveEnvelope(sqs, q.url);
      expect(Object.keys(body)).toEqual([
        'Type',
        'MessageId',
        'TopicArn',
        'Message',
        'Timestamp',
        'SignatureVersion',
        'Signature',
        'SigningCertURL',
        'UnsubscribeURL',
      ]);
      expect(await signatureVerifies(body)).toBe(true);
    });

    it('signs SignatureVersion 1 with RSA-SHA1 over AWS string-to-sign, verifiable with the certificate at SigningCertURL', async () => {
      const arn = await topic();
      const q = await queueOn(arn);
      await publish({ TopicArn: arn, Message: 'sign me\nplease', Subject: 'signed' });
      const { body } = await receiveEnvelope(sqs, q.url);
      expect(body.SignatureVersion).toBe('1');
      const cert = await certificateAt(body.SigningCertURL as string);
      const text = notificationStringToSign(body);
      expect(text).toBe(
        `Message\nsign me\nplease\nMessageId\n${body.MessageId}\nSubject\nsigned\nTimestamp\n${body.Timestamp}\nTopicArn\n${arn}\nType\nNotification\n`,
      );
      const signature = Buffer.from(body.Signature as string, 'base64');
      expect(verify('sha1', Buffer.from(text), cert.publicKey, signature)).toBe(true);
      expect(verify('sha256', Buffer.from(text), cert.publicKey, signature)).toBe(false);
      // Any change to a signed field breaks it.
      expect(await signatureVerifies({ ...body, Message: 'sign me\nplease!' })).toBe(false);
      expect(await signatureVerifies({ ...body, Subject: undefined })).toBe(false);
    });

    it('signs with RSA-SHA256 and says SignatureVersion 2 after SetTopicAttributes SignatureVersion=2', async () => {
      const arn = await topic();
      await sns.send(
        new SetTopicAttributesCommand({
          TopicArn: arn,
          AttributeName: 'SignatureVersion',
          AttributeValue: '2',
        }),
      );
      const q = await queueOn(arn);
      await publish({ TopicArn: arn, Message: 'v2 please' });
      const { body } = await receiveEnvelope(sqs, q.url);
      expect(body.SignatureVersion).toBe('2');
      const cert = await certificateAt(body.SigningCertURL as string);
      const signature = Buffer.from(body.Signature as string, 'base64');
      expect(
        verify('sha256', Buffer.from(notificationStringToSign(body)), cert.publicKey, signature),
      ).toBe(true);
      expect(
        verify('sha1', Buffer.from(notificationStringToSign(body)), cert.publicKey, signature),
      ).toBe(false);
    });

    it('serves the signing certificate as PEM at SigningCertURL', async () => {
      const arn = await topic();
      const q = await queueOn(arn);
      await publish({ TopicArn: arn, Message: 'cert' });
      const { body } = await receiveEnvelope(sqs, q.url);
      const res = await fetch(body.SigningCertURL as string);
      expect(res.status).toBe(200);
      const pem = await res.text();
      expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n?$/);
      expect(
        (await fetch(`${t.endpoint}/_tributary/sns/SimpleNotificationService-0000.pem`)).status,
      ).not.toBe(200);
    });

    it('GET on the UnsubscribeURL removes the subscription; later messages are not delivered', async () => {
      const arn = await topic();
      const q = await queueOn(arn);
      await publish({ TopicArn: arn, Message: 'before' });
      const { body } = await receiveEnvelope(sqs, q.url);
      const res = await fetch(body.UnsubscribeURL as string);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<UnsubscribeResponse');
      expect(
        (await failure(sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: q.sub }))))
          .code,
      ).toBe('NotFound');
      await publish({ TopicArn: arn, Message: 'after' });
      expect(await queueDepth(sqs, q.url)).toBe(0);
    });

    // AWS writes the ARN into UnsubscribeURL unencoded
    // ("…/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:…", as in every LocalStack
    // snapshot and in AWS's documented examples; LocalStack's test_subscribe_external_http_endpoint
    // compares the whole string).
    it('writes the UnsubscribeURL as AWS does, with the subscription ARN unencoded', async () => {
      const arn = await topic();
      const q = await queueOn(arn);
      await publish({ TopicArn: arn, Message: 'url' });
      const { body } = await receiveEnvelope(sqs, q.url);
      expect(body.UnsubscribeURL).toBe(
        `${t.endpoint}/?Action=Unsubscribe&SubscriptionArn=${q.sub}`,
      );
    });

    it('validates Publish: empty message, bad Subject, too long, attribute problems (ParameterValueInvalid)', async () => {
      const arn = await topic();
      const q = await queueOn(arn);
      expect(await failure(publish({ TopicArn: arn, Message: '' }))).toEqual({
        name: 'InvalidParameterException',
        code: 'InvalidParameter',
        status: 400,
        message: 'Invalid parameter: Empty message',
      });
      expect(
        await failure(publish({ TopicArn: arn, Message: 'x', Subject: 'line\nbreak' })),
      ).toMatchObject({ code: 'InvalidParameter', message: 'Invalid parameter: Subject' });
      expect(await failure(publish({ TopicArn: arn, Message: 'x'.repeat(262_145) }))).toMatchObject(
        { code: 'InvalidParameter', message: 'Invalid parameter: Message too long' },
      );
      expect(
        await failure(
          publish({
            TopicArn: arn,
            Message: 'x',
            MessageAttributes: { '.attr': { DataType: 'String', StringValue: 'v' } },
          }),
        ),
      ).toEqual({
        name: 'InvalidParameterValueException',
        code: 'ParameterValueInvalid',
        status: 400,
        message: "Invalid message attribute name starting with character '.' was found.",
      });
      expect(
        await failure(
          publish({
            TopicArn: arn,
            Message: 'x',
            MessageAttributes: { attr1: { DataType: 'Number', BinaryValue: Uint8Array.from([1]) } },
          }),
        ),
      ).toMatchObject({
        code: 'ParameterValueInvalid',
        message: "The message attribute 'attr1' with type 'Number' must use field 'String'.",
      });
      expect(
        await failure(publish({ TopicArn: arn, Message: 'x', MessageDeduplicationId: 'd' })),
      ).toMatchObject({
        code: 'InvalidParameter',
        message:
          'Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type',
      });
      expect(await queueDepth(sqs, q.url)).toBe(0);
    });
  });

  describe('raw delivery and per-protocol messages', () => {
    it('RawMessageDelivery: the SQS body is the message and SNS attributes become SQS attributes with the right MD5', async () => {
      const arn = await topic();
      const q = await queueOn(arn, { RawMessageDelivery: 'true' });
      const binary = Uint8Array.from([2, 3, 4]);
      await publish({
        TopicArn: arn,
        Message: 'This is a test message',
        Subject: 'ignored in raw mode',
        MessageAttributes: {
          store: { DataType: 'Binary', BinaryValue: binary },
          color: { DataType: 'String', StringValue: 'red' },
          price: { DataType: 'Number', StringValue: '19.12' },
          tags: { DataType: 'String.Array', StringValue: '["x","y"]' },
        },
      });
      const [m] = await receiveMessages(sqs, q.url, 1);
      expect(m!.Body).toBe('This is a test message');
      expect(m!.MD5OfBody).toBe(md5('This is a test message'));
      const attrs = m!.MessageAttributes!;
      expect(Object.keys(attrs).sort()).toEqual(['color', 'price', 'store', 'tags']);
      expect(attrs.color).toMatchObject({ DataType: 'String', StringValue: 'red' });
      expect(attrs.price).toMatchObject({ DataType: 'Number', StringValue: '19.12' });
      expect(attrs.tags).toMatchObject({ DataType: 'String.Array', StringValue: '["x","y"]' });
      expect(attrs.store!.DataType).toBe('Binary');
      expect(Buffer.from(attrs.store!.BinaryValue!)).toEqual(Buffer.from(binary));
      expect(m!.MD5OfMessageAttributes).toBe(md5OfMessageAttributes(attrs));
    });

    it('raw delivery of one Number attribute has the MD5OfMessageAttributes AWS recorded (1f070824…)', async () => {
      const arn = await topic();
      const q = await queueOn(arn, { RawMessageDelivery: 'true' });
      await publish({
        TopicArn: arn,
        Message: 'Test Message with one attribute',
        MessageAttributes: { attr1: { DataType: 'Number', StringValue: '19.12' } },
      });
      const [m] = await receiveMessages(sqs, q.url, 1);
      expect(m!.MD5OfMessageAttributes).toBe('1f07082409022a373fa2a2601f82b3cb');
    });

    it('MessageStructure=json sends the "sqs" entry to SQS subscriptions and "default" to the others', async () => {
      const arn = await topic();
      const wrapped = await queueOn(arn);
      const raw = await queueOn(arn, { RawMessageDelivery: 'true' });
      const phone = `+1555${String(Date.now()).slice(-7)}`;
      await sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sms', Endpoint: phone }));
      const { MessageId } = await publish({
        TopicArn: arn,
        MessageStructure: 'json',
        Message: JSON.stringify({ default: 'for everyone', sqs: '{"field": "value"}' }),
      });
      const { body } = await receiveEnvelope(sqs, wrapped.url);
      expect(body.Message).toBe('{"field": "value"}');
      expect(await signatureVerifies(body)).toBe(true);
      expect((await receiveMessages(sqs, raw.url, 1))[0]!.Body).toBe('{"field": "value"}');
      const sms = await outboxMessage(
        t.endpoint,
        (m) => m.messageId === MessageId && m.endpoint === phone,
      );
      expect(sms.message).toBe('for everyone');

      await publish({
        TopicArn: arn,
        MessageStructure: 'json',
        Message: JSON.stringify({ default: 'default field' }),
      });
      expect((await receiveEnvelope(sqs, wrapped.url)).body.Message).toBe('default field');
    });

    it('MessageStructure=json needs a JSON object with a "default" entry', async () => {
      const arn = await topic();
      const q = await queueOn(arn);
      expect(
        await failure(publish({ TopicArn: arn, MessageStructure: 'json', Message: 'not json' })),
      ).toEqual({
        name: 'InvalidParameterException',
        code: 'InvalidParameter',
        status: 400,
        message: 'Invalid parameter: Message Structure - JSON message body failed to parse',
      });
      expect(
        await failure(
          publish({
            TopicArn: arn,
            MessageStructure: 'json',
            Message: JSON.stringify({ sqs: 'only sqs' }),
          }),
        ),
      ).toMatchObject({
        code: 'InvalidParameter',
        message: 'Invalid parameter: Message Structure - No default entry in JSON message body',
      });
      expect(await queueDepth(sqs, q.url)).toBe(0);
    });
  });

  describe('filter policies end to end', () => {
    it('MessageAttributes scope: exact, String.Array, numeric range, prefix, anything-but, exists:false and $or; no attributes never match', async () => {
      const arn = await topic();
      const policies = {
        exact: { color: ['red', 'blue'] },
        range: { price: [{ numeric: ['>', 10, '<=', 20] }] },
        prefix: { name: [{ prefix: 'auto-' }] },
        anythingBut: { color: [{ 'anything-but': ['red'] }] },
        absent: { color: [{ exists: false }] },
        or: { $or: [{ color: ['green'] }, { size: [{ numeric: ['=', 5] }] }] },
      };
      const queues = Object.fromEntries(
        await Promise.all(
          Object.entries(policies).map(
            async ([k, p]) =>
              [
                k,
                await queueOn(arn, { RawMessageDelivery: 'true', FilterPolicy: JSON.stringify(p) }),
              ] as const,
          ),
        ),
      );
      const S = (v: string): SnsMessageAttributeValue => ({ DataType: 'String', StringValue: v });
      const N = (v: string): SnsMessageAttributeValue => ({ DataType: 'Number', StringValue: v });
      const messages: Record<string, Record<string, SnsMessageAttributeValue>> = {
        red: { color: S('red') },
        array: { color: { DataType: 'String.Array', StringValue: '["green","blue"]' } },
        price15: { price: N('15') },
        price25: { price: N('25') },
        price10: { price: N('10') },
        auto: { name: S('auto-mobile') },
        manual: { name: S('manual') },
        none: {},
        size5: { size: N('5.0') },
      };
      for (const [body, attributes] of Object.entries(messages)) {
        await publish({
          TopicArn: arn,
          Message: body,
          MessageAttributes: Object.keys(attributes).length ? attributes : undefined,
        });
      }
      const expected: Record<string, string[]> = {
        exact: ['red', 'array'],
        range: ['price15'],
        prefix: ['auto'],
        anythingBut: ['array'],
        // A message without any attributes passes no MessageAttributes-scope policy, not even
        // exists:false (CloudWatch counts it under NumberOfNotificationsFilteredOut-NoMessageAttributes).
        absent: ['price15', 'price25', 'price10', 'auto', 'manual', 'size5'],
        or: ['array', 'size5'],
      };
      for (const [k, bodies] of Object.entries(expected)) {
        const got = await receiveMessages(sqs, queues[k]!.url, bodies.length, 3000);
        expect(got.map((m) => m.Body).sort(), k).toEqual([...bodies].sort());
        expect(await queueDepth(sqs, queues[k]!.url), k).toBe(0);
      }
    });

    it('MessageBody scope: nested keys, numeric and prefix on the JSON body; non-JSON bodies never match', async () => {
      const arn = await topic();
      const paid = await queueOn(arn, {
        RawMessageDelivery: 'true',
        FilterPolicyScope: 'MessageBody',
        FilterPolicy: JSON.stringify({
          order: { status: ['paid'], total: [{ numeric: ['>=', 100] }] },
        }),
      });
      const vip = await queueOn(arn, {
        RawMessageDelivery: 'true',
        FilterPolicyScope: 'MessageBody',
        FilterPolicy: JSON.stringify({ tags: [{ prefix: 'vip' }] }),
      });
      const bodies = [
        JSON.stringify({ order: { status: 'paid', total: 150 } }),
        JSON.stringify({ order: { status: 'paid', total: 50 } }),
        JSON.stringify({ order: { status: 'open', total: 150 } }),
        JSON.stringify({ tags: ['regular', 'vip-gold'], order: { status: 'paid' } }),
        'plain text, not JSON',
      ];
      // Attributes are ignored in MessageBody scope.
      for (const b of bodies)
        await publish({
          TopicArn: arn,
          Message: b,
          MessageAttributes: { order: { DataType: 'String', StringValue: 'paid' } },
        });
      expect((await receiveMessages(sqs, paid.url, 1)).map((m) => m.Body)).toEqual([bodies[0]]);
      expect((await receiveMessages(sqs, vip.url, 1)).map((m) => m.Body)).toEqual([bodies[3]]);
      expect(await queueDepth(sqs, paid.url)).toBe(0);
      expect(await queueDepth(sqs, vip.url)).toBe(0);
    });
  });

  describe('PublishBatch', () => {
    it('publishes 10 entries with one MessageId each, delivered as 10 envelopes', async () => {
      const arn = await topic();
      const q = await queueOn(arn);
      const entries: PublishBatchRequestEntry[] = Array.from({ length: 10 }, (_, i) => ({
        Id: `entry_${i}`,
        Message: `batch message ${i}`,
        Subject: i % 2 ? `subject ${i}` : undefined,
        MessageAttributes:
          i % 3 === 0 ? { n: { DataType: 'Number', StringValue: String(i) } } : undefined,
      }));
      const r = await sns.send(
        new PublishBatchCommand({ TopicArn: arn, PublishBatchRequestEntries: entries }),
      );
      expect(r.Failed ?? []).toEqual([]);
      expect(r.Successful!.map((s) => s.Id)).toEqual(entries.map((e) => e.Id));
      const ids = r.Successful!.map((s) => s.MessageId!);
      expect(ids.every((id) => UUID.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(10);
      const got = (await receiveMessages(sqs, q.url, 10)).map(
        (m) => JSON.parse(m.Body!) as SnsDocument,
      );
      expect(got).toHaveLength(10);
      const byId = new Map(got.map((b) => [b.MessageId, b]));
      for (const [i, s] of r.Successful!.entries()) {
        const b = byId.get(s.MessageId!)!;
        expect(b.Message).toBe(`batch message ${i}`);
        expect(b.Subject).toBe(i % 2 ? `subject ${i}` : undefined);
        expect(b.MessageAttributes).toEqual(
          i % 3 === 0 ? { n: { Type: 'Number', Value: String(i) } } : undefined,
        );
        expect(await signatureVerifies(b)).toBe(true);
      }
    });

    it('refuses bad batches with AWS codes and messages, delivering nothing', async () => {
      const arn = await topic();
      const q = await queueOn(arn);
      const batch = (entries: PublishBatchRequestEntry[]) =>
        sns.send(new PublishBatchCommand({ TopicArn: arn, PublishBatchRequestEntries: entries }));
      const entry = (Id: string): PublishBatchRequestEntry => ({ Id, Message: `m-${Id}` });
      expect(await failure(batch(Array.from({ length: 11 }, (_, i) => entry(`e${i}`))))).toEqual({
        name: 'TooManyEntriesInBatchRequestException',
        code: 'TooManyEntriesInBatchRequest',
        status: 400,
        message: 'The batch request contains more entries than permissible.',
      });
      expect(await failure(batch([entry('same'), entry('same')]))).toEqual({
        name: 'BatchEntryIdsNotDistinctException',
        code: 'BatchEntryIdsNotDistinct',
        status: 400,
        message: 'Two or more batch entries in the request have the same Id.',
      });
      expect(await failure(batch([entry('ok'), entry('msg@123#test')]))).toEqual({
        name: 'InvalidBatchEntryIdException',
        code: 'InvalidBatchEntryId',
        status: 400,
        message:
          'The Id of a batch entry in the batch request contains an impermissible character: msg@123#test',
      });
      const long = 'a'.repeat(81);
      expect(await failure(batch([entry(long)]))).toMatchObject({
        code: 'InvalidBatchEntryId',
        message: `The Id of a batch entry in the batch request is too long: ${long}`,
      });
      expect(await failure(batch([]))).toMatchObject({
        name: 'EmptyBatchRequestException',
        code: 'EmptyBatchRequest',
        status: 400,
      });
      expect(
        await failure(batch([entry('a'), { Id: 'b', Message: 'x', MessageStructure: 'json' }])),
      ).toMatchObject({
        code: 'InvalidParameter',
        message: 'Invalid parameter: Message Structure - JSON message body failed to parse',
      });
      expect(await queueDepth(sqs, q.url)).toBe(0);
    });

    it('applies each subscription filter policy to each batch entry separately', async () => {
      const arn = await topic();
      const q = await queueOn(arn, {
        RawMessageDelivery: 'true',
        FilterPolicy: JSON.stringify({ kind: ['keep'] }),
      });
      await sns.send(
        new PublishBatchCommand({
          TopicArn: arn,
          PublishBatchRequestEntries: ['keep', 'drop', 'keep', 'drop'].map((kind, i) => ({
            Id: `e${i}`,
            Message: `${kind}-${i}`,
            MessageAttributes: { kind: { DataType: 'String', StringValue: kind } },
          })),
        }),
      );
      expect((await receiveMessages(sqs, q.url, 2)).map((m) => m.Body).sort()).toEqual([
        'keep-0',
        'keep-2',
      ]);
      expect(await queueDepth(sqs, q.url)).toBe(0);
    });
  });

  describe('FIFO topics to FIFO queues', () => {
    const fifoQueueOn = (topicArn: string, attributes?: Record<string, string>) =>
      queueOn(topicArn, attributes, { FifoQueue: 'true' }, `${unique('fq')}.fifo`);

    it('requires MessageGroupId, and a deduplication id unless ContentBasedDeduplication is on', async () => {
      const arn = await fifoTopic();
      expect(
        await failure(publish({ TopicArn: arn, Message: 'x', MessageDeduplicationId: 'd' })),
      ).toEqual({
        name: 'InvalidParameterException',
        code: 'InvalidParameter',
        status: 400,
        message: 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics',
      });
      expect(
        await failure(publish({ TopicArn: arn, Message: 'x', MessageGroupId: 'g' })),
      ).toMatchObject({
        code: 'InvalidParameter',
        message:
          'Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
      });
      expect(
        await failure(
          sns.send(
            new PublishBatchCommand({
              TopicArn: arn,
              PublishBatchRequestEntries: [{ Id: 'a', Message: 'x', MessageDeduplicationId: 'd' }],
            }),
          ),
        ),
      ).toMatchObject({
        code: 'InvalidParameter',
        message: 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics',
      });
    });

    it('deduplicates by MessageDeduplicationId: the repeat returns the same MessageId and is delivered once; the unsigned envelope carries SequenceNumber', async () => {
      const arn = await fifoTopic();
      const q = await fifoQueueOn(arn);
      const first = await publish({
        TopicArn: arn,
        Message: 'first',
        MessageGroupId: 'g1',
        MessageDeduplicationId: 'dedup-1',
      });
      expect(first.MessageId).toMatch(UUID);
      expect(first.SequenceNumber).toMatch(/^\d{1,40}$/);
      const again = await publish({
        TopicArn: arn,
        Message: 'first, again',
        MessageGroupId: 'g1',
        MessageDeduplicationId: 'dedup-1',
      });
      expect(again.MessageId).toBe(first.MessageId);
      // Deliveries to SQS commit with the publish: what is not in the queue now never will be.
      const got = await receiveMessages(sqs, q.url, 1);
      expect(got).toHaveLength(1);
      expect(await queueDepth(sqs, q.url)).toBe(0);
      const body = JSON.parse(got[0]!.Body!) as SnsDocument;
      expect(Object.keys(body)).toEqual([
        'Type',
        'MessageId',
        'SequenceNumber',
        'TopicArn',
        'Message',
        'Timestamp',
        'UnsubscribeURL',
      ]);
      expect(body).toMatchObject({
        Type: 'Notification',
        MessageId: first.MessageId,
        SequenceNumber: first.SequenceNumber,
        TopicArn: arn,
        Message: 'first',
      });
      expect(body.Timestamp).toMatch(ISO_MS);
      expect(got[0]!.Attributes).toMatchObject({
        MessageGroupId: 'g1',
        MessageDeduplicationId: 'dedup-1',
      });
    });

    it('deduplicates at topic level: the same content in another group is delivered once, with the body SHA-256 as deduplication id', async () => {
      const arn = await fifoTopic({ ContentBasedDeduplication: 'true' });
      const q = await fifoQueueOn(arn);
      const a = await publish({
        TopicArn: arn,
        Message: 'Test',
        MessageGroupId: 'message-group-id-1',
      });
      const b = await publish({
        TopicArn: arn,
        Message: 'Test',
        MessageGroupId: 'message-group-id-2',
      });
      expect(b.MessageId).toBe(a.MessageId);
      const got = await receiveMessages(sqs, q.url, 1);
      expect(got).toHaveLength(1);
      expect(await queueDepth(sqs, q.url)).toBe(0);
      expect(got[0]!.Attributes).toMatchObject({
        MessageGroupId: 'message-group-id-1',
        MessageDeduplicationId: sha256('Test'),
      });
      expect(sha256('Test')).toBe(
        '532eaabd9574880dbf76b9b8cc00832c20a6ec113d682299550d7a6e0f345e25',
      );
    });

    it('keeps the order within each message group, with increasing SequenceNumbers (Publish and PublishBatch)', async () => {
      const arn = await fifoTopic({ ContentBasedDeduplication: 'true' });
      const q = await fifoQueueOn(arn, { RawMessageDelivery: 'true' });
      const sequence: string[] = [];
      for (let i = 0; i < 5; i++) {
        for (const g of ['A', 'B']) {
          const r = await publish({ TopicArn: arn, Message: `${g}${i}`, MessageGroupId: g });
          sequence.push(r.SequenceNumber!);
        }
      }
      const batch = await sns.send(
        new PublishBatchCommand({
          TopicArn: arn,
          PublishBatchRequestEntries: [5, 6, 7].map((i) => ({
            Id: `a${i}`,
            Message: `A${i}`,
            MessageGroupId: 'A',
          })),
        }),
      );
      expect(batch.Successful!.every((s) => /^\d+$/.test(s.SequenceNumber ?? ''))).toBe(true);
      sequence.push(...batch.Successful!.map((s) => s.SequenceNumber!));
      const asBig = sequence.map((s) => BigInt(s));
      expect(asBig.every((v, i) => i === 0 || v > asBig[i - 1]!)).toBe(true);
      const got = (await receiveMessages(sqs, q.url, 13, 8000)).map((m) => m.Body!);
      expect(got.filter((b) => b.startsWith('A'))).toEqual([
        'A0',
        'A1',
        'A2',
        'A3',
        'A4',
        'A5',
        'A6',
        'A7',
      ]);
      expect(got.filter((b) => b.startsWith('B'))).toEqual(['B0', 'B1', 'B2', 'B3', 'B4']);
    });
  });

  describe('other regions, dead-letter queues, outbox, metrics', () => {
    it('delivers from a topic in us-east-1 to a queue in eu-west-1', async () => {
      const west = sqsClient(t.endpoint, 'eu-west-1');
      extraClients.push(west);
      const q = await createQueue(west, unique('euq'));
      expect(q.arn).toMatch(new RegExp(`^arn:aws:sqs:eu-west-1:${ACCOUNT}:`));
      const arn = await topic();
      expect(arn).toMatch(/^arn:aws:sns:us-east-1:/);
      await sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sqs', Endpoint: q.arn }));
      const { MessageId } = await publish({ TopicArn: arn, Message: 'across regions' });
      const { body } = await receiveEnvelope(west, q.url);
      expect(body).toMatchObject({ MessageId, TopicArn: arn, Message: 'across regions' });
      expect(await signatureVerifies(body)).toBe(true);
    });

    it('a subscription RedrivePolicy sends what cannot be delivered (queue deleted) to its DLQ, as envelope or raw', async () => {
      const arn = await topic();
      const dlq = await createQueue(sqs, unique('dlq'));
      const redrive = JSON.stringify({ deadLetterTargetArn: dlq.arn });
      const wrapped = await queueOn(arn, { RedrivePolicy: redrive });
      const raw = await queueOn(arn, { RedrivePolicy: redrive, RawMessageDelivery: 'true' });
      await sqs.send(new DeleteQueueCommand({ QueueUrl: wrapped.url }));
      await sqs.send(new DeleteQueueCommand({ QueueUrl: raw.url }));
      const { MessageId } = await publish({
        TopicArn: arn,
        Message: 'test_dlq_after_sqs_endpoint_deleted',
        MessageAttributes: {
          attr1: { DataType: 'Number', StringValue: '111' },
          attr2: { DataType: 'Binary', BinaryValue: Uint8Array.from([2, 3, 4]) },
        },
      });
      const got = await receiveMessages(sqs, dlq.url, 2);
      expect(got).toHaveLength(2);
      const envelope = got.find((m) => m.Body!.startsWith('{'));
      const plain = got.find((m) => !m.Body!.startsWith('{'));
      const body = JSON.parse(envelope!.Body!) as SnsDocument;
      expect(body).toMatchObject({
        Type: 'Notification',
        MessageId,
        TopicArn: arn,
        Message: 'test_dlq_after_sqs_endpoint_deleted',
      });
      expect(body.MessageAttributes).toEqual({
        attr1: { Type: 'Number', Value: '111' },
        attr2: { Type: 'Binary', Value: 'AgME' },
      });
      expect(await signatureVerifies(body)).toBe(true);
      expect(plain!.Body).toBe('test_dlq_after_sqs_endpoint_deleted');
      expect(plain!.MessageAttributes?.attr1).toMatchObject({
        DataType: 'Number',
        StringValue: '111',
      });
      expect(
        await metricValue(t.endpoint, 'tributary_sns_notifications_redriven_to_dlq_total', {
          topic_arn: arn,
        }),
      ).toBe(2);
      expect(
        await metricValue(t.endpoint, 'tributary_sns_notifications_failed_total', {
          topic_arn: arn,
        }),
      ).toBe(2);
    });

    it('email: the confirmation lands in the outbox with a SubscribeURL that confirms on GET; then notifications arrive there', async () => {
      const arn = await topic();
      const address = `${unique('mail')}@example.com`;
      expect(
        (
          await sns.send(
            new SubscribeCommand({ TopicArn: arn, Protocol: 'email', Endpoint: address }),
          )
        ).SubscriptionArn,
      ).toBe('pending confirmation');
      const confirmation = await outboxMessage(
        t.endpoint,
        (m) => m.endpoint === address && m.type === 'SubscriptionConfirmation',
      );
      expect(confirmation).toMatchObject({
        protocol: 'email',
        topicArn: arn,
        account: ACCOUNT,
        region: REGION,
      });
      const subArn = confirmation.subscriptionArn!;
      expect(subArn.startsWith(`${arn}:`)).toBe(true);
      // Pending subscriptions get nothing.
      const early = await publish({ TopicArn: arn, Message: 'too early' });
      const url = /(http:\/\/\S+\?Action=ConfirmSubscription\S+)/.exec(confirmation.message)?.[1];
      expect(url).toBeDefined();
      expect(new URL(url!).origin).toBe(t.endpoint);
      const res = await fetch(url!);
      expect(res.status).toBe(200);
      const xml = await res.text();
      expect(xml).toContain('<ConfirmSubscriptionResponse');
      expect(xml).toContain(`<SubscriptionArn>${subArn}</SubscriptionArn>`);
      expect(
        (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subArn })))
          .Attributes,
      ).toMatchObject({
        PendingConfirmation: 'false',
        ConfirmationWasAuthenticated: 'false',
      });
      const { MessageId } = await publish({
        TopicArn: arn,
        Message: 'hello by mail',
        Subject: 'Mail subject',
      });
      const mail = await outboxMessage(
        t.endpoint,
        (m) => m.messageId === MessageId && m.endpoint === address,
      );
      expect(mail).toMatchObject({
        protocol: 'email',
        type: 'Notification',
        subject: 'Mail subject',
        message: 'hello by mail',
        topicArn: arn,
        subscriptionArn: subArn,
      });
      expect((await readOutbox(t.endpoint)).some((m) => m.messageId === early.MessageId)).toBe(
        false,
      );
    });

    it('email-json: a JSON confirmation (confirmed with ConfirmSubscription Token) and signed JSON notifications', async () => {
      const arn = await topic();
      const address = `${unique('json')}@example.com`;
      await sns.send(
        new SubscribeCommand({ TopicArn: arn, Protocol: 'email-json', Endpoint: address }),
      );
      const confirmation = await outboxMessage(
        t.endpoint,
        (m) => m.endpoint === address && m.type === 'SubscriptionConfirmation',
      );
      const doc = JSON.parse(confirmation.message) as Record<string, string>;
      expect(doc).toMatchObject({ Type: 'SubscriptionConfirmation', TopicArn: arn });
      expect(doc.Token).toMatch(/^[0-9a-f]+$/i);
      expect(doc.SubscribeURL).toContain('Action=ConfirmSubscription');
      const { SubscriptionArn } = await sns.send(
        new ConfirmSubscriptionCommand({ TopicArn: arn, Token: doc.Token! }),
      );
      expect(SubscriptionArn).toBe(confirmation.subscriptionArn);
      expect(
        (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes,
      ).toMatchObject({ PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'true' });
      const { MessageId } = await publish({ TopicArn: arn, Message: 'as json' });
      const note = await outboxMessage(
        t.endpoint,
        (m) => m.messageId === MessageId && m.endpoint === address,
      );
      const envelope = JSON.parse(note.message) as SnsDocument;
      expect(envelope).toMatchObject({
        Type: 'Notification',
        MessageId,
        TopicArn: arn,
        Message: 'as json',
      });
      expect(await signatureVerifies(envelope)).toBe(true);
    });

    it('sms subscriptions are confirmed at once and Publish with PhoneNumber goes straight to the outbox', async () => {
      const arn = await topic();
      const phone = `+1444${String(Date.now()).slice(-7)}`;
      const sub = (
        await sns.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sms', Endpoint: phone }))
      ).SubscriptionArn!;
      expect(sub.startsWith(`${arn}:`)).toBe(true);
      const { MessageId } = await publish({ TopicArn: arn, Message: 'text me' });
      expect(await outboxMessage(t.endpoint, (m) => m.messageId === MessageId)).toMatchObject({
        protocol: 'sms',
        endpoint: phone,
        type: 'Notification',
        message: 'text me',
        topicArn: arn,
        subscriptionArn: sub,
      });

      const direct = await sns.send(
        new PublishCommand({ PhoneNumber: '+15559876543', Message: 'direct text' }),
      );
      expect(direct.MessageId).toMatch(UUID);
      expect(
        await outboxMessage(t.endpoint, (m) => m.messageId === direct.MessageId),
      ).toMatchObject({
        protocol: 'sms',
        endpoint: '+15559876543',
        message: 'direct text',
        topicArn: null,
        subscriptionArn: null,
      });
      expect(
        await failure(
          sns.send(new PublishCommand({ PhoneNumber: 'NAA+15551234567', Message: 'x' })),
        ),
      ).toMatchObject({
        code: 'InvalidParameter',
        message:
          'Invalid parameter: PhoneNumber Reason: NAA+15551234567 is not valid to publish to',
      });
    });

    it('DELETE /_tributary/sns/outbox empties the outbox', async () => {
      await sns.send(new PublishCommand({ PhoneNumber: '+15550000001', Message: 'to be cleared' }));
      expect((await readOutbox(t.endpoint)).length).toBeGreaterThan(0);
      const res = await fetch(`${t.endpoint}/_tributary/sns/outbox`, { method: 'DELETE' });
      expect(res.status).toBe(204);
      expect(await readOutbox(t.endpoint)).toEqual([]);
    });

    it('/_tributary/metrics counts published, delivered and filtered-out notifications per topic', async () => {
      const arn = await topic();
      await queueOn(arn);
      await queueOn(arn, { FilterPolicy: JSON.stringify({ wanted: ['yes'] }) });
      for (let i = 0; i < 3; i++)
        await publish({
          TopicArn: arn,
          Message: `m${i}`,
          MessageAttributes:
            i === 0 ? { wanted: { DataType: 'String', StringValue: 'yes' } } : undefined,
        });
      const labels = { topic_arn: arn };
      expect(await metricValue(t.endpoint, 'tributary_sns_messages_published_total', labels)).toBe(
        3,
      );
      expect(
        await metricValue(t.endpoint, 'tributary_sns_notifications_delivered_total', labels),
      ).toBe(4);
      expect(
        await metricValue(t.endpoint, 'tributary_sns_notifications_filtered_out_total', labels),
      ).toBe(2);
      expect(
        await metricValue(t.endpoint, 'tributary_sns_notifications_failed_total', labels),
      ).toBe(0);
      expect(await metricValue(t.endpoint, 'tributary_sns_pending_deliveries')).toEqual(
        expect.any(Number),
      );
      const text = await (await fetch(`${t.endpoint}/_tributary/metrics`)).text();
      expect(text).toContain('# TYPE tributary_sns_messages_published_total counter');
    });
  });
});

describe('SNS durability (server process on a data directory)', () => {
  const clients: Array<{ destroy(): void }> = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await cleanupServerProcesses();
  });

  it('a publish acknowledged before kill -9 is in the subscribed queue after restart', async () => {
    const first = await startServerProcess();
    const sns1 = snsClient(first.endpoint);
    const sqs1 = sqsClient(first.endpoint);
    clients.push(sns1, sqs1);
    const queueName = unique('durable');
    const q = await createQueue(sqs1, queueName);
    const arn = (await sns1.send(new CreateTopicCommand({ Name: unique('durable-topic') })))
      .TopicArn!;
    await sns1.send(new SubscribeCommand({ TopicArn: arn, Protocol: 'sqs', Endpoint: q.arn }));
    await sns1.send(
      new SubscribeCommand({
        TopicArn: arn,
        Protocol: 'sqs',
        Endpoint: (await createQueue(sqs1, `${queueName}-raw`)).arn,
        Attributes: { RawMessageDelivery: 'true' },
      }),
    );
    const published = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sns1.send(new PublishCommand({ TopicArn: arn, Message: `durable ${i}` })),
      ),
    );
    first.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const second = await startServerProcess({ dataDir: first.dataDir });
    const sqs2 = sqsClient(second.endpoint);
    clients.push(sqs2);
    const url = (await sqs2.send(new GetQueueUrlCommand({ QueueName: queueName }))).QueueUrl!;
    const got = (await receiveMessages(sqs2, url, 20, 8000)).map(
      (m) => JSON.parse(m.Body!) as SnsDocument,
    );
    expect(got.map((b) => b.MessageId).sort()).toEqual(published.map((p) => p.MessageId!).sort());
    expect(
      got.every(
        (b) => b.Type === 'Notification' && b.TopicArn === arn && /^durable \d+$/.test(b.Message),
      ),
    ).toBe(true);
    const rawUrl = (await sqs2.send(new GetQueueUrlCommand({ QueueName: `${queueName}-raw` })))
      .QueueUrl!;
    expect((await receiveMessages(sqs2, rawUrl, 20, 8000)).map((m) => m.Body).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `durable ${i}`).sort(),
    );
  });
});
