// Definition validation as CreateStateMachine, UpdateStateMachine and ValidateStateMachineDefinition
// perform it. Two phases, as AWS runs them:
//   1. the document: JSON syntax (Jackson's messages), then every object's fields: required, allowed
//      for the state type and for the query language, value types, ranges, enums, paths, intrinsic
//      calls, timestamps, resources, Retry/Catch, Choice rules, nested Parallel/Map machines;
//   2. only when the document has no error, the graph of every States block: transition targets,
//      a terminal state, reachability.
// Wording and locations follow what AWS was recorded answering (the conformance corpus, and
// measurements quoted in peers' issue trackers); where AWS's wording is not known the message keeps
// AWS's style. See the module's test for what is pinned against recordings.

import { JsonReadError } from '../json/location.js';
import { readJsonTree } from '../json/reader.js';
import { toJsonValue, type JsonNode, type JsonObjectNode } from '../json/tree.js';
import { isItemReaderResource, isResultWriterResource, parseTaskResource } from './resources.js';
import {
  STRING_INTRINSICS,
  intrinsicCall,
  isJsonataExpression,
  isPath,
  isPathOrIntrinsic,
  isReferencePath,
  isRfc3339Timestamp,
  jsonataBody,
  labelProblem,
  pythonRepr,
} from './syntax.js';
import type { Diagnostic, QueryLanguage, StateMachineDefinition, StateMachineType, StateType, ValidationResult } from './types.js';

export interface JsonataProblem {
  /** INVALID_JSONATA_EXPRESSION (does not parse) or UNSUPPORTED_JSONATA_EXPRESSION (e.g. a top-level reference). */
  code: string;
  message: string;
}

export interface ValidateOptions {
  /** The state machine type; EXPRESS refuses .sync, .waitForTaskToken and activities. Default STANDARD. */
  type?: StateMachineType;
  /**
   * Checks one JSONata expression (the text between "{%" and "%}") the way AWS does at creation;
   * without it JSONata expressions are not looked into.
   */
  checkJsonata?: (expression: string) => JsonataProblem | undefined;
}

export const STATE_TYPES: readonly StateType[] = ['Task', 'Wait', 'Pass', 'Succeed', 'Fail', 'Choice', 'Parallel', 'Map'];

/** Choice comparison operators, in the order AWS's schema lists them. */
export const COMPARISON_OPERATORS: readonly string[] = [
  'StringEquals',
  'StringEqualsPath',
  'StringLessThan',
  'StringLessThanPath',
  'StringGreaterThan',
  'StringGreaterThanPath',
  'StringLessThanEquals',
  'StringLessThanEqualsPath',
  'StringGreaterThanEquals',
  'StringGreaterThanEqualsPath',
  'StringMatches',
  'NumericEquals',
  'NumericEqualsPath',
  'NumericLessThan',
  'NumericLessThanPath',
  'NumericGreaterThan',
  'NumericGreaterThanPath',
  'NumericLessThanEquals',
  'NumericLessThanEqualsPath',
  'NumericGreaterThanEquals',
  'NumericGreaterThanEqualsPath',
  'BooleanEquals',
  'BooleanEqualsPath',
  'TimestampEquals',
  'TimestampEqualsPath',
  'TimestampLessThan',
  'TimestampLessThanPath',
  'TimestampGreaterThan',
  'TimestampGreaterThanPath',
  'TimestampLessThanEquals',
  'TimestampLessThanEqualsPath',
  'TimestampGreaterThanEquals',
  'TimestampGreaterThanEqualsPath',
  'IsNull',
  'IsPresent',
  'IsNumeric',
  'IsString',
  'IsBoolean',
  'IsTimestamp',
];
const OPERATORS = new Set(COMPARISON_OPERATORS);

/** Which language a field belongs to: both, JSONPath only (P) or JSONata only (A). */
type Lang = 'both' | 'P' | 'A';

const IO: Record<string, Lang> = { InputPath: 'P', OutputPath: 'P' };
const TRANSITION: Record<string, Lang> = { Next: 'both', End: 'both' };

/** The fields each state type accepts besides Type, Comment and QueryLanguage. */
const STATE_FIELDS: Record<StateType, Record<string, Lang>> = {
  Pass: { ...IO, ...TRANSITION, Parameters: 'P', Result: 'P', ResultPath: 'P', Output: 'A', Assign: 'both' },
  Task: {
    ...IO,
    ...TRANSITION,
    Resource: 'both',
    Parameters: 'P',
    ResultSelector: 'P',
    ResultPath: 'P',
    Arguments: 'A',
    Output: 'A',
    Assign: 'both',
    TimeoutSeconds: 'both',
    TimeoutSecondsPath: 'P',
    HeartbeatSeconds: 'both',
    HeartbeatSecondsPath: 'P',
    Credentials: 'both',
    Retry: 'both',
    Catch: 'both',
  },
  Wait: { ...IO, ...TRANSITION, Seconds: 'both', Timestamp: 'both', SecondsPath: 'P', TimestampPath: 'P', Output: 'A', Assign: 'both' },
  Succeed: { ...IO, Output: 'A' },
  Fail: { Error: 'both', Cause: 'both', ErrorPath: 'P', CausePath: 'P' },
  Choice: { ...IO, Choices: 'both', Default: 'both', Output: 'A', Assign: 'both' },
  Parallel: {
    ...IO,
    ...TRANSITION,
    Branches: 'both',
    Parameters: 'P',
    ResultSelector: 'P',
    ResultPath: 'P',
    Arguments: 'A',
    Output: 'A',
    Assign: 'both',
    Retry: 'both',
    Catch: 'both',
  },
  Map: {
    ...IO,
    ...TRANSITION,
    ItemProcessor: 'both',
    Iterator: 'both',
    ItemsPath: 'P',
    Items: 'A',
    ItemSelector: 'both',
    Parameters: 'P',
    ItemReader: 'both',
    ItemBatcher: 'both',
    ResultWriter: 'both',
    MaxConcurrency: 'both',
    MaxConcurrencyPath: 'P',
    ToleratedFailurePercentage: 'both',
    ToleratedFailurePercentagePath: 'P',
    ToleratedFailureCount: 'both',
    ToleratedFailureCountPath: 'P',
    Label: 'both',
    ResultSelector: 'P',
    ResultPath: 'P',
    Output: 'A',
    Assign: 'both',
    Retry: 'both',
    Catch: 'both',
  },
};

