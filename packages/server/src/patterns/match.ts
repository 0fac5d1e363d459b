// Matching a compiled policy against a message. The message (its JSON body, or its attributes seen
// as a JSON object) is flattened into leaf values keyed by dot-joined path, keeping only the paths the
// policy names. A sub-rule matches when each of its fields has a leaf that one of its patterns accepts
// (or, for {"exists": false}, has no leaf), with the array rule of event-ruler: leaves picked for
// different fields must not come from different elements of the same array.

import { inRange, ipToHex, type IpRange } from './cidr.js';
import type { Pattern, SubRule } from './compile.js';
import { comparable, parseJavaDouble } from './numbers.js';

export const enum Kind {
  String,
  Number,
  True,
  False,
  Null,
}

/** A leaf value of the message. */
export interface Leaf {
  readonly kind: Kind;
  /** The string, or the number's text. */
  readonly text: string;
  /** A number's comparable form (NaN when it has none, and for non-numbers). */
  readonly value: number;
  /** Arrays the leaf sits in, as pairs (array id, element index), outermost first; null if none. */
  readonly arrays: readonly number[] | null;
}

interface NumberRange {
  readonly low: number;
  readonly lowOpen: boolean;
  readonly high: number;
  readonly highOpen: boolean;
}

const literalKind = { true: Kind.True, false: Kind.False, null: Kind.Null } as const;

/** One field of a sub-rule, with its patterns sorted into fast lookups. */
export class FieldMatcher {
  exists = false;
  absent = false;
  private readonly strings = new Set<string>();
  private readonly ips = new Set<string>();
  private readonly numbers = new Set<number>();
  private readonly numberTexts = new Set<string>();
  private readonly literals = new Set<Kind>();
  private readonly prefixes: string[] = [];
  private readonly suffixes: string[] = [];
  private readonly lowerCase = new Set<string>();
  private readonly ranges: NumberRange[] = [];
  private readonly cidrs: IpRange[] = [];
  private readonly notStrings: ReadonlySet<string>[] = [];
  private readonly notNumbers: ReadonlySet<number>[] = [];
  private readonly notPrefixes: string[] = [];
  /** Some anything-but pattern accepts every value that is not a string (resp. not a number). */
  private anythingButTakesNonStrings = false;
  private anythingButTakesNonNumbers = false;
  private needsIp = false;

  constructor(
    readonly path: string,
    patterns: readonly Pattern[],
  ) {
    for (const p of patterns) this.add(p);
  }

  private add(p: Pattern): void {
    switch (p.k) {
      case 'string':
        this.strings.add(p.value);
        break;
      case 'ip':
        this.ips.add(p.hex);
        this.needsIp = true;
        break;
      case 'number':
        this.numberTexts.add(p.text);
        if (!Number.isNaN(p.value)) this.numbers.add(p.value);
        break;
      case 'literal':
        this.literals.add(literalKind[p.value]);
        break;
      case 'prefix':
        this.prefixes.push(p.value);
        break;
      case 'suffix':
        this.suffixes.push(p.value);
        break;
      case 'equals-ignore-case':
        this.lowerCase.add(p.lower);
        break;
      case 'numeric-equals':
        this.numbers.add(p.value);
        break;
      case 'range':
        this.ranges.push(p);
        break;
      case 'cidr':
        this.cidrs.push(p.range);
        this.needsIp = true;
        break;
      case 'anything-but-strings':
        this.notStrings.push(p.values);
        this.anythingButTakesNonStrings = true;
        break;
      case 'anything-but-numbers':
        this.notNumbers.push(p.values);
        this.anythingButTakesNonNumbers = true;
        break;
      case 'anything-but-prefix':
        this.notPrefixes.push(p.value);
        this.anythingButTakesNonStrings = true;
        break;
      case 'exists':
        this.exists = true;
        break;
      case 'absent':
        this.absent = true;
        break;
    }
  }

  /** Whether some value pattern of this field accepts the leaf. */
  accepts(leaf: Leaf): boolean {
    if (this.exists) return true;
    switch (leaf.kind) {
      case Kind.String:
        return this.acceptsString(leaf.text);
      case Kind.Number:
        return this.acceptsNumber(leaf);
      default:
        return this.literals.has(leaf.kind) || this.anythingButTakesNonStrings || this.anythingButTakesNonNumbers;
    }
  }

