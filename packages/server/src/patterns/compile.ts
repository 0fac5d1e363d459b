// The rule compiler. It follows AWS's event-ruler (the release SNS filter policies run on: anything-but
// takes a value, a list or {"prefix"}; numbers compare to six decimals within ±5e9) token by token, so
// that it rejects the same policies at the same column with the same words.
//
// As in event-ruler, a policy is compiled twice if need be: first by the compiler that understands
// "$or"; if that one fails, by the older one that treats "$or" as an ordinary field name, whose
// verdict (success or error) stands. AWS documents exactly that: "$or" is only an operator when it is
// followed by an array of two or more objects whose fields are not operator names.

import { CidrError, ipToHex, parseCidr, type IpRange } from './cidr.js';
import { RuleArgumentError, RuleSyntaxError, ruleLocation } from './errors.js';
import { NUMBER_LIMIT, NUMBER_RANGE_MESSAGE, comparable } from './numbers.js';
import { Tok, type WrittenJson, type WrittenToken } from './write.js';

/** One value pattern of a field, as the rule compiler produces it. */
export type Pattern =
  | { readonly k: 'string'; readonly value: string }
  /** A string value that is an IP address literal matches that address in any spelling. */
  | { readonly k: 'ip'; readonly hex: string }
  /** A bare number: equal by value when both sides are in range, else by text. */
  | { readonly k: 'number'; readonly text: string; readonly value: number }
  | { readonly k: 'literal'; readonly value: 'true' | 'false' | 'null' }
  | { readonly k: 'prefix'; readonly value: string }
  | { readonly k: 'suffix'; readonly value: string }
  | { readonly k: 'equals-ignore-case'; readonly lower: string }
  | { readonly k: 'numeric-equals'; readonly value: number }
  | { readonly k: 'range'; readonly low: number; readonly lowOpen: boolean; readonly high: number; readonly highOpen: boolean }
  | { readonly k: 'cidr'; readonly range: IpRange }
  | { readonly k: 'anything-but-strings'; readonly values: ReadonlySet<string> }
  | { readonly k: 'anything-but-numbers'; readonly values: ReadonlySet<number> }
  | { readonly k: 'anything-but-prefix'; readonly value: string }
  | { readonly k: 'exists' }
  | { readonly k: 'absent' };

/** The shape of the policy, kept for AWS's limits (keys, combinations, nesting). */
export interface PolicyObject {
  readonly entries: readonly PolicyEntry[];
}
export type PolicyEntry =
  | { readonly kind: 'values'; readonly key: string; readonly count: number }
  | { readonly kind: 'object'; readonly key: string; readonly node: PolicyObject }
  | { readonly kind: 'or'; readonly branches: readonly PolicyObject[] };

/** A sub-rule: flattened field name (dot-joined) to the patterns any of which it must match. */
export type SubRule = Map<string, Pattern[]>;

export interface CompiledRule {
  /** Alternatives: a message matches when it matches every field of one of them. */
  readonly subRules: SubRule[];
  readonly shape: PolicyObject;
}

const ONE_KEY = 'Only one key allowed in match expression';
const TOO_MANY_ELEMENTS = 'Too many elements in numeric expression';

/** Field names that stop "$or" being read as an operator when they appear inside it. */
const RESERVED_IN_OR = new Set([
  'exactly', 'equals-ignore-case', 'prefix', 'suffix', 'anything-but', 'exists', 'numeric', 'cidr',
  '=', '<', '<=', '>', '>=', 'wildcard', 'regex', 'like', 'not-like', 'not-equals-ignore-case',
  'date-after', 'date-on-or-after', 'date-before', 'date-on-or-before', 'in-date-range',
  'ip-address-in-range', 'ip-address-not-in-range',
]);

const isNumber = (t: Tok | null): boolean => t === Tok.Int || t === Tok.Float;

/**
 * Walks the compact text's tokens the way a Jackson JsonParser would return them, keeping the
 * parser's read position: a string is only read up to its opening quote until its text is asked
 * for, and a field name is read together with the first character (or whole number or literal) of
 * its value.
 */
class TokenCursor {
  private index = -1;
  private current: WrittenToken | null = null;
  private position = 0;

  constructor(private readonly written: WrittenJson) {}

