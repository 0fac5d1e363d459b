import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, fromEnv, fromFile, resolveConfig } from './config.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function configFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'tributary-config-'));
  dirs.push(dir);
  const path = join(dir, 'tributary.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('settableClock', () => {
  it('is off by default', () => {
    expect(DEFAULTS.settableClock).toBe(false);
    expect(resolveConfig().settableClock).toBe(false);
    expect(resolveConfig(fromEnv({})).settableClock).toBe(false);
  });

  it('is read from TRIBUTARY_SETTABLE_CLOCK like the other switches', () => {
    expect(fromEnv({ TRIBUTARY_SETTABLE_CLOCK: 'true' }).settableClock).toBe(true);
    expect(fromEnv({ TRIBUTARY_SETTABLE_CLOCK: '1' }).settableClock).toBe(true);
    expect(fromEnv({ TRIBUTARY_SETTABLE_CLOCK: 'false' }).settableClock).toBe(false);
    expect(() => fromEnv({ TRIBUTARY_SETTABLE_CLOCK: 'sometimes' })).toThrow(
      new ConfigError('TRIBUTARY_SETTABLE_CLOCK: expected true or false, got sometimes'),
    );
  });

  it('is read from the config file as a boolean', () => {
    expect(fromFile(configFile({ settableClock: true })).settableClock).toBe(true);
    expect(fromFile(configFile({ settableClock: false })).settableClock).toBe(false);
    const path = configFile({ settableClock: 1 });
    expect(() => fromFile(path)).toThrow(
      new ConfigError(`${path}: settableClock: expected true or false, got 1`),
    );
  });

  it('follows the usual precedence: a flag beats the environment, which beats the file', () => {
    const file = fromFile(configFile({ settableClock: true }));
    expect(resolveConfig(file, fromEnv({ TRIBUTARY_SETTABLE_CLOCK: 'false' })).settableClock).toBe(
      false,
    );
    expect(
      resolveConfig(file, fromEnv({ TRIBUTARY_SETTABLE_CLOCK: 'false' }), { settableClock: true })
        .settableClock,
    ).toBe(true);
    expect(resolveConfig(file, {}, { settableClock: undefined }).settableClock).toBe(true);
  });
});

describe('sqs.inFlightLimit', () => {
  it("defaults to AWS's quota of 120,000 messages in flight per queue", () => {
    expect(DEFAULTS.sqs.inFlightLimit).toBe(120_000);
    expect(resolveConfig().sqs.inFlightLimit).toBe(120_000);
  });

  it('is read from TRIBUTARY_SQS_IN_FLIGHT_LIMIT and from sqs.inFlightLimit in the config file, the environment winning', () => {
    expect(resolveConfig(fromEnv({ TRIBUTARY_SQS_IN_FLIGHT_LIMIT: '500' })).sqs.inFlightLimit).toBe(500);
    const file = fromFile(configFile({ sqs: { inFlightLimit: 250, queues: ['a'] } }));
    expect(resolveConfig(file).sqs).toEqual({ inFlightLimit: 250, queues: [{ name: 'a', attributes: undefined, tags: undefined, account: undefined, region: undefined }] });
    expect(resolveConfig(file, fromEnv({ TRIBUTARY_SQS_IN_FLIGHT_LIMIT: '7' })).sqs.inFlightLimit).toBe(7);
    // Setting the limit alone keeps the queues the file declared.
    expect(resolveConfig(file, { sqs: { inFlightLimit: 9 } }).sqs.queues).toHaveLength(1);
  });

  it('must be a whole number of at least 1, wherever it comes from', () => {
    expect(() => fromEnv({ TRIBUTARY_SQS_IN_FLIGHT_LIMIT: 'lots' })).toThrow(
      new ConfigError('TRIBUTARY_SQS_IN_FLIGHT_LIMIT: expected a whole number of at least 1, got "lots"'),
    );
    const path = configFile({ sqs: { inFlightLimit: 0 } });
    expect(() => fromFile(path)).toThrow(new ConfigError(`${path}: sqs.inFlightLimit: expected a whole number of at least 1, got 0`));
    expect(() => resolveConfig({ sqs: { inFlightLimit: 2.5 } })).toThrow(
      new ConfigError('sqs.inFlightLimit: expected a whole number of at least 1, got 2.5'),
    );
  });
});