const REQUIRED_STATE_FIELDS: Partial<Record<StateType, readonly string[]>> = {
  Task: ['Resource'],
  Choice: ['Choices'],
  Parallel: ['Branches'],
};

const HAS_TRANSITION: ReadonlySet<StateType> = new Set(['Pass', 'Task', 'Wait', 'Parallel', 'Map']);

const RETRIER_FIELDS = new Set(['ErrorEquals', 'IntervalSeconds', 'MaxAttempts', 'BackoffRate', 'MaxDelaySeconds', 'JitterStrategy', 'Comment']);
const CATCHER_FIELDS: Record<string, Lang> = { ErrorEquals: 'both', Next: 'both', ResultPath: 'P', Output: 'A', Assign: 'both', Comment: 'both' };

const SCHEMA = 'SCHEMA_VALIDATION_FAILED';
const MISSING_TARGET = 'MISSING_TRANSITION_TARGET';

const UNRECOGNIZED_RESOURCE = (resource: string): string =>
  `The resource provided ${resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`;

type Machine = 'root' | 'branch' | 'processor';

const child = (location: string, key: string): string => `${location}/${key}`;
const shown = (location: string): string => (location === '' ? '/' : location);

class Validator {
  readonly diagnostics: Diagnostic[] = [];
  private machineLanguage: QueryLanguage = 'JSONPath';
  private readonly stateNames = new Set<string>();

  constructor(private readonly options: ValidateOptions) {}

  // ---- reporting --------------------------------------------------------------------------------

  private error(code: string, message: string, location?: string): void {
    this.diagnostics.push(location === undefined ? { severity: 'ERROR', code, message } : { severity: 'ERROR', code, message, location });
  }
  private schema(message: string, location: string): void {
    this.error(SCHEMA, message, shown(location));
  }
  private required(object: JsonObjectNode, fields: readonly string[], location: string): void {
    const missing = fields.filter((f) => !object.map.has(f));
    if (missing.length > 0) this.schema(`These fields are required: [${missing.join(', ')}]`, location);
  }
  private unsupported(field: string, location: string): void {
    this.schema(`Field '${field}' is not supported`, location);
  }
  private wrongLanguage(language: QueryLanguage, field: string, location: string): void {
    const other = language === 'JSONPath' ? 'JSONata' : 'JSONPath';
    this.schema(`The QueryLanguage is set to '${language}', but field '${field}' is only supported for the '${other}' QueryLanguage`, location);
  }
  private typeError(type: string, location: string): void {
    this.schema(`Expected value of type ${type}`, location);
  }
  private exclusive(object: JsonObjectNode, fields: readonly string[], location: string, requireOne: boolean): void {
    const count = fields.filter((f) => object.map.has(f)).length;
    if (count > 1) this.schema(`There should only be one of the following fields: [${fields.join(', ')}]`, location);
    else if (count === 0 && requireOne) this.schema(`This object should have only one of the following fields: [${fields.join(', ')}]`, location);
  }

  // ---- value checks -----------------------------------------------------------------------------

  private string(node: JsonNode, location: string): node is Extract<JsonNode, { kind: 'string' }> {
    if (node.kind === 'string') return true;
    this.typeError('String', location);
    return false;
  }
  private boolean(node: JsonNode, location: string): void {
    if (node.kind !== 'boolean') this.typeError('Boolean', location);
  }
  private object(node: JsonNode, location: string): node is JsonObjectNode {
    if (node.kind === 'object') return true;
    this.typeError('Object', location);
    return false;
  }
  private array(node: JsonNode, location: string, nonEmpty: boolean): readonly JsonNode[] | undefined {
    if (node.kind !== 'array') {
      this.typeError('Array', location);
      return undefined;
    }
    if (nonEmpty && node.items.length === 0) {
      this.schema('Value cannot be empty', location);
      return undefined;
    }
    return node.items;
  }
  private enumeration(node: JsonNode, field: string, values: readonly string[], location: string): void {
    if (node.kind !== 'string' || !values.includes(node.value)) {
      this.schema(`The field '${field}' should have one of these values: [${values.join(', ')}]`, location);
    }
  }
  private range(value: number, location: string, min: number | undefined, max: number | undefined): void {
    if (min !== undefined && value < min) this.schema(`Minimum value is ${min}`, location);
    else if (max !== undefined && value > max) this.schema(`Maximum value is ${max}`, location);
  }
  /** An integer (an integral number written with a fraction is taken as one). */
  private integer(node: JsonNode, location: string, min?: number, max?: number): void {
    if (node.kind !== 'number' || !Number.isInteger(node.value)) {
      this.typeError('Integer', location);
      return;
    }
    this.range(node.value, location, min, max);
  }
  private number(node: JsonNode, location: string, min?: number, max?: number): void {
    if (node.kind !== 'number') {
      this.typeError('Number', location);
      return;
    }
    this.range(node.value, location, min, max);
  }
  /** A field taking an integer, or in JSONata a "{% %}" expression. */
  private integerOrExpression(node: JsonNode, language: QueryLanguage, location: string, min?: number, max?: number): void {
    if (language === 'JSONata' && node.kind === 'string' && isJsonataExpression(node.value)) this.jsonata(node.value, location);
    else this.integer(node, location, min, max);
  }
  private numberOrExpression(node: JsonNode, language: QueryLanguage, location: string, min?: number, max?: number): void {
    if (language === 'JSONata' && node.kind === 'string' && isJsonataExpression(node.value)) this.jsonata(node.value, location);
    else this.number(node, location, min, max);
  }
  /** A string field that JSONata may give as an expression. */
  private text(node: JsonNode, language: QueryLanguage, location: string): void {
    if (!this.string(node, location)) return;
    if (language === 'JSONata' && isJsonataExpression(node.value)) this.jsonata(node.value, location);
  }
  private jsonata(value: string, location: string): void {
    const problem = this.options.checkJsonata?.(jsonataBody(value));
    if (problem) this.error(problem.code, problem.message, location);
  }