  next(): Tok | null {
    const previous = this.current;
    this.index++;
    const token = this.written.tokens[this.index];
    if (token === undefined) {
      this.current = null;
      this.position = this.written.text.length;
      return null;
    }
    this.current = token;
    if (previous?.type === Tok.FieldName) return token.type;
    if (token.type === Tok.FieldName) {
      const value = this.written.tokens[this.index + 1];
      this.position = value === undefined ? token.end : value.type === Tok.String ? value.start + 1 : value.end;
    } else {
      this.position = token.type === Tok.String ? token.start + 1 : token.end;
    }
    return token.type;
  }

  /** getText(): reading a string's text moves the parser past its closing quote. */
  text(): string {
    if (this.current === null) return 'null';
    if (this.current.type === Tok.String) this.position = Math.max(this.position, this.current.end);
    return this.current.text;
  }

  number(): number {
    return Number(this.current?.text ?? 'NaN');
  }

  column(): number {
    return this.position + 1;
  }
}

class RuleCompiler {
  private readonly cursor: TokenCursor;

  constructor(
    private readonly written: WrittenJson,
    private readonly orAware: boolean,
  ) {
    this.cursor = new TokenCursor(written);
  }

  private barf(message: string): never {
    throw new RuleSyntaxError(message, this.written.text, this.cursor.column());
  }

  private next(): Tok | null {
    return this.cursor.next();
  }

  compile(): CompiledRule {
    const subRules: SubRule[] = [];
    if (this.next() !== Tok.StartObject) this.barf('Filter is not an object');
    const shape = this.parseObject(subRules, [], false);
    return { subRules, shape };
  }

  private parseObject(rules: SubRule[], path: string[], insideOr: boolean): PolicyObject {
    const entries: PolicyEntry[] = [];
    let fieldsPresent = false;
    while (this.next() !== Tok.EndObject) {
      fieldsPresent = true;
      const name = this.cursor.text();
      if (this.orAware && name === '$or') {
        entries.push(this.parseOr(rules, path));
        continue;
      }
      if (this.orAware && insideOr && RESERVED_IN_OR.has(name)) {
        this.barf(`${name} is Ruler reserved fieldName which cannot be used inside $or.`);
      }
      const t = this.next();
      if (t === Tok.StartObject) {
        path.push(name);
        const node = this.parseObject(rules, path, insideOr);
        path.pop();
        entries.push({ kind: 'object', key: name, node });
      } else if (t === Tok.StartArray) {
        const count = this.writeRules(rules, [...path, name].join('.'));
        entries.push({ kind: 'values', key: name, count });
      } else {
        this.barf(`"${name}" must be an object or an array`);
      }
    }
    if (!fieldsPresent) this.barf('Empty objects are not allowed');
    return { entries };
  }

  private parseOr(rules: SubRule[], path: string[]): PolicyEntry {
    const before = rules.map((r) => new Map(r));
    rules.length = 0;
    if (this.next() !== Tok.StartArray) this.barf('It must be an Array followed with $or.');
    const branches: PolicyObject[] = [];
    for (;;) {
      const t = this.next();
      if (t === Tok.EndArray) break;
      if (t !== Tok.StartObject) this.barf('Only JSON object is allowed in array of $or relationship.');
      const branchRules = before.length > 0 ? before.map((r) => new Map(r)) : [new Map<string, Pattern[]>()];
      branches.push(this.parseObject(branchRules, path, true));
      rules.push(...branchRules);
    }
    if (branches.length < 2) this.barf('There must have at least 2 Objects in $or relationship.');
    return { kind: 'or', branches };
  }

  private writeRules(rules: SubRule[], name: string): number {
    const values: Pattern[] = [];
    for (;;) {
      const t = this.next();
      if (t === Tok.EndArray) break;
      switch (t) {
        case Tok.StartObject:
          values.push(this.matchExpression());
          break;
        case Tok.String: {
          const value = this.cursor.text();
          const hex = ipToHex(value);
          values.push(hex === null ? { k: 'string', value } : { k: 'ip', hex });
          break;
        }
        case Tok.Int:
        case Tok.Float:
          values.push({ k: 'number', text: this.cursor.text(), value: comparable(this.cursor.number()) });
          break;
        case Tok.True:
        case Tok.False:
        case Tok.Null:
          values.push({ k: 'literal', value: this.cursor.text() as 'true' | 'false' | 'null' });
          break;
        default:
          this.barf('Match value must be String, number, true, false, or null');
      }
    }
    if (values.length === 0) this.barf('Empty arrays are not allowed');
    if (rules.length === 0) rules.push(new Map());
    for (const rule of rules) rule.set(name, values);
    return values.length;
  }

