// The digests SQS returns and the SDKs verify: MD5 of the body, and MD5 of the message
// attributes over AWS's length-prefixed, name-sorted encoding.
import { createHash } from 'node:crypto';
import type { StoredMessageAttribute } from './payload.js';

export function md5Hex(data: string | Uint8Array): string {
  return createHash('md5').update(data).digest('hex');
}

const STRING_TRANSPORT = 1;
const BINARY_TRANSPORT = 2;

function lengthPrefixed(hash: ReturnType<typeof createHash>, bytes: Buffer): void {
  const len = Buffer.allocUnsafe(4);
  len.writeUInt32BE(bytes.length);
  hash.update(len);
  hash.update(bytes);
}

export function md5OfMessageAttributes(attributes: Record<string, StoredMessageAttribute>): string | undefined {
  const names = Object.keys(attributes).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  if (names.length === 0) return undefined;
  const hash = createHash('md5');
  for (const name of names) {
    const a = attributes[name]!;
    lengthPrefixed(hash, Buffer.from(name, 'utf8'));
    lengthPrefixed(hash, Buffer.from(a.DataType, 'utf8'));
    if (a.StringValue !== undefined) {
      hash.update(Buffer.from([STRING_TRANSPORT]));
      lengthPrefixed(hash, Buffer.from(a.StringValue, 'utf8'));
    } else {
      hash.update(Buffer.from([BINARY_TRANSPORT]));
      lengthPrefixed(hash, Buffer.from(a.BinaryValue ?? '', 'base64'));
    }
  }
  return hash.digest('hex');
}
