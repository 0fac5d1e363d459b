// Which module runs which state type. The core calls runState once a thread has entered a state
// (or is running it again after a retry); each state module either leaves the state, ends the
// thread or makes it wait for a timer, a task or its children.

import type { State } from '../../definition/types.js';
import type { Outcome, StepContext } from '../context.js';
import type { Thread } from '../thread.js';
import { runChoice } from './choice.js';
import { runFail } from './fail.js';
import { startMap } from './map.js';
import { startParallel } from './parallel.js';
import { runPass } from './pass.js';
import { runSucceed } from './succeed.js';
import { scheduleTask } from './task.js';
import { startWait } from './wait.js';

export function runState(
  ctx: StepContext,
  thread: Thread,
  state: State,
): Promise<Outcome> | Outcome {
  switch (state.Type) {
    case 'Pass':
      return runPass(ctx, thread, state);
    case 'Succeed':
      return runSucceed(ctx, thread, state);
    case 'Fail':
      return runFail(ctx, thread, state);
    case 'Choice':
      return runChoice(ctx, thread, state);
    case 'Wait':
      return startWait(ctx, thread, state);
    case 'Task':
      return scheduleTask(ctx, thread, state);
    case 'Parallel':
      return startParallel(ctx, thread, state);
    case 'Map':
      return startMap(ctx, thread, state);
  }
}
