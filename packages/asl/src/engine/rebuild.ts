// Rebuilding an execution from its history alone. The interpreter is deterministic: the same inputs
// at the same times with the same random draws give the same events. So the history, which records
// what every input did, is enough to find the inputs again and re-run them: start with
// ExecutionStarted's input, and whenever the events the interpreter wrote run out, the next history
// event says which input from outside came next. Each step's events must equal the history's next
// events exactly (type, id, previousEventId, details, timestamp); the first one that does not is
// reported as a RebuildMismatch.
//
// Which input an event stands for: every event a thread writes moves that thread's cursor
// (`Thread.last`), and an answer from outside links (previousEventId) to the last event of the
// thread it wakes. So the thread whose cursor is the event's previousEventId, and what it waits for
// (its task, its Wait or retry timer, its task's timeout and heartbeat timers), gives the input:
//   TaskStarted / LambdaFunctionStarted / ActivityStarted   → taskStarted(the thread's task)
//   *Succeeded (of a task)                                  → taskSucceeded(task, parsed output)
//   *Failed (of a task)                                     → taskFailed(task, error, cause)
//   *TimedOut (of a task)                                   → the task's timeout or heartbeat timer
//   any event of a thread in a Wait (WaitStateExited)       → that Wait's timer
//   any event of a thread in retry back-off (TaskScheduled,
//     Parallel/MapStateStarted again, ...)                  → that retry timer
//   ExecutionTimedOut  → the `execution-timeout` timer while it is pending, else `timeOut`
//   ExecutionAborted   → stop(error, cause)
// and a pending `yield-` timer is fired first whenever the history goes on. Each step runs with
// `now` = the timestamp of the history event its input stands for (all events of one step share
// it).
//
// Randomness: States.UUID, States.MathRandom, $uuid(), $random(), task tokens and retry jitter draw
// from the execution's randomness, and the rebuild draws again. With `info.seed` (what Tributary's
// server gives every execution) the draws are a function of the seed and the history position, so
// nothing else is needed; without one, the caller must pass a RandomSource that yields the same
// sequence the original run saw.
//
// What the history cannot tell: SendTaskHeartbeat writes no event, so heartbeats are not replayed;
// after one, the rebuilt snapshot's effect ids and heartbeat deadline differ from the live one (its
// events still match). Distributed Map children write no history here and are not covered.

import { readJsonTree } from '../json/reader.js';
import { toJsonValue } from '../json/tree.js';
import type { RandomSource } from '../intrinsics/functions.js';
import { cloneJson, jsonEquals, type JsonObject, type JsonValue } from '../paths/json.js';
import { startExecution, step } from './api.js';
import { EXECUTION_TIMEOUT } from './execution.js';
import type { Internal, Thread } from './thread.js';
import type {
  Command,
  CompiledMachine,
  ExecutionInfo,
  ExecutionInput,
  ExecutionSnapshot,
  HistoryEvent,
  StepResult,
} from './types.js';

/** The history cannot have come from this definition and input: `event` is the first that differs. */
export class RebuildMismatch extends Error {
  constructor(
    /** The history event that differs (undefined: the history ended where the interpreter went on). */
    readonly event: HistoryEvent | undefined,
    /** What the interpreter wrote in its place, if anything. */
    readonly produced: HistoryEvent | undefined,
    reason: string,
  ) {
    const where = event !== undefined ? `history event ${event.id} (${event.type})` : 'end of history';
    super(`${where}: ${reason}`);
    this.name = 'RebuildMismatch';
  }
}

/** For histories of seeded executions, or of executions that never drew a random value. */
const NO_RANDOM: RandomSource = {
  random(): number {
    throw new Error('this execution drew random values: pass the RandomSource it ran with, or give it a seed');
  },
  uuid(): string {
    throw new Error('this execution drew random values: pass the RandomSource it ran with, or give it a seed');
  },
};

