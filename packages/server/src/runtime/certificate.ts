// The identity SNS signs its HTTP(S) deliveries with: an RSA 2048 key and a self-signed X.509 v3
// certificate for it, served at SigningCertURL so that subscribers' ordinary verification code
// (fetch the PEM, take its public key, check the RSA signature) works unchanged.
//
// Node can parse certificates but not build them, so a minimal DER encoder below assembles the
// TBSCertificate (RFC 5280 §4.1) and node:crypto signs it. Created once in the data directory and
// kept: a subscriber that cached or pinned the certificate keeps verifying across restarts.
import { X509Certificate, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';

export const SIGNING_KEY_FILE = 'sns-signing.key';
export const SIGNING_CERT_FILE = 'sns-signing.pem';
export const SIGNING_COMMON_NAME = 'Tributary SNS signing';

const KEY_BITS = 2048;
const DAY_MS = 24 * 60 * 60 * 1000;
const VALIDITY_YEARS = 10;

export interface SigningIdentity {
  /** PKCS#8 PEM of the RSA private key. */
  privateKeyPem: string;
  /** PEM of the self-signed certificate, as served at SigningCertURL. */
  certificatePem: string;
  /** SHA-256 of the certificate's DER, colon-separated hex (as X509Certificate.fingerprint256). */
  fingerprint: string;
}

/**
 * Loads the SNS signing identity from `dataDir`, creating it on first start. Without a data
 * directory (ephemeral mode) a fresh identity lives in memory only. A file that cannot be read as
 * what it should be stops the start with an error naming it; nothing is silently replaced. The one
 * repair made unasked is re-issuing the certificate for the existing key when it is missing (a
 * first start cut short between the two writes) or has expired; the key, and so every signature's
 * verifiability by public key, stays the same.
 */
export function loadOrCreateSigningIdentity(dataDir: string | undefined, hostnames: string[], now: Date = new Date()): SigningIdentity {
  if (!dataDir) return identityOf(generateKey(), hostnames, now);

  const keyPath = join(dataDir, SIGNING_KEY_FILE);
  const certPath = join(dataDir, SIGNING_CERT_FILE);
  const haveKey = existsSync(keyPath);
  const haveCert = existsSync(certPath);

  if (!haveKey && haveCert) {
    throw new Error(
      `${certPath} exists but its private key ${keyPath} does not; refusing to start. ` +
        `Restore the key, or remove ${certPath} to create a new signing identity (subscribers that pinned the old certificate will need the new one).`,
    );
  }
  if (!haveKey) {
    const key = generateKey();
    const identity = identityOf(key, hostnames, now);
    writeFileSync(keyPath, identity.privateKeyPem, { mode: 0o600, flag: 'wx' });
    chmodSync(keyPath, 0o600);
    writeFileSync(certPath, identity.certificatePem, { mode: 0o644, flag: 'wx' });
    return identity;
  }

  const key = readPrivateKey(keyPath);
  if (!haveCert) {
    const identity = identityOf(key, hostnames, now);
    writeFileSync(certPath, identity.certificatePem, { mode: 0o644, flag: 'wx' });
    return identity;
  }

  const cert = readCertificate(certPath);
  if (!cert.checkPrivateKey(key)) {
    throw new Error(`${certPath} is not the certificate of the key in ${keyPath}; refusing to start. Restore the matching pair, or remove both files to create a new signing identity.`);
  }
  const expires = Date.parse(cert.validTo);
  if (!Number.isFinite(expires) || expires <= now.getTime()) {
    const identity = identityOf(key, hostnames, now);
    writeFileSync(certPath, identity.certificatePem, { mode: 0o644 });
    return identity;
  }
  return { privateKeyPem: exportKey(key), certificatePem: cert.toString(), fingerprint: cert.fingerprint256 };
}

function generateKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: KEY_BITS, publicExponent: 0x10001 }).privateKey;
}

function exportKey(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function identityOf(key: KeyObject, hostnames: string[], now: Date): SigningIdentity {
  const certificatePem = pem('CERTIFICATE', createSelfSignedCertificate(key, hostnames, now));
  return { privateKeyPem: exportKey(key), certificatePem, fingerprint: new X509Certificate(certificatePem).fingerprint256 };
}

function readPrivateKey(path: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(path));
  } catch (err) {
    throw new Error(`${path} is not a readable PEM private key (${(err as Error).message}); refusing to start rather than replace the SNS signing identity.`);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`${path} holds a key of type ${key.asymmetricKeyType ?? 'unknown'}, but SNS signatures need an RSA key; refusing to start.`);
  }
  return key;
}

