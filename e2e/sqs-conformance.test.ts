// SQS error conformance: every SQS row of the AWS-recorded error table
// (../shared/conformance/sqs-sns/errors_unique.jsonl beside the repository, LocalStack's AWS-validated snapshots)
// that applies to standard queues is reproduced here over BOTH wire protocols:
//   - JSON (awsQueryCompatible) through @aws-sdk/client-sqs v3: the SDK surfaces the
//     x-amzn-query-error header as err.Code / err.Type, keeps the body's __type on the error, and
//     names the error after the modeled exception with that query code (else after the code itself);
//   - query/XML through raw HTTP (form POST), parsing <ErrorResponse>.
// Rows are named by their 1-based line number in errors_unique.jsonl ("line 174").
// Recorded messages may hold snapshot placeholders (<queue-name>, <receipt-handle:1>), substituted
// with the actual value.
//
// Every SQS row is reproduced: standard-queue rows, FIFO rows (against a .fifo queue, as AWS
// recorded them) and message-move-task rows (against a dead-letter queue, i.e. a queue that some
// queue's RedrivePolicy targets). The one time-dependent row (185, a FIFO receipt handle whose
// visibility ran out) runs against a second server on a ManualClock, so no test sleeps.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Sqs from '@aws-sdk/client-sqs';
import { SQSClient } from '@aws-sdk/client-sqs';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startTributary } from '../packages/server/src/index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

type Protocol = 'json' | 'query';

interface Row {
  operation: string;
  /** Error.Code (query) = x-amzn-query-error code (JSON). */
  code: string;
  /** The JSON __type short name AWS sent (botocore's QueryErrorCode). */
  jsonName: string;
  message: string;
  status: number;
}

// The recorded AWS rows this file reproduces, copied from errors_unique.jsonl (checked against the
// file by the first test when it is present). jsonName comes from the JSON rows of errors.jsonl.
const ROWS = {
  174: {
    operation: 'AddPermission',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message: 'Value crossaccountpermission for parameter Label is invalid. Reason: Already exists.',
  },
  175: {
    operation: 'CancelMessageMoveTask',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message: 'Value for parameter TaskHandle is invalid.',
  },
  176: {
    operation: 'CancelMessageMoveTask',
    code: 'ResourceNotFoundException',
    jsonName: 'ResourceNotFoundException',
    status: 404,
    message: 'Task does not exist.',
  },
  177: {
    operation: 'CancelMessageMoveTask',
    code: 'ResourceNotFoundException',
    jsonName: 'ResourceNotFoundException',
    status: 404,
    message: "The resource that you specified for the SourceArn parameter doesn't exist.",
  },
  178: {
    operation: 'ChangeMessageVisibilityBatch',
    code: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
    jsonName: 'TooManyEntriesInBatchRequest',
    status: 400,
    message: 'Maximum number of entries per request are 10. You have sent 20.',
  },
  179: {
    operation: 'CreateQueue',
    code: 'InvalidAttributeName',
    jsonName: 'InvalidAttributeName',
    status: 400,
    message: 'Unknown Attribute ContentBasedDeduplication.',
  },
  180: {
    operation: 'CreateQueue',
    code: 'InvalidAttributeName',
    jsonName: 'InvalidAttributeName',
    status: 400,
    message: 'Unknown Attribute FifoQueue.',
  },
  181: {
    operation: 'CreateQueue',
    code: 'InvalidAttributeName',
    jsonName: 'InvalidAttributeName',
    status: 400,
    message: 'You can specify the DeduplicationScope only when FifoQueue is set to true.',
  },
  182: {
    operation: 'CreateQueue',
    code: 'InvalidAttributeName',
    jsonName: 'InvalidAttributeName',
    status: 400,
    message: 'You can specify the FifoThroughputLimit only when FifoQueue is set to true.',
  },
  183: {
    operation: 'CreateQueue',
    code: 'QueueAlreadyExists',
    jsonName: 'QueueNameExists',
    status: 400,
    message:
      'A queue already exists with the same name and a different value for attribute ContentBasedDeduplication',
  },
  184: {
    operation: 'CreateQueue',
    code: 'QueueAlreadyExists',
    jsonName: 'QueueNameExists',
    status: 400,
    message:
      'A queue already exists with the same name and a different value for attribute DelaySeconds',
  },
  185: {
    operation: 'DeleteMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      'Value <receipt-handle:1> for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.',
  },
  186: {
    operation: 'DeleteMessageBatch',
    code: 'AWS.SimpleQueueService.InvalidBatchEntryId',
    jsonName: 'InvalidBatchEntryId',
    status: 400,
    message:
      'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
  },
  187: {
    operation: 'DeleteMessageBatch',
    code: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
    jsonName: 'TooManyEntriesInBatchRequest',
    status: 400,
    message: 'Maximum number of entries per request are 10. You have sent 20.',
  },
  188: {
    operation: 'GetQueueAttributes',
    code: 'AWS.SimpleQueueService.NonExistentQueue',
    jsonName: 'QueueDoesNotExist',
    status: 400,
    message: 'The specified queue does not exist for this wsdl version.',
  },
  189: {
    operation: 'GetQueueAttributes',
    code: 'AWS.SimpleQueueService.NonExistentQueue',
    jsonName: 'QueueDoesNotExist',
    status: 400,
    message: 'The specified queue does not exist.',
  },
  190: {
    operation: 'GetQueueUrl',
    code: 'AWS.SimpleQueueService.NonExistentQueue',
    jsonName: 'QueueDoesNotExist',
    status: 400,
    message: 'The specified queue does not exist.',
  },
  191: {
    operation: 'PurgeQueue',
    code: 'AWS.SimpleQueueService.PurgeQueueInProgress',
    jsonName: 'PurgeQueueInProgress',
    status: 403,
    message: 'Only one PurgeQueue operation on <queue-name> is allowed every 60 seconds.',
  },
  192: {
    operation: 'ReceiveMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      'Value -1 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.',
  },
  193: {
    operation: 'ReceiveMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.',
  },
  194: {
    operation: 'ReceiveMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      'Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.',
  },
  195: {
    operation: 'RemovePermission',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      "Value crossaccountpermission2 for parameter Label is invalid. Reason: can't find label.",
  },
  196: {
    operation: 'SendMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      "Message (user) attribute 'ErrorDetails' must contain a non-empty value of type 'String'.",
  },
  197: {
    operation: 'SendMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message: 'One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.',
  },
  198: {
    operation: 'SendMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      'One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.',
  },
  199: {
    operation: 'SendMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
  },
  200: {
    operation: 'SendMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      'Value  for parameter MessageDeduplicationId is invalid. Reason: MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 to 128 in length.',
  },
  201: {
    operation: 'SendMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      'Value  for parameter MessageGroupId is invalid. Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.',
  },
  202: {
    operation: 'SendMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      'Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.',
  },
  203: {
    operation: 'SendMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message: `Value ${'a'.repeat(129)} for parameter MessageDeduplicationId is invalid. Reason: MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 to 128 in length.`,
  },
  204: {
    operation: 'SendMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message: `Value ${'a'.repeat(129)} for parameter MessageGroupId is invalid. Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.`,
  },
  205: {
    operation: 'SendMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      'Value group 123 for parameter MessageDeduplicationId is invalid. Reason: MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 to 128 in length.',
  },
  206: {
    operation: 'SendMessage',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      'Value group 123 for parameter MessageGroupId is invalid. Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.',
  },
  207: {
    operation: 'SendMessage',
    code: 'MissingParameter',
    jsonName: 'MissingRequiredParameterException',
    status: 400,
    message: 'The request must contain the parameter MessageBody.',
  },
  208: {
    operation: 'SendMessage',
    code: 'MissingParameter',
    jsonName: 'MissingRequiredParameterException',
    status: 400,
    message: 'The request must contain the parameter MessageGroupId.',
  },
  209: {
    operation: 'SendMessageBatch',
    code: 'AWS.SimpleQueueService.BatchRequestTooLong',
    jsonName: 'BatchRequestTooLong',
    status: 400,
    message: 'Batch requests cannot be longer than 1048576 bytes. You have sent 1048577 bytes.',
  },
  210: {
    operation: 'SendMessageBatch',
    code: 'AWS.SimpleQueueService.InvalidBatchEntryId',
    jsonName: 'InvalidBatchEntryId',
    status: 400,
    message:
      'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
  },
  211: {
    operation: 'SendMessageBatch',
    code: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
    jsonName: 'TooManyEntriesInBatchRequest',
    status: 400,
    message: 'Maximum number of entries per request are 10. You have sent 20.',
  },
  // In a batch AWS reports both FIFO requirements for the whole request, and as InvalidParameterValue.
  212: {
    operation: 'SendMessageBatch',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
  },
  213: {
    operation: 'SendMessageBatch',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message: 'The request must contain the parameter MessageGroupId.',
  },
  // A per-entry failure inside a 200 reply (kind batch_entry_failure): jsonName is not applicable.
  214: {
    operation: 'SendMessageBatch',
    code: 'InvalidParameterValue',
    jsonName: '',
    status: 200,
    message:
      'One or more parameters cannot be validated. Reason: Message must be shorter than 1024 bytes.',
  },
  215: {
    operation: 'SetQueueAttributes',
    code: 'InvalidAttributeName',
    jsonName: 'InvalidAttributeName',
    status: 400,
    message: 'Unknown Attribute FifoQueue.',
  },
  216: {
    operation: 'SetQueueAttributes',
    code: 'InvalidAttributeValue',
    jsonName: 'InvalidAttributeValue',
    status: 400,
    message:
      'Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.',
  },
  217: {
    operation: 'StartMessageMoveTask',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message: 'Source queue must be configured as a Dead Letter Queue.',
  },
  218: {
    operation: 'StartMessageMoveTask',
    code: 'InvalidParameterValue',
    jsonName: 'InvalidParameterValueException',
    status: 400,
    message:
      'There is already a task running. Only one active task is allowed for a source queue arn at a given time.',
  },
  219: {
    operation: 'StartMessageMoveTask',
    code: 'ResourceNotFoundException',
    jsonName: 'ResourceNotFoundException',
    status: 404,
    message: "The resource that you specified for the DestinationArn parameter doesn't exist.",
  },
} satisfies Record<number, Row>;

