import { X509Certificate, createPrivateKey, createVerify } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateSigningIdentity } from '../../../runtime/certificate.js';
import { isSnsSignatureVersion, signMessage, stringToSign, verifyMessage } from './signing.js';
import type { SnsConfirmationFields, SnsNotificationFields, SnsSignedMessage, SnsSignatureVersion } from './signing.js';

const OPENSSL = '/usr/bin/openssl';
const identity = loadOrCreateSigningIdentity(undefined, ['localhost']);
const otherIdentity = loadOrCreateSigningIdentity(undefined, ['localhost']);

// The examples from the SNS developer guide ("Verifying the signatures of Amazon SNS messages").
const notification: SnsNotificationFields = {
  Type: 'Notification',
  MessageId: '4d4dc071-ddbf-465d-bba8-08f81c89da64',
  TopicArn: 'arn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P',
  Subject: 'My subject',
  Message: 'My Test Message',
  Timestamp: '2019-01-31T04:37:04.321Z',
};
const confirmation: SnsConfirmationFields = {
  Type: 'SubscriptionConfirmation',
  MessageId: '3d891288-136d-417f-bc05-901c108273ee',
  Token: '233...',
  TopicArn: 'arn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P',
  Message: 'My Test Message',
  SubscribeURL:
    'https://sns.us-east-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P&Token=233...',
  Timestamp: '2019-01-31T19:25:13.719Z',
};

describe('SNS string to sign', () => {
  it('lists a Notification with Subject in byte order, each name and value newline-terminated', () => {
    expect(stringToSign(notification)).toBe(
      'Message\nMy Test Message\n' +
        'MessageId\n4d4dc071-ddbf-465d-bba8-08f81c89da64\n' +
        'Subject\nMy subject\n' +
        'Timestamp\n2019-01-31T04:37:04.321Z\n' +
        'TopicArn\narn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P\n' +
        'Type\nNotification\n',
    );
  });

  it('leaves Subject out of a Notification that has none', () => {
    const { Subject: _subject, ...withoutSubject } = notification;
    const expected =
      'Message\nMy Test Message\n' +
      'MessageId\n4d4dc071-ddbf-465d-bba8-08f81c89da64\n' +
      'Timestamp\n2019-01-31T04:37:04.321Z\n' +
      'TopicArn\narn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P\n' +
      'Type\nNotification\n';
    expect(stringToSign(withoutSubject)).toBe(expected);
    expect(stringToSign({ ...notification, Subject: undefined })).toBe(expected);
  });

  it('lists a SubscriptionConfirmation with SubscribeURL and Token', () => {
    expect(stringToSign(confirmation)).toBe(
      'Message\nMy Test Message\n' +
        'MessageId\n3d891288-136d-417f-bc05-901c108273ee\n' +
        'SubscribeURL\nhttps://sns.us-east-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P&Token=233...\n' +
        'Timestamp\n2019-01-31T19:25:13.719Z\n' +
        'Token\n233...\n' +
        'TopicArn\narn:aws:sns:us-east-2:123456789012:s4-MySNSTopic-1G1WEFCOXTC0P\n' +
        'Type\nSubscriptionConfirmation\n',
    );
  });

  it('lists an UnsubscribeConfirmation like a SubscriptionConfirmation', () => {
    const unsubscribe: SnsConfirmationFields = { ...confirmation, Type: 'UnsubscribeConfirmation' };
    expect(stringToSign(unsubscribe)).toBe(stringToSign(confirmation).replace('Type\nSubscriptionConfirmation\n', 'Type\nUnsubscribeConfirmation\n'));
  });

  it('keeps raw control characters and ignores unsigned fields and property order', () => {
    const delivered = {
      UnsubscribeURL: 'https://localhost/?Action=Unsubscribe',
      SigningCertURL: 'https://localhost/SimpleNotificationService-x.pem',
      MessageAttributes: { a: { Type: 'String', Value: 'b' } },
      Type: 'Notification' as const,
      TopicArn: 't',
      Timestamp: 'ts',
      Message: 'line 1\nline "2"\t\u00e9',
      MessageId: 'id',
    };
    expect(stringToSign(delivered)).toBe('Message\nline 1\nline "2"\t\u00e9\nMessageId\nid\nTimestamp\nts\nTopicArn\nt\nType\nNotification\n');
  });

  it('refuses unknown types and missing fields', () => {
    expect(() => stringToSign({ ...notification, Type: 'Other' } as unknown as SnsNotificationFields)).toThrow(/not signed/);
    const { Token: _token, ...noToken } = confirmation;
    expect(() => stringToSign(noToken as SnsConfirmationFields)).toThrow(/no string Token/);
  });
});

