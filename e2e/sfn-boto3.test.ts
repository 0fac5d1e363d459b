// End-to-end: Tributary's Step Functions driven by Debian's boto3 (python3-boto3 under
// /usr/bin/python3), which speaks AWS JSON 1.0 to the `stepfunctions` service, against a real
// server process (the built CLI).
//
// Each scenario is one Python process (e2e/boto3/sfn_scenarios.py) making many calls and printing
// what each returned as JSON; the assertions live here. botocore parses the wire's epoch-second
// timestamps into datetime objects, which the script reports as {iso, epoch, type, tz}.
//
// Two client-side details, both handled (and explained) in the script:
// - StartSyncExecution is modelled with the endpoint host prefix `sync-`, so the stock client sends
//   it to `sync-127.0.0.1:<port>`, which no resolver knows; the sync client is built with
//   botocore.config.Config(inject_host_prefix=False) so it goes to the endpoint as given.
// - ValidateStateMachineDefinition (2024) is newer than botocore 1.29's model; the script adds
//   the operation's shapes, as AWS publishes them, to the model it loads.
// Expectations marked "recorded" are AWS replies from ../shared/conformance/sfn.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  detectBoto3,
  requireClient,
  runPythonJson,
  type ClientStatus,
} from './support/clients.js';
import {
  cleanupServerProcesses,
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';

/** boto3 under /usr/bin/python3 whose botocore speaks AWS JSON 1.0 to Step Functions. */
function detectBoto3Sfn(): Promise<ClientStatus> {
  return detectBoto3('stepfunctions', 'json', 'Step Functions');
}

const status = await detectBoto3Sfn();
const ok = requireClient('boto3 (/usr/bin/python3)', status);

const SCRIPT = fileURLToPath(new URL('./boto3/sfn_scenarios.py', import.meta.url));
const PREFIX = 'arn:aws:states:us-east-1:000000000000';
const ROLE = 'arn:aws:iam::000000000000:role/sfn-role';
const machineArn = (name: string): string => `${PREFIX}:stateMachine:${name}`;
const executionArn = (machine: string, name: string): string =>
  `${PREFIX}:execution:${machine}:${name}`;

/** A datetime botocore parsed from the wire, as the script reports it. */
interface Stamp {
  iso: string;
  epoch: number;
  type: string;
  tz: boolean;
}
const aDatetime = {
  iso: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/),
  epoch: expect.any(Number),
  type: 'datetime',
  tz: true,
};

/** What sfn_scenarios.py records for a call that should fail. */
interface ErrorInfo {
  code: string | null;
  message?: string;
  status?: number;
  request_id?: string | null;
  exception?: string;
  modeled?: boolean;
  unexpected_success?: unknown;
}
interface Tag {
  key: string;
  value: string;
}
interface MachineListItem {
  stateMachineArn: string;
  name: string;
  type: string;
  creationDate: Stamp;
}
interface Execution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: string;
  startDate: Stamp;
  stopDate?: Stamp;
  input?: string;
  inputDetails?: { included: boolean };
  output?: string;
  outputDetails?: { included: boolean };
  error?: string;
  cause?: string;
}
interface HistoryEvent {
  timestamp: Stamp;
  type: string;
  id: number;
  previousEventId: number;
  [details: string]: unknown;
}
interface ValidateResult {
  result: string;
  diagnostics: { severity: string; code: string; message: string; location?: string }[];
  truncated?: boolean;
}

