// SQS's part of /_tributary/metrics: the queue-depth gauges CloudWatch has (visible, not visible,
// delayed, age of the oldest message) read from the store at scrape time, and message counters.
import { formatLabels } from '../../runtime/metrics.js';
import { retainedAfter } from './queues.js';
import type { SqsRuntime } from './runtime.js';

interface Family {
  name: string;
  type: 'gauge' | 'counter';
  help: string;
  lines: string[];
}

export async function renderSqsMetrics(sqs: SqsRuntime): Promise<string> {
  const families: Family[] = [
    { name: 'tributary_sqs_approximate_number_of_messages_visible', type: 'gauge', help: 'Messages available for retrieval.', lines: [] },
    { name: 'tributary_sqs_approximate_number_of_messages_not_visible', type: 'gauge', help: 'Messages in flight (received, not yet deleted or visible again).', lines: [] },
    { name: 'tributary_sqs_approximate_number_of_messages_delayed', type: 'gauge', help: 'Messages delayed and not yet available.', lines: [] },
    { name: 'tributary_sqs_approximate_age_of_oldest_message_seconds', type: 'gauge', help: 'Age of the oldest message in the queue.', lines: [] },
    { name: 'tributary_sqs_messages_sent_total', type: 'counter', help: 'Messages added to the queue since start (FIFO duplicates excluded).', lines: [] },
    { name: 'tributary_sqs_messages_received_total', type: 'counter', help: 'Messages returned by ReceiveMessage since start.', lines: [] },
    { name: 'tributary_sqs_messages_deleted_total', type: 'counter', help: 'Messages deleted since start.', lines: [] },
    { name: 'tributary_sqs_empty_receives_total', type: 'counter', help: 'ReceiveMessage calls that returned no message since start.', lines: [] },
  ];
  const now = sqs.clock.now();
  for (const queue of await sqs.store.allQueues()) {
    const cutoff = retainedAfter(queue, now);
    const counts = await sqs.store.countMessages(queue.id, now, cutoff);
    const oldest = await sqs.store.oldestMessageAt(queue.id, cutoff);
    const totals = sqs.counters.get(queue);
    const labels = formatLabels({ account: queue.account, region: queue.region, queue: queue.name });
    const values = [
      counts.visible,
      counts.notVisible,
      counts.delayed,
      oldest === undefined ? 0 : Math.max(0, (now - oldest) / 1000),
      totals.sent,
      totals.received,
      totals.deleted,
      totals.emptyReceives,
    ];
    values.forEach((v, i) => families[i]!.lines.push(`${families[i]!.name}${labels} ${v}`));
  }
  return families.map((f) => `# HELP ${f.name} ${f.help}\n# TYPE ${f.name} ${f.type}\n${f.lines.map((l) => l + '\n').join('')}`).join('');
}
