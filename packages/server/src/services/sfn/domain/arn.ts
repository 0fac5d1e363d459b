// Step Functions ARNs: building them, and reading one the way AWS judges it ("Invalid ARN prefix"
// for anything that is not a states ARN, "Resource type not valid in this context" for an ARN of
// the wrong kind, e.g. an Express execution where a Standard one is expected).
import { invalidArn } from '../errors.js';
import type { AwsError } from '../../../protocols/errors.js';

export type StatesResourceType =
  'stateMachine' | 'execution' | 'express' | 'activity' | 'mapRun' | string;

export interface StatesArn {
  partition: string;
  region: string;
  account: string;
  resourceType: StatesResourceType;
  /** The colon-separated parts after the resource type. */
  parts: string[];
}

const ARN = /^arn:(aws[a-z-]*):states:([a-z0-9-]+):(\d{12}):([A-Za-z]+):(.+)$/;

export function stateMachineArn(region: string, account: string, name: string): string {
  return `arn:aws:states:${region}:${account}:stateMachine:${name}`;
}

export function executionArn(
  region: string,
  account: string,
  machineName: string,
  name: string,
): string {
  return `arn:aws:states:${region}:${account}:execution:${machineName}:${name}`;
}

/** Express executions have their own resource type and a second id after the name (as on AWS). */
export function expressExecutionArn(
  region: string,
  account: string,
  machineName: string,
  name: string,
  id: string,
): string {
  return `arn:aws:states:${region}:${account}:express:${machineName}:${name}:${id}`;
}

export function parseStatesArn(arn: string): StatesArn | AwsError {
  const m = ARN.exec(arn);
  if (!m) return invalidArn(`Invalid ARN prefix: ${arn}`);
  return {
    partition: m[1]!,
    region: m[2]!,
    account: m[3]!,
    resourceType: m[4]!,
    parts: m[5]!.split(':'),
  };
}

function ofType(arn: string, types: readonly string[]): StatesArn {
  const parsed = parseStatesArn(arn);
  if (!('resourceType' in parsed)) throw parsed;
  if (!types.includes(parsed.resourceType))
    throw invalidArn(`Resource type not valid in this context: ${parsed.resourceType}`);
  return parsed;
}

export interface MachineRef {
  arn: StatesArn;
  name: string;
  /** A version number or alias name after the machine's name (not supported yet: such ARNs do not resolve). */
  qualifier: string | undefined;
}

export function readStateMachineArn(arn: string): MachineRef {
  const parsed = ofType(arn, ['stateMachine']);
  const [first = '', version] = parsed.parts;
  // `sm/label` names a Distributed Map inside the machine; `sm:2` or `sm:alias` a version or alias.
  const slash = first.indexOf('/');
  const name = slash < 0 ? first : first.slice(0, slash);
  return {
    arn: parsed,
    name,
    qualifier: version ?? (slash < 0 ? undefined : first.slice(slash + 1)),
  };
}

export interface ExecutionRef {
  arn: StatesArn;
  express: boolean;
  machineName: string;
  name: string;
}

/** An execution ARN; Express ones are accepted only where `allowExpress` says so. */
export function readExecutionArn(arn: string, allowExpress = false): ExecutionRef {
  const parsed = ofType(arn, allowExpress ? ['execution', 'express'] : ['execution']);
  return {
    arn: parsed,
    express: parsed.resourceType === 'express',
    machineName: parsed.parts[0] ?? '',
    name: parsed.parts[1] ?? '',
  };
}

/** Whether the ARN names something in the caller's own account and region. */
export function inScope(arn: StatesArn, account: string, region: string): boolean {
  return arn.account === account && arn.region === region;
}
