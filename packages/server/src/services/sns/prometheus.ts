// SNS's part of /_tributary/metrics: per-topic counters named after CloudWatch's AWS/SNS metrics.
import { formatLabels } from '../../runtime/metrics.js';
import type { SnsRuntime } from './runtime.js';
import type { TopicCounts } from './metrics.js';

const FAMILIES: Array<[keyof TopicCounts, string, string]> = [
  ['published', 'tributary_sns_messages_published_total', 'Messages published to the topic since start.'],
  ['delivered', 'tributary_sns_notifications_delivered_total', 'Notifications delivered to subscriptions since start.'],
  ['failed', 'tributary_sns_notifications_failed_total', 'Notifications that could not be delivered since start.'],
  ['filteredOut', 'tributary_sns_notifications_filtered_out_total', 'Notifications not sent because a filter policy did not match.'],
  ['redrivenToDlq', 'tributary_sns_notifications_redriven_to_dlq_total', 'Undeliverable notifications sent to a subscription dead-letter queue.'],
];

export async function renderSnsMetrics(sns: SnsRuntime): Promise<string> {
  const entries = sns.counters.entries();
  let out = '';
  for (const [key, name, help] of FAMILIES) {
    out += `# HELP ${name} ${help}\n# TYPE ${name} counter\n`;
    for (const [topicArn, counts] of entries) out += `${name}${formatLabels({ topic_arn: topicArn })} ${counts[key]}\n`;
  }
  const pending = await sns.store.pendingDeliveries();
  out += '# HELP tributary_sns_pending_deliveries HTTP/S deliveries waiting to be made or retried.\n# TYPE tributary_sns_pending_deliveries gauge\n';
  out += `tributary_sns_pending_deliveries ${pending}\n`;
  return out;
}
