// Workflow variables: which ones a thread sees, how an Assign block is evaluated and how its values
// are committed. Every thread may own a scope; inner scopes read the outer ones but may not write
// them, and a Distributed Map iteration runs as an execution of its own, so the walk up the scopes
// stops there. Values apply only when the state is left, so every expression of one Assign reads
// the values the state was entered with. AWS's size quotas are checked at the commit.

import type { State } from '../definition/types.js';
import { StatesError } from '../paths/errors.js';
import { toJsonText, type JsonObject, type JsonValue } from '../paths/json.js';
import { applyTemplate } from '../paths/templates.js';
import type { StepContext } from './context.js';
import { StateFailure } from './failure.js';
import { evaluateJsonataTemplate } from './jsonata-bridge.js';
import { scopeAt, type Machine } from './machine.js';
import { byteLength } from './payload.js';
import type { Thread } from './thread.js';
import type { ThreadTable } from './thread-table.js';

/** Quotas on workflow variables (AWS docs): 256 KiB per variable and per Assign, 10 MiB in all. */
const MAX_VARIABLE_BYTES = 262_144;
const MAX_EXECUTION_VARIABLE_BYTES = 10 * 1024 * 1024;

/** Variables visible to a thread: its own and every enclosing scope's (Distributed Map children see only their own). */
export function visibleVariables(
  machine: Machine,
  threads: ThreadTable,
  thread: Thread,
): Record<string, JsonValue> {
  const chain: JsonObject[] = [];
  let current: Thread | undefined = thread;
  while (current !== undefined) {
    if (current.vars !== null) chain.push(current.vars);
    const scope = scopeAt(machine, current.scope);
    if (scope.distributed && scope.kind === 'iteration') break;
    current = current.parent >= 0 ? threads.get(current.parent) : undefined;
  }
  if (chain.length === 1) return chain[0] as JsonObject;
  const merged: Record<string, JsonValue> = {};
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(merged, chain[i]);
  return merged;
}

/** Evaluates an Assign block; values apply when the state is left (all read the entry values). */
export async function evaluateAssign(
  ctx: StepContext,
  thread: Thread,
  state: State,
  assign: JsonObject | undefined,
  jsonPathInput: JsonValue,
  jsonataStates: () => JsonObject,
): Promise<Record<string, JsonValue> | null> {
  if (assign === undefined) return null;
  if (ctx.languageOf(state) === 'JSONata') {
    const value = await evaluateJsonataTemplate(
      assign,
      'Assign',
      ctx.bindings(thread, jsonataStates()),
    );
    return value as Record<string, JsonValue>;
  }
  const value = applyTemplate(assign, ctx.pathScope(thread, jsonPathInput));
  return value as Record<string, JsonValue>;
}

/** Applies assigned values to the thread's scope; returns what the *StateExited event shows. */
export function commitAssign(
  machine: Machine,
  threads: ThreadTable,
  thread: Thread,
  assigned: Record<string, JsonValue> | null,
): JsonObject | undefined {
  if (assigned === null) return undefined;
  // An empty Assign block assigns nothing and shows nothing (recorded).
  if (Object.keys(assigned).length === 0) return undefined;
  thread.vars ??= {};
  const target = thread.vars;
  const texts: JsonObject = {};
  let assignedBytes = 0;
  let delta = 0;
  for (const name of Object.keys(assigned)) {
    const owner = outerOwner(machine, threads, thread, name);
    if (owner !== undefined) {
      throw new StatesError(
        'States.Runtime',
        `Cannot assign to variable '${name}': it belongs to an outer scope.`,
      );
    }
    const text = toJsonText(assigned[name] as JsonValue);
    const size = byteLength(text);
    if (size > MAX_VARIABLE_BYTES) {
      throw new StateFailure(
        'States.DataLimitExceeded',
        `The variable '${name}' exceeds the maximum size of ${MAX_VARIABLE_BYTES} bytes.`,
      );
    }
    assignedBytes += size;
    const previous = target[name];
    delta += size - (previous === undefined ? 0 : byteLength(toJsonText(previous)));
    texts[name] = text;
  }
  if (assignedBytes > MAX_VARIABLE_BYTES) {
    throw new StateFailure(
      'States.DataLimitExceeded',
      `The variables assigned by state '${thread.state}' exceed the maximum size of ${MAX_VARIABLE_BYTES} bytes.`,
    );
  }
  const total = (threads.internal.variableBytes ?? 0) + delta;
  if (total > MAX_EXECUTION_VARIABLE_BYTES) {
    throw new StateFailure(
      'States.DataLimitExceeded',
      `The variables of this execution exceed the maximum total size of ${MAX_EXECUTION_VARIABLE_BYTES} bytes.`,
    );
  }
  threads.internal.variableBytes = total;
  for (const name of Object.keys(assigned)) target[name] = assigned[name] as JsonValue;
  return { assignedVariables: texts, assignedVariablesDetails: { truncated: false } };
}

/** The enclosing thread that already holds `name`, if any (inner scopes may read, not write, it). */
function outerOwner(
  machine: Machine,
  threads: ThreadTable,
  thread: Thread,
  name: string,
): Thread | undefined {
  let current = thread.parent >= 0 ? threads.get(thread.parent) : undefined;
  const own = scopeAt(machine, thread.scope);
  if (own.distributed && own.kind === 'iteration') return undefined;
  while (current !== undefined) {
    if (current.vars !== null && Object.prototype.hasOwnProperty.call(current.vars, name)) {
      return current;
    }
    const scope = scopeAt(machine, current.scope);
    if (scope.distributed && scope.kind === 'iteration') return undefined;
    current = current.parent >= 0 ? threads.get(current.parent) : undefined;
  }
  return undefined;
}
