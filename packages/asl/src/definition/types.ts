// The Amazon States Language as TypeScript types: the shape of a definition that validateDefinition
// accepted. Both query languages share one set of types; a field that only one language allows says
// so in its comment ("JSONPath" or "JSONata"). A JSONata expression is a string written entirely as
// "{% expression %}"; where a field takes either a literal or an expression, the type is a union.

import type { JsonObject, JsonValue } from '../paths/json.js';

export type { JsonObject, JsonValue };

/** A JSONata expression field value: the whole string is "{% ... %}". */
export type JsonataExpression = string;

export type QueryLanguage = 'JSONPath' | 'JSONata';
export type StateMachineType = 'STANDARD' | 'EXPRESS';
export type StateType = 'Task' | 'Wait' | 'Pass' | 'Succeed' | 'Fail' | 'Choice' | 'Parallel' | 'Map';

/**
 * A payload template (Parameters, ResultSelector, ItemSelector, Assign, Arguments, Output ...).
 * In JSONPath a key ending in ".$" takes a path, a context path ("$$..."), a variable ("$name...")
 * or an intrinsic function call; in JSONata any string value may be a "{% %}" expression.
 */
export type PayloadTemplate = JsonValue;

/** Variables to assign: names (JSONPath: optionally suffixed ".$") to values or expressions. */
export type Assign = JsonObject;

/** The top level of a state machine, also the shape of a Parallel branch and a Map processor. */
export interface StateMachineDefinition {
  Comment?: string;
  StartAt: string;
  States: Record<string, State>;
  /** Top level only: "1.0". */
  Version?: '1.0';
  /** Top level only: the execution times out with States.Timeout after this many seconds. */
  TimeoutSeconds?: number;
  /** Top level only; nested machines inherit the top-level language, not their parent state's. */
  QueryLanguage?: QueryLanguage;
}

/** A Parallel branch. */
export interface Branch {
  Comment?: string;
  StartAt: string;
  States: Record<string, State>;
}

interface StateBase {
  Type: StateType;
  Comment?: string;
  /** Overrides the machine's language for this state; JSONPath is refused under a JSONata machine. */
  QueryLanguage?: QueryLanguage;
}

/** Next xor End: true, on every state type except Choice, Succeed and Fail. */
interface Transition {
  Next?: string;
  End?: boolean;
}

/** JSONPath input/output filtering. */
interface InputOutputPaths {
  /** JSONPath. null selects {}. */
  InputPath?: string | null;
  /** JSONPath. null selects {}. */
  OutputPath?: string | null;
}

interface ResultHandling {
  /** JSONPath: a reference path into the raw input; null discards the result. */
  ResultPath?: string | null;
  /** JSONPath. */
  ResultSelector?: JsonObject;
}

export type ErrorName = string;

export interface Retrier {
  ErrorEquals: ErrorName[];
  /** Default 1. */
  IntervalSeconds?: number;
  /** Default 3; 0 never retries. */
  MaxAttempts?: number;
  /** Default 2.0, at least 1. */
  BackoffRate?: number;
  /** 1 to 31622400. */
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
  Comment?: string;
}

export interface Catcher {
  ErrorEquals: ErrorName[];
  Next: string;
  /** JSONPath. Default "$". */
  ResultPath?: string | null;
  /** JSONata. */
  Output?: PayloadTemplate;
  Assign?: Assign;
  Comment?: string;
}

interface ErrorHandling {
  Retry?: Retrier[];
  Catch?: Catcher[];
}

export interface PassState extends StateBase, Transition, InputOutputPaths {
  Type: 'Pass';
  /** JSONPath. */
  Parameters?: PayloadTemplate;
  /** JSONPath: a static value (never evaluated). */
  Result?: JsonValue;
  /** JSONPath. */
  ResultPath?: string | null;
  /** JSONata. */
  Output?: PayloadTemplate;
  Assign?: Assign;
}

export interface TaskCredentials {
  /** A role ARN, or in JSONata a "{% %}" expression. */
  RoleArn?: string;
  /** JSONPath: a path or intrinsic giving the role ARN. */
  'RoleArn.$'?: string;
}

export interface TaskState extends StateBase, Transition, InputOutputPaths, ResultHandling, ErrorHandling {
  Type: 'Task';
  /** A Lambda function ARN, an activity ARN or an integration "arn:aws:states:::service:api[.sync|.sync:2|.waitForTaskToken]". */
  Resource: string;
  /** JSONPath. */
  Parameters?: PayloadTemplate;
  /** JSONata: an object or a "{% %}" expression. */
  Arguments?: JsonObject | JsonataExpression;
  /** JSONata. */
  Output?: PayloadTemplate;
  Assign?: Assign;
  /** 1 to 99999999 (default 99999999), or in JSONata a "{% %}" expression. */
  TimeoutSeconds?: number | JsonataExpression;
  /** JSONPath. */
  TimeoutSecondsPath?: string;
  /** 1 to 99999999, or in JSONata a "{% %}" expression. */
  HeartbeatSeconds?: number | JsonataExpression;
  /** JSONPath. */
  HeartbeatSecondsPath?: string;
  Credentials?: TaskCredentials;
}

