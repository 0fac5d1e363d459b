// Paging parameters as AWS checks them: maxResults 0 to 1000 (0 meaning the default page),
// nextToken of 1 to N characters (1024 for ListStateMachines, 3096 for executions and history),
// and tokens that only this listing handed out. Tokens are opaque base64url JSON.
import type { AwsError } from '../../../protocols/errors.js';
import { sfnError, validationError } from '../errors.js';

export const MAX_PAGE = 1000;

export function pageSize(maxResults: number | undefined, defaultSize: number): number | AwsError {
  if (maxResults === undefined || maxResults === 0) return defaultSize;
  if (maxResults > MAX_PAGE)
    return validationError(
      'maxResults',
      maxResults,
      `Member must have value less than or equal to ${MAX_PAGE}`,
    );
  if (maxResults < 0)
    return validationError(
      'maxResults',
      maxResults,
      'Member must have value greater than or equal to 0',
    );
  return Math.floor(maxResults);
}

export function encodeToken(
  kind: string,
  position: string | number,
  extra: Record<string, unknown> = {},
): string {
  return Buffer.from(JSON.stringify({ k: kind, p: position, ...extra }), 'utf8').toString(
    'base64url',
  );
}

export interface DecodedToken {
  position: string | number;
  extra: Record<string, unknown>;
}

export function decodeToken(
  token: string | undefined,
  kind: string,
  maxLength: number,
): DecodedToken | undefined | AwsError {
  if (token === undefined) return undefined;
  if (token.length < 1)
    return validationError(
      'nextToken',
      token,
      'Member must have length greater than or equal to 1',
    );
  if (token.length > maxLength)
    return validationError(
      'nextToken',
      token,
      `Member must have length less than or equal to ${maxLength}`,
    );
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      k?: unknown;
      p?: unknown;
    };
    if (parsed.k === kind && (typeof parsed.p === 'string' || typeof parsed.p === 'number')) {
      const { k: _k, p, ...extra } = parsed;
      return { position: p, extra };
    }
  } catch {
    // falls through to InvalidToken
  }
  return sfnError('InvalidToken', `Invalid Token: '${token}'`);
}
