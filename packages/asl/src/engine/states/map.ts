// The Map state: the items (ItemsPath or Items, an object's values with their keys), the
// ItemBatcher, MaxConcurrency and the tolerated-failure thresholds, a Distributed Map's map run,
// and the start of each iteration with its ItemSelector. Iterations are child threads; starting
// and settling them is shared with Parallel in ../containers.ts.

import type { MapState } from '../../definition/types.js';
import {
  jsonataExpressionText,
  mapInputNotArrayError,
  unexpectedTypeError,
} from '../../jsonata/index.js';
import { StatesError } from '../../paths/errors.js';
import { isJsonObject, toJsonText, type JsonObject, type JsonValue } from '../../paths/json.js';
import { getAtReferencePath } from '../../paths/reference.js';
import { applyTemplate } from '../../paths/templates.js';
import { batchItems } from '../batching.js';
import { containerDone, startIterations } from '../containers.js';
import type { Outcome, StepContext } from '../context.js';
import {
  evaluateJsonataExpression,
  evaluateJsonataTemplate,
  isJsonataExpression,
} from '../jsonata-bridge.js';
import { MAX_PAYLOAD_BYTES } from '../payload.js';
import { toFailure } from '../recovery.js';
import type { Container, Thread } from '../thread.js';
import { effectiveInput } from './data-flow.js';
import { jsonataNumber, numberAtPath } from './numeric-fields.js';

export async function startMap(
  ctx: StepContext,
  thread: Thread,
  state: MapState,
): Promise<Outcome> {
  const jsonata = ctx.languageOf(state) === 'JSONata';
  const processorScope = ctx.machine.processorScope.get(state) ?? 0;
  const distributed = ctx.scopeAt(processorScope).distributed;
  let effective: JsonValue;
  let items: JsonValue;
  let maxConcurrency = 0;
  let toleratedCount = 0;
  let toleratedPercentage = 0;
  if (jsonata) {
    effective = thread.input;
    const bindings = ctx.bindings(thread, { input: thread.input });
    if (state.Items !== undefined) {
      items = isJsonataExpression(state.Items)
        ? await evaluateJsonataExpression(state.Items, 'Items', bindings)
        : state.Items;
      if (Array.isArray(items) && !isJsonataExpression(state.Items)) {
        items = (await evaluateJsonataTemplate(items, 'Items', bindings)) as JsonValue[];
      }
      if (!Array.isArray(items)) {
        const text = jsonataExpressionText(String(state.Items));
        throw unexpectedTypeError(text, 'Items', 'array', items);
      }
    } else {
      items = thread.input;
      if (!Array.isArray(items)) throw mapInputNotArrayError(items);
    }
    maxConcurrency =
      (await jsonataNumber(state.MaxConcurrency, 'MaxConcurrency', bindings, 0)) ?? 0;
    toleratedCount =
      (await jsonataNumber(state.ToleratedFailureCount, 'ToleratedFailureCount', bindings, 0)) ?? 0;
    toleratedPercentage =
      (await jsonataNumber(
        state.ToleratedFailurePercentage,
        'ToleratedFailurePercentage',
        bindings,
        0,
      )) ?? 0;
  } else {
    effective = effectiveInput(ctx, thread, state);
    const scope = ctx.pathScope(thread, effective);
    items =
      state.ItemsPath !== undefined
        ? getAtReferencePath(effective, state.ItemsPath, scope)
        : effective;
    maxConcurrency =
      typeof state.MaxConcurrency === 'number'
        ? state.MaxConcurrency
        : (numberAtPath(state.MaxConcurrencyPath, 'MaxConcurrencyPath', scope) ?? 0);
    if (!Array.isArray(items) && !isJsonObject(items)) {
      throw new StatesError(
        'States.Runtime',
        `Map state input must be an array but was: ${toJsonText(items)}`,
      );
    }
  }
  let keys: string[] | null = null;
  let list: JsonValue[];
  if (Array.isArray(items)) {
    list = items;
  } else {
    const object = items as JsonObject;
    keys = Object.keys(object);
    list = keys.map((key) => object[key] as JsonValue);
  }
  list = await batch(ctx, thread, state, list, effective);
  ctx.emit(thread, 'MapStateStarted', 'mapStateStartedEventDetails', { length: list.length });
  // AWS reads the tolerated-failure thresholds once the Map has started (recorded event order).
  if (!jsonata) {
    const scope = ctx.pathScope(thread, effective);
    toleratedCount =
      typeof state.ToleratedFailureCount === 'number'
        ? state.ToleratedFailureCount
        : (numberAtPath(state.ToleratedFailureCountPath, 'ToleratedFailureCountPath', scope) ?? 0);
    toleratedPercentage =
      typeof state.ToleratedFailurePercentage === 'number'
        ? state.ToleratedFailurePercentage
        : (numberAtPath(
            state.ToleratedFailurePercentagePath,
            'ToleratedFailurePercentagePath',
            scope,
            'float',
          ) ?? 0);
  }
  if (toleratedCount < 0) {
    throw new StatesError('States.Runtime', 'ToleratedFailureCount cannot be negative.');
  }
  if (toleratedPercentage < 0 || toleratedPercentage > 100) {
    throw new StatesError(
      'States.Runtime',
      'ToleratedFailurePercentage must be between 0 and 100.',
    );
  }
  const box: Container = {
    kind: 'map',
    total: list.length,
    results: new Array<JsonValue>(list.length).fill(null),
    items: list,
    keys,
    maxConcurrency,
    toleratedCount,
    toleratedPercentage,
    effective,
    distributed,
    started: 0,
    running: 0,
    succeeded: 0,
    failed: 0,
    cursor: thread.last,
    children: [],
  };
  thread.box = box;
  thread.phase = 'children';
  if (distributed) {
    const runArn = mapRunArn(ctx, state, thread);
    ctx.emit(thread, 'MapRunStarted', 'mapRunStartedEventDetails', { mapRunArn: runArn });
    box.cursor = thread.last;
  }
  if (list.length === 0) return containerDone(ctx, thread, state);
  startIterations(ctx, thread, box, processorScope);
  return 'blocked';
}

