import type {
  ListStateMachinesInput,
  ListStateMachinesOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { stateMachineListItem } from '../domain/describe.js';
import { decodeToken, encodeToken, pageSize } from '../domain/paging.js';
import { must } from '../errors.js';
import type { SfnRuntime } from '../runtime.js';

const TOKEN_MAX = 1024;

export async function listStateMachines(
  sfn: SfnRuntime,
  input: ListStateMachinesInput,
  ctx: RequestContext,
): Promise<ListStateMachinesOutput> {
  const size = must(pageSize(input.maxResults, 100));
  const token = must(decodeToken(input.nextToken, 'sm', TOKEN_MAX));
  const rows = await sfn.store.listStateMachines(
    ctx.account,
    ctx.region,
    token ? String(token.position) : undefined,
    size + 1,
  );
  const page = rows.slice(0, size);
  const out: ListStateMachinesOutput = { stateMachines: page.map(stateMachineListItem) };
  if (rows.length > size) out.nextToken = encodeToken('sm', page.at(-1)!.name);
  return out;
}
