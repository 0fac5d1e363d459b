// Evaluates a parsed intrinsic call. Failures carry AWS's texts (recorded against AWS):
//   "There was an error while evaluating the intrinsic function: <call>. Invalid arguments in States.X"
//   "The function '<call>' had the following error: The JsonPath argument for the field '$.x'
//    could not be found in the input '{}'"
// where <call> is the whole field value even when a nested call failed.

import {
  IntrinsicEvaluationError,
  IntrinsicPathError,
  PathNotFoundError,
  type StatesErrorName,
} from '../paths/errors.js';
import { evaluatePath, type PathScope } from '../paths/jsonpath.js';
import { toJsonText, type JsonValue } from '../paths/json.js';
import {
  INTRINSIC_IMPLEMENTATIONS,
  IntrinsicFunctionFailure,
  type EvaluatedArgument,
  type RandomSource,
} from './functions.js';
import { parseIntrinsic, type IntrinsicArgument, type IntrinsicCall } from './parser.js';

export interface IntrinsicScope extends PathScope {
  /** What `$` refers to (the effective state input, or the task result in ResultSelector). */
  readonly input: JsonValue;
  /** Randomness for States.UUID and unseeded States.MathRandom. */
  readonly random?: RandomSource;
}

export interface IntrinsicOptions {
  /**
   * Error name for a failing function or a missing path argument. AWS reports States.Runtime
   * (recorded); the States Language spec names States.IntrinsicFailure.
   */
  readonly errorName?: StatesErrorName;
}

interface EvaluationRun {
  readonly expression: string;
  readonly scope: IntrinsicScope;
  readonly errorName: StatesErrorName;
}

function evaluateArgument(run: EvaluationRun, node: IntrinsicArgument): JsonValue {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    case 'null':
      return null;
    case 'call':
      return evaluateCall(run, node.call);
    case 'path':
      try {
        return evaluatePath(node.path, run.scope.input, run.scope);
      } catch (error) {
        if (!(error instanceof PathNotFoundError)) throw error;
        throw new IntrinsicPathError(run.expression, node.path.source, toJsonText(run.scope.input), run.errorName);
      }
  }
}

function evaluateCall(run: EvaluationRun, call: IntrinsicCall): JsonValue {
  const args: EvaluatedArgument[] = call.args.map((node) => ({ node, value: evaluateArgument(run, node) }));
  try {
    return INTRINSIC_IMPLEMENTATIONS[call.name](args, { random: run.scope.random });
  } catch (error) {
    if (!(error instanceof IntrinsicFunctionFailure)) throw error;
    throw new IntrinsicEvaluationError(run.expression, call.name, error.detail, run.errorName);
  }
}

/**
 * Evaluates an intrinsic call such as `States.Format('Hello {}', $.name)`. Throws
 * IntrinsicSyntaxError for text that does not parse, IntrinsicEvaluationError when a function
 * refuses its arguments and IntrinsicPathError when a path argument finds nothing.
 */
export function evaluateIntrinsic(
  expression: string | IntrinsicCall,
  scope: IntrinsicScope,
  options: IntrinsicOptions = {},
): JsonValue {
  const call = typeof expression === 'string' ? parseIntrinsic(expression) : expression;
  return evaluateCall(
    { expression: call.text, scope, errorName: options.errorName ?? 'States.Runtime' },
    call,
  );
}
