import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../storage/ports.js';
import { createSqliteStore } from '../../../storage/sqlite/index.js';
import type { SnsRuntime } from '../runtime.js';
import { ACCOUNT, awsErrorOf, REGION, testContext, testRuntime, wire } from './mobile.case.js';
import { optOutPhoneNumber } from './sms.js';
import {
  createSMSSandboxPhoneNumber,
  deleteSMSSandboxPhoneNumber,
  getSMSSandboxAccountStatus,
  listSMSSandboxPhoneNumbers,
  SANDBOX_OTP_TYPE,
  verifySMSSandboxPhoneNumber,
} from './sms-sandbox.js';

const ctx = testContext();
const NUMBER = '+15555550100';
const PATTERN_VIOLATION =
  "1 validation error detected: Value at 'phoneNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(\\+[0-9]{8,}|[0-9]{0,9})$";

let store: Store;
let sns: SnsRuntime;

beforeEach(() => {
  store = createSqliteStore(':memory:');
  sns = testRuntime(store.sns);
});
afterEach(async () => {
  await store.close();
});

/** The latest one-time password texted to a number, read from the outbox as a developer would. */
async function lastCode(phoneNumber: string): Promise<string> {
  const sent = (await store.sns.listOutbox(0, 1000)).filter((m) => m.endpoint === phoneNumber && m.type === SANDBOX_OTP_TYPE);
  const match = /(\d{6})/.exec(sent.at(-1)?.message ?? '');
  if (!match) throw new Error(`no one-time password was sent to ${phoneNumber}`);
  return match[1]!;
}

describe('CreateSMSSandboxPhoneNumber', () => {
  it('adds the number as Pending and texts it a one-time password through the outbox', async () => {
    expect(await createSMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER }, ctx)).toEqual({});
    expect(await listSMSSandboxPhoneNumbers(sns, {}, ctx)).toEqual({ PhoneNumbers: [{ PhoneNumber: NUMBER, Status: 'Pending' }] });
    const [sms] = await store.sns.listOutbox(0, 10);
    expect(sms).toMatchObject({ account: ACCOUNT, region: REGION, protocol: 'sms', endpoint: NUMBER, type: SANDBOX_OTP_TYPE, topicArn: null, subscriptionArn: null });
    expect(await lastCode(NUMBER)).toMatch(/^\d{6}$/);
  });

  it('sends a new password when a Pending number is added again', async () => {
    await createSMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER }, ctx);
    await createSMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER, LanguageCode: 'fr-FR' }, ctx);
    expect((await store.sns.listOutbox(0, 10)).filter((m) => m.endpoint === NUMBER)).toHaveLength(2);
    const second = await lastCode(NUMBER);
    await verifySMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER, OneTimePassword: second }, ctx);
    expect((await listSMSSandboxPhoneNumbers(sns, {}, ctx)).PhoneNumbers).toEqual([{ PhoneNumber: NUMBER, Status: 'Verified' }]);
  });

  it('leaves a Verified number Verified and sends nothing', async () => {
    await createSMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER }, ctx);
    await verifySMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER, OneTimePassword: await lastCode(NUMBER) }, ctx);
    await createSMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER }, ctx);
    expect((await listSMSSandboxPhoneNumbers(sns, {}, ctx)).PhoneNumbers).toEqual([{ PhoneNumber: NUMBER, Status: 'Verified' }]);
    expect(await store.sns.listOutbox(0, 10)).toHaveLength(1);
  });

  it('rejects a number outside the pattern, without echoing it', async () => {
    const err = await awsErrorOf(createSMSSandboxPhoneNumber(sns, { PhoneNumber: '1234567890' }, ctx));
    expect(wire(err)).toEqual({ code: 'ValidationError', message: PATTERN_VIOLATION, status: 400 });
  });

  it('rejects a number longer than 20 characters', async () => {
    const err = await awsErrorOf(createSMSSandboxPhoneNumber(sns, { PhoneNumber: '+94489347594376598435346594365943695348562987' }, ctx));
    expect(wire(err)).toEqual({
      code: 'ValidationError',
      message: "1 validation error detected: Value at 'phoneNumber' failed to satisfy constraint: Member must have length less than or equal to 20",
      status: 400,
    });
  });

  it('accepts short numbers of up to 9 digits', async () => {
    await createSMSSandboxPhoneNumber(sns, { PhoneNumber: '123456789' }, ctx);
    expect((await listSMSSandboxPhoneNumbers(sns, {}, ctx)).PhoneNumbers).toEqual([{ PhoneNumber: '123456789', Status: 'Pending' }]);
  });

  it('rejects a language it cannot send in', async () => {
    const err = await awsErrorOf(createSMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER, LanguageCode: 'xx-XX' }, ctx));
    expect(err.code).toBe('ValidationError');
    expect(err.message).toBe(
      "1 validation error detected: Value 'xx-XX' at 'languageCode' failed to satisfy constraint: Member must satisfy enum value set: " +
        '[en-US, en-GB, es-419, es-ES, de-DE, fr-CA, fr-FR, it-IT, ja-JP, pt-BR, kr-KR, zh-CN, zh-TW]',
    );
  });

  it('refuses a number that opted out', async () => {
    await optOutPhoneNumber(sns, ACCOUNT, REGION, NUMBER);
    const err = await awsErrorOf(createSMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER }, ctx));
    expect({ code: err.code, status: err.status }).toEqual({ code: 'OptedOut', status: 400 });
  });
});

