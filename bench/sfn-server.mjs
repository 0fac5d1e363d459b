// Load-generator child for the Step Functions server scenarios (forked by run.mjs; one JSON
// argument). Raw HTTP client (bench/sfn-client.mjs), `concurrency` loops, `warmup` + `seconds`.
//
//   express   CreateStateMachine (type EXPRESS, the 10-state Pass chain of sfn-interpreter.mjs),
//             then each loop repeats StartSyncExecution with the chain's input. Counts the calls
//             answered inside the window. Every reply is checked: status SUCCEEDED, the output
//             is the input (a Pass chain returns its input), an express execution ARN of the
//             machine. Runs against the null server too (it answers with a fixed-form reply).
//   standard  CreateStateMachine (STANDARD, the same chain), then each loop repeats StartExecution
//             with a name of its own. The engine writes an execution's steps to SQLite before
//             acting on them; a Pass chain runs in its first step, so an acknowledged start has
//             its 22 history events durable (ExecutionStarted, 10 × PassStateEntered/Exited,
//             ExecutionSucceeded). Counts executions acknowledged inside the window. After the
//             window: waits until no execution is RUNNING (the time this takes, "drain", counts
//             into the rate), then checks with ListExecutions that exactly the acknowledged
//             executions exist and all SUCCEEDED, and reads a sample of histories in full
//             (GetExecutionHistory: 22 events, the expected types in order, ids 1…22, the output)
//             and DescribeExecution (SUCCEEDED, output = input).
import { performance } from 'node:perf_hooks';
import { Errors, measurementWindow, percentiles, runChild, sleep } from './common.mjs';
import { createSfnRawClient } from './sfn-client.mjs';
import { CHAIN_INPUT, chainDefinition, expectedEvents } from './sfn-interpreter.mjs';

const MAX_ERRORS_PER_LOOP = 50;
const SAMPLE_CAP = 2_000_000;
const ROLE = 'arn:aws:iam::000000000000:role/tributary-bench';
const CHAIN_LENGTH = 10;
const VERIFY_SAMPLE = 25;

/** The event types of one chain execution, in order. */
function chainEventTypes() {
  const types = ['ExecutionStarted'];
  for (let i = 0; i < CHAIN_LENGTH; i++) types.push('PassStateEntered', 'PassStateExited');
  types.push('ExecutionSucceeded');
  return types;
}

