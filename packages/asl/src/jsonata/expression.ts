// Recognising a JSONata field value. AWS evaluates a string only when the whole string is the
// expression: "{%" must be its first two characters and "%}" its last two. Recorded: a value with a
// blank before "{%" or after "%}" (" {% states.input %} ") is passed through as a literal string.

/** True when the whole string is a JSONata expression "{% ... %}" (no blanks outside the markers). */
export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 4 && value.startsWith('{%') && value.endsWith('%}');
}

/**
 * The expression as AWS quotes it in causes: the text between the markers without the blanks
 * around it ('{% $doesNotExist %}' is reported as '$doesNotExist'). Java's String.trim strips every
 * character up to U+0020 and nothing else, so JavaScript's wider trim() is not used.
 */
export function jsonataExpressionText(value: string): string {
  const body = isJsonataExpression(value) ? value.slice(2, -2) : value;
  let start = 0;
  let end = body.length;
  while (start < end && body.charCodeAt(start) <= 0x20) start++;
  while (end > start && body.charCodeAt(end - 1) <= 0x20) end--;
  return body.slice(start, end);
}

/** The JSONata source between the markers, as the parser receives it (blanks kept). */
export function jsonataSource(value: string): string {
  return isJsonataExpression(value) ? value.slice(2, -2) : value;
}
