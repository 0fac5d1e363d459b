// A tiny stand-in for the States Language interpreter, for the engine's own tests: it knows Pass
// (Result, Next/End), Wait (Seconds), Task (Resource), Succeed and Fail, produces AWS's event types,
// and keeps its state in the snapshot as plain JSON — enough to test durability, timers, tasks,
// stop, the history cap and Express timeouts without depending on the real interpreter.
import type {
  CompiledMachine,
  ExecutionInfo,
  ExecutionInput,
  ExecutionSnapshot,
  HistoryEvent,
  JsonValue,
  StateMachineDefinition,
  StepEnvironment,
  StepResult,
} from '@tributary/asl';
import type { Interpreter } from './interpreter.js';

interface ScriptState {
  Type: 'Pass' | 'Wait' | 'Task' | 'Succeed' | 'Fail';
  Next?: string;
  End?: boolean;
  Result?: JsonValue;
  Seconds?: number;
  Resource?: string;
  Error?: string;
  Cause?: string;
}

interface Internal {
  state: string | null;
  data: JsonValue;
  timer: string | null;
  task: string | null;
  seq: number;
}

const PREFIX: Record<ScriptState['Type'], string> = {
  Pass: 'Pass',
  Wait: 'Wait',
  Task: 'Task',
  Succeed: 'Succeed',
  Fail: 'Fail',
};

export class ScriptedInterpreter implements Interpreter {
  /** Steps taken, by input kind (tests assert nothing ran twice). */
  readonly calls: string[] = [];
  /** Makes the next call throw, to test how the engine records interpreter failures. */
  failNext = false;
  /** Events one Pass self-loop may produce before the step gives up (history-cap tests). */
  loopLimit = 30_000;

  compile(definition: string): CompiledMachine {
    return { definition: JSON.parse(definition) as StateMachineDefinition };
  }

