import { describe, expect, it } from 'vitest';
import { compileFilterPolicy, matchesMessageAttributes, matchesMessageBody, type CompiledFilterPolicy, type FilterScope, type SnsAttribute } from './index.js';

function compile(policy: unknown, scope: FilterScope): CompiledFilterPolicy {
  const result = compileFilterPolicy(JSON.stringify(policy), scope);
  if (!result.ok) throw new Error(result.message);
  return result.policy;
}

const str = (Value: string): SnsAttribute => ({ Type: 'String', Value });
const num = (Value: string): SnsAttribute => ({ Type: 'Number', Value });
const arr = (values: unknown[]): SnsAttribute => ({ Type: 'String.Array', Value: JSON.stringify(values) });

function attrs(policy: unknown) {
  const p = compile(policy, 'MessageAttributes');
  return (a: Record<string, SnsAttribute>): boolean => matchesMessageAttributes(p, a);
}

function body(policy: unknown) {
  const p = compile(policy, 'MessageBody');
  return (b: unknown): boolean => matchesMessageBody(p, typeof b === 'string' ? b : JSON.stringify(b));
}

describe('MessageAttributes scope', () => {
  describe('exact string matching (AWS docs)', () => {
    const m = attrs({ customer_interests: ['rugby', 'tennis'] });

    it('matches a String attribute equal to one of the values', () => {
      expect(m({ customer_interests: str('rugby') })).toBe(true);
      expect(m({ customer_interests: str('tennis') })).toBe(true);
    });

    it('matches a String.Array attribute when any element is one of the values', () => {
      expect(m({ customer_interests: arr(['rugby', 'tennis']) })).toBe(true);
      expect(m({ customer_interests: arr(['soccer', 'tennis']) })).toBe(true);
    });

    it('does not match other values, other attributes, or different case', () => {
      expect(m({ customer_interests: str('baseball') })).toBe(false);
      expect(m({ customer_interests: arr(['baseball']) })).toBe(false);
      expect(m({ customer_interests: str('Rugby') })).toBe(false);
      expect(m({ other: str('rugby') })).toBe(false);
    });

    it('never matches a message without attributes', () => {
      expect(m({})).toBe(false);
    });
  });

  it('ANDs keys and ORs values (AWS docs AND/OR logic)', () => {
    const m = attrs({ customer_interests: ['rugby'], price_usd: [{ numeric: ['>', 100] }] });
    expect(m({ customer_interests: str('rugby'), price_usd: num('100.01') })).toBe(true);
    expect(m({ customer_interests: str('rugby'), price_usd: num('100') })).toBe(false);
    expect(m({ customer_interests: str('rugby') })).toBe(false);
  });

  it('prefix matches strings that begin with it (AWS docs)', () => {
    const m = attrs({ customer_interests: [{ prefix: 'bas' }] });
    expect(m({ customer_interests: str('baseball') })).toBe(true);
    expect(m({ customer_interests: str('basketball') })).toBe(true);
    expect(m({ customer_interests: str('rugby') })).toBe(false);
    expect(m({ customer_interests: arr(['rugby', 'basketball']) })).toBe(true);
  });

  it('suffix matches strings that end with it', () => {
    const m = attrs({ filter: [{ suffix: 'pe1' }] });
    expect(m({ filter: str('type1') })).toBe(true);
    expect(m({ filter: str('type2') })).toBe(false);
    expect(attrs({ filter: [{ suffix: 'gby' }] })({ filter: arr(['soccer', 'rugby', 'hockey']) })).toBe(true);
  });

  it('equals-ignore-case matches regardless of case', () => {
    const m = attrs({ filter: [{ 'equals-ignore-case': 'TYPE1' }] });
    expect(m({ filter: str('type1') })).toBe(true);
    expect(m({ filter: str('TyPe1') })).toBe(true);
    expect(m({ filter: str('type2') })).toBe(false);
    expect(attrs({ filter: [{ 'equals-ignore-case': 'RuGbY' }] })({ filter: arr(['soccer', 'rugby']) })).toBe(true);
  });

  describe('anything-but', () => {
    it('matches values not listed (AWS docs)', () => {
      const m = attrs({ customer_interests: [{ 'anything-but': ['rugby', 'tennis'] }] });
      expect(m({ customer_interests: str('baseball') })).toBe(true);
      expect(m({ customer_interests: str('football') })).toBe(true);
      expect(m({ customer_interests: str('rugby') })).toBe(false);
    });

    it('matches a String.Array holding any value not listed (AWS docs)', () => {
      const m = attrs({ customer_interests: [{ 'anything-but': ['rugby', 'tennis'] }] });
      expect(m({ customer_interests: arr(['rugby', 'baseball']) })).toBe(true);
      expect(m({ customer_interests: arr(['rugby']) })).toBe(false);
    });

    it('takes a single value', () => {
      const m = attrs({ filter: [{ 'anything-but': 'type1' }] });
      expect(m({ filter: str('type1') })).toBe(false);
      expect(m({ filter: str('type2') })).toBe(true);
    });

    it('with a prefix, matches strings that do not begin with it (AWS docs)', () => {
      const m = attrs({ event: [{ 'anything-but': { prefix: 'order-' } }] });
      expect(m({ event: str('data-entry') })).toBe(true);
      expect(m({ event: str('order_number') })).toBe(true);
      expect(m({ event: str('order-cancelled') })).toBe(false);
    });

    it('compares numbers numerically (AWS docs)', () => {
      const m = attrs({ price: [{ 'anything-but': [100, 500] }] });
      expect(m({ price: num('101') })).toBe(true);
      expect(m({ price: num('100.1') })).toBe(true);
      expect(m({ price: num('100') })).toBe(false);
      expect(m({ price: num('1e2') })).toBe(false);
      expect(m({ price: arr([100, 50]) })).toBe(true);
    });

    it('accepts a value of the other type: a string is never one of the listed numbers', () => {
      expect(attrs({ price: [{ 'anything-but': [100] }] })({ price: str('100') })).toBe(true);
      expect(attrs({ price: [{ 'anything-but': ['100'] }] })({ price: num('100') })).toBe(true);
    });

    it('does not match a missing attribute unless combined with exists:false', () => {
      expect(attrs({ a: [{ 'anything-but': 'x' }] })({ b: str('y') })).toBe(false);
      expect(attrs({ a: [{ 'anything-but': 'x' }, { exists: false }] })({ b: str('y') })).toBe(true);
    });

    it('lets a null value or anything-but fail when no attributes are published (test_filter_policy)', () => {
      const m = attrs({ attr1: [null, { 'anything-but': 'whatever' }] });
      expect(m({})).toBe(false);
      expect(m({ other: str('x') })).toBe(false);
      expect(m({ attr1: str('something') })).toBe(true);
    });
  });

  describe('numeric matching', () => {
    it('matches equal numbers whatever their spelling (AWS docs)', () => {
      const m = attrs({ price_usd: [{ numeric: ['=', 301.5] }] });
      expect(m({ price_usd: num('301.5') })).toBe(true);
      expect(m({ price_usd: num('3.015e2') })).toBe(true);
      expect(m({ price_usd: num('301.50000') })).toBe(true);
      expect(m({ price_usd: num('301.51') })).toBe(false);
    });

    it('compares plain number values numerically too', () => {
      const m = attrs({ filter: [300] });
      expect(m({ filter: num('300') })).toBe(true);
      expect(m({ filter: num('3e2') })).toBe(true);
      expect(m({ filter: num('300.0') })).toBe(true);
      expect(m({ filter: num('301') })).toBe(false);
    });

    it('keeps strings and numbers apart', () => {
      expect(attrs({ filter: [300] })({ filter: str('300') })).toBe(false);
      expect(attrs({ filter: ['300'] })({ filter: num('300') })).toBe(false);
      expect(attrs({ filter: [{ numeric: ['>', 0] }] })({ filter: str('5') })).toBe(false);
      expect(attrs({ filter: [{ prefix: '3' }] })({ filter: num('300') })).toBe(false);
    });

    it('matches ranges with open and closed ends (test_filter_policy)', () => {
      const m = attrs({ attr1: [{ numeric: ['>', 0, '<=', 100] }] });
      expect(m({ attr1: num('99') })).toBe(true);
      expect(m({ attr1: num('100') })).toBe(true);
      expect(m({ attr1: num('111') })).toBe(false);
      expect(m({ attr1: num('0') })).toBe(false);
      expect(m({ attr1: num('0.000001') })).toBe(true);
    });

    it('matches one-sided comparisons (AWS docs)', () => {
      const negative = attrs({ price_usd: [{ numeric: ['<', 0] }] });
      expect(negative({ price_usd: num('-0.5') })).toBe(true);
      expect(negative({ price_usd: num('0') })).toBe(false);
      const atLeast = attrs({ v: [{ numeric: ['>=', 10] }] });
      expect(atLeast({ v: num('10') })).toBe(true);
      expect(atLeast({ v: num('9.99999') })).toBe(false);
      const atMost = attrs({ v: [{ numeric: ['<=', 10] }] });
      expect(atMost({ v: num('10') })).toBe(true);
      expect(atMost({ v: num('10.000001') })).toBe(false);
    });

    it('compares to six decimal places', () => {
      const m = attrs({ v: [{ numeric: ['=', 1.0000001] }] });
      expect(m({ v: num('1.00000019') })).toBe(true);
      expect(m({ v: num('1.000001') })).toBe(false);
    });

    it('matches numbers beyond ±5e9 only by their exact text', () => {
      const m = attrs({ account: [123456789012] });
      expect(m({ account: num('123456789012') })).toBe(true);
      expect(m({ account: num('1.23456789012e11') })).toBe(false);
      expect(attrs({ v: [{ numeric: ['>', 0] }] })({ v: num('6e9') })).toBe(false);
    });

    it('never matches numeric conditions on non-numeric Number values', () => {
      expect(attrs({ v: [{ numeric: ['>', 0] }] })({ v: num('abc') })).toBe(false);
    });

    it('ORs several numeric conditions', () => {
      const m = attrs({ filter: [{ numeric: ['=', 300] }, { numeric: ['=', 500] }] });
      expect(m({ filter: num('500') })).toBe(true);
      expect(m({ filter: num('400') })).toBe(false);
    });
  });

  describe('exists (test_exists_filter_policy)', () => {
    it('exists:true matches when the attribute is present, whatever its value', () => {
      const m = attrs({ store: [{ exists: true }] });
      expect(m({ store: num('99'), def: num('99') })).toBe(true);
      expect(m({ attr1: num('111') })).toBe(false);
    });

    it('exists:false matches when the attribute is absent, but only if some attribute is present', () => {
      const m = attrs({ store: [{ exists: false }] });
      expect(m({ def: num('99') })).toBe(true);
      expect(m({ store: num('99'), def: num('99') })).toBe(false);
      expect(m({})).toBe(false);
    });
  });

  describe('String.Array attributes (test_exists_filter_policy_attributes_array)', () => {
    const m = attrs({ store: ['value1'] });
    it('matches a String equal to the value', () => {
      expect(m({ store: str('value1') })).toBe(true);
    });
    it('matches an array containing the value', () => {
      expect(m({ store: arr(['value1', 'value2']) })).toBe(true);
    });
    it('does not match an array without it', () => {
      expect(m({ store: arr(['value2', 'value3']) })).toBe(false);
    });
    it('treats an empty array as absent', () => {
      expect(attrs({ store: [{ exists: true }] })({ store: arr([]) })).toBe(false);
      expect(attrs({ store: [{ exists: false }] })({ store: arr([]) })).toBe(true);
    });
    it('compares array elements by their JSON type', () => {
      const m2 = attrs({ v: [true, null, 5] });
      expect(m2({ v: arr([true]) })).toBe(true);
      expect(m2({ v: arr([null]) })).toBe(true);
      expect(m2({ v: arr([5.0]) })).toBe(true);
      expect(m2({ v: arr(['true', 'null', '5']) })).toBe(false);
    });
  });

  it('ignores Binary attributes: they never match and count as absent', () => {
    const bin: SnsAttribute = { Type: 'Binary', Value: Buffer.from('rugby').toString('base64') };
    expect(attrs({ a: [{ exists: true }] })({ a: bin })).toBe(false);
    expect(attrs({ a: [{ exists: false }] })({ a: bin })).toBe(true);
    expect(attrs({ a: [Buffer.from('rugby').toString('base64')] })({ a: bin })).toBe(false);
  });

  it('treats custom type suffixes like their base type', () => {
    expect(attrs({ a: ['x'] })({ a: { Type: 'String.custom', Value: 'x' } })).toBe(true);
    expect(attrs({ a: [{ numeric: ['>', 1] }] })({ a: { Type: 'Number.float', Value: '1.5' } })).toBe(true);
  });

  it('matches IP addresses with cidr (AWS docs)', () => {
    const m = attrs({ source_ip: [{ cidr: '10.0.0.0/24' }] });
    expect(m({ source_ip: str('10.0.0.0') })).toBe(true);
    expect(m({ source_ip: str('10.0.0.255') })).toBe(true);
    expect(m({ source_ip: str('10.1.1.0') })).toBe(false);
    expect(m({ source_ip: str('not an ip') })).toBe(false);
  });

  it('matches an IP address value in any spelling of the same address', () => {
    const m = attrs({ ip: ['2001:db8::1'] });
    expect(m({ ip: str('2001:0db8:0000:0000:0000:0000:0000:0001') })).toBe(true);
    expect(m({ ip: str('2001:db8::2') })).toBe(false);
  });

  it('honours "$or" across attributes', () => {
    const m = attrs({ source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }] });
    expect(m({ source: str('aws.cloudwatch'), metricName: str('CPUUtilization') })).toBe(true);
    expect(m({ source: str('aws.cloudwatch'), namespace: str('AWS/EC2') })).toBe(true);
    expect(m({ source: str('aws.cloudwatch'), namespace: str('AWS/ES') })).toBe(false);
    expect(m({ metricName: str('CPUUtilization') })).toBe(false);
  });

  it('matches an attribute whose name contains dots', () => {
    expect(attrs({ 'a.b': ['x'] })({ 'a.b': str('x') })).toBe(true);
  });
});