function readCertificate(path: string): X509Certificate {
  try {
    return new X509Certificate(readFileSync(path));
  } catch (err) {
    throw new Error(`${path} is not a readable PEM certificate (${(err as Error).message}); refusing to start rather than replace the SNS signing identity.`);
  }
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

// ---------------------------------------------------------------------------------------------
// Certificate assembly (RFC 5280).

const OID = {
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
} as const;

/** DER of a self-signed v3 certificate for `key`, issued at `now`. Exported for tests. */
export function createSelfSignedCertificate(key: KeyObject, hostnames: string[], now: Date): Buffer {
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const algorithm = der.sequence(der.oid(OID.sha256WithRSAEncryption), der.nul());
  const name = der.sequence(der.set(der.sequence(der.oid(OID.commonName), der.utf8String(SIGNING_COMMON_NAME))));

  // A positive serial of 16 random bytes whose first byte is 0x40..0x7f: no sign bit, no leading
  // zero byte, so the DER INTEGER is exactly 16 octets (RFC 5280 allows up to 20).
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;

  const notBefore = new Date(Math.floor((now.getTime() - DAY_MS) / 1000) * 1000);
  const notAfter = new Date(Math.floor(now.getTime() / 1000) * 1000);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);

  const extensions = [
    extension(OID.basicConstraints, true, der.sequence()), // cA defaults to FALSE and is omitted
    extension(OID.keyUsage, true, der.bitString(Buffer.from([0x80]), 7)), // digitalSignature (bit 0)
    extension(OID.subjectKeyIdentifier, false, der.octetString(keyIdentifier(spki))),
  ];
  const altNames = subjectAltNames(hostnames);
  if (altNames.length > 0) extensions.push(extension(OID.subjectAltName, false, der.sequence(...altNames)));

  const tbs = der.sequence(
    der.explicit(0, der.integer(2)), // v3
    der.integer(serial),
    algorithm,
    name,
    der.sequence(der.time(notBefore), der.time(notAfter)),
    name,
    spki,
    der.explicit(3, der.sequence(...extensions)),
  );
  const signature = sign('sha256', tbs, key);
  return der.sequence(tbs, algorithm, der.bitString(signature));
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return critical ? der.sequence(der.oid(oid), der.boolean(true), der.octetString(value)) : der.sequence(der.oid(oid), der.octetString(value));
}

// RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING's contents, which for
// RSA is the PKCS#1 RSAPublicKey.
function keyIdentifier(spki: Buffer): Buffer {
  const rsaPublicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' }).export({ type: 'pkcs1', format: 'der' });
  return createHash('sha1').update(rsaPublicKey).digest();
}

/** GeneralNames for the hostnames: IP literals as iPAddress [7], everything else as dNSName [2]. */
function subjectAltNames(hostnames: string[]): Buffer[] {
  const seen = new Set<string>();
  const names: Buffer[] = [];
  for (const raw of hostnames) {
    const host = raw.trim().replace(/^\[(.*)\]$/, '$1');
    if (!host) continue;
    const version = isIP(host);
    let encoded: Buffer;
    if (version === 4) encoded = der.implicitPrimitive(7, ipv4Bytes(host));
    else if (version === 6) encoded = der.implicitPrimitive(7, ipv6Bytes(host));
    else {
      const ascii = host.startsWith('*.') ? `*.${domainToASCII(host.slice(2))}` : domainToASCII(host);
      if (!ascii || ascii === '*.') throw new Error(`${JSON.stringify(raw)} is not a hostname or IP address for the SNS signing certificate.`);
      encoded = der.implicitPrimitive(2, Buffer.from(ascii.toLowerCase(), 'ascii'));
    }
    const key = encoded.toString('hex');
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(encoded);
  }
  return names;
}

function ipv4Bytes(address: string): Buffer {
  return Buffer.from(address.split('.').map((part) => Number(part)));
}

