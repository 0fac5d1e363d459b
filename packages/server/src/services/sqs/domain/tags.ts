import type { AwsError } from '../../../protocols/errors.js';
import { sqsError } from '../errors.js';

export const MAX_TAGS = 50;

export function validateTags(tags: Record<string, string>, existing: Record<string, string> = {}): AwsError | undefined {
  for (const [k, v] of Object.entries(tags)) {
    if (k.length < 1 || k.length > 128) return sqsError('InvalidParameterValue', `Tag key must be between 1 and 128 characters: ${k}`);
    if (v.length > 256) return sqsError('InvalidParameterValue', `Tag value must be at most 256 characters for key ${k}`);
  }
  const total = new Set([...Object.keys(existing), ...Object.keys(tags)]).size;
  if (total > MAX_TAGS) return sqsError('InvalidParameterValue', `Too many tags added for queue. Maximum is ${MAX_TAGS}.`);
  return undefined;
}
