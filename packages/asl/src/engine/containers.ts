// What Map and Parallel share: a state whose thread waits in phase 'children' while child threads
// (branches, iterations) run, with the bookkeeping in a Container. Here a child is started, a
// child's success or failure is settled, and the container ends — with its results, or failing
// after every other child is aborted. The events this writes and their previousEventId links
// follow AWS's recordings, which treat the iteration events as written "beside" the flow.

import type { MapState, ParallelState } from '../definition/types.js';
import type { JsonValue } from '../paths/json.js';
import type { Outcome, StepContext } from './context.js';
import { StateFailure, errorOutputOf } from './failure.js';
import { handleFailure, toFailure } from './recovery.js';
import { finishResult } from './states/data-flow.js';
import type { Container, Thread } from './thread.js';
import type { HistoryEventType } from './types.js';

/** Starts as many iterations as MaxConcurrency allows (0: all of them). */
export function startIterations(
  ctx: StepContext,
  thread: Thread,
  box: Container,
  scopeId: number,
): void {
  const limit = box.maxConcurrency > 0 ? box.maxConcurrency : box.total;
  const fresh: Thread[] = [];
  while (box.started < box.total && box.running < limit) {
    const index = box.started++;
    box.running++;
    const hidden = thread.hidden || box.distributed;
    const child = ctx.threads.newThread(thread.id, index, scopeId, hidden, { last: box.cursor });
    child.state = ctx.scopeAt(scopeId).startAt;
    child.phase = 'iteration';
    child.vars = {};
    box.children.push(child.id);
    fresh.push(child);
  }
  for (let i = fresh.length - 1; i >= 0; i--) ctx.schedule(fresh[i] as Thread);
}

/** A branch or iteration ended with its last state. */
export function childSucceeded(ctx: StepContext, thread: Thread, output: JsonValue): void {
  const parent = ctx.threads.get(thread.parent) as Thread;
  const box = parent.box as Container;
  ctx.threads.removeThread(thread);
  box.results[thread.index] = output;
  box.succeeded++;
  box.running--;
  const causeEvent = thread.last;
  if (box.kind === 'map') {
    box.cursor = causeEvent;
    const succeededId = ctx.emitFor(
      parent,
      thread,
      'MapIterationSucceeded',
      'mapIterationSucceededEventDetails',
      { index: thread.index, name: parent.state },
      false,
    );
    parent.last = succeededId > 0 && !box.distributed ? succeededId : parent.last;
  } else {
    parent.last = causeEvent;
  }
  childSettled(ctx, parent);
}

/** A branch or iteration failed and nothing inside it caught the error. */
export function childFailed(
  ctx: StepContext,
  thread: Thread,
  failure: StateFailure,
  causeEvent: number,
): void {
  const parent = ctx.threads.get(thread.parent) as Thread;
  const box = parent.box as Container;
  ctx.threads.removeThread(thread);
  box.running--;
  box.failed++;
  const cause = { last: causeEvent };
  if (box.kind === 'map') {
    ctx.emitFor(
      parent,
      thread,
      'MapIterationFailed',
      'mapIterationFailedEventDetails',
      { index: thread.index, name: parent.state },
      false,
    );
    box.cursor = causeEvent;
    if (tolerated(box)) {
      box.results[thread.index] = errorOutputOf(failure);
      childSettled(ctx, parent);
      return;
    }
  }
  // Recorded: a Task that failed its iteration or branch is reported aborted, then every other
  // running iteration (MapIterationAborted) and the state each was in, all linked to the failure.
  if (ctx.stateOf(thread).Type === 'Task') {
    ctx.emitFor(parent, cause, 'TaskStateAborted', '', {}, false);
  }
  for (const id of box.children) {
    const sibling = ctx.threads.get(id);
    if (sibling === undefined || sibling === thread) continue;
    if (box.kind === 'map') {
      const details = { index: sibling.index, name: parent.state };
      ctx.emitFor(
        parent,
        cause,
        'MapIterationAborted',
        'mapIterationAbortedEventDetails',
        details,
        false,
      );
    }
    const type = sibling.phase === 'iteration' ? undefined : ctx.stateOf(sibling).Type;
    if (type === 'Task' || type === 'Wait' || type === 'Map' || type === 'Parallel') {
      ctx.emitFor(parent, cause, `${type}StateAborted` as HistoryEventType, '', {}, false);
    }
  }
  if (box.distributed && !parent.hidden) {
    ctx.history.write(cause, 'MapRunFailed', undefined, undefined, false);
  }
  // The container fails: stop the other children, then the Map/Parallel state handles the error.
  ctx.threads.abortChildren(parent);
  parent.last = causeEvent;
  parent.phase = 'rerun';
  const state = ctx.stateOf(parent);
  const toleranceExceeded =
    box.kind === 'map' && (box.toleratedCount > 0 || box.toleratedPercentage > 0);
  const effective = toleranceExceeded
    ? new StateFailure(
        'States.ExceedToleratedFailureThreshold',
        'The specified tolerated failure threshold was exceeded',
      )
    : failure;
  ctx.defer(async () => ctx.later(parent, await handleFailure(ctx, parent, state, effective)));
}

function tolerated(box: Container): boolean {
  if (box.toleratedCount <= 0 && box.toleratedPercentage <= 0) return false;
  if (box.failed <= box.toleratedCount) return true;
  return box.total > 0 && (box.failed * 100) / box.total <= box.toleratedPercentage;
}

/** A child settled: start the next iteration, or once none runs, finish the container. */
function childSettled(ctx: StepContext, parent: Thread): void {
  const box = parent.box as Container;
  const state = ctx.stateOf(parent);
  if (box.kind === 'map' && box.started < box.total) {
    startIterations(ctx, parent, box, ctx.machine.processorScope.get(state) ?? 0);
    return;
  }
  if (box.running > 0) return;
  ctx.defer(async () => {
    let outcome: Outcome;
    try {
      outcome = await containerDone(ctx, parent, state as MapState | ParallelState);
    } catch (error) {
      outcome = await handleFailure(ctx, parent, state, toFailure(error, parent));
    }
    ctx.later(parent, outcome);
  });
}

/** Every child succeeded (or failed within the tolerance): the state leaves with their results. */
export async function containerDone(
  ctx: StepContext,
  thread: Thread,
  state: MapState | ParallelState,
): Promise<Outcome> {
  const box = thread.box as Container;
  thread.box = null;
  thread.phase = 'rerun';
  if (box.kind === 'map') {
    if (box.distributed) ctx.emit(thread, 'MapRunSucceeded');
    ctx.emit(thread, 'MapStateSucceeded', undefined, undefined, false);
  } else {
    ctx.emit(thread, 'ParallelStateSucceeded', undefined, undefined, false);
  }
  return finishResult(ctx, thread, state, box.results);
}
