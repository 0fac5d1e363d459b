// A raw SNS client for the benchmark: node:http with a keep-alive Agent, speaking the AWS query
// protocol as the SDK does (form-encoded POST, `Action=…&Version=2010-03-31`, a SigV4-shaped
// Authorization header whose credential scope names `sns`; Tributary does not verify signatures
// yet). `call(action, params)` resolves with the XML reply text and throws a CallError (from
// sqs-clients.mjs) on a non-200 status or a network error. Replies are read with small regular
// expressions, not an XML parser, so the client stays cheap next to the server it measures.
import http from 'node:http';
import { CallError } from './sqs-clients.mjs';

const VERSION = '2010-03-31';

function amzDate(d = new Date()) {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function createSnsRawClient(endpoint, { maxSockets = 16, timeoutMs = 30_000 } = {}) {
  const url = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const date = amzDate();
  const authorization =
    `AWS4-HMAC-SHA256 Credential=test/${date.slice(0, 8)}/us-east-1/sns/aws4_request, ` +
    `SignedHeaders=content-type;host;x-amz-date, Signature=${'0'.repeat(64)}`;

  function request(method, path, body, headers) {
    return new Promise((resolve, reject) => {
      const req = http.request({ agent, host: url.hostname, port: url.port, method, path, headers, timeout: timeoutMs }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', (err) => reject(new CallError('network', err.message)));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
      req.on('error', (err) => reject(new CallError('network', `${path}: ${err.message}`)));
      req.end(body);
    });
  }

  /** `params`: the query parameters besides Action and Version, already flattened (`A.entry.1.key`). */
  async function call(action, params) {
    const body = new URLSearchParams({ Action: action, Version: VERSION, ...params }).toString();
    const { status, text } = await request('POST', '/', body, {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'x-amz-date': date,
      authorization,
      'content-length': Buffer.byteLength(body),
    });
    if (status !== 200) throw new CallError('http', `${action}: HTTP ${status} ${xmlText(text, 'Code') ?? ''}: ${xmlText(text, 'Message') ?? text.slice(0, 200)}`, status);
    return text;
  }

  /** GET /_tributary/metrics, parsed into {name{labels}: value}. */
  async function metrics() {
    const { status, text } = await request('GET', '/_tributary/metrics', undefined, {});
    if (status !== 200) throw new CallError('http', `metrics: HTTP ${status}`, status);
    const out = {};
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const sp = line.lastIndexOf(' ');
      out[line.slice(0, sp)] = Number(line.slice(sp + 1));
    }
    return out;
  }

  return { kind: 'raw', call, metrics, close: () => agent.destroy() };
}

/** The text of the first <tag>…</tag> in an XML reply (entities decoded), or undefined. */
export function xmlText(xml, tag) {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return m ? decodeXml(m[1]) : undefined;
}

/** Every <tag>…</tag> text in an XML reply, in order. */
export function xmlTexts(xml, tag) {
  const re = new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g');
  const out = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(decodeXml(m[1]));
  return out;
}

/** The inner XML of the first <tag>…</tag> (may contain elements), or undefined. */
export function xmlSection(xml, tag) {
  const open = xml.indexOf(`<${tag}>`);
  if (open < 0) return xml.includes(`<${tag}/>`) ? '' : undefined;
  const close = xml.indexOf(`</${tag}>`, open);
  return close < 0 ? undefined : xml.slice(open + tag.length + 2, close);
}

function decodeXml(s) {
  return s.includes('&')
    ? s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e) => {
        switch (e) {
          case 'lt':
            return '<';
          case 'gt':
            return '>';
          case 'amp':
            return '&';
          case 'quot':
            return '"';
          case 'apos':
            return "'";
          default:
            return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
        }
      })
    : s;
}
