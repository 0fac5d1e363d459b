import { describe, expect, it } from 'vitest';
import { isJsonataExpression, jsonataExpressionText, jsonataSource } from './expression.js';

describe('isJsonataExpression', () => {
  it('accepts a string that is "{%" ... "%}" from its first to its last character', () => {
    expect(isJsonataExpression('{% $states.input %}')).toBe(true);
    expect(isJsonataExpression('{%$x%}')).toBe(true);
    expect(isJsonataExpression('{%%}')).toBe(true);
  });

  it('treats blanks outside the markers as a literal string (recorded: " {% states.input %} " is passed through)', () => {
    expect(isJsonataExpression(' {% states.input %} ')).toBe(false);
    expect(isJsonataExpression('{% $x %} ')).toBe(false);
    expect(isJsonataExpression(' {% $x %}')).toBe(false);
  });

  it('refuses partial interpolation, JSONPath strings and non-strings', () => {
    expect(isJsonataExpression('Hello {% $name %}')).toBe(false);
    expect(isJsonataExpression('$states.input')).toBe(false);
    expect(isJsonataExpression('{%}')).toBe(false);
    expect(isJsonataExpression(42)).toBe(false);
    expect(isJsonataExpression(null)).toBe(false);
    expect(isJsonataExpression({ a: '{% 1 %}' })).toBe(false);
  });
});

describe('jsonataExpressionText', () => {
  it('quotes the expression without the markers and the blanks around it, as AWS causes do', () => {
    expect(jsonataExpressionText('{% $doesNotExist %}')).toBe('$doesNotExist');
    expect(jsonataExpressionText('{%\n  $a\n%}')).toBe('$a');
    expect(jsonataExpressionText('$doesNotExist ')).toBe('$doesNotExist');
  });

  it('trims like Java String.trim: control characters go, a non-breaking space stays', () => {
    expect(jsonataExpressionText('{%\t\u0001$x\u0000%}')).toBe('$x');
    expect(jsonataExpressionText('{%\u00a0$x %}')).toBe('\u00a0$x');
  });
});

describe('jsonataSource', () => {
  it('hands the parser the text between the markers with its blanks, and a bare expression unchanged', () => {
    expect(jsonataSource('{% $x %}')).toBe(' $x ');
    expect(jsonataSource('$x')).toBe('$x');
  });
});