/** The 16 bytes of an IPv6 literal (already validated by net.isIP), with :: and a dotted IPv4 tail. */
export function ipv6Bytes(address: string): Buffer {
  const bare = address.replace(/%.*$/, '');
  const toGroups = (part: string): number[] => {
    if (part === '') return [];
    const groups: number[] = [];
    for (const piece of part.split(':')) {
      if (piece.includes('.')) {
        const [a = 0, b = 0, c = 0, d = 0] = piece.split('.').map((n) => Number(n));
        groups.push((a << 8) | b, (c << 8) | d);
      } else {
        groups.push(parseInt(piece, 16));
      }
    }
    return groups;
  };
  const [head = '', tail] = bare.split('::');
  const left = toGroups(head);
  const right = tail === undefined ? [] : toGroups(tail);
  const groups = tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = Buffer.alloc(16);
  groups.forEach((group, i) => bytes.writeUInt16BE(group, i * 2));
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// A minimal DER encoder (X.690): just the types a certificate needs. Exported for tests.

function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function base128(value: number): number[] {
  const out = [value % 128];
  for (let n = Math.floor(value / 128); n > 0; n = Math.floor(n / 128)) out.unshift(0x80 | n % 128);
  return out;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

export const der = {
  boolean(value: boolean): Buffer {
    return tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
  },
  /** A non-negative INTEGER from a safe integer or an unsigned big-endian magnitude. */
  integer(value: number | Buffer): Buffer {
    let bytes: Buffer;
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`DER integer ${value} is not a non-negative safe integer`);
      const digits: number[] = [];
      for (let n = value; n > 0; n = Math.floor(n / 256)) digits.unshift(n % 256);
      bytes = Buffer.from(digits);
    } else {
      let start = 0;
      while (start < value.length && value[start] === 0) start++;
      bytes = value.subarray(start);
    }
    if (bytes.length === 0) bytes = Buffer.from([0]);
    else if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return tlv(0x02, bytes);
  },
  bitString(bytes: Buffer, unusedBits = 0): Buffer {
    return tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), bytes]));
  },
  octetString(bytes: Buffer): Buffer {
    return tlv(0x04, bytes);
  },
  nul(): Buffer {
    return Buffer.from([0x05, 0x00]);
  },
  oid(dotted: string): Buffer {
    const arcs = dotted.split('.').map((arc) => Number(arc));
    const [first = 0, second = 0, ...rest] = arcs;
    if (arcs.length < 2 || arcs.some((arc) => !Number.isSafeInteger(arc) || arc < 0) || first > 2 || (first < 2 && second > 39)) {
      throw new RangeError(`${dotted} is not an object identifier`);
    }
    return tlv(0x06, Buffer.from([...base128(first * 40 + second), ...rest.flatMap(base128)]));
  },
  utf8String(text: string): Buffer {
    return tlv(0x0c, Buffer.from(text, 'utf8'));
  },
  printableString(text: string): Buffer {
    if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(text)) throw new RangeError(`${JSON.stringify(text)} is not a PrintableString`);
    return tlv(0x13, Buffer.from(text, 'ascii'));
  },
  /** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; whole seconds, Zulu. */
  time(date: Date): Buffer {
    const year = date.getUTCFullYear();
    const rest =
      twoDigits(date.getUTCMonth() + 1) + twoDigits(date.getUTCDate()) + twoDigits(date.getUTCHours()) + twoDigits(date.getUTCMinutes()) + twoDigits(date.getUTCSeconds()) + 'Z';
    if (year >= 1950 && year < 2050) return tlv(0x17, Buffer.from(twoDigits(year % 100) + rest, 'ascii'));
    return tlv(0x18, Buffer.from(String(year).padStart(4, '0') + rest, 'ascii'));
  },
  sequence(...items: Buffer[]): Buffer {
    return tlv(0x30, Buffer.concat(items));
  },
  /** SET OF: DER orders the encoded elements. */
  set(...items: Buffer[]): Buffer {
    return tlv(0x31, Buffer.concat([...items].sort(Buffer.compare)));
  },
  /** [n] EXPLICIT: a constructed context tag around a complete encoding. */
  explicit(tagNumber: number, inner: Buffer): Buffer {
    return tlv(0xa0 | tagNumber, inner);
  },
  /** [n] IMPLICIT on a primitive type: the context tag replaces the type's own tag. */
  implicitPrimitive(tagNumber: number, content: Buffer): Buffer {
    return tlv(0x80 | tagNumber, content);
  },
};
