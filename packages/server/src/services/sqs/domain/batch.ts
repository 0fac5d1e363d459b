// The checks every *Batch operation makes of its entry list before looking at any entry.
import type { AwsError } from '../../../protocols/errors.js';
import type { BatchResultErrorEntry } from '../../../protocols/models/sqs.types.js';
import { sqsError } from '../errors.js';

export const MAX_BATCH_ENTRIES = 10;
const ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

export function validateBatch(entries: { Id: string }[], entryName: string): AwsError | undefined {
  if (entries.length === 0) {
    return sqsError('EmptyBatchRequest', `There should be at least one ${entryName} in the request.`);
  }
  if (entries.length > MAX_BATCH_ENTRIES) {
    return sqsError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are ${MAX_BATCH_ENTRIES}. You have sent ${entries.length}.`,
    );
  }
  const seen = new Set<string>();
  for (const e of entries) {
    if (!ENTRY_ID.test(e.Id)) {
      return sqsError(
        'InvalidBatchEntryId',
        'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
      );
    }
    if (seen.has(e.Id)) return sqsError('BatchEntryIdsNotDistinct', `Id ${e.Id} repeated.`);
    seen.add(e.Id);
  }
  return undefined;
}

export function batchFailure(id: string, err: AwsError): BatchResultErrorEntry {
  return { Id: id, SenderFault: err.fault === 'Sender', Code: err.code, Message: err.message };
}

/** Splits per-entry outcomes (an error, or nothing for success) into AWS's Successful and Failed lists. */
export function batchOutcome(entries: { Id: string }[], errors: (AwsError | undefined)[]): { Successful: { Id: string }[]; Failed: BatchResultErrorEntry[] } {
  const Successful: { Id: string }[] = [];
  const Failed: BatchResultErrorEntry[] = [];
  entries.forEach((e, i) => {
    const err = errors[i];
    if (err) Failed.push(batchFailure(e.Id, err));
    else Successful.push({ Id: e.Id });
  });
  return { Successful, Failed };
}
