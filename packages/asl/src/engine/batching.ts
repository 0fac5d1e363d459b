// ItemBatcher: a Distributed Map's items grouped into batches of `{ BatchInput?, Items }`, bounded by
// an item count and a byte size (measured as the items' JSON text).

import { toJsonText, type JsonObject, type JsonValue } from '../paths/json.js';
import { byteLength } from './payload.js';

export function batchItems(items: readonly JsonValue[], maxItems: number, maxBytes: number, batchInput: JsonValue | undefined): JsonValue[] {
  const batches: JsonValue[] = [];
  let current: JsonValue[] = [];
  let bytes = 0;
  const flush = (): void => {
    const batch: JsonObject = {};
    if (batchInput !== undefined) batch['BatchInput'] = batchInput;
    batch['Items'] = current;
    batches.push(batch);
    current = [];
    bytes = 0;
  };
  for (const item of items) {
    const size = byteLength(toJsonText(item));
    if (current.length > 0 && (current.length >= maxItems || bytes + size > maxBytes)) flush();
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) flush();
  return batches;
}
