// How Task states appear in the history: the event family (Task*, LambdaFunction*, Activity*) and
// the resourceType/resource pair the Task* events carry.

import { parseTaskResource } from '../definition/resources.js';

export type TaskFamily = 'Task' | 'LambdaFunction' | 'Activity';

export function taskEventFamily(resource: string): TaskFamily {
  const parsed = parseTaskResource(resource);
  if (parsed?.kind === 'lambda-function') return 'LambdaFunction';
  if (parsed?.kind === 'activity') return 'Activity';
  return 'Task';
}

/** resourceType/resource as the Task* events name them: "lambda"/"invoke.waitForTaskToken". */
export function resourceNames(resource: string): { resourceType: string; resource: string } {
  const match = /^arn:[^:]+:states:[^:]*:[^:]*:([^:]+):(.+)$/.exec(resource);
  if (match === null) return { resourceType: 'unknown', resource };
  const service = match[1] as string;
  const rest = match[2] as string;
  if (service === 'aws-sdk') {
    const colon = rest.indexOf(':');
    return { resourceType: `aws-sdk:${rest.slice(0, colon)}`, resource: rest.slice(colon + 1) };
  }
  return { resourceType: service, resource: rest };
}

export function regionOf(arn: string): string {
  return arn.split(':')[3] ?? 'us-east-1';
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