  /** InputPath, OutputPath, ItemsPath, the *Path fields: a Path; null where the field allows it. */
  private path(node: JsonNode, field: string, location: string, nullable: boolean): void {
    if (node.kind === 'null' && nullable) return;
    if (node.kind === 'string' && isPath(node.value)) return;
    this.schema(`The value for the field '${field}' must be a valid JSONPath`, location);
  }
  /** ResultPath: a Reference Path or null. */
  private referencePath(node: JsonNode, field: string, location: string): void {
    if (node.kind === 'null') return;
    if (node.kind === 'string' && isReferencePath(node.value)) return;
    this.schema(`The value for the field '${field}' must be a valid ReferencePath`, location);
  }

  /**
   * A payload template. JSONPath: every "key.$" holds a path or an intrinsic call (reported at the
   * template's own location, naming the key). JSONata: every "{% %}" string is an expression
   * (reported where it sits).
   */
  private template(node: JsonNode, language: QueryLanguage, location: string, root = location): void {
    if (node.kind === 'object') {
      for (const [key, value] of node.entries) {
        if (language === 'JSONPath' && key.endsWith('.$')) {
          if (value.kind !== 'string' || !isPathOrIntrinsic(value.value)) {
            this.schema(`The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call`, root);
          }
          continue;
        }
        this.template(value, language, child(location, key), root);
      }
    } else if (node.kind === 'array') {
      node.items.forEach((item, i) => this.template(item, language, `${location}[${i}]`, root));
    } else if (node.kind === 'string' && language === 'JSONata' && isJsonataExpression(node.value)) {
      this.jsonata(node.value, location);
    }
  }
  /** A template that must be an object (ResultSelector, Assign), or in JSONata may be an expression. */
  private objectTemplate(node: JsonNode, language: QueryLanguage, location: string, expressionAllowed: boolean): void {
    if (expressionAllowed && language === 'JSONata' && node.kind === 'string' && isJsonataExpression(node.value)) {
      this.jsonata(node.value, location);
      return;
    }
    if (this.object(node, location)) this.template(node, language, location);
  }

  // ---- machines ---------------------------------------------------------------------------------

  document(root: JsonObjectNode, type: StateMachineType): void {
    const ql = root.map.get('QueryLanguage');
    this.machineLanguage = ql !== undefined && ql.kind === 'string' && ql.value !== 'JSONPath' ? 'JSONata' : 'JSONPath';
    this.machine(root, '', 'root', type);
  }

  private machine(object: JsonObjectNode, location: string, kind: Machine, type: StateMachineType): void {
    const allowed =
      kind === 'root'
        ? ['Comment', 'StartAt', 'States', 'Version', 'TimeoutSeconds', 'QueryLanguage']
        : kind === 'processor'
          ? ['Comment', 'StartAt', 'States', 'ProcessorConfig']
          : ['Comment', 'StartAt', 'States'];
    this.required(object, ['States', 'StartAt'], location);
    for (const [field] of object.entries) if (!allowed.includes(field)) this.unsupported(field, location);
    for (const [field, value] of object.entries) {
      const at = child(location, field);
      switch (field) {
        case 'Comment':
        case 'StartAt':
          this.string(value, at);
          break;
        case 'Version':
          if (kind === 'root') this.enumeration(value, 'Version', ['1.0'], at);
          break;
        case 'TimeoutSeconds':
          if (kind === 'root') this.integer(value, at, 0, 99999999);
          break;
        case 'QueryLanguage':
          if (kind === 'root') this.enumeration(value, 'QueryLanguage', ['JSONPath', 'JSONata'], at);
          break;
      }
    }
    const states = object.map.get('States');
    if (states === undefined) return;
    const statesAt = child(location, 'States');
    if (!this.object(states, statesAt)) return;
    if (states.entries.length === 0) {
      this.schema('Value cannot be empty', statesAt);
      return;
    }
    for (const [name, state] of states.entries) {
      const at = child(statesAt, name);
      if ([...name].length > 80) {
        this.error('INVALID_STATE_NAME', `Invalid State name: State '${name}' exceeds the 80-character limit allowed by the service`, at);
      }
      if (this.stateNames.has(name)) this.error('DUPLICATE_STATE_NAME', `Duplicate State name: ${name}`, at);
      this.stateNames.add(name);
      this.state(state, at, type);
    }
  }

  // ---- states -----------------------------------------------------------------------------------