  private acceptsString(s: string): boolean {
    if (this.strings.has(s)) return true;
    for (const p of this.prefixes) if (s.startsWith(p)) return true;
    for (const p of this.suffixes) if (s.endsWith(p)) return true;
    if (this.lowerCase.size > 0 && this.lowerCase.has(s.toLowerCase())) return true;
    if (this.needsIp) {
      const hex = ipToHex(s);
      if (hex !== null) {
        if (this.ips.has(hex)) return true;
        for (const r of this.cidrs) if (inRange(hex, r)) return true;
      }
    }
    for (const values of this.notStrings) if (!values.has(s)) return true;
    for (const p of this.notPrefixes) if (!s.startsWith(p)) return true;
    return this.anythingButTakesNonNumbers;
  }

  private acceptsNumber(leaf: Leaf): boolean {
    const v = leaf.value;
    const hasValue = !Number.isNaN(v);
    if (hasValue && this.numbers.has(v)) return true;
    if (this.numberTexts.has(leaf.text)) return true;
    if (hasValue) {
      for (const r of this.ranges) {
        if ((r.lowOpen ? v > r.low : v >= r.low) && (r.highOpen ? v < r.high : v <= r.high)) return true;
      }
    }
    for (const values of this.notNumbers) if (!hasValue || !values.has(v)) return true;
    return this.anythingButTakesNonStrings;
  }
}

/** A compiled policy ready for matching: its alternatives and the paths they look at. */
export interface MatchPlan {
  readonly alternatives: readonly (readonly FieldMatcher[])[];
  /** Every field path named by the policy. */
  readonly paths: ReadonlySet<string>;
  /** Every proper dot-prefix of those paths: where an object must be descended into. */
  readonly prefixes: ReadonlySet<string>;
}

export function planFor(subRules: readonly SubRule[]): MatchPlan {
  const paths = new Set<string>();
  const prefixes = new Set<string>();
  const alternatives = subRules.map((rule) => {
    const fields = [...rule.keys()].sort();
    return fields.map((path) => {
      paths.add(path);
      for (let i = path.indexOf('.'); i >= 0; i = path.indexOf('.', i + 1)) prefixes.add(path.slice(0, i));
      return new FieldMatcher(path, rule.get(path) ?? []);
    });
  });
  return { alternatives, paths, prefixes };
}

// ---- flattening ------------------------------------------------------------------------------------

/** The message's leaves at the paths a plan looks at. */
export class LeafIndex {
  readonly byPath = new Map<string, Leaf[]>();
  hasArrays = false;
  private nextArray = 0;

  constructor(private readonly plan: MatchPlan) {}

  add(path: string, leaf: Leaf): void {
    const list = this.byPath.get(path);
    if (list) list.push(leaf);
    else this.byPath.set(path, [leaf]);
  }

  /** Flattens a parsed JSON value found at path. */
  addJson(path: string, value: unknown, arrays: readonly number[] | null): void {
    if (Array.isArray(value)) {
      if (value.length === 0) return;
      const id = this.nextArray++;
      for (let i = 0; i < value.length; i++) {
        const element: unknown = value[i];
        // As in event-ruler, only objects and arrays inside an array belong to an element of it;
        // a plain value in an array carries just the memberships of the arrays around that array.
        if (element !== null && typeof element === 'object') {
          this.hasArrays = true;
          this.addJson(path, element, arrays === null ? [id, i] : [...arrays, id, i]);
        } else {
          this.addJson(path, element, arrays);
        }
      }
      return;
    }
    if (value !== null && typeof value === 'object') {
      if (!this.plan.prefixes.has(path)) return;
      for (const key of Object.keys(value)) {
        const child = `${path}.${key}`;
        if (this.plan.paths.has(child) || this.plan.prefixes.has(child)) this.addJson(child, (value as Record<string, unknown>)[key], arrays);
      }
      return;
    }
    if (!this.plan.paths.has(path)) return;
    if (typeof value === 'string') this.add(path, { kind: Kind.String, text: value, value: NaN, arrays });
    else if (typeof value === 'number') this.add(path, { kind: Kind.Number, text: String(value), value: comparable(value), arrays });
    else if (value === true) this.add(path, { kind: Kind.True, text: 'true', value: NaN, arrays });
    else if (value === false) this.add(path, { kind: Kind.False, text: 'false', value: NaN, arrays });
    else if (value === null) this.add(path, { kind: Kind.Null, text: 'null', value: NaN, arrays });
  }

  /** Flattens the top level of a JSON object. */
  addObject(object: Record<string, unknown>): void {
    for (const key of Object.keys(object)) {
      if (this.plan.paths.has(key) || this.plan.prefixes.has(key)) this.addJson(key, object[key], null);
    }
  }