// The shared conformance material sits beside the repository (../shared).
const RECORDED = fileURLToPath(new URL('../../shared/conformance/sqs-sns/errors_unique.jsonl', import.meta.url));

// ---------------------------------------------------------------------------------------------
// One interface over both protocols, so each scenario is written once.

/** An error as observed on the wire, from either protocol. */
class ObservedError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly code: string | undefined,
    readonly type: string | undefined,
    message: string,
    /** JSON only: err.name as SDK v3 surfaces it. */
    readonly jsonName: string | undefined,
    /** JSON only: the body's __type, which SDK v3 keeps on the error. */
    readonly wireType: string | undefined,
    /** Query only: the <RequestId> of the <ErrorResponse>. */
    readonly requestId: string | undefined,
    /** Query only: whether <Error> carries a <Detail/> element. */
    readonly hasDetail: boolean | undefined,
    readonly raw: string,
  ) {
    super(message);
  }
}

type Input = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- query/SDK outputs are read loosely by the scenarios
type Output = Record<string, any>;

interface Caller {
  protocol: Protocol;
  call(action: string, input: Input): Promise<Output>;
}

const ACCOUNT = '000000000000';

function jsonCaller(endpoint: string): { caller: Caller; client: SQSClient } {
  const client = new SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  const commands = Sqs as unknown as Record<string, new (input: Input) => unknown>;
  return {
    client,
    caller: {
      protocol: 'json',
      async call(action, input) {
        const Command = commands[`${action}Command`];
        if (!Command) throw new Error(`no SDK command for ${action}`);
        try {
          return (await client.send(new Command(input) as never)) as Output;
        } catch (e) {
          const err = e as {
            $metadata?: { httpStatusCode?: number };
            Code?: string;
            Type?: string;
            __type?: string;
            name: string;
            message: string;
          };
          if (!err.$metadata) throw e;
          throw new ObservedError(
            err.$metadata.httpStatusCode,
            err.Code,
            err.Type,
            err.message,
            err.name,
            err.__type,
            undefined,
            undefined,
            String(e),
          );
        }
      },
    },
  };
}

