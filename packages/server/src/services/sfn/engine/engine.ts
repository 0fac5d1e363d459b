// The execution engine: drives the pure interpreter with time, randomness, timers and task results.
//
// Standard executions are durable. A step (the interpreter applied to one input) is written to the
// store in one atomic call — its history events, the new snapshot, status and output, and the
// timers and tasks it starts or ends — before any of its commands is carried out, so after a crash
// (kill -9 included) a step is either fully recorded or not at all, and resuming from the stored
// snapshot never runs a state twice. Steps of one execution run one at a time, in order. At start
// every RUNNING execution's timers are re-armed (overdue ones fire at once) and its unanswered
// tasks are dispatched again (task dispatch is at-least-once, as on AWS).
//
// Express executions live in memory only: no history, no store writes, the five-minute limit as a
// timer that delivers `timeOut`. They are lost if the process dies.
import { randomUUID } from 'node:crypto';
import type {
  Command,
  CompiledMachine,
  ExecutionInfo,
  ExecutionInput,
  ExecutionSnapshot,
  HistoryEvent,
  JsonValue,
  RandomSource,
  RunTaskCommand,
  StepResult,
  TaskOutcome,
} from '@tributary/asl';
import type { Clock } from '../../../runtime/clock.js';
import type { TimerService } from '../../../runtime/timers.js';
import type {
  ExecutionRecord,
  SfnExecutionStatus,
  SfnStepWrite,
  SfnStore,
  StateMachineRecord,
  StateMachineRevision,
} from '../../../storage/ports.js';
import { capHistory } from './history-limit.js';
import type { Interpreter } from './interpreter.js';
import { noRunnerOutcome, type TaskRunners } from './tasks.js';

/** Express executions end with States.Timeout after five minutes. */
export const EXPRESS_MAX_DURATION_MS = 5 * 60_000;
const EXPRESS_TIMEOUT_TIMER = '\u0000express-timeout';
const COMPILED_CACHE = 1000;
const ACTIVE_CACHE = 10_000;

export interface EngineLog {
  error(details: Record<string, unknown>, message: string): void;
}

export interface EngineDeps {
  store: SfnStore;
  clock: Clock;
  timers: TimerService;
  interpreter: Interpreter;
  tasks: TaskRunners;
  log: EngineLog;
  random?: RandomSource;
  /**
   * Each execution's secret seed (its random draws are a function of it, so an execution can be
   * rebuilt from its history): derived, never stored, so it must give the same seed after a restart.
   */
  seedFor?: (executionArn: string, startedAt: number) => string;
}

export interface StartRequest {
  machine: StateMachineRecord;
  arn: string;
  name: string;
  /** JSON text, already validated. */
  input: string;
}

/** How an execution ended (or stands), for StartSyncExecution and tests. */
export interface ExecutionOutcome {
  arn: string;
  stateMachineArn: string;
  name: string;
  status: SfnExecutionStatus;
  startedAt: number;
  stoppedAt: number | null;
  input: string;
  output: string | null;
  error: string | null;
  cause: string | null;
}

interface Run {
  arn: string;
  type: 'STANDARD' | 'EXPRESS';
  account: string;
  region: string;
  stateMachineArn: string;
  name: string;
  input: string;
  startedAt: number;
  stoppedAt: number | null;
  /** Undefined when the definition did not compile (the execution then fails with the reason). */
  machine: CompiledMachine | undefined;
  compileError?: unknown;
  info: ExecutionInfo;
  snapshot: ExecutionSnapshot;
  /** Resolved when the execution stops (Express runs; Standard ones are read from the store). */
  finished?: (outcome: ExecutionOutcome) => void;
}

const terminal = (status: SfnExecutionStatus): boolean => status !== 'RUNNING';

const defaultRandom: RandomSource = { uuid: () => randomUUID(), random: () => Math.random() };

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function internalFailureCause(err: unknown): string {
  return `The execution stopped because Tributary's States Language interpreter failed: ${messageOf(err)}`;
}

export class ExecutionEngine {
  private readonly compiled = new Map<number, CompiledMachine>();
  /** Standard executions with a step in flight or recently run; Express ones while they run. */
  private readonly runs = new Map<string, Run>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly taskControllers = new Map<string, Map<string, AbortController>>();
  private readonly random: RandomSource;
  private closed = false;

  constructor(private readonly deps: EngineDeps) {
    this.random = deps.random ?? defaultRandom;
  }

  // --- starting ------------------------------------------------------------------------------

