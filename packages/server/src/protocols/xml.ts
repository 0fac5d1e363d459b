// Text escaping as SQS applies it: besides the five XML entities, carriage returns are written as
// &#xD; so that a body's "\r" survives XML end-of-line normalisation in the client's parser.
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#xD;',
};
const NEEDS_ESCAPE = /[&<>"'\r]/g;

export function escapeXml(text: string): string {
  return text.replace(NEEDS_ESCAPE, (c) => ESCAPES[c] ?? c);
}
