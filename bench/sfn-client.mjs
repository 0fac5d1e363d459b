// A raw Step Functions client: node:http with a keep-alive Agent, speaking AWS JSON 1.0 as the SDK
// does (`POST /`, `content-type: application/x-amz-json-1.0`, `x-amz-target:
// AWSStepFunctions.<Op>`, a SigV4-shaped Authorization header whose credential scope names
// `states`; Tributary does not verify signatures yet). `call(operation, input) → output` throws a
// CallError on any non-200 reply or unparseable body. The Host header is the endpoint's, as the
// SDK sends it with `disableHostPrefix: true` (without it, StartSyncExecution goes to
// `sync-<host>`, which does not resolve for 127.0.0.1).
import { createJsonClient } from './sqs-clients.mjs';

export function createSfnRawClient(endpoint, { maxSockets = 16, timeoutMs = 30_000 } = {}) {
  return createJsonClient(endpoint, { target: 'AWSStepFunctions', signingName: 'states', maxSockets, timeoutMs });
}
