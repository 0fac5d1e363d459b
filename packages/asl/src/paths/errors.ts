// Typed errors of the data layer. Each carries the Step Functions error name and the cause text
// AWS records for it (without the "An error occurred while executing the state ..." prefix, which
// the interpreter adds with formatStateErrorCause because only it knows the state and event id).

export type StatesErrorName =
  | 'States.Runtime'
  | 'States.IntrinsicFailure'
  | 'States.ParameterPathFailure'
  | 'States.ResultPathMatchFailure'
  | 'States.ReferencePathConflict'
  | 'States.QueryEvaluationError';

export class StatesError extends Error {
  readonly error: StatesErrorName;
  override readonly cause: string;

  constructor(error: StatesErrorName, cause: string) {
    super(cause);
    this.name = 'StatesError';
    this.error = error;
    this.cause = cause;
  }
}

/**
 * A path matched nothing, or met a value it cannot walk through. `detail` is Jayway JsonPath's
 * message (e.g. "Missing property in path $['x']"); `cause` is AWS's "Invalid path" wrapping,
 * which InputPath, OutputPath and the Wait/Task *Path fields report.
 */
export class PathNotFoundError extends StatesError {
  readonly path: string;
  readonly detail: string;

  constructor(path: string, detail: string) {
    super('States.Runtime', `Invalid path '${path}' : ${detail}`);
    this.name = 'PathNotFoundError';
    this.path = path;
    this.detail = detail;
  }
}

/** The path text itself is not a path AWS accepts (normally rejected when the machine is created). */
export class PathSyntaxError extends StatesError {
  readonly path: string;
  readonly detail: string;

  constructor(path: string, detail: string) {
    super('States.Runtime', `Invalid path '${path}' : ${detail}`);
    this.name = 'PathSyntaxError';
    this.path = path;
    this.detail = detail;
  }
}

/** A payload-template field (`name.$`, ErrorPath, CausePath, ...) whose path found nothing. */
export class FieldPathError extends StatesError {
  readonly path: string;
  readonly field: string;

  constructor(path: string, field: string, inputText: string, error: StatesErrorName) {
    super(
      error,
      `The JSONPath '${path}' specified for the field '${field}' could not be found in the input '${inputText}'`,
    );
    this.name = 'FieldPathError';
    this.path = path;
    this.field = field;
  }
}

/** A template field value that is neither a path, a context path, a variable nor an intrinsic call. */
export class TemplateValueError extends StatesError {
  readonly field: string;

  constructor(field: string, detail = 'must be a valid JSONPath or a valid intrinsic function call') {
    super('States.Runtime', `The value for the field '${field}' ${detail}`);
    this.name = 'TemplateValueError';
    this.field = field;
  }
}

/** ResultPath could not be applied to the state input. */
export class ResultPathMatchFailureError extends StatesError {
  readonly path: string;

  constructor(path: string, cause: string) {
    super('States.ResultPathMatchFailure', cause);
    this.name = 'ResultPathMatchFailureError';
    this.path = path;
  }
}

/** The text of an intrinsic call does not parse (AWS rejects these at CreateStateMachine). */
export class IntrinsicSyntaxError extends StatesError {
  readonly expression: string;
  readonly detail: string;

  constructor(expression: string, detail: string) {
    super('States.Runtime', `Invalid intrinsic function call '${expression}': ${detail}`);
    this.name = 'IntrinsicSyntaxError';
    this.expression = expression;
    this.detail = detail;
  }
}

/**
 * An intrinsic function failed while it ran. AWS reports these as States.Runtime (recorded: "There
 * was an error while evaluating the intrinsic function: States.MathAdd(2147483647, 1). Invalid
 * arguments in States.MathAdd"); the name is kept configurable for callers that follow the spec's
 * States.IntrinsicFailure instead.
 */
export class IntrinsicEvaluationError extends StatesError {
  readonly expression: string;
  readonly functionName: string;
  readonly detail: string;

  constructor(
    expression: string,
    functionName: string,
    detail: string,
    error: StatesErrorName = 'States.Runtime',
  ) {
    super(error, `There was an error while evaluating the intrinsic function: ${expression}. ${detail}`);
    this.name = 'IntrinsicEvaluationError';
    this.expression = expression;
    this.functionName = functionName;
    this.detail = detail;
  }
}

/** A path argument of an intrinsic call found nothing. */
export class IntrinsicPathError extends StatesError {
  readonly expression: string;
  readonly path: string;

  constructor(expression: string, path: string, inputText: string, error: StatesErrorName = 'States.Runtime') {
    super(
      error,
      `The function '${expression}' had the following error: The JsonPath argument for the field '${path}' could not be found in the input '${inputText}'`,
    );
    this.name = 'IntrinsicPathError';
    this.expression = expression;
    this.path = path;
  }
}

/** Prefix AWS puts before every runtime cause: the state name and the id of its *StateEntered event. */
export function formatStateErrorCause(stateName: string, enteredEventId: number, cause: string): string {
  return `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). ${cause}`;
}
