// Durability of Standard executions across kill -9: a step is recorded whole (events, snapshot,
// timers) before its effects, timers live in the store, and a restart resumes every running
// execution from its last recorded step — so it completes, on time, and no state runs twice.
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  type HistoryEvent,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cleanupServerProcesses,
  startServerProcess,
  stopServerProcess,
} from './support/server-process.js';
import { PASS_DEFINITION, ROLE, sfnClient, sleep, waitDefinition } from './support/sfn-support.js';

const clients: SFNClient[] = [];
function client(endpoint: string): SFNClient {
  const c = sfnClient(endpoint, { disableHostPrefix: true });
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await cleanupServerProcesses();
});

async function history(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, nextToken }),
    );
    events.push(...page.events!);
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

async function finished(sfn: SFNClient, executionArn: string, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (status !== 'RUNNING') return status!;
    await sleep(50);
  }
  throw new Error(`${executionArn} did not finish within ${timeoutMs} ms`);
}

/** Every state entered once and exited once, consecutive ids, one start and one end. */
function expectRanOnce(events: HistoryEvent[]): void {
  expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
  const entered = events
    .filter((e) => e.type!.endsWith('StateEntered'))
    .map((e) => e.stateEnteredEventDetails!.name);
  expect(new Set(entered).size).toBe(entered.length);
  expect(events.filter((e) => e.type === 'ExecutionStarted')).toHaveLength(1);
  expect(events.filter((e) => e.type === 'ExecutionSucceeded')).toHaveLength(1);
}

describe('Step Functions durability', () => {
  it('completes a waiting execution after kill -9 and a restart on the same data, with no state run twice', async () => {
    const first = await startServerProcess();
    const sfn1 = client(first.endpoint);
    const { stateMachineArn: waiting } = await sfn1.send(
      new CreateStateMachineCommand({
        name: 'waits',
        definition: waitDefinition(3),
        roleArn: ROLE,
      }),
    );
    const { stateMachineArn: quick } = await sfn1.send(
      new CreateStateMachineCommand({ name: 'quick', definition: PASS_DEFINITION, roleArn: ROLE }),
    );
    const started = Date.now();
    const runs = [];
    for (let i = 0; i < 5; i++)
      runs.push(
        (await sfn1.send(new StartExecutionCommand({ stateMachineArn: waiting, name: `w${i}` })))
          .executionArn!,
      );
    const done = (
      await sfn1.send(new StartExecutionCommand({ stateMachineArn: quick, input: '{"value":1}' }))
    ).executionArn!;
    const stopped = (
      await sfn1.send(new StartExecutionCommand({ stateMachineArn: waiting, name: 'stopped' }))
    ).executionArn!;
    await sfn1.send(new StopExecutionCommand({ executionArn: stopped, error: 'Halt' }));
    // Acknowledged means recorded: the Wait state was entered before the reply.
    expect((await history(sfn1, runs[0]!)).map((e) => e.type)).toContain('WaitStateEntered');

    expect((await stopServerProcess(first, 'SIGKILL')).signal).toBe('SIGKILL');

    const second = await startServerProcess({ dataDir: first.dataDir });
    const sfn2 = client(second.endpoint);
    for (const arn of runs) expect(await finished(sfn2, arn)).toBe('SUCCEEDED');
    // Not early: the Wait's three seconds count from when it was entered, before the crash.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    for (const arn of runs) {
      const events = await history(sfn2, arn);
      expectRanOnce(events);
      const entered = events.find((e) => e.type === 'WaitStateEntered')!.timestamp!.getTime();
      const exited = events.find((e) => e.type === 'WaitStateExited')!.timestamp!.getTime();
      expect(exited - entered).toBeGreaterThanOrEqual(3000);
    }
    expect((await sfn2.send(new DescribeExecutionCommand({ executionArn: done }))).status).toBe(
      'SUCCEEDED',
    );
    expect(await sfn2.send(new DescribeExecutionCommand({ executionArn: stopped }))).toMatchObject({
      status: 'ABORTED',
      error: 'Halt',
    });
  });

  it('fires a timer that fell due while the server was down as soon as it is back', async () => {
    const first = await startServerProcess();
    const sfn1 = client(first.endpoint);
    const { stateMachineArn } = await sfn1.send(
      new CreateStateMachineCommand({
        name: 'overdue',
        definition: waitDefinition(1),
        roleArn: ROLE,
      }),
    );
    const { executionArn } = await sfn1.send(
      new StartExecutionCommand({ stateMachineArn, name: 'late' }),
    );
    await stopServerProcess(first, 'SIGKILL');
    await sleep(1500);

    const second = await startServerProcess({ dataDir: first.dataDir });
    const sfn2 = client(second.endpoint);
    const back = Date.now();
    expect(await finished(sfn2, executionArn!)).toBe('SUCCEEDED');
    expect(Date.now() - back).toBeLessThan(2000);
    expectRanOnce(await history(sfn2, executionArn!));
  });

  it('keeps finished executions and their history across a graceful restart', async () => {
    const first = await startServerProcess();
    const sfn1 = client(first.endpoint);
    const { stateMachineArn } = await sfn1.send(
      new CreateStateMachineCommand({ name: 'kept', definition: PASS_DEFINITION, roleArn: ROLE }),
    );
    const { executionArn } = await sfn1.send(
      new StartExecutionCommand({ stateMachineArn, input: '{"value":"kept"}' }),
    );
    expect(await finished(sfn1, executionArn!)).toBe('SUCCEEDED');
    const before = await history(sfn1, executionArn!);
    expect((await stopServerProcess(first, 'SIGTERM')).code).toBe(0);

    const second = await startServerProcess({ dataDir: first.dataDir });
    const sfn2 = client(second.endpoint);
    expect(await sfn2.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"got":1,"in":"kept"}',
    });
    expect(await history(sfn2, executionArn!)).toEqual(before);
  });
});