export interface WaitState extends StateBase, Transition, InputOutputPaths {
  Type: 'Wait';
  /** 0 to 99999999, or in JSONata a "{% %}" expression. Exactly one of the four timing fields. */
  Seconds?: number | JsonataExpression;
  /** RFC 3339 ("2016-03-14T01:59:00Z"), or in JSONata a "{% %}" expression. */
  Timestamp?: string;
  /** JSONPath. */
  SecondsPath?: string;
  /** JSONPath. */
  TimestampPath?: string;
  /** JSONata. */
  Output?: PayloadTemplate;
  Assign?: Assign;
}

export interface SucceedState extends StateBase, InputOutputPaths {
  Type: 'Succeed';
  /** JSONata. */
  Output?: PayloadTemplate;
}

export interface FailState extends StateBase {
  Type: 'Fail';
  /** A literal, or in JSONata a "{% %}" expression. */
  Error?: string;
  /** JSONPath: a path or an intrinsic returning a string. */
  ErrorPath?: string;
  Cause?: string;
  /** JSONPath. */
  CausePath?: string;
}

// ---- Choice -----------------------------------------------------------------------------------

export type StringComparisonOperator =
  | 'StringEquals'
  | 'StringLessThan'
  | 'StringGreaterThan'
  | 'StringLessThanEquals'
  | 'StringGreaterThanEquals'
  | 'StringMatches';
export type NumericComparisonOperator =
  | 'NumericEquals'
  | 'NumericLessThan'
  | 'NumericGreaterThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThanEquals';
export type TimestampComparisonOperator =
  | 'TimestampEquals'
  | 'TimestampLessThan'
  | 'TimestampGreaterThan'
  | 'TimestampLessThanEquals'
  | 'TimestampGreaterThanEquals';
export type PathComparisonOperator =
  | `${Exclude<StringComparisonOperator, 'StringMatches'>}Path`
  | `${NumericComparisonOperator}Path`
  | `${TimestampComparisonOperator}Path`
  | 'BooleanEqualsPath';
export type TypeTestOperator = 'IsNull' | 'IsPresent' | 'IsNumeric' | 'IsString' | 'IsBoolean' | 'IsTimestamp';
export type ComparisonOperator =
  | StringComparisonOperator
  | NumericComparisonOperator
  | TimestampComparisonOperator
  | PathComparisonOperator
  | TypeTestOperator
  | 'BooleanEquals';

/** A JSONPath comparison: Variable and exactly one operator. */
export type DataTestExpression = {
  Variable: string;
} & {
  [K in StringComparisonOperator | TimestampComparisonOperator]?: string;
} & {
  [K in NumericComparisonOperator]?: number;
} & {
  [K in PathComparisonOperator]?: string;
} & {
  [K in TypeTestOperator]?: boolean;
} & {
  BooleanEquals?: boolean;
};

/** A JSONPath rule below the top level (no Next, no Assign). */
export type ChoiceRuleExpression =
  | (DataTestExpression & { Comment?: string })
  | { And: ChoiceRuleExpression[]; Comment?: string }
  | { Or: ChoiceRuleExpression[]; Comment?: string }
  | { Not: ChoiceRuleExpression; Comment?: string };

/** A top-level JSONPath rule. */
export type JsonPathChoiceRule = ChoiceRuleExpression & { Next: string; Assign?: Assign };

/** A JSONata rule. */
export interface JsonataChoiceRule {
  Condition: boolean | JsonataExpression;
  Next: string;
  Assign?: Assign;
  Output?: PayloadTemplate;
  Comment?: string;
}

export type ChoiceRule = JsonPathChoiceRule | JsonataChoiceRule;

export interface ChoiceState extends StateBase, InputOutputPaths {
  Type: 'Choice';
  Choices: ChoiceRule[];
  Default?: string;
  /** JSONata. */
  Output?: PayloadTemplate;
  Assign?: Assign;
}

// ---- Parallel and Map ---------------------------------------------------------------------------

export interface ParallelState extends StateBase, Transition, InputOutputPaths, ResultHandling, ErrorHandling {
  Type: 'Parallel';
  Branches: Branch[];
  /** JSONPath. */
  Parameters?: PayloadTemplate;
  /** JSONata. */
  Arguments?: JsonObject | JsonataExpression;
  /** JSONata. */
  Output?: PayloadTemplate;
  Assign?: Assign;
}

export type ProcessorMode = 'INLINE' | 'DISTRIBUTED';

