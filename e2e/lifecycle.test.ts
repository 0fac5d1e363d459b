// The server as a process: health, the data-dir lock, signals, flags and environment, npm start,
// the config file, the start-up log, and the in-process API.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTributary } from '../packages/server/src/index.js';
import {
  cleanupServerProcesses,
  freePort,
  getJson,
  makeTempDir,
  processGroupAlive,
  REPO_ROOT,
  spawnCommand,
  spawnServerProcess,
  sqsClient,
  startServerProcess,
  stopServerProcess,
  waitForReady,
  type Exit,
  type SpawnedServer,
} from './support/server-process.js';

const clients: SQSClient[] = [];
function client(endpoint: string): SQSClient {
  const c = sqsClient(endpoint);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await cleanupServerProcesses();
});

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'packages/server/package.json'), 'utf8')) as { version: string }).version;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Resolves with the exit, or rejects if the process is still running after `ms`. */
async function exitWithin(server: SpawnedServer, ms: number): Promise<Exit & { ms: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running ${ms} ms later\nstdout:\n${server.stdout()}\nstderr:\n${server.stderr()}`)), ms);
  });
  try {
    const exit = await Promise.race([server.exited, timeout]);
    return { ...exit, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The JSON log lines of `stdout`, with their line numbers. */
function logLines(stdout: string): { line: number; entry: Record<string, unknown> }[] {
  const out: { line: number; entry: Record<string, unknown> }[] = [];
  stdout.split('\n').forEach((text, line) => {
    if (!text.startsWith('{')) return;
    try {
      out.push({ line, entry: JSON.parse(text) as Record<string, unknown> });
    } catch {
      // not a log line
    }
  });
  return out;
}

async function expectHealthy(endpoint: string): Promise<void> {
  const health = await getJson(endpoint, '/_tributary/health');
  expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
}

describe('health', () => {
  it('GET /_tributary/health answers 200 JSON with status ok, the version and sqs among the services', async () => {
    const server = await startServerProcess();
    const res = await fetch(new URL('/_tributary/health', server.endpoint));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { status: unknown; version: unknown; services: Record<string, unknown> };
    expect(body.status).toBe('ok');
    expect(body.version).toBe(VERSION);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(body.services)).toContain('sqs');
  });
});

describe('data dir lock', () => {
  it('a second process on the same data dir exits non-zero naming the data dir, and the first keeps working', async () => {
    const first = await startServerProcess();
    const sqs = client(first.endpoint);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'locked' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'before' }));

    const second = spawnServerProcess({ dataDir: first.dataDir });
    const exit = await exitWithin(second, 10_000);
    expect(exit.code).not.toBe(0);
    expect(exit.code).toBe(2);
    expect(second.stdout()).not.toMatch(/^Ready\.$/m);
    expect(second.stderr()).toContain(first.dataDir!);
    expect(second.stderr()).toMatch(/another tributary process/i);

    await expectHealthy(first.endpoint);
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'after' }));
    const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    const bodies = (r.Messages ?? []).map((m) => m.Body).sort();
    expect(bodies).toEqual(['after', 'before']);
    for (const m of r.Messages ?? []) await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
  });
});

describe('signals', () => {
  it('SIGTERM during a 20 s long poll: the poll returns empty at once and the process exits 0 well within 10 s', async () => {
    const server = await startServerProcess();
    const sqs = client(server.endpoint);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'poll' }));
    const poll = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 }));
    await sleep(500); // let the long poll reach the server and start waiting

    const signalledAt = Date.now();
    server.kill('SIGTERM');
    const result = await poll;
    const pollMs = Date.now() - signalledAt;
    expect(result.Messages ?? []).toEqual([]);
    expect(pollMs).toBeLessThan(2_000);

    const exit = await exitWithin(server, 10_000);
    expect(exit.code).toBe(0);
    expect(exit.signal).toBeNull();
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    const messages = logLines(server.stdout()).map((l) => l.entry.msg);
    expect(messages).toContain('shutting down');
    expect(messages).toContain('stopped');
  });

  it('SIGINT exits 0 promptly, even with an idle keep-alive connection open', async () => {
    const server = await startServerProcess();
    const sqs = client(server.endpoint);
    await sqs.send(new ListQueuesCommand({})); // leaves a keep-alive connection open
    const signalledAt = Date.now();
    server.kill('SIGINT');
    const exit = await exitWithin(server, 10_000);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    expect(await accepting(server.port)).toBe(false);
  });
});

describe('flags and environment', () => {
  it('--data-dir creates the directory and keeps tributary.db in it', async () => {
    const dir = join(makeTempDir(), 'nested', 'data');
    const server = await startServerProcess({ dataDir: dir });
    expect(existsSync(join(dir, 'tributary.db'))).toBe(true);
    const startup = logLines(server.stdout()).find((l) => l.entry.endpoint !== undefined);
    expect(startup?.entry.dataDir).toBe(dir);
  });

  it('--port listens on the given port', async () => {
    const port = await freePort();
    const server = await startServerProcess({ port });
    expect(server.endpoint).toBe(`http://127.0.0.1:${port}`);
    await expectHealthy(`http://127.0.0.1:${port}`);
  });

  it('--host sets the listening address and beats TRIBUTARY_HOST', async () => {
    const fromEnv = await startServerProcess({ env: { TRIBUTARY_HOST: 'localhost' } });
    expect(fromEnv.endpoint).toBe(`http://localhost:${fromEnv.port}`);
    const fromFlag = await startServerProcess({ env: { TRIBUTARY_HOST: 'localhost' }, args: ['--host', '127.0.0.1'] });
    expect(fromFlag.endpoint).toBe(`http://127.0.0.1:${fromFlag.port}`);
    await expectHealthy(fromFlag.endpoint);
  });

  it('--ephemeral writes nothing to the data dir and forgets queues when stopped', async () => {
    const parent = makeTempDir();
    const dir = join(parent, 'data');
    const first = await startServerProcess({ dataDir: dir, args: ['--ephemeral'] });
    await client(first.endpoint).send(new CreateQueueCommand({ QueueName: 'fleeting' }));
    expect(first.stdout()).toContain('(in memory)');
    expect(await stopServerProcess(first)).toEqual({ code: 0, signal: null });
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);

    const second = await startServerProcess({ dataDir: dir, args: ['--ephemeral'] });
    const listed = await client(second.endpoint).send(new ListQueuesCommand({}));
    expect(listed.QueueUrls ?? []).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  });

  it('TRIBUTARY_PORT and TRIBUTARY_DATA_DIR are honoured without flags', async () => {
    const port = await freePort();
    const dir = makeTempDir();
    const server = await startServerProcess({ port: null, dataDir: null, env: { TRIBUTARY_PORT: String(port), TRIBUTARY_DATA_DIR: dir } });
    expect(server.port).toBe(port);
    await expectHealthy(server.endpoint);
    expect(existsSync(join(dir, 'tributary.db'))).toBe(true);
  });

  it('--port and --data-dir beat TRIBUTARY_PORT and TRIBUTARY_DATA_DIR', async () => {
    const [envPort, flagPort] = [await freePort(), await freePort()];
    const envDir = makeTempDir();
    const flagDir = makeTempDir();
    const server = await startServerProcess({ port: flagPort, dataDir: flagDir, env: { TRIBUTARY_PORT: String(envPort), TRIBUTARY_DATA_DIR: envDir } });
    expect(server.port).toBe(flagPort);
    expect(existsSync(join(flagDir, 'tributary.db'))).toBe(true);
    expect(readdirSync(envDir)).toEqual([]);
  });
});

