// Which service, protocol and operation a request is for: X-Amz-Target for the JSON protocol;
// for the query protocol, the Action parameter, with the service taken from the SigV4 scope,
// the Version parameter, or whichever service has that action.
import type { Service } from './service.js';

export type Detected =
  | { protocol: 'json'; service: Service; operation: string }
  | { protocol: 'query'; service: Service; operation: string | undefined };

export function detectJson(services: Service[], target: string): Detected | undefined {
  const dot = target.lastIndexOf('.');
  if (dot < 0) return undefined;
  const prefix = target.slice(0, dot);
  const service = services.find((s) => s.model.targetPrefix === prefix);
  if (!service) return undefined;
  return { protocol: 'json', service, operation: target.slice(dot + 1) };
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
