// Tests of the conformance comparer (compare.mjs) on its own: its rules one by one, then over the
// whole corpus — every standalone case must accept its own expectation turned back into what an
// engine would answer (placeholders made concrete, payloads as JSON text, Parallel ids restored,
// Map segments shuffled), and must reject the same answer with one thing broken.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  Matcher,
  applyReplacements,
  compareCase,
  concurrentInlineMapNames,
  concurrentMapRanges,
  endEventFromHistory,
  formatPath,
  parseJsonPath,
  pathMatches,
  sdkResponseToRecorded,
  snapshotNormalise,
} from './compare.mjs';

describe('snapshot normalisation (R1)', () => {
  it('parses a "{" string field once, not what is nested inside it', () => {
    const out = snapshotNormalise({
      input: '{"a":1,"inner":"{\\"b\\":2}"}',
      output: '[1, 2]',
      cause: 'plain',
    });
    expect(out).toEqual({ input: { a: 1, inner: '{"b":2}' }, output: '[1, 2]', cause: 'plain' });
  });
  it('leaves strings that are array items and invalid JSON alone', () => {
    expect(snapshotNormalise({ list: ['{"a":1}'], bad: '{nope' })).toEqual({
      list: ['{"a":1}'],
      bad: '{nope',
    });
  });
  it('treats a lone string as a field value', () => {
    expect(snapshotNormalise('{"x":[1]}')).toEqual({ x: [1] });
    expect(snapshotNormalise('"text"')).toBe('"text"');
  });
  it('turns Dates into ISO strings and drops undefined members', () => {
    expect(snapshotNormalise({ d: new Date(0), u: undefined })).toEqual({
      d: '1970-01-01T00:00:00.000Z',
    });
  });
});

describe('replacements (R2)', () => {
  it('applies regexes and literals in order to the JSON text', () => {
    const out = applyReplacements(
      { arn: 'arn:aws:states:us-east-1:1:x', msg: 'Request ID: abc-123 done' },
      [
        ['Request ID: [a-zA-Z0-9-]+', 'Request ID: <request_id>'],
        ['us-east-1', '<region>'],
        ['arn:aws:', 'arn:<partition>:'],
      ],
    );
    expect(out).toEqual({
      arn: 'arn:<partition>:states:<region>:1:x',
      msg: 'Request ID: <request_id> done',
    });
  });
  it('falls back to a literal replacement when the pattern is no JavaScript regex', () => {
    expect(applyReplacements({ a: 'x(?P<n>y' }, [['(?P<n>', 'Z']])).toEqual({ a: 'xZy' });
  });
  it('does not treat $ in the placeholder as a replacement pattern', () => {
    expect(applyReplacements('abc', [['b', '$&$1']])).toBe('a$&$1c');
  });
});

describe('JSONPath subset', () => {
  const m = (expr, path) => pathMatches(parseJsonPath(expr), path);
  it('matches descendants, children and indices', () => {
    expect(m('$..redriveCount', ['describe_execution', 'redriveCount'])).toBe(true);
    expect(m('$..events[4].previousEventId', ['h', 'events', 4, 'previousEventId'])).toBe(true);
    expect(m('$..events[4].previousEventId', ['h', 'events', 5, 'previousEventId'])).toBe(false);
    expect(m('$..events..previousEventId', ['h', 'events', 9, 'previousEventId'])).toBe(true);
    expect(m('$..output.Cause', ['r', 'output', 'Cause'])).toBe(true);
    expect(m('$..output.Cause', ['r', 'output', 'x', 'Cause'])).toBe(false);
    expect(
      m('$..events..executionSucceededEventDetails.output.FunctionResult', [
        'k',
        'events',
        3,
        'executionSucceededEventDetails',
        'output',
        'FunctionResult',
      ]),
    ).toBe(true);
    expect(m('$..redriveCount', ['redriveCount', 'x'])).toBe(false); // the node itself, not below it
  });
  it('formats paths', () => {
    expect(formatPath(['k', 'events', 3, 'a b'])).toBe('$.k.events[3]["a b"]');
  });
});