/**
 * Re-runs the interpreter against a recorded history and returns the snapshot (and pending
 * commands) the execution had after its last event. Throws RebuildMismatch when the history cannot
 * have come from this definition and input (naming the first event that differs).
 *
 * Without `info.seed`, `random` must yield the same sequence the original run used (see the file
 * comment); with a seed it is not used.
 */
export async function rebuildFromHistory(
  machine: CompiledMachine,
  info: ExecutionInfo,
  events: readonly HistoryEvent[],
  random: RandomSource = NO_RANDOM,
): Promise<{ snapshot: ExecutionSnapshot; pending: Command[] }> {
  const first = events[0];
  if (first?.type !== 'ExecutionStarted') {
    throw new RebuildMismatch(first, undefined, 'a history must begin with ExecutionStarted');
  }
  const inputText = detailsOf(first)?.['input'];
  if (typeof inputText !== 'string') {
    throw new RebuildMismatch(first, undefined, 'ExecutionStarted has no input text');
  }
  const input = parseJson(inputText, first, 'the execution input');
  const pending = new PendingEffects();
  let result = await startExecution(machine, info, input, { now: first.timestamp, random }, inputText);
  let position = matchStep(events, 0, result, first);
  pending.absorb(result.commands);
  let snapshot = result.snapshot;
  while (position < events.length) {
    const next = events[position] as HistoryEvent;
    if (snapshot.status !== 'RUNNING') {
      throw new RebuildMismatch(next, undefined, `the execution had already ended (${snapshot.status})`);
    }
    const stepInput = pending.yieldTimer() ?? inputFor(snapshot, next, pending);
    pending.consume(stepInput);
    result = await step(machine, info, snapshot, stepInput, { now: next.timestamp, random });
    position = matchStep(events, position, result, next);
    pending.absorb(result.commands);
    snapshot = result.snapshot;
  }
  return { snapshot, pending: pending.list() };
}

/** Checks one step's events against the history from `position`; returns the position after them. */
function matchStep(
  history: readonly HistoryEvent[],
  position: number,
  result: StepResult,
  cause: HistoryEvent,
): number {
  if (result.events.length === 0) {
    throw new RebuildMismatch(cause, undefined, 'the interpreter wrote no event for the input this event stands for');
  }
  result.events.forEach((produced, i) => {
    const expected = history[position + i];
    if (expected === undefined) {
      throw new RebuildMismatch(
        undefined,
        produced,
        `the history ends inside a step: the interpreter also wrote event ${produced.id} (${produced.type})`,
      );
    }
    if (!jsonEquals(expected as unknown as JsonValue, produced as unknown as JsonValue)) {
      throw new RebuildMismatch(
        expected,
        produced,
        `differs from what the interpreter wrote: expected ${JSON.stringify(expected)}, got ${JSON.stringify(produced)}`,
      );
    }
  });
  return position + result.events.length;
}

/** The input from outside that `event` (the first event of a step) stands for. */
function inputFor(snapshot: ExecutionSnapshot, event: HistoryEvent, pending: PendingEffects): ExecutionInput {
  const internal = snapshot.internal as unknown as Internal;
  const details = detailsOf(event);
  if (event.type === 'ExecutionAborted') {
    const error = details?.['error'];
    const cause = details?.['cause'];
    return {
      kind: 'stop',
      ...(typeof error === 'string' ? { error } : {}),
      ...(typeof cause === 'string' ? { cause } : {}),
    };
  }
  if (event.type === 'ExecutionTimedOut') {
    return internal.timeoutTimer === EXECUTION_TIMEOUT && pending.has(`timer:${EXECUTION_TIMEOUT}`)
      ? { kind: 'timerFired', timerId: EXECUTION_TIMEOUT }
      : { kind: 'timeOut' };
  }
  const threads = Object.values(internal.threads).filter(
    (thread) => !thread.hidden && thread.last === event.previousEventId,
  );
  for (const thread of threads) {
    const input = threadInput(thread, event, pending);
    if (input !== undefined) return input;
  }
  throw new RebuildMismatch(
    event,
    undefined,
    `no pending task or timer of the execution links to event ${event.previousEventId}, so no input can have written this event`,
  );
}

