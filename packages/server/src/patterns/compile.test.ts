import { describe, expect, it } from 'vitest';
import { combinations, compileRule, isNested, topLevelKeys } from './compile.js';
import { compileFilterPolicy } from './index.js';
import { readJsonTree } from '@tributary/asl';
import { writeJsonTree } from './write.js';

/** The message for a policy, and the compact text it quotes. */
function messageFor(policy: string): string {
  const result = compileFilterPolicy(policy, 'MessageBody');
  if (result.ok) throw new Error(`accepted: ${policy}`);
  return result.message;
}

/** The location suffix for a column of the compact form of a policy. */
function at(compact: string, column: number): string {
  return `\n at [Source: (String)"${compact}"; line: 1, column: ${column}]`;
}

/** Column just after the n-th occurrence (1-based) of a piece of the compact text. */
function after(compact: string, piece: string, nth = 1): number {
  let index = -1;
  for (let i = 0; i < nth; i++) index = compact.indexOf(piece, index + 1);
  if (index < 0) throw new Error(`${piece} not in ${compact}`);
  return index + piece.length + 1;
}

const RANGE = 'Value must be between -5.0E9 and 5.0E9, inclusive';

describe('rule errors beyond the recorded ones', () => {
  it('quotes the compact form of the policy, whatever the caller sent', () => {
    const sent = '{\n  "key" : [ { "numeric" : [ ">" , 3 , "<" , 1 ] } ]\n}';
    const compact = '{"key":[{"numeric":[">",3,"<",1]}]}';
    expect(messageFor(sent)).toBe(`FilterPolicy: Bottom must be less than top${at(compact, 33)}`);
  });

  it('requires an object with at least one key', () => {
    expect(messageFor('[]')).toBe(`FilterPolicy: Filter is not an object${at('[]', 2)}`);
    expect(messageFor('"x"')).toBe(`FilterPolicy: Filter is not an object${at('"x"', 2)}`);
    expect(messageFor('')).toBe(`FilterPolicy: Filter is not an object${at('', 1)}`);
    expect(messageFor('{}')).toBe(`FilterPolicy: Empty objects are not allowed${at('{}', 3)}`);
    expect(messageFor('{"a":{}}')).toBe(`FilterPolicy: Empty objects are not allowed${at('{"a":{}}', 8)}`);
  });

  it('rejects an empty match expression and non-string operands', () => {
    const empty = '{"a":[{}]}';
    expect(messageFor(empty)).toBe(`FilterPolicy: Match expression name not found${at(empty, after(empty, '{}'))}`);
    const eic = '{"a":[{"equals-ignore-case":1}]}';
    expect(messageFor(eic)).toBe(`FilterPolicy: equals-ignore-case match pattern must be a string${at(eic, after(eic, ':1'))}`);
    const exactly = '{"a":[{"exactly":true}]}';
    expect(messageFor(exactly)).toBe(`FilterPolicy: exact match pattern must be a string${at(exactly, after(exactly, 'true'))}`);
    const numeric = '{"a":[{"numeric":5}]}';
    expect(messageFor(numeric)).toBe(`FilterPolicy: Value of numeric must be an array.${at(numeric, after(numeric, '5'))}`);
  });

  it('limits numbers to ±5e9, reporting after the numeric expression', () => {
    const eq = '{"a":[{"numeric":["=",6000000000]}]}';
    expect(messageFor(eq)).toBe(`FilterPolicy: ${RANGE}${at(eq, after(eq, ']'))}`);
    const between = '{"a":[{"numeric":[">",0,"<",6000000000]}]}';
    expect(messageFor(between)).toBe(`FilterPolicy: ${RANGE}${at(between, after(between, ']'))}`);
    const above = '{"a":[{"numeric":[">",6000000000]}]}';
    expect(messageFor(above)).toBe(`FilterPolicy: Bottom must be less than top${at(above, after(above, ']'))}`);
    const below = '{"a":[{"numeric":["<",-6000000000]}]}';
    expect(messageFor(below)).toBe(`FilterPolicy: Bottom must be less than top${at(below, after(below, ']'))}`);
  });

  it('reports an out-of-range single anything-but number bare, as the rule engine lets it escape', () => {
    expect(messageFor('{"a":[{"anything-but":6000000000}]}')).toBe(`FilterPolicy: ${RANGE}`);
    const list = '{"a":[{"anything-but":[1,6000000000]}]}';
    expect(messageFor(list)).toBe(`FilterPolicy: ${RANGE}${at(list, after(list, '6000000000'))}`);
  });

  it('checks what anything-but holds', () => {
    const nullValue = '{"a":[{"anything-but":null}]}';
    expect(messageFor(nullValue)).toBe(
      `FilterPolicy: Value of anything-but must be an array or single string/number value.${at(nullValue, after(nullValue, 'null'))}`,
    );
    const mixed = '{"a":[{"anything-but":[1,"x"]}]}';
    expect(messageFor(mixed)).toBe(
      `FilterPolicy: Inside anything but list, either all values are number or string, mixed type is not supported${at(mixed, after(mixed, ']'))}`,
    );
    const empty = '{"a":[{"anything-but":[]}]}';
    expect(messageFor(empty)).toBe(
      `FilterPolicy: Inside anything but list, either all values are number or string, mixed type is not supported${at(empty, after(empty, '[]'))}`,
    );
    const noName = '{"a":[{"anything-but":{}}]}';
    expect(messageFor(noName)).toBe(`FilterPolicy: Anything-But expression name not found${at(noName, after(noName, '{}'))}`);
    const emptyPrefix = '{"a":[{"anything-but":{"prefix":""}}]}';
    expect(messageFor(emptyPrefix)).toBe(`FilterPolicy: Null prefix not allowed${at(emptyPrefix, after(emptyPrefix, '""'))}`);
    const twoKeys = '{"a":[{"anything-but":"x","prefix":"y"}]}';
    expect(messageFor(twoKeys)).toBe(`FilterPolicy: Too many elements in numeric expression${at(twoKeys, after(twoKeys, ',"prefix":"'))}`);
  });

  it('repeats the location for a null or boolean in an anything-but list, as the rule engine re-wraps that error', () => {
    const policy = '{"a":[{"anything-but":["x",null]}]}';
    const location = at(policy, after(policy, 'null'));
    expect(messageFor(policy)).toBe(`FilterPolicy: Inside anything but list, start|null|boolean is not supported.${location}${location}`);
  });

  it('rejects more than one key after exists or cidr', () => {
    const exists = '{"a":[{"exists":true,"x":1}]}';
    expect(messageFor(exists)).toBe(`FilterPolicy: Only one key allowed in match expression${at(exists, after(exists, '"x":1'))}`);
    const cidr = '{"a":[{"cidr":"10.0.0.0/8","x":1}]}';
    expect(messageFor(cidr)).toBe(`FilterPolicy: Only one key allowed in match expression${at(cidr, after(cidr, '"x":1'))}`);
  });

  it('reports CIDR limits bare', () => {
    expect(messageFor('{"a":[{"cidr":"10.0.0.0/32"}]}')).toBe('FilterPolicy: IPv4 mask bits must be < 32');
    expect(messageFor('{"a":[{"cidr":"300.0.0.0/8"}]}')).toBe('FilterPolicy: Invalid IP address: 300.0.0.0');
  });

  it('truncates the quoted policy after 500 characters', () => {
    const policy = `{"a":["${'x'.repeat(600)}"],"b":[{"nope":1}]}`;
    const message = messageFor(policy);
    expect(message).toContain(`[Source: (String)"${policy.slice(0, 500)}"[truncated ${policy.length - 500} chars]; line: 1, column: ${after(policy, '"nope":1')}]`);
  });

  it('counts columns in UTF-16 units of the compact text, escapes included', () => {
    const policy = '{"é\\n😀":[{"nope":1}]}';
    expect(messageFor(policy)).toBe(`FilterPolicy: Unrecognized match type nope${at(policy, after(policy, '"nope":1'))}`);
  });

  it('quotes control characters of the compact text as \\u escapes', () => {
    const message = messageFor('{"\u007f":[{"nope":1}]}');
    expect(message).toContain('[Source: (String)"{"\\u007F":[{"nope":1}]}"');
  });
});