  private state(node: JsonNode, location: string, type: StateMachineType): void {
    if (!this.object(node, location)) return;
    const typeNode = node.map.get('Type');
    if (typeNode === undefined) {
      this.required(node, ['Type'], location);
      return;
    }
    if (typeNode.kind !== 'string' || !(STATE_TYPES as readonly string[]).includes(typeNode.value)) {
      this.enumeration(typeNode, 'Type', STATE_TYPES, child(location, 'Type'));
      return;
    }
    const stateType = typeNode.value as StateType;
    const language = this.stateLanguage(node, location);
    const fields = STATE_FIELDS[stateType];
    this.required(node, REQUIRED_STATE_FIELDS[stateType] ?? [], location);

    /** The fields present that this state accepts in its language. */
    const usable = new Map<string, JsonNode>();
    for (const [field, value] of node.entries) {
      if (field === 'Type' || field === 'QueryLanguage') continue;
      if (field === 'Comment') {
        this.string(value, child(location, field));
        continue;
      }
      const lang = fields[field];
      if (lang === undefined) this.unsupported(field, location);
      else if (lang === 'P' && language === 'JSONata') this.wrongLanguage(language, field, location);
      else if (lang === 'A' && language === 'JSONPath') this.wrongLanguage(language, field, location);
      else usable.set(field, value);
    }

    if (HAS_TRANSITION.has(stateType)) {
      const next = usable.get('Next');
      const end = usable.get('End');
      if (next !== undefined) this.string(next, child(location, 'Next'));
      if (end !== undefined) this.boolean(end, child(location, 'End'));
      const ends = end !== undefined && end.kind === 'boolean' && end.value;
      if (next !== undefined && ends) this.schema('There should only be one of the following fields: [Next, End]', location);
      else if (next === undefined && !ends) this.schema('This object should have only one of the following fields: [Next, End]', location);
    }

    for (const [field, value] of usable) this.commonField(field, value, language, location);

    switch (stateType) {
      case 'Task':
        this.task(node, usable, language, location, type);
        break;
      case 'Wait':
        this.wait(node, usable, language, location);
        break;
      case 'Fail':
        this.fail(node, usable, language, location);
        break;
      case 'Choice':
        this.choice(usable, language, location);
        break;
      case 'Parallel':
        this.parallel(usable, location, type);
        break;
      case 'Map':
        this.map(node, usable, language, location, type);
        break;
      case 'Pass':
      case 'Succeed':
        break;
    }
  }

  /** The state's effective query language; a JSONPath state under a JSONata machine is refused. */
  private stateLanguage(node: JsonObjectNode, location: string): QueryLanguage {
    const ql = node.map.get('QueryLanguage');
    if (ql === undefined) return this.machineLanguage;
    this.enumeration(ql, 'QueryLanguage', ['JSONPath', 'JSONata'], child(location, 'QueryLanguage'));
    const language: QueryLanguage = ql.kind === 'string' && ql.value === 'JSONPath' ? 'JSONPath' : 'JSONata';
    if (language === 'JSONPath' && this.machineLanguage === 'JSONata') {
      this.schema("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", location);
    }
    return language;
  }

  /** Fields that mean the same on every state type that has them. */
  private commonField(field: string, value: JsonNode, language: QueryLanguage, location: string): void {
    const at = child(location, field);
    switch (field) {
      case 'InputPath':
      case 'OutputPath':
        this.path(value, field, at, true);
        break;
      case 'ResultPath':
        this.referencePath(value, field, at);
        break;
      case 'Parameters':
        this.template(value, language, at);
        break;
      case 'ResultSelector':
        this.objectTemplate(value, language, at, false);
        break;
      case 'Arguments':
        this.objectTemplate(value, language, at, true);
        break;
      case 'Output':
        this.template(value, language, at);
        break;
      case 'Assign':
        this.objectTemplate(value, language, at, false);
        break;
      case 'Retry':
        this.retry(value, at);
        break;
      case 'Catch':
        this.catchers(value, language, at);
        break;
    }
  }

  private task(node: JsonObjectNode, usable: Map<string, JsonNode>, language: QueryLanguage, location: string, type: StateMachineType): void {
    const resource = usable.get('Resource');
    if (resource !== undefined && this.string(resource, child(location, 'Resource'))) {
      const at = child(location, 'Resource');
      const parsed = parseTaskResource(resource.value);
      if (parsed === undefined) this.schema(UNRECOGNIZED_RESOURCE(resource.value), at);
      else if (type === 'EXPRESS') {
        if (parsed.pattern === 'sync' || parsed.pattern === 'sync2') this.schema("Express state machine does not support '.sync' service integration", at);
        else if (parsed.pattern === 'waitForTaskToken') this.schema("Express state machine does not support '.waitForTaskToken' service integration ", at);
        else if (parsed.kind === 'activity') this.schema('Express state machine does not support Activity ARN', at);
      }
    }
    for (const [field, min] of [
      ['TimeoutSeconds', 1],
      ['HeartbeatSeconds', 1],
    ] as const) {
      const value = usable.get(field);
      if (value !== undefined) this.integerOrExpression(value, language, child(location, field), min, 99999999);
      const path = usable.get(`${field}Path`);
      if (path !== undefined) this.path(path, `${field}Path`, child(location, `${field}Path`), false);
      this.exclusive(node, [field, `${field}Path`], location, false);
    }
    const credentials = usable.get('Credentials');
    if (credentials !== undefined) {
      const at = child(location, 'Credentials');
      if (this.object(credentials, at)) {
        const role = credentials.map.get('RoleArn');
        const rolePath = language === 'JSONPath' ? credentials.map.get('RoleArn.$') : undefined;
        if (role === undefined && rolePath === undefined) this.schema("The field 'RoleArn' is required but was missing", at);
        if (role !== undefined) this.text(role, language, child(at, 'RoleArn'));
        if (rolePath !== undefined && (rolePath.kind !== 'string' || !isPathOrIntrinsic(rolePath.value))) {
          this.schema("The value for the field 'RoleArn.$' must be a valid JSONPath or a valid intrinsic function call", at);
        }
      }
    }
  }

