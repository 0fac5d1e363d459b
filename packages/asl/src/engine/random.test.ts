import { describe, expect, it } from 'vitest';
import type { StateMachineDefinition } from '../definition/types.js';
import { compileMachine, runExecution, seededRandom, startExecution } from './api.js';
import { executionRandom } from './random.js';
import { rebuildFromHistory } from './rebuild.js';
import type { ExecutionInfo } from './types.js';

const info: ExecutionInfo = {
  executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:e',
  name: 'e',
  roleArn: 'arn:aws:iam::123456789012:role/r',
  startTime: Date.UTC(2026, 0, 1),
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
  stateMachineName: 'm',
  type: 'STANDARD',
  seed: 'a-secret-seed',
};

describe('seeded execution randomness', () => {
  it('draws the same values at the same history positions and different ones elsewhere', () => {
    let position = 7;
    const a = executionRandom('s', () => position);
    const b = executionRandom('s', () => position);
    const first = [a.uuid(), a.random()];
    expect([b.uuid(), b.random()]).toEqual(first);
    position = 8;
    expect(a.uuid()).not.toBe(first[0]);
    expect(executionRandom('other', () => 7).uuid()).not.toBe(first[0]);
  });

  it('produces version-4 UUIDs and numbers in [0, 1)', () => {
    const source = executionRandom('s', () => 1);
    for (let i = 0; i < 200; i++) {
      expect(source.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const n = source.random();
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(1);
    }
  });

  it('ignores the driver\'s random source when the execution has a seed', async () => {
    const definition: StateMachineDefinition = {
      StartAt: 'U',
      States: { U: { Type: 'Pass', Parameters: { 'id.$': 'States.UUID()', 'n.$': 'States.MathRandom(0, 1000000)' }, End: true } },
    };
    const one = await runExecution(definition, {}, { info, random: seededRandom(1) });
    const two = await runExecution(definition, {}, { info, random: seededRandom(2) });
    expect(one.output).toBe(two.output);
  });

  it('lets an execution that drew random values be rebuilt from its history alone', async () => {
    const definition: StateMachineDefinition = {
      StartAt: 'U',
      States: {
        U: { Type: 'Pass', Parameters: { 'id.$': 'States.UUID()' }, Next: 'W' },
        W: { Type: 'Wait', Seconds: 60, End: true },
      },
    };
    const machine = compileMachine(definition);
    const started = await startExecution(machine, info, {}, { now: info.startTime, random: seededRandom(9) });
    expect(started.snapshot.status).toBe('RUNNING');
    const rebuilt = await rebuildFromHistory(machine, info, started.events);
    expect(JSON.stringify(rebuilt.snapshot)).toBe(JSON.stringify(started.snapshot));
    expect(rebuilt.pending).toEqual(started.commands);
  });
});
