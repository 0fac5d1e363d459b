// The functions Step Functions adds to JSONata 2.0.6, and the built-ins replaced so that nothing
// reads the real clock or Math.random ($now, $millis, $random, $shuffle) or crashes where AWS
// answers ($formatNumber). What AWS was seen doing:
//  - $range(start, end, step): the end is inclusive when the step lands on it ($range(0,9,3) is
//    [0,3,6,9], recorded), arguments are truncated toward zero ($range(-1.7,2,1) is [-1,0,1,2]),
//    and the result is a JSONata sequence: a single item collapses to the item ($range(1,9,9) is
//    1, recorded) and no item is nothing. Its description claims an exclusive end; AWS disagrees.
//  - $partition(array, size): chunks of `size`, the last one shorter; a non-array argument is
//    wrapped like any JSONata array parameter ($partition(0,1) is [[0]], recorded through a path
//    that collapsed [0] to 0); a size below 1 raises; an empty array gives nothing (inferred: the
//    recorded suite leaves the empty array out, noting that AWS raises on it, and a measurement
//    counts five inputs that give nothing but only $partition(a, -1) raising).
//  - $random(seed): java.util.Random(seed).nextDouble(), bit for bit ($random(42) is
//    0.7275636800328681); unseeded it comes from the caller's RandomSource.
//  - $hash(text, algorithm): MD5, SHA-1, SHA-256, SHA-384, SHA-512, exact case, lower-case hex
//    ($hash("input", "SHA-1") is "140f86aae51ab9e1cda9b4254fe98a74eb54c1a1").
//  - $parse(text): JSON.parse ($parse("-0") is 0, recorded).
//  - $uuid(): from the caller's RandomSource.
// (Measurements other than the recorded ones are quoted in floci-io/floci#2662 and #2676.) The
// wording of the errors these raise is not recorded; they are reported without a JSONata code,
// the way AWS reports its own bounds.

import { createHash } from 'node:crypto';
import jsonata from 'jsonata';
import { toJavaLong } from '../intrinsics/java.js';
import { contextOf, type EvaluationFrame } from './guards.js';

/** A Step Functions function refused its arguments. */
export class StepFunctionsFunctionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepFunctionsFunctionError';
  }
}

type Implementation = (this: jsonata.Focus, ...args: unknown[]) => unknown;

export interface JsonataFunctionDefinition {
  readonly name: string;
  readonly signature: string;
  readonly implementation: Implementation;
}

function frameOf(focus: jsonata.Focus): EvaluationFrame {
  return focus.environment as unknown as EvaluationFrame;
}

/** java.util.Random's generator, enough of it for nextDouble(). */
class JavaDoubleRandom {
  private seed: bigint;

  constructor(seed: bigint) {
    this.seed = (BigInt.asIntN(64, seed) ^ 0x5deece66dn) & ((1n << 48n) - 1n);
  }

  private next(bits: number): bigint {
    this.seed = (this.seed * 0x5deece66dn + 0xbn) & ((1n << 48n) - 1n);
    return this.seed >> BigInt(48 - bits);
  }

  nextDouble(): number {
    return Number((this.next(26) << 27n) + this.next(27)) / 2 ** 53;
  }
}

/** `new java.util.Random(seed).nextDouble()`, the seed read as a Java long (truncated). */
export function seededRandomDouble(seed: number): number {
  return new JavaDoubleRandom(toJavaLong(seed)).nextDouble();
}

/** A JSONata sequence: jsonata collapses one item to the item and no item to undefined. */
function sequence(items: number[]): number[] {
  return Object.assign(items, { sequence: true });
}

const HASH_ALGORITHMS: ReadonlyMap<string, string> = new Map([
  ['MD5', 'md5'],
  ['SHA-1', 'sha1'],
  ['SHA-256', 'sha256'],
  ['SHA-384', 'sha384'],
  ['SHA-512', 'sha512'],
]);

function partition(this: jsonata.Focus, ...args: unknown[]): unknown {
  const [items, size] = args as [unknown[] | undefined, number | undefined];
  if (items === undefined || size === undefined) return undefined;
  const chunk = Math.trunc(size);
  if (!(chunk >= 1)) {
    throw new StepFunctionsFunctionError(`The size argument of $partition must be a positive integer, but was ${size}`);
  }
  if (items.length === 0) return undefined;
  const chunks: unknown[][] = [];
  for (let i = 0; i < items.length; i += chunk) chunks.push(items.slice(i, i + chunk));
  return chunks;
}

function range(this: jsonata.Focus, ...args: unknown[]): unknown {
  const [startArg, endArg, stepArg] = args as [number | undefined, number | undefined, number | undefined];
  if (startArg === undefined || endArg === undefined || stepArg === undefined) return undefined;
  const start = Math.trunc(startArg);
  const end = Math.trunc(endArg);
  const step = Math.trunc(stepArg);
  const forward = step > 0 && end >= start;
  const backward = step < 0 && end <= start;
  if (!forward && !backward) return sequence([]);
  const count = Math.floor((end - start) / step) + 1;
  contextOf(frameOf(this)).budget.reserveArray(count);
  const items: number[] = [];
  for (let i = 0; i < count; i++) items.push(start + i * step);
  return sequence(items);
}

function hash(this: jsonata.Focus, ...args: unknown[]): unknown {
  const [text, algorithm] = args as [string | undefined, string | undefined];
  if (text === undefined) return undefined;
  const nodeAlgorithm = algorithm === undefined ? undefined : HASH_ALGORITHMS.get(algorithm);
  if (nodeAlgorithm === undefined) {
    throw new StepFunctionsFunctionError(
      `The algorithm argument of $hash must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, but was ${String(algorithm)}`,
    );
  }
  return createHash(nodeAlgorithm).update(text, 'utf8').digest('hex');
}