function mapRunArn(ctx: StepContext, state: MapState, thread: Thread): string {
  const machineArn = ctx.info.stateMachineArn.replace(':stateMachine:', ':mapRun:');
  const label = state.Label ?? thread.state;
  return `${machineArn}/${label}:${ctx.random.uuid()}`;
}

/** ItemBatcher: groups items into `{ Items: [...], ...BatchInput }`. */
async function batch(
  ctx: StepContext,
  thread: Thread,
  state: MapState,
  items: JsonValue[],
  effective: JsonValue,
): Promise<JsonValue[]> {
  const batcher = state.ItemBatcher;
  if (batcher === undefined) return items;
  let maxItems: number | undefined;
  let maxBytes: number | undefined;
  let batchInput: JsonValue | undefined;
  if (ctx.languageOf(state) === 'JSONata') {
    const bindings = ctx.bindings(thread, { input: thread.input });
    maxItems = await jsonataNumber(batcher.MaxItemsPerBatch, 'MaxItemsPerBatch', bindings, 1);
    maxBytes = await jsonataNumber(
      batcher.MaxInputBytesPerBatch,
      'MaxInputBytesPerBatch',
      bindings,
      1,
    );
    batchInput =
      batcher.BatchInput !== undefined
        ? await evaluateJsonataTemplate(batcher.BatchInput, 'BatchInput', bindings)
        : undefined;
  } else {
    const scope = ctx.pathScope(thread, effective);
    maxItems =
      typeof batcher.MaxItemsPerBatch === 'number'
        ? batcher.MaxItemsPerBatch
        : numberAtPath(batcher.MaxItemsPerBatchPath, 'MaxItemsPerBatchPath', scope);
    maxBytes =
      typeof batcher.MaxInputBytesPerBatch === 'number'
        ? batcher.MaxInputBytesPerBatch
        : numberAtPath(batcher.MaxInputBytesPerBatchPath, 'MaxInputBytesPerBatchPath', scope);
    batchInput =
      batcher.BatchInput !== undefined ? applyTemplate(batcher.BatchInput, scope) : undefined;
  }
  return batchItems(
    items,
    maxItems ?? Number.MAX_SAFE_INTEGER,
    maxBytes ?? MAX_PAYLOAD_BYTES,
    batchInput,
  );
}

/** MapIterationStarted, then ItemSelector: the iteration's input. False when the selector failed. */
export async function beginIteration(ctx: StepContext, child: Thread): Promise<boolean> {
  const parent = ctx.threads.get(child.parent) as Thread;
  const box = parent.box as Container;
  const state = ctx.stateOf(parent) as MapState;
  child.last = box.cursor;
  ctx.emitFor(parent, child, 'MapIterationStarted', 'mapIterationStartedEventDetails', {
    index: child.index,
    name: parent.state,
  });
  child.phase = 'enter';
  const item = box.items[child.index] as JsonValue;
  const selector = state.ItemSelector ?? state.Parameters;
  if (selector === undefined) {
    child.input = item;
    return true;
  }
  const mapContext: JsonObject = {
    Map: {
      Item: {
        Index: child.index,
        Value: item,
        ...(box.keys !== null ? { Key: box.keys[child.index] as string } : {}),
      },
    },
  };
  // ItemSelector runs in the Map state's own context (its thread and entry time).
  try {
    child.input =
      ctx.languageOf(state) === 'JSONata'
        ? await evaluateJsonataTemplate(
            selector,
            'ItemSelector',
            ctx.bindings(parent, { input: parent.input }, mapContext),
          )
        : applyTemplate(selector, ctx.pathScope(parent, box.effective, mapContext));
    return true;
  } catch (error) {
    ctx.threadFailed(child, toFailure(error, parent), child.last);
    return false;
  }
}
