// The 18 intrinsic functions, with the argument rules and quirks recorded against AWS:
//  - a bad argument (wrong type, wrong count, out of range) fails with "Invalid arguments in
//    States.X" (recorded for MathAdd, ArrayGetItem, ArrayUnique, StringToJson, Hash, ...);
//  - fractional integers are truncated (ArrayRange, ArrayPartition, ArrayGetItem, MathRandom),
//    except MathAdd which rounds half up (Java Math.round);
//  - MathRandom is java.util.Random: seeded `new Random(seed).nextInt(end - start) + start`
//    reproduces AWS's recorded values, the end is exclusive;
//  - StringSplit is java.util.StringTokenizer (every character a delimiter, no empty tokens);
//  - ArrayUnique keeps java.util.HashSet order, ArrayContains compares String.valueOf texts.

import { createHash } from 'node:crypto';
import { Buffer } from 'node:buffer';
import {
  isJsonObject,
  javaToString,
  setOwn,
  toJsonText,
  type JsonObject,
  type JsonValue,
} from '../paths/json.js';
import { JsonReadError } from '../json/location.js';
import { readJsonTree } from '../json/reader.js';
import { toJsonValue } from '../json/tree.js';
import { JavaRandom, javaHashSetOrder, toJavaInt, toJavaLong } from './java.js';
import type { IntrinsicArgument, IntrinsicFunctionName } from './parser.js';

/** Where States.UUID and unseeded States.MathRandom get their randomness. */
export interface RandomSource {
  /** A random (v4) UUID in canonical lower-case form. */
  uuid(): string;
  /** A number uniformly distributed in [0, 1). */
  random(): number;
}

/** Thrown by a function body; the evaluator turns it into the AWS-worded error. */
export class IntrinsicFunctionFailure extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

export interface EvaluatedArgument {
  readonly value: JsonValue;
  readonly node: IntrinsicArgument;
}

export interface FunctionEnvironment {
  readonly random?: RandomSource;
}

type IntrinsicImplementation = (args: readonly EvaluatedArgument[], env: FunctionEnvironment) => JsonValue;

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const MAX_ENCODE_LENGTH = 10000;
const MAX_RANGE_ITEMS = 1000;

function invalid(name: IntrinsicFunctionName): never {
  throw new IntrinsicFunctionFailure(`Invalid arguments in ${name}`);
}

function arity(name: IntrinsicFunctionName, args: readonly EvaluatedArgument[], min: number, max = min): void {
  if (args.length < min || args.length > max) invalid(name);
}

function value(args: readonly EvaluatedArgument[], index: number): JsonValue {
  return (args[index] as EvaluatedArgument).value;
}

function stringArg(name: IntrinsicFunctionName, args: readonly EvaluatedArgument[], index: number): string {
  const v = value(args, index);
  if (typeof v !== 'string') invalid(name);
  return v;
}

function numberArg(name: IntrinsicFunctionName, args: readonly EvaluatedArgument[], index: number): number {
  const v = value(args, index);
  if (typeof v !== 'number' || !Number.isFinite(v)) invalid(name);
  return v;
}

function arrayArg(name: IntrinsicFunctionName, args: readonly EvaluatedArgument[], index: number): JsonValue[] {
  const v = value(args, index);
  if (!Array.isArray(v)) invalid(name);
  return v;
}

function objectArg(name: IntrinsicFunctionName, args: readonly EvaluatedArgument[], index: number): JsonObject {
  const v = value(args, index);
  if (!isJsonObject(v)) invalid(name);
  return v;
}

/** Java `Math.round`: half up, toward positive infinity. */
function javaRound(v: number): number {
  return Math.floor(v + 0.5);
}

// --- States.Format -----------------------------------------------------------------------------

type TemplatePart = { readonly text: string } | { readonly placeholder: true };

/**
 * Splits a Format template into text and `{}` placeholders. `\` escapes the next character;
 * a `{` must be closed by the very next character (recorded: 'Hello {{}}' fails with
 * "matching '}' not found for '{'"), and a lone `}` fails too.
 */
export function parseFormatTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i] as string;
    if (ch === '\\' && i + 1 < template.length) {
      text += template[i + 1];
      i++;
    } else if (ch === '{') {
      if (template[i + 1] !== '}') {
        throw new IntrinsicFunctionFailure("Invalid template in States.Format: matching '}' not found for '{'.");
      }
      if (text) parts.push({ text });
      text = '';
      parts.push({ placeholder: true });
      i++;
    } else if (ch === '}') {
      throw new IntrinsicFunctionFailure("Invalid template in States.Format: matching '{' not found for '}'.");
    } else {
      text += ch;
    }
  }
  if (text) parts.push({ text });
  return parts;
}