describe('the matcher', () => {
  it('binds placeholders consistently across the whole comparison (R3)', () => {
    const m = new Matcher();
    expect(
      m.match(
        { arn: 'arn:x:<ArnPart_0idx>:<ExecArnPart_0idx>', name: '<ExecArnPart_0idx>' },
        { arn: 'arn:x:sm1:e1', name: 'e1' },
      ),
    ).toBeNull();
    expect(m.match('<ArnPart_0idx>', 'sm1')).toBeNull();
    expect(m.match('<ArnPart_0idx>', 'sm2')).not.toBeNull();
    const fresh = new Matcher();
    expect(fresh.match({ a: '<x>', b: '<x>' }, { a: '1', b: '2' })).not.toBeNull();
  });
  it('accepts anything for date/timestamp/datetime, and ISO dates for the word date in a string', () => {
    const m = new Matcher();
    expect(
      m.match(
        { timestamp: 'timestamp', d: 'date', t: '<timestamp:1>' },
        { timestamp: 1700000000000, d: 'anything', t: 5 },
      ),
    ).toBeNull();
    expect(m.match('"date"', '"2024-11-06T09:42:03Z"')).toBeNull();
    expect(m.match('at date!', 'at 2024-11-06T09:42:03.123+01:00!')).toBeNull();
    expect(m.match('"date"', '"yesterday"')).not.toBeNull();
    expect(m.match('timestamp', undefined)).not.toBeNull();
  });
  it('wants the same keys, lengths and types', () => {
    const m = new Matcher();
    expect(m.match({ a: 1 }, { a: 1, b: 2 })?.message).toBe('unexpected key');
    expect(m.match({ a: 1, b: 2 }, { a: 1 })?.message).toBe('missing');
    expect(m.match([1, 2], [1, 2, 3])?.message).toMatch(/array length/);
    expect(m.match({ a: '1' }, { a: 1 })).not.toBeNull();
    expect(m.match({ a: null }, { a: false })).not.toBeNull();
    expect(m.match('[1, 2]', '[1,2]')).not.toBeNull(); // JSON text is compared as text
  });
  it('skips localstack_skip_verify_paths and records only skips that hid a difference (R7)', () => {
    const m = new Matcher({ skipPaths: ['$..redriveCount', '$..events[1].previousEventId'] });
    expect(m.match({ redriveCount: 0, x: 1 }, { redriveCount: 0, x: 1 })).toBeNull();
    expect(m.skipsUsed).toEqual([]);
    expect(m.match({ redriveCount: 0 }, {})).toBeNull();
    expect(
      m.match(
        { events: [{ previousEventId: 0 }, { previousEventId: 1 }] },
        { events: [{ previousEventId: 0 }, { previousEventId: 7 }] },
      ),
    ).toBeNull();
    expect(m.skipsUsed.map((s) => s.path)).toEqual([
      '$.redriveCount',
      '$.events[1].previousEventId',
    ]);
    expect(
      m.match({ events: [{ previousEventId: 0 }] }, { events: [{ previousEventId: 3 }] }),
    ).not.toBeNull();
  });
  it('accepts anything where a JSONPath transformer wrote a plain word (R4), with an optional shape (R5b)', () => {
    const m = new Matcher({
      wildcardPaths: [
        { jsonpath: '$..StartTime', replacement: 'start-time' },
        { jsonpath: '$..FunctionResult', replacement: 'generated-uuid', shape: /^[0-9a-f-]{36}$/ },
      ],
    });
    expect(m.match({ StartTime: 'start-time' }, { StartTime: '2024-01-01T00:00:00Z' })).toBeNull();
    expect(m.match({ Other: 'start-time' }, { Other: 'x' })).not.toBeNull();
    expect(
      m.match(
        { FunctionResult: 'generated-uuid' },
        { FunctionResult: '00918221-7a95-4b00-b3c1-f8e5d05913a0' },
      ),
    ).toBeNull();
    expect(
      m.match({ FunctionResult: 'generated-uuid' }, { FunctionResult: 'nope' }),
    ).not.toBeNull();
  });
  it('parses output strings where the generic transformer did (R5)', () => {
    const m = new Matcher({ parseOutputStrings: true });
    expect(m.match({ output: [1, 2] }, { output: '[1,2]' })).toBeNull();
    expect(m.match({ output: 1 }, { output: '1' })).toBeNull();
    expect(new Matcher().match({ output: [1, 2] }, { output: '[1,2]' })).not.toBeNull();
  });
  it('compares only the status code of ResponseMetadata (R6)', () => {
    const m = new Matcher();
    expect(
      m.match(
        { ResponseMetadata: { HTTPHeaders: {}, HTTPStatusCode: 200 } },
        { ResponseMetadata: { HTTPHeaders: { a: 'b' }, HTTPStatusCode: 200, RequestId: 'x' } },
      ),
    ).toBeNull();
    expect(
      m.match(
        { ResponseMetadata: { HTTPHeaders: {}, HTTPStatusCode: 200 } },
        { ResponseMetadata: { HTTPStatusCode: 400 } },
      ),
    ).not.toBeNull();
  });
});

