// End-to-end: Tributary's SQS driven by Debian's boto3 (python3-boto3 under /usr/bin/python3),
// which speaks the AWS query protocol (form-encoded POST, XML replies) to SQS.
//
// Each scenario is one Python process (e2e/boto3/sqs_scenarios.py) making many calls and printing
// what each returned as JSON; the assertions live here. boto3 1.26 does not verify SQS MD5s, so
// the script computes AWS's digests itself and reports them next to the server's.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTributary, type Tributary } from '../packages/server/src/index.js';
import { detectBoto3, requireClient, runPythonJson } from './support/clients.js';

const status = await detectBoto3();
const ok = requireClient('boto3 (/usr/bin/python3)', status);

const SCRIPT = fileURLToPath(new URL('./boto3/sqs_scenarios.py', import.meta.url));
const ACCOUNT = '000000000000';

/** What sqs_scenarios.py records for a call that should fail. */
interface ErrorInfo {
  code: string | null;
  message?: string;
  type?: string;
  status?: number;
  exception?: string;
  unexpected_success?: unknown;
}
interface Message {
  MessageId: string;
  ReceiptHandle: string;
  MD5OfBody: string;
  Body: string;
  Attributes?: Record<string, string>;
  MD5OfMessageAttributes?: string;
  MessageAttributes?: Record<
    string,
    { DataType: string; StringValue?: string; BinaryValue?: string }
  >;
}
interface ReceiveResult {
  Messages?: Message[];
}
interface BatchResult {
  Successful?: {
    Id: string;
    MessageId?: string;
    MD5OfMessageBody?: string;
    MD5OfMessageAttributes?: string;
  }[];
  Failed?: { Id: string; SenderFault: boolean; Code: string; Message: string }[];
}
type Attributes = { Attributes?: Record<string, string> };
type Counts = Record<
  | 'ApproximateNumberOfMessages'
  | 'ApproximateNumberOfMessagesNotVisible'
  | 'ApproximateNumberOfMessagesDelayed',
  string
>;

interface QueuesScenario {
  create: {
    url: string;
    again: string;
    tags: { Tags?: Record<string, string> };
    conflict: ErrorInfo;
  };
  get_url: { QueueUrl: string };
  list: {
    prefix: { QueueUrls?: string[] };
    none: { QueueUrls?: string[] };
    first_page: { QueueUrls?: string[]; NextToken?: string };
    paginated: string[][];
  };
  attributes: { all: Attributes; one: Attributes; two: Attributes; now: number };
  set: { after: Attributes; out_of_range: ErrorInfo; unchanged: Attributes };
  tags: {
    after_tag: { Tags?: Record<string, string> };
    after_untag: { Tags?: Record<string, string> };
  };
  permissions: {
    policy: Attributes;
    duplicate: ErrorInfo;
    after_remove: Attributes;
    remove_again: ErrorInfo;
  };
  delete: { get_url: ErrorInfo; listed: { QueueUrls?: string[] }; recreate: ErrorInfo };
}
interface MessagesScenario {
  send: {
    response: Record<string, string>;
    expected: Record<string, string>;
    before: number;
    after: number;
  };
  receive: {
    messages: Message[];
    body_equal: boolean;
    attributes_equal: boolean;
    expected_md5_of_received_attributes: string | null;
    expected_body_md5: string | null;
    now: number;
  };
  receive_selected: { messages: Message[]; expected_md5: string };
  size: { too_big: ErrorInfo; at_limit: { MD5OfMessageBody?: string } };
  big: {
    sent_md5_ok: boolean;
    received_equal: boolean;
    received_md5_ok: boolean;
    one_byte_more: ErrorInfo;
  };
  batch: {
    response: BatchResult;
    expected_md5_body: string;
    expected_md5_attributes: string;
    counts: Counts;
  };
  ten: {
    sizes: number[];
    bodies: string[];
    md5_ok: boolean;
    delete_batch: BatchResult;
    delete_batch_expected_ids: string[];
    counts_after: Counts;
    receive_after: ReceiveResult;
    delete_again: Record<string, unknown>;
  };
  visibility: {
    first: string[][];
    hidden: ReceiveResult;
    after_single: string[][];
    batch: BatchResult;
    after_batch: string[][];
  };
  purge: { counts: Counts; again: ErrorInfo };
  empty_batch: { send: ErrorInfo; delete: ErrorInfo };
}
interface RedriveScenario {
  dlq_arn: string;
  source_url: string;
  sources: { queueUrls?: string[] };
  first: ReceiveResult;
  second: ReceiveResult;
  in_dlq: ReceiveResult;
}
interface LongPollScenario {
  woken: { elapsed: number; bodies: string[]; sent_at: number };
  empty: { elapsed: number; messages: number };
  delayed: { counts: Counts; elapsed: number; bodies: string[] };
  queue_default_wait: { elapsed: number };
}
type ErrorsScenario = Record<string, ErrorInfo>;

