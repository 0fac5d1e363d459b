// The engine's view of the States Language interpreter (@tributary/asl): compile a definition
// once, start an execution, apply one input. An interface so tests can drive the engine with a
// scripted interpreter and so a different interpreter version could be plugged in.
import {
  compileMachine,
  startExecution,
  step,
  type CompiledMachine,
  type ExecutionInfo,
  type ExecutionInput,
  type ExecutionSnapshot,
  type JsonValue,
  type StepEnvironment,
  type StepResult,
} from '@tributary/asl';

export interface Interpreter {
  compile(definition: string): CompiledMachine;
  /** `inputText` is the client's text of the input, which the history keeps verbatim (as AWS does). */
  start(
    machine: CompiledMachine,
    info: ExecutionInfo,
    input: JsonValue,
    env: StepEnvironment,
    inputText: string,
  ): Promise<StepResult>;
  /** Takes ownership of `snapshot` (it may be changed in place). */
  step(
    machine: CompiledMachine,
    info: ExecutionInfo,
    snapshot: ExecutionSnapshot,
    input: ExecutionInput,
    env: StepEnvironment,
  ): Promise<StepResult>;
}

export const aslInterpreter: Interpreter = {
  compile: (definition) => compileMachine(definition),
  start: (machine, info, input, env, inputText) =>
    startExecution(machine, info, input, env, inputText),
  step: (machine, info, snapshot, input, env) => step(machine, info, snapshot, input, env),
};
