// A raw Step Functions client: node:http with a keep-alive Agent, speaking AWS JSON 1.0 as the SDK
// does (`POST /`, `content-type: application/x-amz-json-1.0`, `x-amz-target:
// AWSStepFunctions.<Op>`, a SigV4-shaped Authorization header whose credential scope names
// `states`; Tributary does not verify signatures yet). `call(operation, input) → output` throws a
// CallError on any non-200 reply or unparseable body. The Host header is the endpoint's, as the
// SDK sends it with `disableHostPrefix: true` (without it, StartSyncExecution goes to
// `sync-<host>`, which does not resolve for 127.0.0.1).
import http from 'node:http';
import { CallError } from './sqs-clients.mjs';

function amzDate(d = new Date()) {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function createSfnRawClient(endpoint, { maxSockets = 16, timeoutMs = 30_000 } = {}) {
  const url = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const date = amzDate();
  const authorization =
    `AWS4-HMAC-SHA256 Credential=test/${date.slice(0, 8)}/us-east-1/states/aws4_request, ` +
    'SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-target, ' +
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
            'x-amz-target': `AWSStepFunctions.${operation}`,
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

  return { call, close: () => agent.destroy() };
}
