// The Step Functions conformance comparer: does what our engine produced for one case of
// ../shared/conformance/sfn/cases.jsonl match what AWS recorded?
//
// The expectations were stored by LocalStack's snapshot library, which rewrote the AWS responses
// before saving them (see the corpus README, "How a comparer must treat the expectations"). Every
// rule below undoes or tolerates one of those rewrites, and nothing else. The rules, in order:
//
//   R1  Snapshot normalisation (caveat 1). Our actual value gets the same treatment the recording
//       got: every string field value that starts with "{" and parses as JSON becomes the parsed
//       value (history `input`/`output`/`cause`, a Describe `output`, ...) — once, not inside the
//       parsed value (nested JSON text stays text, as the expectations show; see snapshotNormalise).
//       Strings that start with "[", numbers and quoted strings stay JSON *text* and are compared
//       as text, byte for byte (so "[1, 2]" ≠ "[1,2]": AWS keeps the input's own formatting).
//   R2  Replacements (caveat 2, way a). The case's `replacements` (regex → placeholder, in order) are
//       applied to the JSON text of our normalised value, as the recording run did: our
//       `us-east-1` becomes `<region>`, `arn:aws:` becomes `arn:<partition>:`, the role ARN
//       `arn:aws:iam::111111111111:role/test-sfn-role` becomes `snf_role_arn`, ...
//   R3  Placeholders (caveat 2, way b; caveat 3). In an expected string every `<name>` is a
//       wildcard for one or more characters; the first match binds it, and the same placeholder
//       must then stand for the same text everywhere in the case (one binding table per case,
//       across status, output, history and response). `date`, `timestamp`, `datetime`,
//       `<datetime>` and `<timestamp:...>` accept any value; the word `date` inside a longer string
//       also matches an ISO-8601 date-time (the recording replaced those inside strings too, e.g.
//       an assigned variable's JSON text "\"2024-11-06T09:42:03Z\"" was stored as "\"date\"").
//   R4  JSONPath transformers with plain-word replacements (e.g. `$..StartTime` → "start-time",
//       `$..FunctionResult` → "RandomNumberGenerated"): where the path matches and the expected
//       value is exactly that word, anything is accepted.
//   R5  The `generic` transformer of test_reference_in_map_state (`_convert_output_to_json`) parsed
//       `output` strings: where the expected `output` is not a string, our string is parsed first.
//   R5b Transformers the corpus extractor could not capture (they were built from values only the
//       real run had): listed in CORPUS_GAPS below, each applied like R4 to its cases.
//   R6  ResponseMetadata was reduced to {HTTPHeaders: {}, HTTPStatusCode} (caveat 5): only the
//       status code is compared.
//   R7  `localstack_skip_verify_paths` (caveat 7) are not compared — leniently, as LocalStack does.
//       Every time a skipped path actually hid a difference it is recorded (`skipsUsed`), so the
//       runner can report how many passes relied on skipping.
//   R8  Parallel branches (caveat 4): with SfnNoneRecursiveParallelTransformer the recording zeroed
//       `id`/`previousEventId` of the events inside a Parallel (id became [0]), sorted them, and
//       dropped some Parallel bookkeeping events (ParallelStateSucceeded, and inner
//       ParallelStateExited of nested Parallels). The numbered ("anchored") expected events are
//       matched by id against ours, in full; the zeroed ones between two anchors are matched as a
//       multiset (ignoring id/previousEventId) against our events with ids between those anchors;
//       our events left over there must be Parallel* events.
//   R9  Map with MaxConcurrency ≠ 1 (caveat 9; inline Maps only, and MaxConcurrencyPath or a JSONata
//       MaxConcurrency count as ≠ 1): the events between the Map's MapStateStarted and its
//       MapStateSucceeded/Failed/Aborted are compared as a multiset, ignoring id/previousEventId;
//       everything outside is compared in order.
//   T1  Tolerance for an AWS behaviour change, recorded in `tolerancesUsed`: a distributed Map's
//       MapStateExited.previousEventId points at MapRunSucceeded in recordings made up to 2024-08
//       and at MapRunStarted from 2024-11 on. Either is accepted when both sides point at one of
//       the two.
//
// Everything else must be equal: same object keys (extra or missing keys are differences), same
// array lengths and order, same numbers, booleans and nulls, same strings.

/** @typedef {(string|number)[]} Path */

