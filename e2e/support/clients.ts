// Shared support for the end-to-end suites that drive Tributary through Debian's real AWS
// query-protocol clients: /usr/bin/aws (AWS CLI v2, Debian package awscli) and /usr/bin/python3
// with boto3 (Debian package python3-boto3). Detects the clients, builds a sealed environment
// (dummy credentials, no config files, no proxies, no retries), runs them with async execFile
// (the server runs in this same process, so nothing here may block the event loop) and parses
// what they print.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

export const AWS_CLI = '/usr/bin/aws';
export const PYTHON3 = '/usr/bin/python3';

export interface ClientStatus {
  available: boolean;
  /** Why the client cannot be used (when not available). */
  reason?: string;
  /** e.g. "aws-cli/2.9.19 Python/3.11.2 …" or "boto3 1.26.27 botocore 1.29.27". */
  version?: string;
}

export interface RunResult {
  /** Exit status; -1 when the process was killed (timeout) or could not start. */
  code: number;
  stdout: string;
  stderr: string;
  /** Wall-clock duration of the whole process, in milliseconds. */
  ms: number;
}

/**
 * The environment every client process gets: the caller's environment minus anything that could
 * point a client elsewhere or change its behaviour (AWS_*, proxies, Python paths), plus dummy
 * credentials and no shared config. One attempt per call, so a server error is never hidden by
 * a retry.
 */
export function clientEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const dropped = /^(AWS_|PYTHON|HTTPS?_PROXY$|ALL_PROXY$|NO_PROXY$)/i;
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !dropped.test(k)) env[k] = v;
  }
  Object.assign(env, {
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_RETRY_MODE: 'standard',
    AWS_MAX_ATTEMPTS: '1',
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    PYTHONNOUSERSITE: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONIOENCODING: 'utf-8',
    PYTHONUTF8: '1',
    LC_ALL: 'C.UTF-8',
    LANG: 'C.UTF-8',
    ...extra,
  });
  return env;
}

/** Runs a program asynchronously; resolves (never rejects) with its exit status and output. */
export function run(
  file: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string } = {},
): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        env: options.env ?? clientEnv(),
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 25_000,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const ms = performance.now() - started;
        let code = 0;
        if (error) code = typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr, ms });
      },
    );
  });
}

/** Detects /usr/bin/aws and checks that it speaks the query protocol to SQS. */
export async function detectAwsCli(): Promise<ClientStatus> {
  if (!existsSync(AWS_CLI))
    return { available: false, reason: `${AWS_CLI} is not installed (Debian package awscli)` };
  const version = await run(AWS_CLI, ['--version'], { timeoutMs: 20_000 });
  if (version.code !== 0)
    return {
      available: false,
      reason: `${AWS_CLI} --version failed: ${version.stderr.trim() || version.stdout.trim()}`,
    };
  const text = (version.stdout.trim() || version.stderr.trim()).split('\n')[0] ?? '';
  if (!text.startsWith('aws-cli/2.'))
    return { available: false, reason: `${AWS_CLI} is not AWS CLI v2 (${text})` };
  // Debian's awscli vendors botocore as awscli.botocore; the SQS model there says which protocol it uses.
  const protocol = await run(
    PYTHON3,
    [
      '-c',
      "from awscli.botocore.session import get_session; print(get_session().get_service_model('sqs').protocol)",
    ],
    { timeoutMs: 20_000 },
  );
  if (protocol.code !== 0)
    return {
      available: false,
      reason: `cannot tell which protocol ${AWS_CLI} speaks to SQS: ${protocol.stderr.trim().split('\n').at(-1) ?? ''}`,
    };
  if (protocol.stdout.trim() !== 'query') {
    return {
      available: false,
      reason: `${AWS_CLI} (${text}) speaks the ${protocol.stdout.trim()} protocol to SQS, not query`,
    };
  }
  return { available: true, version: text };
}

