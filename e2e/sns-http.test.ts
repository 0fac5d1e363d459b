// SNS HTTP(S) subscriptions end to end: a node:http endpoint on 127.0.0.1 in this process receives
// what SNS POSTs — the SubscriptionConfirmation, Notifications, the UnsubscribeConfirmation — with
// AWS's headers and bodies, signatures checked here with node:crypto; retries per DeliveryPolicy,
// client errors going straight to the subscription's dead-letter queue, ConfirmSubscription's
// errors, and a durable delivery surviving kill -9 of the server process.
import { verify } from 'node:crypto';
import {
  ConfirmSubscriptionCommand,
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  PublishCommand,
  SetTopicAttributesCommand,
  SubscribeCommand,
  UnsubscribeCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTributary, type Tributary } from '../packages/server/src/index.js';
import { cleanupServerProcesses, freePort, startServerProcess } from './support/server-process.js';
import {
  certificateAt,
  confirmationStringToSign,
  createQueue,
  failure,
  HttpEndpoint,
  metricValue,
  receiveMessages,
  signatureVerifies,
  sleep,
  snsClient,
  sqsClient,
  unique,
  type ReceivedRequest,
  type SnsDocument,
} from './support/sns-support.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const REGION = 'us-east-1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CONFIRMATION_KEYS = [
  'Type',
  'MessageId',
  'Token',
  'TopicArn',
  'Message',
  'SubscribeURL',
  'Timestamp',
  'SignatureVersion',
  'Signature',
  'SigningCertURL',
];
const AGENT = 'Amazon Simple Notification Service Agent';

/** Retries with no delay, so that a retry shows at once. */
function fastRetries(numRetries: number): string {
  return JSON.stringify({
    healthyRetryPolicy: {
      minDelayTarget: 1,
      maxDelayTarget: 1,
      numRetries,
      numNoDelayRetries: numRetries,
      numMinDelayRetries: 0,
      numMaxDelayRetries: 0,
      backoffFunction: 'linear',
    },
  });
}

const parse = (r: ReceivedRequest): SnsDocument => JSON.parse(r.body) as SnsDocument;
const statusesFor =
  (type: string, statuses: number[]) => (r: ReceivedRequest, all: ReceivedRequest[]) =>
    r.headers['x-amz-sns-message-type'] !== type
      ? 200
      : (statuses[all.filter((x) => x.headers['x-amz-sns-message-type'] === type).length - 1] ??
        200);