  private endOfExpression(message = ONE_KEY): void {
    if (this.next() !== Tok.EndObject) this.barf(message);
  }

  private stringOperand(operator: string): string {
    if (this.next() !== Tok.String) this.barf(`${operator} match pattern must be a string`);
    return this.cursor.text();
  }

  private matchExpression(): Pattern {
    if (this.next() !== Tok.FieldName) this.barf('Match expression name not found');
    const operator = this.cursor.text();
    switch (operator) {
      case 'exactly': {
        const value = this.stringOperand('exact');
        this.endOfExpression();
        return { k: 'string', value };
      }
      case 'prefix':
      case 'suffix': {
        const value = this.stringOperand(operator);
        this.endOfExpression();
        return { k: operator, value };
      }
      case 'equals-ignore-case': {
        const value = this.stringOperand(operator);
        this.endOfExpression();
        return { k: 'equals-ignore-case', lower: value.toLowerCase() };
      }
      case 'numeric': {
        if (this.next() !== Tok.StartArray) this.barf('Value of numeric must be an array.');
        const pattern = this.numeric();
        this.endOfExpression(TOO_MANY_ELEMENTS);
        return pattern;
      }
      case 'anything-but':
        return this.anythingBut();
      case 'exists': {
        const t = this.next();
        if (t !== Tok.True && t !== Tok.False) this.barf('exists match pattern must be either true or false.');
        this.endOfExpression();
        return t === Tok.True ? { k: 'exists' } : { k: 'absent' };
      }
      case 'cidr': {
        // event-ruler words a non-string CIDR as if it were a prefix.
        const text = this.stringOperand('prefix');
        let range: IpRange;
        try {
          range = parseCidr(text);
        } catch (err) {
          if (err instanceof CidrError) throw new RuleArgumentError(err.message);
          throw err;
        }
        this.endOfExpression();
        return { k: 'cidr', range };
      }
      default:
        this.barf(`Unrecognized match type ${operator}`);
    }
  }

  private anythingBut(): Pattern {
    const t = this.next();
    if (t === Tok.StartObject) {
      if (this.next() !== Tok.FieldName) this.barf('Anything-But expression name not found');
      const operator = this.cursor.text();
      if (operator !== 'prefix') this.barf(`Unsupported anything-but pattern: ${operator}`);
      const value = this.stringOperand('prefix');
      if (value === '') this.barf('Null prefix not allowed');
      this.endOfExpression();
      this.endOfExpression();
      return { k: 'anything-but-prefix', value };
    }
    let pattern: Pattern;
    if (t === Tok.StartArray) {
      pattern = this.anythingButList();
    } else if (t === Tok.String) {
      pattern = { k: 'anything-but-strings', values: new Set([this.cursor.text()]) };
    } else if (isNumber(t)) {
      // Not guarded in event-ruler: an out-of-range single value escapes as a bare IllegalArgumentException.
      const value = comparable(this.cursor.number());
      if (Number.isNaN(value)) throw new RuleArgumentError(NUMBER_RANGE_MESSAGE);
      pattern = { k: 'anything-but-numbers', values: new Set([value]) };
    } else {
      this.barf('Value of anything-but must be an array or single string/number value.');
    }
    this.endOfExpression(TOO_MANY_ELEMENTS);
    return pattern;
  }

  private anythingButList(): Pattern {
    const strings = new Set<string>();
    const numbers = new Set<number>();
    for (;;) {
      const t = this.next();
      if (t === Tok.EndArray) break;
      if (t === Tok.String) {
        strings.add(this.cursor.text());
      } else if (isNumber(t)) {
        const value = comparable(this.cursor.number());
        if (Number.isNaN(value)) this.barf(NUMBER_RANGE_MESSAGE);
        numbers.add(value);
      } else {
        // event-ruler catches its own parse exception here and raises a new one from its message,
        // so this error carries its location twice.
        const inner = 'Inside anything but list, start|null|boolean is not supported.';
        this.barf(`${inner}\n at ${ruleLocation(this.written.text, this.cursor.column())}`);
      }
    }
    if ((numbers.size > 0) === (strings.size > 0)) {
      this.barf('Inside anything but list, either all values are number or string, mixed type is not supported');
    }
    return numbers.size > 0 ? { k: 'anything-but-numbers', values: numbers } : { k: 'anything-but-strings', values: strings };
  }