interface MachinesScenario {
  definition: string;
  created: { stateMachineArn: string; creationDate: Stamp };
  now: number;
  again: { stateMachineArn: string; creationDate: Stamp };
  described: Record<string, unknown> & { creationDate: Stamp };
  metadata: {
    status: number;
    request_id: string | null;
    request_id_header: string | null;
    content_type: string | null;
  };
  listed: { stateMachines: MachineListItem[]; nextToken?: string };
  paginated: string[][];
  tags: {
    initial: { tags: Tag[] };
    tag: Record<string, unknown>;
    after_tag: { tags: Tag[] };
    untag: Record<string, unknown>;
    after_untag: { tags: Tag[] };
  };
}
interface ExecutionsScenario {
  machine: string;
  before: number;
  started: { executionArn: string; startDate: Stamp };
  described: Execution;
  was_running: boolean;
  history: {
    types: string[];
    ids: number[];
    previous: number[];
    timestamp_types: string[];
    timestamps_aware: boolean;
    timestamps_ordered: boolean;
    first: HistoryEvent;
    last: HistoryEvent;
    wait_entered: HistoryEvent;
    map_started: HistoryEvent | null;
    iterations: [string, { name: string; index: number }][];
    map_exited: HistoryEvent | null;
    next_token: string | null;
  };
  reversed: number[];
  paged_history: number[][];
  skipped: Execution;
  listed: { executions: Execution[]; nextToken?: string };
  listed_succeeded: { executions: Execution[]; nextToken?: string };
  listed_running: { executions: Execution[] };
  paged_executions: string[][];
  for_execution: Record<string, unknown>;
}
interface StopScenario {
  running_status: string;
  listed_running: string[];
  execution_arn: string;
  stopped: { stopDate: Stamp };
  described: Execution;
  last_event: HistoryEvent;
}
interface ValidateScenario {
  has_method_natively: boolean;
  ok: ValidateResult;
  ok_express: ValidateResult;
  empty_object: ValidateResult;
  not_json: ValidateResult;
  bad_next: ValidateResult;
  express_wait_for_token: ValidateResult;
  standard_wait_for_token: ValidateResult;
}
type ErrorsScenario = Record<string, ErrorInfo> & {
  machine: string;
  missing_arn: string;
  execution_arn: string;
  same_input: { executionArn: string; startDate: Stamp };
};
interface SyncScenario {
  machine: string;
  described: Record<string, unknown>;
  before: number;
  sync: Execution & { billingDetails?: Record<string, number> };
  start_and_stop_are_datetimes: boolean;
  failed: Execution & { billingDetails?: Record<string, number> };
  default_url: string | null;
  sync_list_executions: ErrorInfo;
}

