// Which service, protocol and operation a request is for: X-Amz-Target for the JSON protocol;
// for the query protocol, the Action parameter, with the service taken from the SigV4 scope,
// the Version parameter, or whichever service has that action.
import type { Service } from './service.js';

export type Detected =
  | { protocol: 'json'; service: Service; operation: string }
  | { protocol: 'query'; service: Service; operation: string | undefined };

/**
 * The target prefix names the service (`AWSStepFunctions.StartExecution`); when it names none we
 * know, the SigV4 scope's service (`states`) still says whose error format the reply should use.
 */
export function detectJson(services: Service[], target: string, scopeService?: string): Detected | undefined {
  const dot = target.lastIndexOf('.');
  const prefix = dot < 0 ? '' : target.slice(0, dot);
  const byPrefix = dot < 0 ? undefined : services.find((s) => s.model.targetPrefix === prefix);
  if (byPrefix) return { protocol: 'json', service: byPrefix, operation: target.slice(dot + 1) };
  const byScope = scopeService ? services.find((s) => s.model.signingName === scopeService) : undefined;
  if (!byScope) return undefined;
  // The whole target as the operation: no handler has that name, so the reply is the service's
  // UnknownOperationException rather than a run of an operation the client did not address.
  return { protocol: 'json', service: byScope, operation: target };
}

export function detectQuery(services: Service[], params: Map<string, string>, scopeService: string | undefined): Detected | undefined {
  const action = params.get('Action');
  const version = params.get('Version');
  const byScope = scopeService ? services.find((s) => s.model.signingName === scopeService) : undefined;
  const byVersion = version ? services.find((s) => s.model.apiVersion === version) : undefined;
  const byAction = action ? services.find((s) => action in s.model.operations) : undefined;
  const service = byScope ?? byVersion ?? byAction ?? services[0];
  if (!service) return undefined;
  return { protocol: 'query', service, operation: action };
}
