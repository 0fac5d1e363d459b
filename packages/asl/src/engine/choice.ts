// JSONPath-mode Choice rules as Step Functions evaluates them. Derived from the AWS-recorded
// operator matrix (491 executions: every operator against null, numbers, strings, timestamps,
// arrays, objects and booleans) and the recorded Choice executions:
//  - a value of the wrong type never matches and is not an error (StringEquals on 0, NumericEquals
//    on "42", BooleanEquals on 1, TimestampEquals on "2023-02-24 12:15:56.832957" are all false);
//  - numbers compare by value (0 equals 0.0, 1 equals 1.0); strings compare by UTF-16 code unit
//    (Java's compareTo, which the AWS docs cite), with no trimming or normalisation;
//  - Is* tests with false match every value that fails the test (IsNull: false matches 0, {}, []);
//  - IsPresent is true for a present null.
// Not covered by recordings, and noted where used: the error for a missing path (AWS's reported
// wording), StringMatches (AWS documentation), IsTimestamp and Timestamp* across offsets (same
// parser as Wait, instants compared).

import type {
  ChoiceRuleExpression,
  ComparisonOperator,
  DataTestExpression,
  JsonPathChoiceRule,
} from '../definition/types.js';
import { PathNotFoundError, StatesError } from '../paths/errors.js';
import type { JsonValue } from '../paths/json.js';
import { evaluatePath, type PathScope } from '../paths/jsonpath.js';
import { compareTimestamps, parseTimestampInstant } from './timestamp.js';

/**
 * A Choice rule's Variable, or the path of a *Path operator, selects nothing. AWS fails the state
 * with States.Runtime; the wording is not in the recorded corpus and is the one AWS reports
 * (quoted identically by several independent emulators' AWS-validated tests).
 */
export class ChoicePathError extends StatesError {
  readonly path: string;

  constructor(path: string) {
    super('States.Runtime', `Invalid path '${path}': The choice state's condition path references an invalid value.`);
    this.name = 'ChoicePathError';
    this.path = path;
  }
}

type ValueKind = 'string' | 'numeric' | 'boolean' | 'timestamp';
type Relation = 'eq' | 'lt' | 'gt' | 'le' | 'ge';

interface Comparison {
  readonly kind: ValueKind;
  readonly relation: Relation;
  /** The operand is a path into the input, not a literal. */
  readonly byPath: boolean;
}

type TypeTest = 'IsNull' | 'IsPresent' | 'IsNumeric' | 'IsString' | 'IsBoolean' | 'IsTimestamp';

const COMPARISONS: ReadonlyMap<string, Comparison> = (() => {
  const table = new Map<string, Comparison>();
  const relations: ReadonlyArray<[Relation, string]> = [
    ['eq', 'Equals'],
    ['lt', 'LessThan'],
    ['gt', 'GreaterThan'],
    ['le', 'LessThanEquals'],
    ['ge', 'GreaterThanEquals'],
  ];
  const kinds: ReadonlyArray<[ValueKind, string]> = [
    ['string', 'String'],
    ['numeric', 'Numeric'],
    ['timestamp', 'Timestamp'],
  ];
  for (const [kind, prefix] of kinds) {
    for (const [relation, suffix] of relations) {
      table.set(`${prefix}${suffix}`, { kind, relation, byPath: false });
      table.set(`${prefix}${suffix}Path`, { kind, relation, byPath: true });
    }
  }
  table.set('BooleanEquals', { kind: 'boolean', relation: 'eq', byPath: false });
  table.set('BooleanEqualsPath', { kind: 'boolean', relation: 'eq', byPath: true });
  return table;
})();

const TYPE_TESTS: ReadonlySet<string> = new Set<TypeTest>(['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp']);

/** The one comparison operator of a data-test expression. */
function operatorOf(rule: DataTestExpression): ComparisonOperator {
  for (const key of Object.keys(rule)) {
    if (COMPARISONS.has(key) || TYPE_TESTS.has(key) || key === 'StringMatches') return key as ComparisonOperator;
  }
  throw new Error(`Choice rule on '${rule.Variable}' has no comparison operator`);
}

function operandOf(rule: DataTestExpression, operator: ComparisonOperator): JsonValue | undefined {
  return (rule as unknown as Readonly<Record<string, JsonValue | undefined>>)[operator];
}

/** The value a path selects, or undefined when it selects nothing (a missing name, an undefined variable). */
function select(path: string, input: JsonValue, scope: PathScope): JsonValue | undefined {
  try {
    return evaluatePath(path, input, scope);
  } catch (error) {
    if (error instanceof PathNotFoundError) return undefined;
    throw error;
  }
}

function selectOrFail(path: string, input: JsonValue, scope: PathScope): JsonValue {
  const value = select(path, input, scope);
  if (value === undefined) throw new ChoicePathError(path);
  return value;
}

