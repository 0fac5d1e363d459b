// SQS wire-level behaviour over raw HTTP, for both protocols: request ids, error envelopes,
// routing (GET, queue-URL paths), malformed input, SigV4-scoped account and region, Host-derived
// queue URLs, XML escaping, and the MD5 digests the SDKs verify.
import { createHash, randomUUID } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTributary } from '../packages/server/src/index.js';

const ACCOUNT = '000000000000';
const NS = 'com.amazonaws.sqs#';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

let port: number;
let stop: () => Promise<void>;

beforeAll(async () => {
  const t = await startTributary({ port: 0 });
  port = t.port;
  stop = () => t.stop();
});

afterAll(async () => {
  await stop?.();
});

/** One HTTP exchange with the server on 127.0.0.1; `headers.host` may name any other host. */
function http(options: {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<Reply> {
  const body = options.body ?? '';
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path ?? '/',
        headers: {
          ...(options.method === 'GET'
            ? {}
            : { 'content-length': String(Buffer.byteLength(body)) }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.method === 'GET' ? undefined : body);
  });
}

function json(
  operation: string,
  input: unknown,
  opts: { path?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return http({
    path: opts.path,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `AmazonSQS.${operation}`,
      ...opts.headers,
    },
    body: JSON.stringify(input),
  });
}

function query(
  params: Record<string, string>,
  opts: { path?: string; headers?: Record<string, string>; version?: boolean } = {},
): Promise<Reply> {
  const form = new URLSearchParams({
    ...(opts.version === false ? {} : { Version: '2012-11-05' }),
    ...params,
  });
  return http({
    path: opts.path,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
    body: form.toString(),
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML/JSON documents are read loosely
type Doc = Record<string, any>;
const xml = new XMLParser({
  ignoreDeclaration: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  // Flattened lists that may hold a single element.
  isArray: (_name, jpath) =>
    /(ListQueuesResult\.QueueUrl|ReceiveMessageResult\.Message|GetQueueAttributesResult\.Attribute|\.Message\.Attribute|\.Message\.MessageAttribute)$/.test(
      String(jpath),
    ),
});

function parseXml(text: string): Doc {
  return xml.parse(text) as Doc;
}

function parseJson(reply: Reply): Doc {
  return JSON.parse(reply.text) as Doc;
}

/** A SigV4 Authorization header with the given credential scope (the signature is not checked). */
function sigv4(accessKeyId: string, region: string): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/${region}/sqs/aws4_request, SignedHeaders=host, Signature=abc`,
  };
}

function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

async function createQueueJson(name: string, headers?: Record<string, string>): Promise<string> {
  const r = await json('CreateQueue', { QueueName: name }, { headers });
  expect(r.status, r.text).toBe(200);
  return parseJson(r).QueueUrl as string;
}

function requestIdHeader(r: Reply): string | undefined {
  const v = r.headers['x-amzn-requestid'];
  return Array.isArray(v) ? v[0] : v;
}

function md5(data: string | Buffer): string {
  return createHash('md5').update(data).digest('hex');
}

// ---------------------------------------------------------------------------------------------

describe('request ids', () => {
  it('every reply, success or error, JSON or query, POST or GET, carries its own non-empty x-amzn-RequestId header', async () => {
    const name = uniqueName('rid');
    await createQueueJson(name);
    const replies: [string, Reply][] = [
      ['json success', await json('ListQueues', {})],
      ['json modeled error', await json('GetQueueUrl', { QueueName: 'no-such-queue-rid' })],
      ['json unknown operation', await json('NoSuchOperation', {})],
      [
        'json invalid body',
        await http({
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'x-amz-target': 'AmazonSQS.ListQueues',
          },
          body: '{nope',
        }),
      ],
      ['query success', await query({ Action: 'ListQueues' })],
      ['query error', await query({ Action: 'GetQueueUrl', QueueName: 'no-such-queue-rid' })],
      ['query unknown action', await query({ Action: 'FooBar' })],
      [
        'GET success',
        await http({ method: 'GET', path: '/?Action=ListQueues&Version=2012-11-05' }),
      ],
      [
        'GET on a queue URL',
        await http({
          method: 'GET',
          path: `/${ACCOUNT}/${name}?Action=GetQueueAttributes&AttributeName.1=QueueArn`,
        }),
      ],
    ];
    const ids = replies.map(([what, r]) => [what, requestIdHeader(r)] as const);
    for (const [what, id] of ids) expect(id, what).toMatch(/^\S+$/);
    expect(new Set(ids.map(([, id]) => id)).size).toBe(ids.length);
  });

  it('a query reply repeats the header request id in <ResponseMetadata><RequestId> (success) and <ErrorResponse><RequestId> (error)', async () => {
    const ok = await query({ Action: 'ListQueues' });
    expect(ok.status).toBe(200);
    expect(parseXml(ok.text).ListQueuesResponse.ResponseMetadata.RequestId).toBe(
      requestIdHeader(ok),
    );

    const bad = await query({ Action: 'GetQueueUrl', QueueName: 'no-such-queue-rid2' });
    expect(bad.status).toBe(400);
    expect(parseXml(bad.text).ErrorResponse.RequestId).toBe(requestIdHeader(bad));
  });
});

describe('error envelopes', () => {
  it('a JSON error has __type in the com.amazonaws.sqs# namespace, a message, and x-amzn-query-error "<query code>;Sender"', async () => {
    const r = await json('GetQueueUrl', { QueueName: 'no-such-queue-env' });
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/x-amz-json-1\.0/);
    expect(parseJson(r)).toEqual({
      __type: `${NS}QueueDoesNotExist`,
      message: 'The specified queue does not exist.',
    });
    expect(r.headers['x-amzn-query-error']).toBe('AWS.SimpleQueueService.NonExistentQueue;Sender');
  });

  it('an unmodeled JSON error (InvalidParameterValue) is typed InvalidParameterValueException with query code InvalidParameterValue', async () => {
    const url = await createQueueJson(uniqueName('env'));
    const r = await json('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 11 });
    expect(r.status).toBe(400);
    expect(parseJson(r)).toEqual({
      __type: `${NS}InvalidParameterValueException`,
      message:
        'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.',
    });
    expect(r.headers['x-amzn-query-error']).toBe('InvalidParameterValue;Sender');
  });

  it('a query error is <ErrorResponse><Error><Type>Sender</Type><Code/><Message/><Detail/></Error><RequestId/></ErrorResponse> as XML', async () => {
    const r = await query({ Action: 'GetQueueUrl', QueueName: 'no-such-queue-env' });
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toMatch(/xml/);
    const doc = parseXml(r.text).ErrorResponse;
    expect(doc.Error).toEqual({
      Type: 'Sender',
      Code: 'AWS.SimpleQueueService.NonExistentQueue',
      Message: 'The specified queue does not exist for this wsdl version.',
      Detail: '',
    });
    expect(doc.RequestId).toMatch(/^\S+$/);
  });
});

describe('query protocol routing', () => {
  it('GET /?Action=ListQueues lists queues in an XML ListQueuesResponse', async () => {
    const name = uniqueName('get');
    const url = await createQueueJson(name);
    const r = await http({
      method: 'GET',
      path: `/?Action=ListQueues&Version=2012-11-05&QueueNamePrefix=${name}`,
    });
    expect(r.status, r.text).toBe(200);
    expect(parseXml(r.text).ListQueuesResponse.ListQueuesResult.QueueUrl).toEqual([url]);
  });

  it('GET on the queue URL path with only Action and AttributeName.1 (no Version, no QueueUrl) answers for that queue', async () => {
    const name = uniqueName('getq');
    await createQueueJson(name);
    const r = await http({
      method: 'GET',
      path: `/${ACCOUNT}/${name}?Action=GetQueueAttributes&AttributeName.1=QueueArn`,
    });
    expect(r.status, r.text).toBe(200);
    expect(parseXml(r.text).GetQueueAttributesResponse.GetQueueAttributesResult.Attribute).toEqual([
      { Name: 'QueueArn', Value: `arn:aws:sqs:us-east-1:${ACCOUNT}:${name}` },
    ]);
  });

  it('a query POST to /<account>/<queue> without a QueueUrl parameter acts on the queue the path names', async () => {
    const name = uniqueName('path');
    await createQueueJson(name);
    const other = uniqueName('path-other');
    await createQueueJson(other);
    const sent = await query(
      { Action: 'SendMessage', MessageBody: 'via-path' },
      { path: `/${ACCOUNT}/${name}` },
    );
    expect(sent.status, sent.text).toBe(200);
    expect(parseXml(sent.text).SendMessageResponse.SendMessageResult.MD5OfMessageBody).toBe(
      md5('via-path'),
    );

    const elsewhere = await query({ Action: 'ReceiveMessage' }, { path: `/${ACCOUNT}/${other}` });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.text).not.toContain('via-path');

    const received = await query({ Action: 'ReceiveMessage' }, { path: `/${ACCOUNT}/${name}` });
    expect(received.status).toBe(200);
    expect(
      parseXml(received.text).ReceiveMessageResponse.ReceiveMessageResult.Message[0].Body,
    ).toBe('via-path');
  });

  it('a QueueUrl parameter overrides the queue named by the path (AWS test_overwrite_queue_url_in_params)', async () => {
    const first = uniqueName('ovr1');
    await createQueueJson(first);
    const second = uniqueName('ovr2');
    const secondUrl = await createQueueJson(second);
    const r = await query(
      { Action: 'GetQueueAttributes', QueueUrl: secondUrl, 'AttributeName.1': 'QueueArn' },
      { path: `/${ACCOUNT}/${first}` },
    );
    expect(r.status, r.text).toBe(200);
    expect(r.text).toContain(`:${second}<`);
    expect(r.text).not.toContain(first);
  });

  it('the JSON protocol also works when POSTed to the queue URL path', async () => {
    const name = uniqueName('jpath');
    const url = await createQueueJson(name);
    const sent = await json(
      'SendMessage',
      { QueueUrl: url, MessageBody: 'json-via-path' },
      { path: `/${ACCOUNT}/${name}` },
    );
    expect(sent.status, sent.text).toBe(200);
    expect(parseJson(sent).MD5OfMessageBody).toBe(md5('json-via-path'));
    const received = await json(
      'ReceiveMessage',
      { QueueUrl: url },
      { path: `/${ACCOUNT}/${name}` },
    );
    expect(received.status).toBe(200);
    expect(parseJson(received).Messages[0].Body).toBe('json-via-path');
  });
});

describe('malformed requests get 4xx AWS errors, never 500', () => {
  it('an unknown query Action is 400 InvalidAction "The action FooBar is not valid for this endpoint."', async () => {
    const r = await query({ Action: 'FooBar' });
    expect(r.status).toBe(400);
    expect(parseXml(r.text).ErrorResponse.Error).toMatchObject({
      Type: 'Sender',
      Code: 'InvalidAction',
      Message: 'The action FooBar is not valid for this endpoint.',
    });
  });

  it('an unknown JSON X-Amz-Target operation is 400 UnknownOperationException', async () => {
    const r = await json('FooBar', {});
    expect(r.status).toBe(400);
    const body = parseJson(r);
    expect(body.__type).toMatch(/UnknownOperationException$/);
    expect(typeof body.message).toBe('string');
  });

  it('a JSON body that does not parse is 400 SerializationException', async () => {
    const r = await http({
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AmazonSQS.CreateQueue',
      },
      body: '{"QueueName": ',
    });
    expect(r.status).toBe(400);
    expect(parseJson(r).__type).toMatch(/SerializationException$/);
  });

  it('a missing required parameter is MissingParameter "The request must contain the parameter QueueName." (query)', async () => {
    const r = await query({ Action: 'CreateQueue' });
    expect(r.status).toBe(400);
    expect(parseXml(r.text).ErrorResponse.Error).toMatchObject({
      Type: 'Sender',
      Code: 'MissingParameter',
      Message: 'The request must contain the parameter QueueName.',
    });
  });

  it('a missing required parameter is MissingParameter "The request must contain the parameter QueueName." (JSON)', async () => {
    const r = await json('CreateQueue', {});
    expect(r.status).toBe(400);
    expect(parseJson(r)).toEqual({
      __type: `${NS}MissingRequiredParameterException`,
      message: 'The request must contain the parameter QueueName.',
    });
    expect(r.headers['x-amzn-query-error']).toBe('MissingParameter;Sender');
  });

  it('a query action with its required parameter missing on a queue URL (SendMessage, no MessageBody) names the parameter', async () => {
    const name = uniqueName('miss');
    await createQueueJson(name);
    const r = await http({ method: 'GET', path: `/${ACCOUNT}/${name}?Action=SendMessage` });
    expect(r.status).toBe(400);
    expect(parseXml(r.text).ErrorResponse.Error).toMatchObject({
      Type: 'Sender',
      Code: 'MissingParameter',
      Message: 'The request must contain the parameter MessageBody.',
    });
  });

  it('a query number parameter that is not a number (MaxNumberOfMessages=abc) is a 400 Sender error', async () => {
    const url = await createQueueJson(uniqueName('typo'));
    const r = await query({ Action: 'ReceiveMessage', QueueUrl: url, MaxNumberOfMessages: 'abc' });
    expect(r.status).toBe(400);
    const error = parseXml(r.text).ErrorResponse.Error;
    expect(error.Type).toBe('Sender');
    expect(error.Code).toMatch(/\S/);
  });

  it.each([
    ['a string for an integer', { MaxNumberOfMessages: 'abc' }],
    ['a number for a string', { QueueUrl: 42 }],
    ['a string for a list', { MessageAttributeNames: 'All' }],
  ])('a JSON member of the wrong type (%s) is a 400 error with a __type', async (_what, patch) => {
    const url = await createQueueJson(uniqueName('jtypo'));
    const r = await json('ReceiveMessage', { QueueUrl: url, ...patch });
    expect(r.status).toBe(400);
    expect(parseJson(r).__type).toMatch(/\S/);
    expect(r.headers['x-amzn-query-error']).toMatch(/;Sender$/);
  });
});

describe('account and region come from the SigV4 credential scope', () => {
  const account = '123456789012';

  it.each(['json', 'query'] as const)(
    'a queue created over %s with a eu-west-1 scope and a 12-digit access key lives in that account and region',
    async (protocol) => {
      const name = uniqueName(`sig-${protocol}`);
      const scope = sigv4(account, 'eu-west-1');
      let url: string;
      let arn: string;
      if (protocol === 'json') {
        url = await createQueueJson(name, scope);
        const attrs = await json(
          'GetQueueAttributes',
          { QueueUrl: url, AttributeNames: ['QueueArn'] },
          { headers: scope },
        );
        expect(attrs.status, attrs.text).toBe(200);
        arn = parseJson(attrs).Attributes.QueueArn as string;
      } else {
        const created = await query({ Action: 'CreateQueue', QueueName: name }, { headers: scope });
        expect(created.status, created.text).toBe(200);
        url = parseXml(created.text).CreateQueueResponse.CreateQueueResult.QueueUrl as string;
        const attrs = await query(
          { Action: 'GetQueueAttributes', QueueUrl: url, 'AttributeName.1': 'QueueArn' },
          { headers: scope },
        );
        expect(attrs.status, attrs.text).toBe(200);
        arn = parseXml(attrs.text).GetQueueAttributesResponse.GetQueueAttributesResult.Attribute[0]
          .Value as string;
      }
      expect(url).toBe(`http://127.0.0.1:${port}/${account}/${name}`);
      expect(arn).toBe(`arn:aws:sqs:eu-west-1:${account}:${name}`);
    },
  );

  it('a queue created in eu-west-1 is listed there and not by ListQueues in us-east-1 nor in the default account', async () => {
    const name = uniqueName('region');
    const url = await createQueueJson(name, sigv4(account, 'eu-west-1'));

    const list = async (headers?: Record<string, string>): Promise<string[]> => {
      const r = await json('ListQueues', { QueueNamePrefix: name }, { headers });
      expect(r.status, r.text).toBe(200);
      return (parseJson(r).QueueUrls as string[] | undefined) ?? [];
    };
    expect(await list(sigv4(account, 'eu-west-1'))).toEqual([url]);
    expect(await list(sigv4(account, 'us-east-1'))).toEqual([]);
    expect(await list()).toEqual([]);

    const elsewhere = await json(
      'GetQueueAttributes',
      { QueueUrl: url, AttributeNames: ['QueueArn'] },
      { headers: sigv4(account, 'us-east-1') },
    );
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers['x-amzn-query-error']).toBe(
      'AWS.SimpleQueueService.NonExistentQueue;Sender',
    );
  });

  it('an access key that is not 12 digits leaves the default account (000000000000) but the scope still names the region', async () => {
    const name = uniqueName('akid');
    const scope = sigv4('AKIAIOSFODNN7EXAMPLE', 'ap-southeast-2');
    const url = await createQueueJson(name, scope);
    expect(url).toBe(`http://127.0.0.1:${port}/${ACCOUNT}/${name}`);
    const attrs = await json(
      'GetQueueAttributes',
      { QueueUrl: url, AttributeNames: ['QueueArn'] },
      { headers: scope },
    );
    expect(parseJson(attrs).Attributes.QueueArn).toBe(
      `arn:aws:sqs:ap-southeast-2:${ACCOUNT}:${name}`,
    );
  });
});

