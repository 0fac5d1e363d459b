// What every Step Functions operation handler is given besides its input.
import type { Clock } from '../../runtime/clock.js';
import type { SfnStore } from '../../storage/ports.js';
import type { ExecutionEngine } from './engine/engine.js';

export interface SfnRuntime {
  store: SfnStore;
  clock: Clock;
  engine: ExecutionEngine;
}
