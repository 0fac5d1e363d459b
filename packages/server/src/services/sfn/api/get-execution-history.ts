import type {
  GetExecutionHistoryInput,
  GetExecutionHistoryOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { toApiEvent } from '../domain/history.js';
import { decodeToken, encodeToken, pageSize } from '../domain/paging.js';
import { must } from '../errors.js';
import { requireExecution } from '../machines.js';
import type { SfnRuntime } from '../runtime.js';

const TOKEN_MAX = 3096;

/** Pages of 100 events by default (at most 1000), oldest first unless reverseOrder. */
export async function getExecutionHistory(
  sfn: SfnRuntime,
  input: GetExecutionHistoryInput,
  ctx: RequestContext,
): Promise<GetExecutionHistoryOutput> {
  const execution = await requireExecution(sfn, input.executionArn, ctx);
  const size = must(pageSize(input.maxResults, 100));
  const reverse = input.reverseOrder ?? false;
  const token = must(decodeToken(input.nextToken, reverse ? 'hr' : 'h', TOKEN_MAX));
  const after = token ? Number(token.position) : reverse ? Number.MAX_SAFE_INTEGER : 0;
  const rows = await sfn.store.getHistory(execution.arn, { after, reverse, limit: size + 1 });
  const page = rows.slice(0, size);
  const out: GetExecutionHistoryOutput = {
    events: page.map((r) => toApiEvent(r.event, input.includeExecutionData ?? true)),
  };
  if (rows.length > size) out.nextToken = encodeToken(reverse ? 'hr' : 'h', page.at(-1)!.id);
  return out;
}
