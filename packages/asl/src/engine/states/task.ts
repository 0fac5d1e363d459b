// The Task state: scheduling the task (a runTask command for the driver), then everything that can
// come back while it runs — started, heartbeat, succeeded, failed — and its TimeoutSeconds and
// HeartbeatSeconds timers, which time it out if the answer is late. A task's events come in three
// families (Task*, LambdaFunction*, Activity*, see ../task-events.ts) with different details, so
// each event is written here for all three.

import type { TaskState } from '../../definition/types.js';
import type { JsonObject, JsonValue } from '../../paths/json.js';
import { toJsonText } from '../../paths/json.js';
import type { Outcome, StepContext } from '../context.js';
import { StateFailure } from '../failure.js';
import { payloadDetails } from '../history.js';
import { evaluateJsonataTemplate } from '../jsonata-bridge.js';
import { MAX_PAYLOAD_BYTES, byteLength } from '../payload.js';
import { handleFailure, toFailure } from '../recovery.js';
import { lowerFirst, regionOf, resourceNames, taskEventFamily } from '../task-events.js';
import type { Thread } from '../thread.js';
import type { Command, HistoryEventType } from '../types.js';
import { effectiveInput, finishResult, parametersOf } from './data-flow.js';
import { jsonataNumber, numberAtPath } from './numeric-fields.js';

export async function scheduleTask(
  ctx: StepContext,
  thread: Thread,
  state: TaskState,
): Promise<Outcome> {
  let parameters: JsonValue;
  let timeout: number | undefined;
  let heartbeat: number | undefined;
  if (ctx.languageOf(state) === 'JSONata') {
    const bindings = ctx.bindings(thread, { input: thread.input });
    parameters =
      state.Arguments !== undefined
        ? await evaluateJsonataTemplate(state.Arguments, 'Arguments', bindings)
        : thread.input;
    timeout = await jsonataNumber(state.TimeoutSeconds, 'TimeoutSeconds', bindings, 1);
    heartbeat = await jsonataNumber(state.HeartbeatSeconds, 'HeartbeatSeconds', bindings, 1);
  } else {
    const effective = effectiveInput(ctx, thread, state);
    const scope = ctx.pathScope(thread, effective);
    parameters = parametersOf(ctx, thread, state.Parameters, effective);
    timeout =
      typeof state.TimeoutSeconds === 'number'
        ? state.TimeoutSeconds
        : numberAtPath(state.TimeoutSecondsPath, 'TimeoutSecondsPath', scope);
    heartbeat =
      typeof state.HeartbeatSeconds === 'number'
        ? state.HeartbeatSeconds
        : numberAtPath(state.HeartbeatSecondsPath, 'HeartbeatSecondsPath', scope);
  }
  const text = toJsonText(parameters);
  const taskId = ctx.threads.newEffect(thread, 'task');
  thread.phase = 'task';
  const family = taskEventFamily(state.Resource);
  if (family === 'Task') {
    const names = resourceNames(state.Resource);
    const details: JsonObject = {
      resourceType: names.resourceType,
      resource: names.resource,
      region: regionOf(ctx.info.stateMachineArn),
      parameters: text,
    };
    if (timeout !== undefined) details['timeoutInSeconds'] = timeout;
    if (heartbeat !== undefined) details['heartbeatInSeconds'] = heartbeat;
    ctx.emit(thread, 'TaskScheduled', 'taskScheduledEventDetails', details);
  } else {
    const details: JsonObject = { resource: state.Resource, ...payloadDetails('input', text) };
    if (timeout !== undefined) details['timeoutInSeconds'] = timeout;
    if (family === 'Activity' && heartbeat !== undefined) details['heartbeatInSeconds'] = heartbeat;
    const detailsKey = `${lowerFirst(family)}ScheduledEventDetails`;
    ctx.emit(thread, `${family}Scheduled` as HistoryEventType, detailsKey, details);
  }
  const command: Command = {
    kind: 'runTask',
    taskId,
    stateName: thread.state,
    resource: state.Resource,
    input: parameters,
    ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
    ...(heartbeat !== undefined ? { heartbeatSeconds: heartbeat } : {}),
    ...(state.Resource.endsWith('.waitForTaskToken') ? { taskToken: ctx.random.uuid() } : {}),
  };
  ctx.commands.push(command);
  if (timeout !== undefined)
    thread.guards.timeout = ctx.threads.guardTimer(thread, 'timeout', timeout);
  if (heartbeat !== undefined) {
    thread.guards.heartbeatSeconds = heartbeat;
    thread.guards.heartbeat = ctx.threads.guardTimer(thread, 'heartbeat', heartbeat);
  }
  return 'blocked';
}