  private wait(node: JsonObjectNode, usable: Map<string, JsonNode>, language: QueryLanguage, location: string): void {
    const timing = ['SecondsPath', 'Seconds', 'TimestampPath', 'Timestamp'];
    const present = timing.filter((f) => usable.has(f));
    if (present.length > 1) this.schema(`There should only be one of the following fields: [${timing.join(', ')}]`, location);
    else if (present.length === 0 && !timing.some((f) => node.map.has(f))) {
      this.schema(`This object should have only one of the following fields: [${timing.join(', ')}]`, location);
    }
    const seconds = usable.get('Seconds');
    if (seconds !== undefined) this.integerOrExpression(seconds, language, child(location, 'Seconds'), 0, 99999999);
    const timestamp = usable.get('Timestamp');
    if (timestamp !== undefined) {
      const at = child(location, 'Timestamp');
      if (language === 'JSONata' && timestamp.kind === 'string' && isJsonataExpression(timestamp.value)) this.jsonata(timestamp.value, at);
      else if (timestamp.kind !== 'string' || !isRfc3339Timestamp(timestamp.value)) this.schema('String does not match RFC3339 timestamp', at);
    }
    for (const field of ['SecondsPath', 'TimestampPath']) {
      const value = usable.get(field);
      if (value !== undefined) this.path(value, field, child(location, field), false);
    }
  }

  private fail(node: JsonObjectNode, usable: Map<string, JsonNode>, language: QueryLanguage, location: string): void {
    for (const field of ['Error', 'Cause']) {
      const value = usable.get(field);
      if (value !== undefined) this.text(value, language, child(location, field));
      const path = usable.get(`${field}Path`);
      if (path !== undefined) {
        const ok = path.kind === 'string' && (isPath(path.value) || STRING_INTRINSICS.has(intrinsicCall(path.value) ?? ''));
        if (!ok) this.schema(`The value for the field '${field}Path' must be a valid JSONPath or a valid intrinsic function call`, child(location, `${field}Path`));
      }
      this.exclusive(node, [field, `${field}Path`], location, false);
    }
  }

  // ---- Choice -----------------------------------------------------------------------------------

  private choice(usable: Map<string, JsonNode>, language: QueryLanguage, location: string): void {
    const def = usable.get('Default');
    if (def !== undefined) this.string(def, child(location, 'Default'));
    const choices = usable.get('Choices');
    if (choices === undefined) return;
    const items = this.array(choices, child(location, 'Choices'), true);
    items?.forEach((rule, i) => {
      const at = `${location}/Choices[${i}]`;
      if (language === 'JSONata') this.jsonataRule(rule, at);
      else this.rule(rule, at, true);
    });
  }

  private jsonataRule(node: JsonNode, location: string): void {
    if (!this.object(node, location)) return;
    const allowed: Record<string, Lang> = { Condition: 'A', Next: 'both', Assign: 'both', Output: 'A', Comment: 'both', Variable: 'P', And: 'P', Or: 'P', Not: 'P' };
    this.required(node, ['Condition', 'Next'], location);
    for (const [field, value] of node.entries) {
      const at = child(location, field);
      const lang = OPERATORS.has(field) ? 'P' : allowed[field];
      if (lang === undefined) this.unsupported(field, location);
      else if (lang === 'P') this.wrongLanguage('JSONata', field, location);
      else if (field === 'Condition') {
        if (value.kind === 'string' && isJsonataExpression(value.value)) this.jsonata(value.value, at);
        else if (value.kind !== 'boolean') this.schema('Incorrect type. Expected one of boolean, JSONata expression.', at);
      } else if (field === 'Next' || field === 'Comment') this.string(value, at);
      else if (field === 'Assign') this.objectTemplate(value, 'JSONata', at, false);
      else if (field === 'Output') this.template(value, 'JSONata', at);
    }
  }

  /** A JSONPath rule; top-level rules carry Next (and Assign), nested ones do not. */
  private rule(node: JsonNode, location: string, top: boolean): void {
    if (!this.object(node, location)) return;
    if (top) this.required(node, ['Next'], location);
    const variable = node.map.has('Variable');
    for (const [field] of node.entries) {
      if (field === 'Condition' || field === 'Output') this.wrongLanguage('JSONPath', field, location);
      else if (field === 'Comment' || field === 'Variable' || field === 'And' || field === 'Or' || field === 'Not') continue;
      else if (top && (field === 'Next' || field === 'Assign')) continue;
      else if (OPERATORS.has(field) && variable) continue;
      else this.unsupported(field, location);
    }
    const selectors = ['And', 'Or', 'Not', 'Variable'].filter((f) => node.map.has(f));
    if (selectors.length !== 1 && !node.map.has('Condition')) {
      this.schema('The object must have only one of the following fields, [And, Or, Not, Variable, Condition]', location);
    }
    for (const [field, value] of node.entries) {
      const at = child(location, field);
      switch (field) {
        case 'Comment':
        case 'Next':
          this.string(value, at);
          break;
        case 'Assign':
          this.objectTemplate(value, 'JSONPath', at, false);
          break;
        case 'Variable':
          this.path(value, field, at, false);
          break;
        case 'And':
        case 'Or':
          this.array(value, at, true)?.forEach((sub, i) => this.rule(sub, `${at}[${i}]`, false));
          break;
        case 'Not':
          this.rule(value, at, false);
          break;
        default:
          if (OPERATORS.has(field) && variable) this.operand(field, value, at);
      }
    }
    if (variable) {
      const operators = node.entries.filter(([k]) => OPERATORS.has(k)).length;
      if (operators > 1) this.schema(`There should only be one of the following fields: [${COMPARISON_OPERATORS.join(', ')}]`, location);
      else if (operators === 0) this.schema(`This object should have only one of the following fields: [${COMPARISON_OPERATORS.join(', ')}]`, location);
    }
  }

  private operand(operator: string, value: JsonNode, location: string): void {
    if (operator.endsWith('Path')) this.path(value, operator, location, false);
    else if (operator.startsWith('Is') || operator === 'BooleanEquals') this.boolean(value, location);
    else if (operator.startsWith('Numeric')) this.number(value, location);
    else if (operator.startsWith('Timestamp')) {
      if (this.string(value, location) && !isRfc3339Timestamp(value.value)) this.schema('String does not match RFC3339 timestamp', location);
    } else this.string(value, location);
  }

  // ---- Retry and Catch ----------------------------------------------------------------------------

