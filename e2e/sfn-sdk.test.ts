// Step Functions through the AWS SDK for JavaScript v3 (AWS JSON 1.0), against a real server
// process: every operation of part 1, AWS's errors (codes and messages as recorded against AWS in
// ../shared/conformance/sfn), paging, name idempotency, Express executions and the `sync-` host
// prefix of StartSyncExecution. Time-dependent cases (a one-year Wait) run in-process on a
// ManualClock and never sleep.
import { request } from 'node:http';
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  ListTagsForResourceCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startTributary, type Tributary } from '../packages/server/src/index.js';
import {
  cleanupServerProcesses,
  getJson,
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';
import {
  ACCOUNT,
  failure,
  PASS_DEFINITION,
  REGION,
  ROLE,
  sfnClient,
  sleep,
  unique,
  waitDefinition,
} from './support/sfn-support.js';

let server: ServerProcess;
let sfn: SFNClient;

beforeAll(async () => {
  server = await startServerProcess();
  sfn = sfnClient(server.endpoint, { disableHostPrefix: true });
});

afterAll(async () => {
  sfn.destroy();
  await cleanupServerProcesses();
});

const machineArn = (name: string): string =>
  `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;

async function createMachine(
  options: { name?: string; definition?: string; type?: 'STANDARD' | 'EXPRESS' } = {},
): Promise<string> {
  const out = await sfn.send(
    new CreateStateMachineCommand({
      name: options.name ?? unique('sm'),
      definition: options.definition ?? PASS_DEFINITION,
      roleArn: ROLE,
      type: options.type,
    }),
  );
  return out.stateMachineArn!;
}

async function finished(
  executionArn: string,
  client = sfn,
): Promise<{ status?: string; output?: string; error?: string; cause?: string }> {
  for (let i = 0; i < 400; i++) {
    const d = await client.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
    await sleep(25);
  }
  throw new Error(`${executionArn} is still running`);
}

describe('state machines', () => {
  it('creates, describes, lists, updates and deletes a state machine', async () => {
    const name = unique('crud');
    const arn = await createMachine({ name });
    expect(arn).toBe(machineArn(name));
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
    expect(described).toMatchObject({
      stateMachineArn: arn,
      name,
      status: 'ACTIVE',
      definition: PASS_DEFINITION,
      roleArn: ROLE,
      type: 'STANDARD',
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
      encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
    });
    expect(described.creationDate).toBeInstanceOf(Date);
    expect(described.revisionId).toBeUndefined();

    const updated = await sfn.send(
      new UpdateStateMachineCommand({ stateMachineArn: arn, definition: waitDefinition(1) }),
    );
    expect(updated.revisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(updated.updateDate).toBeInstanceOf(Date);
    const after = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
    expect(after).toMatchObject({ definition: waitDefinition(1), revisionId: updated.revisionId });
    // The same settings again change nothing: the revision stays.
    const again = await sfn.send(
      new UpdateStateMachineCommand({ stateMachineArn: arn, definition: waitDefinition(1) }),
    );
    expect(again.revisionId).toBe(updated.revisionId);

    const listed = await sfn.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines?.find((m) => m.name === name)).toMatchObject({
      stateMachineArn: arn,
      type: 'STANDARD',
    });

    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: arn }));
    expect(
      await failure(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }))),
    ).toEqual({
      name: 'StateMachineDoesNotExist',
      message: `State Machine Does Not Exist: '${arn}'`,
      status: 400,
    });
    // Deleting what does not exist succeeds, as on AWS.
    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: arn }));
  });

  it('creates idempotently on the same definition and refuses a different one under the same name', async () => {
    const name = unique('idem');
    const arn = await createMachine({ name });
    const first = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
    const second = await sfn.send(
      new CreateStateMachineCommand({
        name,
        definition: PASS_DEFINITION,
        roleArn: 'arn:aws:iam::000000000000:role/other',
      }),
    );
    expect(second.stateMachineArn).toBe(arn);
    expect(second.creationDate?.getTime()).toBe(first.creationDate?.getTime());
    expect(
      await failure(
        sfn.send(
          new CreateStateMachineCommand({ name, definition: waitDefinition(1), roleArn: ROLE }),
        ),
      ),
    ).toEqual({
      name: 'StateMachineAlreadyExists',
      message: `State Machine Already Exists: '${arn}'`,
      status: 400,
    });
  });

  it('pages ListStateMachines with maxResults and nextToken', async () => {
    const prefix = unique('page');
    for (let i = 0; i < 5; i++) await createMachine({ name: `${prefix}-${i}` });
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new ListStateMachinesCommand({ maxResults: 2, nextToken }));
      expect(page.stateMachines!.length).toBeLessThanOrEqual(2);
      seen.push(...page.stateMachines!.map((m) => m.name!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen.filter((n) => n.startsWith(prefix))).toEqual(
      [0, 1, 2, 3, 4].map((i) => `${prefix}-${i}`),
    );
    expect(await failure(sfn.send(new ListStateMachinesCommand({ maxResults: 1001 })))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
      status: 400,
    });
  });

  it('reports AWS errors for invalid names, ARNs and definitions', async () => {
    expect(await failure(createMachine({ name: 'bad name' }))).toMatchObject({
      name: 'InvalidName',
      message: "Invalid Name: 'bad name'",
    });
    expect(
      await failure(
        sfn.send(new DescribeStateMachineCommand({ stateMachineArn: 'not_a_valid_arn' })),
      ),
    ).toMatchObject({
      name: 'InvalidArn',
      message: "Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'",
    });
    expect(
      await failure(createMachine({ definition: JSON.stringify({ StartAt: 'A' }) })),
    ).toMatchObject({
      name: 'InvalidDefinition',
      message:
        "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'",
    });
    const arn = await createMachine();
    expect(
      await failure(sfn.send(new UpdateStateMachineCommand({ stateMachineArn: arn }))),
    ).toMatchObject({
      name: 'MissingRequiredParameter',
      message:
        'Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified',
    });
    expect(
      await failure(
        sfn.send(
          new UpdateStateMachineCommand({
            stateMachineArn: `${arn}:2`,
            definition: PASS_DEFINITION,
          }),
        ),
      ),
    ).toMatchObject({
      name: 'StateMachineDoesNotExist',
      message: `State Machine Does Not Exist: '${arn}:2'`,
    });
    expect(
      await failure(
        sfn.send(
          new CreateStateMachineCommand({
            name: unique('log'),
            definition: PASS_DEFINITION,
            roleArn: ROLE,
            loggingConfiguration: { level: 'ALL' },
          }),
        ),
      ),
    ).toMatchObject({
      name: 'InvalidLoggingConfiguration',
      message: 'Invalid Logging Configuration: Must specify exactly one Log Destination.',
    });
  });

  it('validates a definition with diagnostics', async () => {
    const ok = await sfn.send(
      new ValidateStateMachineDefinitionCommand({ definition: PASS_DEFINITION }),
    );
    expect(ok).toMatchObject({ result: 'OK', diagnostics: [], truncated: false });
    const bad = await sfn.send(
      new ValidateStateMachineDefinitionCommand({ definition: JSON.stringify({ StartAt: 'A' }) }),
    );
    expect(bad.result).toBe('FAIL');
    expect(bad.diagnostics?.[0]).toMatchObject({
      severity: 'ERROR',
      code: 'SCHEMA_VALIDATION_FAILED',
      location: '/',
    });
  });

  it('tags, untags and lists tags', async () => {
    const arn = await createMachine();
    await sfn.send(
      new TagResourceCommand({
        resourceArn: arn,
        tags: [
          { key: 'team', value: 'a' },
          { key: 'env', value: 'dev' },
        ],
      }),
    );
    await sfn.send(
      new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'team', value: 'b' }] }),
    );
    expect((await sfn.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual([
      { key: 'team', value: 'b' },
      { key: 'env', value: 'dev' },
    ]);
    await sfn.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['team'] }));
    expect((await sfn.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual([
      { key: 'env', value: 'dev' },
    ]);
    const many = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(
      await failure(sfn.send(new TagResourceCommand({ resourceArn: arn, tags: many }))),
    ).toMatchObject({ name: 'TooManyTags', status: 400 });
    expect(
      await failure(
        sfn.send(
          new TagResourceCommand({ resourceArn: `${arn}:1`, tags: [{ key: 'a', value: 'b' }] }),
        ),
      ),
    ).toMatchObject({
      name: 'ResourceNotFound',
      message: `Resource not found: '${arn}:1'`,
    });
  });
});

describe('Standard executions', () => {
  it('runs an execution and describes it, its history and its machine', async () => {
    const arn = await createMachine();
    const started = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, input: '{"value":"v"}', name: 'first' }),
    );
    expect(started.executionArn).toBe(
      `arn:aws:states:${REGION}:${ACCOUNT}:execution:${arn.split(':').at(-1)}:first`,
    );
    const done = await finished(started.executionArn!);
    expect(done).toMatchObject({ status: 'SUCCEEDED', output: '{"got":1,"in":"v"}' });
    const described = await sfn.send(
      new DescribeExecutionCommand({ executionArn: started.executionArn }),
    );
    expect(described).toMatchObject({
      name: 'first',
      stateMachineArn: arn,
      input: '{"value":"v"}',
      inputDetails: { included: true },
      outputDetails: { included: true },
      redriveCount: 0,
      redriveStatus: 'NOT_REDRIVABLE',
      redriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
    });
    expect(described.startDate).toBeInstanceOf(Date);
    expect(described.stopDate!.getTime()).toBeGreaterThanOrEqual(described.startDate!.getTime());

    const history = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn: started.executionArn }),
    );
    expect(history.events!.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(history.events![0]).toMatchObject({
      id: 1,
      previousEventId: 0,
      executionStartedEventDetails: { input: '{"value":"v"}', roleArn: ROLE },
    });
    expect(history.events![0]!.timestamp).toBeInstanceOf(Date);

    const forExecution = await sfn.send(
      new DescribeStateMachineForExecutionCommand({ executionArn: started.executionArn }),
    );
    expect(forExecution).toMatchObject({
      stateMachineArn: arn,
      definition: PASS_DEFINITION,
      roleArn: ROLE,
    });
  });

  it('pages history, in reverse, and without execution data', async () => {
    const arn = await createMachine();
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, input: '{"value":1}' }),
    );
    await finished(executionArn!);
    const ids: number[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(
        new GetExecutionHistoryCommand({ executionArn, maxResults: 4, nextToken }),
      );
      ids.push(...page.events!.map((e) => e.id!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
    const reversed = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 2 }),
    );
    expect(reversed.events!.map((e) => e.id)).toEqual([6, 5]);
    const rest = await sfn.send(
      new GetExecutionHistoryCommand({
        executionArn,
        reverseOrder: true,
        nextToken: reversed.nextToken,
      }),
    );
    expect(rest.events!.map((e) => e.id)).toEqual([4, 3, 2, 1]);
    const bare = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false }),
    );
    expect(bare.events![0]!.executionStartedEventDetails).toEqual({ roleArn: ROLE });
    expect(bare.events!.at(-1)!.executionSucceededEventDetails).toEqual({});
    expect(
      await failure(sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1001 }))),
    ).toMatchObject({ name: 'ValidationException' });
  });

  it('lists executions newest first, by status, page by page', async () => {
    const quick = await createMachine();
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      names.push(`run-${i}`);
      await finished(
        (
          await sfn.send(
            new StartExecutionCommand({
              stateMachineArn: quick,
              name: `run-${i}`,
              input: '{"value":0}',
            }),
          )
        ).executionArn!,
      );
    }
    const page1 = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: quick, maxResults: 2 }),
    );
    expect(page1.executions!.map((e) => e.name)).toEqual(['run-2', 'run-1']);
    expect(page1.executions![0]).toMatchObject({
      status: 'SUCCEEDED',
      stateMachineArn: quick,
      redriveCount: 0,
    });
    const page2 = await sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: quick,
        maxResults: 2,
        nextToken: page1.nextToken,
      }),
    );
    expect(page2.executions!.map((e) => e.name)).toEqual(['run-0']);
    expect(page2.nextToken).toBeUndefined();

    const slow = await createMachine({ definition: waitDefinition(3600) });
    const running = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: slow, name: 'sleeper' }),
    );
    const byStatus = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: slow, statusFilter: 'RUNNING' }),
    );
    expect(byStatus.executions!.map((e) => e.executionArn)).toEqual([running.executionArn]);
    expect(
      (
        await sfn.send(
          new ListExecutionsCommand({ stateMachineArn: slow, statusFilter: 'SUCCEEDED' }),
        )
      ).executions,
    ).toEqual([]);
    await sfn.send(new StopExecutionCommand({ executionArn: running.executionArn }));
  });

  it('returns the running execution again for the same name and input, and refuses otherwise', async () => {
    const arn = await createMachine({ definition: waitDefinition(3600) });
    const first = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: 'once', input: '{"a":1}' }),
    );
    const again = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: 'once', input: '{"a":1}' }),
    );
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate?.getTime()).toBe(first.startDate?.getTime());
    expect(
      await failure(
        sfn.send(
          new StartExecutionCommand({ stateMachineArn: arn, name: 'once', input: '{"a":2}' }),
        ),
      ),
    ).toEqual({
      name: 'ExecutionAlreadyExists',
      message: `Execution Already Exists: '${first.executionArn}'`,
      status: 400,
    });
    await sfn.send(new StopExecutionCommand({ executionArn: first.executionArn }));
    // Once closed, the name is taken even for the same input.
    expect(
      await failure(
        sfn.send(
          new StartExecutionCommand({ stateMachineArn: arn, name: 'once', input: '{"a":1}' }),
        ),
      ),
    ).toMatchObject({
      name: 'ExecutionAlreadyExists',
    });
  });

  it('stops a waiting execution: ABORTED with ExecutionAborted', async () => {
    const arn = await createMachine({ definition: waitDefinition(3600) });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    const stopped = await sfn.send(
      new StopExecutionCommand({ executionArn, error: 'Halt', cause: 'test over' }),
    );
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({
      status: 'ABORTED',
      error: 'Halt',
      cause: 'test over',
      redriveStatus: 'REDRIVABLE',
    });
    const last = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 1 }),
    );
    expect(last.events![0]).toMatchObject({
      type: 'ExecutionAborted',
      executionAbortedEventDetails: { error: 'Halt', cause: 'test over' },
    });
  });

  it('keeps the definition an execution started with after the machine is updated', async () => {
    const arn = await createMachine({ definition: waitDefinition(3600) });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    await sfn.send(
      new UpdateStateMachineCommand({ stateMachineArn: arn, definition: PASS_DEFINITION }),
    );
    const forExecution = await sfn.send(
      new DescribeStateMachineForExecutionCommand({ executionArn }),
    );
    expect(forExecution.definition).toBe(waitDefinition(3600));
    expect(forExecution.revisionId).toBeUndefined();
    await sfn.send(new StopExecutionCommand({ executionArn }));
  });

  it('reports AWS errors for bad input, unknown executions and the wrong machine type', async () => {
    const arn = await createMachine();
    expect(
      await failure(
        sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: 'not some json' })),
      ),
    ).toEqual({
      name: 'InvalidExecutionInput',
      message:
        "Invalid State Machine Execution Input: 'Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')'",
      status: 400,
    });
    expect(
      await failure(sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: 'a/b' }))),
    ).toMatchObject({ name: 'InvalidName' });
    const missing = `arn:aws:states:${REGION}:${ACCOUNT}:execution:${arn.split(':').at(-1)}:missing`;
    expect(
      await failure(sfn.send(new DescribeExecutionCommand({ executionArn: missing }))),
    ).toEqual({
      name: 'ExecutionDoesNotExist',
      message: `Execution Does Not Exist: '${missing}'`,
      status: 400,
    });
    expect(
      await failure(
        sfn.send(new ListExecutionsCommand({ stateMachineArn: 'invalid_state_machine_arn' })),
      ),
    ).toMatchObject({
      name: 'InvalidArn',
      message: "Invalid Arn: 'Invalid ARN prefix: invalid_state_machine_arn'",
    });
    expect(
      await failure(sfn.send(new StartSyncExecutionCommand({ stateMachineArn: arn }))),
    ).toEqual({
      name: 'StateMachineTypeNotSupported',
      message: 'This operation is not supported by this type of state machine',
      status: 400,
    });
  });

  it('deletes a machine with a running execution once that execution stops', async () => {
    const arn = await createMachine({ definition: waitDefinition(3600) });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: arn }));
    expect((await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }))).status).toBe(
      'DELETING',
    );
    expect(
      await failure(sfn.send(new StartExecutionCommand({ stateMachineArn: arn }))),
    ).toMatchObject({ name: 'StateMachineDeleting' });
    await sfn.send(new StopExecutionCommand({ executionArn }));
    expect(
      await failure(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }))),
    ).toMatchObject({ name: 'StateMachineDoesNotExist' });
    // The execution stays readable after its machine is gone.
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('ABORTED');
  });

  it('fails a Task state with a clear cause while no task resources exist', async () => {
    const arn = await createMachine({
      definition: JSON.stringify({
        StartAt: 'Call',
        States: {
          Call: {
            Type: 'Task',
            Resource: 'arn:aws:lambda:us-east-1:000000000000:function:f',
            End: true,
          },
        },
      }),
    });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    const done = await finished(executionArn!);
    expect(done).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
    expect(done.cause).toContain('arn:aws:lambda:us-east-1:000000000000:function:f');
  });
});

describe('Express executions', () => {
  it('runs StartSyncExecution through the SDK default sync- host prefix', async () => {
    const prefixed = sfnClient(server.endpoint, { resolveSyncHost: true });
    try {
      const arn = await createMachine({ type: 'EXPRESS' });
      const out = await prefixed.send(
        new StartSyncExecutionCommand({
          stateMachineArn: arn,
          input: '{"value":"x"}',
          name: 'sync-run',
        }),
      );
      expect(out).toMatchObject({
        status: 'SUCCEEDED',
        output: '{"got":1,"in":"x"}',
        outputDetails: { included: true },
        input: '{"value":"x"}',
        inputDetails: { included: true },
        name: 'sync-run',
        stateMachineArn: arn,
        billingDetails: { billedDurationInMilliseconds: 100, billedMemoryUsedInMB: 64 },
      });
      expect(out.executionArn).toMatch(
        new RegExp(
          `^arn:aws:states:${REGION}:${ACCOUNT}:express:${arn.split(':').at(-1)}:sync-run:[0-9a-f-]{36}$`,
        ),
      );
      expect(out.stopDate!.getTime()).toBeGreaterThanOrEqual(out.startDate!.getTime());
    } finally {
      prefixed.destroy();
    }
  });

  it('reports a failing Express execution in the sync reply with status 200', async () => {
    const arn = await createMachine({
      type: 'EXPRESS',
      definition: JSON.stringify({
        StartAt: 'F',
        States: { F: { Type: 'Fail', Error: 'SomeFailure', Cause: 'because' } },
      }),
    });
    const out = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: arn }));
    expect(out).toMatchObject({ status: 'FAILED', error: 'SomeFailure', cause: 'because' });
    expect(out.output).toBeUndefined();
  });

  it('starts Express executions in the background; they have no history to read', async () => {
    const arn = await createMachine({ type: 'EXPRESS' });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    expect(executionArn).toMatch(/:express:/);
    const invalid = {
      name: 'InvalidArn',
      message: "Invalid Arn: 'Resource type not valid in this context: express'",
      status: 400,
    };
    expect(await failure(sfn.send(new DescribeExecutionCommand({ executionArn })))).toEqual(
      invalid,
    );
    expect(await failure(sfn.send(new GetExecutionHistoryCommand({ executionArn })))).toEqual(
      invalid,
    );
    expect(await failure(sfn.send(new StopExecutionCommand({ executionArn })))).toEqual(invalid);
    expect(
      await failure(sfn.send(new ListExecutionsCommand({ stateMachineArn: arn }))),
    ).toMatchObject({ name: 'StateMachineTypeNotSupported' });
  });
});

describe('the server', () => {
  it.each(['sync-127.0.0.1', 'sync-localhost'])(
    'accepts any Host header: a raw StartSyncExecution with Host %s:<port>',
    async (host) => {
      const arn = await createMachine({ type: 'EXPRESS' });
      const body = JSON.stringify({ stateMachineArn: arn, input: '{"value":2}' });
      const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            method: 'POST',
            path: '/',
            headers: {
              host: `${host}:${server.port}`,
              'content-type': 'application/x-amz-json-1.0',
              'x-amz-target': 'AWSStepFunctions.StartSyncExecution',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (s: string) => (text += s));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(reply.status).toBe(200);
      const parsed = JSON.parse(reply.body) as {
        status: string;
        output: string;
        startDate: number;
      };
      expect(parsed).toMatchObject({ status: 'SUCCEEDED', output: '{"got":1,"in":2}' });
      // Dates are epoch seconds on the wire.
      expect(typeof parsed.startDate).toBe('number');
      expect(Math.abs(parsed.startDate - Date.now() / 1000)).toBeLessThan(60);
    },
  );

  it('lists Step Functions in /_tributary/health', async () => {
    const health = await getJson(server.endpoint, '/_tributary/health');
    expect(health.body).toMatchObject({ status: 'ok', services: { sfn: 'running' } });
  });
});

describe('time on a ManualClock (in-process)', () => {
  let clock: ManualClock;
  let tributary: Tributary;
  let client: SFNClient;

  beforeAll(async () => {
    clock = new ManualClock(Date.UTC(2026, 0, 1));
    tributary = await startTributary({ port: 0, clock });
    client = sfnClient(tributary.endpoint, { disableHostPrefix: true });
  });

  afterAll(async () => {
    client.destroy();
    await tributary.stop();
  });

  async function run(definition: object): Promise<string> {
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({
        name: unique('clock'),
        definition: JSON.stringify(definition),
        roleArn: ROLE,
      }),
    );
    return (await client.send(new StartExecutionCommand({ stateMachineArn }))).executionArn!;
  }

  async function types(executionArn: string): Promise<string[]> {
    return (await client.send(new GetExecutionHistoryCommand({ executionArn }))).events!.map(
      (e) => e.type!,
    );
  }

  it('times an execution out after its TimeoutSeconds', async () => {
    const executionArn = await run({
      TimeoutSeconds: 60,
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 3600, End: true } },
    });
    clock.advance(60_000);
    const described = await finished(executionArn, client);
    expect(described.status).toBe('TIMED_OUT');
    // AWS describes a timed-out execution without error or cause (recorded); the event has them.
    expect(described.error).toBeUndefined();
    expect((await types(executionArn)).at(-1)).toBe('ExecutionTimedOut');
  });

  it('waits out a Retry interval before the next attempt', async () => {
    const executionArn = await run({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage',
          Parameters: { QueueUrl: 'q', MessageBody: 'm' },
          Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 3600, MaxAttempts: 1 }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    });
    await sleep(50);
    expect((await types(executionArn)).filter((t) => t === 'TaskScheduled')).toHaveLength(1);
    clock.advance(3600_000);
    expect((await finished(executionArn, client)).status).toBe('SUCCEEDED');
    expect((await types(executionArn)).filter((t) => t === 'TaskScheduled')).toHaveLength(2);
  });

  it('crosses a one-year Wait when the clock moves a year, without sleeping', async () => {
    const executionArn = await run(JSON.parse(waitDefinition(365 * 24 * 3600)) as object);
    clock.advance(365 * 24 * 3600_000 - 1000);
    await sleep(50);
    expect((await client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe(
      'RUNNING',
    );
    clock.advance(1000);
    expect(await finished(executionArn, client)).toMatchObject({
      status: 'SUCCEEDED',
      output: '"woke"',
    });
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.stopDate!.getTime() - described.startDate!.getTime()).toBe(
      365 * 24 * 3600_000,
    );
  });
});