describe('SNS signatures', () => {
  const cases: [SnsSignatureVersion, string][] = [
    ['1', 'RSA-SHA1'],
    ['2', 'RSA-SHA256'],
  ];

  it.each(cases)('SignatureVersion %s signs with %s over the string to sign', (version, algorithm) => {
    for (const fields of [notification, confirmation]) {
      const signature = signMessage(fields, identity.privateKeyPem, version);
      expect(Buffer.from(signature, 'base64')).toHaveLength(256);
      // What subscribers' code does: the certificate's public key, the rebuilt string, the digest.
      const verifier = createVerify(algorithm);
      verifier.update(stringToSign(fields), 'utf8');
      expect(verifier.verify(identity.certificatePem, signature, 'base64')).toBe(true);
      expect(verifyMessage({ ...fields, SignatureVersion: version, Signature: signature }, identity.certificatePem)).toBe(true);
    }
  });

  it('signs deterministically (PKCS#1 v1.5) and accepts a KeyObject', () => {
    const key = createPrivateKey(identity.privateKeyPem);
    expect(signMessage(notification, key, '2')).toBe(signMessage(notification, identity.privateKeyPem, '2'));
    expect(signMessage(notification, key, '1')).not.toBe(signMessage(notification, key, '2'));
  });

  it('accepts a parsed certificate', () => {
    const message: SnsSignedMessage = { ...notification, SignatureVersion: '2', Signature: signMessage(notification, identity.privateKeyPem, '2') };
    expect(verifyMessage(message, new X509Certificate(identity.certificatePem))).toBe(true);
  });

  it('fails when any signed field is tampered with', () => {
    for (const version of ['1', '2'] as const) {
      const signed: SnsSignedMessage = { ...notification, SignatureVersion: version, Signature: signMessage(notification, identity.privateKeyPem, version) };
      expect(verifyMessage(signed, identity.certificatePem)).toBe(true);
      for (const key of ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn'] as const) {
        expect(verifyMessage({ ...signed, [key]: `${signed[key] ?? ''}x` }, identity.certificatePem), key).toBe(false);
      }
      expect(verifyMessage({ ...signed, Subject: undefined }, identity.certificatePem)).toBe(false);
      expect(verifyMessage({ ...signed, Message: 'My Test Message ' }, identity.certificatePem)).toBe(false);

      const signedConfirmation: SnsSignedMessage = { ...confirmation, SignatureVersion: version, Signature: signMessage(confirmation, identity.privateKeyPem, version) };
      expect(verifyMessage(signedConfirmation, identity.certificatePem)).toBe(true);
      for (const key of ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn'] as const) {
        expect(verifyMessage({ ...signedConfirmation, [key]: `${signedConfirmation[key]}x` }, identity.certificatePem), key).toBe(false);
      }
      expect(verifyMessage({ ...signedConfirmation, Type: 'UnsubscribeConfirmation' }, identity.certificatePem)).toBe(false);
    }
  });

  it('does not sign the fields outside the string to sign', () => {
    const signed = { ...notification, SignatureVersion: '1', Signature: signMessage(notification, identity.privateKeyPem, '1'), UnsubscribeURL: 'a' };
    const delivered = { ...signed, UnsubscribeURL: 'b' }; // a delivered JSON document carries more keys than are signed
    expect(verifyMessage(delivered, identity.certificatePem)).toBe(true);
  });

  it('fails for the wrong certificate, version, or a malformed input', () => {
    const signature = signMessage(notification, identity.privateKeyPem, '1');
    const signed: SnsSignedMessage = { ...notification, SignatureVersion: '1', Signature: signature };
    expect(verifyMessage(signed, otherIdentity.certificatePem)).toBe(false);
    expect(verifyMessage({ ...signed, SignatureVersion: '2' }, identity.certificatePem)).toBe(false);
    expect(verifyMessage({ ...signed, SignatureVersion: '3' }, identity.certificatePem)).toBe(false);
    expect(verifyMessage({ ...signed, Signature: 'not base64 at all!' }, identity.certificatePem)).toBe(false);
    expect(verifyMessage({ ...signed, Signature: '' }, identity.certificatePem)).toBe(false);
    expect(verifyMessage({ ...signed, Type: 'Other' } as unknown as SnsSignedMessage, identity.certificatePem)).toBe(false);
    expect(verifyMessage(signed, 'not a certificate')).toBe(false);
    expect(() => signMessage(notification, identity.privateKeyPem, '3' as SnsSignatureVersion)).toThrow(RangeError);
  });

  it('recognises the two signature versions', () => {
    expect(['1', '2', '3', 1, undefined].map(isSnsSignatureVersion)).toEqual([true, true, false, false, false]);
  });

  it.skipIf(!existsSync(OPENSSL))('verifies with openssl dgst against the certificate it serves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tributary-sns-sig-'));
    try {
      writeFileSync(join(dir, 'cert.pem'), identity.certificatePem);
      execFileSync(OPENSSL, ['x509', '-pubkey', '-noout', '-in', join(dir, 'cert.pem'), '-out', join(dir, 'pub.pem')]);
      for (const [version, digest] of [
        ['1', '-sha1'],
        ['2', '-sha256'],
      ] as const) {
        writeFileSync(join(dir, 'data'), stringToSign(notification));
        writeFileSync(join(dir, 'sig'), Buffer.from(signMessage(notification, identity.privateKeyPem, version), 'base64'));
        const out = execFileSync(OPENSSL, ['dgst', digest, '-verify', join(dir, 'pub.pem'), '-signature', join(dir, 'sig'), join(dir, 'data')], { encoding: 'utf8' });
        expect(out.trim()).toBe('Verified OK');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Messages signed by Amazon SNS itself, and the certificate they name
// (https://sns.us-east-2.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem,
// CN=sns.amazonaws.com, valid 2021-09-07..2022-08-17; expiry does not affect RSA verification).
// Data only, copied from public test fixtures:
//  - the four Notifications: aws/aws-php-sns-message-validator tests/FunctionalValidationsTest.php
//    (the same messages and certificate are in aws/aws-sdk-ruby gems/aws-sdk-sns/spec/message_verifier_spec.rb);
//  - the SubscriptionConfirmation: pentacent/keila test/keila/mailings/ses/subscription.signed.json, with the
//    certificate kept at priv/vendor/aws/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem there.
const AWS_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIF1zCCBL+gAwIBAgIQB9pYWG3Mi7xej22g9pobJTANBgkqhkiG9w0BAQsFADBG
MQswCQYDVQQGEwJVUzEPMA0GA1UEChMGQW1hem9uMRUwEwYDVQQLEwxTZXJ2ZXIg
Q0EgMUIxDzANBgNVBAMTBkFtYXpvbjAeFw0yMTA5MDcwMDAwMDBaFw0yMjA4MTcy
MzU5NTlaMBwxGjAYBgNVBAMTEXNucy5hbWF6b25hd3MuY29tMIIBIjANBgkqhkiG
9w0BAQEFAAOCAQ8AMIIBCgKCAQEAutFqueT3XgP13udzxE6UpbdjOtVO5DwoMpSM
iDNMnGzF1TYH5/R2LPUOBeTB0SkKnR4kpNcUZhicpGD4aKciz/GEZ6wu65xncfT9
H/KBOQwoXYTuClHwp6fYpGzcGFaFoEYMnijL/o4qmTSd+ukglQUgKpsDw4ofw6rU
m2CttJo+GQSNQ9NfGR1h/0J+zsApkeSYrXRx5wNlu87z8os1C/6PBrUHwt3xXeaf
Xzfwut8aRRYsS8BySOA9DAgLfNHlfdQCjKPXKrG/ussgReyWD6n/HH+j7Uha3xos
TzQqJifcxlTq6MxWdPR6fDaJNvqw6DOE7UjUNxHguXHlVfxhlQIDAQABo4IC6TCC
AuUwHwYDVR0jBBgwFoAUWaRmBlKge5WSPKOUByeWdFv5PdAwHQYDVR0OBBYEFAqz
C+vyouneE7mWWLbi9i0UsWUbMBwGA1UdEQQVMBOCEXNucy5hbWF6b25hd3MuY29t
MA4GA1UdDwEB/wQEAwIFoDAdBgNVHSUEFjAUBggrBgEFBQcDAQYIKwYBBQUHAwIw
OwYDVR0fBDQwMjAwoC6gLIYqaHR0cDovL2NybC5zY2ExYi5hbWF6b250cnVzdC5j
b20vc2NhMWIuY3JsMBMGA1UdIAQMMAowCAYGZ4EMAQIBMHUGCCsGAQUFBwEBBGkw
ZzAtBggrBgEFBQcwAYYhaHR0cDovL29jc3Auc2NhMWIuYW1hem9udHJ1c3QuY29t
MDYGCCsGAQUFBzAChipodHRwOi8vY3J0LnNjYTFiLmFtYXpvbnRydXN0LmNvbS9z
Y2ExYi5jcnQwDAYDVR0TAQH/BAIwADCCAX0GCisGAQQB1nkCBAIEggFtBIIBaQFn
AHYAKXm+8J45OSHwVnOfY6V35b5XfZxgCvj5TV0mXCVdx4QAAAF7vfDVkQAABAMA
RzBFAiEA2XfHuy36aqRFiaL8c3md2mH451go8707+fRE0pEdSRACIE/g5FXTUXUZ
PFcmOhm9TZ+uMY1i4CIQ/CKVWln6C3t+AHYAUaOw9f0BeZxWbbg3eI8MpHrMGyfL
956IQpoN/tSLBeUAAAF7vfDVjAAABAMARzBFAiBF1MhhFP0+FQt3daDFfMYoWwnr
muTInrjNpwfzlvQBugIhAPYadFzr+LaxSJoiZEbEHBvTts7bT0M3eCQONA2O7w6n
AHUAQcjKsd8iRkoQxqE6CUKHXk4xixsD6+tLx2jwkGKWBvYAAAF7vfDVdAAABAMA
RjBEAiAtPapmFAuA71ih4NoSd5hJelzAltNQpxDMcDfDyHyU8gIgWxmaa6+2KbBu
9xdv379zvnJACFR7jc+4asl08Dn4aagwDQYJKoZIhvcNAQELBQADggEBAA54QX0u
oFWXfMmv02CGZv4NWo5TapyeeixQ2kKpZHRdVZjxZrw+hoF6HD7P3kGjH8ztyJll
tDxB0qgMltbPhQdScwhA6iTgoaBYqEUC/VHKd4PmmPT6yIsM36NBZVmkGlzl5uNo
/dBgBaG0SsVJnhr5zro3c2quC7n6fVGEZhf/UgQwRnnvThnvbNKguglDMq4uEqv8
njKyleht+glkcmXO0m9qLKt6BOS0amy6U2GlAwRn0Wx02ndJtnRCSC6kPuRWK/SQ
FEjB7gCK4hdKaAOuWdZpI55vF6ifOeM8toC3g7ofO8qLTnJupAG+ZitY5J3cvHWr
HqOUdKigPDHYLRo=
-----END CERTIFICATE-----
`;

const AWS_SIGNED: (SnsSignedMessage & { SigningCertURL: string; UnsubscribeURL?: string })[] = [
  {
    Type: 'Notification',
    MessageId: '792cda85-518f-5dd3-9163-81d851212f3a',
    TopicArn: 'arn:aws:sns:us-east-2:295079676684:publish-and-verify-892f85fe-4836-424d-8188-ab85bef0f362',
    Message: 'Hello world',
    Timestamp: '2022-07-28T21:23:58.317Z',
    SignatureVersion: '1',
    Signature:
      'ghtf+deOBAzHJJZ6s6CdRLfTQAlcGzq9naoFM1wi0CJiq//uVRuZnamrkWNF0fhouMFvuLVRwcz8PZLUMSfnmd5VpdTKpTyiKmy1qJAZXma0w+yi7G+I33hD1Jyk1Nbym2n0kqp3fVu2aoooiN2ZeLAT2bH0/BtjLSfN1yAOKNoprco4qV9gGUZinXJdj9a1YdNhDR2jKi33ldlsVtEXAtiaDklGEk7DgRKX38GerBPiLg3FdtgY6KC7cdeGpU/dGK+4hjc83Ive1HoFkAwqhpgInM2sMytBosoiXfCmOKmU4xeGD0gHDNZTlJUJQDlzw8Eag0H9f/5zXF9d3uy0YQ==',
    SigningCertURL: 'https://sns.us-east-2.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem',
    UnsubscribeURL:
      'https://sns.us-east-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-2:295079676684:publish-and-verify-892f85fe-4836-424d-8188-ab85bef0f362:2296bc94-7992-4be1-b15f-b97229b5c1d8',
  },
  {
    Type: 'Notification',
    MessageId: '17dea24b-55c2-540b-8362-f916557af765',
    TopicArn: 'arn:aws:sns:us-east-2:295079676684:publish-and-verify-62674b1d-4295-426b-88e7-5fb75652a04e',
    Message: 'Hello world',
    Timestamp: '2022-07-28T21:24:08.324Z',
    SignatureVersion: '2',
    Signature:
      'CXVqp9PfZAL+4JHS3Zxo1PFbQsvnOjvmYhtIf17TWpwc+iIVas8kZ8GopuzVzVMdatE7rCl/O4P91Zp05Dwz8lk8dLhfp8gSu3Njlzxlyrmzo9x3va3Jb7zFnedgS2GKnZWHGBdwTXho+TosNUE+3e10OMSlwN5XGDwX7+R3WL+rn+AXmFAqp3alg27sYa55h1dLE9cGszGPjScPdtF3BmZsUDMx9wSdNKsCk+vSvE8yBjnCmUl7laSFj3LzPVrlSwgNYCF3kYnNAkah7NplK4SFhJYLwS0HCVCQJKa8rVbQLf9cBTu60U402mrgy0bN8xWoyimzbYbrOMJjalqkUg==',
    SigningCertURL: 'https://sns.us-east-2.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem',
    UnsubscribeURL:
      'https://sns.us-east-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-2:295079676684:publish-and-verify-62674b1d-4295-426b-88e7-5fb75652a04e:ad7d16e3-0a7c-46aa-b23e-ffaf02250cbe',
  },
  {
    Type: 'Notification',
    MessageId: '11405cc3-9ac7-56d5-b45d-079e8f7a8edf',
    TopicArn: 'arn:aws:sns:us-east-2:295079676684:publish-and-verify-6e11fed2-fcdf-4c52-9dc4-36ef43f37f84',
    Subject: 'Hello world',
    Message: 'Hello world',
    Timestamp: '2022-07-28T22:53:49.654Z',
    SignatureVersion: '1',
    Signature:
      'AItkS26d8yvnIKJevdirIPW7eM/yKbZy3/CF2EreCHmXWB3etWaV5Fb7SYpGABMpugpDZzNyGY1wCVWaopDoQ+7Q/kI2TpDu8bw1eExbi8U3kduvc/2m2fIrI4gDEY8/v3nzoLcr8pPodqMzrX6SzQou4klfaqbNK+rFmH0LVf2Q1VyOROODoSXmo4jg2Yu12jfxccBl96Drr/ihq4MJ4OcrWh6UzXXlVYjJHx2Ui4anNwNEb+Z4C2CAF1DjQUbhDtaoajDBPY+4d9C1OwbqwQpXsd6tyVcI9nFyEsVK8lfnAV+/3GZQcdXHbIUYBRGcBa4X5TlWJku5nDH2ERtHHw==',
    SigningCertURL: 'https://sns.us-east-2.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem',
    UnsubscribeURL:
      'https://sns.us-east-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-2:295079676684:publish-and-verify-6e11fed2-fcdf-4c52-9dc4-36ef43f37f84:adb318c3-2234-4c56-905d-c324cf0df874',
  },
  {
    Type: 'Notification',
    MessageId: '4504e649-d933-5aa9-8199-bd14ccf05f0b',
    TopicArn: 'arn:aws:sns:us-east-2:295079676684:publish-and-verify-530b26da-0687-4fe4-9f71-780bad3181e2',
    Subject: 'Hello world',
    Message: 'Hello world',
    Timestamp: '2022-07-28T22:53:55.086Z',
    SignatureVersion: '2',
    Signature:
      'cETcSvmmkt+My05qCLKexyl0+RyG83mSryKPqTfS+tYcxDJWVcjPJAr+qdpElzVaBl1aTGYVWMY64i9JqZ/JES8pylNj8LGvdhuNQKO59/WCoIimZAsNhn0xEgOeeDU+W/0BU4sdpCGMNjo0S/FuIiWaRe4E0YWRVrxeQevaQ70euDdfWgd5v1eCKQz8b367b9XBmMztL/CWUFI6YaKK/MV21eyvJe3Y7CtVYiOKEYiAZnAEkynK7gUGO5TsgDjGNYhj6U3xYsWgI03bmioSl7kdFSUj+AZ7ugas5fghqxgoDsdfqsjMYKRm5KKHQWsgzI619yIzpNKUiSMHxdZXpQ==',
    SigningCertURL: 'https://sns.us-east-2.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem',
    UnsubscribeURL:
      'https://sns.us-east-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-2:295079676684:publish-and-verify-530b26da-0687-4fe4-9f71-780bad3181e2:db0ad2ad-03d1-48ca-a5da-51f317800a57',
  },
  {
    Type: 'SubscriptionConfirmation',
    MessageId: 'bc035546-bb63-42db-86cd-6bebd550d5be',
    Token:
      '2336412f37fb687f5d51e6e2425e90cda73392a3ac9ce0c2bcecdfc0907bfed25e20c1d2f5ff7902286de45c6f4581feb802e5d846cbb6046e597d221e798608315436ba17b9a9c54633f1a86177e1a5468e2ece39b51a68df599aca2eaecc3aeafafe7ea21524950c627a4cec36472ae2e57529a3f87fdc53166e40bf32e218',
    TopicArn: 'arn:aws:sns:eu-central-1:573964052742:keila_notifications',
    Message:
      'You have chosen to subscribe to the topic arn:aws:sns:eu-central-1:573964052742:keila_notifications.\nTo confirm the subscription, visit the SubscribeURL included in this message.',
    SubscribeURL:
      'https://sns.eu-central-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:eu-central-1:573964052742:keila_notifications&Token=2336412f37fb687f5d51e6e2425e90cda73392a3ac9ce0c2bcecdfc0907bfed25e20c1d2f5ff7902286de45c6f4581feb802e5d846cbb6046e597d221e798608315436ba17b9a9c54633f1a86177e1a5468e2ece39b51a68df599aca2eaecc3aeafafe7ea21524950c627a4cec36472ae2e57529a3f87fdc53166e40bf32e218',
    Timestamp: '2021-11-01T08:26:05.766Z',
    SignatureVersion: '1',
    Signature:
      'fmZM0DCCI6qu1I0tyYJ9vR/aqZOBvTTlfyYF8xZ3nF6pjBH4T1sG4WYamaEyWPvZfL4w+lpTzYK6hl6v/Lv+YP7ll5zThB/EzTQYGes7ryJtUF9GocJeyuBBqckjKZ21zdrH2SiVFFS5fwn9ZqjMMG6xW8AjMVhHHl+NrZg9+3PBA/riXaH6cAmnUE/svuimH+ytBaKeC5E8l9WmdfDKBihfIPFkPeVDQ9LMX7VJHI+l3jj05ohQSUy54+V1M7e9e7Dk8JxUk3gDP2Q9A8qc93ZD58EfP+24vQ2Mdqd8RSwPXccAQliATEP28yHDxzwOpQ4bfTTuYEXFR0kiK4Pk0A==',
    SigningCertURL: 'https://sns.eu-central-1.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem',
  },
];

describe('messages signed by Amazon SNS', () => {
  it.each(AWS_SIGNED.map((m) => [`${m.Type} v${m.SignatureVersion}${'Subject' in m ? ' with Subject' : ''}`, m] as const))('verifies a real %s', (_name, message) => {
    expect(verifyMessage(message, AWS_CERTIFICATE)).toBe(true);
  });

  it('rejects them once a signed field changes, or against our certificate', () => {
    for (const message of AWS_SIGNED) {
      expect(verifyMessage({ ...message, Message: `${message.Message}!` }, AWS_CERTIFICATE)).toBe(false);
      expect(verifyMessage({ ...message, Timestamp: message.Timestamp.replace('Z', '1Z') }, AWS_CERTIFICATE)).toBe(false);
      expect(verifyMessage(message, identity.certificatePem)).toBe(false);
    }
  });
});
