import type {
  ListExecutionsInput,
  ListExecutionsOutput,
} from '../../../protocols/models/sfn.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { SfnExecutionStatus } from '../../../storage/ports.js';
import { executionListItem } from '../domain/describe.js';
import { decodeToken, encodeToken, pageSize } from '../domain/paging.js';
import { must, sfnError, typeNotSupported, validationError } from '../errors.js';
import { requireMachine } from '../machines.js';
import type { SfnRuntime } from '../runtime.js';

const TOKEN_MAX = 3096;
/** In the order AWS lists them in its validation message. */
const STATUSES = ['SUCCEEDED', 'TIMED_OUT', 'PENDING_REDRIVE', 'ABORTED', 'FAILED', 'RUNNING'];

/** Newest first. Express machines keep no executions to list (StateMachineTypeNotSupported, as AWS). */
export async function listExecutions(
  sfn: SfnRuntime,
  input: ListExecutionsInput,
  ctx: RequestContext,
): Promise<ListExecutionsOutput> {
  if (input.mapRunArn !== undefined)
    throw sfnError('ResourceNotFound', `Resource not found: '${input.mapRunArn}'`);
  if (input.stateMachineArn === undefined)
    throw sfnError('ValidationException', 'Must provide a StateMachine ARN or MapRun ARN');
  const machine = await requireMachine(sfn, input.stateMachineArn, ctx);
  if (machine.type === 'EXPRESS') throw typeNotSupported();
  if (input.statusFilter !== undefined && !STATUSES.includes(input.statusFilter)) {
    throw validationError(
      'statusFilter',
      input.statusFilter,
      `Member must satisfy enum value set: [${STATUSES.join(', ')}]`,
    );
  }
  const size = must(pageSize(input.maxResults, 100));
  const token = must(decodeToken(input.nextToken, 'ex', TOKEN_MAX));
  // Redrive does not exist yet, so nothing is ever pending one.
  if (input.statusFilter === 'PENDING_REDRIVE') return { executions: [] };
  const rows = await sfn.store.listExecutions(
    machine.arn,
    input.statusFilter as SfnExecutionStatus | undefined,
    token ? Number(token.position) : undefined,
    size + 1,
  );
  const page = rows.slice(0, size);
  const out: ListExecutionsOutput = { executions: page.map(executionListItem) };
  if (rows.length > size) out.nextToken = encodeToken('ex', page.at(-1)!.seq);
  return out;
}