/** Orders two values of one kind, or undefined when either is not of that kind (no match, no error). */
function order(kind: ValueKind, a: JsonValue, b: JsonValue): number | undefined {
  switch (kind) {
    case 'string':
      if (typeof a !== 'string' || typeof b !== 'string') return undefined;
      return a < b ? -1 : a > b ? 1 : 0;
    case 'numeric':
      if (typeof a !== 'number' || typeof b !== 'number') return undefined;
      return a < b ? -1 : a > b ? 1 : 0;
    case 'boolean':
      if (typeof a !== 'boolean' || typeof b !== 'boolean') return undefined;
      return a === b ? 0 : 1;
    case 'timestamp': {
      // Instants are compared (an offset only moves the instant); AWS's handling of two texts
      // naming the same instant with different offsets is not recorded.
      if (typeof a !== 'string' || typeof b !== 'string') return undefined;
      const left = parseTimestampInstant(a);
      const right = parseTimestampInstant(b);
      if (!left || !right) return undefined;
      return compareTimestamps(left, right);
    }
  }
}

function holds(relation: Relation, ordering: number): boolean {
  switch (relation) {
    case 'eq':
      return ordering === 0;
    case 'lt':
      return ordering < 0;
    case 'gt':
      return ordering > 0;
    case 'le':
      return ordering <= 0;
    case 'ge':
      return ordering >= 0;
  }
}

/**
 * StringMatches, per the AWS documentation (not recorded): '*' matches any run of characters
 * (including none), "\*" is a literal '*', "\\" a literal backslash, and nothing else is special
 * (a backslash before any other character stands for itself). The pattern is split at its
 * wildcards and each piece placed at its leftmost fit, which needs no backtracking, so a pattern
 * with many stars cannot make matching blow up.
 */
export function stringMatches(text: string, pattern: string): boolean {
  const literals: string[] = [''];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\' && (pattern[i + 1] === '*' || pattern[i + 1] === '\\')) {
      literals[literals.length - 1] += pattern[i + 1] as string;
      i++;
    } else if (ch === '*') {
      literals.push('');
    } else {
      literals[literals.length - 1] += ch;
    }
  }
  const first = literals[0] as string;
  if (literals.length === 1) return text === first;
  const last = literals[literals.length - 1] as string;
  if (text.length < first.length + last.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  // Each middle literal is matched at its leftmost occurrence: leftmost placement never loses a
  // match when the literals are separated by '*'.
  let pos = first.length;
  const end = text.length - last.length;
  for (let k = 1; k < literals.length - 1; k++) {
    const piece = literals[k] as string;
    const at = text.indexOf(piece, pos);
    if (at < 0 || at + piece.length > end) return false;
    pos = at + piece.length;
  }
  return true;
}

function typeTest(test: TypeTest, value: JsonValue): boolean {
  switch (test) {
    case 'IsNull':
      return value === null;
    case 'IsNumeric':
      return typeof value === 'number';
    case 'IsString':
      return typeof value === 'string';
    case 'IsBoolean':
      return typeof value === 'boolean';
    case 'IsTimestamp':
      // Same parser as Timestamp* and Wait (see timestamp.ts); not recorded for Choice.
      return typeof value === 'string' && parseTimestampInstant(value) !== undefined;
    case 'IsPresent':
      return true;
  }
}

function evaluateDataTest(rule: DataTestExpression, input: JsonValue, scope: PathScope): boolean {
  const operator = operatorOf(rule);
  const operand = operandOf(rule, operator);
  if (operator === 'IsPresent') {
    return (select(rule.Variable, input, scope) !== undefined) === operand;
  }
  // Every operator but IsPresent needs the Variable to select something.
  const value = selectOrFail(rule.Variable, input, scope);
  if (TYPE_TESTS.has(operator)) {
    return typeTest(operator as TypeTest, value) === operand;
  }
  if (operator === 'StringMatches') {
    return typeof value === 'string' && typeof operand === 'string' && stringMatches(value, operand);
  }
  const comparison = COMPARISONS.get(operator) as Comparison;
  let other: JsonValue | undefined = operand;
  if (comparison.byPath) {
    if (typeof operand !== 'string') return false;
    other = selectOrFail(operand, input, scope);
  }
  if (other === undefined) return false;
  const ordering = order(comparison.kind, value, other);
  return ordering !== undefined && holds(comparison.relation, ordering);
}

/**
 * Evaluates one JSONPath-mode Choice rule (a data-test expression or And/Or/Not, recursively)
 * against the state's effective input. And/Or stop at the first deciding operand, so an
 * IsPresent guard before a comparison on the same path protects it, as the AWS docs show.
 * Throws ChoicePathError (States.Runtime) when a Variable or *Path operand selects nothing.
 */
export function evaluateChoiceRule(rule: ChoiceRuleExpression, input: JsonValue, scope: PathScope): boolean {
  if ('And' in rule) return rule.And.every((sub) => evaluateChoiceRule(sub, input, scope));
  if ('Or' in rule) return rule.Or.some((sub) => evaluateChoiceRule(sub, input, scope));
  if ('Not' in rule) return !evaluateChoiceRule(rule.Not, input, scope);
  return evaluateDataTest(rule, input, scope);
}

/**
 * Index of the first matching rule of a Choice state's Choices, or -1 (the interpreter then takes
 * Default, or fails with States.NoChoiceMatched when there is none). Rules after the first match
 * are not evaluated, so their path errors cannot fire.
 */
export function selectChoice(rules: readonly JsonPathChoiceRule[], input: JsonValue, scope: PathScope): number {
  for (let i = 0; i < rules.length; i++) {
    if (evaluateChoiceRule(rules[i] as JsonPathChoiceRule, input, scope)) return i;
  }
  return -1;
}
