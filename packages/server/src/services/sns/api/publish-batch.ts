import { AwsError } from '../../../protocols/errors.js';
import type { PublishBatchInput, PublishBatchResponse, PublishBatchResultEntry } from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { snsError } from '../errors.js';
import { checkFifoFields, checkPublish, maxMessageBytes, type CheckedPublish } from '../publish-input.js';
import { publish } from '../publishing.js';
import type { SnsRuntime } from '../runtime.js';
import { isFifoTopic, requireTopic } from '../topics.js';

const MAX_ENTRIES = 10;

export async function publishBatch(sns: SnsRuntime, input: PublishBatchInput, ctx: RequestContext): Promise<PublishBatchResponse> {
  const topic = await requireTopic(sns, input.TopicArn, ctx.region);
  const entries = input.PublishBatchRequestEntries;
  if (entries.length === 0) throw snsError('EmptyBatchRequest', "The batch request doesn't contain any entries.");
  if (entries.length > MAX_ENTRIES) throw snsError('TooManyEntriesInBatchRequest', 'The batch request contains more entries than permissible.');
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.Id.length > 80) throw snsError('InvalidBatchEntryId', `The Id of a batch entry in the batch request is too long: ${e.Id}`);
    if (!/^[A-Za-z0-9_-]+$/.test(e.Id)) throw snsError('InvalidBatchEntryId', `The Id of a batch entry in the batch request contains an impermissible character: ${e.Id}`);
    if (ids.has(e.Id)) throw snsError('BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.');
    ids.add(e.Id);
  }
  const max = maxMessageBytes(topic);
  const checked: CheckedPublish[] = [];
  for (const e of entries) {
    const c = checkPublish(e, Number.MAX_SAFE_INTEGER);
    if (c instanceof AwsError) throw c;
    const fifoError = checkFifoFields(topic, e);
    if (fifoError) throw fifoError;
    checked.push(c);
  }
  if (checked.reduce((sum, c) => sum + c.size, 0) > max) {
    throw snsError('BatchRequestTooLong', 'The length of all the messages put together is more than the limit.');
  }
  const publishEntry = async (i: number): Promise<PublishBatchResultEntry> => {
    const e = entries[i]!;
    const c = checked[i]!;
    const r = await publish(sns, {
      topic,
      message: c.message,
      perProtocol: c.perProtocol,
      subject: c.subject,
      attributes: c.attributes,
      groupId: e.MessageGroupId,
      deduplicationId: e.MessageDeduplicationId,
      baseUrl: ctx.baseUrl,
    });
    return r.sequenceNumber ? { Id: e.Id, MessageId: r.messageId, SequenceNumber: r.sequenceNumber } : { Id: e.Id, MessageId: r.messageId };
  };
  const successful: PublishBatchResultEntry[] = [];
  if (isFifoTopic(topic)) {
    // One after another, so a FIFO topic keeps the entries' order within each group.
    for (let i = 0; i < entries.length; i++) successful.push(await publishEntry(i));
  } else {
    // Together, so the whole batch shares one group commit.
    successful.push(...(await Promise.all(entries.map((_, i) => publishEntry(i)))));
  }
  return { Successful: successful, Failed: [] };
}
