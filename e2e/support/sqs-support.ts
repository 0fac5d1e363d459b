// Helpers shared by the SQS suites that drive the SDK v3.

/** How an SDK v3 call failed. */
export interface SdkFailure {
  /** The modeled error shape, or the code when the error is not modeled. */
  name: string;
  /** The legacy query-protocol code the SDK reads from x-amzn-query-error. */
  code: string;
  message: string;
  status: number | undefined;
}

/** Awaits a call that should fail and describes the failure; throws if it succeeded. */
export async function failure(p: Promise<unknown>): Promise<SdkFailure> {
  try {
    await p;
  } catch (err) {
    const e = err as { name: string; Code?: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, code: e.Code ?? e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}
