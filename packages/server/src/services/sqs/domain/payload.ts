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

const PLAIN = 0;
const AES_256_GCM = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface Packed {
  b: string;
  a?: Record<string, StoredMessageAttribute>;
  s?: Record<string, StoredMessageAttribute>;
}

export function encodePayload(content: MessageContent, key: Buffer | undefined): Buffer {
  const packed: Packed = { b: content.body };
  if (content.attributes) packed.a = content.attributes;
  if (content.systemAttributes) packed.s = content.systemAttributes;
  const json = Buffer.from(JSON.stringify(packed), 'utf8');
  if (!key) return Buffer.concat([Buffer.from([PLAIN]), json]);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(json), cipher.final()]);
  return Buffer.concat([Buffer.from([AES_256_GCM]), iv, cipher.getAuthTag(), sealed]);
}

export function decodePayload(payload: Uint8Array, key: Buffer): MessageContent {
  const buf = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  let json: Buffer;
  if (buf[0] === PLAIN) {
    json = buf.subarray(1);
  } else if (buf[0] === AES_256_GCM) {
    const iv = buf.subarray(1, 1 + IV_BYTES);
    const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    json = Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } else {
    throw new Error(`unknown message payload format ${String(buf[0])}`);
  }
  const packed = JSON.parse(json.toString('utf8')) as Packed;
  return { body: packed.b, attributes: packed.a ?? null, systemAttributes: packed.s ?? null };
}
