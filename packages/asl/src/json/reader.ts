// JSON text read the way AWS's Java services read it: Jackson's ObjectMapper.readTree over a String
// (ReaderBasedJsonParser), failing where Jackson fails, with its words and its line and column, so
// that the messages AWS passes on (ValidateStateMachineDefinition's INVALID_JSON_DESCRIPTION,
// States.StringToJson's cause, SNS's "failed to parse JSON.") come out the same. Only the first
// value is read: anything after it is ignored, as readTree ignores it.

import { isDigit, isJavaIdentifierStart } from './chars.js';
import { invalidNumberStart, readSignedNumber, readUnsignedNumber } from './numbers.js';
import { Ctx, Scanner, VALID_VALUES } from './scanner.js';
import { readName, readString } from './strings.js';
import type { JsonNode } from './tree.js';

export interface ReadJsonOptions {
  /**
   * StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION: locations quote the text (`(String)"..."`, at most
   * 500 characters) instead of `REDACTED (...)`. Step Functions' definition validation has it on;
   * Jackson's default since 2.16 (SNS, States.StringToJson) is off.
   */
  readonly includeSource?: boolean;
}

/**
 * ObjectMapper.readTree(text): the tree, or undefined when the text holds no value at all (readTree's
 * MissingNode). Throws a JsonReadError whose message is Jackson's.
 */
export function readJsonTree(text: string, options: ReadJsonOptions = {}): JsonNode | undefined {
  const sc = new Scanner(text, options.includeSource === true ? text : undefined);
  const c = sc.skipWsOrEnd();
  if (c < 0) return undefined;
  if (c === 93 || c === 125) sc.mismatchedClose(c);
  sc.ctx.index++;
  return readValue(sc, c);
}

/** A value whose first character c has been consumed. */
function readValue(sc: Scanner, c: number): JsonNode {
  sc.updateLocation();
  switch (c) {
    case 34:
      return { kind: 'string', value: readString(sc) };
    case 91:
      return readArray(sc);
    case 123:
      return readObject(sc);
    case 125:
      return sc.unexpectedChar(c, 'expected a value');
    case 116:
      sc.matchToken('true', 1);
      return { kind: 'boolean', value: true };
    case 102:
      sc.matchToken('false', 1);
      return { kind: 'boolean', value: false };
    case 110:
      sc.matchToken('null', 1);
      return { kind: 'null' };
    case 45:
      return readSignedNumber(sc);
    default:
      return isDigit(c) ? readUnsignedNumber(sc, c) : oddValue(sc, c);
  }
}

function readArray(sc: Scanner): JsonNode {
  sc.push(Ctx.Array);
  const items: JsonNode[] = [];
  let c = sc.skipWsOrEnd();
  while (c !== 93) {
    if (c === 125) sc.mismatchedClose(c);
    if (++sc.ctx.index > 0) c = sc.skipComma(c);
    items.push(readValue(sc, c));
    c = sc.skipWsOrEnd();
  }
  sc.updateLocation();
  sc.pop();
  return { kind: 'array', items };
}

function readObject(sc: Scanner): JsonNode {
  sc.push(Ctx.Object);
  const entries: Array<readonly [string, JsonNode]> = [];
  const map = new Map<string, JsonNode>();
  let c = sc.skipWsOrEnd();
  while (c !== 125) {
    if (c === 93) sc.mismatchedClose(c);
    if (++sc.ctx.index > 0) c = sc.skipComma(c);
    if (c !== 34) sc.unexpectedChar(c, 'was expecting double-quote to start field name');
    const name = readName(sc);
    const value = readValue(sc, sc.skipColon());
    entries.push([name, value]);
    map.set(name, value);
    c = sc.skipWsOrEnd();
  }
  sc.updateLocation();
  sc.pop();
  return { kind: 'object', entries, map };
}

/** _handleOddValue: NaN, Infinity, a leading '+', a bare word or a character no value starts with. */
function oddValue(sc: Scanner, c: number): never {
  if (c === 78) {
    sc.matchToken('NaN', 1);
    sc.failHere(
      "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow",
    );
  }
  if (c === 73) {
    sc.matchToken('Infinity', 1);
    sc.failHere(
      "Non-standard token 'Infinity': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow",
    );
  }
  if (c === 43) {
    if (sc.ptr >= sc.len) sc.invalidEof(' in a Number value');
    invalidNumberStart(sc, sc.s.charCodeAt(sc.ptr++), false, true);
  }
  if (isJavaIdentifierStart(c)) sc.invalidToken(String.fromCharCode(c));
  sc.unexpectedChar(c, `expected a valid value ${VALID_VALUES}`);
}
