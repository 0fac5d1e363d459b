import { describe, expect, it } from 'vitest';
import { compileFilterPolicy, jacksonParseProblem, type FilterScope } from './index.js';

/** Python's json.dumps with its default separators, as the recording tests sent policies. */
function pyDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pyDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pyDumps(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

const SUBSCRIBE = 'Invalid parameter: Attributes Reason: ';
const SET_ATTRIBUTES = 'Invalid parameter: ';

interface Recorded {
  scenario: string;
  policy: unknown;
  scope?: FilterScope;
  prefix: string;
  /** The full error message AWS returned (errors.jsonl). */
  message: string;
}

const values = (n: number): string[] => Array.from({ length: n }, (_, i) => `value${i}`);

// Every SNS filter-policy validation message recorded against AWS, with the policy that produced it
// (LocalStack test_sns_filter_policy.py / test_sns.py, sent as json.dumps(policy)).
const RECORDED: Recorded[] = [
  { scenario: 'error-condition-list', policy: { key: [['value']] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Match value must be String, number, true, false, or null\n at [Source: (String)"{"key":[["value"]]}"; line: 1, column: 10]' },
  { scenario: 'error-condition-operator', policy: { key: [{ 'wrong-operator': true }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Unrecognized match type wrong-operator\n at [Source: (String)"{"key":[{"wrong-operator":true}]}"; line: 1, column: 31]' },
  { scenario: 'error-condition-two-operators', policy: { key: [{ suffix: 'value', prefix: 'value2' }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Only one key allowed in match expression\n at [Source: (String)"{"key":[{"suffix":"value","prefix":"value2"}]}"; line: 1, column: 37]' },
  { scenario: 'error-condition-empty-array', policy: { key: [] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Empty arrays are not allowed\n at [Source: (String)"{"key":[]}"; line: 1, column: 10]' },
  { scenario: 'error-condition-is-numeric', policy: { key: [{ suffix: 100 }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: suffix match pattern must be a string\n at [Source: (String)"{"key":[{"suffix":100}]}"; line: 1, column: 22]' },
  { scenario: 'error-condition-is-none', policy: { key: [{ suffix: null }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: suffix match pattern must be a string\n at [Source: (String)"{"key":[{"suffix":null}]}"; line: 1, column: 23]' },
  { scenario: 'error-condition-is-not-list-and-operator', policy: { key: { suffix: 'value' } }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: "suffix" must be an object or an array\n at [Source: (String)"{"key":{"suffix":"value"}}"; line: 1, column: 19]' },
  { scenario: 'error-condition-empty-list', policy: { key: [{ suffix: [] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: suffix match pattern must be a string\n at [Source: (String)"{"key":[{"suffix":[]}]}"; line: 1, column: 20]' },
  { scenario: 'error-condition-list-wrong-type', policy: { key: [{ suffix: ['test', 'test2'] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: suffix match pattern must be a string\n at [Source: (String)"{"key":[{"suffix":["test","test2"]}]}"; line: 1, column: 20]' },
  { scenario: 'error-condition-is-not-list-two-ops', policy: { key: { suffix: 'value', prefix: 'value' } }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: "suffix" must be an object or an array\n at [Source: (String)"{"key":{"suffix":"value","prefix":"value"}}"; line: 1, column: 19]' },
  { scenario: 'error-condition-is-not-list-and-no-operator', policy: { key: { 'not-an-operator': 'value' } }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: "not-an-operator" must be an object or an array\n at [Source: (String)"{"key":{"not-an-operator":"value"}}"; line: 1, column: 28]' },
  { scenario: 'error-condition-bad-type', policy: { key: [{ cidr: ['bad-filter'] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: prefix match pattern must be a string\n at [Source: (String)"{"key":[{"cidr":["bad-filter"]}]}"; line: 1, column: 18]' },
  { scenario: 'error-condition-bad-cidr-str', policy: { key: [{ cidr: 'bad-filter' }] }, prefix: SUBSCRIBE,
    message: "Invalid parameter: Attributes Reason: FilterPolicy: Malformed CIDR, one '/' required" },
  { scenario: 'error-condition-bad-cidr-str-slash', policy: { key: [{ cidr: 'bad-filter/64' }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Nonstandard IP address: bad-filter' },
  { scenario: 'error-condition-bad-cidr-str-slash-2', policy: { key: [{ cidr: 'bad-/64filter' }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Malformed CIDR, mask bits must be an integer' },
  { scenario: 'error-condition-bad-cidr-v4', policy: { key: [{ cidr: 'xx.11.xx/8' }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Nonstandard IP address: xx.11.xx' },
  { scenario: 'error-condition-bad-cidr-v6', policy: { key: [{ cidr: 'xxxx:db8:1234:1a00::/64' }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Nonstandard IP address: xxxx:db8:1234:1a00::' },
  { scenario: 'error-numeric-empty', policy: { key: [{ numeric: [] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Invalid member in numeric match: ]\n at [Source: (String)"{"key":[{"numeric":[]}]}"; line: 1, column: 22]' },
  { scenario: 'error-numeric-wrong-operator', policy: { key: [{ numeric: ['operator'] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Unrecognized numeric range operator: operator\n at [Source: (String)"{"key":[{"numeric":["operator"]}]}"; line: 1, column: 32]' },
  { scenario: 'error-numeric-operator-order', policy: { key: [{ numeric: [1, '<='] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Invalid member in numeric match: 1\n at [Source: (String)"{"key":[{"numeric":[1,"<="]}]}"; line: 1, column: 22]' },
  { scenario: 'error-numeric-type', policy: { key: [{ numeric: ['=', '000'] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Value of equals must be numeric\n at [Source: (String)"{"key":[{"numeric":["=","000"]}]}"; line: 1, column: 26]' },
  { scenario: 'error-numeric-missing-value', policy: { key: [{ numeric: ['>='] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Value of >= must be numeric\n at [Source: (String)"{"key":[{"numeric":[">="]}]}"; line: 1, column: 26]' },
  { scenario: 'error-numeric-wrong-range-order', policy: { key: [{ numeric: ['<', 100, '>', 10] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Too many elements in numeric expression\n at [Source: (String)"{"key":[{"numeric":["<",100,">",10]}]}"; line: 1, column: 30]' },
  { scenario: 'error-numeric-wrong-range-operators', policy: { key: [{ numeric: ['>=', 1, '>', 2] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Bad numeric range operator: >\n at [Source: (String)"{"key":[{"numeric":[">=",1,">",2]}]}"; line: 1, column: 31]' },
  { scenario: 'error-numeric-wrong-value-order', policy: { key: [{ numeric: ['>', 3, '<', 1] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Bottom must be less than top\n at [Source: (String)"{"key":[{"numeric":[">",3,"<",1]}]}"; line: 1, column: 33]' },
  { scenario: 'error-numeric-missing-range-value', policy: { key: [{ numeric: ['>', 20, '<='] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Value of <= must be numeric\n at [Source: (String)"{"key":[{"numeric":[">",20,"<="]}]}"; line: 1, column: 33]' },
  { scenario: 'error-numeric-missing-range-operator', policy: { key: [{ numeric: ['>', 20, 30] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Bad value in numeric range: 30\n at [Source: (String)"{"key":[{"numeric":[">",20,30]}]}"; line: 1, column: 30]' },
  { scenario: 'error-numeric-wrong-second-range-operator', policy: { key: [{ numeric: ['>', 20, 'test'] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Bad numeric range operator: test\n at [Source: (String)"{"key":[{"numeric":[">",20,"test"]}]}"; line: 1, column: 34]' },
  { scenario: 'error-numeric-wrong-range-value-1-type', policy: { key: [{ numeric: ['>', '20', '<', '30'] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Value of > must be numeric\n at [Source: (String)"{"key":[{"numeric":[">","20","<","30"]}]}"; line: 1, column: 26]' },
  { scenario: 'error-numeric-wrong-range-value-2-type', policy: { key: [{ numeric: ['>', 20, '<', '30'] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Value of < must be numeric\n at [Source: (String)"{"key":[{"numeric":[">",20,"<","30"]}]}"; line: 1, column: 33]' },
  { scenario: 'error-numeric-too-many-range', policy: { key: [{ numeric: ['>', 20, '<', 30, '<', 50] }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Too many terms in numeric range expression\n at [Source: (String)"{"key":[{"numeric":[">",20,"<",30,"<",50]}]}"; line: 1, column: 36]' },
  { scenario: 'error-condition-none', policy: { key: [{ exists: null }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: exists match pattern must be either true or false.\n at [Source: (String)"{"key":[{"exists":null}]}"; line: 1, column: 23]' },
  { scenario: 'error-condition-string', policy: { key: [{ exists: 'no' }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: exists match pattern must be either true or false.\n at [Source: (String)"{"key":[{"exists":"no"}]}"; line: 1, column: 20]' },
  { scenario: 'error-condition-wrong-operator', policy: { key: [{ 'anything-but': { 'wrong-operator': null } }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Unsupported anything-but pattern: wrong-operator\n at [Source: (String)"{"key":[{"anything-but":{"wrong-operator":null}}]}"; line: 1, column: 47]' },
  { scenario: 'error-condition-anything-but-suffix', policy: { key: [{ 'anything-but': { suffix: 'test' } }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Unsupported anything-but pattern: suffix\n at [Source: (String)"{"key":[{"anything-but":{"suffix":"test"}}]}"; line: 1, column: 36]' },
  { scenario: 'error-condition-anything-but-exists', policy: { key: [{ 'anything-but': { exists: false } }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Unsupported anything-but pattern: exists\n at [Source: (String)"{"key":[{"anything-but":{"exists":false}}]}"; line: 1, column: 40]' },
  { scenario: 'error-condition-anything-but-prefix-wrong-type', policy: { key: [{ 'anything-but': { prefix: false } }] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: prefix match pattern must be a string\n at [Source: (String)"{"key":[{"anything-but":{"prefix":false}}]}"; line: 1, column: 40]' },
  { scenario: 'error-complexity-in-one-condition', policy: { key: values(151) }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Filter policy is too complex' },
  { scenario: 'error-complexity-in-two-conditions', policy: { key1: values(100), key2: values(51) }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Filter policy is too complex' },
  { scenario: 'error-complexity-too-many-fields',
    policy: { key1: ['value1'], key2: ['value2'], key3: ['value3'], key4: ['value4'], key5: ['value5'], key6: ['value6'] }, prefix: SUBSCRIBE,
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Filter policy can not have more than 5 keys' },
  { scenario: 'error-complexity-or-flat', scope: 'MessageAttributes', prefix: SUBSCRIBE,
    policy: {
      source: ['aws.cloudwatch', 'aws.events', 'aws.test', 'aws.test2'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency', 't1', 't2', 't3', 't4'] },
        { metricType: ['MetricType', 'TestType', 'TestType2', 'TestType3'], $or: [{ metricId: [1234, 4321, 5678, 9012] }, { spaceId: [1, 2, 3, 4] }] },
      ],
    },
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Filter policy is too complex' },
  { scenario: 'error-complexity-or-nested', scope: 'MessageBody', prefix: SUBSCRIBE,
    policy: {
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency', 'TestValue'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      detail: {
        scope: ['Service', 'Test'],
        $or: [{ source: ['aws.cloudwatch'] }, { type: ['CloudWatch Alarm State Change', 'TestValue', 'TestValue2'] }],
      },
    },
    message: 'Invalid parameter: Attributes Reason: FilterPolicy: Filter policy is too complex' },
  { scenario: 'sub-filter-policy-nested-error', policy: { object: { key: [{ prefix: 'auto-' }] } }, prefix: SET_ATTRIBUTES,
    message: 'Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy' },
  { scenario: 'sub-filter-policy-nested-error-too-many-combinations', scope: 'MessageBody', prefix: SET_ATTRIBUTES,
    policy: {
      key_a: { key_b: { key_c: ['value_one', 'value_two', 'value_three', 'value_four'] } },
      key_d: { key_e: ['value_one', 'value_two', 'value_three'] },
      key_f: ['value_one', 'value_two', 'value_three'],
    },
    message: 'Invalid parameter: FilterPolicy: Filter policy is too complex' },
  { scenario: 'sub-filter-policy-max-attr-keys', scope: 'MessageBody', prefix: SET_ATTRIBUTES,
    policy: { key_a: ['value_one'], key_b: ['value_two'], key_c: ['value_three'], key_d: ['value_four'], key_e: ['value_five'], key_f: ['value_six'] },
    message: 'Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys' },
  { scenario: 'sub-filter-policy-rule-no-list', scope: 'MessageBody', policy: { key_a: 'value_one' }, prefix: SET_ATTRIBUTES,
    message: 'Invalid parameter: FilterPolicy: "key_a" must be an object or an array\n at [Source: (String)"{"key_a":"value_one"}"; line: 1, column: 11]' },
];

describe('filter policy validation, as recorded against AWS', () => {
  it.each(RECORDED)('$scenario: gives the recorded message', ({ policy, scope, prefix, message }) => {
    const result = compileFilterPolicy(pyDumps(policy), scope ?? 'MessageAttributes');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(prefix + result.message).toBe(message);
  });

  it('subscribe-invalid-filter-policy: quotes Jackson for text that is not JSON', () => {
    const result = compileFilterPolicy('invalid-json', 'MessageAttributes');
    expect(result).toEqual({
      ok: false,
      message:
        "FilterPolicy: failed to parse JSON. Unrecognized token 'invalid': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 8]",
    });
  });

  it('invalid-json-filter-policy: quotes Jackson for an unquoted field name', () => {
    const result = compileFilterPolicy('{invalidjson}', 'MessageAttributes');
    expect(result).toEqual({
      ok: false,
      message:
        "FilterPolicy: failed to parse JSON. Unexpected character ('i' (code 105)): was expecting double-quote to start field name\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]",
    });
  });

  it('gives the same parse message AWS gives for other JSON attributes (RedrivePolicy)', () => {
    expect(jacksonParseProblem('{invalidjson}')).toBe(
      "failed to parse JSON. Unexpected character ('i' (code 105)): was expecting double-quote to start field name\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]",
    );
    expect(jacksonParseProblem('{"deadLetterTargetArn": "x"}')).toBeUndefined();
  });
});

describe('filter policies AWS accepts', () => {
  it('accepts exactly 150 combinations across nested "$or" (MessageAttributes)', () => {
    const policy = {
      source: ['aws.cloudwatch', 'aws.events', 'aws.test'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency', 'TestVal', 'TestVal2', 'TestVal3', 'TestVal4'] },
        {
          metricType: ['MetricType', 'TestType', 'TestType2', 'TestType3'],
          $or: [{ metricId: [1234, 4321, 5678, 9012] }, { spaceId: [1, 2, 3, 4, 5, 6, 7] }],
        },
      ],
    };
    expect(compileFilterPolicy(pyDumps(policy), 'MessageAttributes').ok).toBe(true);
  });

  it.each([
    { key: [{ 'anything-but': { prefix: 'test-' } }] },
    { key: [{ 'anything-but': ['test', 'test2'] }] },
    { key: [{ 'anything-but': 'test' }] },
    { attr: ['match-this'] },
    { attr1: [{ numeric: ['>', 0, '<=', 100] }] },
    { attr1: [null, { 'anything-but': 'whatever' }] },
    { store: [{ exists: true }] },
    { store: [{ exists: false }] },
  ])('accepts %j in either scope', (policy) => {
    expect(compileFilterPolicy(pyDumps(policy), 'MessageAttributes').ok).toBe(true);
    expect(compileFilterPolicy(pyDumps(policy), 'MessageBody').ok).toBe(true);
  });

  it('accepts a nested policy in MessageBody scope', () => {
    const result = compileFilterPolicy(pyDumps({ object: { key: [{ prefix: 'auto-' }] } }), 'MessageBody');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.policy.scope).toBe('MessageBody');
  });

  it('counts only top-level keys in MessageBody scope (AWS docs: nested keys do not count)', () => {
    const policy = {
      state: ['SUCCESS'],
      severity: [{ exists: true }],
      message: [{ exists: true }],
      finding: { standard_control: [{ exists: true }], region: [{ exists: true }], account: [{ exists: true }] },
    };
    expect(compileFilterPolicy(JSON.stringify(policy), 'MessageBody').ok).toBe(true);
  });

  it('counts the keys inside "$or" branches towards the five-key limit', () => {
    const policy = { a: ['1'], b: ['1'], $or: [{ c: ['1'], d: ['1'] }, { e: ['1'], f: ['1'] }] };
    expect(compileFilterPolicy(JSON.stringify(policy), 'MessageAttributes')).toEqual({
      ok: false,
      message: 'FilterPolicy: Filter policy can not have more than 5 keys',
    });
  });

  it('multiplies each array by its nesting depth when counting combinations', () => {
    // 3 (depth) × 4 + 2 × 3 → 12 × 6 = 72: accepted; the AWS doc example.
    const ok = { key_a: { key_b: { key_c: ['1', '2', '3', '4'] } }, key_d: { key_e: ['1', '2', '3'] } };
    expect(compileFilterPolicy(JSON.stringify(ok), 'MessageBody').ok).toBe(true);
    // 3 × 4 × 2 × 7 = 168 > 150
    const tooMany = { key_a: { key_b: { key_c: ['1', '2', '3', '4'] } }, key_d: { key_e: ['1', '2', '3', '4', '5', '6', '7'] } };
    expect(compileFilterPolicy(JSON.stringify(tooMany), 'MessageBody')).toEqual({ ok: false, message: 'FilterPolicy: Filter policy is too complex' });
  });

  it('reports rule errors before the limits, and the scope check last', () => {
    const nestedAndBad = { a: { b: [{ nope: 1 }] } };
    const result = compileFilterPolicy(JSON.stringify(nestedAndBad), 'MessageAttributes');
    expect(!result.ok && result.message.startsWith('FilterPolicy: Unrecognized match type nope')).toBe(true);
    const nestedAndTooComplex = { a: { b: values(80) } };
    expect(compileFilterPolicy(JSON.stringify(nestedAndTooComplex), 'MessageAttributes')).toEqual({
      ok: false,
      message: 'FilterPolicy: Filter policy is too complex',
    });
  });
});
