// The settable clock of the server process (`tributary start --settable-clock`): test suites in
// any language move time with POST /_tributary/clock instead of waiting. A one-year Step Functions
// Wait and a 15-minute SQS delay are crossed in a moment; without the flag the endpoint only reads.
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  StartExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import {
  CreateQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, SettableClock, startTributary } from '../packages/server/src/index.js';
import {
  cleanupServerProcesses,
  getJson,
  sqsClient,
  startServerProcess,
  stopServerProcess,
  type ServerProcess,
} from './support/server-process.js';
import { ROLE, sfnClient, sleep, unique, waitDefinition } from './support/sfn-support.js';

const YEAR_SECONDS = 365 * 24 * 3600;

interface ClockReply {
  status: number;
  body: Record<string, unknown>;
}

async function postClock(endpoint: string, body: unknown): Promise<ClockReply> {
  const res = await fetch(new URL('/_tributary/clock', endpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.headers.get('content-type')).toBe('application/json');
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function readClock(endpoint: string): Promise<Record<string, unknown>> {
  const { status, body } = await getJson(endpoint, '/_tributary/clock');
  expect(status).toBe(200);
  return body as Record<string, unknown>;
}

afterAll(async () => {
  await cleanupServerProcesses();
});

describe('a server started with --settable-clock', () => {
  let server: ServerProcess;
  let sfn: SFNClient;
  let sqs: SQSClient;

  beforeAll(async () => {
    server = await startServerProcess({ args: ['--settable-clock'] });
    sfn = sfnClient(server.endpoint, { disableHostPrefix: true });
    sqs = sqsClient(server.endpoint);
  });

  afterAll(async () => {
    sfn.destroy();
    sqs.destroy();
    await stopServerProcess(server);
  });

  it('warns at start-up that the clock is settable', () => {
    const warning = server
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string; settableClock?: boolean })
      .find((entry) => entry.settableClock === true);
    expect(warning).toMatchObject({ level: 40 });
    expect(warning!.msg).toContain('--settable-clock');
  });

  it('reads the clock: real time until moved, and settable', async () => {
    const before = Date.now();
    const clock = await readClock(server.endpoint);
    expect(clock.settable).toBe(true);
    expect(clock.epochMillis as number).toBeGreaterThanOrEqual(before - 1000);
    expect(clock.now).toBe(new Date(clock.epochMillis as number).toISOString());
  });

  it('finishes a one-year Wait within moments of moving the clock a year', async () => {
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({
        name: unique('year'),
        definition: waitDefinition(YEAR_SECONDS),
        roleArn: ROLE,
        type: 'STANDARD',
      }),
    );
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    // Really waiting first: the Wait state has been entered and the execution is still running.
    for (let i = 0; ; i++) {
      const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
      if (events!.some((e) => e.type === 'WaitStateEntered')) break;
      if (i > 100) throw new Error('the execution never entered its Wait state');
      await sleep(20);
    }
    await sleep(100);
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');

    const moved = await postClock(server.endpoint, { advanceSeconds: YEAR_SECONDS });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ settable: true, advancedMillis: YEAR_SECONDS * 1000 });

    const deadline = Date.now() + 2000;
    let described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    while (described.status === 'RUNNING' && Date.now() < deadline) {
      await sleep(20);
      described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    }
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '"woke"' });
    // The server's own dates say a year went by.
    expect(described.stopDate!.getTime() - described.startDate!.getTime()).toBeGreaterThanOrEqual(
      YEAR_SECONDS * 1000,
    );
  });

  it('makes a message sent with DelaySeconds 900 receivable right after moving 900 s', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('delayed') }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'later', DelaySeconds: 900 }));
    expect(
      (await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 0 }))).Messages,
    ).toBeUndefined();

    expect((await postClock(server.endpoint, { advanceSeconds: 900 })).status).toBe(200);
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 0 }),
    );
    expect(Messages?.map((m) => m.Body)).toEqual(['later']);
  });

  it('answers a long poll already waiting when a move makes its message due', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('polled') }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'due', DelaySeconds: 600 }));
    const started = Date.now();
    const poll = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 }));
    await sleep(200);
    expect((await postClock(server.endpoint, { advanceMillis: 600_000 })).status).toBe(200);
    const { Messages } = await poll;
    expect(Messages?.map((m) => m.Body)).toEqual(['due']);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses to move backwards, and bad bodies, with 400 and JSON errors', async () => {
    const now = (await readClock(server.endpoint)).epochMillis as number;
    const back = await postClock(server.endpoint, { set: now - 60_000 });
    expect(back).toMatchObject({ status: 400, body: { error: 'ClockCannotMoveBackwards' } });
    expect(back.body.message).toMatch(/back/);
    expect(await postClock(server.endpoint, { advanceSeconds: -1 })).toMatchObject({
      status: 400,
      body: { error: 'ClockCannotMoveBackwards' },
    });
    expect(await postClock(server.endpoint, { advanceDays: 1 })).toMatchObject({
      status: 400,
      body: { error: 'InvalidClockRequest' },
    });
    expect((await readClock(server.endpoint)).epochMillis as number).toBeGreaterThanOrEqual(now);
  });

  it('sets an ISO-8601 instant', async () => {
    const target = new Date((await readClock(server.endpoint)).epochMillis as number);
    target.setUTCFullYear(target.getUTCFullYear() + 2);
    const set = await postClock(server.endpoint, { set: target.toISOString() });
    expect(set).toMatchObject({
      status: 200,
      body: { now: target.toISOString(), epochMillis: target.getTime(), settable: true },
    });
  });
});