  private errorEquals(node: JsonNode, location: string, last: boolean): void {
    const names = this.array(node, location, true);
    if (names === undefined) return;
    names.forEach((name, i) => this.string(name, `${location}[${i}]`));
    const all = names.some((n) => n.kind === 'string' && n.value === 'States.ALL');
    if (all && (names.length > 1 || !last)) this.schema('States.ALL must appear alone and at end of list', location);
  }

  private retry(node: JsonNode, location: string): void {
    const retriers = this.array(node, location, false);
    retriers?.forEach((retrier, i) => {
      const at = `${location}[${i}]`;
      if (!this.object(retrier, at)) return;
      this.required(retrier, ['ErrorEquals'], at);
      for (const [field] of retrier.entries) if (!RETRIER_FIELDS.has(field)) this.unsupported(field, at);
      for (const [field, value] of retrier.entries) {
        const fieldAt = child(at, field);
        switch (field) {
          case 'ErrorEquals':
            this.errorEquals(value, fieldAt, i === retriers.length - 1);
            break;
          case 'IntervalSeconds':
            this.integer(value, fieldAt, 0, 99999999);
            break;
          case 'MaxAttempts':
            this.integer(value, fieldAt, 0, 99999999);
            break;
          case 'BackoffRate':
            this.number(value, fieldAt, 1);
            break;
          case 'MaxDelaySeconds':
            this.integer(value, fieldAt, 1, 31622400);
            break;
          case 'JitterStrategy':
            this.enumeration(value, 'JitterStrategy', ['FULL', 'NONE'], fieldAt);
            break;
          case 'Comment':
            this.string(value, fieldAt);
            break;
        }
      }
    });
  }

  private catchers(node: JsonNode, language: QueryLanguage, location: string): void {
    const catchers = this.array(node, location, false);
    catchers?.forEach((catcher, i) => {
      const at = `${location}[${i}]`;
      if (!this.object(catcher, at)) return;
      this.required(catcher, ['ErrorEquals', 'Next'], at);
      for (const [field, value] of catcher.entries) {
        const lang = CATCHER_FIELDS[field];
        const fieldAt = child(at, field);
        if (lang === undefined) this.unsupported(field, at);
        else if ((lang === 'P' && language === 'JSONata') || (lang === 'A' && language === 'JSONPath')) this.wrongLanguage(language, field, at);
        else if (field === 'ErrorEquals') this.errorEquals(value, fieldAt, i === catchers.length - 1);
        else if (field === 'Next' || field === 'Comment') this.string(value, fieldAt);
        else if (field === 'ResultPath') this.referencePath(value, field, fieldAt);
        else if (field === 'Output') this.template(value, language, fieldAt);
        else if (field === 'Assign') this.objectTemplate(value, language, fieldAt, false);
      }
    });
  }

  // ---- Parallel and Map -------------------------------------------------------------------------

  private parallel(usable: Map<string, JsonNode>, location: string, type: StateMachineType): void {
    const branches = usable.get('Branches');
    if (branches === undefined) return;
    this.array(branches, child(location, 'Branches'), true)?.forEach((branch, i) => {
      const at = `${location}/Branches[${i}]`;
      if (this.object(branch, at)) this.machine(branch, at, 'branch', type);
    });
  }

  private map(node: JsonObjectNode, usable: Map<string, JsonNode>, language: QueryLanguage, location: string, type: StateMachineType): void {
    this.exclusive(node, ['ItemProcessor', 'Iterator'], location, true);
    const itemsPath = usable.get('ItemsPath');
    if (itemsPath !== undefined) this.path(itemsPath, 'ItemsPath', child(location, 'ItemsPath'), false);
    const items = usable.get('Items');
    if (items !== undefined) {
      const at = child(location, 'Items');
      if (items.kind === 'string' && isJsonataExpression(items.value)) this.jsonata(items.value, at);
      else if (items.kind === 'array') this.template(items, language, at);
      else this.schema('Incorrect type. Expected one of array, JSONata expression.', at);
    }
    const selector = usable.get('ItemSelector');
    if (selector !== undefined) this.template(selector, language, child(location, 'ItemSelector'));

    const concurrency = usable.get('MaxConcurrency');
    if (concurrency !== undefined) this.integerOrExpression(concurrency, language, child(location, 'MaxConcurrency'), 0);
    const percentage = usable.get('ToleratedFailurePercentage');
    if (percentage !== undefined) this.numberOrExpression(percentage, language, child(location, 'ToleratedFailurePercentage'), 0, 100);
    const count = usable.get('ToleratedFailureCount');
    if (count !== undefined) this.integerOrExpression(count, language, child(location, 'ToleratedFailureCount'), 0);
    for (const field of ['MaxConcurrency', 'ToleratedFailurePercentage', 'ToleratedFailureCount']) {
      const path = usable.get(`${field}Path`);
      if (path !== undefined) this.path(path, `${field}Path`, child(location, `${field}Path`), false);
      this.exclusive(node, [field, `${field}Path`], location, false);
    }

    const label = usable.get('Label');
    if (label !== undefined && this.string(label, child(location, 'Label'))) {
      const problem = labelProblem(label.value);
      if (problem !== undefined) this.schema(problem, child(location, 'Label'));
    }

    const reader = usable.get('ItemReader');
    if (reader !== undefined) this.itemReader(reader, language, child(location, 'ItemReader'));
    const batcher = usable.get('ItemBatcher');
    if (batcher !== undefined) this.itemBatcher(batcher, language, child(location, 'ItemBatcher'));
    const writer = usable.get('ResultWriter');
    if (writer !== undefined) this.resultWriter(writer, language, child(location, 'ResultWriter'));

    // The iteration machine last, so that the Map's own fields are reported first.
    for (const field of ['ItemProcessor', 'Iterator']) {
      const processor = usable.get(field);
      if (processor === undefined) continue;
      const at = child(location, field);
      if (!this.object(processor, at)) continue;
      let childType = type;
      const config = processor.map.get('ProcessorConfig');
      if (config !== undefined) {
        const configAt = child(at, 'ProcessorConfig');
        if (this.object(config, configAt)) {
          for (const [key] of config.entries) if (key !== 'Mode' && key !== 'ExecutionType') this.unsupported(key, configAt);
          const mode = config.map.get('Mode');
          const executionType = config.map.get('ExecutionType');
          if (mode !== undefined) this.enumeration(mode, 'Mode', ['INLINE', 'DISTRIBUTED'], child(configAt, 'Mode'));
          if (executionType !== undefined) this.enumeration(executionType, 'ExecutionType', ['STANDARD', 'EXPRESS'], child(configAt, 'ExecutionType'));
          const distributed = mode !== undefined && mode.kind === 'string' && mode.value === 'DISTRIBUTED';
          if (distributed) {
            if (type === 'EXPRESS') this.schema("The field 'Mode' with value 'DISTRIBUTED' is not supported inside 'EXPRESS' state machines", child(configAt, 'Mode'));
            if (executionType === undefined) this.required(config, ['ExecutionType'], configAt);
            else if (executionType.kind === 'string' && executionType.value === 'EXPRESS') childType = 'EXPRESS';
            else childType = 'STANDARD';
          } else if (executionType !== undefined) this.unsupported('ExecutionType', configAt);
        }
      }
      this.machine(processor, at, 'processor', childType);
    }
  }

