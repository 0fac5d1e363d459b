// The in-process API for test suites: start a server, point the SDK at `endpoint`, stop it.
import { startServer, type Tributary } from './main.js';
import { DEFAULTS, resolveConfig, type ConfigOverrides } from './runtime/config.js';
import { createLogger } from './runtime/logger.js';
import type { Clock } from './runtime/clock.js';

export type { Tributary } from './main.js';
export type { TributaryConfig, PredeclaredQueue } from './runtime/config.js';
export {
  ClockMoveError,
  ManualClock,
  SettableClock,
  systemClock,
  type Clock,
} from './runtime/clock.js';
export { VERSION } from './runtime/version.js';

export interface StartOptions extends ConfigOverrides {
  /**
   * Inject a clock to move time in tests: a ManualClock (time stands still until moved) or a
   * SettableClock (real time that can jump forward). `settableClock: true` makes the server
   * create a SettableClock of its own; the server's clock, created or injected, can then be moved
   * through POST /_tributary/clock only when it is a SettableClock.
   */
  clock?: Clock;
}

/**
 * Starts Tributary inside this process. Ephemeral (in memory) unless `ephemeral: false` and a
 * `dataDir` are given; `port: 0` picks any free port. Logs only warnings unless `logLevel` says otherwise.
 */
export async function startTributary(options: StartOptions = {}): Promise<Tributary> {
  const { clock, ...overrides } = options;
  const config = resolveConfig({ ephemeral: true, logLevel: 'warn' }, overrides);
  return startServer(config, { clock, logger: createLogger(config.logLevel) });
}

export { DEFAULTS };