function formatArgument(arg: EvaluatedArgument): string {
  // StringToJson yields a Jackson node, whose toString is JSON text (AWS prints a nested
  // StringToJson scalar differently from a path value: inferred, the exact text is unrecorded);
  // everything else is a plain Java value.
  if (arg.node.kind === 'call' && arg.node.call.name === 'States.StringToJson') return toJsonText(arg.value);
  if (typeof arg.value === 'string') return arg.value;
  return javaToString(arg.value);
}

const format: IntrinsicImplementation = (args) => {
  if (args.length < 1) invalid('States.Format');
  const first = args[0] as EvaluatedArgument;
  if (typeof first.value !== 'string') invalid('States.Format');
  const template = first.node.kind === 'string' ? first.node.raw : first.value;
  const parts = parseFormatTemplate(template);
  const placeholders = parts.filter((part) => 'placeholder' in part).length;
  if (placeholders !== args.length - 1) invalid('States.Format');
  let next = 1;
  return parts
    .map((part) => ('placeholder' in part ? formatArgument(args[next++] as EvaluatedArgument) : part.text))
    .join('');
};

// --- JSON ---------------------------------------------------------------------------------------

const stringToJson: IntrinsicImplementation = (args) => {
  arity('States.StringToJson', args, 1);
  const text = stringArg('States.StringToJson', args, 0);
  try {
    // readTree's MissingNode (empty or blank text) comes out as null.
    const tree = readJsonTree(text);
    return tree === undefined ? null : toJsonValue(tree);
  } catch (error) {
    if (!(error instanceof JsonReadError)) throw error;
    throw new IntrinsicFunctionFailure(
      `Cannot convert String to Json in States.StringToJson, caused by: ${error.message}`,
    );
  }
};

const jsonToString: IntrinsicImplementation = (args) => {
  arity('States.JsonToString', args, 1);
  return toJsonText(value(args, 0));
};

const jsonMerge: IntrinsicImplementation = (args) => {
  arity('States.JsonMerge', args, 3);
  const left = objectArg('States.JsonMerge', args, 0);
  const right = objectArg('States.JsonMerge', args, 1);
  // Only a boolean `true` asks for the unsupported deep merge; AWS treats any other flag
  // (even the string 'false') as shallow.
  if (value(args, 2) === true) invalid('States.JsonMerge');
  const merged: JsonObject = {};
  for (const key of Object.keys(left)) setOwn(merged, key, left[key] as JsonValue);
  for (const key of Object.keys(right)) setOwn(merged, key, right[key] as JsonValue);
  return merged;
};

// --- Arrays -------------------------------------------------------------------------------------

const array: IntrinsicImplementation = (args) => args.map((arg) => arg.value);