describe('histories', () => {
  const ev = (id, previousEventId, type, details = {}) => ({
    id,
    previousEventId,
    timestamp: 'timestamp',
    type,
    ...details,
  });
  const entered = (name) => ({ stateEnteredEventDetails: { name } });
  const base = {
    kind: 'execution',
    snapshot_key: 'get_execution_history',
    expected: {},
    replacements: [],
    transformers: [],
  };

  it('R8: zeroed Parallel events are a multiset between numbered anchors; dropped Parallel events may be left over', () => {
    const expected_history = [
      ev(1, 0, 'ExecutionStarted'),
      ev(2, 0, 'ParallelStateEntered', entered('P')),
      ev(3, 2, 'ParallelStateStarted'),
      ev([0], 0, 'PassStateEntered', entered('A')),
      ev([0], 0, 'PassStateEntered', entered('B')),
      ev(7, 5, 'ParallelStateExited'),
      ev(8, 7, 'ExecutionSucceeded'),
    ];
    const c = {
      ...base,
      transformers: [{ type: 'SfnNoneRecursiveParallelTransformer' }],
      expected_history,
      expected: { event_types: expected_history.map((e) => e.type) },
    };
    const ours = [
      ev(1, 0, 'ExecutionStarted'),
      ev(2, 0, 'ParallelStateEntered', entered('P')),
      ev(3, 2, 'ParallelStateStarted'),
      ev(4, 3, 'PassStateEntered', entered('B')),
      ev(5, 3, 'PassStateEntered', entered('A')),
      ev(6, 5, 'ParallelStateSucceeded'),
      ev(7, 5, 'ParallelStateExited'),
      ev(8, 7, 'ExecutionSucceeded'),
    ];
    expect(compareCase(c, { events: ours }).pass).toBe(true);
    const wrongName = ours.map((e) =>
      e.id === 5 ? ev(5, 3, 'PassStateEntered', entered('C')) : e,
    );
    expect(compareCase(c, { events: wrongName }).pass).toBe(false);
    const strayPass = ours.map((e) =>
      e.id === 6 ? ev(6, 5, 'PassStateExited', { stateExitedEventDetails: { name: 'A' } }) : e,
    );
    expect(compareCase(c, { events: strayPass }).pass).toBe(false);
    const wrongAnchorLink = ours.map((e) => (e.id === 7 ? ev(7, 6, 'ParallelStateExited') : e));
    expect(compareCase(c, { events: wrongAnchorLink }).differences[0].path).toBe(
      '$.get_execution_history.events[5].previousEventId',
    );
  });

  it('R9: a Map with MaxConcurrency ≠ 1 compares its inside as a multiset', () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    };
    expect([...concurrentInlineMapNames(definition)]).toEqual(['M']);
    expect(
      concurrentInlineMapNames({
        StartAt: 'M',
        States: { M: { ...definition.States.M, MaxConcurrency: 1 } },
      }).size,
    ).toBe(0);
    const it0 = { mapIterationStartedEventDetails: { index: 0, name: 'M' } };
    const it1 = { mapIterationStartedEventDetails: { index: 1, name: 'M' } };
    const expected_history = [
      ev(1, 0, 'ExecutionStarted'),
      ev(2, 0, 'MapStateEntered', entered('M')),
      ev(3, 2, 'MapStateStarted'),
      ev(4, 3, 'MapIterationStarted', it0),
      ev(5, 3, 'MapIterationStarted', it1),
      ev(6, 4, 'PassStateEntered', entered('I')),
      ev(7, 5, 'PassStateEntered', entered('I')),
      ev(8, 7, 'MapStateSucceeded'),
      ev(9, 7, 'MapStateExited', { stateExitedEventDetails: { name: 'M' } }),
      ev(10, 9, 'ExecutionSucceeded'),
    ];
    expect(concurrentMapRanges(expected_history, new Set(['M']))).toEqual([[3, 6]]);
    const c = {
      ...base,
      definition,
      expected_history,
      expected: { event_types: expected_history.map((e) => e.type) },
    };
    const shuffled = [...expected_history];
    [shuffled[3], shuffled[4], shuffled[5]] = [
      { ...shuffled[5], id: 4, previousEventId: 5 },
      { ...shuffled[4], id: 5, previousEventId: 3 },
      { ...shuffled[3], id: 6, previousEventId: 3 },
    ];
    expect(compareCase(c, { events: shuffled }).pass).toBe(true);
    const outsideBroken = shuffled.map((e) => (e.id === 9 ? { ...e, previousEventId: 8 } : e));
    expect(compareCase(c, { events: outsideBroken }).pass).toBe(false);
    const insideBroken = shuffled.map((e) =>
      e.id === 5 ? { ...e, mapIterationStartedEventDetails: { index: 7, name: 'M' } } : e,
    );
    expect(compareCase(c, { events: insideBroken }).pass).toBe(false);
  });

  it('T1: a distributed MapStateExited may link to MapRunStarted or MapRunSucceeded, and says so', () => {
    const expected_history = [
      ev(1, 0, 'ExecutionStarted'),
      ev(2, 0, 'MapStateEntered', entered('M')),
      ev(3, 2, 'MapStateStarted'),
      ev(4, 3, 'MapRunStarted'),
      ev(5, 4, 'MapRunSucceeded'),
      ev(6, 5, 'MapStateSucceeded'),
      ev(7, 5, 'MapStateExited', { stateExitedEventDetails: { name: 'M' } }),
      ev(8, 7, 'ExecutionSucceeded'),
    ];
    const c = {
      ...base,
      expected_history,
      expected: { event_types: expected_history.map((e) => e.type) },
    };
    const newer = expected_history.map((e) => (e.id === 7 ? { ...e, previousEventId: 4 } : e));
    const r = compareCase(c, { events: newer });
    expect(r.pass).toBe(true);
    expect(r.tolerancesUsed).toHaveLength(1);
    const wrong = expected_history.map((e) => (e.id === 7 ? { ...e, previousEventId: 3 } : e));
    expect(compareCase(c, { events: wrong }).pass).toBe(false);
  });

  it('reports a history of another length at the first different event type', () => {
    const expected_history = [
      ev(1, 0, 'ExecutionStarted'),
      ev(2, 0, 'PassStateEntered', entered('A')),
      ev(3, 2, 'PassStateExited'),
      ev(4, 3, 'ExecutionSucceeded'),
    ];
    const c = {
      ...base,
      expected_history,
      expected: { event_types: expected_history.map((e) => e.type) },
    };
    const r = compareCase(c, {
      events: [expected_history[0], expected_history[1], ev(3, 2, 'ExecutionFailed')],
    });
    expect(r.pass).toBe(false);
    expect(r.differences[0]).toMatchObject({
      check: 'event_types',
      path: '$.events[2]',
      expected: 'PassStateExited',
      actual: 'ExecutionFailed',
    });
  });
});

