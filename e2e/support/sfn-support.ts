// Step Functions clients for the end-to-end suites. StartSyncExecution (and TestState) carry the
// endpoint host prefix `sync-`: the SDK calls `sync-127.0.0.1:<port>`, a name no resolver knows.
// Two ways through, both used by the suites: `disableHostPrefix: true` (what the README tells
// users), or a client whose HTTP agent resolves every `sync-…` name to the loopback address, so
// the SDK's default behaviour is exercised and the server sees `Host: sync-127.0.0.1:<port>`.
import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent } from 'node:http';
import { SFNClient } from '@aws-sdk/client-sfn';
import { NodeHttpHandler } from '@smithy/node-http-handler';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const ACCOUNT = '000000000000';
export const REGION = 'us-east-1';
export const ROLE = 'arn:aws:iam::000000000000:role/sfn-role';

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** Resolves `sync-<anything>` to 127.0.0.1 and everything else as usual. */
function syncAwareLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  const name = hostname.startsWith('sync-') ? '127.0.0.1' : hostname;
  lookup(name, { ...options, all: options.all ?? false }, callback as never);
}

export interface SfnClientOptions {
  /** Send StartSyncExecution to the endpoint itself rather than to `sync-<host>`. */
  disableHostPrefix?: boolean;
  /** Resolve `sync-*` host names to the loopback address (to keep the SDK's default prefix). */
  resolveSyncHost?: boolean;
  maxAttempts?: number;
}

export function sfnClient(endpoint: string, options: SfnClientOptions = {}): SFNClient {
  return new SFNClient({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: options.maxAttempts ?? 1,
    disableHostPrefix: options.disableHostPrefix ?? false,
    ...(options.resolveSyncHost
      ? {
          requestHandler: new NodeHttpHandler({
            httpAgent: new Agent({ keepAlive: true, lookup: syncAwareLookup }),
          }),
        }
      : {}),
  });
}

export function unique(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The error an SDK call failed with: its name (AWS code), message and HTTP status. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const PASS_DEFINITION = JSON.stringify({
  Comment: 'two passes',
  StartAt: 'First',
  States: {
    First: { Type: 'Pass', Result: { step: 1 }, ResultPath: '$.first', Next: 'Second' },
    Second: { Type: 'Pass', Parameters: { 'got.$': '$.first.step', 'in.$': '$.value' }, End: true },
  },
});

export function waitDefinition(seconds: number): string {
  return JSON.stringify({
    StartAt: 'Before',
    States: {
      Before: { Type: 'Pass', Next: 'Sleep' },
      Sleep: { Type: 'Wait', Seconds: seconds, Next: 'After' },
      After: { Type: 'Pass', Result: 'woke', End: true },
    },
  });
}
