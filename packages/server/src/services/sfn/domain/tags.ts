// Tags on state machines: at most 50, keys of 1 to 128 characters, values of at most 256.
import type { AwsError } from '../../../protocols/errors.js';
import type { SfnTag } from '../../../storage/ports.js';
import { sfnError, validationError } from '../errors.js';

export const MAX_TAGS = 50;

export function checkTags(tags: readonly SfnTag[], member = 'tags'): AwsError | undefined {
  for (const [i, t] of tags.entries()) {
    const at = `${member}.${i + 1}.member`;
    if (t.key.length < 1)
      return validationError(
        `${at}.key`,
        t.key,
        'Member must have length greater than or equal to 1',
      );
    if (t.key.length > 128)
      return validationError(
        `${at}.key`,
        t.key,
        'Member must have length less than or equal to 128',
      );
    if (t.value.length > 256)
      return validationError(
        `${at}.value`,
        t.value,
        'Member must have length less than or equal to 256',
      );
  }
  return undefined;
}

/** Adds or overwrites tags, keeping the order in which keys were first added. */
export function mergeTags(existing: readonly SfnTag[], added: readonly SfnTag[]): SfnTag[] {
  const out = existing.map((t) => ({ ...t }));
  for (const t of added) {
    const cur = out.find((e) => e.key === t.key);
    if (cur) cur.value = t.value;
    else out.push({ key: t.key, value: t.value });
  }
  return out;
}

export function tooManyTags(resourceArn: string): AwsError {
  return sfnError(
    'TooManyTags',
    `Too many tags for resource '${resourceArn}': a resource can have at most ${MAX_TAGS} tags.`,
  );
}

/** The Tag shape of the API (key and value optional on the wire; a missing value is empty). */
export function fromWire(
  tags: ReadonlyArray<{ key?: string; value?: string }> | undefined,
): SfnTag[] {
  return (tags ?? []).map((t) => ({ key: t.key ?? '', value: t.value ?? '' }));
}
