// IP addresses and CIDR blocks as the rule engine reads them: an address is what Java's
// InetAddress accepts for a string that looks like an IPv4 dotted quad or an IPv6 literal, and it is
// compared as upper-case hex of its bytes (8 digits for IPv4, 32 for IPv6).

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

/** An inclusive range of addresses, as hex strings of equal length. */
export interface IpRange {
  readonly low: string;
  readonly high: string;
}

/** The rule engine's failure for a bad CIDR: an IllegalArgumentException, reported without a location. */
export class CidrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CidrError';
  }
}

function looksLikeIp(text: string): boolean {
  return IPV4_SHAPE.test(text) || IPV6_SHAPE.test(text);
}

function parseV4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    // Java refuses octets with a leading zero as ambiguous, and anything above 255.
    if (part.length === 0 || part.length > 3 || (part.length > 1 && part.startsWith('0'))) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return bytes;
}

function parseV6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === '') return [];
    const groups: number[] = [];
    for (const g of half.split(':')) {
      if (g.length === 0 || g.length > 4) return null;
      groups.push(parseInt(g, 16));
    }
    return groups;
  };
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  let groups: number[];
  if (halves.length === 2) {
    if (head.length + tail.length > 7) return null;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    if (head.length !== 8) return null;
    groups = head;
  }
  const bytes: number[] = [];
  for (const g of groups) bytes.push(g >> 8, g & 0xff);
  // Java turns an IPv4-mapped address (::ffff:a.b.c.d) into the IPv4 address.
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
  return bytes;
}

function toHex(bytes: number[]): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).toUpperCase().padStart(2, '0');
  return out;
}

/** The address as hex, or null when the text is not an IP address literal. */
export function ipToHex(text: string): string | null {
  if (IPV4_SHAPE.test(text)) {
    const v4 = parseV4(text);
    return v4 ? toHex(v4) : null;
  }
  if (IPV6_SHAPE.test(text)) {
    const v6 = parseV6(text);
    return v6 ? toHex(v6) : null;
  }
  return null;
}

function ipBytesOrFail(text: string): number[] {
  let bytes: number[] | null = null;
  if (looksLikeIp(text)) {
    bytes = IPV4_SHAPE.test(text) ? parseV4(text) : parseV6(text);
    if (!bytes) throw new CidrError(`Invalid IP address: ${text}`);
  }
  if (!bytes) throw new CidrError(`Nonstandard IP address: ${text}`);
  return bytes;
}

/** Java's String.split("/"): trailing empty strings are dropped. */
function javaSplitOnSlash(text: string): string[] {
  const parts = text.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return text === '' ? [''] : parts;
}

/** Integer.parseInt */
function javaParseInt(text: string): number | null {
  if (!/^[+-]?[0-9]+$/.test(text)) return null;
  const value = Number(text);
  return value > 2147483647 || value < -2147483648 ? null : value;
}

/** A CIDR block ("10.0.0.0/24", "2001:db8::/64") as an address range; CidrError if malformed. */
export function parseCidr(text: string): IpRange {
  const parts = javaSplitOnSlash(text);
  if (parts.length !== 2) throw new CidrError("Malformed CIDR, one '/' required");
  const maskBits = javaParseInt(parts[1] ?? '');
  if (maskBits === null) throw new CidrError('Malformed CIDR, mask bits must be an integer');
  if (maskBits < 0) throw new CidrError('Malformed CIDR, mask bits must not be negative');
  const bytes = ipBytesOrFail(parts[0] ?? '');
  if (bytes.length === 4 && maskBits > 31) throw new CidrError('IPv4 mask bits must be < 32');
  if (bytes.length === 16 && maskBits > 127) throw new CidrError('IPv6 mask bits must be < 128');
  const low: number[] = [];
  const high: number[] = [];
  bytes.forEach((b, i) => {
    const fixed = Math.max(0, Math.min(8, maskBits - i * 8));
    const mask = (0xff << (8 - fixed)) & 0xff;
    low.push(b & mask);
    high.push((b & mask) | (~mask & 0xff));
  });
  return { low: toHex(low), high: toHex(high) };
}

/** Whether an address (as hex) lies in the range. */
export function inRange(hex: string, range: IpRange): boolean {
  return hex.length === range.low.length && hex >= range.low && hex <= range.high;
}