/**
 * R5b: transformers a test added at run time from a value of the real response, so the extractor
 * never saw them. Keyed by the end of the case id; `shape` (optional) is what the value must look
 * like instead of the word.
 * @type {{ idEndsWith: string, jsonpath: string, replacement: string, shape?: RegExp, why: string }[]}
 */
export const CORPUS_GAPS = [
  {
    idEndsWith: 'test_unique_id_generation.py::TestUniqueIdGeneration::test_uuid#exec_hist_resp',
    jsonpath: '$..FunctionResult',
    replacement: 'generated-uuid',
    shape: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    why: 'the test registered a RegexTransformer(<the generated UUID>, "generated-uuid") after the run',
  },
];
/** @typedef {{ check: string, path: string, expected: unknown, actual: unknown, message: string }} Difference */
/** @typedef {{ path: string, pattern: string }} SkipUse */
/** @typedef {{ rule: string, path: string, detail?: string }} ToleranceUse */

export const WILDCARD_LITERALS = new Set(['date', 'timestamp', 'datetime', '<datetime>']);
const PLACEHOLDER_SOURCE = '<[A-Za-z_][A-Za-z0-9_:\\-. ]*>';
/** What the recording's ISO-8601 transformer replaced by `date`. */
const ISO_DATE_TIME =
  '\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?';

/** Does this expected string contain a `<placeholder>`? */
export function hasPlaceholder(s) {
  return new RegExp(PLACEHOLDER_SOURCE).test(s);
}

// ---------------------------------------------------------------------------------------------
// R1, R2: normalising our actual values

/**
 * R1, as the snapshot library really did it: it walked the recorded response (objects, and objects
 * inside arrays) and replaced each string *field value* that starts with "{" and parses as JSON by
 * the parsed value — once: it did not look inside the parsed value, nor at strings that are array
 * items. (So a payload's nested JSON text, e.g. the result of States.JsonToString inside an output,
 * stays a string in the expectations; the corpus README and compare.py recurse, which is wrong.)
 * A string passed on its own is treated as a field value.
 */
export function snapshotNormalise(value) {
  return typeof value === 'string' ? parseBraceString(value) : normaliseStructure(value);
}

function parseBraceString(s) {
  if (!s.startsWith('{')) return s;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

function normaliseStructure(value) {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? v : normaliseStructure(v)));
  if (value !== null && typeof value === 'object') {
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined)
        out[k] = typeof v === 'string' ? parseBraceString(v) : normaliseStructure(v);
    }
    return out;
  }
  return value;
}

const regexCache = new Map();
function compileReplacement(pattern) {
  if (!regexCache.has(pattern)) {
    let rx = null;
    try {
      rx = new RegExp(pattern, 'g');
    } catch {
      rx = null; // not a regex JavaScript understands: replaced literally
    }
    regexCache.set(pattern, rx);
  }
  return regexCache.get(pattern);
}

/**
 * R2: applies `[pattern, placeholder]` pairs, in order, to the JSON text of `value` (as the
 * recording run did) and parses the result. If a replacement would break the JSON, the value is
 * returned with the replacements that kept it valid.
 */
export function applyReplacements(value, replacements = []) {
  if (value === undefined || replacements.length === 0) return value;
  let text = JSON.stringify(value);
  for (const [pattern, repl] of replacements) {
    const rx = compileReplacement(pattern);
    const next = rx ? text.replace(rx, () => repl) : text.split(pattern).join(repl);
    if (next === text) continue;
    try {
      JSON.parse(next);
      text = next;
    } catch {
      // keep the previous text
    }
  }
  return JSON.parse(text);
}

/** R1 then R2. */
export function normaliseActual(value, replacements) {
  return applyReplacements(snapshotNormalise(value), replacements);
}

// ---------------------------------------------------------------------------------------------
// Paths: JSONPath subset used by skip paths and jsonpath transformers

/**
 * Parses `$..a.b[3]..c` into tokens {deep, key} where key is a name, an index or '*'.
 * @returns {{ deep: boolean, key: string|number }[]}
 */
