// SNS subscription filter policies: compile once (validating exactly as AWS does, with AWS's
// messages), then match many messages quickly. The rule language is AWS's event-ruler, which
// EventBridge patterns use too.
//
// Validation runs in AWS's order: the policy text is read as JSON (errors quote Jackson with a
// redacted source), the tree is written back compactly and compiled as a rule (errors quote the
// compact text and the column in it), then AWS's own limits apply: at most five keys, at most 150
// combinations, and no nesting when the scope is MessageAttributes.

import { combinations, compileRule, isNested, topLevelKeys } from './compile.js';
import { NESTED_IN_ATTRIBUTES_SCOPE, RuleArgumentError, RuleSyntaxError, TOO_COMPLEX, TOO_MANY_KEYS } from './errors.js';
import { LeafIndex, matchPlan, planFor, type MatchPlan } from './match.js';
import { JsonReadError, readJsonTree } from '@tributary/asl';
import { writeJsonTree } from './write.js';

export type FilterScope = 'MessageAttributes' | 'MessageBody';

/** An SNS message attribute as published: Value is the string form (String.Array: JSON array text). */
export interface SnsAttribute {
  Type: string;
  Value: string;
}

export interface CompiledFilterPolicy {
  readonly scope: FilterScope;
}

export type CompileResult = { ok: true; policy: CompiledFilterPolicy } | { ok: false; message: string };

const MAX_KEYS = 5;
const MAX_COMBINATIONS = 150;

class Policy implements CompiledFilterPolicy {
  constructor(
    readonly scope: FilterScope,
    readonly plan: MatchPlan,
  ) {}
}

/**
 * Compiles a filter policy. On failure, message is what AWS puts after "Invalid parameter: " (or
 * "Invalid parameter: Attributes Reason: " on Subscribe), e.g.
 * `FilterPolicy: Bottom must be less than top\n at [Source: (String)"…"; line: 1, column: 33]`.
 * An empty policy ("") means "no policy" to SNS and is the caller's to handle.
 */
export function compileFilterPolicy(text: string, scope: FilterScope): CompileResult {
  let written;
  try {
    written = writeJsonTree(readJsonTree(text));
  } catch (err) {
    if (err instanceof JsonReadError) return { ok: false, message: `FilterPolicy: failed to parse JSON. ${err.message}` };
    throw err;
  }
  let rule;
  try {
    rule = compileRule(written);
  } catch (err) {
    if (err instanceof RuleSyntaxError) return { ok: false, message: `FilterPolicy: ${err.jacksonMessage()}` };
    if (err instanceof RuleArgumentError) return { ok: false, message: `FilterPolicy: ${err.message}` };
    throw err;
  }
  if (topLevelKeys(rule.shape).size > MAX_KEYS) return { ok: false, message: TOO_MANY_KEYS };
  if (combinations(rule.shape) > MAX_COMBINATIONS) return { ok: false, message: TOO_COMPLEX };
  if (scope === 'MessageAttributes' && isNested(rule.shape)) return { ok: false, message: NESTED_IN_ATTRIBUTES_SCOPE };
  return { ok: true, policy: new Policy(scope, planFor(rule.subRules)) };
}

/**
 * What AWS says when a JSON-valued attribute does not parse: "failed to parse JSON. " and Jackson's
 * message with its (redacted) location; undefined when the text parses.
 */
export function jacksonParseProblem(text: string): string | undefined {
  try {
    readJsonTree(text);
    return undefined;
  } catch (err) {
    if (err instanceof JsonReadError) return `failed to parse JSON. ${err.message}`;
    throw err;
  }
}

function planOf(policy: CompiledFilterPolicy): MatchPlan {
  if (!(policy instanceof Policy)) throw new TypeError('not a policy from compileFilterPolicy');
  return policy.plan;
}

/**
 * Whether a message with these attributes passes the policy (scope MessageAttributes). A message
 * without attributes never passes; Binary attributes are ignored; String.Array attributes match when
 * any element does; Number attributes compare as numbers.
 */
export function matchesMessageAttributes(policy: CompiledFilterPolicy, attributes: Record<string, SnsAttribute>): boolean {
  const plan = planOf(policy);
  const names = Object.keys(attributes);
  if (names.length === 0) return false;
  const index = new LeafIndex(plan);
  for (const name of names) {
    const a = attributes[name];
    if (a) index.addAttribute(name, a.Type, a.Value);
  }
  return matchPlan(plan, index);
}

/** Whether a message body passes the policy (scope MessageBody). A body that is not a JSON object never does. */
export function matchesMessageBody(policy: CompiledFilterPolicy, body: string): boolean {
  const plan = planOf(policy);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
  const index = new LeafIndex(plan);
  index.addObject(parsed as Record<string, unknown>);
  return matchPlan(plan, index);
}