describe('shapes', () => {
  it('turns an SDK v3 response into the recorded shape', () => {
    const out = sdkResponseToRecorded({
      $metadata: { httpStatusCode: 200 },
      startDate: new Date(0),
      status: 'SUCCEEDED',
      output: undefined,
    });
    expect(out).toEqual({
      startDate: '1970-01-01T00:00:00.000Z',
      status: 'SUCCEEDED',
      ResponseMetadata: { HTTPHeaders: {}, HTTPStatusCode: 200 },
    });
  });
  it('derives the Express end event from the last history event', () => {
    const e = endEventFromHistory(
      [
        {
          id: 3,
          previousEventId: 2,
          timestamp: 5,
          type: 'ExecutionFailed',
          executionFailedEventDetails: { error: 'E' },
        },
      ],
      'arn',
    );
    expect(e).toEqual({
      details: { error: 'E' },
      event_timestamp: 5,
      execution_arn: 'arn',
      id: '3',
      previous_event_id: '2',
      redrive_count: '0',
      type: 'ExecutionFailed',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Over the corpus

const CORPUS = fileURLToPath(new URL('../../shared/conformance/sfn/cases.jsonl', import.meta.url));
const corpus = existsSync(CORPUS)
  ? readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l))
      .filter((c) => c.standalone)
  : [];

// Objects the API returns as objects; every other object in an expectation was JSON text (R1).
const STRUCTURAL =
  /EventDetails$|^(inputDetails|outputDetails|assignedVariables|assignedVariablesDetails|ResponseMetadata|HTTPHeaders|billingDetails|details|redriveDetails)$/;

/** Turns a recorded expectation back into what an engine answers, with concrete values. */
function concretise(c, { conflict = false } = {}) {
  const values = new Map();
  let conflictDone = false;
  const counts = new Map();
  const countPlaceholders = (v) => {
    if (typeof v === 'string')
      for (const m of v.matchAll(/<[A-Za-z_][A-Za-z0-9_:\-. ]*>/g))
        counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    else if (v && typeof v === 'object') Object.values(v).forEach(countPlaceholders);
  };
  countPlaceholders([c.expected_history, c.expected, c.expected_response]);
  const repeated = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
  const target = repeated[repeated.length - 1];
  let seenTarget = 0;
  const concrete = (s) => {
    if (s === 'timestamp') return 1_700_000_000_000;
    if (s === 'date' || s === 'datetime' || s === '<datetime>') return '2024-05-06T07:08:09.123Z';
    return s
      .replace(/<[A-Za-z_][A-Za-z0-9_:\-. ]*>/g, (name) => {
        if (name === target && conflict && !conflictDone && ++seenTarget === counts.get(name)) {
          conflictDone = true;
          return 'Conflicting0value';
        }
        if (!values.has(name)) values.set(name, `Zq${values.size}x${name.length}Zq`);
        return values.get(name);
      })
      .replace(/\bdate\b/g, '2023-01-02T03:04:05Z');
  };
  // Inside a payload only strings change; a payload object becomes JSON text.
  const deep = (v) => {
    if (typeof v === 'string') return concrete(v);
    if (Array.isArray(v)) return v.map(deep);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)]));
    return v;
  };
  const toApi = (v, key) => {
    if (typeof v === 'string') return concrete(v);
    if (Array.isArray(v)) return v.map((x) => toApi(x, undefined));
    if (v && typeof v === 'object') {
      if (key !== undefined && !STRUCTURAL.test(key)) return JSON.stringify(deep(v));
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toApi(x, k)]));
    }
    return v;
  };
  return { toApi, deep, concrete, conflictUsed: () => conflictDone, target: () => target };
}

