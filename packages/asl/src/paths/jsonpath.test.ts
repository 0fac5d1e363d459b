import { describe, expect, it } from 'vitest';
import { PathNotFoundError, PathSyntaxError, StatesError } from './errors.js';
import { compilePath, evaluatePath, isValidPath } from './jsonpath.js';
import type { JsonValue } from './json.js';

const store: JsonValue = {
  store: {
    book: [
      { category: 'reference', author: 'Nigel Rees', title: 'Sayings', price: 8.95 },
      { category: 'fiction', author: 'Evelyn Waugh', title: 'Sword', price: 12.99 },
      { category: 'fiction', author: 'Herman Melville', title: 'Moby Dick', isbn: '0-553', price: 8.99 },
      { category: 'fiction', author: 'J. R. R. Tolkien', title: 'LOTR', isbn: '0-395', price: 22.99 },
    ],
    bicycle: { color: 'red', price: 19.95 },
  },
  expensive: 10,
};

function failure(fn: () => unknown): StatesError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('expected a StatesError');
}

describe('definite paths', () => {
  it('returns the value itself, not a one-element array', () => {
    expect(evaluatePath('$', { a: 1 })).toEqual({ a: 1 });
    expect(evaluatePath('$.store.bicycle.color', store)).toBe('red');
    expect(evaluatePath('$.store.book[2].isbn', store)).toBe('0-553');
    expect(evaluatePath("$['store']['bicycle']", store)).toEqual({ color: 'red', price: 19.95 });
    expect(evaluatePath('$["store"].expensive', { store: { expensive: 3 } })).toBe(3);
  });

  it('supports negative indexes like Jayway', () => {
    expect(evaluatePath('$.store.book[-1].title', store)).toBe('LOTR');
    expect(evaluatePath('$.a[-3]', { a: [1, 2, 3] })).toBe(1);
  });

  it('keeps null values', () => {
    expect(evaluatePath('$.a', { a: null })).toBeNull();
    expect(evaluatePath('$.a.b', { a: { b: null } })).toBeNull();
  });

  it('accepts the `$.abc.[\'def ghi\']` form from the AWS documentation', () => {
    expect(evaluatePath("$.abc.['def ghi']", { abc: { 'def ghi': 1 } })).toBe(1);
  });

  it('reads keys that look like JavaScript internals as plain data', () => {
    expect(evaluatePath('$.constructor', { constructor: 5 })).toBe(5);
    expect(() => evaluatePath('$.toString', {})).toThrow(PathNotFoundError);
    expect(evaluatePath("$['__proto__']", JSON.parse('{"__proto__": {"x": 1}}') as JsonValue)).toEqual({ x: 1 });
  });

  it("keeps a backslash in a quoted name literally (recorded: test_escape_sequence_parsing[ESCAPE_SEQUENCES_JSONPATH])", () => {
    // cases.jsonl: "value.$": "$['Test\\\"\"Name\"']" with input {"Test\\\"\"Name\"": "Value\"\\"}
    expect(evaluatePath(`$['Test\\""Name"']`, { 'Test\\""Name"': 'Value"\\' })).toBe('Value"\\');
  });

  it('merges several quoted names at the leaf into one object (Jayway multi-property)', () => {
    expect(evaluatePath("$.store.bicycle['color','price','missing']", store)).toEqual({ color: 'red', price: 19.95 });
    expect(compilePath("$.a['x','y']").definite).toBe(true);
    expect(compilePath("$['x','y'].z").definite).toBe(false);
  });

  it('applies functions to the node', () => {
    expect(evaluatePath('$.store.book.length()', store)).toBe(4);
    expect(evaluatePath('$.store.bicycle.length()', store)).toBe(2);
    expect(evaluatePath('$.n.min()', { n: [3, 1, 2] })).toBe(1);
    expect(evaluatePath('$.n.max()', { n: [3, 1, 2] })).toBe(3);
    expect(evaluatePath('$.n.sum()', { n: [3, 1, 2] })).toBe(6);
    expect(evaluatePath('$.n.avg()', { n: [3, 1, 2] })).toBe(2);
    expect(evaluatePath('$.n.stddev()', { n: [2, 4] })).toBe(1);
  });
});

