// SNS message signatures, as AWS makes them for HTTP(S) deliveries, so that subscribers' own
// verification code (AWS SDK validators, sns-validator and friends, hand-written checks) accepts
// them. See "Verifying the signatures of Amazon SNS messages" in the SNS developer guide.
//
// The string to sign is "<Key>\n<Value>\n" for a fixed, byte-sorted list of keys that depends on the
// message Type; SignatureVersion 1 signs it with SHA1withRSA, 2 with SHA256withRSA (RSASSA-PKCS1-v1_5
// in both), and the signature travels base64-encoded. Values are the decoded JSON strings (a real
// newline, not "\n"), encoded as UTF-8. Every other field of the delivered JSON (SigningCertURL,
// UnsubscribeURL, MessageAttributes, …) is unsigned.
import { X509Certificate, createPrivateKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export type SnsSignatureVersion = '1' | '2';
export const SNS_SIGNATURE_VERSIONS: readonly SnsSignatureVersion[] = ['1', '2'];

export interface SnsNotificationFields {
  Type: 'Notification';
  Message: string;
  MessageId: string;
  /**
   * Signed only when present. Leave it out (rather than empty) when the publisher gave none, as
   * AWS does: verifiers differ on an empty Subject (some sign it, some skip it as falsy).
   */
  Subject?: string | undefined;
  Timestamp: string;
  TopicArn: string;
}

export interface SnsConfirmationFields {
  Type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  Message: string;
  MessageId: string;
  SubscribeURL: string;
  Timestamp: string;
  Token: string;
  TopicArn: string;
}

export type SnsSignedFields = SnsNotificationFields | SnsConfirmationFields;
export type SnsSignedMessage = SnsSignedFields & { Signature: string; SignatureVersion: string };

type SignedKey = 'Message' | 'MessageId' | 'Subject' | 'SubscribeURL' | 'Timestamp' | 'Token' | 'TopicArn' | 'Type';

// Byte-sorted, as the documentation requires; Subject is the one optional key.
const NOTIFICATION_KEYS: readonly SignedKey[] = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'];
const CONFIRMATION_KEYS: readonly SignedKey[] = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
const OPTIONAL_KEYS: ReadonlySet<SignedKey> = new Set(['Subject']);

const HASH: Record<SnsSignatureVersion, string> = { '1': 'sha1', '2': 'sha256' };

export function isSnsSignatureVersion(value: unknown): value is SnsSignatureVersion {
  return value === '1' || value === '2';
}

/**
 * The canonical string SNS signs for a message. Throws for an unknown Type or a missing or
 * non-string required field (nothing meaningful can be signed then).
 */
export function stringToSign(message: SnsSignedFields): string {
  const fields = message as unknown as Partial<Record<SignedKey, unknown>>;
  const keys = keysFor(fields.Type);
  let out = '';
  for (const key of keys) {
    const value = fields[key];
    if (value === undefined && OPTIONAL_KEYS.has(key)) continue;
    if (typeof value !== 'string') throw new TypeError(`SNS ${String(fields.Type)} message has no string ${key} to sign`);
    out += `${key}\n${value}\n`;
  }
  return out;
}

function keysFor(type: unknown): readonly SignedKey[] {
  switch (type) {
    case 'Notification':
      return NOTIFICATION_KEYS;
    case 'SubscriptionConfirmation':
    case 'UnsubscribeConfirmation':
      return CONFIRMATION_KEYS;
    default:
      throw new TypeError(`SNS messages of Type ${JSON.stringify(type)} are not signed`);
  }
}

/**
 * The base64 Signature for a message. `privateKey` is a PEM (as loaded from the data directory)
 * or, to skip re-parsing it for every delivery, a KeyObject made from it once.
 */
export function signMessage(fields: SnsSignedFields, privateKey: string | KeyObject, signatureVersion: SnsSignatureVersion): string {
  if (!isSnsSignatureVersion(signatureVersion)) throw new RangeError(`SignatureVersion ${JSON.stringify(signatureVersion)} is not 1 or 2`);
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  return sign(HASH[signatureVersion], Buffer.from(stringToSign(fields), 'utf8'), key).toString('base64');
}

/**
 * Checks a delivered message's Signature against the certificate it names, the way subscribers
 * do. False, never a throw, for anything that does not verify: unsupported SignatureVersion,
 * unknown Type, missing fields, malformed signature or certificate.
 */
export function verifyMessage(message: SnsSignedMessage, certificate: string | X509Certificate): boolean {
  try {
    const { SignatureVersion: version, Signature: signature } = message;
    if (!isSnsSignatureVersion(version) || typeof signature !== 'string') return false;
    const cert = typeof certificate === 'string' ? new X509Certificate(certificate) : certificate;
    return verify(HASH[version], Buffer.from(stringToSign(message), 'utf8'), cert.publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
