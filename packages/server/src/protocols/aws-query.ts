// The AWS query protocol: form-encoded (or GET query string) requests, XML replies.
import { decodeQueryInput } from './input.js';
import { resolve, structure, type ServiceModel, type ShapeRef } from './model.js';
import { escapeXml } from './xml.js';
import type { AwsError } from './errors.js';

export function parseQueryParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(text)) params.set(k, v);
  return params;
}

export { decodeQueryInput };

export function encodeQueryResponse(model: ServiceModel, operation: string, output: unknown, requestId: string): string {
  const outName = model.operations[operation]?.output ?? null;
  let result = '';
  if (outName) {
    const body = encodeStructure(model, outName, (output ?? {}) as Record<string, unknown>);
    result = `<${operation}Result>${body}</${operation}Result>`;
  }
  return (
    `<?xml version="1.0"?><${operation}Response xmlns="${model.xmlNamespace}">${result}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`
  );
}

/** SQS adds an empty <Detail/> to its errors; SNS does not. */
export function encodeQueryError(model: ServiceModel, error: AwsError, requestId: string, detail = true): string {
  return (
    `<?xml version="1.0"?><ErrorResponse xmlns="${model.xmlNamespace}"><Error><Type>${error.fault}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>${detail ? '<Detail/>' : ''}</Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

function encodeStructure(model: ServiceModel, name: string, value: Record<string, unknown>): string {
  const shape = structure(model, name);
  let out = '';
  for (const [member, ref] of Object.entries(shape.members)) {
    const v = value[member];
    if (v === undefined || v === null) continue;
    out += encodeMember(model, ref, ref.xmlName ?? member, v);
  }
  return out;
}

function encodeMember(model: ServiceModel, ref: ShapeRef, tag: string, v: unknown): string {
  const r = resolve(model, ref);
  switch (r.kind) {
    case 'structure':
      return `<${tag}>${encodeStructure(model, r.name, v as Record<string, unknown>)}</${tag}>`;
    case 'list': {
      const items = v as unknown[];
      if (r.flattened) return items.map((item) => encodeMember(model, r.member, tag, item)).join('');
      const memberTag = r.member.xmlName ?? 'member';
      return `<${tag}>${items.map((item) => encodeMember(model, r.member, memberTag, item)).join('')}</${tag}>`;
    }
    case 'map': {
      const keyTag = r.key.xmlName ?? 'key';
      const valueTag = r.value.xmlName ?? 'value';
      const entries = Object.entries(v as Record<string, unknown>).map(
        ([k, item]) => `<${keyTag}>${escapeXml(k)}</${keyTag}>${encodeMember(model, r.value, valueTag, item)}`,
      );
      if (r.flattened) return entries.map((e) => `<${tag}>${e}</${tag}>`).join('');
      return `<${tag}>${entries.map((e) => `<entry>${e}</entry>`).join('')}</${tag}>`;
    }
    case 'scalar':
      return `<${tag}>${escapeXml(scalarText(v))}</${tag}>`;
  }
}

function scalarText(v: unknown): string {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (v instanceof Date) return v.toISOString();
  return String(v);
}
