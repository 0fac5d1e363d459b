// Characters as Jackson's parser classifies and names them in its messages. Java looks at single
// UTF-16 units, and so do these.

const JAVA_ID_START = /[\p{L}\p{Nl}\p{Sc}\p{Pc}]/u;
const JAVA_ID_PART =
  /[\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}\p{Cf}\u0000-\u0008\u000e-\u001b\u007f-\u009f]/u;

/** Character.isJavaIdentifierStart */
export const isJavaIdentifierStart = (code: number): boolean =>
  JAVA_ID_START.test(String.fromCharCode(code));
/** Character.isJavaIdentifierPart */
export const isJavaIdentifierPart = (code: number): boolean =>
  JAVA_ID_PART.test(String.fromCharCode(code));
/** Character.isISOControl */
export const isIsoControl = (code: number): boolean =>
  code <= 0x1f || (code >= 0x7f && code <= 0x9f);
export const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** ParserMinimalBase._getCharDesc: how a message names a character. */
export function charDesc(code: number): string {
  if (isIsoControl(code)) return `(CTRL-CHAR, code ${code})`;
  const ch = String.fromCharCode(code);
  if (code > 255) return `'${ch}' (code ${code} / 0x${code.toString(16)})`;
  return `'${ch}' (code ${code})`;
}

/** The value of a hexadecimal digit, or -1. */
export function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}