/** The actual answer an engine matching AWS would give for case `c`. */
function actualFor(c, opts) {
  const { toApi, deep, concrete, conflictUsed, target } = concretise(c, opts);
  const exp = c.expected ?? {};
  const outputText = (() => {
    if (!('output' in exp)) return undefined;
    if (exp.output_encoding === 'parsed-by-extractor') return JSON.stringify(deep(exp.output));
    if (typeof exp.output === 'string') return concrete(exp.output);
    return JSON.stringify(deep(exp.output));
  })();
  let events;
  if (c.expected_history) {
    events = c.expected_history.map((e) => toApi(e, undefined));
    if (c.transformers.some((t) => t.type === 'SfnNoneRecursiveParallelTransformer'))
      events = restoreParallelIds(events, c.history_reverse_order);
    events = shuffleMapRanges(c, events);
  }
  const actual = {
    status: exp.status,
    output: outputText,
    error: exp.error === undefined ? undefined : exp.error === null ? null : concrete(exp.error),
    cause:
      exp.cause === undefined
        ? undefined
        : exp.cause === null
          ? null
          : typeof exp.cause === 'string'
            ? concrete(exp.cause)
            : JSON.stringify(deep(exp.cause)),
    events,
    response: c.expected_response === undefined ? undefined : toApi(c.expected_response, undefined),
  };
  return { actual, conflictUsed, target };
}

/** Gives zeroed Parallel events real ids and puts back the events the transformer dropped. */
function restoreParallelIds(events) {
  const out = [];
  let nextId = 1;
  for (const e of events) {
    if (typeof e.id === 'number' && e.id !== 0) {
      while (nextId < e.id)
        out.push({
          id: nextId,
          previousEventId: nextId++ - 1,
          timestamp: 1,
          type: 'ParallelStateSucceeded',
        });
      out.push(e);
      nextId = e.id + 1;
    } else {
      out.push({ ...e, id: nextId, previousEventId: nextId++ - 1 });
    }
  }
  return out;
}

/** Reverses the order inside every R9 range and renumbers: what interleaving could produce. */
function shuffleMapRanges(c, events) {
  const ranges = concurrentMapRanges(events, concurrentInlineMapNames(c.definition));
  const out = [...events];
  for (const [from, to] of ranges) {
    const seg = out.slice(from, to + 1).reverse();
    seg.forEach((e, k) => (out[from + k] = { ...e, id: events[from + k].id, previousEventId: 0 }));
  }
  return out;
}

