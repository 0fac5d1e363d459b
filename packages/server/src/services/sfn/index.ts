// Step Functions as the protocol layer sees it (the model and one handler per operation), and what
// other services may use: the engine, to plug task runners in (Lambda, activities, integrations).
import {
  operation,
  type OperationHandler,
  type RequestContext,
  type Service,
} from '../../protocols/service.js';
import { createStateMachine } from './api/create-state-machine.js';
import { deleteStateMachine } from './api/delete-state-machine.js';
import { describeExecution } from './api/describe-execution.js';
import { describeStateMachine } from './api/describe-state-machine.js';
import { describeStateMachineForExecution } from './api/describe-state-machine-for-execution.js';
import { getExecutionHistory } from './api/get-execution-history.js';
import { listExecutions } from './api/list-executions.js';
import { listStateMachines } from './api/list-state-machines.js';
import { listTagsForResource } from './api/list-tags-for-resource.js';
import { startExecution } from './api/start-execution.js';
import { startSyncExecution } from './api/start-sync-execution.js';
import { stopExecution } from './api/stop-execution.js';
import { tagResource } from './api/tag-resource.js';
import { untagResource } from './api/untag-resource.js';
import { updateStateMachine } from './api/update-state-machine.js';
import { validateStateMachineDefinition } from './api/validate-state-machine-definition.js';
import { missingMember } from './errors.js';
import { sfnModel } from './model.js';
import type { SfnRuntime } from './runtime.js';

export type { SfnRuntime } from './runtime.js';
export { sfnModel } from './model.js';
export {
  ExecutionEngine,
  EXPRESS_MAX_DURATION_MS,
  type EngineDeps,
  type EngineLog,
  type ExecutionOutcome,
} from './engine/engine.js';
export { aslInterpreter, type Interpreter } from './engine/interpreter.js';
export { TaskRunners, noRunnerOutcome, type TaskContext, type TaskRunner } from './engine/tasks.js';
export { MAX_HISTORY_EVENTS } from './engine/history-limit.js';

type Handler<I, O> = (sfn: SfnRuntime, input: I, ctx: RequestContext) => Promise<O>;

function bind<I, O>(sfn: SfnRuntime, handler: Handler<I, O>): OperationHandler {
  return operation((input: I, ctx: RequestContext) => handler(sfn, input, ctx));
}

export function createSfnService(sfn: SfnRuntime): Service {
  return {
    id: 'sfn',
    model: sfnModel,
    decode: { missing: missingMember },
    operations: {
      CreateStateMachine: bind(sfn, createStateMachine),
      DescribeStateMachine: bind(sfn, describeStateMachine),
      UpdateStateMachine: bind(sfn, updateStateMachine),
      DeleteStateMachine: bind(sfn, deleteStateMachine),
      ListStateMachines: bind(sfn, listStateMachines),
      StartExecution: bind(sfn, startExecution),
      StartSyncExecution: bind(sfn, startSyncExecution),
      DescribeExecution: bind(sfn, describeExecution),
      ListExecutions: bind(sfn, listExecutions),
      GetExecutionHistory: bind(sfn, getExecutionHistory),
      StopExecution: bind(sfn, stopExecution),
      DescribeStateMachineForExecution: bind(sfn, describeStateMachineForExecution),
      ValidateStateMachineDefinition: bind(sfn, validateStateMachineDefinition),
      TagResource: bind(sfn, tagResource),
      UntagResource: bind(sfn, untagResource),
      ListTagsForResource: bind(sfn, listTagsForResource),
    },
  };
}
