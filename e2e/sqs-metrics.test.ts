// GET /_tributary/metrics: the Prometheus text format, SQS queue-depth gauges and message
// counters per queue, and request counts and latency histograms per operation. The text is
// parsed line by line; every line must be a # HELP / # TYPE comment or a well-formed sample.
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startTributary, type Tributary } from '../packages/server/src/index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';

function client(endpoint: string): SQSClient {
  return new SQSClient({ endpoint, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Exposition {
  samples: Sample[];
  types: Map<string, string>;
  help: Map<string, string>;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function parseValue(text: string, line: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`bad sample value "${text}" in: ${line}`);
  return Number(text);
}

/** Parses `{a="x",b="y\"z"}` starting at `s[i] === '{'`; returns the labels and the index after `}`. */
function parseLabels(s: string, i: number, line: string): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  i++; // '{'
  for (;;) {
    if (s[i] === '}') return { labels, end: i + 1 };
    const eq = s.indexOf('=', i);
    if (eq < 0) throw new Error(`bad labels in: ${line}`);
    const name = s.slice(i, eq);
    if (!LABEL_NAME.test(name)) throw new Error(`bad label name "${name}" in: ${line}`);
    if (name in labels) throw new Error(`repeated label ${name} in: ${line}`);
    if (s[eq + 1] !== '"') throw new Error(`unquoted label value in: ${line}`);
    let j = eq + 2;
    let value = '';
    for (;;) {
      const c = s[j];
      if (c === undefined) throw new Error(`unterminated label value in: ${line}`);
      if (c === '"') break;
      if (c === '\\') {
        const next = s[j + 1];
        if (next === 'n') value += '\n';
        else if (next === '\\' || next === '"') value += next;
        else throw new Error(`bad escape in: ${line}`);
        j += 2;
        continue;
      }
      value += c;
      j++;
    }
    labels[name] = value;
    i = j + 1;
    if (s[i] === ',') i++;
    else if (s[i] !== '}') throw new Error(`expected , or } in: ${line}`);
  }
}

/** The family a sample belongs to: histogram series carry _bucket, _sum and _count suffixes. */
function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  const m = /^(.*)_(bucket|sum|count)$/.exec(name);
  if (m && (types.get(m[1]!) === 'histogram' || types.get(m[1]!) === 'summary')) return m[1]!;
  return undefined;
}

/** Parses the text format strictly: anything that is not a HELP/TYPE comment or a sample fails. */
function parseExposition(text: string): Exposition {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  const help = new Map<string, string>();
  const seen = new Set<string>();
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) {
    if (line.startsWith('#')) {
      const m = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
      if (!m) throw new Error(`bad comment line: ${line}`);
      const [, kind, name, rest] = m as unknown as [string, string, string, string];
      if (!METRIC_NAME.test(name)) throw new Error(`bad metric name in: ${line}`);
      if (kind === 'TYPE') {
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest)) throw new Error(`bad type in: ${line}`);
        if (types.has(name)) throw new Error(`second TYPE for ${name}`);
        if (samples.some((s) => familyOf(s.name, new Map([[name, rest]])) === name)) throw new Error(`TYPE for ${name} after its samples`);
        types.set(name, rest);
      } else {
        if (help.has(name)) throw new Error(`second HELP for ${name}`);
        help.set(name, rest);
      }
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)/.exec(line);
    if (!m) throw new Error(`bad sample line: ${JSON.stringify(line)}`);
    const name = m[1]!;
    let i = name.length;
    let labels: Record<string, string> = {};
    if (line[i] === '{') ({ labels, end: i } = parseLabels(line, i, line));
    if (line[i] !== ' ') throw new Error(`expected a space before the value in: ${line}`);
    const rest = line.slice(i + 1).split(' ');
    if (rest.length > 2 || (rest.length === 2 && !/^-?\d+$/.test(rest[1]!))) throw new Error(`bad value/timestamp in: ${line}`);
    const value = parseValue(rest[0]!, line);
    if (!familyOf(name, types)) throw new Error(`sample ${name} has no TYPE before it`);
    const id = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seen.has(id)) throw new Error(`duplicate series: ${line}`);
    seen.add(id);
    samples.push({ name, labels, value });
  }
  return { samples, types, help };
}

