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