describe('queue URLs are built from the request Host header', () => {
  const host = 'sqs.example.internal:9324';

  it('CreateQueue, GetQueueUrl and ListQueues over JSON return URLs on the Host the client used', async () => {
    const name = uniqueName('host');
    const headers = { host };
    const created = await json('CreateQueue', { QueueName: name }, { headers });
    expect(parseJson(created).QueueUrl).toBe(`http://${host}/${ACCOUNT}/${name}`);
    const got = await json('GetQueueUrl', { QueueName: name }, { headers });
    expect(parseJson(got).QueueUrl).toBe(`http://${host}/${ACCOUNT}/${name}`);
    const listed = await json('ListQueues', { QueueNamePrefix: name }, { headers });
    expect(parseJson(listed).QueueUrls).toEqual([`http://${host}/${ACCOUNT}/${name}`]);
    // The same queue seen through the direct address.
    const direct = await json('GetQueueUrl', { QueueName: name });
    expect(parseJson(direct).QueueUrl).toBe(`http://127.0.0.1:${port}/${ACCOUNT}/${name}`);
  });

  it('CreateQueue over query returns a URL on the Host the client used, and that URL is usable', async () => {
    const name = uniqueName('hostq');
    const created = await query(
      { Action: 'CreateQueue', QueueName: name },
      { headers: { host: 'localhost.localdomain:4566' } },
    );
    const url = parseXml(created.text).CreateQueueResponse.CreateQueueResult.QueueUrl as string;
    expect(url).toBe(`http://localhost.localdomain:4566/${ACCOUNT}/${name}`);
    const sent = await json('SendMessage', { QueueUrl: url, MessageBody: 'any-host' });
    expect(sent.status, sent.text).toBe(200);
  });
});

