// Payload limits and renderings shared by the states.

/** AWS's payload quota: 256 KiB of UTF-8 for any state or execution input and output. */
export const MAX_PAYLOAD_BYTES = 262_144;

const encoder = new TextEncoder();

/** UTF-8 size; most payloads are small, so only measure precisely when it could matter. */
export function byteLength(text: string): number {
  if (text.length * 3 <= MAX_PAYLOAD_BYTES) return text.length;
  return encoder.encode(text).length;
}

/** Context-object times: ISO 8601 with milliseconds, in UTC. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

