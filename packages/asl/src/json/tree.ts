// The tree ObjectMapper.readTree builds, with what its callers need to see of the text: an object
// keeps every member in order, duplicates included (so a duplicated state name can be told apart),
// and a map where, as in Jackson's ObjectNode, a duplicated key keeps its first position and its
// last value; a number keeps its text and whether it was written as an integer.

import { setOwn, type JsonValue } from '../paths/json.js';

export type JsonNode =
  | JsonObjectNode
  | { readonly kind: 'array'; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly value: string }
  /** integer: written without fraction or exponent (Jackson's IntNode/LongNode/BigIntegerNode). */
  | {
      readonly kind: 'number';
      readonly value: number;
      readonly integer: boolean;
      readonly text: string;
    }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' };

export interface JsonObjectNode {
  readonly kind: 'object';
  readonly entries: ReadonlyArray<readonly [string, JsonNode]>;
  readonly map: ReadonlyMap<string, JsonNode>;
}

/**
 * The node as a plain value, as Jackson's tree reads: a duplicated key gives its last value at its
 * first position, "__proto__" is an ordinary key, and -0 is 0 (the value model has no negative zero:
 * an integer "-0" is Jackson's 0, and toJsonText writes a double -0.0 as 0 anyway).
 */
export function toJsonValue(node: JsonNode): JsonValue {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, JsonValue> = {};
      for (const [key, value] of node.map) setOwn(out, key, toJsonValue(value));
      return out;
    }
    case 'array':
      return node.items.map(toJsonValue);
    case 'number':
      return node.value === 0 ? 0 : node.value;
    case 'null':
      return null;
    default:
      return node.value;
  }
}
