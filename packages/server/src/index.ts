// The in-process API for test suites: start a server, point the SDK at `endpoint`, stop it.
import { startServer, type Tributary } from './main.js';
import { DEFAULTS, resolveConfig, type ConfigOverrides } from './runtime/config.js';
import { createLogger } from './runtime/logger.js';
import type { Clock } from './runtime/clock.js';

export type { Tributary } from './main.js';
export type { TributaryConfig, PredeclaredQueue } from './runtime/config.js';
export { ManualClock, systemClock, type Clock } from './runtime/clock.js';
export { VERSION } from './runtime/version.js';

export interface StartOptions extends ConfigOverrides {
  /** Inject a clock (e.g. ManualClock) to move time in tests. */
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
