// Runs the built CLI (`packages/server/dist/cli/main.js start`) as a child process for end-to-end
// tests. Every child and temporary directory made here is tracked, so `cleanupServerProcesses()`
// (call it in afterEach) kills what is still running, by PID, and removes the directories.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SQSClient } from '@aws-sdk/client-sqs';

// The SDK warns once per process about Node < 22; this SDK version reads this variable (checked when a client is made).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(REPO_ROOT, 'packages', 'server', 'dist', 'cli', 'main.js');

export interface ServerProcessOptions {
  /** Data directory: a fresh temporary one when undefined; `null` passes no --data-dir at all. */
  dataDir?: string | null;
  /** Port: 0 (any free port) when undefined; `null` passes no --port at all. */
  port?: number | null;
  /** More arguments after `start`. */
  args?: string[];
  /** Added to the environment (TRIBUTARY_* from the parent environment are removed first). */
  env?: Record<string, string>;
  /** How long to wait for `Ready.`; 15 s by default. */
  readyTimeoutMs?: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnedServer {
  child: ChildProcess;
  /** The data dir passed with --data-dir, if any. */
  dataDir: string | undefined;
  stdout(): string;
  stderr(): string;
  kill(signal?: NodeJS.Signals): void;
  exited: Promise<Exit>;
}

export interface ServerProcess extends SpawnedServer {
  /** e.g. http://127.0.0.1:40123, from the start-up log line. */
  endpoint: string;
  port: number;
}

const children = new Set<ChildProcess>();
/** Children spawned as leaders of their own process group. */
const groups = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/** A new directory under the OS temp dir, removed by cleanupServerProcesses(). */
export function makeTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tributary-'));
  tempDirs.add(dir);
  return dir;
}

function requireBuild(): void {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing: run npm run build first (npm test builds before running vitest).`);
  }
}

/** The environment for a child: ours without TRIBUTARY_* settings, plus `extra`. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('TRIBUTARY_')) env[k] = v;
  return { ...env, ...extra };
}

/** Starts the CLI without waiting for anything (for processes expected to fail). */
export function spawnServerProcess(options: ServerProcessOptions = {}): SpawnedServer {
  requireBuild();
  const dataDir = options.dataDir === null ? undefined : (options.dataDir ?? makeTempDir());
  const args = [CLI, 'start'];
  if (options.port !== null) args.push('--port', String(options.port ?? 0));
  if (dataDir !== undefined) args.push('--data-dir', dataDir);
  args.push(...(options.args ?? []));
  return { ...spawnCommand(process.execPath, args, { env: options.env }), dataDir };
}

/**
 * Runs any command from the repository root with piped output, tracked for cleanup. With
 * `detached`, the child leads a new process group, and kill() and cleanup signal that whole group
 * (and only it).
 */
export function spawnCommand(command: string, args: string[], options: { env?: Record<string, string>; detached?: boolean } = {}): SpawnedServer {
  const detached = options.detached ?? false;
  const child = spawn(command, args, { cwd: REPO_ROOT, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'], detached });
  if (detached) groups.add(child);
  children.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<Exit>((resolveExit) => {
    child.once('close', (code, signal) => {
      children.delete(child);
      resolveExit({ code, signal });
    });
  });
  return {
    child,
    dataDir: undefined,
    stdout: () => out,
    stderr: () => err,
    kill: (signal = 'SIGTERM') => signal_(child, signal),
    exited,
  };
}

/** Signals the child, or for a detached child its whole process group, unless already gone. */
function signal_(child: ChildProcess, signal: NodeJS.Signals): void {
  if (groups.has(child)) {
    if (child.pid !== undefined && processGroupAlive(child.pid)) process.kill(-child.pid, signal);
    return;
  }
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

/** Whether any process is left in the group led by `pgid` (a group we created). */
export function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const ENDPOINT = /"endpoint":"(https?:\/\/[^"]+)"/;

/** Waits until stdout holds both the `Ready.` line and the start-up log line with the endpoint. */
export async function waitForReady(spawned: SpawnedServer, timeoutMs = 15_000): Promise<ServerProcess> {
  const { child } = spawned;
  const endpoint = await new Promise<string>((resolveReady, reject) => {
    const check = (): void => {
      const out = spawned.stdout();
      const m = ENDPOINT.exec(out);
      if (m && /^Ready\.$/m.test(out)) {
        done();
        resolveReady(m[1]!);
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      done();
      reject(new Error(`server exited (code ${code}, signal ${signal}) before Ready.\nstdout:\n${spawned.stdout()}\nstderr:\n${spawned.stderr()}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no Ready. within ${timeoutMs} ms\nstdout:\n${spawned.stdout()}\nstderr:\n${spawned.stderr()}`));
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('close', onExit);
    };
    // Our 'data' listener runs after the one in spawnCommand, so stdout() is up to date.
    const onData = (): void => check();
    child.stdout!.on('data', onData);
    // 'close' rather than 'exit': by then all of the output has been read, for the error message.
    child.once('close', onExit);
    if (child.exitCode !== null || child.signalCode !== null) onExit(child.exitCode, child.signalCode);
    else check();
  });
  return { ...spawned, endpoint, port: Number(new URL(endpoint).port) };
}

/** Spawns the CLI and waits for `Ready.`; rejects (with the output) if it exits first. */
export async function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  return waitForReady(spawnServerProcess(options), options.readyTimeoutMs);
}

/** Sends `signal` and waits for the process to exit. */
export async function stopServerProcess(server: SpawnedServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> {
  server.kill(signal);
  return server.exited;
}

/** Kills (SIGKILL, by PID or our own process group) whatever is still running, waits, and removes temp dirs. */
export async function cleanupServerProcesses(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolveExit) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolveExit();
          child.once('close', () => resolveExit());
          signal_(child, 'SIGKILL');
        }),
    ),
  );
  for (const child of groups) {
    // A group's leader may be gone while its members (e.g. the node under npm) live on.
    if (child.pid !== undefined && processGroupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  }
  children.clear();
  groups.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** A port that was free a moment ago (listen on 0, note the port, close). */
export async function freePort(): Promise<number> {
  return new Promise<number>((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
  });
}

/** An SQS client for `endpoint` with fixed test credentials. */
export function sqsClient(endpoint: string, options: { maxAttempts?: number } = {}): SQSClient {
  return new SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: options.maxAttempts ?? 3,
  });
}

/** GET `endpoint` + `path`, returning status and parsed JSON body. */
export async function getJson(endpoint: string, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(new URL(path, endpoint));
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // leave as text
  }
  return { status: res.status, body };
}
