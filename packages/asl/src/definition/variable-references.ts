// variableReferences, as DescribeStateMachine and DescribeStateMachineForExecution report it: for
// every state that reads workflow variables, the names it reads. Learnt from the AWS recordings
// (LocalStack's test_sfn_api_variable_references.py snapshots, 14 definitions, each described by
// both operations):
//  - keys are state names, nested states (Map ItemProcessor, Parallel branches) under their own
//    names, at any depth: {"Summate": [...]} for a state two Maps deep;
//  - each list is sorted (by UTF-16 code unit, as Java sorts strings) and holds every name once:
//    `States.MathAdd(States.MathAdd(States.MathAdd($yCurrent, $xCurrent), $zCurrent), $bias)` gives
//    ["bias", "xCurrent", "yCurrent", "zCurrent"], InputPath and OutputPath both "$answer" give
//    ["answer"];
//  - a path is reduced to its variable: `$x.y[0]` reads x; `$.a` and `$$.Map.Item.Value` read none;
//  - JSONPath states read through InputPath, OutputPath, ItemsPath and every other `…Path` field
//    except ResultPath (SecondsPath, TimestampPath, ErrorPath, CausePath, MaxConcurrencyPath,
//    ToleratedFailure*Path, ItemReader.ReaderConfig.MaxItemsPath ...), Choice Variable and `…Path`
//    operands (inside And/Or/Not too), and the `.$` members of payload templates (Parameters,
//    ResultSelector, ItemSelector, Assign, ...), intrinsic arguments included; a template value
//    without `.$` is a literal ("bucketName": "$bucket" reads nothing), and so is Result;
//  - the state's own Assign counts ("guess.$": "$answer" makes the state read answer);
//  - JSONata states read through the `{% %}` expressions of any field: `$name` nodes, except
//    $states, the context item `$` / `$$`, function calls (`$not(...)` reads nothing) and names the
//    expression binds itself (`$x := ...`, lambda parameters, `@$v` / `#$i`);
//  - a state that reads no variable is left out, and with no state left the member is absent.
// The JSONata rules beyond "$states and function calls read nothing" (recorded) are inferred.

import { parseIntrinsic, looksLikeIntrinsic, type IntrinsicCall } from '../intrinsics/parser.js';
import { compileJsonata, type JsonataNode } from '../jsonata/compile.js';
import { isJsonataExpression, jsonataSource } from '../jsonata/expression.js';
import { compilePath } from '../paths/jsonpath.js';
import { isJsonObject, setOwn, type JsonObject, type JsonValue } from '../paths/json.js';
import { isDynamicKey } from '../paths/templates.js';
import type { QueryLanguage, StateMachineDefinition } from './types.js';

/** State name → the workflow variables the state reads, sorted. */
export type VariableReferences = Record<string, string[]>;

/**
 * The workflow variables each state reads, as AWS reports them in variableReferences; undefined
 * when no state reads any (AWS then leaves the member out). Takes the definition as an object or
 * as JSON text; text that does not parse has no references.
 */
export function variableReferences(
  definition: StateMachineDefinition | JsonValue | string,
): VariableReferences | undefined {
  let root: unknown = definition;
  if (typeof definition === 'string') {
    try {
      root = JSON.parse(definition);
    } catch {
      return undefined;
    }
  }
  if (!isJsonObject(root as JsonValue)) return undefined;
  const top = root as JsonObject;
  const language: QueryLanguage = top.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
  const found = new Map<string, Set<string>>();
  collectMachine(top, language, found);
  if (found.size === 0) return undefined;
  const out: VariableReferences = {};
  // Defined, not assigned: a state may be called "__proto__".
  for (const [state, names] of found) setOwn(out, state, [...names].sort(compareCodeUnits));
  return out;
}

/** Java's String.compareTo order (UTF-16 code units), which is also JavaScript's default. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A machine, Parallel branch or Map processor: its states, then the machines nested in them. */
function collectMachine(
  machine: JsonObject,
  language: QueryLanguage,
  found: Map<string, Set<string>>,
): void {
  const states = machine.States;
  if (!isJsonObject(states)) return;
  for (const name of Object.keys(states)) {
    const state = states[name];
    if (!isJsonObject(state)) continue;
    const own =
      state.QueryLanguage === 'JSONata' || state.QueryLanguage === 'JSONPath'
        ? state.QueryLanguage
        : language;
    const names = new Set<string>();
    if (own === 'JSONata') jsonataState(state, names);
    else jsonPathState(state, names);
    if (names.size > 0) {
      const known = found.get(name);
      if (known) for (const n of names) known.add(n);
      else found.set(name, names);
    }
    // Nested machines take the top-level language, not their parent state's.
    const branches = state.Branches;
    if (Array.isArray(branches)) {
      for (const branch of branches)
        if (isJsonObject(branch)) collectMachine(branch, language, found);
    }
    for (const field of ['ItemProcessor', 'Iterator']) {
      const processor = state[field];
      if (isJsonObject(processor)) collectMachine(processor, language, found);
    }
  }
}