describe('MessageBody scope', () => {
  describe('nested keys (test_filter_policy_on_message_body)', () => {
    const m = body({ object: { key: [{ prefix: 'auto-' }, 'hardcodedvalue'], nested_key: [{ exists: false }] }, test: [{ exists: false }] });

    it('matches bodies satisfying the nested policy', () => {
      expect(m({ object: { key: 'auto-test' } })).toBe(true);
      expect(m({ object: { key: 'hardcodedvalue' } })).toBe(true);
    });

    it('rejects bodies that fail any nested key', () => {
      expect(m({ object: { key: 'test-auto' } })).toBe(false);
      expect(m({ object: { key: 'auto-test' }, test: 'just-exists' })).toBe(false);
      expect(m({ object: { key: 'auto-test', nested_key: 'just-exists' } })).toBe(false);
      expect(m({ object: { test: 'auto-test' } })).toBe(false);
      expect(m({ test: 'auto-test' })).toBe(false);
    });

    it('rejects a body that is not a JSON object', () => {
      expect(m('Regular string message')).toBe(false);
      expect(m(JSON.stringify('Regular string message'))).toBe(false);
      expect(m('[{"object":{"key":"auto-test"}}]')).toBe(false);
      expect(m('{"object": ')).toBe(false);
    });
  });

  describe('dotted keys (test_filter_policy_on_message_body_dot_attribute)', () => {
    it('match nested objects and dotted body keys alike', () => {
      const m = body({ 'object.nested': ['string.value'] });
      expect(m({ object: { nested: 'string.value' } })).toBe(true);
      expect(m({ 'object.nested': 'string.value' })).toBe(true);
      expect(m({ object: { nested: 'test-auto' } })).toBe(false);
    });

    it('match any split of a deeper path', () => {
      const m = body({ 'object.nested.test': ['string.value'] });
      expect(m({ object: { nested: { test: 'string.value' } } })).toBe(true);
      expect(m({ 'object.nested.test': 'string.value' })).toBe(true);
      expect(m({ 'object.nested': { test: 'string.value' } })).toBe(true);
      expect(m({ object: { 'nested.test': 'string.value' } })).toBe(true);
      expect(m({ object: { nested: { test: 'string.notvalue' } } })).toBe(false);
    });
  });

  it('matches arrays when any element matches (test_filter_policy_on_message_body_array_attributes)', () => {
    const q1 = body({ headers: { 'route-to': ['queue1'] } });
    const q2 = body({ headers: { 'route-to': ['queue2'] } });
    const messages = [
      { headers: { 'route-to': ['queue3'] } },
      { headers: { 'route-to': ['queue1'] } },
      { headers: { 'route-to': ['queue2'] } },
      { headers: { 'route-to': ['queue1', 'queue2'] } },
    ];
    expect(messages.map(q1)).toEqual([false, true, false, true]);
    expect(messages.map(q2)).toEqual([false, false, true, true]);
  });

  it('matches through arrays of objects (test_filter_policy_on_message_body_array_of_object_attributes)', () => {
    const m = body({ Records: { s3: { object: { key: [{ prefix: 'auto-' }] } }, eventName: [{ prefix: 'ObjectCreated:' }] } });
    const created = {
      Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'b' }, object: { key: 'auto-insurance-2314.xml', size: 17 } } }],
    };
    const removed = structuredClone(created);
    removed.Records[0]!.eventName = 'ObjectRemoved:Delete';
    const home = structuredClone(created);
    home.Records[0]!.s3.object.key = 'home-insurance-2314.xml';
    const multiple = {
      Records: [
        { eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { object: [[{ key: 'auto-insurance-2314.xml', size: 17 }]] } },
        { eventSource: 'aws:s3', eventName: 'ObjectRemoved:Delete', s3: { object: { key: 'home-insurance-2314.xml', size: 17 } } },
      ],
    };
    expect([multiple, removed, home, created].map(m)).toEqual([true, false, false, true]);
  });

  it('does not combine values from different elements of one array', () => {
    const m = body({ Records: { eventName: ['ObjectCreated:Put'], key: ['auto'] } });
    expect(m({ Records: [{ eventName: 'ObjectCreated:Put', key: 'home' }, { eventName: 'ObjectRemoved:Delete', key: 'auto' }] })).toBe(false);
    expect(m({ Records: [{ eventName: 'ObjectCreated:Put', key: 'home' }, { eventName: 'ObjectCreated:Put', key: 'auto' }] })).toBe(true);
  });

  it('lets a plain value in an array go with any object element of the same array, as event-ruler does', () => {
    const m = body({ a: ['x'], 'a.b': ['y'] });
    expect(m({ a: ['x', { b: 'y' }] })).toBe(true);
  });

  it('judges exists:false within the array element the other fields came from', () => {
    const m = body({ Records: { a: ['x'], b: [{ exists: false }] } });
    expect(m({ Records: [{ a: 'x', b: 'y' }, { a: 'z' }] })).toBe(false);
    expect(m({ Records: [{ a: 'x' }, { a: 'z', b: 'y' }] })).toBe(true);
  });

  it('honours "$or" at the top and inside nested keys (test_filter_policy_on_message_body_or_attribute)', () => {
    const m = body({
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      detail: { scope: ['Service'], $or: [{ source: ['aws.cloudwatch'] }, { type: ['CloudWatch Alarm State Change'] }] },
    });
    const failing = [
      { metricName: 'CPUUtilization', detail: { scope: 'aws.cloudwatch', type: 'CloudWatch Alarm State Change' } },
      { metricName: 'CPUUtilization', detail: { scope: 'Service', type: 'CPUUtilization' } },
      { metricName: 'CPUUtilization', detail: { type: 'CloudWatch Alarm State Change' } },
      { metricName: 'CPUUtilization', detail: { scope: 'Service' } },
      { metricName: 'CPUUtilization', scope: 'Service' },
      { metricName: 'AWS/EC2', detail: { scope: 'Service', type: 'CloudWatch Alarm State Change' } },
      { namespace: 'CPUUtilization', detail: { scope: 'Service', type: 'CloudWatch Alarm State Change' } },
    ];
    const passing = [
      { metricName: 'CPUUtilization', detail: { scope: 'Service', source: 'aws.cloudwatch' } },
      { metricName: 'ReadLatency', detail: { scope: 'Service', source: 'aws.cloudwatch' } },
      { namespace: 'AWS/EC2', detail: { scope: 'Service', source: 'aws.cloudwatch' } },
      { namespace: 'AWS/ES', detail: { scope: 'Service', source: 'aws.cloudwatch' } },
      { metricName: 'CPUUtilization', detail: { scope: 'Service', type: 'CloudWatch Alarm State Change' } },
    ];
    expect(failing.map(m)).toEqual(failing.map(() => false));
    expect(passing.map(m)).toEqual(passing.map(() => true));
  });

  it('matches an empty string, ignoring empty arrays and nulls elsewhere (test_filter_policy_empty_array_payload)', () => {
    const m = body({ detail: { eventVersion: [''] } });
    expect(
      m({
        version: '0',
        'detail-type': 'EC2 Instance Launch Successful',
        source: 'aws.autoscaling',
        resources: [],
        detail: { eventVersion: '', responseElements: null },
      }),
    ).toBe(true);
  });

  it('finds a value deep in a large payload (test_filter_policy_large_complex_payload)', () => {
    const m = body({ detail: { 'payload.nested.another-level.deep': { 'inside-list': [{ prefix: 'q-test' }] } } });
    const noise = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, { v: i, s: `x${i}`, list: [i, i + 1] }]));
    const payload = {
      id: '1',
      source: 'test',
      detail: {
        metadata: noise(50),
        payload: { ...noise(100), nested: { ...noise(100), 'another-level': { ...noise(20), deep: [{ ...noise(5), 'inside-list': 'q-test-value' }] } } },
      },
    };
    expect(m(payload)).toBe(true);
    payload.detail.payload.nested['another-level'].deep[0]!['inside-list'] = 'other';
    expect(m(payload)).toBe(false);
  });

  it('matches IPv4 and IPv6 CIDR blocks (test_filter_policy_ip_address_condition)', () => {
    const m = body({ detail: { $or: [{ sourceIPAddress: [{ cidr: '10.0.0.0/24' }] }, { sourceIPAddressV6: [{ cidr: '2001:db8:1234:1a00::/64' }] }] } });
    expect(m({ id: '1', detail: { sourceIPAddress: '10.0.0.255' } })).toBe(true);
    expect(m({ id: '2', detail: { sourceIPAddress: '10.0.0.256' } })).toBe(false);
    expect(m({ id: '3', detail: { sourceIPAddressV6: '2001:0db8:1234:1a00:0000:0000:0000:0000' } })).toBe(true);
    expect(m({ id: '4', detail: { sourceIPAddressV6: '2001:0db8:123f:1a01:0000:0000:0000:0000' } })).toBe(false);
  });

  it('matches true, false and null by JSON type', () => {
    const m = body({ a: [true], b: [null] });
    expect(m({ a: true, b: null })).toBe(true);
    expect(m({ a: 'true', b: null })).toBe(false);
    expect(m({ a: true, b: 'null' })).toBe(false);
    expect(m({ a: true })).toBe(false);
  });

  it('compares body numbers numerically and keeps them apart from strings', () => {
    const m = body({ price_usd: [{ numeric: ['=', 301.5] }] });
    expect(m('{"price_usd": 301.5}')).toBe(true);
    expect(m('{"price_usd": 3.015e2}')).toBe(true);
    expect(m('{"price_usd": "301.5"}')).toBe(false);
    const range = body({ price: [{ numeric: ['>', 0, '<=', 150] }] });
    expect(range({ price: 150 })).toBe(true);
    expect(range({ price: [200, 5] })).toBe(true);
    expect(range({ price: [200, -5] })).toBe(false);
    const account = body({ account: [123456789012] });
    expect(account('{"account": 123456789012}')).toBe(true);
    expect(account('{"account": "123456789012"}')).toBe(false);
  });

  it('exists:true matches any leaf value, including null, but not an object or an empty array', () => {
    const m = body({ store: [{ exists: true }] });
    expect(m({ store: 'fans', customer_interests: ['baseball', 'basketball'] })).toBe(true);
    expect(m({ store: null })).toBe(true);
    expect(m({ store: {} })).toBe(false);
    expect(m({ store: { inner: 1 } })).toBe(false);
    expect(m({ store: [] })).toBe(false);
    expect(m({ customer_interests: ['baseball', 'basketball'] })).toBe(false);
  });

  it('exists:false matches a body without the key, even an empty object', () => {
    const m = body({ store: [{ exists: false }] });
    expect(m({ customer_interests: ['baseball', 'basketball'] })).toBe(true);
    expect(m({})).toBe(true);
    expect(m({ store: 'fans' })).toBe(false);
  });

  it('anything-but matches null and booleans, and does not match a missing key', () => {
    const m = body({ a: [{ 'anything-but': 'x' }] });
    expect(m({ a: null })).toBe(true);
    expect(m({ a: false })).toBe(true);
    expect(m({ a: 'x' })).toBe(false);
    expect(m({ b: 'y' })).toBe(false);
  });

  it('treats "$or" that is not an operator as an ordinary key', () => {
    const m = body({ $or: { a: ['x'] } });
    expect(m({ $or: { a: 'x' } })).toBe(true);
    expect(m({ a: 'x' })).toBe(false);
    const one = body({ $or: [{ prefix: 'x' }, { suffix: 'z' }] });
    expect(one({ $or: 'xy' })).toBe(true);
    expect(one({ $or: 'yz' })).toBe(true);
    expect(one({ $or: 'yy' })).toBe(false);
  });
});

describe('speed', () => {
  it('matches many messages against a compiled policy quickly', () => {
    const m = attrs({ store: ['example_corp'], event: [{ 'anything-but': 'order_cancelled' }], price_usd: [{ numeric: ['>=', 100] }] });
    const message = { store: str('example_corp'), event: str('order_placed'), price_usd: num('210.75'), customer_interests: arr(['soccer', 'rugby']) };
    const started = performance.now();
    let hits = 0;
    for (let i = 0; i < 100_000; i++) if (m(message)) hits++;
    expect(hits).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('does not blow up on wide arrays that almost match', () => {
    const m = body({ r: { a: [{ exists: true }], b: [{ exists: true }], c: [{ exists: true }], d: ['never'] } });
    const items = Array.from({ length: 300 }, (_, i) => ({ a: i, b: i, c: i, d: 'no' }));
    const started = performance.now();
    expect(m({ r: items, x: items.map((i) => ({ ...i })) })).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
