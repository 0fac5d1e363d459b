// Load-generator child for the SNS fan-out scenario (forked by run.mjs, one JSON argument:
// endpoint, mode 'publish' | 'batch', publishers, seconds, warmup, subscriptions, bodyBytes, runId).
//
// One standard topic and `subscriptions` (10) SQS queues subscribed to it. Subscription i has
//   FilterPolicy {"shard": [i, i+1, i+2, i+3, i+4] (mod 10, as strings)}
//   RawMessageDelivery true for odd i, false (a signed JSON envelope) for even i.
// Every message carries one String attribute `shard` = its number mod 10, so each message matches
// exactly 5 of the 10 subscriptions (fraction 1/2: shard s is accepted by i = s−4 … s mod 10), with
// 2 or 3 of the 5 raw. `publishers` concurrent loops send, for `warmup` + `seconds`:
//   mode publish: Publish (one 1 KiB message per call);
//   mode batch:   PublishBatch (10 entries of 1 KiB per call).
// Tributary writes a publish's SQS deliveries in the publish's own commit, so everything an
// acknowledged publish matched is in the queues when the reply arrives. After the run every queue
// is read out completely (ReceiveMessage with a long visibility timeout, no deletes) and checked:
//   - each queue holds exactly the acknowledged messages whose shard its policy accepts, each
//     once (no loss, no duplicates, filter respected), plus nothing unknown;
//   - raw deliveries: the body is the published message and the `shard` attribute came along;
//     envelope deliveries: Type Notification, this TopicArn, Message = the published message,
//     MessageAttributes.shard, a signature;
//   - /_tributary/metrics: published, delivered and filtered-out counters for the topic agree.
// Figures: acknowledged publishes (messages) per second in the measured window, and notifications
// delivered per second = the deliveries found in the queues for messages acknowledged inside the
// window, divided by the window.
import { performance } from 'node:perf_hooks';
import { createQueueWithArn, Errors, makeBody, md5Hex, percentiles, phase, queueDepth, runChild, sleep, tagOf } from './common.mjs';
import { createRawClient } from './sqs-clients.mjs';
import { createSnsRawClient, xmlSection, xmlText, xmlTexts } from './sns-client.mjs';

const MAX_ERRORS_PER_LOOP = 50;
const SHARDS = 10;
const MATCHES_PER_MESSAGE = 5;

function acceptedShards(i, subscriptions) {
  return Array.from({ length: MATCHES_PER_MESSAGE }, (_, k) => (i + k) % subscriptions);
}

