// Step Functions interpreter in-process, no server, no storage: Tributary's @tributary/asl against
// the `aws-local-stepfunctions` npm package on the same definitions. Forked by run.mjs once per
// (engine, workload) so each measurement has a fresh heap and JIT and a core of its own; one JSON
// argument:
//   { engine: 'tributary' | 'alsf', workload: 'chain' | 'map', history: bool, warmup, seconds, mapItems }
// It runs executions back to back (each awaited before the next starts) for `warmup` seconds, then
// counts the executions that finish inside a measured window of `seconds`.
//
// Definitions (both engines get the same objects):
//   chain  ten Pass states S0 → … → S9, End on the last; input a small object (~100 bytes)
//   map    one Map state, ItemsPath $.items, inline ItemProcessor with one Pass state, over
//          `mapItems` (1,000) items {id, name}; the output is the items array
// Tributary: compileMachine once, then runExecution(machine, input, { history }) per execution
// (`history: false` keeps no history events: like-for-like with aws-local-stepfunctions, which
// keeps none; `history: true` builds every AWS history event in memory, as the server needs).
// aws-local-stepfunctions: new StateMachine(definition) once, then `await run(input).result`.
// Every execution's result is checked (status/output; with history, the number of events).
import { performance } from 'node:perf_hooks';
import { Errors, phase, runChild } from './common.mjs';

export function chainDefinition(length = 10) {
  const States = {};
  for (let i = 0; i < length; i++) States[`S${i}`] = i < length - 1 ? { Type: 'Pass', Next: `S${i + 1}` } : { Type: 'Pass', End: true };
  return { Comment: `${length}-state Pass chain`, StartAt: 'S0', States };
}

export function mapDefinition() {
  return {
    Comment: 'inline Map over $.items with one Pass state',
    StartAt: 'Fan',
    States: {
      Fan: {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Touch', States: { Touch: { Type: 'Pass', End: true } } },
        End: true,
      },
    },
  };
}

export const CHAIN_INPUT = { orderId: 'order-0001', customer: 'c-42', amount: 129.5, currency: 'EUR', lines: [1, 2, 3], rush: false };

export function mapInput(n) {
  return { items: Array.from({ length: n }, (_, i) => ({ id: i, name: `item-${i}` })) };
}

/** History events AWS writes for these definitions (Tributary with history on). */
export function expectedEvents(workload, chainLength, mapItems) {
  // chain: ExecutionStarted, Entered+Exited per state, ExecutionSucceeded.
  // map: ExecutionStarted, MapStateEntered, MapStateStarted, per item (MapIterationStarted,
  // PassStateEntered, PassStateExited, MapIterationSucceeded), MapStateSucceeded, MapStateExited,
  // ExecutionSucceeded.
  return workload === 'chain' ? 2 * chainLength + 2 : 4 * mapItems + 6;
}

async function main(cfg) {
  const { engine, workload, history = false, warmup = 1, seconds = 3, mapItems = 1000, chainLength = 10 } = cfg;
  const definition = workload === 'chain' ? chainDefinition(chainLength) : mapDefinition();
  const input = workload === 'chain' ? CHAIN_INPUT : mapInput(mapItems);
  const expectedText = JSON.stringify(workload === 'chain' ? input : input.items);
  const events = expectedEvents(workload, chainLength, mapItems);
  const errors = new Errors();

  let runOnce;
  if (engine === 'tributary') {
    const asl = await import(new URL('../packages/asl/dist/index.js', import.meta.url).href);
    const machine = asl.compileMachine(definition);
    let checked = 0;
    runOnce = async () => {
      const r = await asl.runExecution(machine, input, { history });
      if (r.status !== 'SUCCEEDED') return errors.add('failed', `${r.status}: ${r.error} ${r.cause}`);
      if (history && r.events.length !== events) errors.add('history', `${r.events.length} history events, expected ${events}`);
      // Comparing output text is cheap next to an execution; do it for every one.
      if (r.output !== expectedText && checked++ < 1_000_000) errors.add('output', `unexpected output ${String(r.output).slice(0, 200)}`);
    };
  } else if (engine === 'alsf') {
    const { StateMachine } = await import('aws-local-stepfunctions');
    const machine = new StateMachine(definition);
    runOnce = async () => {
      const out = await machine.run(input).result;
      if (JSON.stringify(out) !== expectedText) errors.add('output', `unexpected output ${JSON.stringify(out).slice(0, 200)}`);
    };
  } else {
    throw new Error(`unknown engine ${engine}`);
  }

  // One execution outside any window, so a broken engine fails fast.
  await runOnce();
  // The loop only awaits promises that settle in microtasks, so timers would not fire inside it:
  // the window's edges are checked between executions. It starts before the first execution that
  // begins after the warm-up and ends with the first execution that finishes after `seconds`.
  const warmupEnd = performance.now() + warmup * 1000;
  while (performance.now() < warmupEnd) await runOnce();
  const cpuStart = process.cpuUsage();
  phase('measure-start');
  const t0 = performance.now();
  const tEnd = t0 + seconds * 1000;
  let measured = 0;
  let now = t0;
  while (now < tEnd && errors.count <= 20) {
    await runOnce();
    measured++;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpuStart);
  phase('measure-end');
  const windowSeconds = (now - t0) / 1000;
  return {
    engine,
    workload,
    history,
    executions: measured,
    windowSeconds,
    executionsPerSecond: measured / windowSeconds,
    clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
    eventsPerExecution: history ? events : 0,
    heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20,
    ...errors.report(),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) runChild(main);