export function taskStarted(ctx: StepContext, taskId: string): void {
  const thread = ctx.threads.threadForEffect(taskId, false);
  if (thread === undefined || thread.phase !== 'task') return;
  const state = ctx.stateOf(thread) as TaskState;
  const kind = taskEventFamily(state.Resource);
  if (kind === 'Task') {
    const names = resourceNames(state.Resource);
    ctx.emit(thread, 'TaskStarted', 'taskStartedEventDetails', {
      resourceType: names.resourceType,
      resource: names.resource,
    });
  } else {
    ctx.emit(thread, `${kind}Started` as HistoryEventType);
  }
}

/** SendTaskHeartbeat: the heartbeat clock starts again; AWS writes no event for it. */
export function taskHeartbeat(ctx: StepContext, taskId: string): void {
  const thread = ctx.threads.threadForEffect(taskId, false);
  if (thread === undefined || thread.phase !== 'task' || thread.guards.heartbeat === null) return;
  ctx.commands.push({ kind: 'cancelTimer', timerId: thread.guards.heartbeat });
  delete ctx.threads.internal.effects[thread.guards.heartbeat];
  thread.guards.heartbeat = ctx.threads.guardTimer(
    thread,
    'heartbeat',
    thread.guards.heartbeatSeconds,
  );
}

export async function taskSucceeded(
  ctx: StepContext,
  taskId: string,
  output: JsonValue,
): Promise<void> {
  const thread = ctx.threads.threadForEffect(taskId);
  if (thread === undefined || thread.phase !== 'task') return;
  thread.effect = null;
  ctx.threads.clearGuards(thread);
  const state = ctx.stateOf(thread) as TaskState;
  const text = toJsonText(output);
  const kind = taskEventFamily(state.Resource);
  if (byteLength(text) > MAX_PAYLOAD_BYTES) {
    // Recorded: no success event; the task fails, naming the resource type (or function ARN).
    const names = resourceNames(state.Resource);
    const subject = kind === 'Task' ? names.resourceType : state.Resource;
    const cause = `The state/task '${subject}' returned a result with a size exceeding the maximum number of bytes service limit.`;
    await taskFailedWith(ctx, thread, state, kind, 'States.DataLimitExceeded', cause);
    return;
  }
  if (kind === 'Task') {
    const names = resourceNames(state.Resource);
    ctx.emit(thread, 'TaskSucceeded', 'taskSucceededEventDetails', {
      resourceType: names.resourceType,
      resource: names.resource,
      ...payloadDetails('output', text),
    });
  } else {
    const detailsKey = `${lowerFirst(kind)}SucceededEventDetails`;
    const type = `${kind}Succeeded` as HistoryEventType;
    ctx.emit(thread, type, detailsKey, payloadDetails('output', text));
  }
  thread.phase = 'rerun';
  try {
    ctx.later(thread, await finishResult(ctx, thread, state, output));
  } catch (error) {
    ctx.later(thread, await handleFailure(ctx, thread, state, toFailure(error, thread)));
  }
}

async function taskFailedWith(
  ctx: StepContext,
  thread: Thread,
  state: TaskState,
  kind: string,
  error: string,
  cause: string,
): Promise<void> {
  if (kind === 'Task') {
    const names = resourceNames(state.Resource);
    ctx.emit(thread, 'TaskFailed', 'taskFailedEventDetails', {
      cause,
      error,
      resource: names.resource,
      resourceType: names.resourceType,
    });
  } else {
    const detailsKey = `${lowerFirst(kind)}FailedEventDetails`;
    ctx.emit(thread, `${kind}Failed` as HistoryEventType, detailsKey, { cause, error });
  }
  thread.phase = 'rerun';
  ctx.later(thread, await handleFailure(ctx, thread, state, new StateFailure(error, cause)));
}

