// Settings come from, in rising precedence: defaults, a JSON config file, TRIBUTARY_* environment
// variables, and command-line flags.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface PredeclaredQueue {
  name: string;
  attributes?: Record<string, string>;
  tags?: Record<string, string>;
  account?: string;
  region?: string;
}

export interface TributaryConfig {
  host: string;
  port: number;
  dataDir: string;
  ephemeral: boolean;
  /** 'full' fsyncs every group commit (survives power loss); 'normal' survives process crashes only. */
  sync: 'full' | 'normal';
  logLevel: string;
  defaultAccount: string;
  defaultRegion: string;
  /**
   * Lets tests move the server's clock forward through POST /_tributary/clock (real time plus an
   * offset that only grows). Off unless asked for: a production server must keep real time.
   */
  settableClock: boolean;
  sqs: {
    queues: PredeclaredQueue[];
    /** Messages a queue may have in flight before receives are refused (AWS: about 120,000). */
    inFlightLimit: number;
  };
}

export const DEFAULTS: TributaryConfig = {
  host: '127.0.0.1',
  port: 4566,
  dataDir: '.tributary',
  ephemeral: false,
  sync: 'full',
  logLevel: 'info',
  defaultAccount: '000000000000',
  defaultRegion: 'us-east-1',
  settableClock: false,
  sqs: { queues: [], inFlightLimit: 120_000 },
};

export type ConfigOverrides = Partial<Omit<TributaryConfig, 'sqs'>> & { sqs?: Partial<TributaryConfig['sqs']> };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parsePort(value: string | number, from: string): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${from}: port must be an integer from 0 to 65535, got ${String(value)}`);
  return n;
}

function parseLimit(value: unknown, from: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${from}: expected a whole number of at least 1, got ${JSON.stringify(value)}`);
  return n;
}

function parseBool(value: string, from: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off|)$/i.test(value)) return false;
  throw new ConfigError(`${from}: expected true or false, got ${value}`);
}

/** A JSON boolean, or one of the words parseBool accepts (for hand-written files that quote it). */
function parseFileBool(value: unknown, from: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return parseBool(value, from);
  throw new ConfigError(`${from}: expected true or false, got ${JSON.stringify(value)}`);
}

function parseSync(value: string, from: string): 'full' | 'normal' {
  if (value === 'full' || value === 'normal') return value;
  throw new ConfigError(`${from}: expected full or normal, got ${value}`);
}

export function fromEnv(env: NodeJS.ProcessEnv): ConfigOverrides & { configFile?: string } {
  const out: ConfigOverrides & { configFile?: string } = {};
  if (env.TRIBUTARY_HOST) out.host = env.TRIBUTARY_HOST;
  if (env.TRIBUTARY_PORT) out.port = parsePort(env.TRIBUTARY_PORT, 'TRIBUTARY_PORT');
  if (env.TRIBUTARY_DATA_DIR) out.dataDir = env.TRIBUTARY_DATA_DIR;
  if (env.TRIBUTARY_EPHEMERAL !== undefined) out.ephemeral = parseBool(env.TRIBUTARY_EPHEMERAL, 'TRIBUTARY_EPHEMERAL');
  if (env.TRIBUTARY_SYNC) out.sync = parseSync(env.TRIBUTARY_SYNC, 'TRIBUTARY_SYNC');
  if (env.TRIBUTARY_LOG_LEVEL) out.logLevel = env.TRIBUTARY_LOG_LEVEL;
  if (env.TRIBUTARY_ACCOUNT_ID) out.defaultAccount = env.TRIBUTARY_ACCOUNT_ID;
  if (env.TRIBUTARY_REGION) out.defaultRegion = env.TRIBUTARY_REGION;
  if (env.TRIBUTARY_SETTABLE_CLOCK !== undefined) out.settableClock = parseBool(env.TRIBUTARY_SETTABLE_CLOCK, 'TRIBUTARY_SETTABLE_CLOCK');
  if (env.TRIBUTARY_SQS_IN_FLIGHT_LIMIT) out.sqs = { inFlightLimit: parseLimit(env.TRIBUTARY_SQS_IN_FLIGHT_LIMIT, 'TRIBUTARY_SQS_IN_FLIGHT_LIMIT') };
  if (env.TRIBUTARY_CONFIG) out.configFile = env.TRIBUTARY_CONFIG;
  return out;
}