export interface ProcessorConfig {
  /** Default INLINE. */
  Mode?: ProcessorMode;
  /** DISTRIBUTED only: the child executions' type. */
  ExecutionType?: StateMachineType;
}

/** A Map state's iteration machine (ItemProcessor, or its deprecated form Iterator). */
export interface ItemProcessor {
  Comment?: string;
  ProcessorConfig?: ProcessorConfig;
  StartAt: string;
  States: Record<string, State>;
}

export interface ReaderConfig {
  InputType?: 'CSV' | 'JSON' | 'JSONL' | 'MANIFEST' | 'PARQUET';
  CSVHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
  CSVHeaders?: string[];
  CSVDelimiter?: 'COMMA' | 'PIPE' | 'SEMICOLON' | 'TAB' | 'SPACE';
  ManifestType?: string;
  /** Integer at least 0, or in JSONata a "{% %}" expression. */
  MaxItems?: number | JsonataExpression;
  /** JSONPath. */
  MaxItemsPath?: string;
}

/** Distributed Map: where the items come from (S3). */
export interface ItemReader {
  /** "arn:aws:states:::s3:getObject" or "arn:aws:states:::s3:listObjectsV2". */
  Resource: string;
  ReaderConfig?: ReaderConfig;
  /** JSONPath. */
  Parameters?: PayloadTemplate;
  /** JSONata. */
  Arguments?: JsonObject | JsonataExpression;
}

/** Distributed Map: items handed to each child in batches. */
export interface ItemBatcher {
  MaxItemsPerBatch?: number | JsonataExpression;
  /** JSONPath. */
  MaxItemsPerBatchPath?: string;
  MaxInputBytesPerBatch?: number | JsonataExpression;
  /** JSONPath. */
  MaxInputBytesPerBatchPath?: string;
  BatchInput?: PayloadTemplate;
}

export interface WriterConfig {
  OutputType?: 'JSON' | 'JSONL';
  Transformation?: 'NONE' | 'COMPACT' | 'FLATTEN';
}

/** Distributed Map: where the results go (S3). */
export interface ResultWriter {
  /** "arn:aws:states:::s3:putObject". */
  Resource?: string;
  /** JSONPath. */
  Parameters?: PayloadTemplate;
  /** JSONata. */
  Arguments?: JsonObject | JsonataExpression;
  WriterConfig?: WriterConfig;
}

export interface MapState extends StateBase, Transition, InputOutputPaths, ResultHandling, ErrorHandling {
  Type: 'Map';
  ItemProcessor?: ItemProcessor;
  /** Deprecated form of ItemProcessor (exactly one of the two). */
  Iterator?: ItemProcessor;
  /** JSONPath: a reference path to an array or object (default "$"). */
  ItemsPath?: string;
  /** JSONata: an array or a "{% %}" expression. */
  Items?: JsonValue[] | JsonataExpression;
  ItemSelector?: PayloadTemplate;
  /** JSONPath: deprecated form of ItemSelector. */
  Parameters?: PayloadTemplate;
  ItemReader?: ItemReader;
  ItemBatcher?: ItemBatcher;
  ResultWriter?: ResultWriter;
  /** 0 (unlimited) or more, or in JSONata a "{% %}" expression. */
  MaxConcurrency?: number | JsonataExpression;
  /** JSONPath. */
  MaxConcurrencyPath?: string;
  /** 0 to 100. */
  ToleratedFailurePercentage?: number | JsonataExpression;
  /** JSONPath. */
  ToleratedFailurePercentagePath?: string;
  ToleratedFailureCount?: number | JsonataExpression;
  /** JSONPath. */
  ToleratedFailureCountPath?: string;
  /** Distributed Map: names the child executions (at most 40 characters). */
  Label?: string;
  /** JSONata. */
  Output?: PayloadTemplate;
  Assign?: Assign;
}

export type State = PassState | TaskState | WaitState | SucceedState | FailState | ChoiceState | ParallelState | MapState;

// ---- validation results --------------------------------------------------------------------------

export type DiagnosticSeverity = 'ERROR' | 'WARNING';

/** One problem, as ValidateStateMachineDefinition reports it. */
export interface Diagnostic {
  severity: DiagnosticSeverity;
  /** SCHEMA_VALIDATION_FAILED, INVALID_JSON_DESCRIPTION, MISSING_TRANSITION_TARGET, MISSING_END_STATE ... */
  code: string;
  message: string;
  /** A JSON-pointer-like place ("/States/X/Next", "/States/M/ItemProcessor/States/P"); absent when AWS gives none. */
  location?: string;
}

export interface ValidationResult {
  result: 'OK' | 'FAIL';
  diagnostics: Diagnostic[];
  /** The parsed definition, present when result is OK. */
  definition?: StateMachineDefinition;
}
