import { invalidValue } from '../../../protocols/errors.js';
import type {
  ListDeadLetterSourceQueuesRequest,
  ListDeadLetterSourceQueuesResult,
} from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { arnOf, requireQueue, urlOf } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';

export async function listDeadLetterSourceQueues(
  sqs: SqsRuntime,
  input: ListDeadLetterSourceQueuesRequest,
  ctx: RequestContext,
): Promise<ListDeadLetterSourceQueuesResult> {
  const dlq = await requireQueue(sqs, ctx, input.QueueUrl);
  const max = input.MaxResults;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 1000)) {
    throw invalidValue('MaxResults', max, 'MaxResults must be an integer between 1 and 1000.');
  }
  const arn = arnOf(dlq);
  const all = await sqs.store.listQueues(dlq.account, dlq.region, '', undefined, Number.MAX_SAFE_INTEGER);
  const sources = all.filter((q) => {
    if (!q.attributes.RedrivePolicy) return false;
    const policy = JSON.parse(q.attributes.RedrivePolicy) as { deadLetterTargetArn?: string };
    return policy.deadLetterTargetArn === arn;
  });
  const start = input.NextToken ? Number(Buffer.from(input.NextToken, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(start) || start < 0) throw invalidValue('NextToken', input.NextToken, 'Invalid NextToken value.');
  const limit = max ?? 1000;
  const page = sources.slice(start, start + limit);
  const result: ListDeadLetterSourceQueuesResult = { queueUrls: page.map((q) => urlOf(ctx, q)) };
  if (max !== undefined && start + limit < sources.length) {
    result.NextToken = Buffer.from(String(start + limit), 'utf8').toString('base64url');
  }
  return result;
}
