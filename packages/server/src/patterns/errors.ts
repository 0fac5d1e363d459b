// How filter-policy failures read. The rule compiler's errors carry Jackson's location of the
// parser that read the (compact, one-line) rule text, which has its source included:
// `[Source: (String)"<text>"; line: 1, column: C]`.

import { jacksonLocation } from '@tributary/asl';

/** Where in the compact rule text a rule error was raised. */
export function ruleLocation(source: string, column: number): string {
  return jacksonLocation(source, 1, column);
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