  /**
   * Starts a Standard execution: its first step and the execution itself are written in one call
   * before this resolves. If an execution of that ARN exists, nothing is written and it is returned.
   */
  async startStandard(
    request: StartRequest,
  ): Promise<{ created: boolean; execution: ExecutionRecord }> {
    const { machine } = request;
    const now = this.deps.clock.now();
    const run = this.newRun(request, 'STANDARD', now);
    const result = capHistory(await this.firstStep(run, now), now);
    const write = this.toWrite(result, now, undefined);
    const { created, execution } = await this.deps.store.createExecution(
      {
        arn: request.arn,
        stateMachineArn: machine.arn,
        account: machine.account,
        region: machine.region,
        name: request.name,
        revision: machine.revision.id,
        input: request.input,
        status: write.status,
        startedAt: now,
        stoppedAt: write.stoppedAt,
        output: write.output,
        error: write.error,
        cause: write.cause,
        snapshot: write.snapshot,
        redriveCount: 0,
      },
      write,
    );
    if (!created) return { created, execution };
    run.snapshot = result.snapshot;
    run.stoppedAt = write.stoppedAt;
    if (terminal(result.snapshot.status)) {
      await this.finish(run);
    } else {
      this.remember(run);
      this.carryOut(run, result.commands);
    }
    return { created, execution };
  }

  /**
   * Starts an Express execution in memory and returns at once (its first step runs on a later
   * turn, as AWS answers StartExecution before running); `finished` resolves when it stops.
   */
  startExpress(request: StartRequest): { startedAt: number; finished: Promise<ExecutionOutcome> } {
    const now = this.deps.clock.now();
    const run = this.newRun(request, 'EXPRESS', now);
    const finished = new Promise<ExecutionOutcome>((resolve) => {
      run.finished = resolve;
    });
    this.runs.set(run.arn, run);
    // The five-minute limit counts from the start, whatever the first step does.
    this.deps.timers.schedule(
      this.timerKey(run.arn, EXPRESS_TIMEOUT_TIMER),
      now + EXPRESS_MAX_DURATION_MS,
      () => {
        this.deliver(run.arn, { kind: 'timeOut' });
      },
    );
    this.serialise(run.arn, async () => {
      const result = await this.firstStep(run, now);
      await this.apply(run, result, now, undefined);
    }).catch((err: unknown) => {
      this.deps.log.error({ err, executionArn: run.arn }, 'an Express execution failed to start');
      run.stoppedAt = this.deps.clock.now();
      run.snapshot = {
        ...run.snapshot,
        status: 'FAILED',
        error: 'States.Runtime',
        cause: internalFailureCause(err),
      };
      void this.finish(run);
    });
    return { startedAt: now, finished };
  }

  private newRun(request: StartRequest, type: 'STANDARD' | 'EXPRESS', now: number): Run {
    const { machine } = request;
    const compiled = this.tryCompile(machine.revision);
    return {
      arn: request.arn,
      type,
      account: machine.account,
      region: machine.region,
      stateMachineArn: machine.arn,
      name: request.name,
      input: request.input,
      startedAt: now,
      stoppedAt: null,
      ...compiled,
      info: {
        executionArn: request.arn,
        name: request.name,
        roleArn: machine.revision.roleArn,
        startTime: now,
        stateMachineArn: machine.arn,
        stateMachineName: machine.name,
        type,
        redriveCount: 0,
        ...this.seed(request.arn, now),
      },
      snapshot: { version: 1, status: 'RUNNING', nextEventId: 1, internal: {} },
    };
  }

  private async firstStep(run: Run, now: number): Promise<StepResult> {
    try {
      if (!run.machine) throw run.compileError;
      return await this.deps.interpreter.start(
        run.machine,
        run.info,
        JSON.parse(run.input) as JsonValue,
        this.env(run, now),
        run.input,
      );
    } catch (err) {
      this.deps.log.error(
        { err, executionArn: run.arn },
        'the interpreter failed to start an execution',
      );
      return this.startFailure(run, now, err);
    }
  }

  // --- moving executions on ------------------------------------------------------------------

  /** Queues an input for an execution; steps of one execution run one at a time, in order. */
  deliver(executionArn: string, input: ExecutionInput): void {
    this.send(executionArn, input).catch((err: unknown) =>
      this.deps.log.error({ err, executionArn, input: input.kind }, 'execution step failed'),
    );
  }

  /** Like deliver, resolving once the step is applied (and durable, for Standard executions). */
  send(executionArn: string, input: ExecutionInput): Promise<void> {
    return this.serialise(executionArn, () => this.stepOnce(executionArn, input));
  }

