// The jsonata module's public surface, re-exported by the package index.
export { JSONATA_CACHE_SIZE } from './compile.js';
export { checkJsonata, type JsonataStatesAvailability } from './check.js';
export {
  JsonataEvaluationError,
  jsonataTypeOf,
  mapInputNotArrayError,
  outOfRangeError,
  timestampParseError,
  unexpectedTypeError,
  type JsonataResultType,
} from './errors.js';
export { evaluateJsonataExpression, evaluateJsonataTemplate, type JsonataBindings } from './evaluate.js';
export { isJsonataExpression, jsonataExpressionText } from './expression.js';
export { DEFAULT_JSONATA_LIMITS, type JsonataLimits } from './guards.js';
export {
  expectJsonataInteger,
  expectJsonataNumber,
  expectJsonataType,
  type JsonataExpectedType,
  type NumericRange,
} from './result-types.js';