  private range(low: number, lowOpen: boolean, high: number, highOpen: boolean): Pattern {
    if (low >= high) this.barf('Bottom must be less than top');
    const lowValue = comparable(low);
    const highValue = comparable(high);
    if (Number.isNaN(lowValue) || Number.isNaN(highValue)) this.barf(NUMBER_RANGE_MESSAGE);
    return { k: 'range', low: lowValue, lowOpen, high: highValue, highOpen };
  }

  private numeric(): Pattern {
    if (this.next() !== Tok.String) this.barf(`Invalid member in numeric match: ${this.cursor.text()}`);
    const operator = this.cursor.text();
    const t = this.next();
    const name = operator === '=' ? 'equals' : operator;
    switch (operator) {
      case '=': {
        if (!isNumber(t)) this.barf(`Value of ${name} must be numeric`);
        const value = this.cursor.number();
        if (this.next() !== Tok.EndArray) this.barf(TOO_MANY_ELEMENTS);
        const c = comparable(value);
        if (Number.isNaN(c)) this.barf(NUMBER_RANGE_MESSAGE);
        return { k: 'numeric-equals', value: c };
      }
      case '>':
      case '>=': {
        if (!isNumber(t)) this.barf(`Value of ${name} must be numeric`);
        const bottom = this.cursor.number();
        const after = this.next();
        if (after === Tok.EndArray) return this.range(bottom, operator === '>', NUMBER_LIMIT, false);
        return this.completeRange(after, bottom, operator === '>');
      }
      case '<':
      case '<=': {
        if (!isNumber(t)) this.barf(`Value of ${name} must be numeric`);
        const top = this.cursor.number();
        if (this.next() !== Tok.EndArray) this.barf(TOO_MANY_ELEMENTS);
        return this.range(-NUMBER_LIMIT, false, top, operator === '<');
      }
      default:
        this.barf(`Unrecognized numeric range operator: ${operator}`);
    }
  }

  private completeRange(t: Tok | null, bottom: number, bottomOpen: boolean): Pattern {
    if (t !== Tok.String) this.barf(`Bad value in numeric range: ${this.cursor.text()}`);
    const operator = this.cursor.text();
    if (operator !== '<' && operator !== '<=') this.barf(`Bad numeric range operator: ${operator}`);
    if (!isNumber(this.next())) this.barf(`Value of ${operator} must be numeric`);
    const top = this.cursor.number();
    if (this.next() !== Tok.EndArray) this.barf('Too many terms in numeric range expression');
    return this.range(bottom, bottomOpen, top, operator === '<');
  }
}

/**
 * Compiles the compact rule text as event-ruler's Machine.addRule does. Throws RuleSyntaxError
 * (with a location) or RuleArgumentError (without).
 */
export function compileRule(written: WrittenJson): CompiledRule {
  try {
    return new RuleCompiler(written, true).compile();
  } catch (err) {
    if (!(err instanceof RuleSyntaxError)) throw err;
    return new RuleCompiler(written, false).compile();
  }
}

// ---- AWS's limits on the shape -------------------------------------------------------------------

/** Keys AWS counts against its limit of five: the top-level ones, "$or" branches included. */
export function topLevelKeys(shape: PolicyObject, into = new Set<string>()): Set<string> {
  for (const entry of shape.entries) {
    if (entry.kind === 'or') for (const branch of entry.branches) topLevelKeys(branch, into);
    else into.add(entry.key);
  }
  return into;
}

/**
 * AWS's "total combination": the product over a rule's value arrays of (nesting depth × number of
 * values), summed over the alternatives "$or" opens.
 */
export function combinations(shape: PolicyObject, depth = 1): number {
  let total = 1;
  for (const entry of shape.entries) {
    if (entry.kind === 'values') total *= depth * entry.count;
    else if (entry.kind === 'object') total *= combinations(entry.node, depth + 1);
    else total *= entry.branches.reduce((sum, branch) => sum + combinations(branch, depth), 0);
  }
  return total;
}

export function isNested(shape: PolicyObject): boolean {
  return shape.entries.some((e) => e.kind === 'object' || (e.kind === 'or' && e.branches.some(isNested)));
}