// ---- JSONPath ------------------------------------------------------------------------------------

/** Fields holding payload templates, whose `.$` members are evaluated. */
const TEMPLATE_FIELDS: ReadonlySet<string> = new Set([
  'Parameters',
  'ResultSelector',
  'ItemSelector',
  'Assign',
  'Credentials',
  'BatchInput',
]);

/** A `…Path` field other than ResultPath (which writes, never reads). */
function isReadPathField(field: string): boolean {
  return field.endsWith('Path') && field !== 'ResultPath';
}

function jsonPathState(state: JsonObject, names: Set<string>): void {
  for (const field of Object.keys(state)) {
    const value = state[field] as JsonValue;
    if (isReadPathField(field)) {
      if (typeof value === 'string') dynamicValue(value, names);
    } else if (TEMPLATE_FIELDS.has(field)) {
      template(value, names);
    } else if (field === 'ItemReader' || field === 'ItemBatcher' || field === 'ResultWriter') {
      jsonPathPart(value, names);
    } else if (field === 'Choices' && Array.isArray(value)) {
      for (const rule of value) {
        if (!isJsonObject(rule)) continue;
        choiceRule(rule, names);
        template(rule.Assign, names);
      }
    } else if (field === 'Catch' && Array.isArray(value)) {
      for (const catcher of value) if (isJsonObject(catcher)) template(catcher.Assign, names);
    }
  }
}

/** ItemReader, ItemBatcher, ResultWriter and ReaderConfig: `…Path` fields and templates. */
function jsonPathPart(part: JsonValue | undefined, names: Set<string>): void {
  if (!isJsonObject(part)) return;
  for (const field of Object.keys(part)) {
    const value = part[field] as JsonValue;
    if (isReadPathField(field)) {
      if (typeof value === 'string') dynamicValue(value, names);
    } else if (TEMPLATE_FIELDS.has(field)) {
      template(value, names);
    } else if (field === 'ReaderConfig') {
      jsonPathPart(value, names);
    }
  }
}

/** A JSONPath Choice rule: Variable, the `…Path` operands, and the rules under And, Or and Not. */
function choiceRule(rule: JsonObject, names: Set<string>): void {
  for (const field of Object.keys(rule)) {
    const value = rule[field] as JsonValue;
    if (field === 'Variable' || isReadPathField(field)) {
      if (typeof value === 'string') dynamicValue(value, names);
    } else if (field === 'And' || field === 'Or') {
      if (Array.isArray(value))
        for (const inner of value) if (isJsonObject(inner)) choiceRule(inner, names);
    } else if (field === 'Not') {
      if (isJsonObject(value)) choiceRule(value, names);
    }
  }
}

/** A payload template: the values of `.$` members, at any depth. */
function template(value: JsonValue | undefined, names: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) template(item, names);
  } else if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      const member = value[key] as JsonValue;
      if (isDynamicKey(key)) {
        if (typeof member === 'string') dynamicValue(member, names);
      } else {
        template(member, names);
      }
    }
  }
}

/** A path (`$…`, `$$…`, `$name…`) or an intrinsic call; text that parses as neither reads nothing. */
function dynamicValue(text: string, names: Set<string>): void {
  if (looksLikeIntrinsic(text)) {
    let call: IntrinsicCall;
    try {
      call = parseIntrinsic(text);
    } catch {
      return;
    }
    intrinsic(call, names);
  } else if (text.startsWith('$')) {
    pathVariable(text, names);
  }
}

function pathVariable(text: string, names: Set<string>): void {
  let root;
  try {
    root = compilePath(text).root;
  } catch {
    return;
  }
  if (root.kind === 'variable') names.add(root.name);
}

function intrinsic(call: IntrinsicCall, names: Set<string>): void {
  for (const arg of call.args) {
    if (arg.kind === 'path' && arg.path.root.kind === 'variable') names.add(arg.path.root.name);
    else if (arg.kind === 'call') intrinsic(arg.call, names);
  }
}

// ---- JSONata -------------------------------------------------------------------------------------

/** State fields that hold no expression, or machines read on their own. */
const JSONATA_SKIPPED: ReadonlySet<string> = new Set([
  'Type',
  'Comment',
  'QueryLanguage',
  'Next',
  'End',
  'Default',
  'Retry',
  'Branches',
  'ItemProcessor',
  'Iterator',
]);