async function snsFanout(cfg) {
  const { endpoint, mode = 'publish', publishers = 8, seconds = 10, warmup = 2, subscriptions = 10, bodyBytes = 1024 } = cfg;
  if (subscriptions !== SHARDS) throw new Error(`the filter layout needs exactly ${SHARDS} subscriptions`);
  const sqs = createRawClient(endpoint, { maxSockets: 16 });
  const sns = createSnsRawClient(endpoint, { maxSockets: Math.max(16, publishers * 2) });
  const errors = new Errors();
  try {
    // ---- setup
    const topicXml = await sns.call('CreateTopic', { Name: `fanout-${cfg.runId}` });
    const topicArn = xmlText(topicXml, 'TopicArn');
    if (!topicArn) throw new Error(`CreateTopic returned no TopicArn: ${topicXml.slice(0, 200)}`);
    const subs = [];
    for (let i = 0; i < subscriptions; i++) {
      const q = await createQueueWithArn(sqs, `fanout-${cfg.runId}-${i}`);
      const shards = acceptedShards(i, subscriptions);
      const raw = i % 2 === 1;
      const xml = await sns.call('Subscribe', {
        TopicArn: topicArn,
        Protocol: 'sqs',
        Endpoint: q.arn,
        'Attributes.entry.1.key': 'FilterPolicy',
        'Attributes.entry.1.value': JSON.stringify({ shard: shards.map(String) }),
        'Attributes.entry.2.key': 'RawMessageDelivery',
        'Attributes.entry.2.value': String(raw),
        ReturnSubscriptionArn: 'true',
      });
      const arn = xmlText(xml, 'SubscriptionArn');
      if (!arn || !arn.startsWith(topicArn)) throw new Error(`Subscribe returned ${arn}`);
      subs.push({ i, url: q.url, raw, accepts: new Set(shards) });
    }

    // ---- publish
    const published = new Map(); // tag → {shard, inWindow}; only acknowledged messages
    const sentPerLoop = new Array(publishers).fill(0);
    const s = { calls: 0, acked: 0, measuredMessages: 0, measuredCalls: 0 };
    const callMs = [];
    const t0 = performance.now();
    const measureStart = t0 + warmup * 1000;
    const measureEnd = measureStart + seconds * 1000;
    let cpuStart;
    let cpuEnd;
    const startTimer = setTimeout(() => {
      cpuStart = process.cpuUsage();
      phase('measure-start');
    }, measureStart - performance.now());
    const endTimer = setTimeout(() => {
      cpuEnd = process.cpuUsage(cpuStart);
      phase('measure-end');
    }, measureEnd - performance.now());

    const attrParams = (prefix, shard) => ({
      [`${prefix}MessageAttributes.entry.1.Name`]: 'shard',
      [`${prefix}MessageAttributes.entry.1.Value.DataType`]: 'String',
      [`${prefix}MessageAttributes.entry.1.Value.StringValue`]: String(shard),
    });

    async function publisher(p) {
      let loopErrors = 0;
      const perCall = mode === 'batch' ? 10 : 1;
      while (loopErrors < MAX_ERRORS_PER_LOOP) {
        const started = performance.now();
        if (started >= measureEnd) break;
        const tags = [];
        let params;
        if (mode === 'batch') {
          params = { TopicArn: topicArn };
          for (let k = 0; k < perCall; k++) {
            const n = sentPerLoop[p] + k;
            const tag = `${p}.${n}`;
            tags.push([tag, n % SHARDS]);
            const pre = `PublishBatchRequestEntries.member.${k + 1}.`;
            params[`${pre}Id`] = `e${k}`;
            params[`${pre}Message`] = makeBody(tag, bodyBytes);
            Object.assign(params, attrParams(pre, n % SHARDS));
          }
        } else {
          const n = sentPerLoop[p];
          const tag = `${p}.${n}`;
          tags.push([tag, n % SHARDS]);
          params = { TopicArn: topicArn, Message: makeBody(tag, bodyBytes), ...attrParams('', n % SHARDS) };
        }
        sentPerLoop[p] += perCall;
        s.calls++;
        let acked = [];
        try {
          const xml = await sns.call(mode === 'batch' ? 'PublishBatch' : 'Publish', params);
          if (mode === 'batch') {
            const ok = xmlSection(xml, 'Successful') ?? '';
            const failed = xmlSection(xml, 'Failed') ?? '';
            const ids = new Set(xmlTexts(ok, 'Id'));
            const mids = xmlTexts(ok, 'MessageId');
            if (failed.includes('<member>')) errors.add('batch-failed', `PublishBatch Failed: ${failed.slice(0, 200)}`);
            acked = tags.filter((_, k) => ids.has(`e${k}`));
            if (acked.length !== perCall || mids.length !== ids.size) {
              loopErrors++;
              errors.add('invalid', `PublishBatch confirmed ${acked.length} of ${perCall} entries (${mids.length} MessageIds)`);
            }
          } else if (xmlText(xml, 'MessageId')) acked = tags;
          else {
            loopErrors++;
            errors.add('invalid', `Publish reply without MessageId: ${xml.slice(0, 200)}`);
          }
        } catch (err) {
          errors.fromCall(err);
          loopErrors++;
          await sleep(5);
          continue;
        }
        const done = performance.now();
        const inWindow = done >= measureStart && done < measureEnd;
        for (const [tag, shard] of acked) published.set(tag, { shard, inWindow });
        s.acked += acked.length;
        if (inWindow) {
          s.measuredMessages += acked.length;
          s.measuredCalls++;
          if (started >= measureStart) callMs.push(done - started);
        }
      }
    }
    await Promise.all(Array.from({ length: publishers }, (_, p) => publisher(p)));
    clearTimeout(startTimer);
    clearTimeout(endTimer);
    if (!cpuEnd) {
      cpuEnd = process.cpuUsage(cpuStart);
      phase('measure-end');
    }
    const windowSeconds = (Math.min(performance.now(), measureEnd) - measureStart) / 1000;

    // ---- read every queue out and check it
    const drainStart = performance.now();
    let expectedTotal = 0;
    let arrivedTotal = 0;
    let deliveredInWindow = 0;
    const perSub = [];
    const filterViolations = { count: 0 };
    await Promise.all(
      subs.map(async (sub) => {
        let expected = 0;
        for (const { shard } of published.values()) if (sub.accepts.has(shard)) expected++;
        const depth = await queueDepth(sqs, sub.url);
        const seen = new Set();
        let unknown = 0;
        let dupes = 0;
        let wrongShard = 0;
        let malformed = 0;
        for (let empty = 0, calls = 0; empty < 2 && calls < depth.total + 10; calls++) {
          const got = await sqs.call('ReceiveMessage', {
            QueueUrl: sub.url,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 0,
            VisibilityTimeout: 900,
            MessageAttributeNames: ['All'],
          });
          const messages = got?.Messages ?? [];
          if (messages.length === 0) {
            empty++;
            continue;
          }
          empty = 0;
          for (const m of messages) {
            if (m.MD5OfBody !== md5Hex(m.Body ?? '')) {
              malformed++;
              errors.add('invalid', `queue ${sub.i}: MD5OfBody does not match Body`);
              continue;
            }
            let message;
            let shardText;
            if (sub.raw) {
              message = m.Body;
              shardText = m.MessageAttributes?.shard?.StringValue;
            } else {
              let env;
              try {
                env = JSON.parse(m.Body);
              } catch {
                env = undefined;
              }
              if (!env || env.Type !== 'Notification' || env.TopicArn !== topicArn || typeof env.Signature !== 'string' || env.Signature.length < 100) {
                malformed++;
                errors.add('invalid', `queue ${sub.i}: not a signed Notification envelope of this topic: ${String(m.Body).slice(0, 120)}`);
                continue;
              }
              message = env.Message;
              shardText = env.MessageAttributes?.shard?.Value;
            }
            if (typeof message !== 'string' || Buffer.byteLength(message) !== bodyBytes) {
              malformed++;
              errors.add('invalid', `queue ${sub.i}: delivered message of ${Buffer.byteLength(String(message))} bytes, expected ${bodyBytes}`);
              continue;
            }
            const tag = tagOf(message);
            const pub = published.get(tag);
            if (!pub) {
              unknown++;
              errors.add('unknown', `queue ${sub.i}: ${tag} was never acknowledged as published`);
              continue;
            }
            if (shardText !== String(pub.shard)) {
              malformed++;
              errors.add('invalid', `queue ${sub.i}: ${tag} arrived with shard attribute ${shardText}, published with ${pub.shard}`);
            }
            if (!sub.accepts.has(pub.shard)) {
              wrongShard++;
              filterViolations.count++;
              errors.add('filter', `queue ${sub.i} (accepts ${[...sub.accepts].join(',')}) got ${tag} with shard ${pub.shard}`);
              continue;
            }
            if (seen.has(tag)) {
              dupes++;
              errors.add('duplicate', `queue ${sub.i}: ${tag} delivered twice`);
              continue;
            }
            seen.add(tag);
            if (pub.inWindow) deliveredInWindow++;
          }
        }
        if (seen.size !== expected) errors.add('lost', `queue ${sub.i}: ${seen.size} of the ${expected} matching messages arrived`);
        if (depth.total !== expected) errors.add('consistency', `queue ${sub.i}: holds ${depth.total} messages, expected ${expected}`);
        expectedTotal += expected;
        arrivedTotal += seen.size;
        perSub.push({ i: sub.i, raw: sub.raw, expected, arrived: seen.size, unknown, dupes, wrongShard, malformed });
      }),
    );
    const drainSeconds = (performance.now() - drainStart) / 1000;

    // ---- the server's own counters
    const metrics = await sns.metrics();
    const label = `{topic_arn="${topicArn}"}`;
    const counters = {
      published: metrics[`tributary_sns_messages_published_total${label}`],
      delivered: metrics[`tributary_sns_notifications_delivered_total${label}`],
      filteredOut: metrics[`tributary_sns_notifications_filtered_out_total${label}`],
      failed: metrics[`tributary_sns_notifications_failed_total${label}`],
    };
    // Publishes that failed on our side (none if errors is 0) may still have been counted by the server.
    if (counters.published !== s.acked) errors.add('metrics', `tributary_sns_messages_published_total is ${counters.published}, ${s.acked} publishes were acknowledged`);
    if (counters.delivered !== arrivedTotal) errors.add('metrics', `tributary_sns_notifications_delivered_total is ${counters.delivered}, ${arrivedTotal} notifications arrived`);
    if (counters.filteredOut !== s.acked * (subscriptions - MATCHES_PER_MESSAGE)) {
      errors.add('metrics', `tributary_sns_notifications_filtered_out_total is ${counters.filteredOut}, expected ${s.acked * (subscriptions - MATCHES_PER_MESSAGE)}`);
    }
    if (counters.failed) errors.add('metrics', `tributary_sns_notifications_failed_total is ${counters.failed}`);

    const p = percentiles(callMs, [50, 99]);
    return {
      mode,
      publishers,
      subscriptions,
      matchFraction: MATCHES_PER_MESSAGE / subscriptions,
      calls: s.calls,
      acked: s.acked,
      measuredMessages: s.measuredMessages,
      windowSeconds,
      publishesPerSecond: s.measuredMessages / windowSeconds,
      callsPerSecond: s.measuredCalls / windowSeconds,
      deliveredPerSecond: deliveredInWindow / windowSeconds,
      deliveredInWindow,
      expectedTotal,
      arrivedTotal,
      filterViolations: filterViolations.count,
      counters,
      perSub: perSub.sort((a, b) => a.i - b.i),
      drainSeconds,
      drainPerSecond: arrivedTotal / drainSeconds,
      callP50Ms: p[50],
      callP99Ms: p[99],
      clientCpuSeconds: cpuEnd ? (cpuEnd.user + cpuEnd.system) / 1e6 : undefined,
      ...errors.report(),
    };
  } finally {
    sqs.close();
    sns.close();
  }
}

runChild(snsFanout);