describe('XML escaping in query replies', () => {
  const body = 'a<b & "c" \'d\' >e\r\nf\rg';

  it('a body with <, &, ", \' and CR round-trips through a query ReceiveMessage, with CR written as &#xD;', async () => {
    const name = uniqueName('esc');
    const url = await createQueueJson(name);
    const sent = await json('SendMessage', { QueueUrl: url, MessageBody: body });
    expect(sent.status, sent.text).toBe(200);
    expect(parseJson(sent).MD5OfMessageBody).toBe(md5(body));

    const r = await query({ Action: 'ReceiveMessage', QueueUrl: url });
    expect(r.status, r.text).toBe(200);
    expect(r.text).not.toContain('\r');
    expect(r.text).toContain('&#xD;');
    expect(r.text).toContain('&lt;b &amp; ');
    const message = parseXml(r.text).ReceiveMessageResponse.ReceiveMessageResult.Message[0];
    expect(message.Body).toBe(body);
    expect(message.MD5OfBody).toBe(md5(body));
  });

  it('the same body sent over query is stored intact (received over JSON)', async () => {
    const url = await createQueueJson(uniqueName('esc2'));
    const sent = await query({ Action: 'SendMessage', QueueUrl: url, MessageBody: body });
    expect(sent.status, sent.text).toBe(200);
    const received = await json('ReceiveMessage', { QueueUrl: url });
    expect(parseJson(received).Messages[0].Body).toBe(body);
  });

  it('message attribute values are escaped the same way', async () => {
    const url = await createQueueJson(uniqueName('esc3'));
    await json('SendMessage', {
      QueueUrl: url,
      MessageBody: 'x',
      MessageAttributes: { note: { DataType: 'String', StringValue: body } },
    });
    const r = await query({
      Action: 'ReceiveMessage',
      QueueUrl: url,
      'MessageAttributeName.1': 'All',
    });
    expect(r.text).not.toContain('\r');
    const attr = parseXml(r.text).ReceiveMessageResponse.ReceiveMessageResult.Message[0]
      .MessageAttribute[0];
    expect(attr).toMatchObject({ Name: 'note', Value: { DataType: 'String', StringValue: body } });
  });
});