const arrayPartition: IntrinsicImplementation = (args) => {
  arity('States.ArrayPartition', args, 2);
  const items = arrayArg('States.ArrayPartition', args, 0);
  const size = toJavaInt(numberArg('States.ArrayPartition', args, 1));
  if (size <= 0) invalid('States.ArrayPartition');
  const chunks: JsonValue[] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

const arrayContains: IntrinsicImplementation = (args) => {
  arity('States.ArrayContains', args, 2);
  const items = arrayArg('States.ArrayContains', args, 0);
  // AWS matches `true` against "true" and 9007199254740991 against "9007199254740991", but not
  // {a,b} against {b,a}: equality of the Java String.valueOf texts.
  const wanted = javaToString(value(args, 1));
  return items.some((item) => javaToString(item) === wanted);
};

const arrayRange: IntrinsicImplementation = (args) => {
  arity('States.ArrayRange', args, 3);
  const start = toJavaInt(numberArg('States.ArrayRange', args, 0));
  const end = toJavaInt(numberArg('States.ArrayRange', args, 1));
  const step = toJavaInt(numberArg('States.ArrayRange', args, 2));
  if (step === 0) invalid('States.ArrayRange');
  const count = Math.floor((end - start) / step) + 1;
  if (count <= 0) return [];
  if (count > MAX_RANGE_ITEMS) invalid('States.ArrayRange');
  return Array.from({ length: count }, (_, i) => start + i * step);
};

const arrayGetItem: IntrinsicImplementation = (args) => {
  arity('States.ArrayGetItem', args, 2);
  const items = arrayArg('States.ArrayGetItem', args, 0);
  const index = toJavaInt(numberArg('States.ArrayGetItem', args, 1));
  if (index < 0) invalid('States.ArrayGetItem');
  // Recorded: an index past the end fails, except on an empty array, where AWS returns null.
  if (items.length === 0) return null;
  if (index >= items.length) invalid('States.ArrayGetItem');
  return items[index] as JsonValue;
};

const arrayLength: IntrinsicImplementation = (args) => {
  arity('States.ArrayLength', args, 1);
  return arrayArg('States.ArrayLength', args, 0).length;
};

const arrayUnique: IntrinsicImplementation = (args) => {
  arity('States.ArrayUnique', args, 1);
  return javaHashSetOrder(arrayArg('States.ArrayUnique', args, 0));
};

// --- Encoding, hashing --------------------------------------------------------------------------

const base64Encode: IntrinsicImplementation = (args) => {
  arity('States.Base64Encode', args, 1);
  const text = stringArg('States.Base64Encode', args, 0);
  if (text.length > MAX_ENCODE_LENGTH) invalid('States.Base64Encode');
  return Buffer.from(text, 'utf8').toString('base64');
};

const base64Decode: IntrinsicImplementation = (args) => {
  arity('States.Base64Decode', args, 1);
  const text = stringArg('States.Base64Decode', args, 0);
  if (text.length > MAX_ENCODE_LENGTH) invalid('States.Base64Decode');
  // Lenient like AWS: unpadded input, stray characters and surrounding blanks are accepted.
  return Buffer.from(text, 'base64').toString('utf8');
};

const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

const hash: IntrinsicImplementation = (args) => {
  arity('States.Hash', args, 2);
  const data = value(args, 0);
  const algorithm = stringArg('States.Hash', args, 1);
  const nodeAlgorithm = Object.prototype.hasOwnProperty.call(HASH_ALGORITHMS, algorithm)
    ? HASH_ALGORITHMS[algorithm]
    : undefined;
  if (nodeAlgorithm === undefined) invalid('States.Hash');
  // AWS hashes a non-string by its text rather than refusing it.
  const text = typeof data === 'string' ? data : javaToString(data);
  if (text.length > MAX_ENCODE_LENGTH) invalid('States.Hash');
  return createHash(nodeAlgorithm).update(text, 'utf8').digest('hex');
};

// --- Math ---------------------------------------------------------------------------------------

const mathRandom: IntrinsicImplementation = (args, env) => {
  arity('States.MathRandom', args, 2, 3);
  const start = toJavaInt(numberArg('States.MathRandom', args, 0));
  const end = toJavaInt(numberArg('States.MathRandom', args, 1));
  const bound = (end - start) | 0;
  if (bound <= 0) invalid('States.MathRandom');
  if (args.length === 3) {
    const seed = numberArg('States.MathRandom', args, 2);
    return new JavaRandom(toJavaLong(seed)).nextInt(bound) + start;
  }
  if (!env.random) throw new Error('States.MathRandom needs a RandomSource');
  const r = env.random.random();
  return start + Math.min(bound - 1, Math.floor(r * bound));
};

const mathAdd: IntrinsicImplementation = (args) => {
  arity('States.MathAdd', args, 2);
  const a = javaRound(numberArg('States.MathAdd', args, 0));
  const b = javaRound(numberArg('States.MathAdd', args, 1));
  if (a < INT_MIN || a > INT_MAX || b < INT_MIN || b > INT_MAX) invalid('States.MathAdd');
  const sum = a + b;
  if (sum < INT_MIN || sum > INT_MAX) invalid('States.MathAdd');
  return sum;
};

// --- Strings, ids -------------------------------------------------------------------------------

const stringSplit: IntrinsicImplementation = (args) => {
  arity('States.StringSplit', args, 2);
  const text = stringArg('States.StringSplit', args, 0);
  const delimiters = new Set(stringArg('States.StringSplit', args, 1));
  const tokens: string[] = [];
  let current = '';
  for (const ch of text) {
    if (delimiters.has(ch)) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) tokens.push(current);
  return tokens;
};

const uuid: IntrinsicImplementation = (_args, env) => {
  // AWS ignores any arguments given to States.UUID.
  if (!env.random) throw new Error('States.UUID needs a RandomSource');
  return env.random.uuid();
};

export const INTRINSIC_IMPLEMENTATIONS: Readonly<Record<IntrinsicFunctionName, IntrinsicImplementation>> = {
  'States.Format': format,
  'States.StringToJson': stringToJson,
  'States.JsonToString': jsonToString,
  'States.Array': array,
  'States.ArrayPartition': arrayPartition,
  'States.ArrayContains': arrayContains,
  'States.ArrayRange': arrayRange,
  'States.ArrayGetItem': arrayGetItem,
  'States.ArrayLength': arrayLength,
  'States.ArrayUnique': arrayUnique,
  'States.Base64Encode': base64Encode,
  'States.Base64Decode': base64Decode,
  'States.Hash': hash,
  'States.JsonMerge': jsonMerge,
  'States.MathRandom': mathRandom,
  'States.MathAdd': mathAdd,
  'States.StringSplit': stringSplit,
  'States.UUID': uuid,
};
