// From what jsonata returns to plain JSON, as AWS writes it. jsonata hands back arrays flagged as
// sequences (with `sequence`, `keepSingleton`, `outerWrapper` properties), functions (lambdas,
// built-ins, regexes) and JavaScript numbers that JSON cannot hold. The copy is fresh all the way
// down, so a result never aliases the input or the variables it was computed from.
//
// Non-finite numbers: AWS answers `["Infinity"]` for `[1/0]` and `{"k":"Infinity"}` for
// `{'k': 1/0}` (measured, quoted in floci-io/floci#2783), i.e. it writes them as Jackson does with
// WRITE_NAN_AS_STRINGS; NaN and -Infinity follow the same rule.

import { setOwn, type JsonObject, type JsonValue } from '../paths/json.js';

/** Thrown (internally) when a value has no JSON form; evaluate.ts reports "unsupported result type". */
export class UnsupportedResultError extends Error {
  constructor() {
    super('The JSONata result has no JSON representation');
    this.name = 'UnsupportedResultError';
  }
}

function isJsonataFunction(value: object): boolean {
  const marked = value as { _jsonata_lambda?: unknown; _jsonata_function?: unknown };
  return marked._jsonata_lambda === true || marked._jsonata_function === true;
}

function number(value: number): JsonValue {
  if (Number.isFinite(value)) return Object.is(value, -0) ? 0 : value;
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

/**
 * A plain JSON copy of a defined jsonata result. Inside arrays and objects an undefined item is
 * handled as JSON.stringify handles it (null in an array, key left out of an object); jsonata's
 * constructors never produce one, only a custom function could.
 */
export function toJsonResult(value: unknown): JsonValue {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return number(value);
    case 'object':
      break;
    default:
      throw new UnsupportedResultError();
  }
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    const out: JsonValue[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      out.push(item === undefined ? null : toJsonResult(item));
    }
    return out;
  }
  const object = value as Record<string, unknown>;
  if (isJsonataFunction(object)) throw new UnsupportedResultError();
  const out: JsonObject = {};
  for (const key of Object.keys(object)) {
    const item = object[key];
    if (item !== undefined) setOwn(out, key, toJsonResult(item));
  }
  return out;
}
