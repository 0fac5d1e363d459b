// Task states hand their resource to a TaskRunner. Later services plug runners in (Lambda,
// activities, service integrations) through the Step Functions service's index.ts; until one
// handles a resource, the task fails with States.TaskFailed and a cause that says why, so Retry
// and Catch behave as for any failed task and nothing hangs.
import type { RunTaskCommand, TaskOutcome } from '@tributary/asl';

export interface TaskContext {
  executionArn: string;
  account: string;
  region: string;
  /** Aborted when the task is cancelled (its state timed out, the execution stopped). */
  signal: AbortSignal;
  /** Reports that the task started (TaskStarted event), for runners that know when that is. */
  started(): void;
}

export interface TaskRunner {
  /** For logs and metrics, e.g. "lambda". */
  readonly name: string;
  handles(resource: string): boolean;
  run(task: RunTaskCommand, context: TaskContext): Promise<TaskOutcome>;
}

export const NO_RUNNER_ERROR = 'States.TaskFailed';

export function noRunnerOutcome(resource: string): TaskOutcome {
  return {
    ok: false,
    error: NO_RUNNER_ERROR,
    cause: `Tributary cannot run the resource '${resource}' yet: Lambda functions, activities and service integrations are not implemented in this version, so every Task state fails.`,
  };
}

/** The runners in registration order; the first that handles a resource runs it. */
export class TaskRunners {
  private readonly runners: TaskRunner[] = [];

  register(runner: TaskRunner): void {
    this.runners.push(runner);
  }

  find(resource: string): TaskRunner | undefined {
    return this.runners.find((r) => r.handles(resource));
  }
}
