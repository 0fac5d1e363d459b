import { X509Certificate, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGNING_CERT_FILE, SIGNING_KEY_FILE, der, ipv6Bytes, loadOrCreateSigningIdentity } from './certificate.js';

const OPENSSL = '/usr/bin/openssl';
const HOSTS = ['localhost', '127.0.0.1', '::1', 'sns.example.test'];

describe('DER encoder', () => {
  const hex = (b: Buffer) => b.toString('hex');

  it('encodes short and long lengths', () => {
    expect(hex(der.octetString(Buffer.alloc(3)))).toBe('0403000000');
    expect(hex(der.octetString(Buffer.alloc(200)).subarray(0, 3))).toBe('0481c8');
    expect(hex(der.octetString(Buffer.alloc(300)).subarray(0, 4))).toBe('0482012c');
  });

  it('encodes minimal, non-negative INTEGERs', () => {
    expect(hex(der.integer(0))).toBe('020100');
    expect(hex(der.integer(2))).toBe('020102');
    expect(hex(der.integer(127))).toBe('02017f');
    expect(hex(der.integer(128))).toBe('02020080');
    expect(hex(der.integer(65537))).toBe('0203010001');
    expect(hex(der.integer(Buffer.from([0, 0, 0x12])))).toBe('020112');
    expect(hex(der.integer(Buffer.from([0xff, 0x01])))).toBe('020300ff01');
    expect(() => der.integer(-1)).toThrow(RangeError);
  });

  it('encodes OBJECT IDENTIFIERs with base-128 arcs', () => {
    expect(hex(der.oid('1.2.840.113549.1.1.11'))).toBe('06092a864886f70d01010b');
    expect(hex(der.oid('2.5.4.3'))).toBe('0603550403');
    expect(hex(der.oid('2.5.29.17'))).toBe('0603551d11');
    expect(() => der.oid('1.40')).toThrow(RangeError);
  });

  it('encodes the primitive and constructed types a certificate uses', () => {
    expect(hex(der.nul())).toBe('0500');
    expect(hex(der.boolean(true))).toBe('0101ff');
    expect(hex(der.bitString(Buffer.from([0x80]), 7))).toBe('03020780');
    expect(hex(der.utf8String('é'))).toBe('0c02c3a9');
    expect(hex(der.printableString('CA 1'))).toBe('130443412031');
    expect(() => der.printableString('a@b')).toThrow(RangeError);
    expect(hex(der.sequence(der.nul(), der.nul()))).toBe('300405000500');
    expect(hex(der.set(der.integer(2), der.integer(1)))).toBe('3106020101020102');
    expect(hex(der.explicit(0, der.integer(2)))).toBe('a003020102');
    expect(hex(der.implicitPrimitive(7, Buffer.from([127, 0, 0, 1])))).toBe('87047f000001');
  });

  it('writes UTCTime through 2049 and GeneralizedTime from 2050', () => {
    expect(der.time(new Date('2035-03-04T05:06:07.890Z')).toString('latin1')).toBe('\x17\x0d350304050607Z');
    expect(der.time(new Date('2049-12-31T23:59:59Z')).toString('latin1')).toBe('\x17\x0d491231235959Z');
    expect(der.time(new Date('2050-01-01T00:00:00Z')).toString('latin1')).toBe('\x18\x0f20500101000000Z');
  });

  it('expands IPv6 literals to 16 bytes', () => {
    expect(hex(ipv6Bytes('::1'))).toBe('00000000000000000000000000000001');
    expect(hex(ipv6Bytes('2001:db8::8:800:200c:417a'))).toBe('20010db80000000000080800200c417a');
    expect(hex(ipv6Bytes('::ffff:192.0.2.1'))).toBe('00000000000000000000ffffc0000201');
    expect(hex(ipv6Bytes('fe80::'))).toBe('fe800000000000000000000000000000');
  });
});

