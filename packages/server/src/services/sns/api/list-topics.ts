import type { ListTopicsInput, ListTopicsResponse } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { invalidParameter } from '../errors.js';
import type { SnsRuntime } from '../runtime.js';
import { arnOf } from '../topics.js';

/** SNS lists 100 topics per page. */
export const PAGE_SIZE = 100;

export function encodeToken(after: string): string {
  return Buffer.from(after, 'utf8').toString('base64url');
}

export function decodeToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const after = Buffer.from(token, 'base64url').toString('utf8');
  if (!after || encodeToken(after) !== token) throw invalidParameter('NextToken');
  return after;
}

export async function listTopics(sns: SnsRuntime, input: ListTopicsInput, ctx: RequestContext): Promise<ListTopicsResponse> {
  const after = decodeToken(input.NextToken);
  const rows = await sns.store.listTopics(ctx.account, ctx.region, after, PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const out: ListTopicsResponse = { Topics: page.map((t) => ({ TopicArn: arnOf(t) })) };
  if (rows.length > PAGE_SIZE) out.NextToken = encodeToken(page.at(-1)!.name);
  return out;
}
