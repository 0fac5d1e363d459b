// AWS JSON 1.0/1.1: X-Amz-Target names the operation, JSON in and out.
import type { AwsError } from './errors.js';
import type { ServiceModel } from './model.js';

export { decodeJsonInput } from './input.js';

// Timestamps go out as epoch seconds with fractional milliseconds, the AWS JSON protocols' default
// format. JSON.stringify hands a replacer the Date's toJSON() text, so the original is read from
// the holder (`this`).
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return raw.getTime() / 1000;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)) {
    return Buffer.from((value as { data: number[] }).data).toString('base64');
  }
  return value;
}

export function encodeJsonResponse(output: unknown): string {
  return JSON.stringify(output ?? {}, replacer);
}

export function encodeJsonError(model: ServiceModel, error: AwsError): { body: string; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  if (model.awsQueryCompatible) headers['x-amzn-query-error'] = `${error.code};${error.fault}`;
  const body = JSON.stringify({ __type: `${model.namespace}#${error.type}`, message: error.message });
  return { body, headers };
}