describe('SNS HTTP subscriptions (in-process server, local endpoint)', () => {
  let t: Tributary;
  let sns: SNSClient;
  let sqs: SQSClient;
  const endpoints: HttpEndpoint[] = [];

  beforeAll(async () => {
    t = await startTributary({ port: 0 });
    sns = snsClient(t.endpoint, REGION);
    sqs = sqsClient(t.endpoint, REGION);
  });
  afterEach(async () => {
    await Promise.all(endpoints.splice(0).map((e) => e.close()));
  });
  afterAll(async () => {
    sns.destroy();
    sqs.destroy();
    await t.stop();
  });

  const topic = async (): Promise<string> =>
    (await sns.send(new CreateTopicCommand({ Name: unique('http-topic') }))).TopicArn!;
  const endpoint = async (): Promise<HttpEndpoint> => {
    const e = await HttpEndpoint.start();
    endpoints.push(e);
    return e;
  };
  /** Subscribes `e` and waits for the SubscriptionConfirmation; the subscription stays pending. */
  const subscribe = async (
    topicArn: string,
    e: HttpEndpoint,
    attributes?: Record<string, string>,
    path = '/sns',
  ) => {
    const { SubscriptionArn } = await sns.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: 'http',
        Endpoint: e.url(path),
        Attributes: attributes,
        ReturnSubscriptionArn: true,
      }),
    );
    const [request] = await e.waitForType('SubscriptionConfirmation');
    return { subArn: SubscriptionArn!, request: request!, doc: parse(request!) };
  };
  /** Subscribes and confirms with ConfirmSubscription. */
  const confirmed = async (
    topicArn: string,
    e: HttpEndpoint,
    attributes?: Record<string, string>,
  ) => {
    const s = await subscribe(topicArn, e, attributes);
    const { SubscriptionArn } = await sns.send(
      new ConfirmSubscriptionCommand({ TopicArn: topicArn, Token: s.doc.Token as string }),
    );
    expect(SubscriptionArn).toBe(s.subArn);
    return s;
  };

  describe('confirmation', () => {
    it('Subscribe http answers "pending confirmation" and POSTs a signed SubscriptionConfirmation with AWS headers and body', async () => {
      const arn = await topic();
      const e = await endpoint();
      const reply = await sns.send(
        new SubscribeCommand({
          TopicArn: arn,
          Protocol: 'http',
          Endpoint: e.url('/hook?tenant=1'),
        }),
      );
      expect(reply.SubscriptionArn).toBe('pending confirmation');
      const [req] = await e.waitForType('SubscriptionConfirmation');
      expect(req!.method).toBe('POST');
      expect(req!.path).toBe('/hook?tenant=1');
      const doc = parse(req!);
      expect(req!.headers).toMatchObject({
        'x-amz-sns-message-type': 'SubscriptionConfirmation',
        'x-amz-sns-message-id': doc.MessageId,
        'x-amz-sns-topic-arn': arn,
        'content-type': 'text/plain; charset=UTF-8',
        'user-agent': AGENT,
      });
      expect(req!.headers['x-amz-sns-subscription-arn']).toBeUndefined();
      expect(Object.keys(doc)).toEqual(CONFIRMATION_KEYS);
      expect(doc).toMatchObject({
        Type: 'SubscriptionConfirmation',
        TopicArn: arn,
        Message: `You have chosen to subscribe to the topic ${arn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
        SignatureVersion: '1',
      });
      expect(doc.MessageId).toMatch(UUID);
      expect(doc.Token).toMatch(/^[0-9a-f]{32,}$/i);
      expect(doc.Timestamp).toMatch(ISO_MS);
      const url = new URL(doc.SubscribeURL as string);
      expect(url.origin).toBe(t.endpoint);
      expect(Object.fromEntries(url.searchParams)).toEqual({
        Action: 'ConfirmSubscription',
        TopicArn: arn,
        Token: doc.Token,
      });

      // The signature covers Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type.
      const text = confirmationStringToSign(doc);
      expect(text).toBe(
        `Message\n${doc.Message}\nMessageId\n${doc.MessageId}\nSubscribeURL\n${doc.SubscribeURL as string}\nTimestamp\n${doc.Timestamp}\nToken\n${doc.Token as string}\nTopicArn\n${arn}\nType\nSubscriptionConfirmation\n`,
      );
      const cert = await certificateAt(doc.SigningCertURL as string);
      expect(
        verify(
          'sha1',
          Buffer.from(text),
          cert.publicKey,
          Buffer.from(doc.Signature as string, 'base64'),
        ),
      ).toBe(true);
      expect(await signatureVerifies({ ...doc, Token: `${doc.Token as string}0` })).toBe(false);
      expect(
        await signatureVerifies({ ...doc, SubscribeURL: `${doc.SubscribeURL as string}&x=1` }),
      ).toBe(false);

      const attrs = (await sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes!;
      expect(attrs).toMatchObject({ SubscriptionsPending: '1', SubscriptionsConfirmed: '0' });
    });

    // AWS writes the TopicArn into SubscribeURL unencoded
    // ("…/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:…&Token=…"; LocalStack's
    // test_subscribe_external_http_endpoint compares exactly this string against AWS).
    it('writes SubscribeURL as AWS does, with the TopicArn unencoded', async () => {
      const arn = await topic();
      const e = await endpoint();
      const { doc } = await subscribe(arn, e);
      expect(doc.SubscribeURL).toBe(
        `${t.endpoint}/?Action=ConfirmSubscription&TopicArn=${arn}&Token=${doc.Token as string}`,
      );
    });

    it('a pending subscription receives no notifications', async () => {
      const arn = await topic();
      const e = await endpoint();
      await subscribe(arn, e);
      await sns.send(new PublishCommand({ TopicArn: arn, Message: 'not yet' }));
      await sleep(400);
      expect(e.ofType('Notification')).toEqual([]);
    });

    it('ConfirmSubscription with the Token confirms (authenticated), idempotently; Publish then POSTs a signed Notification', async () => {
      const arn = await topic();
      const e = await endpoint();
      const { subArn, doc: confirmation } = await confirmed(arn, e);
      expect(
        (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subArn })))
          .Attributes,
      ).toMatchObject({
        PendingConfirmation: 'false',
        ConfirmationWasAuthenticated: 'true',
        Protocol: 'http',
        Endpoint: e.url(),
      });
      expect(
        (
          await sns.send(
            new ConfirmSubscriptionCommand({ TopicArn: arn, Token: confirmation.Token as string }),
          )
        ).SubscriptionArn,
      ).toBe(subArn);
      expect(
        (await sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes,
      ).toMatchObject({ SubscriptionsPending: '0', SubscriptionsConfirmed: '1' });

      const { MessageId } = await sns.send(
        new PublishCommand({
          TopicArn: arn,
          Message: 'over http ✓',
          Subject: 'Hi',
          MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } },
        }),
      );
      const [req] = await e.waitForType('Notification');
      expect(req!.method).toBe('POST');
      expect(req!.headers).toMatchObject({
        'x-amz-sns-message-type': 'Notification',
        'x-amz-sns-message-id': MessageId,
        'x-amz-sns-topic-arn': arn,
        'x-amz-sns-subscription-arn': subArn,
        'content-type': 'text/plain; charset=UTF-8',
        'user-agent': AGENT,
      });
      expect(req!.headers['x-amz-sns-rawdelivery']).toBeUndefined();
      const doc = parse(req!);
      expect(Object.keys(doc)).toEqual([
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
      expect(doc).toMatchObject({
        Type: 'Notification',
        MessageId,
        TopicArn: arn,
        Subject: 'Hi',
        Message: 'over http ✓',
        MessageAttributes: { k: { Type: 'String', Value: 'v' } },
      });
      expect(Object.fromEntries(new URL(doc.UnsubscribeURL as string).searchParams)).toEqual({
        Action: 'Unsubscribe',
        SubscriptionArn: subArn,
      });
      expect(await signatureVerifies(doc)).toBe(true);
      expect(await signatureVerifies({ ...doc, Subject: 'Ho' })).toBe(false);
    });

    it('GET on the SubscribeURL confirms the subscription (not authenticated) and notifications follow', async () => {
      const arn = await topic();
      const e = await endpoint();
      const { subArn, doc } = await subscribe(arn, e);
      const res = await fetch(doc.SubscribeURL as string);
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
      const { MessageId } = await sns.send(
        new PublishCommand({ TopicArn: arn, Message: 'after GET' }),
      );
      const [req] = await e.waitForType('Notification');
      expect(req!.headers['x-amz-sns-message-id']).toBe(MessageId);
      expect(parse(req!).Message).toBe('after GET');
    });

    it('ConfirmSubscription errors: "Invalid token" for a malformed token, "Invalid parameter: Token" for an unknown one, "Invalid parameter: Topic" for a bad or foreign-region TopicArn', async () => {
      const arn = await topic();
      const e = await endpoint();
      const { doc } = await subscribe(arn, e);
      const token = doc.Token as string;
      expect(
        await failure(
          sns.send(new ConfirmSubscriptionCommand({ TopicArn: arn, Token: 'randomtoken' })),
        ),
      ).toEqual({
        name: 'InvalidParameterException',
        code: 'InvalidParameter',
        status: 400,
        message: 'Invalid token',
      });
      const unknown =
        '51b2ff3edb475b7d91550e0ab6edf0c1de2a34e6ebaf6c2262a001bcb7e051c43aa00022ceecce70bd2a67b2042da8d8eb47fef7a4e4e942d23e7fa56146b9ee35da040b4b8af564cc4184a7391c834cb75d75c22981f776ad1ce8805e9bab29da2329985337bb8095627907b46c8577c8440556b6f86582a954758026f41fc62041c4b3f67b0f5921232b5dae5aaca1';
      expect(
        await failure(sns.send(new ConfirmSubscriptionCommand({ TopicArn: arn, Token: unknown }))),
      ).toEqual({
        name: 'InvalidParameterException',
        code: 'InvalidParameter',
        status: 400,
        message: 'Invalid parameter: Token',
      });
      // The same through unauthenticated GETs of a doctored SubscribeURL.
      const get = async (topicArn: string, tok: string) => {
        const res = await fetch(
          `${t.endpoint}/?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=${tok}`,
        );
        return { status: res.status, text: await res.text() };
      };
      const broken = await get('not-an-arn', token);
      expect(broken.status).toBe(400);
      expect(broken.text).toContain('<Code>InvalidParameter</Code>');
      expect(broken.text).toContain('<Message>Invalid parameter: Topic</Message>');
      const otherRegion = await get(arn.replace(':us-east-1:', ':eu-central-1:'), token);
      expect(otherRegion.status).toBe(400);
      expect(otherRegion.text).toContain('<Message>Invalid parameter: Topic</Message>');
      // None of that confirmed anything.
      const subs = (await sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes!;
      expect(subs.SubscriptionsPending).toBe('1');
    });

    // AWS checks the token, not the topic's existence: ConfirmSubscription for a well-formed ARN of
    // a topic that does not exist, with a token nobody was given, is "Invalid parameter: Token"
    // (LocalStack's AWS-validated test_sns_confirm_subscription_wrong_token, snapshot
    // "topic-not-exists").
    it('ConfirmSubscription for an unknown topic with an unknown token is "Invalid parameter: Token"', async () => {
      const arn = await topic();
      const token =
        '51b2ff3edb475b7d91550e0ab6edf0c1de2a34e6ebaf6c2262a001bcb7e051c43aa00022ceecce70bd2a67b2042da8d8eb47fef7a4e4e942d23e7fa56146b9ee35da040b4b8af564cc4184a7391c834cb75d75c22981f776ad1ce8805e9bab29da2329985337bb8095627907b46c8577c8440556b6f86582a954758026f41fc62041c4b3f67b0f5921232b5dae5aaca1';
      expect(
        await failure(
          sns.send(
            new ConfirmSubscriptionCommand({ TopicArn: `${arn.slice(0, -1)}i`, Token: token }),
          ),
        ),
      ).toEqual({
        name: 'InvalidParameterException',
        code: 'InvalidParameter',
        status: 400,
        message: 'Invalid parameter: Token',
      });
    });

    // a short hex token ("abc123") is "Invalid parameter: Token" on AWS (LocalStack's
    // test_subscribe_external_http_endpoint snapshot "broken-token-confirm", recorded against AWS);
    // only tokens that are not hex are "Invalid token".
    it('ConfirmSubscription with a short hex token nobody was given is "Invalid parameter: Token"', async () => {
      const arn = await topic();
      expect(
        await failure(sns.send(new ConfirmSubscriptionCommand({ TopicArn: arn, Token: 'abc123' }))),
      ).toMatchObject({ code: 'InvalidParameter', message: 'Invalid parameter: Token' });
    });

    // AWS confirms by token even when the TopicArn in the SubscribeURL names a topic that does not
    // exist in the same region (LocalStack's test_subscribe_external_http_endpoint, snapshot
    // "nonexistent-token-confirm": 200 with the subscription's ARN, and the subscription is
    // confirmed).
    it('GET ConfirmSubscription with a valid token and a nonexistent same-region topic confirms the subscription', async () => {
      const arn = await topic();
      const e = await endpoint();
      const { subArn, doc } = await subscribe(arn, e);
      const res = await fetch(
        `${t.endpoint}/?Action=ConfirmSubscription&TopicArn=${arn}-nope&Token=${doc.Token as string}`,
      );
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(`<SubscriptionArn>${subArn}</SubscriptionArn>`);
    });
  });

  describe('delivery', () => {
    it('RawMessageDelivery: the body is the message itself and x-amz-sns-rawdelivery is true', async () => {
      const arn = await topic();
      const e = await endpoint();
      const { subArn } = await confirmed(arn, e, { RawMessageDelivery: 'true' });
      const message = '{"raw": true, "text": "ünïcødé"}';
      const { MessageId } = await sns.send(
        new PublishCommand({
          TopicArn: arn,
          Message: message,
          Subject: 's',
          MessageAttributes: { a: { DataType: 'String', StringValue: 'b' } },
        }),
      );
      const [req] = await e.waitForType('Notification');
      expect(req!.body).toBe(message);
      expect(req!.headers).toMatchObject({
        'x-amz-sns-rawdelivery': 'true',
        'x-amz-sns-message-type': 'Notification',
        'x-amz-sns-message-id': MessageId,
        'x-amz-sns-topic-arn': arn,
        'x-amz-sns-subscription-arn': subArn,
        'content-type': 'text/plain; charset=UTF-8',
      });
    });

    it('a DeliveryPolicy requestPolicy sets the notification Content-Type (subscription or topic policy); confirmations stay text/plain', async () => {
      const byTopic = await topic();
      await sns.send(
        new SetTopicAttributesCommand({
          TopicArn: byTopic,
          AttributeName: 'DeliveryPolicy',
          AttributeValue: JSON.stringify({
            http: { defaultRequestPolicy: { headerContentType: 'application/json' } },
          }),
        }),
      );
      const e1 = await endpoint();
      const { request: confirmation } = await confirmed(byTopic, e1);
      expect(confirmation.headers['content-type']).toBe('text/plain; charset=UTF-8');
      await sns.send(new PublishCommand({ TopicArn: byTopic, Message: 'json please' }));
      expect((await e1.waitForType('Notification'))[0]!.headers['content-type']).toBe(
        'application/json',
      );

      const bySubscription = await topic();
      const e2 = await endpoint();
      await confirmed(bySubscription, e2, {
        RawMessageDelivery: 'true',
        DeliveryPolicy: JSON.stringify({ requestPolicy: { headerContentType: 'text/csv' } }),
      });
      await sns.send(new PublishCommand({ TopicArn: bySubscription, Message: 'a,b,c' }));
      const [csv] = await e2.waitForType('Notification');
      expect(csv!.headers['content-type']).toBe('text/csv');
      expect(csv!.body).toBe('a,b,c');
    });

    it('retries 5xx answers per the subscription DeliveryPolicy and stops after the first 2xx', async () => {
      const arn = await topic();
      const e = await endpoint();
      e.respond = statusesFor('Notification', [500, 500, 200]);
      await confirmed(arn, e, {
        DeliveryPolicy: JSON.stringify({
          healthyRetryPolicy: {
            minDelayTarget: 1,
            maxDelayTarget: 1,
            numRetries: 3,
            numNoDelayRetries: 2,
            numMinDelayRetries: 0,
            numMaxDelayRetries: 0,
            backoffFunction: 'linear',
          },
        }),
      });
      const { MessageId } = await sns.send(
        new PublishCommand({ TopicArn: arn, Message: 'try again' }),
      );
      const attempts = await e.waitForType('Notification', 3);
      expect(attempts.map((r) => r.headers['x-amz-sns-message-id'])).toEqual([
        MessageId,
        MessageId,
        MessageId,
      ]);
      expect(new Set(attempts.map((r) => r.body)).size).toBe(1);
      expect(parse(attempts[2]!).Message).toBe('try again');
      await sleep(1500);
      expect(e.ofType('Notification')).toHaveLength(3);
      expect(
        await metricValue(t.endpoint, 'tributary_sns_notifications_delivered_total', {
          topic_arn: arn,
        }),
      ).toBe(1);
      expect(
        await metricValue(t.endpoint, 'tributary_sns_notifications_failed_total', {
          topic_arn: arn,
        }),
      ).toBe(0);
    });

    it('waits minDelayTarget seconds between min-delay retries', async () => {
      const arn = await topic();
      const e = await endpoint();
      e.respond = statusesFor('Notification', [503, 503, 200]);
      await confirmed(arn, e, {
        DeliveryPolicy: JSON.stringify({
          healthyRetryPolicy: {
            minDelayTarget: 1,
            maxDelayTarget: 1,
            numRetries: 2,
            numNoDelayRetries: 0,
            numMinDelayRetries: 2,
            numMaxDelayRetries: 0,
            backoffFunction: 'linear',
          },
        }),
      });
      await sns.send(new PublishCommand({ TopicArn: arn, Message: 'slowly' }));
      const attempts = await e.waitForType('Notification', 3, 6000);
      expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
      expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(900);
    });

    it('an endpoint answering 404 is not retried: the notification goes to the subscription RedrivePolicy DLQ', async () => {
      const arn = await topic();
      const e = await endpoint();
      e.respond = statusesFor('Notification', [404, 404, 404, 404]);
      const dlq = await createQueue(sqs, unique('http-dlq'));
      await confirmed(arn, e, {
        DeliveryPolicy: fastRetries(3),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn }),
      });
      const { MessageId } = await sns.send(
        new PublishCommand({ TopicArn: arn, Message: 'test_dlq_external_http_endpoint' }),
      );
      const [dead] = await receiveMessages(sqs, dlq.url, 1);
      expect(dead).toBeDefined();
      const body = JSON.parse(dead!.Body!) as SnsDocument;
      expect(body).toMatchObject({
        Type: 'Notification',
        MessageId,
        TopicArn: arn,
        Message: 'test_dlq_external_http_endpoint',
      });
      expect(await signatureVerifies(body)).toBe(true);
      await sleep(500);
      expect(e.ofType('Notification')).toHaveLength(1);
      expect(
        await metricValue(t.endpoint, 'tributary_sns_notifications_redriven_to_dlq_total', {
          topic_arn: arn,
        }),
      ).toBe(1);
    });

    it('exhausting the retries on 5xx sends the raw message to the DLQ after numRetries + 1 attempts', async () => {
      const arn = await topic();
      const e = await endpoint();
      e.respond = statusesFor(
        'Notification',
        Array.from({ length: 10 }, () => 500),
      );
      const dlq = await createQueue(sqs, unique('http-dlq'));
      await confirmed(arn, e, {
        RawMessageDelivery: 'true',
        DeliveryPolicy: fastRetries(2),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn }),
      });
      await sns.send(new PublishCommand({ TopicArn: arn, Message: 'raw to the dlq' }));
      const [dead] = await receiveMessages(sqs, dlq.url, 1);
      expect(dead?.Body).toBe('raw to the dlq');
      expect(e.ofType('Notification')).toHaveLength(3);
      expect(
        await metricValue(t.endpoint, 'tributary_sns_notifications_failed_total', {
          topic_arn: arn,
        }),
      ).toBe(1);
    });
  });

  describe('unsubscribe', () => {
    it('Unsubscribe POSTs a signed UnsubscribeConfirmation whose SubscribeURL can restore the subscription', async () => {
      const arn = await topic();
      const e = await endpoint();
      const { subArn } = await confirmed(arn, e);
      await sns.send(new UnsubscribeCommand({ SubscriptionArn: subArn }));
      expect(
        (await failure(sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subArn }))))
          .code,
      ).toBe('NotFound');
      const [req] = await e.waitForType('UnsubscribeConfirmation');
      const doc = parse(req!);
      expect(req!.headers).toMatchObject({
        'x-amz-sns-message-type': 'UnsubscribeConfirmation',
        'x-amz-sns-message-id': doc.MessageId,
        'x-amz-sns-topic-arn': arn,
        'content-type': 'text/plain; charset=UTF-8',
        'user-agent': AGENT,
      });
      expect(Object.keys(doc)).toEqual(CONFIRMATION_KEYS);
      expect(doc).toMatchObject({
        Type: 'UnsubscribeConfirmation',
        TopicArn: arn,
        SignatureVersion: '1',
      });
      expect(doc.Token).toMatch(/^[0-9a-f]+$/i);
      expect(Object.fromEntries(new URL(doc.SubscribeURL as string).searchParams)).toEqual({
        Action: 'ConfirmSubscription',
        TopicArn: arn,
        Token: doc.Token,
      });
      expect(await signatureVerifies(doc)).toBe(true);
      await sns.send(new PublishCommand({ TopicArn: arn, Message: 'gone' }));
      await sleep(300);
      expect(e.ofType('Notification')).toEqual([]);
    });

    // AWS's UnsubscribeConfirmation Message names the subscription ARN: "You have chosen to
    // deactivate subscription <subscription ARN>.\nTo cancel this operation and restore the
    // subscription, visit the SubscribeURL included in this message." (LocalStack's
    // test_subscribe_external_http_endpoint snapshot "unsubscribe-request").
    it('the UnsubscribeConfirmation message names the subscription ARN', async () => {
      const arn = await topic();
      const e = await endpoint();
      const { subArn } = await confirmed(arn, e);
      await sns.send(new UnsubscribeCommand({ SubscriptionArn: subArn }));
      const [req] = await e.waitForType('UnsubscribeConfirmation');
      expect(parse(req!).Message).toBe(
        `You have chosen to deactivate subscription ${subArn}.\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.`,
      );
    });

    // AWS issues a new token for the UnsubscribeConfirmation (the snapshot "unsubscribe-request"
    // has <token:2>, the SubscriptionConfirmation <token:1>);
    it('the UnsubscribeConfirmation carries a new token, not the subscription confirmation token', async () => {
      const arn = await topic();
      const e = await endpoint();
      const { subArn, doc: confirmation } = await confirmed(arn, e);
      await sns.send(new UnsubscribeCommand({ SubscriptionArn: subArn }));
      const [req] = await e.waitForType('UnsubscribeConfirmation');
      expect(parse(req!).Token).not.toBe(confirmation.Token);
    });
  });
});

describe('SNS HTTP delivery durability (server process on a data directory)', () => {
  const clients: Array<{ destroy(): void }> = [];
  const endpoints: HttpEndpoint[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await Promise.all(endpoints.splice(0).map((e) => e.close()));
    await cleanupServerProcesses();
  });

  it('a notification queued for an endpoint that is down survives kill -9 and arrives once the endpoint is up after restart', async () => {
    const port = await freePort();
    const up = await HttpEndpoint.start(port);
    endpoints.push(up);
    const first = await startServerProcess();
    const sns1 = snsClient(first.endpoint);
    clients.push(sns1);
    const arn = (await sns1.send(new CreateTopicCommand({ Name: unique('durable-http') })))
      .TopicArn!;
    const retryEverySecond = JSON.stringify({
      healthyRetryPolicy: {
        minDelayTarget: 1,
        maxDelayTarget: 1,
        numRetries: 60,
        numNoDelayRetries: 0,
        numMinDelayRetries: 60,
        numMaxDelayRetries: 0,
        backoffFunction: 'linear',
      },
    });
    await sns1.send(
      new SubscribeCommand({
        TopicArn: arn,
        Protocol: 'http',
        Endpoint: up.url('/durable'),
        Attributes: { DeliveryPolicy: retryEverySecond },
      }),
    );
    const [confirmation] = await up.waitForType('SubscriptionConfirmation');
    const { SubscriptionArn } = await sns1.send(
      new ConfirmSubscriptionCommand({
        TopicArn: arn,
        Token: parse(confirmation!).Token as string,
      }),
    );

    // The endpoint goes down (its port now refuses connections); publish; kill -9 at once.
    await endpoints.pop()!.close();
    const { MessageId } = await sns1.send(
      new PublishCommand({ TopicArn: arn, Message: 'survives kill -9', Subject: 'durable' }),
    );
    first.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const second = await startServerProcess({ dataDir: first.dataDir });
    await sleep(300);
    const back = await HttpEndpoint.start(port);
    endpoints.push(back);
    const [req] = await back.waitForType('Notification', 1, 10_000);
    expect(req!.headers).toMatchObject({
      'x-amz-sns-message-id': MessageId,
      'x-amz-sns-topic-arn': arn,
      'x-amz-sns-subscription-arn': SubscriptionArn,
    });
    const doc = parse(req!);
    expect(doc).toMatchObject({
      Type: 'Notification',
      MessageId,
      TopicArn: arn,
      Subject: 'durable',
      Message: 'survives kill -9',
    });
    // The signing key lives in the data directory: the restarted server serves the same certificate.
    const sameCertAtNewServer = new URL(
      new URL(doc.SigningCertURL as string).pathname,
      second.endpoint,
    ).href;
    expect(await signatureVerifies({ ...doc, SigningCertURL: sameCertAtNewServer })).toBe(true);
    await sleep(500);
    expect(back.ofType('Notification')).toHaveLength(1);
  });
});