export async function taskFailed(
  ctx: StepContext,
  taskId: string,
  error: string,
  cause: string | undefined,
): Promise<void> {
  const thread = ctx.threads.threadForEffect(taskId);
  if (thread === undefined || thread.phase !== 'task') return;
  thread.effect = null;
  ctx.threads.clearGuards(thread);
  const state = ctx.stateOf(thread) as TaskState;
  const kind = taskEventFamily(state.Resource);
  const details: JsonObject = {};
  if (error !== '') details['error'] = error;
  if (cause !== undefined) details['cause'] = cause;
  if (kind === 'Task') {
    const names = resourceNames(state.Resource);
    ctx.emit(thread, 'TaskFailed', 'taskFailedEventDetails', {
      resourceType: names.resourceType,
      resource: names.resource,
      ...details,
    });
  } else {
    const detailsKey = `${lowerFirst(kind)}FailedEventDetails`;
    ctx.emit(thread, `${kind}Failed` as HistoryEventType, detailsKey, details);
  }
  thread.phase = 'rerun';
  // Recorded: a task that failed without error or cause shows both as null to a catcher.
  const errorOutput: JsonObject = { Error: error === '' ? null : error, Cause: cause ?? null };
  const failure = new StateFailure(error, cause, undefined, false, errorOutput);
  ctx.later(thread, await handleFailure(ctx, thread, state, failure));
}

/**
 * A timer fired: whether it was a task's timeout or heartbeat timer. One still current times the
 * task out once the current thread has stopped.
 */
export function guardTimerFired(ctx: StepContext, timerId: string): boolean {
  const heartbeat = timerId.startsWith('heartbeat-');
  if (!heartbeat && !timerId.startsWith('timeout-')) return false;
  const effects = ctx.threads.internal.effects;
  const guarded = effects[timerId];
  if (guarded === undefined) return true;
  delete effects[timerId];
  const owner = ctx.threads.get(guarded);
  if (
    owner !== undefined &&
    owner.phase === 'task' &&
    (owner.guards.timeout === timerId || owner.guards.heartbeat === timerId)
  ) {
    ctx.defer(() => taskTimedOut(ctx, owner, heartbeat));
  }
  return true;
}

async function taskTimedOut(ctx: StepContext, thread: Thread, heartbeat: boolean): Promise<void> {
  if (ctx.threads.get(thread.id) !== thread || thread.phase !== 'task' || thread.effect === null) {
    return;
  }
  const taskId = thread.effect;
  delete ctx.threads.internal.effects[taskId];
  thread.effect = null;
  ctx.commands.push({ kind: 'cancelTask', taskId });
  ctx.threads.clearGuards(thread);
  const state = ctx.stateOf(thread) as TaskState;
  // Recorded: a missed heartbeat reads States.Timeout like any other task timeout, and a catcher
  // sees an empty Cause.
  const error = 'States.Timeout';
  const family = taskEventFamily(state.Resource);
  if (family === 'Task') {
    const names = resourceNames(state.Resource);
    ctx.emit(thread, 'TaskTimedOut', 'taskTimedOutEventDetails', {
      resourceType: names.resourceType,
      resource: names.resource,
      error,
    });
  } else {
    const detailsKey = `${lowerFirst(family)}TimedOutEventDetails`;
    ctx.emit(thread, `${family}TimedOut` as HistoryEventType, detailsKey, { error });
  }
  thread.phase = 'rerun';
  const errorOutput: JsonObject = { Error: error, Cause: '' };
  const failure = new StateFailure(error, undefined, undefined, false, errorOutput, heartbeat);
  ctx.later(thread, await handleFailure(ctx, thread, state, failure));
}
