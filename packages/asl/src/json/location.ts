// Where a Jackson exception says it happened: "[Source: <source>; line: L, column: C]". The source
// is the text itself when StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION is on (Jackson's default
// before 2.16; Step Functions' definition validation and event-ruler's rule parser run that way),
// else "REDACTED (...)" (the default since 2.16: SNS, States.StringToJson).

import { isIsoControl } from './chars.js';

const REDACTED = 'REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)';

/** ErrorReportConfiguration's default: at most this many characters of the source are quoted. */
const MAX_SNIPPET = 500;

/**
 * ContentReference's description of a String source: at most 500 characters, quoted, with ISO
 * control characters other than CR and LF written as \uXXXX, then how many were left out.
 */
function describeText(text: string): string {
  const snippet = text.length > MAX_SNIPPET ? text.slice(0, MAX_SNIPPET) : text;
  let quoted = '';
  let chunk = 0;
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet.charCodeAt(i);
    if (!isIsoControl(c) || c === 10 || c === 13) continue;
    quoted += `${snippet.slice(chunk, i)}\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    chunk = i + 1;
  }
  quoted += snippet.slice(chunk);
  const truncated =
    text.length > MAX_SNIPPET ? `[truncated ${text.length - MAX_SNIPPET} chars]` : '';
  return `(String)"${quoted}"${truncated}`;
}

/**
 * JsonLocation.toString(): with the source text, or REDACTED when source is undefined. A redacted
 * location leaves out a column that is not positive (as Jackson does for content it cannot show).
 */
export function jacksonLocation(source: string | undefined, line: number, column: number): string {
  if (source === undefined)
    return `[Source: ${REDACTED}; line: ${line}${column > 0 ? `, column: ${column}` : ''}]`;
  return `[Source: ${describeText(source)}; line: ${line}, column: ${column}]`;
}

/** A read failure: Jackson's message, and where it happened (none when a limit was exceeded). */
export class JsonReadError extends Error {
  constructor(
    /** Jackson's message without the location. */
    readonly detail: string,
    /** The location text, or undefined for a StreamReadConstraints failure. */
    readonly location: string | undefined,
  ) {
    // What Jackson's getMessage() returns.
    super(location === undefined ? detail : `${detail}\n at ${location}`);
    this.name = 'JsonReadError';
  }
}
