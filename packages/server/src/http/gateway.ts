// The HTTP edge: one port for every service and protocol. Reads the request, finds service and
// operation, decodes and validates the input against the model, runs the handler, waits until
// what it wrote is durable, and writes AWS's reply (or AWS's error) in the request's protocol.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { decodeJsonInput, encodeJsonError, encodeJsonResponse } from '../protocols/aws-json.js';
import { decodeQueryInput, encodeQueryError, encodeQueryResponse, parseQueryParams } from '../protocols/aws-query.js';
import { detectJson, detectQuery, type Detected } from '../protocols/detect.js';
import { AwsError, CommonErrors } from '../protocols/errors.js';
import type { RequestContext, Service } from '../protocols/service.js';
import { accountFromAccessKey, credentialScope } from '../protocols/sigv4.js';

/** Large enough for a 1 MiB message batch after JSON escaping or form encoding. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface GatewayOptions {
  services: Service[];
  defaultAccount: string;
  defaultRegion: string;
  logger: Logger;
  /** Resolves once every write so far is durable. */
  barrier: () => Promise<void>;
  /** Internal endpoints under /_tributary/; true when the path was handled. */
  internal: (path: string, req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** Called once per AWS request with its outcome (for metrics). */
  observe?: (service: string, operation: string, status: number, seconds: number) => void;
}

export interface Gateway {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Aborts long polls and resolves when no request is in flight. */
  drain(): Promise<void>;
  readonly inFlight: number;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, contentType: string, body: string, requestId: string, extra: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': requestId,
    ...extra,
  });
  res.end(body);
}

export function createGateway(options: GatewayOptions): Gateway {
  const { services, logger } = options;
  const shutdown = new AbortController();
  let inFlight = 0;
  let idle: (() => void) | undefined;

  function replyError(res: ServerResponse, detected: Detected | undefined, protocol: 'json' | 'query', err: AwsError, requestId: string): void {
    const service = (detected?.service ?? services[0])!;
    const model = service.model;
    if (protocol === 'json') {
      const { body, headers } = encodeJsonError(model, err);
      send(res, err.status, 'application/x-amz-json-1.0', body, requestId, headers);
    } else {
      send(res, err.status, 'text/xml', encodeQueryError(model, err, requestId, service.queryErrorDetail ?? true), requestId);
    }
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/_tributary/') && (await options.internal(url.pathname, req, res))) return;

    const target = req.headers['x-amz-target'];
    let protocol: 'json' | 'query' = typeof target === 'string' ? 'json' : 'query';
    let detected: Detected | undefined;
    let operation = '';
    const started = performance.now();
    try {
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch (err) {
        if (err instanceof BodyTooLarge) throw new AwsError(awsTooLarge, `Request body must be at most ${MAX_BODY_BYTES} bytes.`);
        throw err;
      }
      const host = req.headers.host ?? 'localhost';
      const scheme = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
      const baseUrl = `${scheme}://${host}`;

      let params: Map<string, string> | undefined;
      if (protocol === 'json') {
        detected = detectJson(services, String(target), credentialScope(req.headers.authorization)?.service);
        if (!detected) throw new AwsError(CommonErrors.UnknownOperation, `Unknown operation ${String(target)}`);
      } else {
        params = parseQueryParams(url.search);
        const contentType = String(req.headers['content-type'] ?? '');
        if (body.length > 0 && (contentType.includes('x-www-form-urlencoded') || contentType === '')) {
          for (const [k, v] of parseQueryParams(body.toString('utf8'))) params.set(k, v);
        } else if (body.length > 0 && contentType.includes('json')) {
          throw new AwsError(CommonErrors.UnknownOperation, 'Requests in the JSON protocol must name their operation in the X-Amz-Target header.');
        }
        const scope = credentialScope(undefined, params.get('X-Amz-Credential'));
        detected = detectQuery(services, params, scope?.service ?? credentialScope(req.headers.authorization)?.service);
        if (!detected) throw new AwsError(CommonErrors.InvalidAction, 'No service handles this request.');
        if (!detected.operation) throw new AwsError(CommonErrors.MissingAction, 'The request must contain the parameter Action.');
      }
      operation = detected.operation ?? '';
      const service = detected.service;
      const handler = service.model.operations[operation] ? service.operations[operation] : undefined;
      if (!handler) {
        if (protocol === 'json') throw new AwsError(CommonErrors.UnknownOperation, `The operation ${operation} is not valid for this service.`);
        throw new AwsError(CommonErrors.InvalidAction, `The action ${operation} is not valid for this endpoint.`);
      }

      const scope = credentialScope(req.headers.authorization, params?.get('X-Amz-Credential'));
      const ctx: RequestContext = {
        requestId,
        protocol,
        account: accountFromAccessKey(scope?.accessKeyId, options.defaultAccount),
        region: scope?.region ?? options.defaultRegion,
        accessKeyId: scope?.accessKeyId,
        baseUrl,
        signal: shutdown.signal,
      };
      const shapeName = service.model.operations[operation]!.input;
      let input: Record<string, unknown>;
      if (protocol === 'json') {
        let parsed: unknown = {};
        if (body.length > 0) {
          try {
            parsed = JSON.parse(body.toString('utf8'));
          } catch {
            throw new AwsError(CommonErrors.SerializationException, 'The request body is not valid JSON.');
          }
        }
        input = decodeJsonInput(service.model, shapeName, parsed, service.decode);
      } else {
        service.queryParameterFromPath?.(url.pathname, baseUrl, params!);
        input = decodeQueryInput(service.model, shapeName, params!, service.decode);
      }

      const output = await handler(input, ctx);
      await options.barrier();
      if (protocol === 'json') {
        send(res, 200, 'application/x-amz-json-1.0', encodeJsonResponse(output), requestId);
      } else {
        send(res, 200, 'text/xml', encodeQueryResponse(service.model, operation, output, requestId), requestId);
      }
      const ms = performance.now() - started;
      options.observe?.(service.id, operation, 200, ms / 1000);
      logger.debug({ requestId, protocol, operation, status: 200, ms: +ms.toFixed(2) }, 'request');
    } catch (err) {
      const ms = performance.now() - started;
      if (err instanceof AwsError) {
        replyError(res, detected, protocol, err, requestId);
        if (detected) options.observe?.(detected.service.id, operation || 'unknown', err.status, ms / 1000);
        logger.debug({ requestId, protocol, operation, status: err.status, code: err.code, ms: +ms.toFixed(2) }, err.message);
        return;
      }
      if (detected) options.observe?.(detected.service.id, operation || 'unknown', 500, ms / 1000);
      logger.error({ err, requestId, operation }, 'request failed');
      protocol = detected?.protocol ?? protocol;
      replyError(res, detected, protocol, new AwsError(CommonErrors.InternalFailure, 'The request processing has failed because of an unknown error, exception or failure.'), requestId);
    }
  }

  return {
    handle(req, res) {
      const requestId = randomUUID();
      inFlight++;
      dispatch(req, res, requestId)
        .catch((err: unknown) => logger.error({ err }, 'unhandled request failure'))
        .finally(() => {
          inFlight--;
          if (inFlight === 0 && idle) idle();
        });
    },
    drain() {
      shutdown.abort();
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        idle = resolve;
      });
    },
    get inFlight() {
      return inFlight;
    },
  };
}

const awsTooLarge = { type: 'RequestEntityTooLarge', code: 'RequestEntityTooLarge', status: 413 } as const;