  /** StopExecution: the interpreter records ExecutionAborted; resolves once that is durable. */
  stop(executionArn: string, error: string | undefined, cause: string | undefined): Promise<void> {
    const input: ExecutionInput = {
      kind: 'stop',
      ...(error !== undefined ? { error } : {}),
      ...(cause !== undefined ? { cause } : {}),
    };
    return this.send(executionArn, input);
  }

  private async stepOnce(executionArn: string, input: ExecutionInput): Promise<void> {
    if (this.closed) return;
    const run = this.runs.get(executionArn) ?? (await this.load(executionArn));
    if (!run || terminal(run.snapshot.status)) return;
    const now = this.deps.clock.now();
    const nextEventId = run.snapshot.nextEventId;
    let result: StepResult;
    try {
      if (!run.machine) throw run.compileError;
      result = await this.deps.interpreter.step(
        run.machine,
        run.info,
        run.snapshot,
        input,
        this.env(run, now),
      );
    } catch (err) {
      this.deps.log.error(
        { err, executionArn, input: input.kind },
        'the interpreter failed on a step',
      );
      result = this.stepFailure(run.snapshot, nextEventId, now, err);
    }
    await this.apply(run, result, now, input);
  }

  /** Records a step (Standard: in the store first), then carries out its commands. */
  private async apply(
    run: Run,
    result: StepResult,
    now: number,
    input: ExecutionInput | undefined,
  ): Promise<void> {
    if (run.type === 'STANDARD') {
      result = capHistory(result, now);
      const write = this.toWrite(result, now, input);
      try {
        await this.deps.store.applyStep(run.arn, write);
      } catch (err) {
        // The interpreter may have changed the cached snapshot in place: read it again next time.
        this.runs.delete(run.arn);
        throw err;
      }
      run.stoppedAt = write.stoppedAt;
    } else if (terminal(result.snapshot.status)) {
      run.stoppedAt = now;
    }
    run.snapshot = result.snapshot;
    if (terminal(run.snapshot.status)) {
      await this.finish(run);
      return;
    }
    if (run.type === 'STANDARD') this.remember(run);
    this.carryOut(run, result.commands);
  }

  private carryOut(run: Run, commands: readonly Command[]): void {
    for (const command of commands) {
      switch (command.kind) {
        case 'startTimer': {
          const { timerId } = command;
          this.deps.timers.schedule(this.timerKey(run.arn, timerId), command.fireAt, () =>
            this.deliver(run.arn, { kind: 'timerFired', timerId }),
          );
          break;
        }
        case 'cancelTimer':
          this.deps.timers.cancel(this.timerKey(run.arn, command.timerId));
          break;
        case 'runTask':
          this.dispatch(run, command);
          break;
        case 'cancelTask':
          this.taskControllers.get(run.arn)?.get(command.taskId)?.abort();
          this.taskControllers.get(run.arn)?.delete(command.taskId);
          break;
      }
    }
  }

  private dispatch(run: Pick<Run, 'arn' | 'account' | 'region'>, task: RunTaskCommand): void {
    const controller = new AbortController();
    let tasks = this.taskControllers.get(run.arn);
    if (!tasks) this.taskControllers.set(run.arn, (tasks = new Map()));
    tasks.get(task.taskId)?.abort();
    tasks.set(task.taskId, controller);
    const runner = this.deps.tasks.find(task.resource);
    const context = {
      executionArn: run.arn,
      account: run.account,
      region: run.region,
      signal: controller.signal,
      started: () => {
        if (!controller.signal.aborted)
          this.deliver(run.arn, { kind: 'taskStarted', taskId: task.taskId });
      },
    };
    const answer = (outcome: TaskOutcome): void => {
      if (controller.signal.aborted) return;
      this.taskControllers.get(run.arn)?.delete(task.taskId);
      this.deliver(
        run.arn,
        outcome.ok
          ? { kind: 'taskSucceeded', taskId: task.taskId, output: outcome.output }
          : {
              kind: 'taskFailed',
              taskId: task.taskId,
              error: outcome.error,
              ...(outcome.cause !== undefined ? { cause: outcome.cause } : {}),
            },
      );
    };
    // Never inside the current step: a runner answering synchronously still gets its own step.
    setImmediate(() => {
      if (controller.signal.aborted) return;
      const running = runner
        ? runner.run(task, context)
        : Promise.resolve(noRunnerOutcome(task.resource));
      running.then(answer, (err: unknown) =>
        answer({ ok: false, error: 'States.TaskFailed', cause: messageOf(err) }),
      );
    });
  }