  /** The fields of a nested configuration object: unknown ones refused, language-bound ones checked. */
  private nestedFields(object: JsonObjectNode, fields: Record<string, Lang>, language: QueryLanguage, location: string): Map<string, JsonNode> {
    const usable = new Map<string, JsonNode>();
    for (const [field, value] of object.entries) {
      const lang = fields[field];
      if (lang === undefined) this.unsupported(field, location);
      else if ((lang === 'P' && language === 'JSONata') || (lang === 'A' && language === 'JSONPath')) this.wrongLanguage(language, field, location);
      else usable.set(field, value);
    }
    return usable;
  }

  private itemReader(node: JsonNode, language: QueryLanguage, location: string): void {
    if (!this.object(node, location)) return;
    this.required(node, ['Resource'], location);
    const usable = this.nestedFields(node, { Resource: 'both', ReaderConfig: 'both', Parameters: 'P', Arguments: 'A' }, language, location);
    const resource = usable.get('Resource');
    if (resource !== undefined && this.string(resource, child(location, 'Resource')) && !isItemReaderResource(resource.value)) {
      this.schema(UNRECOGNIZED_RESOURCE(resource.value), child(location, 'Resource'));
    }
    const parameters = usable.get('Parameters');
    if (parameters !== undefined) this.objectTemplate(parameters, language, child(location, 'Parameters'), false);
    const args = usable.get('Arguments');
    if (args !== undefined) this.objectTemplate(args, language, child(location, 'Arguments'), true);
    const config = usable.get('ReaderConfig');
    if (config === undefined) return;
    const at = child(location, 'ReaderConfig');
    if (!this.object(config, at)) return;
    const fields = this.nestedFields(
      config,
      { InputType: 'both', CSVHeaderLocation: 'both', CSVHeaders: 'both', CSVDelimiter: 'both', ManifestType: 'both', MaxItems: 'both', MaxItemsPath: 'P' },
      language,
      at,
    );
    for (const [field, value] of fields) {
      const fieldAt = child(at, field);
      switch (field) {
        case 'InputType':
          this.enumeration(value, field, ['CSV', 'JSON', 'JSONL', 'MANIFEST', 'PARQUET'], fieldAt);
          break;
        case 'CSVHeaderLocation':
          this.enumeration(value, field, ['FIRST_ROW', 'GIVEN'], fieldAt);
          break;
        case 'CSVDelimiter':
          this.enumeration(value, field, ['COMMA', 'PIPE', 'SEMICOLON', 'TAB', 'SPACE'], fieldAt);
          break;
        case 'CSVHeaders':
          this.array(value, fieldAt, true)?.forEach((header, i) => this.string(header, `${fieldAt}[${i}]`));
          break;
        case 'ManifestType':
          this.string(value, fieldAt);
          break;
        case 'MaxItems':
          this.integerOrExpression(value, language, fieldAt, 0);
          break;
        case 'MaxItemsPath':
          this.path(value, field, fieldAt, false);
          break;
      }
    }
    this.exclusive(config, ['MaxItems', 'MaxItemsPath'], at, false);
  }

