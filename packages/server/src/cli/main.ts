#!/usr/bin/env node
// `tributary start [--host H] [--port P] [--data-dir DIR] [--ephemeral] [--config FILE]
//                  [--sync full|normal] [--log-level LEVEL] [--settable-clock]`
import { Command, InvalidArgumentError } from 'commander';
import { startServer } from '../main.js';
import { ConfigError, fromEnv, fromFile, resolveConfig, type ConfigOverrides } from '../runtime/config.js';
import { createLogger } from '../runtime/logger.js';
import { VERSION } from '../runtime/version.js';
import { DataDirLockedError } from '../storage/sqlite/index.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be an integer from 0 to 65535');
  return n;
}

interface StartFlags {
  host?: string;
  port?: number;
  dataDir?: string;
  ephemeral?: boolean;
  config?: string;
  sync?: 'full' | 'normal';
  logLevel?: string;
  settableClock?: boolean;
}

async function start(flags: StartFlags): Promise<void> {
  const env = fromEnv(process.env);
  const configFile = flags.config ?? env.configFile;
  const file = configFile ? fromFile(configFile) : {};
  const cli: ConfigOverrides = {
    host: flags.host,
    port: flags.port,
    dataDir: flags.dataDir,
    ephemeral: flags.ephemeral,
    sync: flags.sync,
    logLevel: flags.logLevel,
    settableClock: flags.settableClock,
  };
  const config = resolveConfig(file, env, cli);
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, { logger });
  // Tools that wait for an emulator watch stdout for this line.
  process.stdout.write('Ready.\n');

  let signalled = false;
  const shutdown = (signal: string): void => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 9_500);
    force.unref();
    server.stop().then(
      () => {
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

const program = new Command('tributary').description('AWS application-integration services, self-hosted').version(VERSION);

program
  .command('start')
  .description('start the server')
  .option('--host <host>', 'address to listen on (default 127.0.0.1; env TRIBUTARY_HOST)')
  .option('--port <port>', 'port to listen on, 0 for any free port (default 4566; env TRIBUTARY_PORT)', port)
  .option('--data-dir <dir>', 'where data is kept (default ./.tributary; env TRIBUTARY_DATA_DIR)')
  .option('--ephemeral', 'keep everything in memory (env TRIBUTARY_EPHEMERAL=true)')
  .option('--config <file>', 'JSON config file (env TRIBUTARY_CONFIG)')
  .option('--sync <mode>', 'full: fsync each group commit; normal: survive process crashes only (env TRIBUTARY_SYNC)')
  .option('--log-level <level>', 'fatal, error, warn, info, debug or trace (env TRIBUTARY_LOG_LEVEL)')
  .option('--settable-clock', 'for tests: let POST /_tributary/clock move time forward (env TRIBUTARY_SETTABLE_CLOCK=true)')
  .action(async (flags: StartFlags) => {
    try {
      await start(flags);
    } catch (err) {
      if (err instanceof ConfigError || err instanceof DataDirLockedError) {
        process.stderr.write(`tributary: ${err.message}\n`);
        process.exit(2);
      }
      if (err instanceof Error && (err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        process.stderr.write(`tributary: ${err.message}: the port is in use; choose another with --port\n`);
        process.exit(2);
      }
      throw err;
    }
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`tributary: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
