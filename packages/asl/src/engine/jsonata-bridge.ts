// The interpreter's view of JSONata: evaluation of "{% %}" fields with $states and variables bound.
import type { RandomSource } from '../intrinsics/functions.js';
import type { JsonObject, JsonValue } from '../paths/json.js';

export interface JsonataBindings {
  readonly states: JsonObject;
  readonly variables: Readonly<Record<string, JsonValue>>;
  readonly random: RandomSource;
  readonly now: number;
}

export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && /^\s*\{%[\s\S]*%\}\s*$/.test(value);
}

export function evaluateJsonataExpression(_text: string, _location: string, _bindings: JsonataBindings): Promise<JsonValue> {
  return Promise.reject(new Error('JSONata not wired yet'));
}

export function evaluateJsonataTemplate(_template: JsonValue, _location: string, _bindings: JsonataBindings): Promise<JsonValue> {
  return Promise.reject(new Error('JSONata not wired yet'));
}