// ---------------------------------------------------------------------------------------------
// MD5OfMessageAttributes, computed here independently per the reference (§1.6): names sorted by
// bytes; for each, u32be length + UTF-8 name, u32be length + UTF-8 data type, then transport byte
// 1 and u32be length + UTF-8 value (String, Number and their custom types) or 2 and u32be length
// + raw bytes (Binary); MD5 hex of the whole.

interface Attr {
  DataType: string;
  StringValue?: string;
  BinaryValue?: Buffer;
}

function expectedAttributesMd5(attrs: Record<string, Attr>): string {
  const u32 = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const lp = (b: Buffer): Buffer => Buffer.concat([u32(b.length), b]);
  const names = Object.keys(attrs).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const parts: Buffer[] = [];
  for (const name of names) {
    const a = attrs[name]!;
    parts.push(lp(Buffer.from(name, 'utf8')), lp(Buffer.from(a.DataType, 'utf8')));
    if (a.StringValue !== undefined)
      parts.push(Buffer.from([1]), lp(Buffer.from(a.StringValue, 'utf8')));
    else parts.push(Buffer.from([2]), lp(a.BinaryValue!));
  }
  return md5(Buffer.concat(parts));
}

function jsonAttrs(attrs: Record<string, Attr>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attrs).map(([n, a]) => [
      n,
      a.BinaryValue ? { DataType: a.DataType, BinaryValue: a.BinaryValue.toString('base64') } : a,
    ]),
  );
}

