// How filter-policy failures read. The rule compiler's errors carry Jackson's location of the
// parser that read the (compact) rule text, which has its source included: `(String)"<text>"`.

import { isIsoControl } from './parse.js';

/** Jackson's ErrorReportConfiguration default: at most this many characters of source are quoted. */
const MAX_SNIPPET = 500;

/** ContentReference.appendSourceDescription for a String source, then the line and column. */
export function ruleLocation(source: string, column: number): string {
  const snippet = source.length > MAX_SNIPPET ? source.slice(0, MAX_SNIPPET) : source;
  let quoted = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet.charCodeAt(i);
    if (isIsoControl(c) && c !== 10 && c !== 13) quoted += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else quoted += snippet[i];
  }
  const truncated = source.length > MAX_SNIPPET ? `[truncated ${source.length - MAX_SNIPPET} chars]` : '';
  return `[Source: (String)"${quoted}"${truncated}; line: 1, column: ${column}]`;
}

/** A JsonParseException the rule compiler raised ("barf"): message and the column it was raised at. */
export class RuleSyntaxError extends Error {
  constructor(
    readonly detail: string,
    readonly source: string,
    readonly column: number,
  ) {
    super(detail);
    this.name = 'RuleSyntaxError';
  }

  /** getMessage(): the message with its location. */
  jacksonMessage(): string {
    return `${this.detail}\n at ${ruleLocation(this.source, this.column)}`;
  }
}

/** An IllegalArgumentException escaping the rule compiler: reported bare, without a location. */
export class RuleArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleArgumentError';
  }
}

export const TOO_MANY_KEYS = 'FilterPolicy: Filter policy can not have more than 5 keys';
export const TOO_COMPLEX = 'FilterPolicy: Filter policy is too complex';
export const NESTED_IN_ATTRIBUTES_SCOPE = 'Filter policy scope MessageAttributes does not support nested filter policy';
