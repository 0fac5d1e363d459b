// The snapshot's table of threads and effects. An effect is a timer or task a thread waits for; the
// table maps each effect id back to its thread, so an input that arrives late (a timer fired twice
// after a crash, a result for a cancelled task) finds no thread and is ignored. Creating,
// removing and cancelling live here together because removing a thread must cancel what it
// waits for and remove its children, and those must leave the driver a cancel command each.

import { toJsonText } from '../paths/json.js';
import type { EventCursor } from './history.js';
import { byteLength } from './payload.js';
import type { Container, Internal, Thread } from './thread.js';
import type { Command } from './types.js';

export class ThreadTable {
  constructor(
    readonly internal: Internal,
    private readonly commands: Command[],
    private readonly now: number,
  ) {}

  get(id: number): Thread | undefined {
    return this.internal.threads[id];
  }

  newThread(
    parent: number,
    index: number,
    scope: number,
    hidden: boolean,
    cursor: EventCursor,
  ): Thread {
    const id = this.internal.nextThread++;
    const thread: Thread = {
      id,
      parent,
      index,
      scope,
      hidden,
      state: '',
      phase: 'enter',
      input: null,
      entered: 0,
      enteredPrev: 0,
      enteredAt: this.now,
      last: cursor.last,
      attempts: [],
      retryCount: 0,
      vars: null,
      effect: null,
      box: null,
      effective: null,
      guards: { timeout: null, heartbeat: null, heartbeatSeconds: 0 },
    };
    this.internal.threads[id] = thread;
    return thread;
  }

  removeThread(thread: Thread): void {
    if (thread.box !== null) this.abortChildren(thread);
    // An inner scope's variables die with it.
    if (thread.parent >= 0 && thread.vars !== null && this.internal.variableBytes !== undefined) {
      for (const value of Object.values(thread.vars)) {
        this.internal.variableBytes -= byteLength(toJsonText(value));
      }
    }
    delete this.internal.threads[thread.id];
  }

  /** Stops every child of a Map or Parallel state and drops its bookkeeping. */
  abortChildren(parent: Thread): void {
    const box = parent.box as Container;
    for (const id of box.children) {
      const child = this.internal.threads[id];
      if (child === undefined) continue;
      this.cancelEffects(child);
      this.removeThread(child);
    }
    parent.box = null;
  }

  /** A new timer or task id for what `thread` waits for next. */
  newEffect(thread: Thread, kind: string): string {
    const id = `${kind}-${this.internal.nextEffect++}`;
    this.internal.effects[id] = thread.id;
    thread.effect = id;
    return id;
  }

  /** The thread waiting for `effectId`, if the effect is still current (`consume`: forget it). */
  threadForEffect(effectId: string, consume = true): Thread | undefined {
    const threadId = this.internal.effects[effectId];
    if (threadId === undefined) return undefined;
    const thread = this.internal.threads[threadId];
    if (thread === undefined || thread.effect !== effectId) {
      delete this.internal.effects[effectId];
      return undefined;
    }
    if (consume) delete this.internal.effects[effectId];
    return thread;
  }

  /** A task's timeout or heartbeat timer: an effect beside the task, not one the thread waits for. */
  guardTimer(thread: Thread, kind: 'timeout' | 'heartbeat', seconds: number): string {
    const id = `${kind}-${this.internal.nextEffect++}`;
    this.internal.effects[id] = thread.id;
    this.commands.push({ kind: 'startTimer', timerId: id, fireAt: this.now + seconds * 1000 });
    return id;
  }

  clearGuards(thread: Thread): void {
    for (const id of [thread.guards.timeout, thread.guards.heartbeat]) {
      if (id === null) continue;
      delete this.internal.effects[id];
      this.commands.push({ kind: 'cancelTimer', timerId: id });
    }
    thread.guards = { timeout: null, heartbeat: null, heartbeatSeconds: 0 };
  }

  cancelEffects(thread: Thread): void {
    this.clearGuards(thread);
    const effect = thread.effect;
    if (effect === null) return;
    delete this.internal.effects[effect];
    thread.effect = null;
    if (thread.phase === 'task') this.commands.push({ kind: 'cancelTask', taskId: effect });
    else this.commands.push({ kind: 'cancelTimer', timerId: effect });
  }
}
