// Step Functions through Debian's AWS CLI v2 (/usr/bin/aws, 2.9.19: botocore's AWS JSON 1.0
// client): state machines, a Standard execution with its history, stop, tags and AWS's errors as
// the CLI prints them. Skipped with a printed reason when the CLI is absent, except in CI.
// StartSyncExecution is not run here: the CLI sends it to `sync-<endpoint host>`, which no
// resolver knows for a local endpoint, and the CLI has no switch for botocore's
// inject_host_prefix (the SDK suite covers that call, and the README says how to configure it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTributary, type Tributary } from '../packages/server/src/index.js';
import { awsCli, detectAwsCliV2, requireClient, sleep, type AwsCli } from './support/clients.js';

const cliStatus = await detectAwsCliV2();
const cliOk = requireClient('AWS CLI (/usr/bin/aws)', cliStatus);

const ROLE = 'arn:aws:iam::000000000000:role/sfn-role';
const DEFINITION = JSON.stringify({
  StartAt: 'Greet',
  States: {
    Greet: {
      Type: 'Pass',
      Parameters: { 'greeting.$': "States.Format('hello {}', $.who)" },
      End: true,
    },
  },
});
const WAITING = JSON.stringify({
  StartAt: 'Sleep',
  States: { Sleep: { Type: 'Wait', Seconds: 3600, End: true } },
});

describe.skipIf(!cliOk)(`Step Functions with ${cliStatus.version ?? 'the AWS CLI'}`, () => {
  let tributary: Tributary;
  let aws: AwsCli;

  beforeAll(async () => {
    tributary = await startTributary({ port: 0 });
    aws = awsCli(tributary.endpoint);
  });

  afterAll(async () => {
    await tributary.stop();
  });

  async function finished(executionArn: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 100; i++) {
      const d = await aws.json([
        'stepfunctions',
        'describe-execution',
        '--execution-arn',
        executionArn,
      ]);
      if (d.status !== 'RUNNING') return d;
      await sleep(50);
    }
    throw new Error(`${executionArn} is still running`);
  }

  it('creates and describes a state machine, runs an execution and reads its history', async () => {
    const created = await aws.json<{ stateMachineArn: string; creationDate: string }>([
      'stepfunctions',
      'create-state-machine',
      '--name',
      'cli-greeter',
      '--definition',
      DEFINITION,
      '--role-arn',
      ROLE,
    ]);
    expect(created.stateMachineArn).toBe(
      'arn:aws:states:us-east-1:000000000000:stateMachine:cli-greeter',
    );
    // The CLI parsed the epoch-seconds date and prints it as ISO 8601.
    expect(created.creationDate).toMatch(/^\d{4}-\d\d-\d\dT/);
    const described = await aws.json([
      'stepfunctions',
      'describe-state-machine',
      '--state-machine-arn',
      created.stateMachineArn,
    ]);
    expect(described).toMatchObject({
      name: 'cli-greeter',
      definition: DEFINITION,
      type: 'STANDARD',
      status: 'ACTIVE',
    });

    const started = await aws.json<{ executionArn: string }>([
      'stepfunctions',
      'start-execution',
      '--state-machine-arn',
      created.stateMachineArn,
      '--name',
      'cli-run',
      '--input',
      '{"who":"cli"}',
    ]);
    expect(started.executionArn).toBe(
      'arn:aws:states:us-east-1:000000000000:execution:cli-greeter:cli-run',
    );
    expect(await finished(started.executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"greeting":"hello cli"}',
    });

    const history = await aws.json<{ events: Array<{ type: string; id: number }> }>([
      'stepfunctions',
      'get-execution-history',
      '--execution-arn',
      started.executionArn,
    ]);
    expect(history.events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    const listed = await aws.json<{ executions: Array<{ name: string; status: string }> }>([
      'stepfunctions',
      'list-executions',
      '--state-machine-arn',
      created.stateMachineArn,
    ]);
    expect(listed.executions).toMatchObject([{ name: 'cli-run', status: 'SUCCEEDED' }]);
  });

  it('stops a waiting execution and tags its machine', async () => {
    const { stateMachineArn } = await aws.json<{ stateMachineArn: string }>([
      'stepfunctions',
      'create-state-machine',
      '--name',
      'cli-sleeper',
      '--definition',
      WAITING,
      '--role-arn',
      ROLE,
      '--tags',
      'key=team,value=cli',
    ]);
    const { executionArn } = await aws.json<{ executionArn: string }>([
      'stepfunctions',
      'start-execution',
      '--state-machine-arn',
      stateMachineArn,
    ]);
    const stopped = await aws.json<{ stopDate: string }>([
      'stepfunctions',
      'stop-execution',
      '--execution-arn',
      executionArn,
      '--cause',
      'done',
    ]);
    expect(stopped.stopDate).toMatch(/^\d{4}-/);
    expect(await finished(executionArn)).toMatchObject({ status: 'ABORTED', cause: 'done' });
    expect(
      await aws.json([
        'stepfunctions',
        'list-tags-for-resource',
        '--resource-arn',
        stateMachineArn,
      ]),
    ).toEqual({ tags: [{ key: 'team', value: 'cli' }] });
  });

  it('prints AWS errors with their codes and messages', async () => {
    const invalid = await aws.error(
      ['stepfunctions', 'describe-state-machine', '--state-machine-arn', 'not_a_valid_arn'],
      { debug: true },
    );
    expect(invalid).toMatchObject({
      code: 'InvalidArn',
      message: "Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'",
      status: 400,
    });
    const missing = await aws.error([
      'stepfunctions',
      'describe-state-machine',
      '--state-machine-arn',
      'arn:aws:states:us-east-1:000000000000:stateMachine:nope',
    ]);
    expect(missing).toMatchObject({
      code: 'StateMachineDoesNotExist',
      message:
        "State Machine Does Not Exist: 'arn:aws:states:us-east-1:000000000000:stateMachine:nope'",
    });
    const badInput = await aws.error([
      'stepfunctions',
      'start-execution',
      '--state-machine-arn',
      'arn:aws:states:us-east-1:000000000000:stateMachine:cli-greeter',
      '--input',
      'not some json',
    ]);
    expect(badInput.code).toBe('InvalidExecutionInput');
  });
});
