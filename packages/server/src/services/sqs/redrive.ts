// Checks of a RedrivePolicy that need other queues: the dead-letter queue must exist, be of the
// same type as the source, and allow the source in its RedriveAllowPolicy.
import type { AwsError } from '../../protocols/errors.js';
import { sqsError } from './errors.js';
import { isFifo, queueByArn } from './queues.js';
import type { SqsRuntime } from './runtime.js';

export function allowsSource(redriveAllowPolicy: string | undefined, sourceArn: string): boolean {
  if (!redriveAllowPolicy) return true;
  const p = JSON.parse(redriveAllowPolicy) as { redrivePermission: string; sourceQueueArns?: string[] };
  if (p.redrivePermission === 'denyAll') return false;
  if (p.redrivePermission === 'byQueue') return (p.sourceQueueArns ?? []).includes(sourceArn);
  return true;
}

export async function checkRedriveTarget(
  sqs: SqsRuntime,
  policyText: string | undefined,
  source: { arn: string; fifo: boolean },
): Promise<AwsError | undefined> {
  if (!policyText) return undefined;
  const policy = JSON.parse(policyText) as { deadLetterTargetArn: string };
  const bad = (reason: string) => sqsError('InvalidParameterValue', `Value ${policyText} for parameter RedrivePolicy is invalid. Reason: ${reason}`);
  const dlq = await queueByArn(sqs, policy.deadLetterTargetArn);
  if (!dlq) return bad('Dead letter target does not exist.');
  if (isFifo(dlq) !== source.fifo) return bad('Dead-letter target queue must be the same type of queue as the source queue (standard or FIFO).');
  if (!allowsSource(dlq.attributes.RedriveAllowPolicy, source.arn)) {
    return bad("The dead-letter queue's RedriveAllowPolicy does not allow this queue as a source queue.");
  }
  return undefined;
}
