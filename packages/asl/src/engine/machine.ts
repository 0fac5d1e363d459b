// A definition prepared for running: every list of states (the top level, each Parallel branch and
// each Map processor) gets a numeric scope id, so a snapshot can name "where a thread is" with two
// small values instead of object references.

import type { QueryLanguage, State, StateMachineDefinition } from '../definition/types.js';
import type { CompiledMachine } from './types.js';

export type ScopeKind = 'root' | 'branch' | 'iteration';

export interface Scope {
  readonly id: number;
  readonly kind: ScopeKind;
  readonly startAt: string;
  readonly states: Readonly<Record<string, State>>;
  /** Distributed Map children run as separate executions: no history here, no outer variables. */
  readonly distributed: boolean;
}

export interface Machine extends CompiledMachine {
  readonly scopes: readonly Scope[];
  /** The language states use when they do not set QueryLanguage themselves. */
  readonly language: QueryLanguage;
  /** Parallel state → its branches' scope ids; Map state → its processor's scope id. */
  readonly branchScopes: ReadonlyMap<State, readonly number[]>;
  readonly processorScope: ReadonlyMap<State, number>;
}

export function prepareMachine(definition: StateMachineDefinition): Machine {
  const scopes: Scope[] = [];
  const branchScopes = new Map<State, number[]>();
  const processorScope = new Map<State, number>();

  const addScope = (
    kind: ScopeKind,
    startAt: string,
    states: Record<string, State>,
    distributed: boolean,
  ): number => {
    const id = scopes.length;
    scopes.push({ id, kind, startAt, states, distributed });
    for (const state of Object.values(states)) {
      if (state.Type === 'Parallel') {
        branchScopes.set(
          state,
          state.Branches.map((branch) => addScope('branch', branch.StartAt, branch.States, false)),
        );
      } else if (state.Type === 'Map') {
        const processor = state.ItemProcessor ?? state.Iterator;
        if (processor !== undefined) {
          const isDistributed = processor.ProcessorConfig?.Mode === 'DISTRIBUTED';
          processorScope.set(state, addScope('iteration', processor.StartAt, processor.States, isDistributed));
        }
      }
    }
    return id;
  };
  addScope('root', definition.StartAt, definition.States, false);
  return {
    definition,
    scopes,
    language: definition.QueryLanguage ?? 'JSONPath',
    branchScopes,
    processorScope,
  };
}

/** compileMachine's result is a Machine; this recovers it (or prepares a plain CompiledMachine). */
export function asMachine(compiled: CompiledMachine): Machine {
  const candidate = compiled as Partial<Machine>;
  return candidate.scopes !== undefined ? (compiled as Machine) : prepareMachine(compiled.definition);
}

/** The scope with this id (ids come from prepareMachine, so it exists). */
export function scopeAt(machine: Machine, id: number): Scope {
  return machine.scopes[id] as Scope;
}

/** The state a thread is at. */
export function stateAt(
  machine: Machine,
  where: { readonly scope: number; readonly state: string },
): State {
  const state = scopeAt(machine, where.scope).states[where.state];
  if (state === undefined) throw new Error(`state ${where.state} not found`);
  return state;
}

/** The language a state's fields are written in: its own QueryLanguage, else the machine's. */
export function languageOf(machine: Machine, state: State): QueryLanguage {
  return state.QueryLanguage ?? machine.language;
}
