// What expressions in a state see: the context object (`$$` in JSONPath, `$states.context` in
// JSONata), the workflow variables visible from the thread, and the step's time and randomness.
// Both are costly to build and most expressions read neither, so JSONPath scopes build them on
// first read and JSONata bindings build the variables on first read.

import type { RandomSource } from '../intrinsics/functions.js';
import type { JsonObject, JsonValue } from '../paths/json.js';
import type { EvaluationScope } from '../paths/templates.js';
import type { JsonataBindings } from './jsonata-bridge.js';
import { stateAt, type Machine } from './machine.js';
import { isoTime } from './payload.js';
import type { Thread } from './thread.js';
import type { ThreadTable } from './thread-table.js';
import type { ExecutionInfo } from './types.js';
import { visibleVariables } from './variables.js';

export class EvaluationScopes {
  private readonly scopeSource: ScopeSource;

  constructor(
    private readonly machine: Machine,
    private readonly info: ExecutionInfo,
    private readonly threads: ThreadTable,
    private readonly random: RandomSource,
    private readonly now: number,
  ) {
    this.scopeSource = {
      context: (thread, extraContext) => this.context(thread, extraContext),
      variables: (thread) => visibleVariables(this.machine, this.threads, thread),
    };
  }

  context(thread: Thread, extra?: JsonObject): JsonObject {
    const info = this.info;
    const execution: JsonObject = {
      Id: info.executionArn,
      Input: JSON.parse(this.threads.internal.input) as JsonValue,
      Name: info.name,
      RoleArn: info.roleArn,
      StartTime: isoTime(info.startTime),
      RedriveCount: info.redriveCount ?? 0,
    };
    const context: JsonObject = {
      Execution: execution,
      // RetryCount only exists where retries do: in Task states (recorded).
      State:
        stateAt(this.machine, thread).Type === 'Task'
          ? {
              EnteredTime: isoTime(thread.enteredAt),
              Name: thread.state,
              RetryCount: thread.retryCount,
            }
          : { EnteredTime: isoTime(thread.enteredAt), Name: thread.state },
      StateMachine: { Id: info.stateMachineArn, Name: info.stateMachineName },
    };
    if (extra !== undefined) Object.assign(context, extra);
    return context;
  }

  /** Context object and variables are built only if an expression reads them. */
  pathScope(thread: Thread, input: JsonValue, extraContext?: JsonObject): EvaluationScope {
    // One small object per call (a state makes several): an object literal with getters and
    // closures cost ~15% of a Pass chain's time.
    return new LazyScope(input, this.random, this.scopeSource, thread, extraContext);
  }

  bindings(thread: Thread, states: JsonObject, extraContext?: JsonObject): JsonataBindings {
    let variables: Record<string, JsonValue> | undefined;
    const makeVariables = (): Record<string, JsonValue> =>
      visibleVariables(this.machine, this.threads, thread);
    const withContext: JsonObject = { ...states, context: this.context(thread, extraContext) };
    return {
      states: withContext,
      random: this.random,
      now: this.now,
      get variables(): Record<string, JsonValue> {
        variables ??= makeVariables();
        return variables;
      },
    };
  }
}

/** How a LazyScope reaches the interpreter's context object and variables. */
interface ScopeSource {
  context(thread: Thread, extraContext: JsonObject | undefined): JsonObject;
  variables(thread: Thread): Record<string, JsonValue>;
}

/** A JSONPath evaluation scope whose context object (`$$`) and variables are built on first read. */
class LazyScope implements EvaluationScope {
  private contextValue: JsonObject | undefined;
  private variablesValue: Record<string, JsonValue> | undefined;

  constructor(
    readonly input: JsonValue,
    readonly random: RandomSource,
    private readonly source: ScopeSource,
    private readonly thread: Thread,
    private readonly extraContext: JsonObject | undefined,
  ) {}

  get context(): JsonValue {
    this.contextValue ??= this.source.context(this.thread, this.extraContext);
    return this.contextValue;
  }

  get variables(): Record<string, JsonValue> {
    this.variablesValue ??= this.source.variables(this.thread);
    return this.variablesValue;
  }
}
