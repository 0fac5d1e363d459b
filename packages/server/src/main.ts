// The composition root: the one place that picks implementations and wires them together.
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createGateway } from './http/gateway.js';
import { AwsError } from './protocols/errors.js';
import type { RequestContext } from './protocols/service.js';
import { SettableClock, systemClock, type Clock } from './runtime/clock.js';
import { serveClock } from './runtime/clock-endpoint.js';
import { ConfigError, type TributaryConfig } from './runtime/config.js';
import { createLogger, type Logger } from './runtime/logger.js';
import { VERSION } from './runtime/version.js';
import { createQueue } from './services/sqs/api/create-queue.js';
import { setQueueAttributes } from './services/sqs/api/set-queue-attributes.js';
import { tagQueue } from './services/sqs/api/tag-queue.js';
import {
  createSqsService,
  MoveTaskRunner,
  ReceiveWaiters,
  renderSqsMetrics,
  SqsCounters,
  InFlightLimit,
  startRetentionSweeper,
  type SqsRuntime,
} from './services/sqs/index.js';
import { loadOrCreateMasterKey } from './runtime/master-key.js';
import { loadOrCreateSigningIdentity } from './runtime/certificate.js';
import { createSnsService, DeliveryDispatcher, renderSnsMetrics, SnsCounters, type SigningIdentity, type SnsRuntime } from './services/sns/index.js';
import { aslInterpreter, createSfnService, ExecutionEngine, TaskRunners, type SfnRuntime } from './services/sfn/index.js';
import { TimerService } from './runtime/timers.js';
import { createPrivateKey } from 'node:crypto';
import { RequestMetrics } from './runtime/metrics.js';
import type { Store } from './storage/ports.js';
import { createSqliteStore } from './storage/sqlite/index.js';

export interface Tributary {
  /** e.g. http://127.0.0.1:4566 */
  endpoint: string;
  port: number;
  host: string;
  /** Absent in ephemeral mode. */
  dataDir: string | undefined;
  /** Stops accepting, lets requests in flight finish (long polls return empty), closes the store. */
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  clock?: Clock;
  logger?: Logger;
}

const SHUTDOWN_GRACE_MS = 8_000;
const RETENTION_SWEEP_MS = 10_000;

function openStore(config: TributaryConfig): { store: Store; dataDir: string | undefined } {
  if (config.ephemeral) return { store: createSqliteStore(':memory:'), dataDir: undefined };
  const dataDir = resolve(config.dataDir);
  mkdirSync(dataDir, { recursive: true });
  return { store: createSqliteStore(resolve(dataDir, 'tributary.db'), { synchronous: config.sync }), dataDir };
}

async function predeclareQueues(sqs: SqsRuntime, config: TributaryConfig, baseUrl: string): Promise<void> {
  for (const q of config.sqs.queues) {
    const ctx: RequestContext = {
      requestId: 'startup',
      protocol: 'json',
      account: q.account ?? config.defaultAccount,
      region: q.region ?? config.defaultRegion,
      accessKeyId: undefined,
      baseUrl,
      signal: new AbortController().signal,
    };
    try {
      await createQueue(sqs, { QueueName: q.name, Attributes: q.attributes, tags: q.tags }, ctx);
    } catch (err) {
      if (!(err instanceof AwsError) || err.type !== 'QueueNameExists') throw err;
      // The config is the source of truth for declared queues: bring an existing one in line.
      const { FifoQueue: _fifo, ...settable } = q.attributes ?? {};
      await setQueueAttributes(sqs, { QueueUrl: `/${ctx.account}/${q.name}`, Attributes: settable }, ctx);
    }
    if (q.tags && Object.keys(q.tags).length > 0) {
      await tagQueue(sqs, { QueueUrl: `/${ctx.account}/${q.name}`, Tags: q.tags }, ctx);
    }
  }
}