describe('VerifySMSSandboxPhoneNumber', () => {
  it('verifies the number with the password it was sent', async () => {
    await createSMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER }, ctx);
    expect(await verifySMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER, OneTimePassword: await lastCode(NUMBER) }, ctx)).toEqual({});
    expect((await listSMSSandboxPhoneNumbers(sns, {}, ctx)).PhoneNumbers).toEqual([{ PhoneNumber: NUMBER, Status: 'Verified' }]);
  });

  it('refuses a wrong password with VerificationException, leaving the number Pending', async () => {
    await createSMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER }, ctx);
    const right = await lastCode(NUMBER);
    const wrong = right === '000000' ? '111111' : '000000';
    const err = await awsErrorOf(verifySMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER, OneTimePassword: wrong }, ctx));
    expect({ code: err.code, type: err.type, status: err.status }).toEqual({ code: 'VerificationException', type: 'VerificationException', status: 400 });
    expect((await listSMSSandboxPhoneNumbers(sns, {}, ctx)).PhoneNumbers).toEqual([{ PhoneNumber: NUMBER, Status: 'Pending' }]);
  });

  it('reports a number that was never added as ResourceNotFound 404', async () => {
    const err = await awsErrorOf(verifySMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER, OneTimePassword: '123456' }, ctx));
    expect({ code: err.code, status: err.status }).toEqual({ code: 'ResourceNotFound', status: 404 });
  });

  it.each([
    ['1234', "Value '1234' at 'oneTimePassword' failed to satisfy constraint: Member must have length greater than or equal to 5"],
    ['123456789', "Value '123456789' at 'oneTimePassword' failed to satisfy constraint: Member must have length less than or equal to 8"],
    ['12a456', "Value '12a456' at 'oneTimePassword' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9]+$"],
  ])('rejects the password %j outside 5-8 digits', async (otp, violation) => {
    const err = await awsErrorOf(verifySMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER, OneTimePassword: otp }, ctx));
    expect(wire(err)).toEqual({ code: 'ValidationError', message: `1 validation error detected: ${violation}`, status: 400 });
  });

  it('reports every violated constraint at once', async () => {
    const err = await awsErrorOf(verifySMSSandboxPhoneNumber(sns, { PhoneNumber: 'bad', OneTimePassword: 'x' }, ctx));
    expect(err.message).toMatch(/^3 validation errors detected: Value at 'phoneNumber' .*; Value 'x' at 'oneTimePassword' .*; Value 'x' at 'oneTimePassword' /);
  });
});

describe('DeleteSMSSandboxPhoneNumber', () => {
  it('removes the number', async () => {
    await createSMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER }, ctx);
    expect(await deleteSMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER }, ctx)).toEqual({});
    expect(await listSMSSandboxPhoneNumbers(sns, {}, ctx)).toEqual({ PhoneNumbers: [] });
  });

  it('reports a number that is not in the sandbox as ResourceNotFound 404', async () => {
    const err = await awsErrorOf(deleteSMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER }, ctx));
    expect({ code: err.code, status: err.status }).toEqual({ code: 'ResourceNotFound', status: 404 });
  });

  it('rejects a malformed number', async () => {
    const err = await awsErrorOf(deleteSMSSandboxPhoneNumber(sns, { PhoneNumber: 'nope' }, ctx));
    expect(wire(err)).toEqual({ code: 'ValidationError', message: PATTERN_VIOLATION, status: 400 });
  });
});

describe('ListSMSSandboxPhoneNumbers', () => {
  it('lists nothing at first', async () => {
    expect(await listSMSSandboxPhoneNumbers(sns, {}, ctx)).toEqual({ PhoneNumbers: [] });
  });

  it('pages by MaxResults with a NextToken', async () => {
    for (let i = 0; i < 5; i++) await createSMSSandboxPhoneNumber(sns, { PhoneNumber: `+1555555010${i}` }, ctx);
    const first = await listSMSSandboxPhoneNumbers(sns, { MaxResults: 2 }, ctx);
    expect(first.PhoneNumbers.map((n) => n.PhoneNumber)).toEqual(['+15555550100', '+15555550101']);
    const second = await listSMSSandboxPhoneNumbers(sns, { MaxResults: 2, NextToken: first.NextToken! }, ctx);
    expect(second.PhoneNumbers.map((n) => n.PhoneNumber)).toEqual(['+15555550102', '+15555550103']);
    const third = await listSMSSandboxPhoneNumbers(sns, { MaxResults: 2, NextToken: second.NextToken! }, ctx);
    expect(third).toEqual({ PhoneNumbers: [{ PhoneNumber: '+15555550104', Status: 'Pending' }] });
  });

  it('lists only the caller’s account and region', async () => {
    await createSMSSandboxPhoneNumber(sns, { PhoneNumber: NUMBER }, ctx);
    expect(await listSMSSandboxPhoneNumbers(sns, {}, testContext({ account: '222222222222' }))).toEqual({ PhoneNumbers: [] });
  });

  it('rejects MaxResults outside 1-100', async () => {
    const err = await awsErrorOf(listSMSSandboxPhoneNumbers(sns, { MaxResults: 101 }, ctx));
    expect(wire(err)).toEqual({
      code: 'ValidationError',
      message: "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
      status: 400,
    });
  });
});

describe('GetSMSSandboxAccountStatus', () => {
  it('reports the account is in the sandbox', async () => {
    expect(await getSMSSandboxAccountStatus(sns, {}, ctx)).toEqual({ IsInSandbox: true });
  });
});
