// What the store keeps of a message's content: body and attributes in one opaque payload,
// encrypted with AES-256-GCM when the queue has server-side encryption (SSE-SQS or SSE-KMS).
// The first byte says which, so a message moved between queues stays readable either way.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface StoredMessageAttribute {
  DataType: string;
  StringValue?: string;
  /** base64 */
  BinaryValue?: string;
}

export interface MessageContent {
  body: string;
  attributes: Record<string, StoredMessageAttribute> | null;
  systemAttributes: Record<string, StoredMessageAttribute> | null;
}

// First byte: bit 0 = sealed with AES-256-GCM, bit 1 = the rest is the bare body (no attributes,
// so no JSON to build or parse).
const SEALED = 1;
const BODY_ONLY = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;

// GCM needs a unique IV per key: a random per-process prefix and a counter (NIST SP 800-38D's
// deterministic construction) rather than 12 fresh random bytes per message, which cost more
// than the encryption itself.
const ivPrefix = randomBytes(4);
let ivCounter = 0n;

function nextIv(): Buffer {
  const iv = Buffer.allocUnsafe(IV_BYTES);
  ivPrefix.copy(iv, 0);
  iv.writeBigUInt64BE(ivCounter, 4);
  ivCounter = (ivCounter + 1n) & 0xffff_ffff_ffff_ffffn;
  return iv;
}

interface Packed {
  b: string;
  a?: Record<string, StoredMessageAttribute>;
  s?: Record<string, StoredMessageAttribute>;
}

export function encodePayload(content: MessageContent, key: Buffer | undefined): Buffer {
  const bodyOnly = !content.attributes && !content.systemAttributes;
  let data: Buffer;
  if (bodyOnly) {
    data = Buffer.from(content.body, 'utf8');
  } else {
    const packed: Packed = { b: content.body };
    if (content.attributes) packed.a = content.attributes;
    if (content.systemAttributes) packed.s = content.systemAttributes;
    data = Buffer.from(JSON.stringify(packed), 'utf8');
  }
  const flags = bodyOnly ? BODY_ONLY : 0;
  if (!key) return Buffer.concat([Buffer.from([flags]), data]);
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([Buffer.from([flags | SEALED]), iv, cipher.getAuthTag(), sealed]);
}

export function decodePayload(payload: Uint8Array, key: Buffer): MessageContent {
  const buf = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  const flags = buf[0] ?? 0;
  if (flags > (SEALED | BODY_ONLY)) throw new Error(`unknown message payload format ${flags}`);
  let data: Buffer;
  if (flags & SEALED) {
    const iv = buf.subarray(1, 1 + IV_BYTES);
    const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    data = Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } else {
    data = buf.subarray(1);
  }
  if (flags & BODY_ONLY) return { body: data.toString('utf8'), attributes: null, systemAttributes: null };
  const packed = JSON.parse(data.toString('utf8')) as Packed;
  return { body: packed.b, attributes: packed.a ?? null, systemAttributes: packed.s ?? null };
}