/** GET lists what SNS sent by email, SMS and mobile push (`?after=<id>&limit=<n>`); DELETE empties it. */
async function serveOutbox(store: Store, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'DELETE') {
    await store.sns.clearOutbox();
    res.writeHead(204);
    res.end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const after = Number(url.searchParams.get('after') ?? 0) || 0;
  const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 1000) || 1000, 1), 10_000);
  const messages = await store.sns.listOutbox(after, limit);
  const body = JSON.stringify({ messages });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startServer(config: TributaryConfig, options: RuntimeOptions = {}): Promise<Tributary> {
  const logger = options.logger ?? createLogger(config.logLevel);
  if (config.settableClock && options.clock && !(options.clock instanceof SettableClock)) {
    // Two answers to "whose time is it": refuse rather than ignore one of them.
    throw new ConfigError('settableClock cannot be combined with an injected clock other than a SettableClock: move the injected clock instead');
  }
  const clock = options.clock ?? (config.settableClock ? new SettableClock() : systemClock);
  const { store, dataDir } = openStore(config);
  let dataKey: Buffer;
  try {
    dataKey = loadOrCreateMasterKey(dataDir);
  } catch (err) {
    await store.close();
    throw err;
  }

  const sqs: SqsRuntime = { store: store.sqs, clock, waiters: new ReceiveWaiters(), dataKey, counters: new SqsCounters(), inFlight: new InFlightLimit(config.sqs.inFlightLimit) };
  const moveTasks = new MoveTaskRunner(sqs, (err) => logger.error({ err }, 'message move task failed'));
  let identity: SigningIdentity | undefined;
  const signingIdentity = (): SigningIdentity => {
    if (!identity) {
      const loaded = loadOrCreateSigningIdentity(dataDir, ['localhost', '127.0.0.1', config.host]);
      identity = {
        privateKey: createPrivateKey(loaded.privateKeyPem),
        certificatePem: loaded.certificatePem,
        certificateFile: `SimpleNotificationService-${loaded.fingerprint.replace(/:/g, '').slice(0, 32).toLowerCase()}.pem`,
      };
    }
    return identity;
  };
  const dispatcher: DeliveryDispatcher = new DeliveryDispatcher(() => sns, (err) => logger.error({ err }, 'SNS delivery failed'));
  const sns: SnsRuntime = {
    store: store.sns,
    clock,
    sqs,
    identity: signingIdentity,
    poke: () => dispatcher.poke(),
    counters: new SnsCounters(),
  };
  // Step Functions: one timer service on the server's clock (a clock that jumps fires what fell due at once).
  const timers = new TimerService(clock);
  const taskRunners = new TaskRunners();
  const engine = new ExecutionEngine({
    store: store.sfn,
    clock,
    timers,
    interpreter: aslInterpreter,
    tasks: taskRunners,
    log: { error: (details, message) => logger.error(details, message) },
    // Derived from the data directory's master key: secret, and the same after a restart.
    seedFor: (executionArn, startedAt) =>
      createHmac('sha256', dataKey).update(`sfn-execution-seed\u0000${executionArn}\u0000${startedAt}`).digest('hex'),
  });
  const sfn: SfnRuntime = { store: store.sfn, clock, engine };
  const services = [createSqsService(sqs, moveTasks), createSnsService(sns), createSfnService(sfn)];
  const requestMetrics = new RequestMetrics();

  const health = (): string =>
    JSON.stringify({ status: 'ok', version: VERSION, services: Object.fromEntries(services.map((s) => [s.id, 'running'])) });

  const gateway = createGateway({
    services,
    defaultAccount: config.defaultAccount,
    defaultRegion: config.defaultRegion,
    logger,
    barrier: () => store.barrier(),
    observe: (service, operation, status, seconds) => requestMetrics.observe(service, operation, status, seconds),
    async internal(path: string, req: IncomingMessage, res: ServerResponse) {
      if (path.startsWith('/_tributary/sns/SimpleNotificationService-') && path === `/_tributary/sns/${signingIdentity().certificateFile}`) {
        const pem = signingIdentity().certificatePem;
        res.writeHead(200, { 'content-type': 'application/x-pem-file', 'content-length': Buffer.byteLength(pem) });
        res.end(pem);
        return true;
      }
      if (path === '/_tributary/sns/outbox') {
        await serveOutbox(store, req, res);
        return true;
      }
      if (path === '/_tributary/health') {
        const body = health();
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
        return true;
      }
      if (path === '/_tributary/clock') {
        await serveClock(clock, req, res, {
          moved: (advancedMillis, to) => logger.info({ advancedMillis, now: new Date(to).toISOString() }, `clock moved forward ${advancedMillis} ms to ${new Date(to).toISOString()}`),
        });
        return true;
      }
      if (path === '/_tributary/metrics') {
        const body = requestMetrics.render() + (await renderSqsMetrics(sqs)) + (await renderSnsMetrics(sns));
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.end(body);
        return true;
      }
      return false;
    },
  });

  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => gateway.handle(req, res));
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const displayHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const endpoint = `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`;

  try {
    await predeclareQueues(sqs, config, endpoint);
  } catch (err) {
    server.close();
    await store.close();
    throw err;
  }
  const stopSweeper = startRetentionSweeper(sqs, RETENTION_SWEEP_MS, (err) => logger.error({ err }, 'retention sweep failed'));
  await moveTasks.resume();
  dispatcher.start();
  // Every running Standard execution picks up where its last recorded step left it.
  const resumed = await engine.resume();
  if (resumed > 0) logger.info({ executions: resumed }, `resumed ${resumed} running Step Functions executions`);

  // When the clock jumps (SettableClock, ManualClock), what waits on real time must look again:
  // Step Functions timers follow by themselves (TimerService listens to the clock); SNS retries
  // that fell due go out now; SQS long polls re-check, so a delayed or invisible message that
  // became available, or a wait that ran out, is answered at once.
  let stopped = false;
  let waking = false;
  let wakeAgain = false;
  const wakeLongPolls = (): void => {
    if (sqs.waiters.size === 0) return;
    if (waking) {
      wakeAgain = true;
      return;
    }
    waking = true;
    void (async () => {
      do {
        wakeAgain = false;
        for (const queue of await store.sqs.allQueues()) if (!stopped) sqs.waiters.wake(queue.id);
      } while (wakeAgain && !stopped);
    })()
      .catch((err: unknown) => logger.error({ err }, 'waking long polls after a clock move failed'))
      .finally(() => {
        waking = false;
      });
  };
  const stopFollowingClock = clock.onMove?.(() => {
    if (stopped) return;
    dispatcher.poke();
    wakeLongPolls();
  });
  if (clock instanceof SettableClock) {
    logger.warn(
      { settableClock: true },
      `The clock is settable (--settable-clock): POST /_tributary/clock moves time forward for every service. For tests only.${dataDir ? ' Deadlines stored in the data directory keep the moved time: use a throwaway one, or --ephemeral.' : ''}`,
    );
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      stopped = true;
      stopFollowingClock?.();
      stopSweeper();
      moveTasks.stop();
      dispatcher.stop();
      // Steps in flight finish (and are durable) before the store closes; waiting StartSyncExecution
      // calls are answered.
      const engineClosed = engine.close();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const drained = gateway.drain();
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), SHUTDOWN_GRACE_MS).unref());
      if ((await Promise.race([drained.then(() => 'drained' as const), timeout])) === 'timeout') {
        logger.warn({ inFlight: gateway.inFlight }, 'requests still in flight at shutdown; closing connections');
      }
      server.closeAllConnections();
      await closed;
      await engineClosed;
      timers.stop();
      await store.close();
    })();
    return stopping;
  };

  logger.info({ endpoint, dataDir: dataDir ?? '(in memory)', version: VERSION, store: store.kind }, `Tributary ${VERSION} listening on ${endpoint}, data in ${dataDir ?? 'memory (ephemeral)'}`);
  return { endpoint, port, host: config.host, dataDir, stop };
}
