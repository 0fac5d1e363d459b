// Bounds on one evaluation, counted instead of timed so that a replayed execution fails (or not) at
// exactly the same point: the library may not read a clock, and a wall-clock timeout would make the
// outcome depend on the machine.
//
// jsonata 2.0.6 calls two hooks around every evaluation of an AST node ("__evaluate_entry" and
// "__evaluate_exit", looked up as Symbol.for('jsonata.__evaluate_entry') in the evaluation frame);
// that is where the counting happens. AWS bounds JSONata the same way and its causes carry no
// JSONata code (TestState causes measured against AWS, quoted in floci-io/floci#2737):
//   "... threw an error during evaluation: Stack overflow error: Check for non-terminating recursive
//    function. Consider rewriting as tail-recursive"  (a 200-term 1+1+...+1)
//   "... threw an error during evaluation: Expression evaluation memory limit exceeded: Check for
//    excessive memory usage"  ([1..900000] ~> $count())
// AWS also has a time bound whose message nobody recorded; the step bound below stands in for it
// with the wording of JSONata's reference timebox.

import type { RandomSource } from '../intrinsics/functions.js';

export interface JsonataLimits {
  /**
   * Deepest nesting of node evaluations (an operator over its operands, a function call over its
   * arguments and, through recursion, over the body it calls). Default 100: AWS refuses a nesting
   * depth between 95 and 125 (bisected by floci-io/floci#2697) and a 200-term sum.
   */
  readonly maxDepth: number;
  /**
   * Node evaluations per expression, the deterministic stand-in for AWS's time bound: a tail
   * recursion without a base case (which JSONata runs in constant depth) ends here. Default
   * 2,000,000, a few seconds of work; a $map over 100,000 items with a small body is well within.
   */
  readonly maxSteps: number;
  /**
   * Largest value any node may produce, estimated as 8 bytes per array item and 1 byte per string
   * character (shallow: nested arrays are counted where they are built). Default 6,990,256: AWS
   * accepts [1..873782] and refuses [1..873783], accepts a 2^22-character string and refuses 2^23
   * (floci-io/floci#2783); 873,782 × 8 satisfies both.
   */
  readonly maxValueBytes: number;
}

export const DEFAULT_JSONATA_LIMITS: JsonataLimits = Object.freeze({
  maxDepth: 100,
  maxSteps: 2_000_000,
  maxValueBytes: 6_990_256,
});

export function resolveLimits(limits: Partial<JsonataLimits> | undefined): JsonataLimits {
  if (!limits) return DEFAULT_JSONATA_LIMITS;
  return { ...DEFAULT_JSONATA_LIMITS, ...limits };
}

export const STACK_OVERFLOW_MESSAGE =
  'Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive.';
export const TIMEOUT_MESSAGE = 'Expression evaluation timeout: Check for infinite loop';
export const MEMORY_LIMIT_MESSAGE = 'Expression evaluation memory limit exceeded: Check for excessive memory usage';

/** A bound tripped; AWS reports these without a JSONata code. */
export class JsonataBoundError extends Error {
  constructor(
    readonly bound: 'depth' | 'steps' | 'memory',
    message: string,
  ) {
    super(message);
    this.name = 'JsonataBoundError';
  }
}

/** The slice of a jsonata evaluation frame the hooks use (the package types `timestamp` read-only). */
export interface EvaluationFrame {
  lookup(name: string | symbol): unknown;
  timestamp: Date | null;
}

/** Everything one evaluation carries to the hooks and to the Step Functions functions. */
export interface EvaluationContext {
  readonly budget: EvaluationBudget;
  readonly random: RandomSource;
  /** Milliseconds since the epoch that $now() and $millis() report. */
  readonly now: number;
}

/**
 * The frame binding that carries the EvaluationContext. The name contains a blank, which ends a
 * variable name in JSONata's tokenizer, so no expression can reach it as a $variable.
 */
export const CONTEXT_BINDING = 'tributary context';

export function contextOf(frame: EvaluationFrame): EvaluationContext {
  const context = frame.lookup(CONTEXT_BINDING);
  if (!context) throw new Error('JSONata expression evaluated outside evaluateJsonataExpression');
  return context as EvaluationContext;
}

export function estimatedBytes(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.length * 8;
  return 8;
}