function queryAttrs(attrs: Record<string, Attr>): Record<string, string> {
  const out: Record<string, string> = {};
  Object.entries(attrs).forEach(([n, a], i) => {
    const p = `MessageAttribute.${i + 1}`;
    out[`${p}.Name`] = n;
    out[`${p}.Value.DataType`] = a.DataType;
    if (a.BinaryValue) out[`${p}.Value.BinaryValue`] = a.BinaryValue.toString('base64');
    else out[`${p}.Value.StringValue`] = a.StringValue!;
  });
  return out;
}

describe('MD5OfMessageAttributes', () => {
  it('the independent implementation reproduces the published vector (attribName1 String "attribValue 1")', () => {
    expect(
      expectedAttributesMd5({ attribName1: { DataType: 'String', StringValue: 'attribValue 1' } }),
    ).toBe('19e27d4e946b072f3f58da80d94fd778');
  });

  const cases: [string, Record<string, Attr>][] = [
    ['String', { greeting: { DataType: 'String', StringValue: 'héllo wörld ✓' } }],
    ['Number', { amount: { DataType: 'Number', StringValue: '-12.5e3' } }],
    [
      'Binary',
      { blob: { DataType: 'Binary', BinaryValue: Buffer.from([0, 1, 2, 127, 128, 255]) } },
    ],
    [
      'String custom type',
      { kind: { DataType: 'String.uuid', StringValue: '0f8fad5b-d9cb-469f-a165-70867728950e' } },
    ],
    ['Number custom type', { ratio: { DataType: 'Number.float', StringValue: '3.14159' } }],
    [
      'Binary custom type',
      { image: { DataType: 'Binary.gif', BinaryValue: Buffer.from('GIF89a', 'latin1') } },
    ],
    [
      'several types, sent out of name order',
      {
        zeta: { DataType: 'String', StringValue: 'last' },
        Alpha: { DataType: 'Number', StringValue: '1' },
        alpha: { DataType: 'Binary', BinaryValue: Buffer.from('bytes') },
        'a.b-c_d': { DataType: 'String.x', StringValue: 'dotted' },
      },
    ],
  ];

  it.each(cases)(
    'SendMessage over JSON returns the AWS digest for %s attributes',
    async (_what, attrs) => {
      const url = await createQueueJson(uniqueName('md5j'));
      const r = await json('SendMessage', {
        QueueUrl: url,
        MessageBody: 'body',
        MessageAttributes: jsonAttrs(attrs),
      });
      expect(r.status, r.text).toBe(200);
      expect(parseJson(r)).toMatchObject({
        MD5OfMessageBody: md5('body'),
        MD5OfMessageAttributes: expectedAttributesMd5(attrs),
      });
    },
  );

  it.each(cases)(
    'SendMessage over query returns the AWS digest for %s attributes',
    async (_what, attrs) => {
      const url = await createQueueJson(uniqueName('md5q'));
      const r = await query({
        Action: 'SendMessage',
        QueueUrl: url,
        MessageBody: 'body',
        ...queryAttrs(attrs),
      });
      expect(r.status, r.text).toBe(200);
      expect(parseXml(r.text).SendMessageResponse.SendMessageResult).toMatchObject({
        MD5OfMessageBody: md5('body'),
        MD5OfMessageAttributes: expectedAttributesMd5(attrs),
      });
    },
  );

  it('ReceiveMessage digests the attributes it returns: all of them with All, only the selected ones with a filter', async () => {
    const attrs = cases.at(-1)![1];
    const url = await createQueueJson(uniqueName('md5r'));
    await json('SendMessage', {
      QueueUrl: url,
      MessageBody: 'body',
      MessageAttributes: jsonAttrs(attrs),
    });

    const all = await json('ReceiveMessage', {
      QueueUrl: url,
      MessageAttributeNames: ['All'],
      VisibilityTimeout: 0,
    });
    expect(parseJson(all).Messages[0].MD5OfMessageAttributes).toBe(expectedAttributesMd5(attrs));

    const some = await json('ReceiveMessage', {
      QueueUrl: url,
      MessageAttributeNames: ['zeta', 'alpha'],
      VisibilityTimeout: 0,
    });
    const message = parseJson(some).Messages[0];
    expect(Object.keys(message.MessageAttributes).sort()).toEqual(['alpha', 'zeta']);
    expect(message.MD5OfMessageAttributes).toBe(
      expectedAttributesMd5({ zeta: attrs.zeta!, alpha: attrs.alpha! }),
    );
  });

  it('a message without attributes has no MD5OfMessageAttributes', async () => {
    const url = await createQueueJson(uniqueName('md5n'));
    const r = await json('SendMessage', { QueueUrl: url, MessageBody: 'plain' });
    expect(parseJson(r)).not.toHaveProperty('MD5OfMessageAttributes');
  });
});
