// AWS JSON 1.0/1.1: X-Amz-Target names the operation, JSON in and out.
import type { AwsError } from './errors.js';
import type { ServiceModel } from './model.js';

export { decodeJsonInput } from './input.js';

// Timestamps go out as epoch seconds with fractional milliseconds, the AWS JSON protocols' default
// format, and blobs as base64. The output is walked once beforehand (copying only what changes)
// rather than through a JSON.stringify replacer, which costs a call per value on every reply.
function prepare(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const prepared = prepare(item);
      if (prepared !== item) {
        out ??= value.slice();
        out[i] = prepared;
      }
    }
    return out ?? value;
  }
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const prepared = prepare(item);
    if (prepared !== item) {
      out ??= { ...record };
      out[key] = prepared;
    }
  }
  return out ?? value;
}

export function encodeJsonResponse(output: unknown): string {
  return JSON.stringify(prepare(output ?? {}));
}

export function encodeJsonError(model: ServiceModel, error: AwsError): { body: string; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  if (model.awsQueryCompatible) headers['x-amzn-query-error'] = `${error.code};${error.fault}`;
  const body = JSON.stringify({ __type: `${model.namespace}#${error.type}`, message: error.message });
  return { body, headers };
}
