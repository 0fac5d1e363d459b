// What CreateStateMachine / ValidateStateMachineDefinition check in a JSONata expression
// (measured against AWS and quoted in floci-io/floci#2670, #2745 and its tests):
//  - it must parse: INVALID_JSONATA_EXPRESSION with the parser's message minus its code
//    ("1 +" → "Unexpected end of expression", "a[1,2)" → 'Expected "]", got ","', "" → "Unexpected
//    end of expression");
//  - it runs with no context item, so nothing may read one at the top level:
//    UNSUPPORTED_JSONATA_EXPRESSION "Reference to 'phone' at the top level is not supported." (also
//    for $), and "Reference to '$$' is not supported." for $$. Only the first step of a path reads
//    the top-level context; later steps, predicates, sort terms and grouping read what the step
//    before produced and may name fields freely. A lambda body keeps its definer's context, so
//    `$map($states.input.a, function($x){ b })` names b at the top level. Object constructor keys
//    are expressions too: `{aaa: 1}` names aaa.
//  - $states.errorOutput outside a Catch's Output/Assign: "Field '$states.errorOutput' does not
//    exist." The same sentence for $states.result where there is no result is inferred, not
//    recorded. Both need to know the field, so they are checked only when `available` is given.

import type { JsonataProblem } from '../definition/validate.js';
import { compileJsonata, type JsonataNode } from './compile.js';

/** Which optional $states members the field offers (input and context always exist). */
export interface JsonataStatesAvailability {
  readonly result: boolean;
  readonly errorOutput: boolean;
}

type Pair = readonly [JsonataNode, JsonataNode];

function isPairs(value: JsonataNode['lhs']): value is readonly Pair[] {
  return Array.isArray(value);
}

/** Names the expression reads from the (absent) top-level context, in the order written. */
function topLevelReferences(node: JsonataNode | undefined, found: string[]): void {
  if (!node) return;
  const each = (nodes: readonly JsonataNode[] | undefined): void => {
    for (const child of nodes ?? []) topLevelReferences(child, found);
  };
  switch (node.type) {
    case 'path':
      topLevelReferences(node.steps?.[0], found);
      return;
    case 'name':
      found.push(String(node.value));
      return;
    case 'variable':
      // `$` parses as the variable named "", `$$` as the variable named "$".
      if (node.value === '') found.push('$');
      else if (node.value === '$') found.push('$$');
      return;
    case 'unary':
      if (node.value === '[') each(node.expressions);
      else if (node.value === '{') {
        if (isPairs(node.lhs)) for (const [key, value] of node.lhs) each([key, value]);
      } else topLevelReferences(node.expression, found);
      return;
    case 'binary':
    case 'apply':
      if (!isPairs(node.lhs)) topLevelReferences(node.lhs, found);
      topLevelReferences(node.rhs, found);
      return;
    case 'function':
    case 'partial':
      topLevelReferences(node.procedure, found);
      each(node.arguments);
      return;
    case 'lambda':
      topLevelReferences(node.body, found);
      return;
    case 'condition':
      each([node.condition, node.then, node.else].filter((child): child is JsonataNode => child !== undefined));
      return;
    case 'block':
      each(node.expressions);
      return;
    case 'bind':
      topLevelReferences(node.rhs, found);
      return;
    default:
      // Literals, regexes, wildcards, descendants, transforms and sort/filter/group stages never
      // read the top-level context.
      return;
  }
}

function children(node: JsonataNode): JsonataNode[] {
  const out: JsonataNode[] = [];
  const add = (child: JsonataNode | undefined): void => {
    if (child && typeof child === 'object' && typeof child.type === 'string') out.push(child);
  };
  const addPairs = (pairs: readonly Pair[]): void => {
    for (const [key, value] of pairs) {
      add(key);
      add(value);
    }
  };
  for (const list of [node.steps, node.expressions, node.arguments]) for (const child of list ?? []) add(child);
  for (const child of [node.procedure, node.expression, node.body, node.condition, node.then, node.else, node.rhs]) {
    add(child);
  }
  for (const child of [node.pattern, node.update, node.delete]) add(child);
  if (isPairs(node.lhs)) addPairs(node.lhs);
  else add(node.lhs);
  for (const stage of [...(node.stages ?? []), ...(node.predicate ?? [])]) add(stage.expr);
  if (node.group) addPairs(node.group.lhs);
  for (const term of node.terms ?? []) add(term.expression);
  return out;
}

/** `$states.<member>` paths anywhere in the expression. */
function statesMembers(node: JsonataNode, found: Set<string>): void {
  const [first, second] = node.steps ?? [];
  if (node.type === 'path' && first?.type === 'variable' && first.value === 'states' && second?.type === 'name') {
    found.add(String(second.value));
  }
  for (const child of children(node)) statesMembers(child, found);
}

/**
 * Checks one JSONata expression (the text between "{%" and "%}") the way AWS does when a state
 * machine is created; undefined when AWS accepts it. Suitable as validateDefinition's
 * `checkJsonata` option. `available`, when given, also checks $states.result / $states.errorOutput
 * against what the field offers.
 */
export function checkJsonata(expression: string, available?: JsonataStatesAvailability): JsonataProblem | undefined {
  const compiled = compileJsonata(expression);
  if (!compiled.ok) return { code: 'INVALID_JSONATA_EXPRESSION', message: compiled.failure.message };
  const references: string[] = [];
  topLevelReferences(compiled.ast, references);
  const [reference] = references;
  if (reference !== undefined) {
    return {
      code: 'UNSUPPORTED_JSONATA_EXPRESSION',
      message:
        reference === '$$'
          ? "Reference to '$$' is not supported."
          : `Reference to '${reference}' at the top level is not supported.`,
    };
  }
  if (available) {
    const members = new Set<string>();
    statesMembers(compiled.ast, members);
    for (const member of ['result', 'errorOutput'] as const) {
      if (members.has(member) && !available[member]) {
        return { code: 'UNSUPPORTED_JSONATA_EXPRESSION', message: `Field '$states.${member}' does not exist.` };
      }
    }
  }
  return undefined;
}