const TASK_EVENT = /^(Task|LambdaFunction|Activity)(Started|Succeeded|Failed|TimedOut)$/;

function threadInput(thread: Thread, event: HistoryEvent, pending: PendingEffects): ExecutionInput | undefined {
  const effect = thread.effect;
  if (thread.phase === 'waiting' || thread.phase === 'backoff') {
    return effect !== null ? { kind: 'timerFired', timerId: effect } : undefined;
  }
  if (thread.phase !== 'task') return undefined;
  const match = TASK_EVENT.exec(event.type);
  if (match === null) return undefined;
  const details = detailsOf(event);
  switch (match[2]) {
    case 'TimedOut': {
      const guards = [thread.guards.timeout, thread.guards.heartbeat].filter((id): id is string => id !== null);
      // Both timers write the same event: the one due first is the one that fired.
      guards.sort((a, b) => pending.fireAt(a) - pending.fireAt(b));
      const timerId = guards[0];
      return timerId !== undefined ? { kind: 'timerFired', timerId } : undefined;
    }
    case 'Started':
      return effect !== null ? { kind: 'taskStarted', taskId: effect } : undefined;
    case 'Succeeded': {
      const text = details?.['output'];
      if (effect === null || typeof text !== 'string') return undefined;
      return { kind: 'taskSucceeded', taskId: effect, output: parseJson(text, event, 'the task output') };
    }
    default: {
      if (effect === null) return undefined;
      const error = details?.['error'];
      const cause = details?.['cause'];
      return {
        kind: 'taskFailed',
        taskId: effect,
        error: typeof error === 'string' ? error : '',
        ...(typeof cause === 'string' ? { cause } : {}),
      };
    }
  }
}

/** The timers and tasks the driver would still have outstanding. */
class PendingEffects {
  private readonly commands = new Map<string, Command>();

  absorb(commands: readonly Command[]): void {
    for (const command of commands) {
      switch (command.kind) {
        case 'startTimer':
          this.commands.set(`timer:${command.timerId}`, cloneJson(command as unknown as JsonValue) as unknown as Command);
          break;
        case 'cancelTimer':
          this.commands.delete(`timer:${command.timerId}`);
          break;
        case 'runTask':
          this.commands.set(`task:${command.taskId}`, cloneJson(command as unknown as JsonValue) as unknown as Command);
          break;
        case 'cancelTask':
          this.commands.delete(`task:${command.taskId}`);
          break;
      }
    }
  }

  consume(input: ExecutionInput): void {
    if (input.kind === 'timerFired') this.commands.delete(`timer:${input.timerId}`);
    if (input.kind === 'taskSucceeded' || input.kind === 'taskFailed') this.commands.delete(`task:${input.taskId}`);
  }

  has(key: string): boolean {
    return this.commands.has(key);
  }

  fireAt(timerId: string): number {
    const command = this.commands.get(`timer:${timerId}`);
    return command?.kind === 'startTimer' ? command.fireAt : Number.POSITIVE_INFINITY;
  }

  /** A pending yield timer: the execution handed control back and carries on when it fires. */
  yieldTimer(): ExecutionInput | undefined {
    for (const command of this.commands.values()) {
      if (command.kind === 'startTimer' && command.timerId.startsWith('yield-')) {
        return { kind: 'timerFired', timerId: command.timerId };
      }
    }
    return undefined;
  }

  list(): Command[] {
    return [...this.commands.values()];
  }
}

function detailsOf(event: HistoryEvent): JsonObject | undefined {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && value !== null && typeof value === 'object') return value as JsonObject;
  }
  return undefined;
}

function parseJson(text: string, event: HistoryEvent, what: string): JsonValue {
  let node;
  try {
    node = readJsonTree(text);
  } catch (error) {
    throw new RebuildMismatch(event, undefined, `${what} is not JSON: ${(error as Error).message}`);
  }
  if (node === undefined) throw new RebuildMismatch(event, undefined, `${what} is empty`);
  return toJsonValue(node);
}