describe('a server started without --settable-clock', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess();
  });

  afterAll(async () => {
    await stopServerProcess(server);
  });

  it('reads its clock, reports it is not settable, and logs no warning about it', async () => {
    const before = Date.now();
    const clock = await readClock(server.endpoint);
    expect(clock.settable).toBe(false);
    expect(Math.abs((clock.epochMillis as number) - before)).toBeLessThan(5000);
    expect(server.stdout()).not.toContain('settableClock');
  });

  it('answers POST with 403 and says how to turn the clock on', async () => {
    const refused = await postClock(server.endpoint, { advanceSeconds: YEAR_SECONDS });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('ClockNotSettable');
    expect(refused.body.message).toContain('--settable-clock');
    const clock = await readClock(server.endpoint);
    expect(Math.abs((clock.epochMillis as number) - Date.now())).toBeLessThan(5000);
  });
});

describe('TRIBUTARY_SETTABLE_CLOCK=true', () => {
  it('turns the settable clock on as the flag does', async () => {
    const server = await startServerProcess({
      env: { TRIBUTARY_SETTABLE_CLOCK: 'true' },
      args: ['--ephemeral'],
      dataDir: null,
    });
    try {
      expect((await readClock(server.endpoint)).settable).toBe(true);
      expect((await postClock(server.endpoint, { advanceSeconds: 60 })).status).toBe(200);
    } finally {
      await stopServerProcess(server);
    }
  });
});

describe('in-process', () => {
  it('creates a settable clock for settableClock: true, and moves an injected SettableClock', async () => {
    const own = await startTributary({ port: 0, settableClock: true });
    try {
      expect((await readClock(own.endpoint)).settable).toBe(true);
      expect((await postClock(own.endpoint, { advanceMillis: 1000 })).body.advancedMillis).toBe(
        1000,
      );
    } finally {
      await own.stop();
    }
    const clock = new SettableClock();
    const injected = await startTributary({ port: 0, clock });
    try {
      await postClock(injected.endpoint, { advanceSeconds: 60 });
      expect(clock.offsetMillis).toBe(60_000);
    } finally {
      await injected.stop();
    }
  });

  it('keeps a ManualClock read-only over HTTP, and refuses it with settableClock: true', async () => {
    const clock = new ManualClock(Date.UTC(2030, 0, 1));
    const tributary = await startTributary({ port: 0, clock });
    try {
      expect(await readClock(tributary.endpoint)).toEqual({
        now: '2030-01-01T00:00:00.000Z',
        epochMillis: Date.UTC(2030, 0, 1),
        settable: false,
      });
      expect((await postClock(tributary.endpoint, { advanceSeconds: 1 })).status).toBe(403);
    } finally {
      await tributary.stop();
    }
    await expect(startTributary({ port: 0, settableClock: true, clock })).rejects.toThrow(
      /settableClock cannot be combined with an injected clock/,
    );
  });
});
