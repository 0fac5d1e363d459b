// End-to-end: Tributary's SQS driven by Debian's AWS CLI v2 (/usr/bin/aws), which speaks the
// AWS query protocol (form-encoded POST, XML replies) to SQS.
//
// The CLI (botocore 2.x as vendored by Debian) does not verify SQS MD5s itself, so every digest
// it prints is checked here against AWS's algorithm, computed independently in support/clients.ts.
// Each CLI call costs ~0.5 s of CPU for Python start-up, so the scenarios share a few queues and
// run in order (later tests build on the state earlier ones leave), keeping the call count low.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTributary, type Tributary } from '../packages/server/src/index.js';
import {
  awsCli,
  detectAwsCli,
  md5Hex,
  md5OfAttributes,
  requireClient,
  sleep,
  type AwsCli,
  type WireAttribute,
} from './support/clients.js';

const status = await detectAwsCli();
const ok = requireClient('AWS CLI (/usr/bin/aws)', status);

const ACCOUNT = '000000000000';

interface CliMessage {
  MessageId: string;
  ReceiptHandle: string;
  MD5OfBody: string;
  Body: string;
  Attributes?: Record<string, string>;
  MD5OfMessageAttributes?: string;
  MessageAttributes?: Record<string, WireAttribute>;
}
interface ReceiveOutput {
  Messages?: CliMessage[];
}
interface BatchOutput {
  Successful?: {
    Id: string;
    MessageId?: string;
    MD5OfMessageBody?: string;
    MD5OfMessageAttributes?: string;
  }[];
  Failed?: { Id: string; SenderFault: boolean; Code: string; Message: string }[];
}
type Tags = { Tags?: Record<string, string> };