const describeCorpus = corpus.length ? describe : describe.skip;

describeCorpus(
  `the comparer over the corpus (${corpus.length ? `${corpus.length} standalone cases` : `skipped: ${CORPUS} is missing`})`,
  () => {
    it('accepts every case’s own expectation, made concrete', () => {
      const failures = [];
      for (const c of corpus) {
        const { actual } = actualFor(c);
        const r = compareCase(c, actual);
        if (!r.pass) failures.push(`${c.id}: ${JSON.stringify(r.differences[0]).slice(0, 300)}`);
      }
      expect(failures).toEqual([]);
    });

    it('relies on no skipped path to accept them', () => {
      const used = corpus.flatMap((c) =>
        compareCase(c, actualFor(c).actual).skipsUsed.map((s) => `${c.id} ${s.path}`),
      );
      expect(used).toEqual([]);
    });

    it('rejects a wrong status', () => {
      for (const c of corpus) {
        const { actual } = actualFor(c);
        actual.status = actual.status === 'SUCCEEDED' ? 'FAILED' : 'SUCCEEDED';
        expect(compareCase(c, actual).pass, c.id).toBe(false);
      }
    });

    it('rejects an output that differs in value', () => {
      const mutate = (v) => {
        if (Array.isArray(v)) return [...v, 'conformanceExtra'];
        if (v && typeof v === 'object') return { ...v, conformanceExtra: 1 };
        if (typeof v === 'number') return v + 1;
        if (typeof v === 'string') return `${v}x`;
        if (typeof v === 'boolean') return !v;
        return 0;
      };
      let tried = 0;
      for (const c of corpus) {
        const { actual } = actualFor(c);
        if (typeof actual.output !== 'string') continue;
        let broken;
        try {
          broken = JSON.stringify(mutate(JSON.parse(actual.output)));
        } catch {
          broken = `${actual.output}x`;
        }
        actual.output = broken;
        const r = compareCase(c, actual);
        tried++;
        if (r.pass)
          expect(
            r.skipsUsed.length +
              (c.expected.output === 'executionSucceededEventDetails.output' ? 1 : 0),
            c.id,
          ).toBeGreaterThan(0);
      }
      expect(tried).toBeGreaterThan(900);
    });

    it('rejects a history with a wrong previousEventId, unless a skipped path covers it', () => {
      let tried = 0;
      let rejected = 0;
      for (const c of corpus.filter((x) => x.expected_history)) {
        const { actual } = actualFor(c);
        const i = actual.events.findIndex(
          (e) => e.type.startsWith('Execution') && e.type !== 'ExecutionStarted',
        );
        if (i < 0) continue;
        actual.events[i] = {
          ...actual.events[i],
          previousEventId: actual.events[i].previousEventId + 100,
        };
        const r = compareCase(c, actual);
        tried++;
        if (r.pass) expect(r.skipsUsed.length, c.id).toBeGreaterThan(0);
        else rejected++;
      }
      expect(tried).toBeGreaterThan(500);
      expect(rejected).toBeGreaterThan(tried * 0.95);
    });

    it('rejects a history with an event missing', () => {
      for (const c of corpus.filter((x) => x.expected_history && x.expected_history.length > 2)) {
        const { actual } = actualFor(c);
        actual.events.splice(1, 1);
        expect(compareCase(c, actual).pass, c.id).toBe(false);
      }
    });

    it('rejects a placeholder bound to two different values', () => {
      let tried = 0;
      let rejected = 0;
      for (const c of corpus) {
        const { actual, conflictUsed, target } = actualFor(c, { conflict: true });
        if (!conflictUsed()) continue;
        const r = compareCase(c, actual);
        tried++;
        // A placeholder seen only inside skipped paths cannot be held to one value, and one that a
        // replacement writes (R2, e.g. "Request ID: <request_id>") is the same on both sides anyway.
        if (r.pass)
          expect(
            (c.localstack_skip_verify_paths?.length ?? 0) +
              c.replacements.filter(([, p]) => p.includes(target())).length,
            c.id,
          ).toBeGreaterThan(0);
        else rejected++;
      }
      expect(tried).toBeGreaterThan(100);
      expect(rejected).toBeGreaterThan(tried * 0.8); // the rest: SdkHttpMetadata request ids (skipped), Lambda request ids (replaced)
    });
  },
);