async function main(cfg) {
  const { mode, endpoint, concurrency = 8, warmup = 2, seconds = 5, runId = 'x' } = cfg;
  const client = createSfnRawClient(endpoint, { maxSockets: Math.max(16, concurrency) });
  const errors = new Errors();
  const inputText = JSON.stringify(CHAIN_INPUT);
  const machineName = `bench-${mode}-${runId}`;
  const created = await client.call('CreateStateMachine', {
    name: machineName,
    definition: JSON.stringify(chainDefinition(CHAIN_LENGTH)),
    roleArn: ROLE,
    type: mode === 'express' ? 'EXPRESS' : 'STANDARD',
  });
  const machineArn = created?.stateMachineArn;
  if (typeof machineArn !== 'string') throw new Error(`CreateStateMachine returned no stateMachineArn: ${JSON.stringify(created)}`);

  const window = measurementWindow(warmup, seconds);
  const { measureStart, measureEnd } = window;
  const callMs = [];
  let measured = 0;
  let total = 0;
  const names = []; // standard: every acknowledged execution's name (whole run)

  const expressCall = async () => {
    const out = await client.call('StartSyncExecution', { stateMachineArn: machineArn, input: inputText });
    if (out?.status !== 'SUCCEEDED') return `status ${out?.status} ${out?.error ?? ''} ${out?.cause ?? ''}`;
    if (out.output !== inputText && JSON.stringify(JSON.parse(out.output ?? 'null')) !== inputText) return `output ${String(out.output).slice(0, 200)}`;
    if (typeof out.executionArn !== 'string' || !out.executionArn.includes(':express:')) return `executionArn ${out.executionArn}`;
    return undefined;
  };
  const standardCall = async (loop, n) => {
    const name = `${runId}-${loop}-${n}`;
    const out = await client.call('StartExecution', { stateMachineArn: machineArn, name, input: inputText });
    if (typeof out?.executionArn !== 'string' || !out.executionArn.endsWith(`:${name}`)) return `executionArn ${out?.executionArn}`;
    names.push(name);
    return undefined;
  };

  async function loop(i) {
    let loopErrors = 0;
    for (let n = 0; loopErrors < MAX_ERRORS_PER_LOOP; n++) {
      const started = performance.now();
      if (started >= measureEnd) break;
      try {
        const problem = mode === 'express' ? await expressCall() : await standardCall(i, n);
        if (problem) {
          errors.add('invalid', problem);
          loopErrors++;
          continue;
        }
        total++;
        const done = performance.now();
        if (done >= measureStart && done < measureEnd) {
          measured++;
          if (started >= measureStart && callMs.length < SAMPLE_CAP) callMs.push(done - started);
        }
      } catch (err) {
        errors.fromCall(err);
        loopErrors++;
        await sleep(5);
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, (_, i) => loop(i)));
  const cpu = window.close();
  const windowSeconds = (Math.min(performance.now(), measureEnd) - measureStart) / 1000;

  let drainSeconds = 0;
  let verified;
  if (mode === 'standard') {
    // Wait until nothing runs; the chain completes in its first step, so this is normally at once.
    const drainStart = performance.now();
    for (;;) {
      const running = await client.call('ListExecutions', { stateMachineArn: machineArn, statusFilter: 'RUNNING', maxResults: 1 });
      if ((running.executions ?? []).length === 0) break;
      if (performance.now() - drainStart > 60_000) {
        errors.add('consistency', 'executions still RUNNING 60 s after the window');
        break;
      }
      await sleep(20);
    }
    drainSeconds = (performance.now() - drainStart) / 1000;
    verified = await verifyStandard(client, machineArn, names, inputText, errors);
  }
  client.close();

  const events = expectedEvents('chain', CHAIN_LENGTH, 0);
  const p = percentiles(callMs, [50, 99]);
  // Standard: if executions finished after the window, their events count over window + drain.
  const rateSeconds = mode === 'standard' && drainSeconds > 0.5 ? windowSeconds + drainSeconds : windowSeconds;
  return {
    mode,
    executions: measured,
    total,
    windowSeconds,
    drainSeconds,
    executionsPerSecond: measured / rateSeconds,
    historyEventsPerSecond: mode === 'standard' ? (measured * events) / rateSeconds : undefined,
    stateTransitionsPerSecond: mode === 'standard' ? (measured * CHAIN_LENGTH) / rateSeconds : undefined,
    eventsPerExecution: events,
    measuredMessages: measured, // run.mjs's µs-per-unit columns
    callP50Ms: p[50],
    callP99Ms: p[99],
    clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
    verified,
    ...errors.report(),
  };
}

async function verifyStandard(client, stateMachineArn, names, inputText, errors) {
  // Every acknowledged execution exists and SUCCEEDED; nothing else exists.
  const expected = new Set(names);
  let succeeded = 0;
  let others = 0;
  let nextToken;
  do {
    const page = await client.call('ListExecutions', { stateMachineArn, maxResults: 1000, ...(nextToken ? { nextToken } : {}) });
    for (const e of page.executions ?? []) {
      if (e.status === 'SUCCEEDED' && expected.has(e.name)) succeeded++;
      else others++;
    }
    nextToken = page.nextToken;
  } while (nextToken);
  if (succeeded !== expected.size || others !== 0) {
    errors.add('consistency', `ListExecutions: ${succeeded} of ${expected.size} acknowledged executions SUCCEEDED, ${others} other executions`);
  }
  // A sample read in full: first, last and evenly spread.
  const types = chainEventTypes();
  const sample = new Set([names[0], names[names.length - 1]]);
  for (let k = 1; k < VERIFY_SAMPLE - 1 && names.length > 2; k++) sample.add(names[Math.floor((k * names.length) / VERIFY_SAMPLE)]);
  let histories = 0;
  const arnPrefix = stateMachineArn.replace(':stateMachine:', ':execution:');
  for (const name of sample) {
    if (name === undefined) continue;
    const executionArn = `${arnPrefix}:${name}`;
    const d = await client.call('DescribeExecution', { executionArn });
    if (d.status !== 'SUCCEEDED' || d.output !== inputText) errors.add('invalid', `DescribeExecution ${name}: ${d.status}, output ${String(d.output).slice(0, 100)}`);
    const h = await client.call('GetExecutionHistory', { executionArn, maxResults: 1000 });
    const got = (h.events ?? []).map((e) => e.type);
    const idsOk = (h.events ?? []).every((e, i) => e.id === i + 1);
    const last = h.events?.[h.events.length - 1];
    if (got.join(',') !== types.join(',') || !idsOk || last?.executionSucceededEventDetails?.output !== inputText) {
      errors.add('invalid', `GetExecutionHistory ${name}: ${got.length} events ${got.slice(0, 4).join(',')}…`);
    }
    histories++;
  }
  return { executions: expected.size, succeeded, histories };
}

runChild(main);