describe.skipIf(!ok)(`Step Functions through boto3 (${status.version ?? 'unavailable'})`, () => {
  let server: ServerProcess;
  const scenario = <T>(name: string): Promise<T> =>
    runPythonJson<T>(SCRIPT, [name, server.endpoint]);

  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await cleanupServerProcesses();
  });

  describe('state machines', () => {
    let r: MachinesScenario;
    beforeAll(async () => {
      r = await scenario<MachinesScenario>('machines');
    });

    it('creates a Pass/Choice/Wait/Map state machine, with creationDate parsed as a datetime, and creates it again identically as a no-op', () => {
      expect(r.created).toEqual({
        stateMachineArn: machineArn('py-flow'),
        creationDate: aDatetime,
      });
      expect(Math.abs(r.created.creationDate.epoch - r.now)).toBeLessThan(60);
      expect(r.again).toEqual(r.created);
    });

    it('describes it with describe_state_machine', () => {
      // Exactly the members botocore 1.29's model knows (it drops newer ones, such as
      // encryptionConfiguration, when parsing).
      expect(r.described).toEqual({
        stateMachineArn: machineArn('py-flow'),
        name: 'py-flow',
        status: 'ACTIVE',
        definition: r.definition,
        roleArn: ROLE,
        type: 'STANDARD',
        creationDate: r.created.creationDate,
        loggingConfiguration: { level: 'OFF', includeExecutionData: false },
        tracingConfiguration: { enabled: false },
      });
    });

    it('answers with HTTP 200, application/x-amz-json-1.0 and an x-amzn-requestid that botocore reports as the RequestId', () => {
      expect(r.metadata).toEqual({
        status: 200,
        request_id: expect.stringMatching(/\S/),
        request_id_header: expect.stringMatching(/\S/),
        content_type: 'application/x-amz-json-1.0',
      });
      expect(r.metadata.request_id).toBe(r.metadata.request_id_header);
    });

    it('lists state machines with list_state_machines and pages them with its paginator', () => {
      const mine = r.listed.stateMachines.filter((m) => m.name.startsWith('py-'));
      expect(mine).toEqual([
        {
          stateMachineArn: machineArn('py-flow'),
          name: 'py-flow',
          type: 'STANDARD',
          creationDate: aDatetime,
        },
        {
          stateMachineArn: machineArn('py-other'),
          name: 'py-other',
          type: 'STANDARD',
          creationDate: aDatetime,
        },
      ]);
      expect(r.listed.nextToken).toBeUndefined();
      for (const page of r.paginated) expect(page.length).toBeLessThanOrEqual(1);
      expect(r.paginated.flat().filter((n) => n.startsWith('py-'))).toEqual([
        'py-flow',
        'py-other',
      ]);
    });

    it('tags with tag_resource (overwriting a key), untags with untag_resource, and lists with list_tags_for_resource', () => {
      expect(r.tags.initial.tags).toEqual([{ key: 'team', value: 'py' }]);
      expect(r.tags.tag).toEqual({});
      expect(r.tags.after_tag.tags).toEqual([
        { key: 'team', value: 'platform' },
        { key: 'env', value: 'test' },
      ]);
      expect(r.tags.untag).toEqual({});
      expect(r.tags.after_untag.tags).toEqual([{ key: 'env', value: 'test' }]);
    });
  });

  describe('standard executions', () => {
    let r: ExecutionsScenario;
    beforeAll(async () => {
      r = await scenario<ExecutionsScenario>('executions');
    });

    it('starts an execution with start_execution and polls describe_execution from RUNNING to SUCCEEDED', () => {
      const arn = executionArn('py-run', 'py-run-1');
      expect(r.started).toEqual({ executionArn: arn, startDate: aDatetime });
      expect(r.started.startDate.epoch).toBeGreaterThanOrEqual(r.before - 1);
      expect(r.was_running).toBe(true);
      expect(r.described).toEqual({
        executionArn: arn,
        stateMachineArn: r.machine,
        name: 'py-run-1',
        status: 'SUCCEEDED',
        startDate: r.started.startDate,
        stopDate: aDatetime,
        input: '{"mode": "double", "items": [1, 2, 3]}',
        inputDetails: { included: true },
        output: '{"items":[1,2,3],"mode":"double","doubled":[{"n":2},{"n":4},{"n":6}]}',
        outputDetails: { included: true },
      });
      // The one-second Wait.
      expect(r.described.stopDate!.epoch - r.described.startDate.epoch).toBeGreaterThanOrEqual(
        0.99,
      );
    });

    it('returns the history with get_execution_history: every event type in order, with AWS previousEventIds', () => {
      const iteration = [
        'MapIterationStarted',
        'PassStateEntered',
        'PassStateExited',
        'MapIterationSucceeded',
      ];
      expect(r.history.types).toEqual([
        'ExecutionStarted',
        'PassStateEntered',
        'PassStateExited',
        'ChoiceStateEntered',
        'ChoiceStateExited',
        'WaitStateEntered',
        'WaitStateExited',
        'MapStateEntered',
        'MapStateStarted',
        ...iteration,
        ...iteration,
        ...iteration,
        'MapStateSucceeded',
        'MapStateExited',
        'ExecutionSucceeded',
      ]);
      expect(r.history.ids).toEqual(r.history.types.map((_, i) => i + 1));
      // As AWS records for an inline Map run one item at a time: the first state's entry and the
      // next iteration's start point back past the previous one.
      expect(r.history.previous).toEqual([
        0, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 14, 15, 16, 16, 18, 19, 20, 21, 21, 23,
      ]);
      expect(r.history.next_token).toBeNull();
    });

    it('returns event timestamps that botocore parses into timezone-aware datetimes, in order', () => {
      expect(r.history.timestamp_types).toEqual(['datetime']);
      expect(r.history.timestamps_aware).toBe(true);
      expect(r.history.timestamps_ordered).toBe(true);
      expect(r.history.first.timestamp).toEqual(r.started.startDate);
      expect(r.history.last.timestamp).toEqual(r.described.stopDate);
    });

    it('fills in the event details of each state type', () => {
      expect(r.history.first).toEqual({
        timestamp: aDatetime,
        type: 'ExecutionStarted',
        id: 1,
        previousEventId: 0,
        executionStartedEventDetails: {
          input: '{"mode": "double", "items": [1, 2, 3]}',
          inputDetails: { truncated: false },
          roleArn: ROLE,
        },
      });
      expect(r.history.wait_entered).toMatchObject({
        type: 'WaitStateEntered',
        stateEnteredEventDetails: {
          name: 'Pause',
          input: '{"items":[1,2,3],"mode":"double"}',
          inputDetails: { truncated: false },
        },
      });
      expect(r.history.map_started).toMatchObject({
        type: 'MapStateStarted',
        mapStateStartedEventDetails: { length: 3 },
      });
      expect(r.history.iterations).toEqual(
        [0, 1, 2].flatMap((index) => [
          ['MapIterationStarted', { name: 'Each', index }],
          ['MapIterationSucceeded', { name: 'Each', index }],
        ]),
      );
      expect(r.history.map_exited).toMatchObject({
        stateExitedEventDetails: {
          name: 'Each',
          output: r.described.output,
          outputDetails: { truncated: false },
        },
      });
      expect(r.history.last).toMatchObject({
        type: 'ExecutionSucceeded',
        executionSucceededEventDetails: {
          output: r.described.output,
          outputDetails: { truncated: false },
        },
      });
    });

    it('pages the history in reverse and with the get_execution_history paginator', () => {
      expect(r.reversed).toEqual([24, 23, 22]);
      expect(r.paged_history.map((p) => p.length)).toEqual([5, 5, 5, 5, 4]);
      expect(r.paged_history.flat()).toEqual(r.history.ids);
    });

    it("takes the Choice state's Default branch for another mode", () => {
      expect(r.skipped).toMatchObject({
        name: 'py-run-2',
        status: 'SUCCEEDED',
        output: '"skipped"',
      });
    });

    it('lists executions newest first with list_executions, by status, and page by page', () => {
      expect(r.listed.executions).toEqual([
        {
          executionArn: executionArn('py-run', 'py-run-2'),
          stateMachineArn: r.machine,
          name: 'py-run-2',
          status: 'SUCCEEDED',
          startDate: r.skipped.startDate,
          stopDate: r.skipped.stopDate,
        },
        {
          executionArn: executionArn('py-run', 'py-run-1'),
          stateMachineArn: r.machine,
          name: 'py-run-1',
          status: 'SUCCEEDED',
          startDate: r.described.startDate,
          stopDate: r.described.stopDate,
        },
      ]);
      expect(r.listed.nextToken).toBeUndefined();
      expect(r.listed_succeeded.executions.map((e) => e.name)).toEqual(['py-run-2']);
      expect(r.listed_succeeded.nextToken).toEqual(expect.any(String));
      expect(r.listed_running.executions).toEqual([]);
      expect(r.paged_executions).toEqual([['py-run-2'], ['py-run-1']]);
    });

    it('describes the machine an execution ran with describe_state_machine_for_execution', () => {
      expect(r.for_execution).toMatchObject({
        stateMachineArn: r.machine,
        name: 'py-run',
        roleArn: ROLE,
        updateDate: aDatetime,
      });
      expect(JSON.parse(r.for_execution.definition as string)).toMatchObject({
        StartAt: 'Prepare',
      });
    });
  });

  describe('stop_execution', () => {
    let r: StopScenario;
    beforeAll(async () => {
      r = await scenario<StopScenario>('stop');
    });

    it('stops an execution in a one-hour Wait: ABORTED with the error and cause given', () => {
      expect(r.running_status).toBe('RUNNING');
      expect(r.listed_running).toEqual([r.execution_arn]);
      expect(r.stopped).toEqual({ stopDate: aDatetime });
      expect(r.described).toEqual({
        executionArn: executionArn('py-sleeper', 'py-sleep'),
        stateMachineArn: machineArn('py-sleeper'),
        name: 'py-sleep',
        status: 'ABORTED',
        startDate: aDatetime,
        stopDate: r.stopped.stopDate,
        input: '{}',
        inputDetails: { included: true },
        error: 'Halt',
        cause: 'test over',
      });
    });

    it('ends the history with ExecutionAborted (previousEventId 0, as recorded)', () => {
      expect(r.last_event).toEqual({
        timestamp: r.stopped.stopDate,
        type: 'ExecutionAborted',
        id: 3,
        previousEventId: 0,
        executionAbortedEventDetails: { error: 'Halt', cause: 'test over' },
      });
    });
  });

  describe('validate_state_machine_definition', () => {
    let r: ValidateScenario;
    beforeAll(async () => {
      r = await scenario<ValidateScenario>('validate');
    });

    it('reports OK with no diagnostics for a valid definition, Standard or Express', () => {
      expect(r.ok).toEqual({ result: 'OK', diagnostics: [], truncated: false });
      expect(r.ok_express).toEqual({ result: 'OK', diagnostics: [], truncated: false });
    });

    it('reports FAIL with the diagnostics AWS gives for a definition missing its fields, and for one that is not JSON (recorded)', () => {
      expect(r.empty_object).toEqual({
        result: 'FAIL',
        diagnostics: [
          {
            severity: 'ERROR',
            code: 'SCHEMA_VALIDATION_FAILED',
            message: 'These fields are required: [States, StartAt]',
            location: '/',
          },
        ],
        truncated: false,
      });
      expect(r.not_json).toEqual({
        result: 'FAIL',
        diagnostics: [
          {
            severity: 'ERROR',
            code: 'INVALID_JSON_DESCRIPTION',
            message:
              "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"not a definition\"; line: 1, column: 4]",
            location: '[Source: (String)"not a definition"; line: 1, column: 4]',
          },
        ],
        truncated: false,
      });
    });

    it('reports a Next that names no state as MISSING_TRANSITION_TARGET at its location', () => {
      expect(r.bad_next.result).toBe('FAIL');
      expect(r.bad_next.diagnostics).toContainEqual({
        severity: 'ERROR',
        code: 'MISSING_TRANSITION_TARGET',
        message: "Missing 'Next' target: Nowhere",
        location: '/States/A/Next',
      });
    });

    it('checks a definition against the machine type: .waitForTaskToken fails for Express only (recorded)', () => {
      expect(r.express_wait_for_token).toEqual({
        result: 'FAIL',
        diagnostics: [
          {
            severity: 'ERROR',
            code: 'SCHEMA_VALIDATION_FAILED',
            message:
              "Express state machine does not support '.waitForTaskToken' service integration ",
            location: '/States/SendMessageWithWait/Resource',
          },
        ],
        truncated: false,
      });
      expect(r.standard_wait_for_token).toEqual({
        result: 'OK',
        diagnostics: [],
        truncated: false,
      });
    });
  });

  describe('errors', () => {
    let r: ErrorsScenario;
    beforeAll(async () => {
      r = await scenario<ErrorsScenario>('errors');
    });

    /** A ClientError boto3 raised as the modeled exception class for `code`, with HTTP 400. */
    const modeled = (code: string, message: string | ReturnType<typeof expect.stringMatching>) => ({
      code,
      message,
      status: 400,
      request_id: expect.stringMatching(/\S/),
      exception: code,
      modeled: true,
    });

    it('raises StateMachineDoesNotExist for an unknown state machine', () => {
      const message = `State Machine Does Not Exist: '${r.missing_arn}'`;
      expect(r.describe_missing).toEqual(modeled('StateMachineDoesNotExist', message));
      expect(r.start_missing).toEqual(modeled('StateMachineDoesNotExist', message));
    });

    it('returns the running execution again for the same name and input, and raises ExecutionAlreadyExists for a different input', () => {
      expect(r.same_input).toEqual({ executionArn: r.execution_arn, startDate: aDatetime });
      expect(r.different_input).toEqual(
        modeled('ExecutionAlreadyExists', `Execution Already Exists: '${r.execution_arn}'`),
      );
    });

    it('raises InvalidDefinition for a definition that fails the schema or is not JSON', () => {
      expect(r.invalid_definition).toEqual(
        modeled(
          'InvalidDefinition',
          "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'",
        ),
      );
      expect(r.definition_not_json).toEqual(
        modeled(
          'InvalidDefinition',
          expect.stringMatching(/^Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: /),
        ),
      );
    });

    it('raises the other AWS codes with their AWS wording', () => {
      expect(r.invalid_arn).toEqual(
        modeled('InvalidArn', "Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'"),
      );
      const missingExecution = executionArn('py-errors', 'nope');
      expect(r.execution_missing).toEqual(
        modeled('ExecutionDoesNotExist', `Execution Does Not Exist: '${missingExecution}'`),
      );
      expect(r.invalid_input).toEqual(
        modeled(
          'InvalidExecutionInput',
          "Invalid State Machine Execution Input: 'Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')'",
        ),
      );
      expect(r.invalid_name).toEqual(modeled('InvalidName', "Invalid Name: 'bad name'"));
      expect(r.machine_exists).toEqual(
        modeled('StateMachineAlreadyExists', `State Machine Already Exists: '${r.machine}'`),
      );
      expect(r.validation).toEqual(
        modeled(
          'ValidationException',
          "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
        ),
      );
    });

    it('raises StateMachineTypeNotSupported for start_sync_execution on a Standard machine', () => {
      expect(r.sync_on_standard).toEqual(
        modeled(
          'StateMachineTypeNotSupported',
          'This operation is not supported by this type of state machine',
        ),
      );
    });
  });

  describe('start_sync_execution (Express)', () => {
    let r: SyncScenario;
    beforeAll(async () => {
      r = await scenario<SyncScenario>('sync');
    });

    it('would be sent by a stock client to the sync- prefixed host, which is why the script uses inject_host_prefix=False', () => {
      expect(r.default_url).toBe(`http://sync-127.0.0.1:${server.port}/`);
    });

    it('runs an Express execution synchronously and returns status, output, billingDetails and datetimes', () => {
      expect(r.described).toMatchObject({ type: 'EXPRESS', status: 'ACTIVE' });
      expect(r.sync).toEqual({
        executionArn: expect.stringMatching(
          new RegExp(`^${PREFIX}:express:py-express:py-sync:[0-9a-f-]{36}$`),
        ),
        stateMachineArn: r.machine,
        name: 'py-sync',
        startDate: aDatetime,
        stopDate: aDatetime,
        status: 'SUCCEEDED',
        input: '{"who":"boto3"}',
        inputDetails: { included: true },
        output: '{"greeting":"hello boto3"}',
        outputDetails: { included: true },
        billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 },
      });
      expect(r.start_and_stop_are_datetimes).toBe(true);
      expect(r.sync.startDate.epoch).toBeGreaterThanOrEqual(r.before - 1);
      expect(r.sync.stopDate!.epoch).toBeGreaterThanOrEqual(r.sync.startDate.epoch);
    });

    it('reports a failed Express execution in a successful reply, with error and cause and no output (recorded)', () => {
      expect(r.failed).toEqual({
        executionArn: expect.stringMatching(
          new RegExp(`^${PREFIX}:express:py-express-fail:[0-9a-f-]{36}:[0-9a-f-]{36}$`),
        ),
        stateMachineArn: machineArn('py-express-fail'),
        name: expect.stringMatching(/^[0-9a-f-]{36}$/),
        startDate: aDatetime,
        stopDate: aDatetime,
        status: 'FAILED',
        error: 'SomeFailure',
        cause: 'because',
        input: '{}',
        inputDetails: { included: true },
        outputDetails: { included: true },
        billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 },
      });
      expect(r.failed.executionArn.split(':')[7]).toBe(r.failed.name);
    });

    it('refuses list_executions on an Express machine with StateMachineTypeNotSupported', () => {
      expect(r.sync_list_executions).toMatchObject({
        code: 'StateMachineTypeNotSupported',
        message: 'This operation is not supported by this type of state machine',
        status: 400,
        modeled: true,
      });
    });
  });
});