describe('npm start', () => {
  it('npm start -- --port P --data-dir D passes the flags through to the server', async () => {
    const port = await freePort();
    const dir = makeTempDir();
    const npm = spawnCommand('npm', ['start', '--', '--port', String(port), '--data-dir', dir], { detached: true });
    const server = await waitForReady(npm, 60_000);
    expect(server.port).toBe(port);
    await expectHealthy(`http://127.0.0.1:${port}`);
    expect(existsSync(join(dir, 'tributary.db'))).toBe(true);

    // SIGTERM to the process group we created (npm, its shell and the server), and only to it.
    process.kill(-npm.child.pid!, 'SIGTERM');
    await exitWithin(npm, 10_000);
    for (let i = 0; i < 50 && processGroupAlive(npm.child.pid!); i++) await sleep(100);
    expect(processGroupAlive(npm.child.pid!)).toBe(false);
    expect(await accepting(port)).toBe(false);
  });
});

describe('config file', () => {
  function writeConfig(path: string, visibilityTimeout: string): void {
    const config = { sqs: { queues: [{ name: 'orders', attributes: { VisibilityTimeout: visibilityTimeout }, tags: { team: 'x' } }, 'plain'] } };
    writeFileSync(path, JSON.stringify(config));
  }

  async function queue(sqs: SQSClient, name: string): Promise<{ visibility: string | undefined; tags: Record<string, string> }> {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['VisibilityTimeout'] }));
    const tags = await sqs.send(new ListQueueTagsCommand({ QueueUrl }));
    return { visibility: attrs.Attributes?.VisibilityTimeout, tags: tags.Tags ?? {} };
  }

  it('--config creates the declared queues with their attributes and tags, and a restart applies a changed attribute', async () => {
    const configPath = join(makeTempDir(), 'tributary.json');
    writeConfig(configPath, '45');
    const first = await startServerProcess({ args: ['--config', configPath] });
    const sqs = client(first.endpoint);
    expect(await queue(sqs, 'orders')).toEqual({ visibility: '45', tags: { team: 'x' } });
    expect(await queue(sqs, 'plain')).toEqual({ visibility: '30', tags: {} });
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'orders' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'kept' }));
    expect(await stopServerProcess(first)).toEqual({ code: 0, signal: null });

    writeConfig(configPath, '60');
    const second = await startServerProcess({ dataDir: first.dataDir, args: ['--config', configPath] });
    const sqs2 = client(second.endpoint);
    expect(await queue(sqs2, 'orders')).toEqual({ visibility: '60', tags: { team: 'x' } });
    expect(await queue(sqs2, 'plain')).toEqual({ visibility: '30', tags: {} });
    // The existing queue was brought in line, not recreated: its message is still there.
    const url2 = (await sqs2.send(new GetQueueUrlCommand({ QueueName: 'orders' }))).QueueUrl;
    const r = await sqs2.send(new ReceiveMessageCommand({ QueueUrl: url2, WaitTimeSeconds: 1 }));
    expect((r.Messages ?? []).map((m) => m.Body)).toEqual(['kept']);
  });

  it('a config file that is not valid JSON exits with code 2 and says which file is wrong', async () => {
    const configPath = join(makeTempDir(), 'broken.json');
    writeFileSync(configPath, '{"sqs": {"queues": [');
    const server = spawnServerProcess({ args: ['--config', configPath] });
    expect(await exitWithin(server, 10_000)).toMatchObject({ code: 2 });
    expect(server.stderr()).toContain(configPath);
    expect(server.stderr()).toMatch(/config file/i);
    expect(server.stdout()).not.toMatch(/^Ready\.$/m);
  });

  it('a config file with an unknown setting exits with code 2 and names the setting', async () => {
    const configPath = join(makeTempDir(), 'unknown.json');
    writeFileSync(configPath, JSON.stringify({ sqs: { queues: ['plain'] }, prot: 4566 }));
    const server = spawnServerProcess({ args: ['--config', configPath] });
    expect(await exitWithin(server, 10_000)).toMatchObject({ code: 2 });
    expect(server.stderr()).toContain('"prot"');
    expect(server.stderr()).toContain(configPath);
    expect(server.stdout()).not.toMatch(/^Ready\.$/m);
  });

  it('a config file with an unknown key inside sqs or inside a queue exits with code 2', async () => {
    const dir = makeTempDir();
    const inSqs = join(dir, 'in-sqs.json');
    writeFileSync(inSqs, JSON.stringify({ sqs: { queus: ['orders'] } }));
    const inQueue = join(dir, 'in-queue.json');
    writeFileSync(inQueue, JSON.stringify({ sqs: { queues: [{ name: 'orders', atributes: { VisibilityTimeout: '45' } }] } }));
    const results = await Promise.all(
      [inSqs, inQueue].map(async (path) => {
        const server = spawnServerProcess({ args: ['--config', path] });
        // Either it refuses the file and exits, or it (wrongly) starts: then stop it.
        const started = await waitForReady(server, 10_000).then(
          () => true,
          () => false,
        );
        if (started) await stopServerProcess(server, 'SIGKILL');
        return { path, started, exit: await server.exited, stderr: server.stderr() };
      }),
    );
    for (const r of results) {
      expect(r.started, `${r.path} was accepted and the server started`).toBe(false);
      expect(r.exit.code).toBe(2);
      expect(r.stderr).toMatch(/queus|atributes/);
    }
  });
});