describe.skipIf(!ok)(
  `SQS through the AWS CLI over the query protocol (${status.version ?? 'unavailable'})`,
  () => {
    let t: Tributary;
    let aws: AwsCli;
    const url = (name: string): string => `${t.endpoint}/${ACCOUNT}/${name}`;
    const arn = (name: string): string => `arn:aws:sqs:us-east-1:${ACCOUNT}:${name}`;

    async function createQueue(name: string, ...extra: string[]): Promise<string> {
      const out = await aws.json<{ QueueUrl: string }>([
        'sqs',
        'create-queue',
        '--queue-name',
        name,
        ...extra,
      ]);
      return out.QueueUrl;
    }
    async function receive(queueUrl: string, ...extra: string[]): Promise<CliMessage[]> {
      const out = await aws.json<ReceiveOutput>([
        'sqs',
        'receive-message',
        '--queue-url',
        queueUrl,
        ...extra,
      ]);
      return out.Messages ?? [];
    }
    async function attributes(
      queueUrl: string,
      ...names: string[]
    ): Promise<Record<string, string>> {
      const out = await aws.json<{ Attributes?: Record<string, string> }>([
        'sqs',
        'get-queue-attributes',
        '--queue-url',
        queueUrl,
        '--attribute-names',
        ...names,
      ]);
      return out.Attributes ?? {};
    }
    const counts = (q: string): Promise<Record<string, string>> =>
      attributes(q, 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible');

    beforeAll(async () => {
      t = await startTributary({ port: 0 });
      aws = awsCli(t.endpoint);
    });
    afterAll(async () => {
      await t?.stop();
    });

    describe('queues', () => {
      it('creates a queue with attributes and tags, and returns the same URL when it is created again identically', async () => {
        const args = [
          '--attributes',
          'VisibilityTimeout=45,DelaySeconds=0',
          '--tags',
          'env=test,team=core',
        ];
        const q = await createQueue('cli-main', ...args);
        expect(q).toBe(url('cli-main'));
        const [again, tags] = await Promise.all([
          createQueue('cli-main', ...args),
          aws.json<Tags>(['sqs', 'list-queue-tags', '--queue-url', q]),
        ]);
        expect(again).toBe(q);
        expect(tags.Tags).toEqual({ env: 'test', team: 'core' });
      });

      it('refuses to create an existing queue with a different attribute value with QueueAlreadyExists', async () => {
        const err = await aws.error([
          'sqs',
          'create-queue',
          '--queue-name',
          'cli-main',
          '--attributes',
          'VisibilityTimeout=46',
        ]);
        expect(err.code).toBe('QueueAlreadyExists');
        expect(err.message).toBe(
          'A queue already exists with the same name and a different value for attribute VisibilityTimeout',
        );
      });

      it('resolves a queue URL by name with get-queue-url', async () => {
        const out = await aws.json<{ QueueUrl: string }>([
          'sqs',
          'get-queue-url',
          '--queue-name',
          'cli-main',
        ]);
        expect(out.QueueUrl).toBe(url('cli-main'));
      });

      it('lists only the queues whose names start with the prefix', async () => {
        await Promise.all([createQueue('cli-main-2'), createQueue('cli-other')]);
        const listed = await aws.json<{ QueueUrls?: string[] }>([
          'sqs',
          'list-queues',
          '--queue-name-prefix',
          'cli-main',
        ]);
        expect([...(listed.QueueUrls ?? [])].sort()).toEqual([url('cli-main'), url('cli-main-2')]);
      });

      it('reports every attribute with AWS defaults for All, and only the named attributes otherwise', async () => {
        const q = url('cli-main');
        const [all, some] = await Promise.all([
          attributes(q, 'All'),
          attributes(q, 'MaximumMessageSize', 'SqsManagedSseEnabled'),
        ]);
        expect(all).toMatchObject({
          ApproximateNumberOfMessages: '0',
          ApproximateNumberOfMessagesNotVisible: '0',
          ApproximateNumberOfMessagesDelayed: '0',
          QueueArn: arn('cli-main'),
          DelaySeconds: '0',
          MaximumMessageSize: '1048576',
          MessageRetentionPeriod: '345600',
          ReceiveMessageWaitTimeSeconds: '0',
          VisibilityTimeout: '45',
          SqsManagedSseEnabled: 'true',
        });
        const now = Date.now() / 1000;
        expect(Number(all.CreatedTimestamp)).toBeGreaterThan(now - 120);
        expect(Number(all.CreatedTimestamp)).toBeLessThanOrEqual(Math.ceil(now));
        expect(all.LastModifiedTimestamp).toMatch(/^\d{10}$/);
        expect(Object.keys(all)).not.toContain('FifoQueue');
        expect(Object.keys(all)).not.toContain('Policy');
        expect(some).toEqual({ MaximumMessageSize: '1048576', SqsManagedSseEnabled: 'true' });
      });

      it('changes attributes with set-queue-attributes and rejects an out-of-range value with InvalidAttributeValue', async () => {
        const q = url('cli-main-2');
        await aws.json([
          'sqs',
          'set-queue-attributes',
          '--queue-url',
          q,
          '--attributes',
          'MessageRetentionPeriod=86400,MaximumMessageSize=2048',
        ]);
        const [changed, err] = await Promise.all([
          attributes(q, 'MessageRetentionPeriod', 'MaximumMessageSize', 'VisibilityTimeout'),
          aws.error([
            'sqs',
            'set-queue-attributes',
            '--queue-url',
            q,
            '--attributes',
            'MessageRetentionPeriod=10',
          ]),
        ]);
        expect(changed).toEqual({
          MessageRetentionPeriod: '86400',
          MaximumMessageSize: '2048',
          VisibilityTimeout: '30',
        });
        expect(err.code).toBe('InvalidAttributeValue');
        expect(err.message).toBe('Invalid value for the parameter MessageRetentionPeriod.');
      });

      it('adds and overwrites tags with tag-queue and removes them with untag-queue', async () => {
        const q = url('cli-main');
        await aws.json(['sqs', 'tag-queue', '--queue-url', q, '--tags', 'cost-centre=42,env=prod']);
        await aws.json(['sqs', 'untag-queue', '--queue-url', q, '--tag-keys', 'team', 'not-there']);
        expect((await aws.json<Tags>(['sqs', 'list-queue-tags', '--queue-url', q])).Tags).toEqual({
          env: 'prod',
          'cost-centre': '42',
        });
      });

      it('adds a permission to the queue policy, rejects a duplicate label, and removes it', async () => {
        const q = url('cli-main');
        await aws.json([
          'sqs',
          'add-permission',
          '--queue-url',
          q,
          '--label',
          'AllowPartner',
          '--aws-account-ids',
          '111122223333',
          '--actions',
          'SendMessage',
          'ReceiveMessage',
        ]);
        const [{ Policy }, dup] = await Promise.all([
          attributes(q, 'Policy'),
          aws.error([
            'sqs',
            'add-permission',
            '--queue-url',
            q,
            '--label',
            'AllowPartner',
            '--aws-account-ids',
            '111122223333',
            '--actions',
            'SendMessage',
          ]),
        ]);
        const policy = JSON.parse(Policy ?? '{}') as { Statement?: unknown[] };
        expect(policy.Statement).toEqual([
          {
            Sid: 'AllowPartner',
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111122223333:root' },
            Action: ['SQS:SendMessage', 'SQS:ReceiveMessage'],
            Resource: arn('cli-main'),
          },
        ]);
        expect(dup.code).toBe('InvalidParameterValue');
        expect(dup.message).toBe(
          'Value AllowPartner for parameter Label is invalid. Reason: Already exists.',
        );

        await aws.json(['sqs', 'remove-permission', '--queue-url', q, '--label', 'AllowPartner']);
        const after = await attributes(q, 'Policy');
        const statements = after.Policy
          ? ((JSON.parse(after.Policy) as { Statement?: unknown[] }).Statement ?? [])
          : [];
        expect(statements).toEqual([]);
      });
    });

    describe('messages', () => {
      it("round-trips a CRLF and unicode body with String, Number, Binary and custom-typed attributes, with MD5s matching AWS's digests", async () => {
        const body = 'line one\r\nline two\r\n\tünïcödé 日本語 🎉 <xml> & "quotes"';
        const messageAttributes: Record<string, WireAttribute> = {
          Colour: { DataType: 'String', StringValue: 'grün ✓' },
          Count: { DataType: 'Number', StringValue: '42' },
          Blob: {
            DataType: 'Binary',
            BinaryValue: Buffer.from([0, 1, 2, 250, 255]).toString('base64'),
          },
          Ratio: { DataType: 'Number.float', StringValue: '3.14159' },
        };
        const q = await createQueue('cli-msgs');
        const sentAt = Date.now();
        const sent = await aws.json<{
          MessageId: string;
          MD5OfMessageBody: string;
          MD5OfMessageAttributes?: string;
        }>([
          '--cli-binary-format',
          'base64',
          'sqs',
          'send-message',
          '--queue-url',
          q,
          '--message-body',
          body,
          '--message-attributes',
          JSON.stringify(messageAttributes),
        ]);
        expect(sent.MessageId).toMatch(/^[0-9a-f-]{36}$/);
        expect(sent.MD5OfMessageBody).toBe(md5Hex(Buffer.from(body, 'utf8')));
        expect(sent.MD5OfMessageAttributes).toBe(md5OfAttributes(messageAttributes));

        // Received with a visibility timeout of 0, so it is at once receivable again below.
        const [m] = await receive(
          q,
          '--attribute-names',
          'All',
          '--message-attribute-names',
          'All',
          '--visibility-timeout',
          '0',
        );
        expect(m?.MessageId).toBe(sent.MessageId);
        expect(m?.Body).toBe(body);
        expect(m?.MD5OfBody).toBe(md5Hex(Buffer.from(body, 'utf8')));
        expect(m?.MessageAttributes).toEqual(messageAttributes);
        expect(m?.MD5OfMessageAttributes).toBe(md5OfAttributes(messageAttributes));
        expect(m?.Attributes?.ApproximateReceiveCount).toBe('1');
        expect(m?.Attributes?.SenderId).toBe('test');
        const sentTimestamp = Number(m?.Attributes?.SentTimestamp);
        expect(sentTimestamp).toBeGreaterThanOrEqual(sentAt - 1000);
        expect(sentTimestamp).toBeLessThanOrEqual(Date.now());
        expect(Number(m?.Attributes?.ApproximateFirstReceiveTimestamp)).toBeGreaterThanOrEqual(
          sentTimestamp,
        );

        // Only the requested attributes come back, with the MD5 of just those.
        const [again] = await receive(
          q,
          '--message-attribute-names',
          'Count',
          'Blob',
          '--attribute-names',
          'ApproximateReceiveCount',
        );
        const subset = { Count: messageAttributes.Count!, Blob: messageAttributes.Blob! };
        expect(again?.MessageId).toBe(sent.MessageId);
        expect(again?.MessageAttributes).toEqual(subset);
        expect(again?.MD5OfMessageAttributes).toBe(md5OfAttributes(subset));
        expect(again?.Attributes).toEqual({ ApproximateReceiveCount: '2' });
      });

      it('reports a per-entry failure in send-message-batch while accepting the good entries', async () => {
        const q = await createQueue('cli-batch');
        const numberAttr = { N: { DataType: 'Number', StringValue: '-1.5e3' } };
        const entries = [
          { Id: 'good-1', MessageBody: 'message 0' },
          { Id: 'bad', MessageBody: 'too late', DelaySeconds: 901 },
          { Id: 'good-2', MessageBody: 'message 1', MessageAttributes: numberAttr },
        ];
        const out = await aws.json<BatchOutput>([
          'sqs',
          'send-message-batch',
          '--queue-url',
          q,
          '--entries',
          JSON.stringify(entries),
        ]);
        expect((out.Successful ?? []).map((s) => s.Id).sort()).toEqual(['good-1', 'good-2']);
        const good2 = out.Successful?.find((s) => s.Id === 'good-2');
        expect(good2?.MD5OfMessageBody).toBe(md5Hex('message 1'));
        expect(good2?.MD5OfMessageAttributes).toBe(md5OfAttributes(numberAttr));
        expect(out.Failed).toEqual([
          {
            Id: 'bad',
            SenderFault: true,
            Code: 'InvalidParameterValue',
            Message:
              'Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.',
          },
        ]);
      });

      it('receives up to 10 messages per call, and deletes them with delete-message-batch (failing a bad handle per entry) and delete-message', async () => {
        // The queue holds the two good messages of the previous test; add eight more.
        const q = url('cli-batch');
        const more = Array.from({ length: 8 }, (_, i) => ({
          Id: `m${i + 2}`,
          MessageBody: `message ${i + 2}`,
        }));
        const sent = await aws.json<BatchOutput>([
          'sqs',
          'send-message-batch',
          '--queue-url',
          q,
          '--entries',
          JSON.stringify(more),
        ]);
        expect(sent.Successful).toHaveLength(8);

        const got: CliMessage[] = [];
        for (let i = 0; i < 5 && got.length < 10; i++) {
          const batch = await receive(
            q,
            '--max-number-of-messages',
            '10',
            '--wait-time-seconds',
            '1',
          );
          expect(batch.length).toBeLessThanOrEqual(10);
          got.push(...batch);
        }
        expect(got.map((m) => m.Body).sort()).toEqual(
          Array.from({ length: 10 }, (_, i) => `message ${i}`).sort(),
        );
        for (const m of got) expect(m.MD5OfBody).toBe(md5Hex(m.Body));

        const [last, ...rest] = got;
        const del = [
          ...rest.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })),
          { Id: 'bogus', ReceiptHandle: 'not-a-receipt-handle' },
        ];
        const [out] = await Promise.all([
          aws.json<BatchOutput>([
            'sqs',
            'delete-message-batch',
            '--queue-url',
            q,
            '--entries',
            JSON.stringify(del),
          ]),
          aws.json([
            'sqs',
            'delete-message',
            '--queue-url',
            q,
            '--receipt-handle',
            last!.ReceiptHandle,
          ]),
        ]);
        expect((out.Successful ?? []).map((s) => s.Id).sort()).toEqual(
          rest.map((_, i) => `d${i}`).sort(),
        );
        expect(out.Failed).toEqual([
          {
            Id: 'bogus',
            SenderFault: true,
            Code: 'ReceiptHandleIsInvalid',
            Message:
              'The input receipt handle "not-a-receipt-handle" is not a valid receipt handle.',
          },
        ]);
        expect(await counts(q)).toEqual({
          ApproximateNumberOfMessages: '0',
          ApproximateNumberOfMessagesNotVisible: '0',
        });
      });

      const inFlight: CliMessage[] = [];

      it('makes a message receivable again at once after change-message-visibility to 0, counting the new receive', async () => {
        const q = await createQueue('cli-vis', '--attributes', 'VisibilityTimeout=600');
        await aws.json([
          'sqs',
          'send-message-batch',
          '--queue-url',
          q,
          '--entries',
          JSON.stringify(['A', 'B', 'C'].map((b) => ({ Id: b, MessageBody: b }))),
        ]);
        const got = await receive(
          q,
          '--max-number-of-messages',
          '10',
          '--wait-time-seconds',
          '1',
          '--attribute-names',
          'ApproximateReceiveCount',
        );
        expect(got.map((m) => m.Body).sort()).toEqual(['A', 'B', 'C']);
        for (const m of got) expect(m.Attributes?.ApproximateReceiveCount).toBe('1');
        expect(await receive(q)).toEqual([]);

        const a = got.find((m) => m.Body === 'A')!;
        await aws.json([
          'sqs',
          'change-message-visibility',
          '--queue-url',
          q,
          '--receipt-handle',
          a.ReceiptHandle,
          '--visibility-timeout',
          '0',
        ]);
        const again = await receive(
          q,
          '--max-number-of-messages',
          '10',
          '--attribute-names',
          'ApproximateReceiveCount',
        );
        expect(again.map((m) => [m.Body, m.Attributes?.ApproximateReceiveCount])).toEqual([
          ['A', '2'],
        ]);
        inFlight.push(...got.filter((m) => m.Body !== 'A'));
      });

      it('changes the visibility of several messages with change-message-visibility-batch, failing a bad handle per entry', async () => {
        const q = url('cli-vis');
        expect(inFlight).toHaveLength(2);
        const entries = [
          ...inFlight.map((m, i) => ({
            Id: `e${i}`,
            ReceiptHandle: m.ReceiptHandle,
            VisibilityTimeout: 0,
          })),
          { Id: 'bad', ReceiptHandle: 'garbage', VisibilityTimeout: 0 },
        ];
        const out = await aws.json<BatchOutput>([
          'sqs',
          'change-message-visibility-batch',
          '--queue-url',
          q,
          '--entries',
          JSON.stringify(entries),
        ]);
        expect((out.Successful ?? []).map((s) => s.Id).sort()).toEqual(['e0', 'e1']);
        expect(out.Failed).toEqual([
          {
            Id: 'bad',
            SenderFault: true,
            Code: 'ReceiptHandleIsInvalid',
            Message: 'The input receipt handle "garbage" is not a valid receipt handle.',
          },
        ]);
        const again = await receive(
          q,
          '--max-number-of-messages',
          '10',
          '--wait-time-seconds',
          '1',
          '--attribute-names',
          'ApproximateReceiveCount',
        );
        expect(again.map((m) => [m.Body, m.Attributes?.ApproximateReceiveCount]).sort()).toEqual([
          ['B', '2'],
          ['C', '2'],
        ]);
      });

      it('purges a queue, and refuses a second purge within 60 seconds with PurgeQueueInProgress (HTTP 403)', async () => {
        // cli-vis still holds A, B and C, in flight.
        const q = url('cli-vis');
        await aws.json(['sqs', 'purge-queue', '--queue-url', q]);
        const [after, err] = await Promise.all([
          counts(q),
          aws.error(['sqs', 'purge-queue', '--queue-url', q], { debug: true }),
        ]);
        expect(after).toEqual({
          ApproximateNumberOfMessages: '0',
          ApproximateNumberOfMessagesNotVisible: '0',
        });
        expect(err.code).toBe('AWS.SimpleQueueService.PurgeQueueInProgress');
        expect(err.message).toBe(
          'Only one PurgeQueue operation on cli-vis is allowed every 60 seconds.',
        );
        expect(err.status).toBe(403);
      });

      it('returns from a long poll as soon as a message arrives, well before the wait time ends', async () => {
        const q = await createQueue('cli-long');
        const started = performance.now();
        const polling = aws.raw([
          'sqs',
          'receive-message',
          '--queue-url',
          q,
          '--wait-time-seconds',
          '15',
        ]);
        // The CLI takes ~0.5 s to start; send from a parallel CLI call once the poll is surely waiting.
        await sleep(1500);
        const sendStarted = performance.now() - started;
        await aws.json(['sqs', 'send-message', '--queue-url', q, '--message-body', 'wake up']);
        const result = await polling;
        const elapsed = performance.now() - started;
        expect(result.code).toBe(0);
        expect((JSON.parse(result.stdout) as ReceiveOutput).Messages?.map((m) => m.Body)).toEqual([
          'wake up',
        ]);
        expect(elapsed).toBeGreaterThan(sendStarted);
        expect(elapsed).toBeLessThan(9000);
      });

      it('returns no messages from a long poll on an empty queue once the wait time ends', async () => {
        const started = performance.now();
        const out = await aws.json<ReceiveOutput>([
          'sqs',
          'receive-message',
          '--queue-url',
          url('cli-long'),
          '--wait-time-seconds',
          '1',
        ]);
        expect(out.Messages ?? []).toEqual([]);
        expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
      });
    });

    describe('errors', () => {
      it('returns NonExistentQueue with the query-protocol wording (HTTP 400) for an unknown queue', async () => {
        const [byName, byUrl] = await Promise.all([
          aws.error(['sqs', 'get-queue-url', '--queue-name', 'cli-never-created'], { debug: true }),
          aws.error([
            'sqs',
            'send-message',
            '--queue-url',
            url('cli-never-created'),
            '--message-body',
            'x',
          ]),
        ]);
        expect(byName.code).toBe('AWS.SimpleQueueService.NonExistentQueue');
        expect(byName.message).toBe('The specified queue does not exist for this wsdl version.');
        expect(byName.status).toBe(400);
        expect(byUrl.code).toBe('AWS.SimpleQueueService.NonExistentQueue');
        expect(byUrl.message).toBe('The specified queue does not exist for this wsdl version.');
      });

      it('rejects MaxNumberOfMessages 11 with InvalidParameterValue', async () => {
        const err = await aws.error([
          'sqs',
          'receive-message',
          '--queue-url',
          url('cli-main'),
          '--max-number-of-messages',
          '11',
        ]);
        expect(err.code).toBe('InvalidParameterValue');
        expect(err.message).toBe(
          'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.',
        );
      });

      it('rejects an empty message body with MissingParameter', async () => {
        const err = await aws.error([
          'sqs',
          'send-message',
          '--queue-url',
          url('cli-main'),
          '--message-body',
          '',
        ]);
        expect(err.code).toBe('MissingParameter');
        expect(err.message).toBe('The request must contain the parameter MessageBody.');
      });

      it('rejects FifoQueue=false on a standard queue with InvalidAttributeName "Unknown Attribute FifoQueue."', async () => {
        const err = await aws.error([
          'sqs',
          'create-queue',
          '--queue-name',
          'cli-not-fifo',
          '--attributes',
          'FifoQueue=false',
        ]);
        expect(err.code).toBe('InvalidAttributeName');
        expect(err.message).toBe('Unknown Attribute FifoQueue.');
      });

      it('rejects an unknown attribute name in get-queue-attributes with InvalidAttributeName', async () => {
        const err = await aws.error([
          'sqs',
          'get-queue-attributes',
          '--queue-url',
          url('cli-main'),
          '--attribute-names',
          'NoSuchAttribute',
        ]);
        expect(err.code).toBe('InvalidAttributeName');
        expect(err.message).toBe('Unknown Attribute NoSuchAttribute.');
      });

      it('rejects a body with a character SQS does not allow with InvalidMessageContents', async () => {
        const err = await aws.error([
          'sqs',
          'send-message',
          '--queue-url',
          url('cli-main'),
          '--message-body',
          'bell\u0007',
        ]);
        expect(err.code).toBe('InvalidMessageContents');
        expect(err.message).toMatch(
          /^Invalid binary character '#x7' was found in the message body/,
        );
      });

      it('rejects an invalid receipt handle in delete-message with ReceiptHandleIsInvalid', async () => {
        const err = await aws.error([
          'sqs',
          'delete-message',
          '--queue-url',
          url('cli-main'),
          '--receipt-handle',
          'bogus',
        ]);
        expect(err.code).toBe('ReceiptHandleIsInvalid');
        expect(err.message).toBe('The input receipt handle "bogus" is not a valid receipt handle.');
      });
    });

    describe('deleting', () => {
      it('deletes a queue with delete-queue, after which it no longer exists or is listed', async () => {
        const q = url('cli-other');
        await aws.json(['sqs', 'delete-queue', '--queue-url', q]);
        const [err, listed] = await Promise.all([
          aws.error(['sqs', 'get-queue-url', '--queue-name', 'cli-other']),
          aws.json<{ QueueUrls?: string[] }>(['sqs', 'list-queues', '--queue-name-prefix', 'cli-']),
        ]);
        expect(err.code).toBe('AWS.SimpleQueueService.NonExistentQueue');
        expect(listed.QueueUrls ?? []).not.toContain(q);
        expect(listed.QueueUrls ?? []).toContain(url('cli-main'));
      });
    });
  },
);