const xml = new XMLParser({
  ignoreDeclaration: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
});

function asArray<T>(v: T | T[] | undefined): T[] {
  if (v === undefined || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/** Query-protocol parameter names (flattened, 1-based) for the inputs used here. */
function toQueryParams(action: string, input: Input): [string, string][] {
  const out: [string, string][] = [];
  const put = (k: string, v: unknown): void => {
    out.push([k, String(v)]);
  };
  const putMap = (
    prefix: string,
    obj: Record<string, unknown>,
    keyName: string,
    valueName: string,
    putValue: (k: string, v: unknown) => void,
  ): void => {
    Object.entries(obj).forEach(([k, v], i) => {
      put(`${prefix}.${i + 1}.${keyName}`, k);
      putValue(`${prefix}.${i + 1}.${valueName}`, v);
    });
  };
  const putAttributeValue = (prefix: string, v: unknown): void => {
    const a = v as { DataType: string; StringValue?: string; BinaryValue?: Uint8Array };
    put(`${prefix}.DataType`, a.DataType);
    if (a.StringValue !== undefined) put(`${prefix}.StringValue`, a.StringValue);
    if (a.BinaryValue !== undefined)
      put(`${prefix}.BinaryValue`, Buffer.from(a.BinaryValue).toString('base64'));
  };
  const putFields = (prefix: string, obj: Input): void => {
    for (const [k, v] of Object.entries(obj)) {
      if (v === undefined) continue;
      if (k === 'MessageAttributes')
        putMap(`${prefix}MessageAttribute`, v as Input, 'Name', 'Value', putAttributeValue);
      else if (k === 'MessageSystemAttributes')
        putMap(`${prefix}MessageSystemAttribute`, v as Input, 'Name', 'Value', putAttributeValue);
      else put(prefix + k, v);
    }
  };
  const lists: Record<string, string> = {
    AttributeNames: 'AttributeName',
    MessageAttributeNames: 'MessageAttributeName',
    AWSAccountIds: 'AWSAccountId',
    Actions: 'ActionName',
    TagKeys: 'TagKey',
  };
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (k === 'Attributes') putMap('Attribute', v as Input, 'Name', 'Value', put);
    else if (k === 'tags' || k === 'Tags') putMap('Tag', v as Input, 'Key', 'Value', put);
    else if (lists[k]) (v as unknown[]).forEach((item, i) => put(`${lists[k]}.${i + 1}`, item));
    else if (k === 'Entries')
      (v as Input[]).forEach((entry, i) => putFields(`${action}RequestEntry.${i + 1}.`, entry));
    else putFields('', { [k]: v });
  }
  return out;
}

/** Shapes query results like the SDK's outputs, for what the scenarios read. */
function normaliseQueryResult(action: string, result: Output): Output {
  switch (action) {
    case 'SendMessageBatch':
      return {
        Successful: asArray(result.SendMessageBatchResultEntry),
        Failed: asArray<Output>(result.BatchResultErrorEntry).map((f) => ({
          ...f,
          SenderFault: f.SenderFault === 'true',
        })),
      };
    case 'DeleteMessageBatch':
    case 'ChangeMessageVisibilityBatch':
      return {
        Successful: asArray(result[`${action}ResultEntry`]),
        Failed: asArray(result.BatchResultErrorEntry),
      };
    case 'ReceiveMessage':
      return { Messages: asArray(result.Message) };
    case 'GetQueueAttributes':
      return {
        Attributes: Object.fromEntries(
          asArray<Output>(result.Attribute).map((a) => [a.Name, a.Value]),
        ),
      };
    default:
      return result;
  }
}

function queryCaller(endpoint: string): Caller {
  return {
    protocol: 'query',
    async call(action, input) {
      const body = new URLSearchParams([
        ['Action', action],
        ['Version', '2012-11-05'],
        ...toQueryParams(action, input),
      ]);
      const res = await fetch(`${endpoint}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
      const text = await res.text();
      let doc: Output = {};
      try {
        doc = xml.parse(text) as Output;
      } catch {
        // leave doc empty: the assertions below show the raw text
      }
      if (!res.ok) {
        const error = (doc.ErrorResponse?.Error ?? {}) as Output;
        throw new ObservedError(
          res.status,
          error.Code,
          error.Type,
          String(error.Message ?? text),
          undefined,
          undefined,
          doc.ErrorResponse?.RequestId,
          'Detail' in error,
          text,
        );
      }
      const response = doc[`${action}Response`] as Output | undefined;
      if (!response) throw new Error(`unexpected ${action} reply (${res.status}): ${text}`);
      return normaliseQueryResult(action, (response[`${action}Result`] || {}) as Output);
    },
  };
}

async function failure(p: Promise<unknown>): Promise<ObservedError> {
  let value: unknown;
  try {
    value = await p;
  } catch (e) {
    if (e instanceof ObservedError) return e;
    throw e;
  }
  throw new Error(
    `expected the call to fail, but it succeeded: ${JSON.stringify(value)?.slice(0, 500)}`,
  );
}

function fill(message: string, subs: Record<string, string>): string {
  return message.replace(/<([a-z0-9:-]+)>/g, (whole, name: string) => subs[name] ?? whole);
}

/** The observed error is the recorded one: code, message, status, Type=Sender, and each protocol's extras. */
function expectRecorded(
  err: ObservedError,
  row: Row,
  protocol: Protocol,
  subs: Record<string, string> = {},
): void {
  expect({ status: err.status, code: err.code, type: err.type, message: err.message }).toEqual({
    status: row.status,
    code: row.code,
    type: 'Sender',
    message: fill(row.message, subs),
  });
  if (protocol === 'json') {
    // The body's __type names the JSON shape AWS recorded (botocore's QueryErrorCode) ...
    expect(err.wireType).toBe(`com.amazonaws.sqs#${row.jsonName}`);
    // ... and SDK v3 names the error after the modeled exception whose query code matches the
    // x-amzn-query-error header, or after that code itself when no modeled exception has it.
    expect(err.jsonName).toBe(sdkErrorName(row));
  } else {
    expect(err.requestId).toMatch(/^\S+$/);
    expect(err.hasDetail).toBe(true);
  }
}

/** What SDK v3 sets as err.name for a recorded row: the modeled exception, else the query code. */
function sdkErrorName(row: Row): string {
  const modeled = (Sqs as unknown as Record<string, unknown>)[row.jsonName];
  return typeof modeled === 'function' ? row.jsonName : row.code;
}

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------

const stops: (() => Promise<void>)[] = [];
const callers = {} as Record<Protocol, Caller>;
/** Callers of a second server whose time only moves when the test says (clock.advance). */
const clockedCallers = {} as Record<Protocol, Caller>;
const clock = new ManualClock(Date.UTC(2026, 0, 1));
const sdkClients: SQSClient[] = [];
let seq = 0;

beforeAll(async () => {
  const t = await startTributary({ port: 0 });
  stops.push(() => t.stop());
  const json = jsonCaller(t.endpoint);
  sdkClients.push(json.client);
  callers.json = json.caller;
  callers.query = queryCaller(t.endpoint);

  const clocked = await startTributary({ port: 0, clock });
  stops.push(() => clocked.stop());
  const clockedJson = jsonCaller(clocked.endpoint);
  sdkClients.push(clockedJson.client);
  clockedCallers.json = clockedJson.caller;
  clockedCallers.query = queryCaller(clocked.endpoint);
});

afterAll(async () => {
  for (const client of sdkClients) client.destroy();
  for (const stop of stops) await stop();
});

function uniqueName(protocol: Protocol): string {
  return `conf-${protocol}-${++seq}-${randomUUID().slice(0, 8)}`;
}

async function newQueue(
  c: Caller,
  attributes?: Record<string, string>,
): Promise<{ name: string; url: string }> {
  const name = uniqueName(c.protocol);
  const { QueueUrl } = await c.call('CreateQueue', { QueueName: name, Attributes: attributes });
  expect(QueueUrl).toMatch(new RegExp(`/${ACCOUNT}/${name}$`));
  return { name, url: QueueUrl as string };
}

/** A FIFO queue (name ending in .fifo, FifoQueue=true) with the further attributes given. */
async function newFifoQueue(
  c: Caller,
  attributes: Record<string, string> = {},
): Promise<{ name: string; url: string }> {
  const name = `${uniqueName(c.protocol)}.fifo`;
  const { QueueUrl } = await c.call('CreateQueue', {
    QueueName: name,
    Attributes: { FifoQueue: 'true', ...attributes },
  });
  expect(QueueUrl).toMatch(new RegExp(`/${ACCOUNT}/${name.replace('.', '\\.')}$`));
  return { name, url: QueueUrl as string };
}

async function queueArnOf(c: Caller, url: string): Promise<string> {
  const { Attributes } = await c.call('GetQueueAttributes', {
    QueueUrl: url,
    AttributeNames: ['QueueArn'],
  });
  const arn = (Attributes as Record<string, string>).QueueArn;
  expect(arn).toMatch(/^arn:aws:sqs:us-east-1:\d{12}:/);
  return arn!;
}

/** A dead-letter queue: a queue that another queue's RedrivePolicy targets. */
async function newDeadLetterQueue(c: Caller): Promise<{ url: string; arn: string }> {
  const dlq = await newQueue(c);
  const arn = await queueArnOf(c, dlq.url);
  await newQueue(c, {
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: 1 }),
  });
  return { url: dlq.url, arn };
}

/** A message move task handle as AWS (and LocalStack) form it: base64 of {"taskId","sourceArn"}. */
function taskHandle(taskId: string, sourceArn: string): string {
  return Buffer.from(`{"taskId":"${taskId}","sourceArn":"${sourceArn}"}`, 'utf8').toString(
    'base64',
  );
}

/** Sends 20 messages and receives them all, for the handles of a 20-entry batch. */
async function twentyReceiptHandles(c: Caller, url: string): Promise<string[]> {
  const entries = Array.from({ length: 10 }, (_, i) => ({
    Id: `message-${i}`,
    MessageBody: `messageBody-${i}`,
  }));
  for (let round = 0; round < 2; round++) {
    const sent = await c.call('SendMessageBatch', { QueueUrl: url, Entries: entries });
    expect(sent.Successful).toHaveLength(10);
  }
  const handles: string[] = [];
  for (let attempt = 0; attempt < 10 && handles.length < 20; attempt++) {
    const { Messages } = await c.call('ReceiveMessage', {
      QueueUrl: url,
      MaxNumberOfMessages: Math.min(10, 20 - handles.length),
    });
    for (const m of (Messages ?? []) as Output[]) handles.push(m.ReceiptHandle as string);
  }
  expect(handles).toHaveLength(20);
  return handles;
}

describe('the recorded AWS rows', () => {
  it.skipIf(!existsSync(RECORDED))(
    'embedded expectations match errors_unique.jsonl and every SQS row is covered',
    () => {
      const lines = readFileSync(RECORDED, 'utf8').split('\n');
      const sqsLines: number[] = [];
      lines.forEach((line, i) => {
        if (!line.trim()) return;
        const r = JSON.parse(line) as { service: string };
        if (r.service === 'sqs') sqsLines.push(i + 1);
      });
      const covered = Object.keys(ROWS).map(Number);
      expect(covered.sort((a, b) => a - b)).toEqual(sqsLines);
      for (const [n, row] of Object.entries(ROWS) as [string, Row][]) {
        const r = JSON.parse(lines[Number(n) - 1]!) as {
          operation: string;
          error_code: string;
          error_message: string;
          http_status: number;
        };
        expect({
          line: n,
          operation: r.operation,
          code: r.error_code,
          message: r.error_message,
          status: r.http_status,
        }).toEqual({
          line: n,
          operation: row.operation,
          code: row.code,
          message: row.message,
          status: row.status,
        });
      }
    },
  );
});

describe.each(['json', 'query'] as const)(
  'SQS errors over the %s protocol match AWS',
  (protocol) => {
    const c = (): Caller => callers[protocol];
    const rec = (err: ObservedError, row: Row, subs?: Record<string, string>): void =>
      expectRecorded(err, row, protocol, subs);

    // --- queues --------------------------------------------------------------------------------

    it.each([
      [180, { FifoQueue: 'false' }],
      [179, { ContentBasedDeduplication: 'false' }],
      [181, { DeduplicationScope: 'queue' }],
      [182, { FifoThroughputLimit: 'perQueue' }],
    ] as const)(
      'line %i: CreateQueue of a standard queue with FIFO-only attribute %o fails with InvalidAttributeName',
      async (line, attributes) => {
        const err = await failure(
          c().call('CreateQueue', { QueueName: uniqueName(protocol), Attributes: attributes }),
        );
        rec(err, ROWS[line]);
      },
    );

    it('line 184: CreateQueue of an existing name with a different DelaySeconds fails with QueueAlreadyExists (create_queue_01)', async () => {
      const { name } = await newQueue(c(), {
        ReceiveMessageWaitTimeSeconds: '1',
        DelaySeconds: '1',
      });
      const err = await failure(
        c().call('CreateQueue', {
          QueueName: name,
          Attributes: { ReceiveMessageWaitTimeSeconds: '1', DelaySeconds: '2' },
        }),
      );
      rec(err, ROWS[184]);
    });

    it('line 184: after SetQueueAttributes changes DelaySeconds, CreateQueue with the new value succeeds and with the old value fails (create_queue_02)', async () => {
      const { name, url } = await newQueue(c(), {
        ReceiveMessageWaitTimeSeconds: '1',
        DelaySeconds: '1',
      });
      await c().call('SetQueueAttributes', { QueueUrl: url, Attributes: { DelaySeconds: '2' } });
      const again = await c().call('CreateQueue', {
        QueueName: name,
        Attributes: { ReceiveMessageWaitTimeSeconds: '1', DelaySeconds: '2' },
      });
      expect(again.QueueUrl).toBe(url);
      const err = await failure(
        c().call('CreateQueue', {
          QueueName: name,
          Attributes: { ReceiveMessageWaitTimeSeconds: '1', DelaySeconds: '1' },
        }),
      );
      rec(err, ROWS[184]);
    });

    // AWS compares only the attributes a CreateQueue names (same validated AWS test as line 184).
    it('CreateQueue of an existing name with a matching subset of its attributes returns the existing URL', async () => {
      const { name, url } = await newQueue(c(), {
        ReceiveMessageWaitTimeSeconds: '1',
        DelaySeconds: '1',
      });
      const subset = await c().call('CreateQueue', {
        QueueName: name,
        Attributes: { DelaySeconds: '1' },
      });
      expect(subset.QueueUrl).toBe(url);
    });

    it('CreateQueue of an existing name with no attributes returns the existing URL, whatever its attributes', async () => {
      const { name, url } = await newQueue(c(), {
        ReceiveMessageWaitTimeSeconds: '1',
        DelaySeconds: '1',
      });
      const none = await c().call('CreateQueue', { QueueName: name });
      expect(none.QueueUrl).toBe(url);
    });

    it('lines 188/189: GetQueueAttributes of a deleted queue fails with NonExistentQueue (message per protocol)', async () => {
      const { url } = await newQueue(c());
      await c().call('DeleteQueue', { QueueUrl: url });
      const err = await failure(c().call('GetQueueAttributes', { QueueUrl: url }));
      rec(err, protocol === 'query' ? ROWS[188] : ROWS[189]);
    });

    it('line 190: GetQueueUrl of a deleted queue fails with NonExistentQueue (query wording: "for this wsdl version.")', async () => {
      const { name, url } = await newQueue(c());
      await c().call('DeleteQueue', { QueueUrl: url });
      const err = await failure(c().call('GetQueueUrl', { QueueName: name }));
      // Only the JSON reply is recorded for GetQueueUrl; the query wording follows line 188.
      rec(err, protocol === 'query' ? { ...ROWS[190], message: ROWS[188].message } : ROWS[190]);
    });

    it('line 191: a second PurgeQueue within 60 seconds fails with 403 PurgeQueueInProgress naming the queue', async () => {
      const { name, url } = await newQueue(c());
      await c().call('PurgeQueue', { QueueUrl: url });
      const err = await failure(c().call('PurgeQueue', { QueueUrl: url }));
      rec(err, ROWS[191], { 'queue-name': name });
    });

    it.each([['true'], ['false']])(
      'line 215: SetQueueAttributes FifoQueue=%s on a standard queue fails with InvalidAttributeName "Unknown Attribute FifoQueue."',
      async (value) => {
        const { url } = await newQueue(c());
        const err = await failure(
          c().call('SetQueueAttributes', { QueueUrl: url, Attributes: { FifoQueue: value } }),
        );
        rec(err, ROWS[215]);
      },
    );

    // --- permissions ---------------------------------------------------------------------------

    it('line 174: AddPermission with a label that already exists fails with InvalidParameterValue "Already exists."', async () => {
      const { url } = await newQueue(c());
      await c().call('AddPermission', {
        QueueUrl: url,
        Label: 'crossaccountpermission',
        AWSAccountIds: [ACCOUNT],
        Actions: ['ReceiveMessage'],
      });
      const err = await failure(
        c().call('AddPermission', {
          QueueUrl: url,
          Label: 'crossaccountpermission',
          AWSAccountIds: ['668614515564'],
          Actions: ['ReceiveMessage'],
        }),
      );
      rec(err, ROWS[174]);
    });

    it('line 195: RemovePermission of a label already removed fails with InvalidParameterValue "can\'t find label."', async () => {
      const { url } = await newQueue(c());
      await c().call('AddPermission', {
        QueueUrl: url,
        Label: 'crossaccountpermission',
        AWSAccountIds: [ACCOUNT],
        Actions: ['ReceiveMessage'],
      });
      await c().call('AddPermission', {
        QueueUrl: url,
        Label: 'crossaccountpermission2',
        AWSAccountIds: [ACCOUNT],
        Actions: ['ReceiveMessage'],
      });
      await c().call('RemovePermission', { QueueUrl: url, Label: 'crossaccountpermission' });
      await c().call('RemovePermission', { QueueUrl: url, Label: 'crossaccountpermission2' });
      const err = await failure(
        c().call('RemovePermission', { QueueUrl: url, Label: 'crossaccountpermission2' }),
      );
      rec(err, ROWS[195]);
    });

    // --- receiving -----------------------------------------------------------------------------

    it.each([
      [193, { MaxNumberOfMessages: 11 }],
      [194, { WaitTimeSeconds: 21 }],
      [192, { WaitTimeSeconds: -1 }],
    ] as const)(
      'line %i: ReceiveMessage with out-of-range %o fails with InvalidParameterValue',
      async (line, params) => {
        const { url } = await newQueue(c());
        await c().call('SendMessage', { QueueUrl: url, MessageBody: 'message' });
        const err = await failure(c().call('ReceiveMessage', { QueueUrl: url, ...params }));
        rec(err, ROWS[line]);
      },
    );

    // --- sending -------------------------------------------------------------------------------

    it('line 207: SendMessage with an empty MessageBody fails with MissingParameter', async () => {
      const { url } = await newQueue(c());
      const err = await failure(c().call('SendMessage', { QueueUrl: url, MessageBody: '' }));
      rec(err, ROWS[207]);
    });

    it('line 196: SendMessage with an empty String message attribute fails with InvalidParameterValue', async () => {
      const { url } = await newQueue(c());
      const err = await failure(
        c().call('SendMessage', {
          QueueUrl: url,
          MessageBody: 'test',
          MessageAttributes: { ErrorDetails: { StringValue: '', DataType: 'String' } },
        }),
      );
      rec(err, ROWS[196]);
    });

    it('line 198: SendMessage one byte over 1 MiB (body plus attribute name, type and value) fails with InvalidParameterValue', async () => {
      const { url } = await newQueue(c());
      const attributesSize = 'k'.length + 'String'.length + 'x'.length;
      const err = await failure(
        c().call('SendMessage', {
          QueueUrl: url,
          MessageBody: 'a'.repeat(1_048_576 - attributesSize + 1),
          MessageAttributes: { k: { DataType: 'String', StringValue: 'x' } },
        }),
      );
      rec(err, ROWS[198]);
    });

    it('line 197: after MaximumMessageSize is lowered to 1024, a 1024-byte body is accepted and 1025 bytes with attributes fail', async () => {
      const { url } = await newQueue(c());
      await c().call('SetQueueAttributes', {
        QueueUrl: url,
        Attributes: { MaximumMessageSize: '1024' },
      });
      const ok = await c().call('SendMessage', { QueueUrl: url, MessageBody: 'a'.repeat(1024) });
      expect(ok.MD5OfMessageBody).toBe(md5('a'.repeat(1024)));
      const err = await failure(
        c().call('SendMessage', {
          QueueUrl: url,
          MessageBody: 'a'.repeat(1024 - 8 + 1),
          MessageAttributes: { k: { DataType: 'String', StringValue: 'x' } },
        }),
      );
      rec(err, ROWS[197]);
    });

    it.each([
      [201, ''],
      [204, 'a'.repeat(129)],
      [206, 'group 123'],
    ] as const)(
      'line %i: SendMessage to a standard queue with an invalid MessageGroupId fails with InvalidParameterValue',
      async (line, groupId) => {
        const { url } = await newQueue(c());
        const err = await failure(
          c().call('SendMessage', {
            QueueUrl: url,
            MessageBody: 'message',
            MessageGroupId: groupId,
          }),
        );
        rec(err, ROWS[line]);
      },
    );

    // --- batches -------------------------------------------------------------------------------

    it('line 211: SendMessageBatch with 20 entries fails with TooManyEntriesInBatchRequest', async () => {
      const { url } = await newQueue(c());
      const entries = Array.from({ length: 20 }, (_, i) => ({
        Id: `message-${i}`,
        MessageBody: `messageBody-${i}`,
      }));
      const err = await failure(c().call('SendMessageBatch', { QueueUrl: url, Entries: entries }));
      rec(err, ROWS[211]);
    });

    it('line 210: SendMessageBatch with an entry id containing ":" fails with InvalidBatchEntryId', async () => {
      const { url } = await newQueue(c());
      const id = randomUUID().slice(0, 8);
      const err = await failure(
        c().call('SendMessageBatch', {
          QueueUrl: url,
          Entries: [{ Id: `message:${id}`, MessageBody: `messageBody-${id}` }],
        }),
      );
      rec(err, ROWS[210]);
    });

    it('line 209: SendMessageBatch totalling 1 MiB + 1 byte fails with BatchRequestTooLong stating the size sent', async () => {
      const { url } = await newQueue(c());
      const attributesSize = 'k'.length + 'String'.length + 'x'.length;
      const err = await failure(
        c().call('SendMessageBatch', {
          QueueUrl: url,
          Entries: [
            {
              Id: '1',
              MessageBody: 'a'.repeat(1_048_576 - attributesSize),
              MessageAttributes: { k: { DataType: 'String', StringValue: 'x' } },
            },
            { Id: '2', MessageBody: 'a' },
          ],
        }),
      );
      rec(err, ROWS[209]);
    });

    it('line 214: SendMessageBatch reports an oversized entry in Failed (SenderFault, InvalidParameterValue) with HTTP 200 and sends the rest', async () => {
      const { url } = await newQueue(c(), { MaximumMessageSize: '1024' });
      const okId = randomUUID();
      const badId = randomUUID();
      const result = await c().call('SendMessageBatch', {
        QueueUrl: url,
        Entries: [
          { Id: okId, MessageBody: 'a'.repeat(1024) },
          { Id: badId, MessageBody: 'a'.repeat(1025) },
        ],
      });
      const row = ROWS[214];
      expect(result.Failed).toEqual([
        { Id: badId, SenderFault: true, Code: row.code, Message: row.message },
      ]);
      expect(result.Successful).toHaveLength(1);
      expect(result.Successful[0]).toMatchObject({
        Id: okId,
        MD5OfMessageBody: 'c9a34cfc85d982698c6ac89f76071abd',
      });
      if (protocol === 'json') expect(result.$metadata.httpStatusCode).toBe(row.status);
    });

    it.each([[''], ['testLongId'.repeat(10)], ['invalid:id']])(
      'line 186: DeleteMessageBatch with entry id %j fails with InvalidBatchEntryId',
      async (id) => {
        const { url } = await newQueue(c());
        const err = await failure(
          c().call('DeleteMessageBatch', {
            QueueUrl: url,
            Entries: [{ Id: id, ReceiptHandle: 'testHandle1' }],
          }),
        );
        rec(err, ROWS[186]);
      },
    );

    it('line 187: DeleteMessageBatch with 20 valid receipt handles fails with TooManyEntriesInBatchRequest', async () => {
      const { url } = await newQueue(c());
      const handles = await twentyReceiptHandles(c(), url);
      const err = await failure(
        c().call('DeleteMessageBatch', {
          QueueUrl: url,
          Entries: handles.map((h, i) => ({ Id: String(i), ReceiptHandle: h })),
        }),
      );
      rec(err, ROWS[187]);
    });

    it('line 178: ChangeMessageVisibilityBatch with 20 valid receipt handles fails with TooManyEntriesInBatchRequest', async () => {
      const { url } = await newQueue(c());
      const handles = await twentyReceiptHandles(c(), url);
      const err = await failure(
        c().call('ChangeMessageVisibilityBatch', {
          QueueUrl: url,
          Entries: handles.map((h, i) => ({
            Id: String(i),
            ReceiptHandle: h,
            VisibilityTimeout: 123,
          })),
        }),
      );
      rec(err, ROWS[178]);
    });

    // --- FIFO queues ---------------------------------------------------------------------------

    it('line 183: CreateQueue of an existing FIFO queue with a different ContentBasedDeduplication fails with QueueAlreadyExists', async () => {
      const { name } = await newFifoQueue(c(), { ContentBasedDeduplication: 'true' });
      const err = await failure(
        c().call('CreateQueue', {
          QueueName: name,
          Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'false' },
        }),
      );
      rec(err, ROWS[183]);
    });

    it('line 216: SetQueueAttributes FifoQueue=false on a FIFO queue fails with InvalidAttributeValue "Modifying queue type is not supported."', async () => {
      const { url } = await newFifoQueue(c());
      const err = await failure(
        c().call('SetQueueAttributes', { QueueUrl: url, Attributes: { FifoQueue: 'false' } }),
      );
      rec(err, ROWS[216]);
    });

    // Same AWS-validated scenario as line 216 (test_set_unsupported_attribute_fifo): before the
    // failing call, AWS accepts SetQueueAttributes FifoQueue=true on the FIFO queue.
    it(
      'SetQueueAttributes FifoQueue=true on a FIFO queue (no change of type) succeeds',
      async () => {
        const { url } = await newFifoQueue(c());
        await c().call('SetQueueAttributes', { QueueUrl: url, Attributes: { FifoQueue: 'true' } });
        const { Attributes } = await c().call('GetQueueAttributes', {
          QueueUrl: url,
          AttributeNames: ['FifoQueue'],
        });
        expect(Attributes).toEqual({ FifoQueue: 'true' });
      },
    );

    it('line 199: SendMessage to a FIFO queue without MessageDeduplicationId or ContentBasedDeduplication fails with InvalidParameterValue', async () => {
      const { url } = await newFifoQueue(c());
      const err = await failure(
        c().call('SendMessage', {
          QueueUrl: url,
          MessageBody: `test${randomUUID().slice(0, 8)}`,
          MessageGroupId: `fifo_group-${randomUUID().slice(0, 8)}`,
        }),
      );
      rec(err, ROWS[199]);
    });

    it('line 208: SendMessage to a FIFO queue without MessageGroupId fails with MissingParameter', async () => {
      const { url } = await newFifoQueue(c());
      const err = await failure(
        c().call('SendMessage', {
          QueueUrl: url,
          MessageBody: `test${randomUUID().slice(0, 8)}`,
          MessageDeduplicationId: `fifo_dedup-${randomUUID().slice(0, 8)}`,
        }),
      );
      rec(err, ROWS[208]);
    });

    it.each([
      [200, ''],
      [203, 'a'.repeat(129)],
      [205, 'group 123'],
    ] as const)(
      'line %i: SendMessage to a FIFO queue with an invalid MessageDeduplicationId fails with InvalidParameterValue',
      async (line, deduplicationId) => {
        const { url } = await newFifoQueue(c());
        const err = await failure(
          c().call('SendMessage', {
            QueueUrl: url,
            MessageBody: 'Hello World!',
            MessageGroupId: 'test',
            MessageDeduplicationId: deduplicationId,
          }),
        );
        rec(err, ROWS[line]);
      },
    );

    it('line 202: SendMessage to a FIFO queue with DelaySeconds=2 fails with InvalidParameterValue', async () => {
      const { url } = await newFifoQueue(c(), { ContentBasedDeduplication: 'true' });
      const err = await failure(
        c().call('SendMessage', {
          QueueUrl: url,
          MessageBody: 'message-1',
          MessageGroupId: '1',
          DelaySeconds: 2,
        }),
      );
      rec(err, ROWS[202]);
    });

    it('line 212: SendMessageBatch to a FIFO queue with an entry lacking MessageDeduplicationId fails as a whole with InvalidParameterValue', async () => {
      const { url } = await newFifoQueue(c(), { ContentBasedDeduplication: 'false' });
      const err = await failure(
        c().call('SendMessageBatch', {
          QueueUrl: url,
          Entries: [
            {
              Id: 'message-1',
              MessageBody: 'messageBody',
              MessageGroupId: 'test-group',
              MessageDeduplicationId: `dedup-${randomUUID().slice(0, 8)}`,
            },
            { Id: 'message-2', MessageBody: 'messageBody', MessageGroupId: 'test-group' },
          ],
        }),
      );
      rec(err, ROWS[212]);
      const { Messages } = await c().call('ReceiveMessage', { QueueUrl: url });
      expect(Messages ?? []).toEqual([]);
    });

    it('line 213: SendMessageBatch to a FIFO queue with an entry lacking MessageGroupId fails as a whole with InvalidParameterValue (not MissingParameter)', async () => {
      const { url } = await newFifoQueue(c(), { ContentBasedDeduplication: 'false' });
      const err = await failure(
        c().call('SendMessageBatch', {
          QueueUrl: url,
          Entries: [
            {
              Id: 'message-1',
              MessageBody: 'messageBody',
              MessageGroupId: 'test-group',
              MessageDeduplicationId: `dedup-${randomUUID().slice(0, 8)}`,
            },
            {
              Id: 'message-2',
              MessageBody: 'messageBody',
              MessageDeduplicationId: `dedup-${randomUUID().slice(0, 8)}`,
            },
          ],
        }),
      );
      rec(err, ROWS[213]);
      const { Messages } = await c().call('ReceiveMessage', { QueueUrl: url });
      expect(Messages ?? []).toEqual([]);
    });

    it('line 185: DeleteMessage on a FIFO queue with a handle whose visibility timeout ran out fails with "The receipt handle has expired." naming the handle', async () => {
      const fifo = clockedCallers[protocol];
      const { url } = await newFifoQueue(fifo, {
        VisibilityTimeout: '1',
        ContentBasedDeduplication: 'True',
      });
      await fifo.call('SendMessage', { QueueUrl: url, MessageBody: 'foobar', MessageGroupId: '1' });
      const { Messages } = await fifo.call('ReceiveMessage', { QueueUrl: url });
      expect(Messages).toHaveLength(1);
      const handle = (Messages as Output[])[0]!.ReceiptHandle as string;
      clock.advance(1_000);
      const err = await failure(
        fifo.call('DeleteMessage', { QueueUrl: url, ReceiptHandle: handle }),
      );
      rec(err, ROWS[185], { 'receipt-handle:1': handle });
    });

    // --- message move tasks --------------------------------------------------------------------

    it('line 175: CancelMessageMoveTask with a task handle that is not one fails with InvalidParameterValue', async () => {
      const err = await failure(c().call('CancelMessageMoveTask', { TaskHandle: 'foobared' }));
      rec(err, ROWS[175]);
    });

    it('line 176: CancelMessageMoveTask with a handle naming an existing queue but an unknown task id fails with 404 ResourceNotFoundException "Task does not exist."', async () => {
      const { url } = await newQueue(c());
      const sourceArn = await queueArnOf(c(), url);
      const err = await failure(
        c().call('CancelMessageMoveTask', {
          TaskHandle: taskHandle('10f57157-fc38-4da9-a113-4de7e12d05aa', sourceArn),
        }),
      );
      rec(err, ROWS[176]);
    });

    it('line 177: CancelMessageMoveTask with a handle naming a queue that does not exist fails with 404 ResourceNotFoundException for SourceArn', async () => {
      const sourceArn = 'arn:aws:sqs:us-east-1:878966065785:test-queue-doesnt-exist-123456';
      const err = await failure(
        c().call('CancelMessageMoveTask', {
          TaskHandle: taskHandle('10f57157-fc38-4da9-a113-4de7e12d05dd', sourceArn),
        }),
      );
      rec(err, ROWS[177]);
    });

    it('line 217: StartMessageMoveTask from a queue that is no dead-letter queue fails with InvalidParameterValue', async () => {
      const source = await newQueue(c());
      const destination = await newQueue(c());
      const err = await failure(
        c().call('StartMessageMoveTask', {
          SourceArn: await queueArnOf(c(), source.url),
          DestinationArn: await queueArnOf(c(), destination.url),
        }),
      );
      rec(err, ROWS[217]);
    });

    it('line 219: StartMessageMoveTask from a dead-letter queue to a destination that does not exist fails with 404 ResourceNotFoundException for DestinationArn', async () => {
      const dlq = await newDeadLetterQueue(c());
      const destination = await newQueue(c());
      const err = await failure(
        c().call('StartMessageMoveTask', {
          SourceArn: dlq.arn,
          DestinationArn: `${await queueArnOf(c(), destination.url)}doesntexist`,
        }),
      );
      rec(err, ROWS[219]);
    });

    it('line 218: a second StartMessageMoveTask while one runs on the same dead-letter queue fails with InvalidParameterValue', async () => {
      const dlq = await newDeadLetterQueue(c());
      const destination = await newQueue(c());
      const destinationArn = await queueArnOf(c(), destination.url);
      for (let i = 0; i < 5; i++) {
        await c().call('SendMessage', { QueueUrl: dlq.url, MessageBody: `message-${i}` });
      }
      // At one message a second, the first task is still running when the second start arrives.
      const started = await c().call('StartMessageMoveTask', {
        SourceArn: dlq.arn,
        DestinationArn: destinationArn,
        MaxNumberOfMessagesPerSecond: 1,
      });
      expect(started.TaskHandle).toMatch(/^[A-Za-z0-9+/]+=*$/);
      const err = await failure(
        c().call('StartMessageMoveTask', {
          SourceArn: dlq.arn,
          DestinationArn: destinationArn,
          MaxNumberOfMessagesPerSecond: 1,
        }),
      );
      rec(err, ROWS[218]);
      await c().call('CancelMessageMoveTask', { TaskHandle: started.TaskHandle });
    });
  },
);
