import { AwsError } from '../../../protocols/errors.js';
import type { SetQueueAttributesRequest } from '../../../protocols/models/sqs.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { checkFifoThroughput, isText, validateAttributes } from '../domain/queue-attributes.js';
import { checkRedriveTarget } from '../redrive.js';
import { arnOf, isFifo, requireQueue } from '../queues.js';
import type { SqsRuntime } from '../runtime.js';

export async function setQueueAttributes(sqs: SqsRuntime, input: SetQueueAttributesRequest, ctx: RequestContext): Promise<void> {
  const queue = await requireQueue(sqs, ctx, input.QueueUrl);
  const validated = validateAttributes(input.Attributes, isFifo(queue), 'SetQueueAttributes');
  if (validated instanceof AwsError) throw validated;
  const attributes = { ...queue.attributes, ...validated };
  // An empty policy, or key id, removes it.
  for (const [name, value] of Object.entries(validated)) {
    if (value === '' && isText(name)) delete attributes[name];
  }
  if (validated.KmsMasterKeyId) {
    attributes.SqsManagedSseEnabled = 'false';
    attributes.KmsDataKeyReusePeriodSeconds ??= '300';
  } else if (validated.SqsManagedSseEnabled === 'true') {
    delete attributes.KmsMasterKeyId;
    delete attributes.KmsDataKeyReusePeriodSeconds;
  }
  const throughput = checkFifoThroughput(attributes);
  if (throughput) throw throughput;
  if (validated.RedrivePolicy) {
    const err = await checkRedriveTarget(sqs, attributes.RedrivePolicy, { arn: arnOf(queue), fifo: isFifo(queue) });
    if (err) throw err;
  }
  await sqs.store.updateQueue(queue.id, { attributes, modifiedAt: sqs.clock.now() });
  // A shorter delay or wait can make messages receivable sooner for pollers already waiting.
  sqs.waiters.wake(queue.id);
}