  /** Adds an SNS message attribute as the JSON value SNS matches it as. */
  addAttribute(name: string, type: string, value: string): void {
    if (!this.plan.paths.has(name) && !this.plan.prefixes.has(name)) return;
    if (type === 'String.Array') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        return;
      }
      if (Array.isArray(parsed)) this.addJson(name, parsed, null);
      return;
    }
    if (!this.plan.paths.has(name)) return;
    if (type.startsWith('String')) {
      this.add(name, { kind: Kind.String, text: value, value: NaN, arrays: null });
    } else if (type.startsWith('Number')) {
      this.add(name, { kind: Kind.Number, text: value, value: comparable(parseJavaDouble(value)), arrays: null });
    }
    // Binary attributes take no part in filtering.
  }
}

// ---- matching ---------------------------------------------------------------------------------------

function consistent(chosen: readonly number[] | null, arrays: readonly number[] | null): boolean {
  if (chosen === null || arrays === null) return true;
  for (let i = 0; i < arrays.length; i += 2) {
    for (let j = 0; j < chosen.length; j += 2) {
      if (chosen[j] === arrays[i] && chosen[j + 1] !== arrays[i + 1]) return false;
    }
  }
  return true;
}

function merge(chosen: readonly number[] | null, arrays: readonly number[] | null): readonly number[] | null {
  if (arrays === null) return chosen;
  if (chosen === null) return arrays;
  return [...chosen, ...arrays];
}

const NO_LEAVES: readonly Leaf[] = [];

/** Without arrays every leaf goes with every other: each field is judged on its own. */
function matchesFlat(fields: readonly FieldMatcher[], index: LeafIndex): boolean {
  for (const field of fields) {
    const leaves = index.byPath.get(field.path) ?? NO_LEAVES;
    if (leaves.length === 0) {
      if (!field.absent) return false;
      continue;
    }
    if (!leaves.some((leaf) => field.accepts(leaf))) return false;
  }
  return true;
}

/** With arrays: a search over leaf choices, fields in name order, remembering dead ends. */
function matchesWithArrays(fields: readonly FieldMatcher[], index: LeafIndex): boolean {
  const leavesOf = fields.map((f) => index.byPath.get(f.path) ?? NO_LEAVES);
  const candidates = fields.map((f, i) => (leavesOf[i] ?? NO_LEAVES).filter((leaf) => f.accepts(leaf)));
  // Array ids that still matter from field i on: only they can make a later choice fail.
  const relevant: Set<number>[] = [];
  let acc = new Set<number>();
  for (let i = fields.length - 1; i >= 0; i--) {
    acc = new Set(acc);
    for (const leaf of leavesOf[i] ?? NO_LEAVES) {
      if (leaf.arrays) for (let j = 0; j < leaf.arrays.length; j += 2) acc.add(leaf.arrays[j] ?? -1);
    }
    relevant[i] = acc;
  }
  const failed = new Set<string>();
  const keyOf = (i: number, chosen: readonly number[] | null): string => {
    if (chosen === null) return `${i}`;
    const ids = relevant[i] ?? new Set<number>();
    const pairs: string[] = [];
    for (let j = 0; j < chosen.length; j += 2) if (ids.has(chosen[j] ?? -1)) pairs.push(`${chosen[j]}:${chosen[j + 1]}`);
    return `${i}|${[...new Set(pairs)].sort().join(',')}`;
  };
  const search = (i: number, chosen: readonly number[] | null): boolean => {
    if (i === fields.length) return true;
    const key = keyOf(i, chosen);
    if (failed.has(key)) return false;
    const field = fields[i];
    if (field === undefined) return true;
    for (const leaf of candidates[i] ?? NO_LEAVES) {
      if (consistent(chosen, leaf.arrays) && search(i + 1, merge(chosen, leaf.arrays))) return true;
    }
    if (field.absent && !(leavesOf[i] ?? NO_LEAVES).some((leaf) => consistent(chosen, leaf.arrays)) && search(i + 1, chosen)) {
      return true;
    }
    failed.add(key);
    return false;
  };
  return search(0, null);
}

export function matchPlan(plan: MatchPlan, index: LeafIndex): boolean {
  for (const fields of plan.alternatives) {
    if (index.hasArrays ? matchesWithArrays(fields, index) : matchesFlat(fields, index)) return true;
  }
  return false;
}
