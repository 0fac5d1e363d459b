// Queue URLs are built from the Host the client used (so they stay reachable from wherever the
// client is), and resolved by account and name whatever host they carry, because clients copy
// URLs between environments.
export interface QueueUrlParts {
  account: string;
  name: string;
}

export function queueUrl(baseUrl: string, account: string, name: string): string {
  return `${baseUrl}/${account}/${name}`;
}

export function queueArn(region: string, account: string, name: string): string {
  return `arn:aws:sqs:${region}:${account}:${name}`;
}

const PATH = /^\/(?:queue\/[^/]+\/)?([^/]+)\/([^/?#]+)\/?$/;

/** Accepts full URLs of any host and bare paths (`/<account>/<name>`). */
export function parseQueueUrl(url: string): QueueUrlParts | undefined {
  let path = url;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      path = new URL(url).pathname;
    } catch {
      return undefined;
    }
  }
  const m = PATH.exec(path);
  if (!m) return undefined;
  const account = decodeURIComponent(m[1]!);
  const name = decodeURIComponent(m[2]!);
  return { account, name };
}
