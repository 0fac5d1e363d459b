// Two SQS clients with one interface, `call(operation, input) → output`, that throw on any error:
// - raw: node:http with a keep-alive Agent, speaking AWS JSON 1.0 as the SDK does (same headers
//   and JSON bodies; a fixed SigV4-shaped Authorization header, since Tributary does not verify
//   signatures yet). Cheap enough on the client to measure the server.
// - sdk: @aws-sdk/client-sqs v3 (what applications use; ~2.1k calls/s per process on this machine).
import http from 'node:http';

export class CallError extends Error {
  constructor(kind, message, status) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

function amzDate(d = new Date()) {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * A raw AWS JSON 1.0 client for one service: `target` is the X-Amz-Target prefix, `signingName`
 * the service in the credential scope, `headers` any extra header the SDK sends.
 */
export function createJsonClient(endpoint, { target, signingName, headers = {}, maxSockets = 16, timeoutMs = 30_000 }) {
  const url = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const date = amzDate();
  const signed = ['content-length', 'content-type', 'host', 'x-amz-date', 'x-amz-target', ...Object.keys(headers)].sort();
  const authorization =
    `AWS4-HMAC-SHA256 Credential=test/${date.slice(0, 8)}/us-east-1/${signingName}/aws4_request, ` +
    `SignedHeaders=${signed.join(';')}, ` +
    `Signature=${'0'.repeat(64)}`;

  function call(operation, input) {
    const body = JSON.stringify(input);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/',
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'x-amz-target': `${target}.${operation}`,
            ...headers,
            'x-amz-date': date,
            authorization,
            'content-length': Buffer.byteLength(body),
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('error', (err) => reject(new CallError('network', err.message)));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) {
              let code = `HTTP ${res.statusCode}`;
              try {
                code = `HTTP ${res.statusCode} ${JSON.parse(text).__type ?? ''}`.trim();
              } catch {
                // not JSON
              }
              reject(new CallError('http', `${operation}: ${code}: ${text.slice(0, 300)}`, res.statusCode));
              return;
            }
            try {
              resolve(JSON.parse(text));
            } catch {
              reject(new CallError('invalid', `${operation}: reply is not JSON: ${text.slice(0, 200)}`, res.statusCode));
            }
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${operation}: no reply within ${timeoutMs} ms`)));
      req.on('error', (err) => reject(new CallError('network', `${operation}: ${err.message}`)));
      req.end(body);
    });
  }
  return { kind: 'raw', call, close: () => agent.destroy() };
}

export function createRawClient(endpoint, { maxSockets = 16, timeoutMs = 30_000 } = {}) {
  return createJsonClient(endpoint, {
    target: 'AmazonSQS',
    signingName: 'sqs',
    headers: { 'x-amzn-query-mode': 'true' },
    maxSockets,
    timeoutMs,
  });
}

export async function createSdkClient(endpoint, { maxSockets = 16, timeoutMs = 30_000 } = {}) {
  const sqs = await import('@aws-sdk/client-sqs');
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const client = new sqs.SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1, // a retry would hide an error from the count
    requestHandler: { httpAgent: agent, requestTimeout: timeoutMs },
  });
  const commands = {};
  async function call(operation, input) {
    const Command = (commands[operation] ??= sqs[`${operation}Command`]);
    if (!Command) throw new CallError('invalid', `no SDK command for ${operation}`);
    try {
      return await client.send(new Command(input));
    } catch (err) {
      const status = err?.$metadata?.httpStatusCode;
      throw new CallError(status ? 'http' : 'network', `${operation}: ${err?.name ?? 'Error'}: ${err?.message ?? err}`, status);
    }
  }
  return {
    kind: 'sdk',
    call,
    close: () => {
      client.destroy();
      agent.destroy();
    },
  };
}
