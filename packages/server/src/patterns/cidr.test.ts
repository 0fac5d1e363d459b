import { describe, expect, it } from 'vitest';
import { CidrError, inRange, ipToHex, parseCidr } from './cidr.js';

function cidrError(text: string): string {
  try {
    parseCidr(text);
  } catch (err) {
    if (err instanceof CidrError) return err.message;
    throw err;
  }
  throw new Error(`accepted: ${text}`);
}

describe('IP address literals', () => {
  it('reads IPv4 dotted quads as 8 hex digits', () => {
    expect(ipToHex('10.0.0.255')).toBe('0A0000FF');
    expect(ipToHex('0.0.0.0')).toBe('00000000');
  });

  it('refuses IPv4 octets above 255 or with a leading zero, and other shapes', () => {
    expect(ipToHex('10.0.0.256')).toBeNull();
    expect(ipToHex('010.0.0.1')).toBeNull();
    expect(ipToHex('10.0.0')).toBeNull();
    expect(ipToHex('a.b.c.d')).toBeNull();
    expect(ipToHex('example.com')).toBeNull();
  });

  it('reads IPv6 literals in full or compressed form as 32 hex digits', () => {
    const full = '20010DB8123400000000000000000000';
    expect(ipToHex('2001:db8:1234::')).toBe(full);
    expect(ipToHex('2001:0db8:1234:0000:0000:0000:0000:0000')).toBe(full);
    expect(ipToHex('::')).toBe('0'.repeat(32));
    expect(ipToHex('::1')).toBe(`${'0'.repeat(31)}1`);
  });

  it('refuses malformed IPv6 literals', () => {
    expect(ipToHex('1::2::3')).toBeNull();
    expect(ipToHex('12345::')).toBeNull();
    expect(ipToHex('1:2:3:4:5:6:7')).toBeNull();
    expect(ipToHex('1:2:3:4::5:6:7:8')).toBeNull();
    expect(ipToHex(':1:2:3:4:5:6:7')).toBeNull();
    expect(ipToHex('::ffff:1.2.3.4')).toBeNull();
  });

  it('turns an IPv4-mapped IPv6 address into the IPv4 address, as Java does', () => {
    expect(ipToHex('::ffff:0a00:0001')).toBe('0A000001');
  });
});

describe('CIDR blocks', () => {
  it('covers the whole block, from its first to its last address', () => {
    const block = parseCidr('10.0.0.0/24');
    expect(block).toEqual({ low: '0A000000', high: '0A0000FF' });
    expect(inRange('0A000080', block)).toBe(true);
    expect(inRange('0A000100', block)).toBe(false);
  });

  it('masks the host bits of the given address', () => {
    expect(parseCidr('10.0.0.77/28')).toEqual({ low: '0A000040', high: '0A00004F' });
    expect(parseCidr('2001:db8:1234:1a00::/64')).toEqual({ low: '20010DB812341A000000000000000000', high: '20010DB812341A00FFFFFFFFFFFFFFFF' });
  });

  it('never matches an address of the other family', () => {
    expect(inRange('20010DB812341A000000000000000000', parseCidr('10.0.0.0/8'))).toBe(false);
  });

  it('rejects malformed blocks with the rule engine\'s messages', () => {
    expect(cidrError('bad-filter')).toBe("Malformed CIDR, one '/' required");
    expect(cidrError('10.0.0.0/')).toBe("Malformed CIDR, one '/' required");
    expect(cidrError('1/2/3')).toBe("Malformed CIDR, one '/' required");
    expect(cidrError('bad-/64filter')).toBe('Malformed CIDR, mask bits must be an integer');
    expect(cidrError('10.0.0.0/-1')).toBe('Malformed CIDR, mask bits must not be negative');
    expect(cidrError('bad-filter/64')).toBe('Nonstandard IP address: bad-filter');
    expect(cidrError('/8')).toBe('Nonstandard IP address: ');
    expect(cidrError('999.0.0.1/8')).toBe('Invalid IP address: 999.0.0.1');
    expect(cidrError('1::2::3/64')).toBe('Invalid IP address: 1::2::3');
    expect(cidrError('10.0.0.0/32')).toBe('IPv4 mask bits must be < 32');
    expect(cidrError('::/128')).toBe('IPv6 mask bits must be < 128');
  });

  it('accepts the largest masks the rule engine allows and a sign on the mask', () => {
    expect(parseCidr('10.0.0.1/31')).toEqual({ low: '0A000000', high: '0A000001' });
    expect(parseCidr('10.0.0.1/+8')).toEqual({ low: '0A000000', high: '0AFFFFFF' });
  });
});
