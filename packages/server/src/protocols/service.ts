// What the protocol layer needs from a service: its model and one handler per operation.
import type { DecodeOptions } from './input.js';
import type { ServiceModel } from './model.js';

export interface RequestContext {
  requestId: string;
  protocol: 'json' | 'query';
  account: string;
  region: string;
  /** The caller's access key id, when the request was signed. */
  accessKeyId: string | undefined;
  /** scheme://host as the client addressed us, for URLs we hand back. */
  baseUrl: string;
  /** Aborted when the server shuts down, so long polls can return at once. */
  signal: AbortSignal;
}

export type OperationHandler = (input: Record<string, unknown>, ctx: RequestContext) => Promise<unknown>;

export interface Service {
  id: string;
  model: ServiceModel;
  operations: Partial<Record<string, OperationHandler>>;
  /** Whether query-protocol errors carry an empty <Detail/> element (SQS: yes, SNS: no). */
  queryErrorDetail?: boolean;
  /** Service-specific decoding rules (e.g. how a missing required member is reported). */
  decode?: DecodeOptions;
  /** Query requests sent to a resource path (SQS: the queue URL) may omit the parameter naming it. */
  queryParameterFromPath?: (path: string, baseUrl: string, params: Map<string, string>) => void;
}

/** Adapts a typed handler to the generic table; the decoder has already checked the input's shape. */
export function operation<I, O>(handler: (input: I, ctx: RequestContext) => Promise<O>): OperationHandler {
  return handler as unknown as OperationHandler;
}