const QUEUE_KEYS = new Set(['name', 'attributes', 'tags', 'account', 'region']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringMap(v: unknown, where: string): Record<string, string> | undefined {
  if (v === undefined) return undefined;
  if (!isRecord(v)) throw new ConfigError(`${where} must be an object`);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));
}

/** Reads a JSON config file: the same keys as TributaryConfig, plus sqs.queues to create at start. */
export function fromFile(path: string): ConfigOverrides {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`cannot read config file ${path}: ${(err as Error).message}`);
  }
  if (!isRecord(raw)) throw new ConfigError(`config file ${path} must hold a JSON object`);
  const out: ConfigOverrides = {};
  const known = new Set(['host', 'port', 'dataDir', 'ephemeral', 'sync', 'logLevel', 'defaultAccount', 'defaultRegion', 'settableClock', 'sqs']);
  for (const key of Object.keys(raw)) if (!known.has(key)) throw new ConfigError(`config file ${path}: unknown setting "${key}"`);
  if (raw.host !== undefined) out.host = String(raw.host);
  if (raw.port !== undefined) out.port = parsePort(raw.port as number, `${path}: port`);
  if (raw.dataDir !== undefined) out.dataDir = resolve(path, '..', String(raw.dataDir));
  if (raw.ephemeral !== undefined) out.ephemeral = Boolean(raw.ephemeral);
  if (raw.sync !== undefined) out.sync = parseSync(String(raw.sync), `${path}: sync`);
  if (raw.logLevel !== undefined) out.logLevel = String(raw.logLevel);
  if (raw.defaultAccount !== undefined) out.defaultAccount = String(raw.defaultAccount);
  if (raw.defaultRegion !== undefined) out.defaultRegion = String(raw.defaultRegion);
  if (raw.settableClock !== undefined) out.settableClock = parseFileBool(raw.settableClock, `${path}: settableClock`);
  if (raw.sqs !== undefined) {
    if (!isRecord(raw.sqs)) throw new ConfigError(`${path}: sqs must be an object`);
    for (const key of Object.keys(raw.sqs)) {
      if (key !== 'queues' && key !== 'inFlightLimit') throw new ConfigError(`config file ${path}: unknown setting "sqs.${key}"`);
    }
    const inFlightLimit = raw.sqs.inFlightLimit === undefined ? undefined : parseLimit(raw.sqs.inFlightLimit, `${path}: sqs.inFlightLimit`);
    const queues = raw.sqs.queues ?? [];
    if (!Array.isArray(queues)) throw new ConfigError(`${path}: sqs.queues must be a list`);
    out.sqs = {
      inFlightLimit,
      queues: queues.map((q: unknown, i) => {
        if (typeof q === 'string') return { name: q };
        if (!isRecord(q) || typeof q.name !== 'string') throw new ConfigError(`${path}: sqs.queues[${i}] needs a name`);
        for (const key of Object.keys(q)) {
          if (!QUEUE_KEYS.has(key)) throw new ConfigError(`config file ${path}: unknown setting "sqs.queues[${i}].${key}"`);
        }
        return {
          name: q.name,
          attributes: stringMap(q.attributes, `${path}: sqs.queues[${i}].attributes`),
          tags: stringMap(q.tags, `${path}: sqs.queues[${i}].tags`),
          account: q.account === undefined ? undefined : String(q.account),
          region: q.region === undefined ? undefined : String(q.region),
        };
      }),
    };
  }
  return out;
}

export function resolveConfig(...layers: ConfigOverrides[]): TributaryConfig {
  const out: TributaryConfig = { ...DEFAULTS, sqs: { queues: [], inFlightLimit: DEFAULTS.sqs.inFlightLimit } };
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer)) {
      if (v === undefined || k === 'sqs' || k === 'configFile') continue;
      (out as unknown as Record<string, unknown>)[k] = v;
    }
    if (layer.sqs?.queues) out.sqs.queues = layer.sqs.queues;
    if (layer.sqs?.inFlightLimit !== undefined) out.sqs.inFlightLimit = parseLimit(layer.sqs.inFlightLimit, 'sqs.inFlightLimit');
  }
  return out;
}