describe('SNS signing identity', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tributary-cert-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('issues a self-signed v3 certificate node parses and verifies', () => {
    const now = new Date();
    const identity = loadOrCreateSigningIdentity(undefined, HOSTS, now);
    const cert = new X509Certificate(identity.certificatePem);

    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.subject).toBe('CN=Tributary SNS signing');
    expect(cert.issuer).toBe('CN=Tributary SNS signing');
    expect(cert.ca).toBe(false);
    expect(cert.fingerprint256).toBe(identity.fingerprint);
    expect(cert.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);

    const from = Date.parse(cert.validFrom);
    const to = Date.parse(cert.validTo);
    expect(Math.abs(from - (now.getTime() - 86_400_000))).toBeLessThan(2000);
    const tenYears = new Date(now);
    tenYears.setUTCFullYear(tenYears.getUTCFullYear() + 10);
    expect(Math.abs(to - tenYears.getTime())).toBeLessThan(2000);

    expect(cert.subjectAltName?.split(', ')).toEqual(['DNS:localhost', 'IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1', 'DNS:sns.example.test']);
  });

  it('certifies the RSA 2048 key it returns', () => {
    const identity = loadOrCreateSigningIdentity(undefined, HOSTS);
    const key = createPrivateKey(identity.privateKeyPem);
    const cert = new X509Certificate(identity.certificatePem);
    expect(identity.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(key.asymmetricKeyType).toBe('rsa');
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(cert.checkPrivateKey(key)).toBe(true);
    expect(cert.publicKey.export({ type: 'spki', format: 'der' })).toEqual(createPublicKey(key).export({ type: 'spki', format: 'der' }));
  });

  it('keeps an ephemeral identity in memory, fresh each time', () => {
    const a = loadOrCreateSigningIdentity(undefined, HOSTS);
    const b = loadOrCreateSigningIdentity(undefined, HOSTS);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(a.privateKeyPem).not.toBe(b.privateKeyPem);
  });

  it('leaves out subjectAltName when there are no hostnames, and drops duplicates', () => {
    expect(new X509Certificate(loadOrCreateSigningIdentity(undefined, []).certificatePem).subjectAltName).toBeUndefined();
    const cert = new X509Certificate(loadOrCreateSigningIdentity(undefined, ['LocalHost', 'localhost', '[::1]', '0:0::1', ' ']).certificatePem);
    expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:0:0:0:0:0:0:0:1');
  });

  it('rejects a hostname that is neither a name nor an address', () => {
    expect(() => loadOrCreateSigningIdentity(undefined, ['exa mple.com'])).toThrow(/not a hostname/);
  });

  it('uses GeneralizedTime for a notAfter past 2049', () => {
    const cert = new X509Certificate(loadOrCreateSigningIdentity(undefined, [], new Date('2045-06-01T00:00:00Z')).certificatePem);
    expect(cert.validTo).toBe('Jun  1 00:00:00 2055 GMT');
    expect(cert.validFrom).toBe('May 31 00:00:00 2045 GMT');
  });

  it('writes the key with mode 0600 and reloads the same identity', () => {
    const first = loadOrCreateSigningIdentity(dir, HOSTS);
    const keyPath = join(dir, SIGNING_KEY_FILE);
    const certPath = join(dir, SIGNING_CERT_FILE);
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(statSync(certPath).mode & 0o077 & 0o022).toBe(0); // not group/world writable
    expect(readFileSync(keyPath, 'utf8')).toBe(first.privateKeyPem);
    expect(readFileSync(certPath, 'utf8')).toBe(first.certificatePem);

    const again = loadOrCreateSigningIdentity(dir, ['other.host']);
    expect(again).toEqual(first);
  });

  it('refuses a corrupt key file and leaves it in place', () => {
    loadOrCreateSigningIdentity(dir, HOSTS);
    const keyPath = join(dir, SIGNING_KEY_FILE);
    writeFileSync(keyPath, 'not a key');
    expect(() => loadOrCreateSigningIdentity(dir, HOSTS)).toThrow(/sns-signing\.key is not a readable PEM private key/);
    expect(readFileSync(keyPath, 'utf8')).toBe('not a key');
  });

  it('refuses a corrupt certificate file and leaves it in place', () => {
    loadOrCreateSigningIdentity(dir, HOSTS);
    const certPath = join(dir, SIGNING_CERT_FILE);
    writeFileSync(certPath, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    expect(() => loadOrCreateSigningIdentity(dir, HOSTS)).toThrow(/sns-signing\.pem is not a readable PEM certificate/);
    expect(readFileSync(certPath, 'utf8')).toContain('AAAA');
  });

  it('refuses a certificate that belongs to another key', () => {
    loadOrCreateSigningIdentity(dir, HOSTS);
    writeFileSync(join(dir, SIGNING_CERT_FILE), loadOrCreateSigningIdentity(undefined, HOSTS).certificatePem);
    expect(() => loadOrCreateSigningIdentity(dir, HOSTS)).toThrow(/is not the certificate of the key/);
  });

  it('refuses a non-RSA key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    writeFileSync(join(dir, SIGNING_KEY_FILE), ec.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => loadOrCreateSigningIdentity(dir, HOSTS)).toThrow(/type ec, but SNS signatures need an RSA key/);
  });

  it('refuses a certificate whose key is gone', () => {
    loadOrCreateSigningIdentity(dir, HOSTS);
    unlinkSync(join(dir, SIGNING_KEY_FILE));
    expect(() => loadOrCreateSigningIdentity(dir, HOSTS)).toThrow(/private key .* does not/);
    expect(existsSync(join(dir, SIGNING_CERT_FILE))).toBe(true);
  });

  it('re-issues a missing certificate for the existing key', () => {
    const first = loadOrCreateSigningIdentity(dir, HOSTS);
    unlinkSync(join(dir, SIGNING_CERT_FILE));
    const second = loadOrCreateSigningIdentity(dir, HOSTS);
    expect(second.privateKeyPem).toBe(first.privateKeyPem);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect(new X509Certificate(second.certificatePem).checkPrivateKey(createPrivateKey(first.privateKeyPem))).toBe(true);
    expect(readFileSync(join(dir, SIGNING_CERT_FILE), 'utf8')).toBe(second.certificatePem);
  });

  it('re-issues an expired certificate for the same key', () => {
    const old = loadOrCreateSigningIdentity(dir, HOSTS, new Date('2010-01-01T00:00:00Z'));
    const renewed = loadOrCreateSigningIdentity(dir, HOSTS);
    expect(renewed.privateKeyPem).toBe(old.privateKeyPem);
    expect(renewed.fingerprint).not.toBe(old.fingerprint);
    expect(Date.parse(new X509Certificate(renewed.certificatePem).validTo)).toBeGreaterThan(Date.now());
    expect(loadOrCreateSigningIdentity(dir, HOSTS)).toEqual(renewed);
  });

  it.skipIf(!existsSync(OPENSSL))('is accepted by openssl x509', () => {
    const identity = loadOrCreateSigningIdentity(dir, HOSTS);
    const certPath = join(dir, SIGNING_CERT_FILE);
    const text = execFileSync(OPENSSL, ['x509', '-noout', '-text', '-in', certPath], { encoding: 'utf8' });
    expect(text).toMatch(/Version: 3 \(0x2\)/);
    expect(text).toMatch(/Signature Algorithm: sha256WithRSAEncryption/);
    expect(text).toMatch(/Issuer: CN\s?=\s?Tributary SNS signing/);
    expect(text).toMatch(/Subject: CN\s?=\s?Tributary SNS signing/);
    expect(text).toMatch(/Public-Key: \(2048 bit\)/);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature\n/);
    expect(text).toMatch(/X509v3 Subject Key Identifier:/);
    expect(text).toMatch(/DNS:localhost, IP Address:127\.0\.0\.1, IP Address:0:0:0:0:0:0:0:1, DNS:sns\.example\.test/);

    // The key file is a key openssl reads, and it is this certificate's key.
    const keyModulus = execFileSync(OPENSSL, ['rsa', '-noout', '-modulus', '-in', join(dir, SIGNING_KEY_FILE)], { encoding: 'utf8' });
    const certModulus = execFileSync(OPENSSL, ['x509', '-noout', '-modulus', '-in', certPath], { encoding: 'utf8' });
    expect(keyModulus).toBe(certModulus);
    expect(identity.fingerprint).toBe(
      execFileSync(OPENSSL, ['x509', '-noout', '-fingerprint', '-sha256', '-in', certPath], { encoding: 'utf8' }).trim().replace(/^.*=/, ''),
    );
  });
});