function random(this: jsonata.Focus, ...args: unknown[]): unknown {
  const [seed] = args as [number | undefined];
  if (seed !== undefined) return seededRandomDouble(seed);
  return contextOf(frameOf(this)).random.random();
}

function uuid(this: jsonata.Focus): unknown {
  return contextOf(frameOf(this)).random.uuid();
}

function parse(this: jsonata.Focus, ...args: unknown[]): unknown {
  const [text] = args as [string | undefined];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new StepFunctionsFunctionError(`The argument of $parse is not a valid JSON string: ${text}`);
  }
}

/** $shuffle, with the caller's randomness instead of Math.random (inside-out Fisher-Yates). */
function shuffle(this: jsonata.Focus, ...args: unknown[]): unknown {
  const [items] = args as [unknown[] | undefined];
  if (items === undefined) return undefined;
  if (items.length <= 1) return items;
  const source = contextOf(frameOf(this)).random;
  const result: unknown[] = new Array<unknown>(items.length);
  for (let i = 0; i < items.length; i++) {
    const j = Math.min(i, Math.floor(source.random() * (i + 1)));
    if (i !== j) result[i] = result[j];
    result[j] = items[i];
  }
  return result;
}

function millis(this: jsonata.Focus): unknown {
  return contextOf(frameOf(this)).now;
}

/**
 * jsonata's built-in $fromMillis and $formatNumber implementations, which the replacements below
 * delegate to. jsonata offers no synchronous way to reach a built-in, so they are fetched once by
 * evaluating them; evaluateJsonataExpression awaits loadBuiltins() before any evaluation.
 */
let builtins: { readonly fromMillis: Implementation; readonly formatNumber: Implementation } | undefined;
let loadingBuiltins: Promise<void> | undefined;

export function loadBuiltins(): Promise<void> {
  loadingBuiltins ??= (async () => {
    const [fromMillis, formatNumber] = (await jsonata('[$fromMillis, $formatNumber]').evaluate(undefined)) as [
      { implementation: Implementation },
      { implementation: Implementation },
    ];
    builtins = { fromMillis: fromMillis.implementation, formatNumber: formatNumber.implementation };
  })();
  return loadingBuiltins;
}

function builtin(name: 'fromMillis' | 'formatNumber'): Implementation {
  if (!builtins) throw new Error('loadBuiltins() must complete before JSONata evaluates');
  return builtins[name];
}

/** $now(picture?, timezone?): $fromMillis of the evaluation's time (jsonata's own reads the clock). */
function now(this: jsonata.Focus, ...args: unknown[]): unknown {
  const [picture, timezone] = args;
  return builtin('fromMillis').call(this, contextOf(frameOf(this)).now, picture, timezone);
}

/** An error jsonata reports with its own code; jsonata fills in the message from the code. */
class JsonataCodedError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const FORMAT_DEFAULTS: Readonly<Record<string, string>> = {
  'decimal-separator': '.',
  'grouping-separator': ',',
  'exponent-separator': 'e',
  'zero-digit': '0',
  digit: '#',
  'pattern-separator': ';',
};

/**
 * $formatNumber. jsonata 2.0.6 crashes with a TypeError on a sub-picture holding no active
 * character ("x"); AWS answers "D3086: The sub-picture must not contain a passive character that is
 * preceded by an active character and that is followed by another active character" for
 * $formatNumber(1, "x") (measured, floci-io/floci#2737), which is what F&O validation gives when
 * such a sub-picture is taken as all active part: D3086 when it holds a passive character, D3085
 * (no digit) otherwise.
 */
function formatNumber(this: jsonata.Focus, ...args: unknown[]): unknown {
  try {
    return builtin('formatNumber').apply(this, args);
  } catch (error) {
    const [, picture, options] = args;
    if (!(error instanceof TypeError) || typeof picture !== 'string') throw error;
    const properties = { ...FORMAT_DEFAULTS, ...(options as Record<string, string> | undefined) };
    const zero = (properties['zero-digit'] ?? '0').charCodeAt(0);
    const exponent = properties['exponent-separator'];
    const active = new Set<string>([
      ...Array.from({ length: 10 }, (_, i) => String.fromCharCode(zero + i)),
      properties['decimal-separator'] ?? '.',
      exponent ?? 'e',
      properties['grouping-separator'] ?? ',',
      properties.digit ?? '#',
      properties['pattern-separator'] ?? ';',
    ]);
    for (const sub of picture.split(properties['pattern-separator'] ?? ';')) {
      if ([...sub].some((ch) => active.has(ch) && ch !== exponent)) continue;
      throw new JsonataCodedError([...sub].some((ch) => !active.has(ch)) ? 'D3086' : 'D3085');
    }
    throw error;
  }
}

/**
 * The definitions bound into every compiled expression, overriding any built-in of the same name.
 * Signatures use jsonata's notation so that argument errors are JSONata's own (T0410 and friends).
 */
export const STEP_FUNCTIONS_FUNCTIONS: readonly JsonataFunctionDefinition[] = [
  { name: 'partition', signature: '<an:a>', implementation: partition },
  { name: 'range', signature: '<nnn:a>', implementation: range },
  { name: 'hash', signature: '<ss:s>', implementation: hash },
  { name: 'random', signature: '<n?:n>', implementation: random },
  { name: 'uuid', signature: '<:s>', implementation: uuid },
  { name: 'parse', signature: '<s:x>', implementation: parse },
  { name: 'shuffle', signature: '<a:a>', implementation: shuffle },
  { name: 'millis', signature: '<:n>', implementation: millis },
  { name: 'now', signature: '<s?s?:s>', implementation: now },
  { name: 'formatNumber', signature: '<n-so?:s>', implementation: formatNumber },
];
