// Numbers the way the rule engine compares them: as doubles in -5e9..5e9 turned into an integer
// count of millionths (so two numbers that agree to six decimal places are equal). Anything outside
// that range has no comparable form and only ever matches by its exact text.

export const NUMBER_LIMIT = 5e9;

/** The message the rule engine gives for a number outside its range (Java prints 5e9 as 5.0E9). */
export const NUMBER_RANGE_MESSAGE = 'Value must be between -5.0E9 and 5.0E9, inclusive';

/** The comparable form of a number, or NaN when it has none. */
export function comparable(value: number): number {
  if (!(value >= -NUMBER_LIMIT && value <= NUMBER_LIMIT)) return NaN;
  return Math.floor(1e6 * (NUMBER_LIMIT + value));
}

const DECIMAL = /^\s*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFdD]?\s*$/;

/** Double.parseDouble for the decimal forms a Number attribute can hold; NaN when it is not one. */
export function parseJavaDouble(text: string): number {
  if (!DECIMAL.test(text)) return NaN;
  return Number(text.trim().replace(/[fFdD]$/, ''));
}
