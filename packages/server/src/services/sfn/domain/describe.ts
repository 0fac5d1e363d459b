// Stored records in the shapes the API returns them (dates as Date: the JSON codec writes epoch
// seconds). Optional members appear only when AWS shows them: revisionId after the first update,
// variableReferences when a state reads workflow variables, stopDate once stopped, output once
// succeeded, error and cause when set.
import { variableReferences } from '@tributary/asl';
import type {
  DescribeExecutionOutput,
  DescribeStateMachineForExecutionOutput,
  DescribeStateMachineOutput,
  EncryptionConfiguration,
  ExecutionListItem,
  LoggingConfiguration,
  StateMachineListItem,
  TracingConfiguration,
} from '../../../protocols/models/sfn.types.js';
import type {
  ExecutionRecord,
  StateMachineRecord,
  StateMachineRevision,
} from '../../../storage/ports.js';

function configuration(r: StateMachineRevision): {
  loggingConfiguration: LoggingConfiguration;
  tracingConfiguration: TracingConfiguration;
  encryptionConfiguration: EncryptionConfiguration;
} {
  return {
    loggingConfiguration: r.loggingConfiguration as LoggingConfiguration,
    tracingConfiguration: r.tracingConfiguration as TracingConfiguration,
    encryptionConfiguration: r.encryptionConfiguration as unknown as EncryptionConfiguration,
  };
}

export function describeStateMachine(m: StateMachineRecord): DescribeStateMachineOutput {
  const out: DescribeStateMachineOutput = {
    stateMachineArn: m.arn,
    name: m.name,
    status: m.status,
    definition: m.revision.definition,
    roleArn: m.revision.roleArn,
    type: m.type,
    creationDate: new Date(m.createdAt),
    ...configuration(m.revision),
  };
  if (m.revision.revisionId !== null) out.revisionId = m.revision.revisionId;
  const references = variableReferences(m.revision.definition);
  if (references) out.variableReferences = references;
  return out;
}

export function describeMachineForExecution(
  machineArn: string,
  machineName: string,
  r: StateMachineRevision,
): DescribeStateMachineForExecutionOutput {
  const out: DescribeStateMachineForExecutionOutput = {
    stateMachineArn: machineArn,
    name: machineName,
    definition: r.definition,
    roleArn: r.roleArn,
    updateDate: new Date(r.createdAt),
    ...configuration(r),
  };
  if (r.revisionId !== null) out.revisionId = r.revisionId;
  const references = variableReferences(r.definition);
  if (references) out.variableReferences = references;
  return out;
}

export function stateMachineListItem(m: StateMachineRecord): StateMachineListItem {
  return {
    stateMachineArn: m.arn,
    name: m.name,
    type: m.type,
    creationDate: new Date(m.createdAt),
  };
}

/** AWS's redrive verdict: failed, timed-out and aborted executions can be redriven. */
function redrive(
  e: ExecutionRecord,
): Pick<DescribeExecutionOutput, 'redriveStatus' | 'redriveStatusReason'> {
  if (e.status === 'RUNNING' || e.status === 'SUCCEEDED') {
    return {
      redriveStatus: 'NOT_REDRIVABLE',
      redriveStatusReason: `Execution is ${e.status} and cannot be redriven`,
    };
  }
  return { redriveStatus: 'REDRIVABLE' };
}

export function describeExecution(e: ExecutionRecord): DescribeExecutionOutput {
  const out: DescribeExecutionOutput = {
    executionArn: e.arn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: new Date(e.startedAt),
    input: e.input,
    inputDetails: { included: true },
    redriveCount: e.redriveCount,
    ...redrive(e),
  };
  if (e.stoppedAt !== null) out.stopDate = new Date(e.stoppedAt);
  if (e.output !== null) {
    out.output = e.output;
    out.outputDetails = { included: true };
  }
  // Recorded: a TIMED_OUT execution is described without error or cause.
  if (e.status !== 'TIMED_OUT') {
    if (e.error !== null) out.error = e.error;
    if (e.cause !== null) out.cause = e.cause;
  }
  return out;
}

export function executionListItem(e: ExecutionRecord): ExecutionListItem {
  const out: ExecutionListItem = {
    executionArn: e.arn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: new Date(e.startedAt),
    redriveCount: e.redriveCount,
  };
  if (e.stoppedAt !== null) out.stopDate = new Date(e.stoppedAt);
  return out;
}