describe.skipIf(!ok)(
  `SQS through boto3 over the query protocol (${status.version ?? 'unavailable'})`,
  () => {
    let t: Tributary;
    const url = (name: string): string => `${t.endpoint}/${ACCOUNT}/${name}`;
    const arn = (name: string): string => `arn:aws:sqs:us-east-1:${ACCOUNT}:${name}`;
    const scenario = <T>(name: string): Promise<T> => runPythonJson<T>(SCRIPT, [name, t.endpoint]);

    beforeAll(async () => {
      t = await startTributary({ port: 0 });
    });
    afterAll(async () => {
      await t?.stop();
    });

    describe('queues', () => {
      let r: QueuesScenario;
      beforeAll(async () => {
        r = await scenario<QueuesScenario>('queues');
      });

      it('creates a queue with attributes and tags, and returns the same URL when it is created again identically', () => {
        expect(r.create.url).toBe(url('py-main'));
        expect(r.create.again).toBe(r.create.url);
        expect(r.create.tags.Tags).toEqual({ env: 'test', team: 'core' });
      });

      it('refuses to create an existing queue with a different attribute value with QueueAlreadyExists (QueueNameExists in boto3)', () => {
        expect(r.create.conflict).toEqual({
          code: 'QueueAlreadyExists',
          message:
            'A queue already exists with the same name and a different value for attribute VisibilityTimeout',
          type: 'Sender',
          status: 400,
          exception: 'QueueNameExists',
        });
      });

      it('resolves a queue URL by name with get_queue_url', () => {
        expect(r.get_url.QueueUrl).toBe(url('py-main'));
      });

      it('lists only the queues whose names start with the prefix, and pages them with MaxResults and NextToken', () => {
        const expected = [url('py-list-a'), url('py-list-b'), url('py-list-c')];
        expect([...(r.list.prefix.QueueUrls ?? [])].sort()).toEqual(expected);
        expect(r.list.none.QueueUrls ?? []).toEqual([]);
        expect(r.list.first_page.QueueUrls).toHaveLength(2);
        expect(r.list.first_page.NextToken).toEqual(expect.any(String));
        expect(r.list.paginated.map((page) => page.length)).toEqual([2, 1]);
        expect(r.list.paginated.flat().sort()).toEqual(expected);
      });

      it('reports every attribute with AWS defaults for All, and only the named attributes otherwise', () => {
        const all = r.attributes.all.Attributes ?? {};
        expect(all).toEqual({
          ApproximateNumberOfMessages: '0',
          ApproximateNumberOfMessagesNotVisible: '0',
          ApproximateNumberOfMessagesDelayed: '0',
          CreatedTimestamp: expect.stringMatching(/^\d{10}$/),
          LastModifiedTimestamp: expect.stringMatching(/^\d{10}$/),
          QueueArn: arn('py-main'),
          DelaySeconds: '0',
          MaximumMessageSize: '1048576',
          MessageRetentionPeriod: '345600',
          ReceiveMessageWaitTimeSeconds: '0',
          VisibilityTimeout: '45',
          SqsManagedSseEnabled: 'true',
        });
        expect(Math.abs(Number(all.CreatedTimestamp) - r.attributes.now)).toBeLessThanOrEqual(60);
        expect(r.attributes.one.Attributes).toEqual({ MaximumMessageSize: '1048576' });
        expect(r.attributes.two.Attributes).toEqual({
          SqsManagedSseEnabled: 'true',
          QueueArn: arn('py-main'),
        });
      });

      it('changes attributes with set_queue_attributes and rejects an out-of-range value with InvalidAttributeValue, changing nothing', () => {
        expect(r.set.after.Attributes).toEqual({
          MessageRetentionPeriod: '86400',
          MaximumMessageSize: '2048',
          ReceiveMessageWaitTimeSeconds: '2',
          VisibilityTimeout: '30',
        });
        expect(r.set.out_of_range).toMatchObject({
          code: 'InvalidAttributeValue',
          message: 'Invalid value for the parameter MessageRetentionPeriod.',
          status: 400,
        });
        expect(r.set.unchanged.Attributes).toEqual({ MessageRetentionPeriod: '86400' });
      });

      it('adds and overwrites tags with tag_queue and removes them with untag_queue', () => {
        expect(r.tags.after_tag.Tags).toEqual({ env: 'prod', team: 'core', 'cost-centre': '42' });
        expect(r.tags.after_untag.Tags).toEqual({ env: 'prod', 'cost-centre': '42' });
      });

      it('adds a permission to the queue policy, rejects a duplicate label, and removes it', () => {
        const policy = JSON.parse(r.permissions.policy.Attributes?.Policy ?? '{}') as {
          Statement?: unknown[];
        };
        expect(policy.Statement).toEqual([
          {
            Sid: 'AllowPartner',
            Effect: 'Allow',
            Principal: {
              AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'],
            },
            Action: 'SQS:SendMessage',
            Resource: arn('py-main'),
          },
        ]);
        expect(r.permissions.duplicate).toMatchObject({
          code: 'InvalidParameterValue',
          message: 'Value AllowPartner for parameter Label is invalid. Reason: Already exists.',
          status: 400,
        });
        const after = r.permissions.after_remove.Attributes?.Policy;
        expect(
          after ? ((JSON.parse(after) as { Statement?: unknown[] }).Statement ?? []) : [],
        ).toEqual([]);
        expect(r.permissions.remove_again).toMatchObject({
          code: 'InvalidParameterValue',
          status: 400,
        });
      });

      it('deletes a queue with delete_queue; it then does not exist, is not listed, and its name cannot be reused for 60 seconds', () => {
        expect(r.delete.get_url).toMatchObject({
          code: 'AWS.SimpleQueueService.NonExistentQueue',
          exception: 'QueueDoesNotExist',
          status: 400,
        });
        expect(r.delete.listed.QueueUrls ?? []).toEqual([]);
        expect(r.delete.recreate).toEqual({
          code: 'AWS.SimpleQueueService.QueueDeletedRecently',
          message:
            'You must wait 60 seconds after deleting a queue before you can create another with the same name.',
          type: 'Sender',
          status: 400,
          exception: 'QueueDeletedRecently',
        });
      });
    });

    describe('messages', () => {
      let r: MessagesScenario;
      beforeAll(async () => {
        r = await scenario<MessagesScenario>('messages');
      });

      it("returns MD5s of the body, of String, Number, Binary and custom-typed attributes, and of system attributes that match AWS's digests", () => {
        expect(r.send.response.MessageId).toMatch(/^[0-9a-f-]{36}$/);
        expect(r.send.response.MD5OfMessageBody).toBe(r.send.expected.MD5OfMessageBody);
        expect(r.send.response.MD5OfMessageAttributes).toBe(r.send.expected.MD5OfMessageAttributes);
        expect(r.send.response.MD5OfMessageSystemAttributes).toBe(
          r.send.expected.MD5OfMessageSystemAttributes,
        );
      });

      it('delivers a body with CR, CRLF, unicode and XML metacharacters, and its attributes, unchanged', () => {
        expect(r.receive.messages).toHaveLength(1);
        const m = r.receive.messages[0]!;
        expect(m.MessageId).toBe(r.send.response.MessageId);
        expect(r.receive.body_equal).toBe(true);
        expect(m.Body).toBe(
          'line one\r\nline two\rlone CR\ttab ünïcödé 日本語 🎉 ]]> &amp; <tag a="1"/>',
        );
        expect(r.receive.attributes_equal).toBe(true);
        expect(m.MessageAttributes?.Colour).toEqual({
          DataType: 'String',
          StringValue: 'grün ✓\r\nnext',
        });
        expect(m.MessageAttributes?.Blob).toEqual({
          DataType: 'Binary',
          BinaryValue: Buffer.from([0, 1, 2, 250, 255]).toString('base64'),
        });
        expect(m.MessageAttributes?.Ratio).toEqual({
          DataType: 'Number.float',
          StringValue: '3.14159',
        });
        expect(m.MessageAttributes?.Packed).toEqual({
          DataType: 'Binary.gzip',
          BinaryValue: Buffer.from([0x1f, 0x8b, 8, 0]).toString('base64'),
        });
        expect(m.MD5OfBody).toBe(r.receive.expected_body_md5);
        expect(m.MD5OfBody).toBe(r.send.expected.MD5OfMessageBody);
        expect(m.MD5OfMessageAttributes).toBe(r.receive.expected_md5_of_received_attributes);
        expect(m.MD5OfMessageAttributes).toBe(r.send.expected.MD5OfMessageAttributes);
      });

      it('returns ApproximateReceiveCount, SentTimestamp, SenderId, ApproximateFirstReceiveTimestamp and AWSTraceHeader for AttributeNames All', () => {
        const a = r.receive.messages[0]?.Attributes ?? {};
        expect(Object.keys(a).sort()).toEqual([
          'AWSTraceHeader',
          'ApproximateFirstReceiveTimestamp',
          'ApproximateReceiveCount',
          'SenderId',
          'SentTimestamp',
        ]);
        expect(a.ApproximateReceiveCount).toBe('1');
        expect(a.SenderId).toBe('test');
        expect(a.AWSTraceHeader).toBe('Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1');
        const sent = Number(a.SentTimestamp);
        expect(sent).toBeGreaterThanOrEqual(r.send.before - 1000);
        expect(sent).toBeLessThanOrEqual(r.send.after + 1000);
        expect(Number(a.ApproximateFirstReceiveTimestamp)).toBeGreaterThanOrEqual(sent);
        expect(Number(a.ApproximateFirstReceiveTimestamp)).toBeLessThanOrEqual(
          r.receive.now + 1000,
        );
      });

      it('returns only the message attributes named or matched by a prefix.* pattern, with the MD5 of just those', () => {
        const m = r.receive_selected.messages[0];
        expect(m?.MessageId).toBe(r.send.response.MessageId);
        expect(Object.keys(m?.MessageAttributes ?? {}).sort()).toEqual(['Count', 'app.trace']);
        expect(m?.MD5OfMessageAttributes).toBe(r.receive_selected.expected_md5);
        expect(m?.Attributes).toEqual({ ApproximateReceiveCount: '2' });
      });

      it("refuses a message larger than the queue's MaximumMessageSize and accepts one at the limit", () => {
        expect(r.size.too_big).toMatchObject({
          code: 'InvalidParameterValue',
          message:
            'One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.',
          status: 400,
        });
        expect(r.size.at_limit.MD5OfMessageBody).toMatch(/^[0-9a-f]{32}$/);
      });

      it('round-trips a body of exactly 1 MiB of UTF-8 (the default MaximumMessageSize) and refuses one byte more', () => {
        expect(r.big.sent_md5_ok).toBe(true);
        expect(r.big.received_equal).toBe(true);
        expect(r.big.received_md5_ok).toBe(true);
        expect(r.big.one_byte_more).toMatchObject({
          code: 'InvalidParameterValue',
          message:
            'One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.',
          status: 400,
        });
      });

      it('reports a per-entry failure in send_message_batch while storing the good entries', () => {
        const { Successful = [], Failed = [] } = r.batch.response;
        expect(Successful.map((s) => s.Id).sort()).toEqual(['good-1', 'good-2']);
        const good2 = Successful.find((s) => s.Id === 'good-2');
        expect(good2?.MD5OfMessageBody).toBe(r.batch.expected_md5_body);
        expect(good2?.MD5OfMessageAttributes).toBe(r.batch.expected_md5_attributes);
        expect(Failed).toEqual([
          {
            Id: 'bad',
            SenderFault: true,
            Code: 'InvalidParameterValue',
            Message:
              'Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.',
          },
        ]);
        expect(r.batch.counts).toEqual({
          ApproximateNumberOfMessages: '2',
          ApproximateNumberOfMessagesNotVisible: '0',
          ApproximateNumberOfMessagesDelayed: '0',
        });
      });

      it('receives up to 10 messages per call', () => {
        for (const n of r.ten.sizes) expect(n).toBeLessThanOrEqual(10);
        expect(r.ten.bodies).toEqual(Array.from({ length: 10 }, (_, i) => `message ${i}`).sort());
        expect(r.ten.md5_ok).toBe(true);
      });

      it('deletes messages with delete_message_batch (failing a bad handle per entry) and delete_message, leaving the queue empty', () => {
        expect((r.ten.delete_batch.Successful ?? []).map((s) => s.Id).sort()).toEqual(
          r.ten.delete_batch_expected_ids,
        );
        expect(r.ten.delete_batch.Failed).toEqual([
          {
            Id: 'bogus',
            SenderFault: true,
            Code: 'ReceiptHandleIsInvalid',
            Message:
              'The input receipt handle "not-a-receipt-handle" is not a valid receipt handle.',
          },
        ]);
        expect(r.ten.counts_after).toEqual({
          ApproximateNumberOfMessages: '0',
          ApproximateNumberOfMessagesNotVisible: '0',
          ApproximateNumberOfMessagesDelayed: '0',
        });
        expect(r.ten.receive_after.Messages ?? []).toEqual([]);
        // Deleting again with the same handle is not an error on a standard queue.
        expect(r.ten.delete_again).toEqual({});
      });

      it('makes a message receivable again at once after change_message_visibility to 0, counting the new receive', () => {
        expect(r.visibility.first).toEqual([
          ['A', '1'],
          ['B', '1'],
          ['C', '1'],
        ]);
        expect(r.visibility.hidden.Messages ?? []).toEqual([]);
        expect(r.visibility.after_single).toEqual([['A', '2']]);
      });

      it('changes the visibility of several messages with change_message_visibility_batch, failing a bad handle per entry', () => {
        expect((r.visibility.batch.Successful ?? []).map((s) => s.Id).sort()).toEqual(['b', 'c']);
        expect(r.visibility.batch.Failed).toEqual([
          {
            Id: 'bad',
            SenderFault: true,
            Code: 'ReceiptHandleIsInvalid',
            Message: 'The input receipt handle "garbage" is not a valid receipt handle.',
          },
        ]);
        expect(r.visibility.after_batch).toEqual([
          ['B', '2'],
          ['C', '2'],
        ]);
      });

      it('purges visible and in-flight messages, and refuses a second purge within 60 seconds with PurgeQueueInProgress (HTTP 403)', () => {
        expect(r.purge.counts).toEqual({
          ApproximateNumberOfMessages: '0',
          ApproximateNumberOfMessagesNotVisible: '0',
          ApproximateNumberOfMessagesDelayed: '0',
        });
        expect(r.purge.again).toEqual({
          code: 'AWS.SimpleQueueService.PurgeQueueInProgress',
          message: 'Only one PurgeQueue operation on py-vis is allowed every 60 seconds.',
          type: 'Sender',
          status: 403,
          exception: 'PurgeQueueInProgress',
        });
      });

      // boto3 serialises an empty list as "Entries=" (no SendMessageBatchRequestEntry.N keys); AWS
      // answers EmptyBatchRequest.
      it('rejects an empty send_message_batch with EmptyBatchRequest', () => {
        expect(r.empty_batch.send).toMatchObject({
          code: 'AWS.SimpleQueueService.EmptyBatchRequest',
          message: 'There should be at least one SendMessageBatchRequestEntry in the request.',
          status: 400,
          exception: 'EmptyBatchRequest',
        });
      });

      it('rejects an empty delete_message_batch with EmptyBatchRequest', () => {
        expect(r.empty_batch.delete).toMatchObject({
          code: 'AWS.SimpleQueueService.EmptyBatchRequest',
          message: 'There should be at least one DeleteMessageBatchRequestEntry in the request.',
          status: 400,
          exception: 'EmptyBatchRequest',
        });
      });
    });

    describe('dead-letter queues', () => {
      let r: RedriveScenario;
      beforeAll(async () => {
        r = await scenario<RedriveScenario>('redrive');
      });

      it('lists a queue whose RedrivePolicy targets the dead-letter queue with list_dead_letter_source_queues', () => {
        expect(r.dlq_arn).toBe(arn('py-dlq'));
        expect(r.sources.queueUrls).toEqual([url('py-src')]);
      });

      it(
        'moves a message to the dead-letter queue once its receive count exceeds maxReceiveCount',
        () => {
          expect(
            r.first.Messages?.map((m) => [m.Body, m.Attributes?.ApproximateReceiveCount]),
          ).toEqual([['poison', '1']]);
          expect(r.second.Messages ?? []).toEqual([]);
          expect(r.in_dlq.Messages?.map((m) => m.Body)).toEqual(['poison']);
        },
      );
    });

    describe('long polling', () => {
      let r: LongPollScenario;
      beforeAll(async () => {
        r = await scenario<LongPollScenario>('longpoll');
      });

      it('returns from a long poll as soon as a message sent ~300 ms later arrives, well before the 10 s wait ends', () => {
        expect(r.woken.bodies).toEqual(['wake up']);
        expect(r.woken.elapsed).toBeGreaterThanOrEqual(0.25);
        expect(r.woken.elapsed).toBeLessThan(3);
      });

      it('returns no messages from a long poll on an empty queue once the wait time ends', () => {
        expect(r.empty.messages).toBe(0);
        expect(r.empty.elapsed).toBeGreaterThanOrEqual(0.98);
        expect(r.empty.elapsed).toBeLessThan(5);
      });

      it('counts a delayed message as delayed and wakes a long poll when it becomes due', () => {
        expect(r.delayed.counts.ApproximateNumberOfMessagesDelayed).toBe('1');
        expect(r.delayed.counts.ApproximateNumberOfMessages).toBe('0');
        expect(r.delayed.bodies).toEqual(['later']);
        expect(r.delayed.elapsed).toBeGreaterThanOrEqual(1.5);
        expect(r.delayed.elapsed).toBeLessThan(6);
      });

      it("long-polls for the queue's ReceiveMessageWaitTimeSeconds when the request names no wait time", () => {
        expect(r.queue_default_wait.elapsed).toBeGreaterThanOrEqual(0.98);
      });
    });

    describe('errors', () => {
      let r: ErrorsScenario;
      beforeAll(async () => {
        r = await scenario<ErrorsScenario>('errors');
      });

      it('returns NonExistentQueue with the query-protocol wording (HTTP 400) for an unknown queue, mapped to QueueDoesNotExist', () => {
        for (const key of ['nonexistent_get_url', 'nonexistent_send', 'nonexistent_attributes']) {
          expect(r[key], key).toEqual({
            code: 'AWS.SimpleQueueService.NonExistentQueue',
            message: 'The specified queue does not exist for this wsdl version.',
            type: 'Sender',
            status: 400,
            exception: 'QueueDoesNotExist',
          });
        }
      });

      it('rejects MaxNumberOfMessages 11 and 0 with InvalidParameterValue', () => {
        expect(r.max_messages_11).toMatchObject({
          code: 'InvalidParameterValue',
          message:
            'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.',
          status: 400,
        });
        expect(r.max_messages_0).toMatchObject({
          code: 'InvalidParameterValue',
          message:
            'Value 0 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.',
          status: 400,
        });
      });

      it('rejects WaitTimeSeconds 21 with InvalidParameterValue', () => {
        expect(r.wait_21).toMatchObject({
          code: 'InvalidParameterValue',
          message:
            'Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.',
          status: 400,
        });
      });

      it('rejects an empty message body with MissingParameter', () => {
        expect(r.empty_body).toMatchObject({
          code: 'MissingParameter',
          message: 'The request must contain the parameter MessageBody.',
          status: 400,
        });
      });

      it('rejects FifoQueue=false and unknown attributes on create with InvalidAttributeName', () => {
        expect(r.fifo_false).toEqual({
          code: 'InvalidAttributeName',
          message: 'Unknown Attribute FifoQueue.',
          type: 'Sender',
          status: 400,
          exception: 'InvalidAttributeName',
        });
        expect(r.unknown_create_attribute).toMatchObject({
          code: 'InvalidAttributeName',
          message: 'Unknown Attribute Colour.',
          status: 400,
        });
        expect(r.unknown_get_attribute).toMatchObject({
          code: 'InvalidAttributeName',
          message: 'Unknown Attribute NoSuchAttribute.',
          status: 400,
        });
      });

      it('rejects an invalid queue name with InvalidParameterValue', () => {
        expect(r.bad_queue_name).toMatchObject({ code: 'InvalidParameterValue', status: 400 });
        expect(r.bad_queue_name?.message).toMatch(
          /^Value bad name! for parameter QueueName is invalid\. Reason: Can only include alphanumeric characters, hyphens, or underscores\. 1 to 80 in length/,
        );
      });

      it('rejects a body with a character SQS does not allow with InvalidMessageContents', () => {
        expect(r.invalid_character).toMatchObject({
          code: 'InvalidMessageContents',
          status: 400,
          exception: 'InvalidMessageContents',
        });
        expect(r.invalid_character?.message).toMatch(
          /^Invalid binary character '#x7' was found in the message body/,
        );
      });

      it('rejects an invalid receipt handle with ReceiptHandleIsInvalid', () => {
        expect(r.bad_receipt_handle).toMatchObject({
          code: 'ReceiptHandleIsInvalid',
          message: 'The input receipt handle "bogus" is not a valid receipt handle.',
          exception: 'ReceiptHandleIsInvalid',
        });
      });

      it('rejects DelaySeconds 901, reserved attribute names and non-numeric Number attributes with InvalidParameterValue', () => {
        expect(r.delay_901).toMatchObject({
          code: 'InvalidParameterValue',
          message:
            'Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.',
          status: 400,
        });
        expect(r.reserved_attribute_name).toMatchObject({
          code: 'InvalidParameterValue',
          status: 400,
        });
        expect(r.reserved_attribute_name?.message).toMatch(/AWS\.thing/);
        expect(r.bad_number).toMatchObject({ code: 'InvalidParameterValue', status: 400 });
        expect(r.bad_number?.message).toMatch(/'n'/);
      });

      it('rejects malformed batches with the batch error codes boto3 maps to its modeled exceptions', () => {
        expect(r.duplicate_batch_ids).toEqual({
          code: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
          message: 'Id a repeated.',
          type: 'Sender',
          status: 400,
          exception: 'BatchEntryIdsNotDistinct',
        });
        expect(r.eleven_entries).toEqual({
          code: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
          message: 'Maximum number of entries per request are 10. You have sent 11.',
          type: 'Sender',
          status: 400,
          exception: 'TooManyEntriesInBatchRequest',
        });
        expect(r.bad_batch_id).toMatchObject({
          code: 'AWS.SimpleQueueService.InvalidBatchEntryId',
          message:
            'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
          status: 400,
          exception: 'InvalidBatchEntryId',
        });
      });
    });
  },
);