/**
 * Detects /usr/bin/aws as an AWS CLI v2, whatever protocol it speaks to SQS (for the suites of
 * JSON-only services such as Step Functions).
 */
export async function detectAwsCliV2(): Promise<ClientStatus> {
  if (!existsSync(AWS_CLI))
    return { available: false, reason: `${AWS_CLI} is not installed (Debian package awscli)` };
  const version = await run(AWS_CLI, ['--version'], { timeoutMs: 20_000 });
  const text = (version.stdout.trim() || version.stderr.trim()).split('\n')[0] ?? '';
  if (version.code !== 0) return { available: false, reason: `${AWS_CLI} --version failed: ${text}` };
  if (!text.startsWith('aws-cli/2.')) return { available: false, reason: `${AWS_CLI} is not AWS CLI v2 (${text})` };
  return { available: true, version: text };
}

/**
 * Detects boto3 under /usr/bin/python3 and checks that its botocore speaks `protocol` to `service`
 * (the query protocol to SQS for Debian's 1.26; JSON to Step Functions).
 */
export async function detectBoto3(service = 'sqs', protocol = 'query', label = 'SQS'): Promise<ClientStatus> {
  if (!existsSync(PYTHON3)) return { available: false, reason: `${PYTHON3} is not installed` };
  const probe = await run(
    PYTHON3,
    [
      '-c',
      `import boto3, botocore, botocore.session; print(boto3.__version__, botocore.__version__, botocore.session.get_session().get_service_model('${service}').protocol)`,
    ],
    { timeoutMs: 20_000 },
  );
  if (probe.code !== 0) {
    return {
      available: false,
      reason: `boto3 is not importable by ${PYTHON3} (Debian package python3-boto3): ${probe.stderr.trim().split('\n').at(-1) ?? ''}`,
    };
  }
  const [boto3Version, botocoreVersion, spoken] = probe.stdout.trim().split(/\s+/);
  const version = `boto3 ${boto3Version ?? '?'} botocore ${botocoreVersion ?? '?'}`;
  if (spoken !== protocol)
    return {
      available: false,
      reason: `${version} speaks the ${spoken ?? '?'} protocol to ${label}, not ${protocol}`,
    };
  return { available: true, version };
}

/**
 * Decides whether a suite that needs `status`'s client runs. Missing clients skip the suite with
 * a printed reason, except in CI (CI=true), where the client is required: then a failing test is
 * registered instead, so the run goes red. Call at collection time, then `describe.skipIf(!ok)`.
 */