  private itemBatcher(node: JsonNode, language: QueryLanguage, location: string): void {
    if (!this.object(node, location)) return;
    const fields = this.nestedFields(
      node,
      { MaxItemsPerBatch: 'both', MaxItemsPerBatchPath: 'P', MaxInputBytesPerBatch: 'both', MaxInputBytesPerBatchPath: 'P', BatchInput: 'both' },
      language,
      location,
    );
    for (const [field, value] of fields) {
      const at = child(location, field);
      if (field === 'BatchInput') this.template(value, language, at);
      else if (field.endsWith('Path')) this.path(value, field, at, false);
      else this.integerOrExpression(value, language, at, 1);
    }
    this.exclusive(node, ['MaxItemsPerBatch', 'MaxItemsPerBatchPath'], location, false);
    this.exclusive(node, ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'], location, false);
  }

  private resultWriter(node: JsonNode, language: QueryLanguage, location: string): void {
    if (!this.object(node, location)) return;
    const fields = this.nestedFields(node, { Resource: 'both', Parameters: 'P', Arguments: 'A', WriterConfig: 'both' }, language, location);
    const resource = fields.get('Resource');
    if (resource !== undefined && this.string(resource, child(location, 'Resource')) && !isResultWriterResource(resource.value)) {
      this.schema(UNRECOGNIZED_RESOURCE(resource.value), child(location, 'Resource'));
    }
    const parameters = fields.get('Parameters');
    if (parameters !== undefined) this.objectTemplate(parameters, language, child(location, 'Parameters'), false);
    const args = fields.get('Arguments');
    if (args !== undefined) this.objectTemplate(args, language, child(location, 'Arguments'), true);
    const config = fields.get('WriterConfig');
    if (config === undefined) return;
    const at = child(location, 'WriterConfig');
    if (!this.object(config, at)) return;
    const configFields = this.nestedFields(config, { OutputType: 'both', Transformation: 'both' }, language, at);
    const output = configFields.get('OutputType');
    if (output !== undefined) this.enumeration(output, 'OutputType', ['JSON', 'JSONL'], child(at, 'OutputType'));
    const transformation = configFields.get('Transformation');
    if (transformation !== undefined) this.enumeration(transformation, 'Transformation', ['NONE', 'COMPACT', 'FLATTEN'], child(at, 'Transformation'));
  }

  // ---- phase 2: the graph -------------------------------------------------------------------------

  /** Transition targets, terminal states and reachability of one States block, then the nested ones. */
  graph(machine: Record<string, unknown>, location: string, root: boolean): void {
    const states = machine['States'] as Record<string, Record<string, unknown>>;
    const names = new Set(Object.keys(states));
    const referenced = new Set<string>();
    const target = (name: unknown, at: string): void => {
      if (typeof name !== 'string') return;
      referenced.add(name);
      if (!names.has(name)) this.error(MISSING_TARGET, `Missing 'Next' target: ${name}`, at);
    };
    target(machine['StartAt'], child(location, 'StartAt'));
    for (const [name, state] of Object.entries(states)) {
      const at = child(child(location, 'States'), name);
      target(state['Next'], child(at, 'Next'));
      const choices = state['Choices'];
      if (Array.isArray(choices)) choices.forEach((rule: Record<string, unknown>, i) => target(rule['Next'], `${at}/Choices[${i}]/Next`));
      target(state['Default'], child(at, 'Default'));
      const catchers = state['Catch'];
      if (Array.isArray(catchers)) catchers.forEach((catcher: Record<string, unknown>, i) => target(catcher['Next'], `${at}/Catch[${i}]/Next`));
    }
    const terminal = Object.values(states).some((s) => s['End'] === true || s['Type'] === 'Succeed' || s['Type'] === 'Fail');
    if (!terminal) {
      this.error('MISSING_END_STATE', 'Workflow has no terminal state', root ? undefined : shown(location));
    } else {
      for (const name of names) {
        if (!referenced.has(name)) this.error(MISSING_TARGET, `State "${name}" is not reachable.`, child(child(location, 'States'), name));
      }
    }
    for (const [name, state] of Object.entries(states)) {
      const at = child(child(location, 'States'), name);
      const branches = state['Branches'];
      if (state['Type'] === 'Parallel' && Array.isArray(branches)) {
        branches.forEach((branch: Record<string, unknown>, i) => this.graph(branch, `${at}/Branches[${i}]`, false));
      }
      if (state['Type'] === 'Map') {
        for (const field of ['ItemProcessor', 'Iterator']) {
          const processor = state[field];
          if (processor !== null && typeof processor === 'object') this.graph(processor as Record<string, unknown>, child(at, field), false);
        }
      }
    }
  }
}

/**
 * Validates a definition as AWS does. OK means CreateStateMachine accepts it; the definition is then
 * returned parsed. Diagnostics are ERRORs with AWS's codes, messages and locations.
 */
export function validateDefinition(text: string, options: ValidateOptions = {}): ValidationResult {
  const validator = new Validator(options);
  let root: JsonNode | undefined;
  try {
    root = readJsonTree(text, { includeSource: true });
  } catch (err) {
    if (!(err instanceof JsonReadError)) throw err;
    const diagnostic: Diagnostic = { severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', message: err.message };
    if (err.location !== undefined) diagnostic.location = err.location;
    return { result: 'FAIL', diagnostics: [diagnostic] };
  }
  if (root === undefined || root.kind !== 'object') {
    return { result: 'FAIL', diagnostics: [{ severity: 'ERROR', code: SCHEMA, message: 'Definition must be a valid JSON object' }] };
  }
  validator.document(root, options.type ?? 'STANDARD');
  const definition = toJsonValue(root) as unknown as StateMachineDefinition;
  if (!validator.diagnostics.some((d) => d.severity === 'ERROR')) validator.graph(definition as unknown as Record<string, unknown>, '', true);
  const failed = validator.diagnostics.some((d) => d.severity === 'ERROR');
  return failed ? { result: 'FAIL', diagnostics: validator.diagnostics } : { result: 'OK', diagnostics: validator.diagnostics, definition };
}

const isLabelDiagnostic = (d: Diagnostic): boolean => d.code === SCHEMA && (d.location?.endsWith('/Label') ?? false) && d.message.startsWith('Label ');

/**
 * The message of CreateStateMachine's / UpdateStateMachine's InvalidDefinition error for these
 * diagnostics: "Invalid State Machine Definition: 'CODE: message at location, CODE: ...'" (a
 * diagnostic without a location reads "at null"). A Map Label refusal is worded as AWS was recorded
 * wording it, which quotes the definition text: pass it to get that form.
 */
export function invalidDefinitionMessage(diagnostics: readonly Diagnostic[], definitionText?: string): string {
  const errors = diagnostics.filter((d) => d.severity === 'ERROR');
  const label = definitionText === undefined ? undefined : errors.find(isLabelDiagnostic);
  if (label !== undefined) return `Error=ValueError Args=[${pythonRepr(label.message)}] in definition '${definitionText}'.`;
  const parts = errors.map((d) => `${d.code}: ${d.message} at ${d.location ?? 'null'}`);
  return `Invalid State Machine Definition: '${parts.join(', ')}'`;
}
