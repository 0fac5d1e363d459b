// @tributary/asl: the Amazon States Language as a pure library. Nothing in this package performs
// I/O, reads a clock or starts a timer; time, randomness and task results come in from outside.
export {};
export type {
  StateMachineDefinition,
  Branch,
  State,
  StateType,
  QueryLanguage,
  StateMachineType,
  PassState,
  TaskState,
  TaskCredentials,
  WaitState,
  SucceedState,
  FailState,
  ChoiceState,
  ChoiceRule,
  JsonPathChoiceRule,
  JsonataChoiceRule,
  ChoiceRuleExpression,
  DataTestExpression,
  ComparisonOperator,
  ParallelState,
  MapState,
  ItemProcessor,
  ProcessorConfig,
  ProcessorMode,
  ItemReader,
  ReaderConfig,
  ItemBatcher,
  ResultWriter,
  WriterConfig,
  Retrier,
  Catcher,
  Assign,
  PayloadTemplate,
  JsonataExpression,
  Diagnostic,
  DiagnosticSeverity,
  ValidationResult,
} from './definition/types.js';
export { validateDefinition, invalidDefinitionMessage, STATE_TYPES, COMPARISON_OPERATORS } from './definition/validate.js';
export type { ValidateOptions, JsonataProblem } from './definition/validate.js';
export { parseTaskResource } from './definition/resources.js';
export type { ParsedResource, ResourceKind, IntegrationPattern } from './definition/resources.js';
export {
  cloneJson,
  isJsonObject,
  jsonEquals,
  toJsonText,
  type JsonArray,
  type JsonObject,
  type JsonPrimitive,
  type JsonValue,
} from './paths/json.js';
// JSON text read as AWS's Java services read it (Jackson's readTree): the tree, plain values, and
// Jackson's messages and locations for text that does not parse.
export { readJsonTree, type ReadJsonOptions } from './json/reader.js';
export { toJsonValue, type JsonNode, type JsonObjectNode } from './json/tree.js';
export { JsonReadError, jacksonLocation } from './json/location.js';
export {
  FieldPathError,
  IntrinsicEvaluationError,
  IntrinsicPathError,
  IntrinsicSyntaxError,
  PathNotFoundError,
  PathSyntaxError,
  ResultPathMatchFailureError,
  StatesError,
  TemplateValueError,
  formatStateErrorCause,
  type StatesErrorName,
} from './paths/errors.js';
export {
  compilePath,
  evaluatePath,
  isValidPath,
  type CompiledPath,
  type PathRoot,
  type PathScope,
  type PathToken,
} from './paths/jsonpath.js';
export {
  getAtReferencePath,
  isReferencePath,
  parseReferencePath,
  setAtReferencePath,
  type ReferenceStep,
} from './paths/reference.js';
export { applyInputPath, applyOutputPath, applyResultPath } from './paths/dataflow.js';
export {
  applyTemplate,
  compileDynamicExpression,
  evaluateDynamicValue,
  isDynamicKey,
  type DynamicExpression,
  type EvaluationScope,
  type TemplateOptions,
} from './paths/templates.js';
export {
  INTRINSIC_FUNCTIONS,
  MAX_INTRINSIC_DEPTH,
  isIntrinsicCall,
  parseIntrinsic,
  type IntrinsicArgument,
  type IntrinsicCall,
  type IntrinsicFunctionName,
} from './intrinsics/parser.js';
export { evaluateIntrinsic, type IntrinsicOptions, type IntrinsicScope } from './intrinsics/evaluate.js';
export type { RandomSource } from './intrinsics/functions.js';
export type {
  Command,
  CompiledMachine,
  ExecutionInfo,
  ExecutionInput,
  ExecutionSnapshot,
  ExecutionStatus,
  HistoryEvent,
  HistoryEventType,
  StepEnvironment,
  StepResult,
} from './engine/types.js';
export {
  compileMachine,
  runExecution,
  seededRandom,
  startExecution,
  step,
  type RunOptions,
  type RunResult,
  type RunTaskCommand,
  type TaskOutcome,
} from './engine/api.js';
export { ChoicePathError, evaluateChoiceRule, selectChoice, stringMatches } from './engine/choice.js';
export {
  MAX_WAIT_SECONDS,
  WAIT_DELAY_TOO_LONG,
  WaitStateError,
  checkWaitSeconds,
  compareTimestamps,
  isTimestamp,
  isWaitTooLong,
  parseTimestamp,
  parseTimestampInstant,
  waitUntil,
  type TimestampInstant,
  type WaitSecondsProblem,
} from './engine/timestamp.js';
// JSONata as AWS Step Functions evaluates it (QueryLanguage JSONata).
export {
  JSONATA_CACHE_SIZE,
  DEFAULT_JSONATA_LIMITS,
  JsonataEvaluationError,
  checkJsonata,
  evaluateJsonataExpression,
  evaluateJsonataTemplate,
  expectJsonataInteger,
  expectJsonataNumber,
  expectJsonataType,
  isJsonataExpression,
  jsonataExpressionText,
  jsonataTypeOf,
  mapInputNotArrayError,
  outOfRangeError,
  timestampParseError,
  unexpectedTypeError,
  type JsonataBindings,
  type JsonataExpectedType,
  type JsonataLimits,
  type JsonataResultType,
  type JsonataStatesAvailability,
  type NumericRange,
} from './jsonata/index.js';
// The workflow variables each state reads (DescribeStateMachine's variableReferences).
export { variableReferences, type VariableReferences } from './definition/variable-references.js';
export { RebuildMismatch, rebuildFromHistory } from './engine/rebuild.js';