export function requireClient(name: string, status: ClientStatus): boolean {
  if (status.available) return true;
  if (process.env.CI === 'true') {
    describe(`${name} availability`, () => {
      it(`has ${name} installed, as CI requires`, () => {
        throw new Error(
          `${name} is required when CI=true but unavailable: ${status.reason ?? 'unknown reason'}`,
        );
      });
    });
  } else {
    console.warn(`Skipping the ${name} end-to-end suite: ${status.reason ?? 'client unavailable'}`);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// AWS CLI

export interface CliError {
  code: string;
  operation: string;
  message: string;
}

/** "An error occurred (Code) when calling the Op operation: Message" from the CLI's stderr. */
export function parseCliError(stderr: string): CliError | undefined {
  const m =
    /An error occurred \(([^)]+)\) when calling the (\w+) operation(?: \(reached max retries: \d+\))?: (.*)$/m.exec(
      stderr,
    );
  if (!m) return undefined;
  return { code: m[1]!, operation: m[2]!, message: m[3]!.trimEnd() };
}

/** The HTTP status of the last response urllib3 logged under `--debug`. */
export function lastHttpStatus(debugStderr: string): number | undefined {
  const all = [...debugStderr.matchAll(/"(?:POST|GET) [^"]* HTTP\/1\.1" (\d{3})/g)];
  const last = all.at(-1);
  return last ? Number(last[1]) : undefined;
}

export interface AwsCli {
  /** Runs `aws --endpoint-url … --output json <args>`; never throws. */
  raw(args: readonly string[]): Promise<RunResult>;
  /** Runs the command, requires exit status 0, and parses its JSON output ({} when it printed nothing). */
  json<T = Record<string, unknown>>(args: readonly string[]): Promise<T>;
  /** Runs a command that must fail, and returns the parsed error (and the HTTP status when `debug`). */
  error(
    args: readonly string[],
    options?: { debug?: boolean },
  ): Promise<CliError & { exitCode: number; status?: number; stderr: string }>;
}

export function awsCli(endpoint: string): AwsCli {
  const env = clientEnv();
  const raw = (args: readonly string[]): Promise<RunResult> =>
    run(AWS_CLI, ['--endpoint-url', endpoint, '--output', 'json', '--no-cli-pager', ...args], {
      env,
    });
  return {
    raw,
    async json<T>(args: readonly string[]): Promise<T> {
      const r = await raw(args);
      if (r.code !== 0)
        throw new Error(`aws ${args.join(' ')} exited ${r.code}: ${r.stderr.trim()}`);
      const text = r.stdout.trim();
      return (text === '' ? {} : JSON.parse(text)) as T;
    },
    async error(args: readonly string[], options: { debug?: boolean } = {}) {
      const r = await raw(options.debug ? [...args, '--debug'] : args);
      if (r.code === 0)
        throw new Error(
          `aws ${args.join(' ')} succeeded but was expected to fail: ${r.stdout.trim()}`,
        );
      const parsed = parseCliError(r.stderr);
      if (!parsed)
        throw new Error(
          `aws ${args.join(' ')} exited ${r.code} without an AWS error: ${r.stderr.trim().slice(-2000)}`,
        );
      return {
        ...parsed,
        exitCode: r.code,
        status: options.debug ? lastHttpStatus(r.stderr) : undefined,
        stderr: r.stderr,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Python / boto3

/** Runs a python script with arguments and parses the one JSON document it prints on stdout. */
export async function runPythonJson<T = Record<string, unknown>>(
  script: string,
  args: readonly string[],
  extraEnv: Record<string, string> = {},
): Promise<T> {
  const r = await run(PYTHON3, [script, ...args], { env: clientEnv(extraEnv), timeoutMs: 40_000 });
  if (r.code !== 0)
    throw new Error(
      `python3 ${script} ${args.join(' ')} exited ${r.code}:\n${r.stderr.trim().slice(-4000)}`,
    );
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(
      `python3 ${script} printed no JSON:\n${r.stdout.slice(0, 2000)}\n${r.stderr.slice(-2000)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Digests, computed here independently of the server, to check the MD5s it returns.

export function md5Hex(text: string | Buffer): string {
  return createHash('md5').update(text).digest('hex');
}

export interface WireAttribute {
  DataType: string;
  StringValue?: string;
  /** base64, as the CLI prints it. */
  BinaryValue?: string;
}

/**
 * AWS's MD5 of message attributes: for each attribute, sorted by name, the name, the data type
 * and the value, each as a 4-byte big-endian length and UTF-8 bytes, with a transport byte
 * (1 = string, 2 = binary) before the value.
 */
export function md5OfAttributes(attributes: Record<string, WireAttribute>): string {
  const hash = createHash('md5');
  const field = (bytes: Buffer): void => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length, 0);
    hash.update(len).update(bytes);
  };
  for (const name of Object.keys(attributes).sort()) {
    const a = attributes[name]!;
    field(Buffer.from(name, 'utf8'));
    field(Buffer.from(a.DataType, 'utf8'));
    if (a.BinaryValue !== undefined) {
      hash.update(Buffer.from([2]));
      field(Buffer.from(a.BinaryValue, 'base64'));
    } else {
      hash.update(Buffer.from([1]));
      field(Buffer.from(a.StringValue ?? '', 'utf8'));
    }
  }
  return hash.digest('hex');
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