describe('failures of definite paths (Jayway messages wrapped as AWS does)', () => {
  it('missing leaf: "No results for path" (recorded: test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_INPUTPATH])', () => {
    const error = failure(() => evaluatePath('$.NoSuchInputPath', { 'int-literal': 0 }));
    expect(error).toBeInstanceOf(PathNotFoundError);
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe("Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
  });

  it('missing intermediate property: "Missing property in path" (recorded: test_catch_states_runtime)', () => {
    expect(failure(() => evaluatePath('$.no.such.result.path', {})).cause).toBe(
      "Invalid path '$.no.such.result.path' : Missing property in path $['no']",
    );
  });

  it('renders the full normalized path for a missing nested leaf and an out-of-range index', () => {
    expect(failure(() => evaluatePath('$.a.b', { a: {} })).cause).toBe(
      "Invalid path '$.a.b' : No results for path: $['a']['b']",
    );
    expect(failure(() => evaluatePath('$.a[5]', { a: [1] })).cause).toBe(
      "Invalid path '$.a[5]' : No results for path: $['a'][5]",
    );
  });

  it('walking into a non-object names the Java class Jackson built', () => {
    expect(failure(() => evaluatePath('$.a.b', { a: 'text' })).cause).toBe(
      "Invalid path '$.a.b' : Expected to find an object with property ['b'] in path $['a'] but found 'java.lang.String'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JacksonJsonProvider'.",
    );
    expect(failure(() => evaluatePath('$.a.b', { a: null })).cause).toContain("but found 'null'");
    expect(failure(() => evaluatePath('$.a.b', { a: 7 })).cause).toContain("but found 'java.lang.Integer'");
    expect(failure(() => evaluatePath('$.a.b', { a: 1.5 })).cause).toContain("but found 'java.lang.Double'");
    expect(failure(() => evaluatePath('$.a.b', { a: [] })).cause).toContain("but found 'java.util.ArrayList'");
  });

  it('indexing a non-array or null', () => {
    expect(failure(() => evaluatePath('$.a[0]', { a: { k: 1 } })).cause).toBe(
      "Invalid path '$.a[0]' : Filter: [0] can only be applied to arrays. Current context is: {k=1}",
    );
    expect(failure(() => evaluatePath('$.a[0].b', { a: null })).cause).toBe(
      "Invalid path '$.a[0].b' : The path $['a'] is null",
    );
  });

  it('keeps the source text of context and variable paths in the message', () => {
    expect(failure(() => evaluatePath('$$.Execution.Nope', {}, { context: { Execution: {} } })).cause).toBe(
      "Invalid path '$$.Execution.Nope' : No results for path: $['Execution']['Nope']",
    );
    expect(failure(() => evaluatePath('$v.x', {}, { variables: { v: {} } })).cause).toBe(
      "Invalid path '$v.x' : No results for path: $['x']",
    );
  });

  it('reports an undefined variable', () => {
    const error = failure(() => evaluatePath('$missing', {}, { variables: {} }));
    expect(error).toBeInstanceOf(PathNotFoundError);
    expect(error.cause).toBe("Invalid path '$missing' : The variable 'missing' is not defined");
  });
});

describe('indefinite paths', () => {
  it('yield arrays of matches', () => {
    expect(evaluatePath('$.store.book[*].author', store)).toEqual([
      'Nigel Rees',
      'Evelyn Waugh',
      'Herman Melville',
      'J. R. R. Tolkien',
    ]);
    expect(evaluatePath('$.store.*', store)).toEqual([
      (store as { store: { book: JsonValue } }).store.book,
      { color: 'red', price: 19.95 },
    ]);
    expect(evaluatePath('$.store.bicycle[*]', store)).toEqual(['red', 19.95]);
    expect(evaluatePath('$.store.book[0,2].price', store)).toEqual([8.95, 8.99]);
    expect(evaluatePath('$.a[*]', { a: [[1], [2]] })).toEqual([[1], [2]]);
  });

  it('yield [] when nothing matches (recorded: test_json_path_array_wildcard_or_slice_with_no_input)', () => {
    for (const path of ['$[*]', '$.items[*]', '$.items[:1]', '$.items[1:]', '$.item.items[*]', '$.item.items[1:5]', '$.items[*].itemValue', '$.item.items[1:5].itemValue']) {
      expect(evaluatePath(path, {})).toEqual([]);
    }
  });

  it('follow Jayway slices, including its quirks', () => {
    const a = { a: [0, 1, 2, 3, 4] };
    expect(evaluatePath('$.a[1:3]', a)).toEqual([1, 2]);
    expect(evaluatePath('$.a[:2]', a)).toEqual([0, 1]);
    expect(evaluatePath('$.a[3:]', a)).toEqual([3, 4]);
    expect(evaluatePath('$.a[-2:]', a)).toEqual([3, 4]);
    expect(evaluatePath('$.a[:-2]', a)).toEqual([0, 1, 2]);
    expect(evaluatePath('$.a[2:99]', a)).toEqual([2, 3, 4]);
    // SLICE_BETWEEN does not normalize a negative start; each index then wraps.
    expect(evaluatePath('$.a[-2:2]', a)).toEqual([3, 4, 0, 1]);
    expect(evaluatePath('$.a[0:-1]', a)).toEqual([]);
  });

  it('deep scan collects in document order', () => {
    expect(evaluatePath('$..author', store)).toHaveLength(4);
    expect(evaluatePath('$.store..price', store)).toEqual([8.95, 12.99, 8.99, 22.99, 19.95]);
    expect(evaluatePath('$..book[2].title', store)).toEqual(['Moby Dick']);
    expect(evaluatePath('$..isbn', store)).toEqual(['0-553', '0-395']);
    expect(evaluatePath('$..*', { a: { b: 1 } })).toEqual([{ b: 1 }, 1]);
  });

  it('filters with comparisons, && || ! and existence', () => {
    const titles = (path: string): JsonValue => evaluatePath(`${path}.title`, store);
    expect(titles('$.store.book[?(@.price < 10)]')).toEqual(['Sayings', 'Moby Dick']);
    expect(titles('$.store.book[?(@.isbn)]')).toEqual(['Moby Dick', 'LOTR']);
    expect(titles('$.store.book[?(!@.isbn)]')).toEqual(['Sayings', 'Sword']);
    expect(titles("$.store.book[?(@.category == 'fiction' && @.price > 20)]")).toEqual(['LOTR']);
    expect(titles("$.store.book[?(@.category == 'reference' || @.price > 20)]")).toEqual(['Sayings', 'LOTR']);
    expect(titles('$.store.book[?(@.price <= $.expensive)]')).toEqual(['Sayings', 'Moby Dick']);
    expect(titles('$.store.book[?(@.author =~ /.*REES/i)]')).toEqual(['Sayings']);
    expect(titles("$.store.book[?(@.category in ['reference'])]")).toEqual(['Sayings']);
    expect(titles("$.store.book[?(@.category nin ['reference'])]")).toEqual(['Sword', 'Moby Dick', 'LOTR']);
    expect(titles("$.store.book[?(@.isbn != '0-553')]")).toEqual(['Sayings', 'Sword', 'LOTR']);
    expect(titles('$.store.book[?((@.price > 9) && (@.price < 20))]')).toEqual(['Sword']);
  });

  it('filters compare numbers with numeric strings as Jayway does', () => {
    expect(evaluatePath("$.a[?(@.v == '1')]", { a: [{ v: 1 }, { v: 2 }] })).toEqual([{ v: 1 }]);
    expect(evaluatePath('$.a[?(@.v === 1)]', { a: [{ v: '1' }, { v: 1 }] })).toEqual([{ v: 1 }]);
  });

  it('filters with size, empty, contains, subsetof, anyof, noneof, exists', () => {
    const data = { a: [{ t: ['x', 'y'] }, { t: [] }, { t: 'abc' }] };
    expect(evaluatePath('$.a[?(@.t size 2)]', data)).toEqual([{ t: ['x', 'y'] }]);
    expect(evaluatePath('$.a[?(@.t empty true)]', data)).toEqual([{ t: [] }]);
    expect(evaluatePath("$.a[?(@.t contains 'b')]", data)).toEqual([{ t: 'abc' }]);
    expect(evaluatePath("$.a[?(@.t subsetof ['x','y','z'])]", data)).toEqual([{ t: ['x', 'y'] }, { t: [] }]);
    expect(evaluatePath("$.a[?(@.t anyof ['y'])]", data)).toEqual([{ t: ['x', 'y'] }]);
    expect(evaluatePath("$.a[?(@.t noneof ['y'])]", data)).toEqual([{ t: [] }]);
    expect(evaluatePath('$.a[?(@.t exists true)]', data)).toHaveLength(3);
  });

  it('filter on an object tests the object itself (recorded filter: test_state_pass_regex_json_path_base)', () => {
    expect(
      evaluatePath('$.users[?(@.status == 0)]', { users: [{ year: 1997, status: 0 }, { year: 1998, status: 1 }] }),
    ).toEqual([{ year: 1997, status: 0 }]);
    expect(evaluatePath('$.o[?(@.k == 1)]', { o: { k: 1 } })).toEqual([{ k: 1 }]);
  });
});

describe('roots', () => {
  it('reads $$ from the context object and $name from variables', () => {
    const context = { Execution: { Input: { x: 1 } }, Map: { Item: { Index: 3 } } };
    expect(evaluatePath('$$', {}, { context })).toEqual(context);
    expect(evaluatePath('$$.Map.Item.Index', {}, { context })).toBe(3);
    expect(evaluatePath('$answer', {}, { variables: { answer: 42 } })).toBe(42);
    expect(evaluatePath('$obj.list[1]', {}, { variables: { obj: { list: ['a', 'b'] } } })).toBe('b');
    expect(evaluatePath('$_x', {}, { variables: { _x: true } })).toBe(true);
    expect(compilePath('$x.y').root).toEqual({ kind: 'variable', name: 'x' });
    expect(compilePath('$$.x').root).toEqual({ kind: 'context' });
    expect(compilePath('$.x').root).toEqual({ kind: 'input' });
  });
});

describe('syntax', () => {
  it('rejects what Jayway rejects', () => {
    for (const path of ['', 'a.b', '$.', '$..', '$.a b', '$[', "$['a", '$.a[?(@.x]', '$.a[1:2:3]', '$.a.nope()', '$.a.length().b', '$[x]']) {
      expect(isValidPath(path), path).toBe(false);
    }
    expect(() => evaluatePath('$.', {})).toThrow(PathSyntaxError);
  });

  it('normalizes like Jayway', () => {
    expect(compilePath('$.a["b"][0][*]..c[1:][?(@.x)].length()').normalized).toBe(
      `$['a']["b"][0][*]..['c'][1:][?].length()`,
    );
  });
});