function jsonataState(state: JsonObject, names: Set<string>): void {
  for (const field of Object.keys(state)) {
    if (JSONATA_SKIPPED.has(field)) continue;
    const value = state[field] as JsonValue;
    if ((field === 'Choices' || field === 'Catch') && Array.isArray(value)) {
      // Rule and catcher fields: Condition, Assign, Output (Comment, Next, ErrorEquals are literal).
      for (const entry of value) {
        if (!isJsonObject(entry)) continue;
        for (const key of Object.keys(entry)) {
          if (key !== 'Comment' && key !== 'Next' && key !== 'ErrorEquals')
            expressions(entry[key] as JsonValue, names);
        }
      }
    } else {
      expressions(value, names);
    }
  }
}

/** Every "{% %}" string in a value, at any depth. */
function expressions(value: JsonValue, names: Set<string>): void {
  if (typeof value === 'string') {
    if (isJsonataExpression(value)) jsonataVariables(value, names);
  } else if (Array.isArray(value)) {
    for (const item of value) expressions(item, names);
  } else if (isJsonObject(value)) {
    for (const key of Object.keys(value)) expressions(value[key] as JsonValue, names);
  }
}

/** The workflow variables one "{% %}" expression reads; an expression that does not parse reads none. */
function jsonataVariables(text: string, names: Set<string>): void {
  const compiled = compileJsonata(jsonataSource(text));
  if (!compiled.ok) return;
  visit(compiled.ast, new Set(), names);
}

type Pair = readonly [JsonataNode, JsonataNode];

function isPairs(value: JsonataNode['lhs']): value is readonly Pair[] {
  return Array.isArray(value);
}

/** Names that are not workflow variables: the context item ($, $$) and $states. */
function isWorkflowVariable(name: string): boolean {
  return name !== '' && name !== '$' && name !== 'states';
}

/**
 * Walks an expression. `bound` holds the names the expression itself binds where the node is:
 * `:=` binds into the current frame (a block's, or the expression's), a lambda's parameters and a
 * path's `@$v` / `#$i` live in frames of their own.
 */
function visit(node: JsonataNode | undefined, bound: Set<string>, names: Set<string>): void {
  if (!node || typeof node !== 'object') return;
  const each = (
    nodes: readonly (JsonataNode | undefined)[] | undefined,
    scope: Set<string> = bound,
  ): void => {
    for (const child of nodes ?? []) visit(child, scope, names);
  };
  switch (node.type) {
    case 'variable': {
      const name = String(node.value);
      if (isWorkflowVariable(name) && !bound.has(name)) names.add(name);
      break;
    }
    case 'bind': {
      visit(node.rhs, bound, names);
      if (!isPairs(node.lhs) && node.lhs?.type === 'variable') bound.add(String(node.lhs.value));
      return;
    }
    case 'block':
      each(node.expressions, new Set(bound));
      return;
    case 'lambda': {
      const scope = new Set(bound);
      for (const parameter of node.arguments ?? []) scope.add(String(parameter.value));
      visit(node.body, scope, names);
      return;
    }
    case 'function':
    case 'partial':
      // `$name(...)` calls a function; only a computed procedure can read a variable.
      if (node.procedure?.type !== 'variable') visit(node.procedure, bound, names);
      each(node.arguments);
      break;
    case 'path': {
      const scope = new Set(bound);
      for (const step of node.steps ?? []) {
        const { focus, index } = step as { focus?: unknown; index?: unknown };
        if (typeof focus === 'string') scope.add(focus);
        if (typeof index === 'string') scope.add(index);
        visit(step, scope, names);
      }
      for (const [key, value] of node.group?.lhs ?? []) each([key, value], scope);
      each(
        (node.stages ?? []).map((stage) => stage.expr),
        scope,
      );
      each(
        (node.predicate ?? []).map((stage) => stage.expr),
        scope,
      );
      return;
    }
    default:
      each(node.steps);
      each(node.expressions);
      each(node.arguments);
      each([
        node.procedure,
        node.expression,
        node.body,
        node.condition,
        node.then,
        node.else,
        node.rhs,
      ]);
      each([node.pattern, node.update, node.delete]);
      if (isPairs(node.lhs)) for (const [key, value] of node.lhs) each([key, value]);
      else visit(node.lhs, bound, names);
      for (const term of node.terms ?? []) visit(term.expression, bound, names);
      break;
  }
  // Filters, stages and grouping attached to any step.
  each((node.stages ?? []).map((stage) => stage.expr));
  each((node.predicate ?? []).map((stage) => stage.expr));
  for (const [key, value] of node.group?.lhs ?? []) each([key, value]);
}