  private async finish(run: Run): Promise<void> {
    this.runs.delete(run.arn);
    this.deps.timers.cancelPrefix(`${run.arn}\u0000`);
    const tasks = this.taskControllers.get(run.arn);
    if (tasks) for (const c of tasks.values()) c.abort();
    this.taskControllers.delete(run.arn);
    run.finished?.(this.outcome(run));
    if (run.type === 'STANDARD') await this.completeDeletion(run.stateMachineArn);
  }

  /** A machine deleted while it had running executions goes once the last of them stops. */
  private async completeDeletion(stateMachineArn: string): Promise<void> {
    const machine = await this.deps.store.getStateMachine(stateMachineArn);
    if (
      machine?.status === 'DELETING' &&
      (await this.deps.store.countRunningExecutions(stateMachineArn)) === 0
    ) {
      await this.deps.store.deleteStateMachine(stateMachineArn);
    }
  }

  // --- restart -------------------------------------------------------------------------------

  /** Re-arms the timers and re-dispatches the tasks of every running Standard execution. */
  async resume(): Promise<number> {
    const running = await this.deps.store.runningExecutions();
    for (const execution of running) {
      for (const timer of await this.deps.store.timersOf(execution.arn)) {
        this.deps.timers.schedule(this.timerKey(execution.arn, timer.timerId), timer.fireAt, () =>
          this.deliver(execution.arn, { kind: 'timerFired', timerId: timer.timerId }),
        );
      }
      for (const task of await this.deps.store.tasksOf(execution.arn)) {
        this.dispatch(execution, JSON.parse(task.command) as RunTaskCommand);
      }
    }
    // Machines deleted while executions ran, whose last execution stopped just before a crash.
    for (const arn of new Set(running.map((e) => e.stateMachineArn)))
      await this.completeDeletion(arn);
    return running.length;
  }