describe('"$or"', () => {
  it('is an operator when followed by two or more objects', () => {
    const result = compileRule(writeJsonTree(readJsonTree('{"a":["1"],"$or":[{"b":["2"]},{"c":["3"]}]}')));
    expect(result.subRules.map((r) => [...r.keys()].sort())).toEqual([
      ['a', 'b'],
      ['a', 'c'],
    ]);
  });

  it('distributes over nesting and over earlier and later keys', () => {
    const result = compileRule(writeJsonTree(readJsonTree('{"x":{"$or":[{"b":["2"]},{"c":["3"]}],"d":["4"]},"$or":[{"e":["5"]},{"f":["6"]}]}')));
    expect(result.subRules.map((r) => [...r.keys()].sort().join(' '))).toEqual(['e x.b x.d', 'e x.c x.d', 'f x.b x.d', 'f x.c x.d']);
  });

  it('lets a later key override the same key from before the "$or"', () => {
    const result = compileRule(writeJsonTree(readJsonTree('{"a":["1"],"$or":[{"a":["2"]},{"b":["3"]}]}')));
    expect(result.subRules.map((r) => r.get('a')?.map((p) => (p.k === 'string' ? p.value : p.k)))).toEqual([['2'], ['1']]);
  });

  it('falls back to an ordinary field name when it is not an operator, and then reports that reading\'s error', () => {
    const single = '{"$or":[{"a":["x"]}]}';
    expect(messageFor(single)).toBe(`FilterPolicy: Unrecognized match type a${at(single, after(single, '"a":['))}`);
    const reserved = '{"$or":[{"prefix":"x"},{"b":["y"]}]}';
    expect(messageFor(reserved)).toBe(`FilterPolicy: Unrecognized match type b${at(reserved, after(reserved, '"b":['))}`);
    expect(compileFilterPolicy('{"$or":[{"prefix":"x"},{"suffix":"y"}]}', 'MessageBody').ok).toBe(true);
    expect(compileFilterPolicy('{"$or":{"a":["x"]}}', 'MessageBody').ok).toBe(true);
  });

  it('makes any later rule error surface as the ordinary-field reading of the "$or"', () => {
    const policy = '{"$or":[{"a":["x"]},{"b":["y"]}],"c":[{"numeric":[]}]}';
    expect(messageFor(policy)).toBe(`FilterPolicy: Unrecognized match type a${at(policy, after(policy, '"a":['))}`);
  });
});

