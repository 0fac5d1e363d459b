// The Parallel state: every branch starts at once with the same input, as a child thread of its
// own; the state waits for them in ../containers.ts, which also gathers their results in branch
// order or fails the state when one branch fails.

import type { ParallelState } from '../../definition/types.js';
import type { JsonValue } from '../../paths/json.js';
import { containerDone } from '../containers.js';
import type { Outcome, StepContext } from '../context.js';
import { evaluateJsonataTemplate } from '../jsonata-bridge.js';
import type { Container, Thread } from '../thread.js';
import { effectiveInput, parametersOf } from './data-flow.js';

export async function startParallel(
  ctx: StepContext,
  thread: Thread,
  state: ParallelState,
): Promise<Outcome> {
  let branchInput: JsonValue;
  if (ctx.languageOf(state) === 'JSONata') {
    branchInput =
      state.Arguments !== undefined
        ? await evaluateJsonataTemplate(
            state.Arguments,
            'Arguments',
            ctx.bindings(thread, { input: thread.input }),
          )
        : thread.input;
  } else {
    branchInput = parametersOf(ctx, thread, state.Parameters, effectiveInput(ctx, thread, state));
  }
  const scopes = ctx.machine.branchScopes.get(state) ?? [];
  ctx.emit(thread, 'ParallelStateStarted');
  const box: Container = {
    kind: 'parallel',
    total: scopes.length,
    results: new Array<JsonValue>(scopes.length).fill(null),
    items: [],
    keys: null,
    maxConcurrency: 0,
    toleratedCount: 0,
    toleratedPercentage: 0,
    effective: branchInput,
    distributed: false,
    started: scopes.length,
    running: scopes.length,
    succeeded: 0,
    failed: 0,
    cursor: thread.last,
    children: [],
  };
  thread.box = box;
  thread.phase = 'children';
  if (scopes.length === 0) return containerDone(ctx, thread, state);
  const children = scopes.map((scopeId, index) => {
    const child = ctx.threads.newThread(thread.id, index, scopeId, thread.hidden, {
      last: thread.last,
    });
    child.input = branchInput;
    child.state = ctx.scopeAt(scopeId).startAt;
    child.vars = {};
    return child;
  });
  box.children = children.map((c) => c.id);
  for (let i = children.length - 1; i >= 0; i--) ctx.schedule(children[i] as Thread);
  return 'blocked';
}