  start(
    machine: CompiledMachine,
    _info: ExecutionInfo,
    input: JsonValue,
    env: StepEnvironment,
  ): Promise<StepResult> {
    this.calls.push('start');
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('scripted failure'));
    }
    const out = new Out(env.now, 1);
    out.event('ExecutionStarted', {
      executionStartedEventDetails: {
        input: JSON.stringify(input),
        inputDetails: { truncated: false },
      },
    });
    const internal: Internal = {
      state: String(machine.definition.StartAt),
      data: input,
      timer: null,
      task: null,
      seq: 0,
    };
    return Promise.resolve(this.run(machine, internal, out, env));
  }

  step(
    machine: CompiledMachine,
    _info: ExecutionInfo,
    snapshot: ExecutionSnapshot,
    input: ExecutionInput,
    env: StepEnvironment,
  ): Promise<StepResult> {
    this.calls.push(input.kind);
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('scripted failure'));
    }
    const internal = structuredClone(snapshot.internal) as unknown as Internal;
    const out = new Out(env.now, snapshot.nextEventId);
    const state = this.state(machine, internal.state!);
    switch (input.kind) {
      case 'stop':
        if (internal.timer) out.commands.push({ kind: 'cancelTimer', timerId: internal.timer });
        if (internal.task) out.commands.push({ kind: 'cancelTask', taskId: internal.task });
        out.event(`${PREFIX[state.Type]}StateAborted` as HistoryEvent['type'], {});
        out.event('ExecutionAborted', {
          executionAbortedEventDetails: { error: input.error, cause: input.cause },
        });
        return Promise.resolve(
          out.result({ status: 'ABORTED', error: input.error, cause: input.cause }, internal),
        );
      case 'timeOut':
        out.event('ExecutionTimedOut', {
          executionTimedOutEventDetails: { error: 'States.Timeout' },
        });
        return Promise.resolve(
          out.result({ status: 'TIMED_OUT', error: 'States.Timeout' }, internal),
        );
      case 'timerFired':
        if (input.timerId !== internal.timer)
          return Promise.resolve(out.result({ status: 'RUNNING' }, internal));
        internal.timer = null;
        out.event('WaitStateExited', { stateExitedEventDetails: { name: internal.state } });
        return Promise.resolve(this.advance(machine, state, internal, out, env));
      case 'taskStarted':
        out.event('TaskStarted', {});
        return Promise.resolve(out.result({ status: 'RUNNING' }, internal));
      case 'taskSucceeded':
        internal.task = null;
        internal.data = input.output;
        out.event('TaskSucceeded', {
          taskSucceededEventDetails: { output: JSON.stringify(input.output) },
        });
        out.event('TaskStateExited', { stateExitedEventDetails: { name: internal.state } });
        return Promise.resolve(this.advance(machine, state, internal, out, env));
      case 'taskFailed':
        internal.task = null;
        out.event('TaskFailed', {
          taskFailedEventDetails: { error: input.error, cause: input.cause },
        });
        out.event('ExecutionFailed', {
          executionFailedEventDetails: { error: input.error, cause: input.cause },
        });
        return Promise.resolve(
          out.result({ status: 'FAILED', error: input.error, cause: input.cause }, internal),
        );
      default:
        return Promise.resolve(out.result({ status: 'RUNNING' }, internal));
    }
  }

  private state(machine: CompiledMachine, name: string): ScriptState {
    return (machine.definition.States as unknown as Record<string, ScriptState>)[name]!;
  }

  private advance(
    machine: CompiledMachine,
    state: ScriptState,
    internal: Internal,
    out: Out,
    env: StepEnvironment,
  ): StepResult {
    if (state.End) {
      out.event('ExecutionSucceeded', {
        executionSucceededEventDetails: { output: JSON.stringify(internal.data) },
      });
      return out.result({ status: 'SUCCEEDED', output: JSON.stringify(internal.data) }, internal);
    }
    internal.state = state.Next!;
    return this.run(machine, internal, out, env);
  }

  private run(
    machine: CompiledMachine,
    internal: Internal,
    out: Out,
    env: StepEnvironment,
  ): StepResult {
    for (;;) {
      if (out.count > this.loopLimit) return out.result({ status: 'RUNNING' }, internal);
      const name = internal.state!;
      const state = this.state(machine, name);
      out.event(`${PREFIX[state.Type]}StateEntered` as HistoryEvent['type'], {
        stateEnteredEventDetails: { name },
      });
      switch (state.Type) {
        case 'Pass':
          if (state.Result !== undefined) internal.data = state.Result;
          out.event('PassStateExited', { stateExitedEventDetails: { name } });
          break;
        case 'Succeed':
          out.event('SucceedStateExited', { stateExitedEventDetails: { name } });
          out.event('ExecutionSucceeded', {
            executionSucceededEventDetails: { output: JSON.stringify(internal.data) },
          });
          return out.result(
            { status: 'SUCCEEDED', output: JSON.stringify(internal.data) },
            internal,
          );
        case 'Fail':
          out.event('ExecutionFailed', {
            executionFailedEventDetails: { error: state.Error, cause: state.Cause },
          });
          return out.result({ status: 'FAILED', error: state.Error, cause: state.Cause }, internal);
        case 'Wait': {
          internal.timer = `wait-${++internal.seq}`;
          out.commands.push({
            kind: 'startTimer',
            timerId: internal.timer,
            fireAt: env.now + (state.Seconds ?? 0) * 1000,
          });
          return out.result({ status: 'RUNNING' }, internal);
        }
        case 'Task': {
          internal.task = `task-${++internal.seq}`;
          out.event('TaskScheduled', { taskScheduledEventDetails: { resource: state.Resource } });
          out.commands.push({
            kind: 'runTask',
            taskId: internal.task,
            stateName: name,
            resource: state.Resource!,
            input: internal.data,
          });
          return out.result({ status: 'RUNNING' }, internal);
        }
      }
      if (state.End) {
        out.event('ExecutionSucceeded', {
          executionSucceededEventDetails: { output: JSON.stringify(internal.data) },
        });
        return out.result({ status: 'SUCCEEDED', output: JSON.stringify(internal.data) }, internal);
      }
      internal.state = state.Next!;
    }
  }
}

class Out {
  readonly events: HistoryEvent[] = [];
  readonly commands: StepResult['commands'] = [];
  constructor(
    private readonly now: number,
    private next: number,
  ) {}

  get count(): number {
    return this.events.length;
  }

  event(type: HistoryEvent['type'], details: Record<string, unknown>): void {
    const id = this.next++;
    this.events.push({ id, previousEventId: id - 1, timestamp: this.now, type, ...details });
  }

  result(end: Partial<ExecutionSnapshot>, internal: Internal): StepResult {
    const snapshot: ExecutionSnapshot = {
      version: 1,
      status: 'RUNNING',
      ...end,
      nextEventId: this.next,
      internal: internal as unknown as ExecutionSnapshot['internal'],
    };
    return { snapshot, events: this.events, commands: this.commands };
  }
}