/** One node evaluation between its entry and exit hooks. */
interface Activation {
  readonly node: object;
  readonly frame: EvaluationFrame;
  /** The synchronous run in which the node was entered. */
  readonly run: Run;
  /** A sibling started concurrently with this one, held back until this one exits. */
  successor?: { readonly activation: Activation; readonly open: () => void };
}

/** A stretch of synchronous execution; `open` turns false when it ends. */
interface Run {
  open: boolean;
}

const SETTLED: Promise<void> = Promise.resolve();

/**
 * Counts one evaluation. Depth is the true nesting of node evaluations, which needs evaluation to
 * be sequential: jsonata evaluates the items of an array constructor, and the groups of a
 * grouping expression, concurrently (Promise.all), and interleaved siblings would otherwise add
 * up as if nested (a 300-item array of arrays would look 300 deep). So concurrent siblings are
 * run one after the other. jsonata awaits every entry hook, so an evaluation never gets past its
 * entry within the synchronous run that entered it; a second node entered in that same run can
 * only have been started by the same Promise.all, and its entry hook returns a promise that
 * settles when the first one exits. The end of a run is marked by a reaction on an already
 * settled promise, queued at its first entry and so before the continuation of any node entered
 * in it.
 */
export class EvaluationBudget {
  private steps = 0;
  private started = false;
  private readonly stack: Activation[] = [];
  private lastStarted: Activation | undefined;
  private run: Run | undefined;

  constructor(
    readonly limits: JsonataLimits,
    private readonly now: number,
  ) {}

  enter(node: object, frame: EvaluationFrame): Promise<void> {
    if (!this.started) {
      // The first entry is the root node in the frame jsonata made for this call; frames created
      // from here on copy its timestamp, which $toMillis with a picture uses to fill in missing
      // date parts. jsonata set it from the real clock; the caller's time replaces it.
      this.started = true;
      frame.timestamp = new Date(this.now);
    }
    if (++this.steps > this.limits.maxSteps) throw new JsonataBoundError('steps', TIMEOUT_MESSAGE);
    if (!this.run?.open) {
      // Queued before the continuation of the node being entered (jsonata queues that when it
      // awaits what this hook returns), so the run is closed before any of them resumes.
      const run: Run = { open: true };
      this.run = run;
      void SETTLED.then(() => {
        run.open = false;
      });
    }
    const activation: Activation = { node, frame, run: this.run };
    const previous = this.lastStarted;
    this.lastStarted = activation;
    if (previous && previous.run === activation.run) {
      return new Promise<void>((open) => {
        previous.successor = { activation, open };
      });
    }
    this.stack.push(activation);
    if (this.stack.length > this.limits.maxDepth) throw new JsonataBoundError('depth', STACK_OVERFLOW_MESSAGE);
    return SETTLED;
  }

  exit(node: object, frame: EvaluationFrame, result: unknown): void {
    // Evaluation is sequential here, so the node exiting is normally the top of the stack; looking
    // further down keeps the count right should an exit ever be skipped.
    let index = this.stack.length - 1;
    while (index >= 0 && (this.stack[index]?.node !== node || this.stack[index]?.frame !== frame)) index--;
    const [activation] = index >= 0 ? this.stack.splice(index, 1) : [];
    this.checkValue(result);
    const successor = activation?.successor;
    if (successor) {
      this.stack.push(successor.activation);
      successor.open();
    }
  }

  checkValue(value: unknown): void {
    if (estimatedBytes(value) > this.limits.maxValueBytes) {
      throw new JsonataBoundError('memory', MEMORY_LIMIT_MESSAGE);
    }
  }

  /** Refuses, before building it, an array of `items` entries that checkValue would refuse. */
  reserveArray(items: number): void {
    if (items * 8 > this.limits.maxValueBytes) throw new JsonataBoundError('memory', MEMORY_LIMIT_MESSAGE);
  }
}

export function onEvaluateEntry(node: object, _input: unknown, frame: EvaluationFrame): Promise<void> {
  return contextOf(frame).budget.enter(node, frame);
}

export function onEvaluateExit(node: object, _input: unknown, frame: EvaluationFrame, result: unknown): void {
  contextOf(frame).budget.exit(node, frame, result);
}

export const ENTRY_HOOK = Symbol.for('jsonata.__evaluate_entry');
export const EXIT_HOOK = Symbol.for('jsonata.__evaluate_exit');
