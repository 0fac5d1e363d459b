// Shared by the mobile push and SMS handler tests: a runtime over a given store, a request
// context, the query decoder as the gateway runs it, and a way to catch an AwsError.
import { ManualClock } from '../../../runtime/clock.js';
import { AwsError } from '../../../protocols/errors.js';
import { decodeQueryInput } from '../../../protocols/input.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { SnsStore } from '../../../storage/ports.js';
import type { SqsRuntime } from '../../sqs/index.js';
import { snsDecodeOptions } from '../decode.js';
import { SnsCounters } from '../metrics.js';
import { snsModel } from '../model.js';
import type { SigningIdentity, SnsRuntime } from '../runtime.js';

export const ACCOUNT = '111111111111';
export const REGION = 'us-east-1';

/** Mobile push and SMS never deliver through SQS or sign anything: those parts are inert. */
export function testRuntime(store: SnsStore, clock = new ManualClock(1_700_000_000_000)): SnsRuntime {
  return {
    store,
    clock,
    sqs: {} as unknown as SqsRuntime,
    identity: () => ({}) as unknown as SigningIdentity,
    poke: () => undefined,
    counters: new SnsCounters(),
  };
}

export function testContext(overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    requestId: 'test-request',
    protocol: 'query',
    account: ACCOUNT,
    region: REGION,
    accessKeyId: undefined,
    baseUrl: 'http://localhost:4566',
    signal: new AbortController().signal,
    ...overrides,
  };
}

/** Decodes query parameters for an SNS operation exactly as the gateway does before calling a handler. */
export function decodeQuery(operation: string, params: Record<string, string>): Record<string, unknown> {
  const shape = snsModel.operations[operation]?.input ?? null;
  return decodeQueryInput(snsModel, shape, new Map(Object.entries(params)), snsDecodeOptions);
}

/** The AwsError a call fails with (the test fails if it does not fail, or fails otherwise). */
export async function awsErrorOf(call: Promise<unknown> | (() => unknown)): Promise<AwsError> {
  try {
    await (typeof call === 'function' ? call() : call);
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('expected an AwsError, but the call succeeded');
}

/** What a recorded AWS error row asserts: code, message and HTTP status. */
export function wire(err: AwsError): { code: string; message: string; status: number } {
  return { code: err.code, message: err.message, status: err.status };
}
