import { describe, expect, it } from 'vitest';
import { checkName, isValidName } from './names.js';

describe('isValidName', () => {
  it('accepts letters, digits, dashes, underscores, dots and non-ASCII letters', () => {
    for (const name of ['a', 'order-flow_v2.1', 'größe', 'x'.repeat(80)])
      expect(isValidName(name)).toBe(true);
  });

  it('refuses empty and over-long names', () => {
    expect(isValidName('')).toBe(false);
    expect(isValidName('x'.repeat(81))).toBe(false);
  });

  it('refuses every character AWS lists as forbidden', () => {
    for (const ch of [
      ' ',
      '\t',
      '?',
      '*',
      '<',
      '>',
      '{',
      '}',
      '[',
      ']',
      '"',
      '#',
      '%',
      '\\',
      '^',
      '|',
      '~',
      '`',
      '$',
      '&',
      ',',
      ';',
      ':',
      '/',
      '\u0000',
      '\u001f',
      '\u007f',
      '\u009f',
    ]) {
      expect(isValidName(`a${ch}b`), JSON.stringify(ch)).toBe(false);
    }
  });
});

describe('checkName', () => {
  it('reports a name over 80 characters as the validator does, and a forbidden character as InvalidName', () => {
    expect(checkName('x'.repeat(81))?.message).toBe(
      `1 validation error detected: Value '${'x'.repeat(81)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80`,
    );
    expect(checkName('a b')).toMatchObject({ type: 'InvalidName', message: "Invalid Name: 'a b'" });
    expect(checkName('ok-name')).toBeUndefined();
  });
});