/** The one sample of `name` whose labels include `labels`; fails when there is none or several. */
function sample(e: Exposition, name: string, labels: Record<string, string>): number {
  const hits = e.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (hits.length !== 1) throw new Error(`expected one ${name}${JSON.stringify(labels)}, found ${hits.length}`);
  return hits[0]!.value;
}

function maybeSample(e: Exposition, name: string, labels: Record<string, string>): number | undefined {
  const hits = e.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return hits.length === 1 ? hits[0]!.value : undefined;
}

describe('Prometheus metrics at /_tributary/metrics', () => {
  let t: Tributary;
  let sqs: SQSClient;
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  beforeAll(async () => {
    t = await startTributary({ port: 0, clock });
    sqs = client(t.endpoint);
  });
  afterAll(async () => {
    sqs.destroy();
    await t.stop();
  });

  const scrape = async (): Promise<Exposition> => {
    const res = await fetch(`${t.endpoint}/_tributary/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain(;|$)/);
    expect(res.headers.get('content-type')).toContain('version=0.0.4');
    return parseExposition(await res.text());
  };

  it('serves well-formed Prometheus text (only HELP/TYPE comments and samples) even before any request', async () => {
    const e = await scrape();
    for (const name of [
      'tributary_sqs_approximate_number_of_messages_visible',
      'tributary_sqs_approximate_number_of_messages_not_visible',
      'tributary_sqs_approximate_number_of_messages_delayed',
      'tributary_sqs_approximate_age_of_oldest_message_seconds',
    ]) {
      expect(e.types.get(name), name).toBe('gauge');
      expect(e.help.get(name), name).toBeTruthy();
    }
    for (const name of ['tributary_sqs_messages_sent_total', 'tributary_sqs_messages_received_total', 'tributary_sqs_messages_deleted_total', 'tributary_requests_total']) {
      expect(e.types.get(name), name).toBe('counter');
    }
    expect(e.types.get('tributary_request_duration_seconds')).toBe('histogram');
  });

  it('reports visible, not-visible and delayed counts, the age of the oldest message and message counters for each queue', async () => {
    const name = `metrics-${process.pid}`;
    const other = `metrics-other-${process.pid}`;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
    const otherUrl = (await sqs.send(new CreateQueueCommand({ QueueName: other }))).QueueUrl!;
    const labels = { account: ACCOUNT, region: REGION, queue: name };
    const otherLabels = { account: ACCOUNT, region: REGION, queue: other };

    // A queue with nothing in it: all zero, including the age.
    let e = await scrape();
    expect(sample(e, 'tributary_sqs_approximate_number_of_messages_visible', labels)).toBe(0);
    expect(sample(e, 'tributary_sqs_approximate_age_of_oldest_message_seconds', labels)).toBe(0);
    expect(sample(e, 'tributary_sqs_messages_sent_total', labels)).toBe(0);

    await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: ['a', 'b', 'c', 'd'].map((b) => ({ Id: b, MessageBody: b })) }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'later', DelaySeconds: 60 }));
    await sqs.send(new SendMessageCommand({ QueueUrl: otherUrl, MessageBody: 'elsewhere' }));
    const got = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 3, VisibilityTimeout: 120 }))).Messages!;
    expect(got).toHaveLength(3);
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: got[0]!.ReceiptHandle }));
    clock.advance(42_000);

    // 5 sent: 1 delayed, 3 received of which 1 deleted (2 in flight), 1 visible.
    e = await scrape();
    expect(sample(e, 'tributary_sqs_approximate_number_of_messages_visible', labels)).toBe(1);
    expect(sample(e, 'tributary_sqs_approximate_number_of_messages_not_visible', labels)).toBe(2);
    expect(sample(e, 'tributary_sqs_approximate_number_of_messages_delayed', labels)).toBe(1);
    expect(sample(e, 'tributary_sqs_approximate_age_of_oldest_message_seconds', labels)).toBe(42);
    expect(sample(e, 'tributary_sqs_messages_sent_total', labels)).toBe(5);
    expect(sample(e, 'tributary_sqs_messages_received_total', labels)).toBe(3);
    expect(sample(e, 'tributary_sqs_messages_deleted_total', labels)).toBe(1);
    // The other queue has its own series.
    expect(sample(e, 'tributary_sqs_approximate_number_of_messages_visible', otherLabels)).toBe(1);
    expect(sample(e, 'tributary_sqs_approximate_number_of_messages_not_visible', otherLabels)).toBe(0);
    expect(sample(e, 'tributary_sqs_messages_sent_total', otherLabels)).toBe(1);
    expect(sample(e, 'tributary_sqs_messages_received_total', otherLabels)).toBe(0);
    expect(sample(e, 'tributary_sqs_approximate_age_of_oldest_message_seconds', otherLabels)).toBe(42);

    // Time moves the delayed message into view and the in-flight ones back; the age keeps growing.
    clock.advance(120_000);
    e = await scrape();
    expect(sample(e, 'tributary_sqs_approximate_number_of_messages_visible', labels)).toBe(4);
    expect(sample(e, 'tributary_sqs_approximate_number_of_messages_not_visible', labels)).toBe(0);
    expect(sample(e, 'tributary_sqs_approximate_number_of_messages_delayed', labels)).toBe(0);
    expect(sample(e, 'tributary_sqs_approximate_age_of_oldest_message_seconds', labels)).toBe(162);

    // Draining the queue: counters keep counting, gauges fall to zero.
    for (;;) {
      const batch = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }))).Messages ?? [];
      if (batch.length === 0) break;
      for (const m of batch) await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
    }
    e = await scrape();
    expect(sample(e, 'tributary_sqs_approximate_number_of_messages_visible', labels)).toBe(0);
    expect(sample(e, 'tributary_sqs_approximate_age_of_oldest_message_seconds', labels)).toBe(0);
    expect(sample(e, 'tributary_sqs_messages_received_total', labels)).toBe(7);
    expect(sample(e, 'tributary_sqs_messages_deleted_total', labels)).toBe(5);
    expect(maybeSample(e, 'tributary_sqs_empty_receives_total', labels)).toBe(1);
  });

  it('does not count a message dead-lettered by a receive as sent to the DLQ (as NumberOfMessagesSent does not)', async () => {
    const dlqName = `metrics-dlq-sent-${process.pid}`;
    const srcName = `metrics-src-sent-${process.pid}`;
    await sqs.send(new CreateQueueCommand({ QueueName: dlqName }));
    const RedrivePolicy = JSON.stringify({ deadLetterTargetArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:${dlqName}`, maxReceiveCount: 1 });
    const QueueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: srcName, Attributes: { RedrivePolicy } }))).QueueUrl!;
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'doomed' }));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0 }));
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0 }))).Messages).toBeUndefined();
    const e = await scrape();
    const dlq = { account: ACCOUNT, region: REGION, queue: dlqName };
    const src = { account: ACCOUNT, region: REGION, queue: srcName };
    expect(sample(e, 'tributary_sqs_approximate_number_of_messages_visible', dlq)).toBe(1);
    expect(sample(e, 'tributary_sqs_messages_sent_total', dlq)).toBe(0);
    expect(sample(e, 'tributary_sqs_messages_sent_total', src)).toBe(1);
    expect(sample(e, 'tributary_sqs_messages_received_total', src)).toBe(1);
    expect(sample(e, 'tributary_sqs_approximate_number_of_messages_visible', src)).toBe(0);
  });

  // For a standard DLQ, AWS's ApproximateAgeOfOldestMessage "indicates when the message moved to
  // the dead-letter queue, not when the message was originally sent" (SQS Developer Guide,
  // setting-up-dead-letter-queue-retention).
  it('measures the age of the oldest message in a DLQ from when it was dead-lettered', async () => {
    const dlqName = `metrics-dlq-${process.pid}`;
    await sqs.send(new CreateQueueCommand({ QueueName: dlqName }));
    const RedrivePolicy = JSON.stringify({ deadLetterTargetArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:${dlqName}`, maxReceiveCount: 1 });
    const QueueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `metrics-src-${process.pid}`, Attributes: { RedrivePolicy } }))).QueueUrl!;
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'old' }));
    clock.advance(100_000);
    await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0 }));
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0 }))).Messages).toBeUndefined();
    clock.advance(5_000);
    const e = await scrape();
    const labels = { account: ACCOUNT, region: REGION, queue: dlqName };
    expect(sample(e, 'tributary_sqs_approximate_number_of_messages_visible', labels)).toBe(1);
    expect(sample(e, 'tributary_sqs_approximate_age_of_oldest_message_seconds', labels)).toBe(5);
  });

  it('counts requests per operation and status, with a latency histogram per operation', async () => {
    const before = await scrape();
    const sendLabels = { service: 'sqs', operation: 'SendMessage', status: '200' };
    const sentBefore = maybeSample(before, 'tributary_requests_total', sendLabels) ?? 0;
    const countBefore = maybeSample(before, 'tributary_request_duration_seconds_count', { service: 'sqs', operation: 'SendMessage' }) ?? 0;

    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `requests-${process.pid}` }));
    for (let i = 0; i < 3; i++) await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `r${i}` }));
    // One that fails: a queue that does not exist is a 400.
    await expect(sqs.send(new SendMessageCommand({ QueueUrl: `${t.endpoint}/${ACCOUNT}/no-such-queue-${process.pid}`, MessageBody: 'x' }))).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
    });

    const e = await scrape();
    expect(sample(e, 'tributary_requests_total', sendLabels)).toBe(sentBefore + 3);
    expect(sample(e, 'tributary_requests_total', { service: 'sqs', operation: 'SendMessage', status: '400' })).toBe(1);
    expect(sample(e, 'tributary_requests_total', { service: 'sqs', operation: 'CreateQueue', status: '200' })).toBeGreaterThanOrEqual(1);

    const op = { service: 'sqs', operation: 'SendMessage' };
    const buckets = e.samples
      .filter((s) => s.name === 'tributary_request_duration_seconds_bucket' && s.labels.service === 'sqs' && s.labels.operation === 'SendMessage')
      .map((s) => ({ le: s.labels.le!, value: s.value }));
    expect(buckets.length).toBeGreaterThan(1);
    expect(buckets.at(-1)!.le).toBe('+Inf');
    const bounds = buckets.map((b) => parseValue(b.le, b.le));
    expect([...bounds].sort((a, b) => a - b)).toEqual(bounds);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.value).toBeGreaterThanOrEqual(buckets[i - 1]!.value);
    const count = sample(e, 'tributary_request_duration_seconds_count', op);
    // Failed requests are timed too: 3 successes and 1 failure since the first scrape.
    expect(count).toBe(countBefore + 4);
    expect(buckets.at(-1)!.value).toBe(count);
    const sum = sample(e, 'tributary_request_duration_seconds_sum', op);
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(count * 5);
    // The histogram has no status label; every bucket series carries only service, operation and le.
    for (const s of e.samples.filter((x) => x.name === 'tributary_request_duration_seconds_bucket')) {
      expect(Object.keys(s.labels).sort()).toEqual(['le', 'operation', 'service']);
    }
    // Scrapes themselves are not SQS requests.
    expect(e.samples.some((s) => s.name === 'tributary_requests_total' && s.labels.operation === 'unknown')).toBe(false);
  });
});