export function parseJsonPath(expr) {
  if (!expr.startsWith('$')) throw new Error(`not a JSONPath: ${expr}`);
  const tokens = [];
  let i = 1;
  while (i < expr.length) {
    let deep = false;
    if (expr.startsWith('..', i)) {
      deep = true;
      i += 2;
    } else if (expr[i] === '.') {
      i += 1;
    }
    if (expr[i] === '[') {
      const end = expr.indexOf(']', i);
      if (end < 0) throw new Error(`unclosed [ in ${expr}`);
      const inner = expr.slice(i + 1, end).trim();
      let key;
      if (inner === '*') key = '*';
      else if (/^-?\d+$/.test(inner)) key = Number(inner);
      else key = inner.replace(/^['"]|['"]$/g, '');
      tokens.push({ deep, key });
      i = end + 1;
    } else {
      const m = /^[^.[]+/.exec(expr.slice(i));
      if (!m) throw new Error(`bad JSONPath ${expr} at ${i}`);
      tokens.push({ deep, key: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

/** Does the concrete path (keys and indices from the root) match the parsed JSONPath exactly? */
export function pathMatches(tokens, path, ti = 0, pi = 0) {
  if (ti === tokens.length) return pi === path.length;
  const { deep, key } = tokens[ti];
  const fits = (seg) => key === '*' || seg === key;
  if (!deep) return pi < path.length && fits(path[pi]) && pathMatches(tokens, path, ti + 1, pi + 1);
  for (let k = pi; k < path.length; k++) {
    if (fits(path[k]) && pathMatches(tokens, path, ti + 1, k + 1)) return true;
  }
  return false;
}

/** `$.a.b[3]` for display. */
export function formatPath(path) {
  let s = '$';
  for (const seg of path)
    s +=
      typeof seg === 'number'
        ? `[${seg}]`
        : /^[A-Za-z_$][\w$]*$/.test(seg)
          ? `.${seg}`
          : `[${JSON.stringify(seg)}]`;
  return s;
}

// ---------------------------------------------------------------------------------------------
// The value matcher (R3–R7)

function escapeRegex(s) {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Keys in comparison order: an event's type, id and link first, so the first difference reads well. */
const FIRST_KEYS = ['type', 'id', 'previousEventId', 'status', 'name'];
function orderedKeys(obj) {
  const keys = Object.keys(obj);
  return [
    ...FIRST_KEYS.filter((k) => keys.includes(k)),
    ...keys.filter((k) => !FIRST_KEYS.includes(k)),
  ];
}

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function typeName(v) {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

export class Matcher {
  /**
   * @param {object} [options]
   * @param {string[]} [options.skipPaths]  R7
   * @param {{ jsonpath: string, replacement: string, shape?: RegExp }[]} [options.wildcardPaths]  R4, R5b
   * @param {boolean} [options.parseOutputStrings]  R5
   * @param {Map<string, string>} [options.bindings]  R3, shared across the case
   */
  constructor(options = {}) {
    this.skip = (options.skipPaths ?? []).flatMap((p) => {
      try {
        return [{ pattern: p, tokens: parseJsonPath(p) }];
      } catch {
        return [];
      }
    });
    this.wildcards = (options.wildcardPaths ?? []).flatMap((w) => {
      try {
        return [{ ...w, tokens: parseJsonPath(w.jsonpath) }];
      } catch {
        return [];
      }
    });
    this.parseOutputStrings = options.parseOutputStrings ?? false;
    /** @type {Map<string, string>} */
    this.bindings = options.bindings ?? new Map();
    /** @type {SkipUse[]} */
    this.skipsUsed = [];
    /** @type {ToleranceUse[]} */
    this.tolerancesUsed = [];
  }

  /** A matcher sharing the configuration but with its own copy of the bindings and records. */
  fork() {
    const m = Object.create(Matcher.prototype);
    m.skip = this.skip;
    m.wildcards = this.wildcards;
    m.parseOutputStrings = this.parseOutputStrings;
    m.bindings = new Map(this.bindings);
    m.skipsUsed = [];
    m.tolerancesUsed = [];
    return m;
  }

  /** Takes over the bindings and records of a fork that succeeded. */
  adopt(fork) {
    this.bindings = fork.bindings;
    this.skipsUsed.push(...fork.skipsUsed);
    this.tolerancesUsed.push(...fork.tolerancesUsed);
  }

  skipPatternFor(path) {
    for (const s of this.skip) if (pathMatches(s.tokens, path)) return s.pattern;
    return undefined;
  }

  /**
   * Compares `expected` (as recorded) with `actual` (already normalised with R1/R2).
   * @param {Path} path  where we are, from the snapshot root (used by R4/R7 and for messages)
   * @returns {Omit<Difference, 'check'> | null}
   */
  match(expected, actual, path = []) {
    const skipped = this.skipPatternFor(path);
    if (skipped !== undefined) {
      // R7: not compared; remember whether it mattered.
      const probe = this.fork();
      probe.skip = [];
      if (probe.matchValue(expected, actual, path) !== null)
        this.skipsUsed.push({ path: formatPath(path), pattern: skipped });
      return null;
    }
    return this.matchValue(expected, actual, path);
  }

  matchValue(expected, actual, path) {
    // R4, R5b: a plain-word JSONPath replacement accepts anything (of the right shape) at its path.
    if (typeof expected === 'string' && actual !== undefined) {
      for (const w of this.wildcards) {
        if (
          expected === w.replacement &&
          pathMatches(w.tokens, path) &&
          (!w.shape || (typeof actual === 'string' && w.shape.test(actual)))
        )
          return null;
      }
    }
    // R5: parse our output string where the recording parsed it.
    if (
      this.parseOutputStrings &&
      path[path.length - 1] === 'output' &&
      typeof actual === 'string' &&
      typeof expected !== 'string'
    ) {
      try {
        actual = JSON.parse(actual);
      } catch {
        // compare as is
      }
    }
    if (typeof expected === 'string') {
      if (this.matchString(expected, actual)) return null;
      return this.diff(
        path,
        expected,
        actual,
        typeof actual === 'string'
          ? 'strings differ'
          : `expected a string, got ${typeName(actual)}`,
      );
    }
    if (expected === null || typeof expected !== 'object') {
      if (expected === actual) return null;
      return this.diff(
        path,
        expected,
        actual,
        typeName(expected) === typeName(actual)
          ? 'values differ'
          : `expected ${typeName(expected)}, got ${typeName(actual)}`,
      );
    }
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual))
        return this.diff(path, expected, actual, `expected array, got ${typeName(actual)}`);
      const n = Math.min(expected.length, actual.length);
      for (let i = 0; i < n; i++) {
        const d = this.match(expected[i], actual[i], [...path, i]);
        if (d) return d;
      }
      if (expected.length !== actual.length) {
        return this.diff(
          path,
          expected,
          actual,
          `array length ${expected.length} expected, got ${actual.length}`,
        );
      }
      return null;
    }
    if (!isPlainObject(actual))
      return this.diff(path, expected, actual, `expected object, got ${typeName(actual)}`);
    // R6
    if (path[path.length - 1] === 'ResponseMetadata') {
      return this.match(expected.HTTPStatusCode, actual.HTTPStatusCode, [
        ...path,
        'HTTPStatusCode',
      ]);
    }
    for (const key of orderedKeys(expected)) {
      const d = this.match(expected[key], actual[key], [...path, key]);
      if (d) return d;
    }
    for (const key of Object.keys(actual)) {
      if (key in expected || actual[key] === undefined) continue;
      const d = this.match(undefined, actual[key], [...path, key]);
      if (d) return d;
    }
    return null;
  }

  diff(path, expected, actual, message) {
    if (expected === undefined) message = 'unexpected key';
    else if (actual === undefined) message = 'missing';
    return { path: formatPath(path), expected, actual, message };
  }

  /** R3 for one string. Binds new placeholders on success. */
  matchString(expected, actual) {
    if (actual === undefined) return false;
    if (WILDCARD_LITERALS.has(expected) || expected.startsWith('<timestamp:')) return true;
    if (expected === actual) return true;
    const text = typeof actual === 'string' ? actual : JSON.stringify(actual);
    const names = [];
    let source = '^';
    let pos = 0;
    let special = false;
    const rx = new RegExp(`${PLACEHOLDER_SOURCE}|\\bdate\\b`, 'g');
    for (let m = rx.exec(expected); m; m = rx.exec(expected)) {
      source += escapeRegex(expected.slice(pos, m.index));
      pos = m.index + m[0].length;
      if (m[0] === 'date') {
        if (typeof actual !== 'string') return false;
        source += `(?:date|${ISO_DATE_TIME})`;
        special = true;
        continue;
      }
      special = true;
      const name = m[0];
      if (this.bindings.has(name))
        source += escapeRegex(/** @type {string} */ (this.bindings.get(name)));
      else if (names.includes(name)) source += `\\k<g${names.indexOf(name)}>`;
      else {
        source += `(?<g${names.length}>.+?)`;
        names.push(name);
      }
    }
    if (!special) return false;
    source += escapeRegex(expected.slice(pos)) + '$';
    const found = new RegExp(source, 's').exec(text);
    if (!found) return false;
    names.forEach((name, i) =>
      this.bindings.set(name, /** @type {string} */ (found.groups?.[`g${i}`])),
    );
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Histories (R8, R9, T1)

const PARALLEL_TRANSFORMER = 'SfnNoneRecursiveParallelTransformer';
const MAP_END_TYPES = new Set(['MapStateSucceeded', 'MapStateFailed', 'MapStateAborted']);
const EXECUTION_END_TYPES = new Set([
  'ExecutionSucceeded',
  'ExecutionFailed',
  'ExecutionTimedOut',
  'ExecutionAborted',
]);

/** The Map states of a definition (nested ones too) whose iterations may interleave (R9). */
export function concurrentInlineMapNames(definition) {
  const names = new Set();
  const visitStates = (states) => {
    if (!isPlainObject(states)) return;
    for (const [name, state] of Object.entries(states)) {
      if (!isPlainObject(state)) continue;
      if (state.Type === 'Map') {
        const processor = state.ItemProcessor ?? state.Iterator ?? {};
        const mode = processor.ProcessorConfig?.Mode ?? 'INLINE';
        const concurrency = 'MaxConcurrencyPath' in state ? undefined : (state.MaxConcurrency ?? 0);
        if (mode !== 'DISTRIBUTED' && concurrency !== 1) names.add(name);
        visitStates(processor.States);
      }
      if (state.Type === 'Parallel' && Array.isArray(state.Branches))
        for (const b of state.Branches) visitStates(b?.States);
    }
  };
  visitStates(definition?.States);
  return names;
}

function stateName(event) {
  return event?.stateEnteredEventDetails?.name ?? event?.stateExitedEventDetails?.name;
}

/**
 * R9: index ranges [from, to] (inclusive) of the expected history that are compared as multisets.
 * From the event after the Map's MapStateStarted up to the event before its MapStateSucceeded /
 * MapStateFailed / MapStateAborted (at the same Map nesting depth), or before the execution's end.
 */
export function concurrentMapRanges(events, mapNames) {
  /** @type {[number, number][]} */
  const ranges = [];
  if (mapNames.size === 0) return ranges;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.type !== 'MapStateEntered' || !mapNames.has(stateName(e))) continue;
    if (ranges.some(([a, b]) => i >= a && i <= b)) continue; // inside a range already
    const started = events.findIndex((x, k) => k > i && x.type === 'MapStateStarted');
    if (started < 0) continue;
    let depth = 0;
    let end = events.length - 1;
    for (let k = started + 1; k < events.length; k++) {
      const t = events[k].type;
      if (t === 'MapStateEntered') depth++;
      else if (t === 'MapStateExited' && depth > 0) depth--;
      else if (depth === 0 && (MAP_END_TYPES.has(t) || EXECUTION_END_TYPES.has(t))) {
        end = k - 1;
        break;
      }
    }
    if (end >= started + 1) ranges.push([started + 1, end]);
  }
  return ranges;
}

function withoutIds(event) {
  if (!isPlainObject(event)) return event;
  const rest = { ...event };
  delete rest.id;
  delete rest.previousEventId;
  return rest;
}

/**
 * Pairs up expected and actual events.
 * @returns {{ units: ({ kind: 'pair', e: number, a: number } | { kind: 'set', e: number[], a: number[], leftover?: (ev: any) => boolean })[] } | { problem: Omit<Difference, 'check'> }}
 */
export function alignHistories(
  expected,
  actual,
  { parallelTransformer = false, mapRanges = [] } = {},
) {
  if (parallelTransformer) {
    const byId = new Map(actual.map((ev, j) => [ev?.id, j]));
    const units = [];
    let lastAnchorId = 0;
    let pending = [];
    const closeWindow = (nextAnchorId) => {
      const a = [];
      actual.forEach((ev, j) => {
        if (typeof ev?.id === 'number' && ev.id > lastAnchorId && ev.id < nextAnchorId) a.push(j);
      });
      if (pending.length || a.length)
        units.push({
          kind: 'set',
          e: pending,
          a,
          leftover: (ev) => String(ev?.type).startsWith('Parallel'),
        });
      pending = [];
    };
    for (let i = 0; i < expected.length; i++) {
      const id = expected[i]?.id;
      if (typeof id !== 'number' || id === 0) {
        pending.push(i);
        continue;
      }
      closeWindow(id);
      const j = byId.get(id);
      if (j === undefined) {
        return {
          problem: {
            path: formatPath(['events', i]),
            expected: expected[i]?.type,
            actual: undefined,
            message: `no event with id ${id} in our history (${actual.length} events)`,
          },
        };
      }
      units.push({ kind: 'pair', e: i, a: j });
      lastAnchorId = id;
    }
    closeWindow(Infinity);
    return { units };
  }
  if (expected.length !== actual.length) {
    const n = Math.min(expected.length, actual.length);
    let i = 0;
    while (i < n && expected[i]?.type === actual[i]?.type) i++;
    return {
      problem: {
        path: formatPath(['events', i]),
        expected: expected[i]?.type,
        actual: actual[i]?.type,
        message: `history has ${actual.length} events, expected ${expected.length}; first different event type at index ${i}`,
      },
    };
  }
  const units = [];
  for (let i = 0; i < expected.length; i++) {
    const range = mapRanges.find(([from]) => from === i);
    if (range) {
      const idx = [];
      for (let k = range[0]; k <= range[1]; k++) idx.push(k);
      units.push({ kind: 'set', e: idx, a: idx });
      i = range[1];
    } else {
      units.push({ kind: 'pair', e: i, a: i });
    }
  }
  return { units };
}

/**
 * Compares aligned histories, either event types only or in full.
 * @param {Matcher} m
 * @param {Path} base  path of the events list, e.g. ['get_execution_history', 'events']
 * @param {(i: number) => number} recordedIndex  index in the recorded list (for reverse order)
 */
function compareAligned(units, expected, actual, m, base, recordedIndex, typesOnly) {
  const pathOf = (i) => [...base, recordedIndex(i)];
  for (const u of units) {
    if (u.kind === 'pair') {
      const e = expected[u.e];
      const a = actual[u.a];
      if (typesOnly) {
        if (e?.type !== a?.type)
          return {
            path: formatPath([...pathOf(u.e), 'type']),
            expected: e?.type,
            actual: a?.type,
            message: 'event type differs',
          };
        continue;
      }
      const d = m.match(e, tolerateMapRunExit(e, a, expected, actual, m, pathOf(u.e)), pathOf(u.e));
      if (d) return d;
      continue;
    }
    const free = new Set(u.a);
    for (const i of u.e) {
      const e = expected[i];
      let found = -1;
      let firstTry = null;
      for (const j of free) {
        const a = actual[j];
        if (typesOnly) {
          if (a?.type === e?.type) {
            found = j;
            break;
          }
          continue;
        }
        const probe = m.fork();
        const d = probe.match(withoutIds(e), withoutIds(a), pathOf(i));
        if (!d) {
          m.adopt(probe);
          found = j;
          break;
        }
        if (!firstTry && a?.type === e?.type) firstTry = d;
      }
      if (found < 0) {
        if (firstTry)
          return {
            ...firstTry,
            message: `${firstTry.message} (unordered segment: no event of ours matches this one)`,
          };
        return {
          path: formatPath([...pathOf(i), 'type']),
          expected: e?.type,
          actual: undefined,
          message: 'unordered segment: we have no matching event',
        };
      }
      free.delete(found);
    }
    for (const j of free) {
      if (u.leftover?.(actual[j])) continue;
      return {
        path: formatPath(pathOf(u.e[0] ?? 0)),
        expected: undefined,
        actual: actual[j]?.type,
        message: `unexpected event ${actual[j]?.id} ${actual[j]?.type} in an unordered segment`,
      };
    }
  }
  return null;
}

const MAP_RUN_TYPES = new Set(['MapRunStarted', 'MapRunSucceeded']);

/** T1: returns `a` with previousEventId taken from `e` when both point at a MapRun event. */
function tolerateMapRunExit(e, a, expected, actual, m, path) {
  if (
    e?.type !== 'MapStateExited' ||
    a?.type !== 'MapStateExited' ||
    e.previousEventId === a.previousEventId
  )
    return a;
  const eTarget = expected.find((x) => x?.id === e.previousEventId)?.type;
  const aTarget = actual.find((x) => x?.id === a.previousEventId)?.type;
  if (!MAP_RUN_TYPES.has(eTarget) || !MAP_RUN_TYPES.has(aTarget)) return a;
  m.tolerancesUsed.push({
    rule: 'T1 distributed MapStateExited.previousEventId',
    path: formatPath([...path, 'previousEventId']),
    detail: `recorded → ${eTarget}, ours → ${aTarget}`,
  });
  return { ...a, previousEventId: e.previousEventId };
}

// ---------------------------------------------------------------------------------------------
// A whole case

/**
 * @typedef {object} Actual  What our engine produced. Payloads as the API returns them (JSON text).
 * @property {string} [status]
 * @property {string|null} [output]
 * @property {string|null} [error]
 * @property {string|null} [cause]
 * @property {object[]} [events]  GetExecutionHistory events, in the order the case asked for
 * @property {object} [response]  DescribeExecution / StartSyncExecution response in boto3 shape, or
 *   the Express end event (express_async_end_event), compared with `expected_response`
 */

/**
 * @typedef {object} CaseComparison
 * @property {boolean} pass
 * @property {Record<string, 'pass'|'fail'|'skipped'|'n/a'>} checks
 * @property {Difference[]} differences  the first difference of every failed check
 * @property {SkipUse[]} skipsUsed
 * @property {ToleranceUse[]} tolerancesUsed
 */

const TERMINAL_DETAILS = {
  ExecutionSucceeded: 'executionSucceededEventDetails',
  ExecutionFailed: 'executionFailedEventDetails',
  ExecutionTimedOut: 'executionTimedOutEventDetails',
  ExecutionAborted: 'executionAbortedEventDetails',
};

/**
 * Compares one case.
 * @param {any} c  a line of cases.jsonl
 * @param {Actual} actual
 * @param {{ compareResponse?: boolean }} [options]  compareResponse: false in direct mode (no API
 *   responses exist there; the Express end event is still compared when given)
 * @returns {CaseComparison}
 */
export function compareCase(c, actual, options = {}) {
  const compareResponse = options.compareResponse ?? true;
  const transformers = c.transformers ?? [];
  const m = new Matcher({
    skipPaths: c.localstack_skip_verify_paths ?? [],
    wildcardPaths: [
      ...transformers
        .filter((t) => t.type === 'jsonpath' && typeof t.replacement === 'string')
        .map((t) => ({ jsonpath: t.jsonpath, replacement: t.replacement })),
      ...CORPUS_GAPS.filter((g) => String(c.id).endsWith(g.idEndsWith)),
    ],
    parseOutputStrings: transformers.some(
      (t) => t.type === 'generic' && /convert_output_to_json/.test(String(t.function)),
    ),
  });
  const replacements = c.replacements ?? [];
  const expected = c.expected ?? {};
  const key = c.snapshot_key ?? 'snapshot';
  const snapPath = [key, ...(c.snapshot_path ?? [])];
  /** @type {Record<string, 'pass'|'fail'|'skipped'|'n/a'>} */
  const checks = {};
  /** @type {Difference[]} */
  const differences = [];
  const record = (check, d) => {
    checks[check] = d ? 'fail' : 'pass';
    if (d) differences.push({ check, ...d });
  };

  // Where the top-level fields live in the recorded snapshot (for R4/R7 path matching).
  const recorded = c.expected_history ?? [];
  const reverse = Boolean(c.history_reverse_order);
  const terminalIndex = reverse ? 0 : recorded.length - 1;
  const terminal = recorded[terminalIndex];
  const fieldPath = (field) => {
    if (c.kind === 'execution' && terminal) {
      const details =
        TERMINAL_DETAILS[terminal.type] ??
        (field === 'output' ? 'executionSucceededEventDetails' : 'executionFailedEventDetails');
      return [key, 'events', terminalIndex, details, field];
    }
    if (c.kind === 'express_async_end_event') return [...snapPath, 'details', field];
    if (c.kind === 'execution_output') return snapPath; // the snapshot entry *is* the output
    return [...snapPath, field];
  };

  // status
  if (expected.status !== undefined) {
    record(
      'status',
      expected.status === actual.status
        ? null
        : {
            path: formatPath([...snapPath, 'status']),
            expected: expected.status,
            actual: actual.status,
            // Our error says why, which the status alone does not.
            message: actual.error
              ? `status differs; our error: ${actual.error}: ${String(actual.cause ?? '').slice(0, 100)}`
              : 'status differs',
          },
    );
  }
  // error, cause: null and absent are the same thing here
  for (const field of ['error', 'cause']) {
    if (!(field in expected)) continue;
    const exp = expected[field] ?? null;
    const act = normaliseActual(actual[field] ?? null, replacements);
    record(field, m.match(exp, act, fieldPath(field)));
  }
  // output
  if ('output' in expected) {
    let act = normaliseActual(actual.output ?? null, replacements);
    if (typeof actual.output === 'string' && expected.output_encoding === 'parsed-by-extractor') {
      // The extractor parsed the recorded text (an array, number, ...) with nothing nested parsed.
      try {
        act = applyReplacements(JSON.parse(actual.output), replacements);
      } catch {
        // compare the text
      }
    }
    record('output', m.match(expected.output, act, fieldPath('output')));
  }
  // history: event types, then every event
  const expTypes = expected.event_types;
  if (expTypes || c.expected_history) {
    if (!actual.events) {
      record('event_types', {
        path: formatPath([key, 'events']),
        expected: expTypes?.length ?? recorded.length,
        actual: undefined,
        message: 'no history available',
      });
    } else {
      const chrono = (list) => (reverse ? [...list].reverse() : list);
      const recordedIndex = reverse ? (i) => recorded.length - 1 - i : (i) => i;
      const exp = chrono(recorded.length ? recorded : (expTypes ?? []).map((type) => ({ type })));
      const act = chrono(actual.events.map((ev) => normaliseActual(ev, replacements)));
      const mapRanges = concurrentMapRanges(exp, concurrentInlineMapNames(c.definition));
      const aligned = alignHistories(exp, act, {
        parallelTransformer: transformers.some((t) => t.type === PARALLEL_TRANSFORMER),
        mapRanges,
      });
      const base = [key, 'events'];
      if ('problem' in aligned) {
        record('event_types', aligned.problem);
        if (c.expected_history) checks.history = 'fail';
      } else {
        record(
          'event_types',
          compareAligned(aligned.units, exp, act, m, base, recordedIndex, true),
        );
        if (c.expected_history) {
          record('history', compareAligned(aligned.units, exp, act, m, base, recordedIndex, false));
        }
      }
    }
  }
  // the API response (DescribeExecution, StartSyncExecution) or the Express end event
  if (c.expected_response !== undefined) {
    if (actual.response === undefined) {
      checks.response = compareResponse && c.kind !== 'express_async_end_event' ? 'fail' : 'n/a';
      if (checks.response === 'fail')
        differences.push({
          check: 'response',
          path: formatPath(snapPath),
          expected: 'a response',
          actual: undefined,
          message: 'no response captured',
        });
    } else {
      record(
        'response',
        m.match(c.expected_response, normaliseActual(actual.response, replacements), snapPath),
      );
    }
  }
  return {
    pass: differences.length === 0 && Object.values(checks).some((v) => v === 'pass'),
    checks,
    differences,
    skipsUsed: m.skipsUsed,
    tolerancesUsed: m.tolerancesUsed,
  };
}

// ---------------------------------------------------------------------------------------------
// Shapes of our actual values

/** The Express CloudWatch end event, derived from the last history event (express_async_end_event). */
export function endEventFromHistory(events, executionArn) {
  const last = events[events.length - 1];
  if (!last) return undefined;
  const detailsKey = TERMINAL_DETAILS[last.type];
  return {
    details: (detailsKey && last[detailsKey]) || {},
    event_timestamp: last.timestamp,
    execution_arn: executionArn,
    id: String(last.id),
    previous_event_id: String(last.previousEventId),
    redrive_count: '0',
    type: last.type,
  };
}

/** An AWS SDK v3 response (Dates, $metadata) in the shape boto3 gave the recording. */
export function sdkResponseToRecorded(output) {
  const convert = (v) => {
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.map(convert);
    if (isPlainObject(v)) {
      /** @type {Record<string, unknown>} */
      const out = {};
      for (const [k, x] of Object.entries(v))
        if (x !== undefined && k !== '$metadata') out[k] = convert(x);
      return out;
    }
    return v;
  };
  const out = /** @type {Record<string, unknown>} */ (convert(output));
  if (output && output.$metadata)
    out.ResponseMetadata = { HTTPHeaders: {}, HTTPStatusCode: output.$metadata.httpStatusCode };
  return out;
}