  /** Lets the steps in flight finish and stops taking new ones; in-memory Express runs are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    for (const tasks of this.taskControllers.values()) for (const c of tasks.values()) c.abort();
    this.taskControllers.clear();
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
    const now = this.deps.clock.now();
    for (const run of this.runs.values()) {
      // A StartSyncExecution still waiting gets an answer rather than a dropped connection.
      if (run.type === 'EXPRESS' && run.finished) {
        run.stoppedAt = now;
        run.snapshot = {
          ...run.snapshot,
          status: 'FAILED',
          error: 'States.Runtime',
          cause: 'Tributary stopped while this Express execution was running.',
        };
        run.finished(this.outcome(run));
      }
    }
    this.runs.clear();
  }

  get running(): number {
    return this.runs.size;
  }

  // --- helpers -------------------------------------------------------------------------------

  private serialise(key: string, work: () => Promise<void>): Promise<void> {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.chains.set(key, settled);
    void settled.then(() => {
      if (this.chains.get(key) === settled) this.chains.delete(key);
    });
    return next;
  }

  private async load(executionArn: string): Promise<Run | undefined> {
    const execution = await this.deps.store.getExecution(executionArn);
    if (!execution || terminal(execution.status)) return undefined;
    const revision = await this.deps.store.getRevision(execution.revision);
    if (!revision)
      throw new Error(`execution ${executionArn} refers to a missing state machine revision`);
    const machineName = execution.stateMachineArn.slice(
      execution.stateMachineArn.lastIndexOf(':') + 1,
    );
    const run: Run = {
      arn: execution.arn,
      type: 'STANDARD',
      account: execution.account,
      region: execution.region,
      stateMachineArn: execution.stateMachineArn,
      name: execution.name,
      input: execution.input,
      startedAt: execution.startedAt,
      stoppedAt: execution.stoppedAt,
      ...this.tryCompile(revision),
      info: {
        executionArn: execution.arn,
        name: execution.name,
        roleArn: revision.roleArn,
        startTime: execution.startedAt,
        stateMachineArn: execution.stateMachineArn,
        stateMachineName: machineName,
        type: 'STANDARD',
        redriveCount: execution.redriveCount,
        ...this.seed(execution.arn, execution.startedAt),
      },
      snapshot: JSON.parse(execution.snapshot) as ExecutionSnapshot,
    };
    this.remember(run);
    return run;
  }

  private remember(run: Run): void {
    this.runs.delete(run.arn);
    this.runs.set(run.arn, run);
    if (this.runs.size > ACTIVE_CACHE) {
      // Forget the least recently stepped Standard execution; it is read from the store when needed.
      for (const [arn, r] of this.runs) {
        if (r.type === 'STANDARD' && !this.chains.has(arn)) {
          this.runs.delete(arn);
          break;
        }
      }
    }
  }

  private tryCompile(revision: StateMachineRevision): {
    machine: CompiledMachine | undefined;
    compileError?: unknown;
  } {
    try {
      return { machine: this.compile(revision) };
    } catch (err) {
      return { machine: undefined, compileError: err };
    }
  }

  private compile(revision: StateMachineRevision): CompiledMachine {
    let machine = this.compiled.get(revision.id);
    if (!machine) {
      machine = this.deps.interpreter.compile(revision.definition);
      if (this.compiled.size >= COMPILED_CACHE)
        this.compiled.delete(this.compiled.keys().next().value!);
      this.compiled.set(revision.id, machine);
    }
    return machine;
  }

  private seed(executionArn: string, startedAt: number): { seed?: string } {
    return this.deps.seedFor ? { seed: this.deps.seedFor(executionArn, startedAt) } : {};
  }

  private env(run: Run, now: number): { now: number; random: RandomSource; history: boolean } {
    return { now, random: this.random, history: run.type === 'STANDARD' };
  }

  private timerKey(executionArn: string, timerId: string): string {
    return `${executionArn}\u0000${timerId}`;
  }

  private toWrite(
    result: StepResult,
    now: number,
    input: ExecutionInput | undefined,
  ): SfnStepWrite {
    const { snapshot, events, commands } = result;
    const write: SfnStepWrite = {
      events: events.length === 0 ? null : { first: events[0]!.id, last: events.at(-1)!.id, json: JSON.stringify(events) },
      snapshot: JSON.stringify(snapshot),
      status: snapshot.status,
      stoppedAt: terminal(snapshot.status) ? now : null,
      output: snapshot.status === 'SUCCEEDED' ? (snapshot.output ?? 'null') : null,
      error: snapshot.error ?? null,
      cause: snapshot.cause ?? null,
      addTimers: [],
      removeTimers: [],
      addTasks: [],
      removeTasks: [],
    };
    // The input that caused the step is consumed by it: a fired timer or an answered task is gone.
    if (input?.kind === 'timerFired') write.removeTimers.push(input.timerId);
    if (input?.kind === 'taskSucceeded' || input?.kind === 'taskFailed')
      write.removeTasks.push(input.taskId);
    for (const c of commands) {
      if (c.kind === 'startTimer') write.addTimers.push({ timerId: c.timerId, fireAt: c.fireAt });
      else if (c.kind === 'cancelTimer') write.removeTimers.push(c.timerId);
      else if (c.kind === 'runTask')
        write.addTasks.push({ taskId: c.taskId, command: JSON.stringify(c) });
      else write.removeTasks.push(c.taskId);
    }
    return write;
  }

  private outcome(run: Run): ExecutionOutcome {
    const s = run.snapshot;
    return {
      arn: run.arn,
      stateMachineArn: run.stateMachineArn,
      name: run.name,
      status: s.status,
      startedAt: run.startedAt,
      stoppedAt: run.stoppedAt,
      input: run.input,
      output: s.status === 'SUCCEEDED' ? (s.output ?? 'null') : null,
      error: s.error ?? null,
      cause: s.cause ?? null,
    };
  }

  /** When the interpreter cannot start an execution: it is recorded as started and failed, honestly. */
  private startFailure(run: Run, now: number, err: unknown): StepResult {
    const cause = internalFailureCause(err);
    const events: HistoryEvent[] = [
      {
        id: 1,
        previousEventId: 0,
        timestamp: now,
        type: 'ExecutionStarted',
        executionStartedEventDetails: {
          input: run.input,
          inputDetails: { truncated: false },
          roleArn: run.info.roleArn,
        },
      },
      {
        id: 2,
        previousEventId: 1,
        timestamp: now,
        type: 'ExecutionFailed',
        executionFailedEventDetails: { error: 'States.Runtime', cause },
      },
    ];
    return {
      snapshot: {
        version: 1,
        status: 'FAILED',
        nextEventId: 3,
        error: 'States.Runtime',
        cause,
        internal: {},
      },
      events: run.type === 'STANDARD' ? events : [],
      commands: [],
    };
  }

  private stepFailure(
    snapshot: ExecutionSnapshot,
    nextEventId: number,
    now: number,
    err: unknown,
  ): StepResult {
    const cause = internalFailureCause(err);
    const failed: HistoryEvent = {
      id: nextEventId,
      previousEventId: nextEventId - 1,
      timestamp: now,
      type: 'ExecutionFailed',
      executionFailedEventDetails: { error: 'States.Runtime', cause },
    };
    return {
      snapshot: {
        version: 1,
        status: 'FAILED',
        nextEventId: nextEventId + 1,
        error: 'States.Runtime',
        cause,
        internal: snapshot.internal,
      },
      events: [failed],
      commands: [],
    };
  }
}