describe('the shape AWS limits', () => {
  const shape = (text: string) => compileRule(writeJsonTree(readJsonTree(text))).shape;

  it('counts top-level keys, looking through "$or"', () => {
    expect([...topLevelKeys(shape('{"a":["1"],"b":{"c":["1"],"d":["1"]},"$or":[{"e":["1"]},{"a":["2"]}]}'))].sort()).toEqual(['a', 'b', 'e']);
  });

  it('computes combinations as the sum over "$or" branches of depth-weighted products', () => {
    expect(combinations(shape('{"a":["1","2","3"],"b":["1"],"c":["1","2"]}'))).toBe(6);
    expect(combinations(shape('{"a":{"b":{"c":["1","2","3","4"]}},"d":{"e":["1","2","3"]},"f":["1","2","3"]}'))).toBe(216);
    expect(
      combinations(
        shape('{"$or":[{"m":["1","2","3"]},{"n":["1","2"]}],"detail":{"scope":["1","2"],"$or":[{"source":["1"]},{"type":["1","2","3"]}]}}'),
      ),
    ).toBe(160);
  });

  it('knows a nested policy from a flat one, dotted keys being flat', () => {
    expect(isNested(shape('{"a.b":["1"]}'))).toBe(false);
    expect(isNested(shape('{"a":{"b":["1"]}}'))).toBe(true);
    expect(isNested(shape('{"$or":[{"a":["1"]},{"b":{"c":["1"]}}]}'))).toBe(true);
  });
});