describe('start-up log', () => {
  it('logs a start-up line with the endpoint and data dir, then prints Ready. on its own line', async () => {
    // The order is what tools waiting on stdout rely on; check several starts, since a race shows only sometimes.
    const servers = await Promise.all(Array.from({ length: 6 }, () => startServerProcess()));
    for (const server of servers) {
      const stdout = server.stdout();
      const lines = stdout.split('\n');
      const startup = logLines(stdout).find((l) => l.entry.endpoint !== undefined);
      expect(startup, stdout).toBeDefined();
      expect(startup!.entry.endpoint).toBe(server.endpoint);
      expect(startup!.entry.dataDir).toBe(server.dataDir);
      expect(String(startup!.entry.msg)).toContain(server.endpoint);
      expect(String(startup!.entry.msg)).toContain(server.dataDir!);
      const ready = lines.indexOf('Ready.');
      expect(ready, `no line "Ready." in:\n${stdout}`).toBeGreaterThan(-1);
      expect(ready, `"Ready." came before the start-up line:\n${stdout}`).toBeGreaterThan(startup!.line);
    }
  });
});

describe('in-process API', () => {
  it('startTributary({ port: 0 }) gives an ephemeral server on a real port; stop() resolves and closes the port', async () => {
    const a = await startTributary({ port: 0 });
    const b = await startTributary({ port: 0 });
    try {
      expect(a.port).toBeGreaterThan(0);
      expect(b.port).toBeGreaterThan(0);
      expect(a.port).not.toBe(b.port);
      expect(a.endpoint).toBe(`http://127.0.0.1:${a.port}`);
      expect(a.dataDir).toBeUndefined();
      expect(typeof a.stop).toBe('function');

      const sqsA = client(a.endpoint);
      const sqsB = client(b.endpoint);
      const { QueueUrl } = await sqsA.send(new CreateQueueCommand({ QueueName: 'only-in-a' }));
      await sqsA.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hello' }));
      const listedA = await sqsA.send(new ListQueuesCommand({}));
      const listedB = await sqsB.send(new ListQueuesCommand({}));
      expect(listedA.QueueUrls).toEqual([`${a.endpoint}/000000000000/only-in-a`]);
      expect(listedB.QueueUrls ?? []).toEqual([]);
    } finally {
      const started = Date.now();
      await Promise.all([a.stop(), b.stop()]);
      // The SDK's keep-alive connections must not hold stop() up.
      expect(Date.now() - started).toBeLessThan(3_000);
    }
    expect(await accepting(a.port)).toBe(false);
    expect(await accepting(b.port)).toBe(false);
  });
});
