import { invalidValue } from '../../../protocols/errors.js';
import type { ListQueuesRequest, ListQueuesResult } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { urlOf } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';

/** Without MaxResults, ListQueues returns up to 1,000 queues and no token, as AWS does. */
const UNPAGED_LIMIT = 1000;

function decodeToken(token: string): string | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown };
    return typeof parsed.after === 'string' ? parsed.after : undefined;
  } catch {
    return undefined;
  }
}

export async function listQueues(sqs: SqsRuntime, input: ListQueuesRequest, ctx: RequestContext): Promise<ListQueuesResult> {
  const max = input.MaxResults;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 1000)) {
    throw invalidValue('MaxResults', max, 'MaxResults must be an integer between 1 and 1000.');
  }
  let after: string | undefined;
  if (input.NextToken !== undefined) {
    after = decodeToken(input.NextToken);
    if (after === undefined) throw invalidValue('NextToken', input.NextToken, 'Invalid NextToken value.');
  }
  const limit = max ?? UNPAGED_LIMIT;
  const rows = await sqs.store.listQueues(ctx.account, ctx.region, input.QueueNamePrefix ?? '', after, limit + 1);
  const page = rows.slice(0, limit);
  const result: ListQueuesResult = {};
  if (page.length > 0) result.QueueUrls = page.map((q) => urlOf(ctx, q));
  if (max !== undefined && rows.length > limit) {
    result.NextToken = Buffer.from(JSON.stringify({ after: page.at(-1)!.name }), 'utf8').toString('base64url');
  }
  return result;
}
