import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GetSMSAttributesInput, SetSMSAttributesInput } from '../../../protocols/models/sns.types.js';
import type { Store } from '../../../storage/ports.js';
import { createSqliteStore } from '../../../storage/sqlite/index.js';
import type { SnsRuntime } from '../runtime.js';
import { ACCOUNT, awsErrorOf, decodeQuery, REGION, testContext, testRuntime, wire } from './mobile.case.js';
import {
  checkIfPhoneNumberIsOptedOut,
  getSMSAttributes,
  listOriginationNumbers,
  listPhoneNumbersOptedOut,
  optInPhoneNumber,
  optOutPhoneNumber,
  setSMSAttributes,
} from './sms.js';

const ctx = testContext();

let store: Store;
let sns: SnsRuntime;

beforeEach(() => {
  store = createSqliteStore(':memory:');
  sns = testRuntime(store.sns);
});
afterEach(async () => {
  await store.close();
});

describe('GetSMSAttributes', () => {
  it('reports MonthlySpendLimit "1" for an account that set nothing (recorded)', async () => {
    expect(await getSMSAttributes(sns, {}, ctx)).toEqual({ attributes: { MonthlySpendLimit: '1' } });
  });

  it('reports what SetSMSAttributes set, with the default spend limit (recorded)', async () => {
    await setSMSAttributes(sns, { attributes: { DeliveryStatusSuccessSamplingRate: '100', DefaultSenderID: 'LSTest', DefaultSMSType: 'Promotional' } }, ctx);
    expect(await getSMSAttributes(sns, {}, ctx)).toEqual({
      attributes: { DefaultSMSType: 'Promotional', DefaultSenderID: 'LSTest', DeliveryStatusSuccessSamplingRate: '100', MonthlySpendLimit: '1' },
    });
  });

  it('reports only the attributes asked for (recorded)', async () => {
    await setSMSAttributes(sns, { attributes: { DeliveryStatusSuccessSamplingRate: '100', DefaultSenderID: 'LSTest', DefaultSMSType: 'Promotional' } }, ctx);
    expect(await getSMSAttributes(sns, { attributes: ['DefaultSenderID', 'DefaultSMSType'] }, ctx)).toEqual({
      attributes: { DefaultSMSType: 'Promotional', DefaultSenderID: 'LSTest' },
    });
  });

  it('keeps each region’s settings apart (recorded unmodified region)', async () => {
    await setSMSAttributes(sns, { attributes: { DefaultSMSType: 'Transactional' } }, ctx);
    expect(await getSMSAttributes(sns, {}, testContext({ region: 'eu-central-1' }))).toEqual({ attributes: { MonthlySpendLimit: '1' } });
  });

  it('decodes the query protocol’s attributes.member.N list', async () => {
    await setSMSAttributes(sns, { attributes: { DefaultSMSType: 'Transactional' } }, ctx);
    const input = decodeQuery('GetSMSAttributes', { 'attributes.member.1': 'DefaultSMSType' }) as unknown as GetSMSAttributesInput;
    expect(await getSMSAttributes(sns, input, ctx)).toEqual({ attributes: { DefaultSMSType: 'Transactional' } });
  });
});

describe('SetSMSAttributes', () => {
  it('accepts every documented attribute', async () => {
    const attributes = {
      MonthlySpendLimit: '5',
      DeliveryStatusIAMRole: `arn:aws:iam::${ACCOUNT}:role/SNSSuccessFeedback`,
      DeliveryStatusSuccessSamplingRate: '50',
      DefaultSenderID: 'test2',
      DefaultSMSType: 'Transactional',
      UsageReportS3Bucket: 'my-bucket',
    };
    await setSMSAttributes(sns, { attributes }, ctx);
    expect(await getSMSAttributes(sns, {}, ctx)).toEqual({ attributes });
  });

  it('merges with what was set before', async () => {
    await setSMSAttributes(sns, { attributes: { DefaultSMSType: 'Transactional' } }, ctx);
    await setSMSAttributes(sns, { attributes: { DefaultSenderID: 'Acme' } }, ctx);
    expect((await getSMSAttributes(sns, {}, ctx)).attributes).toEqual({ MonthlySpendLimit: '1', DefaultSMSType: 'Transactional', DefaultSenderID: 'Acme' });
  });

  it('clears DefaultSenderID when set to the empty string', async () => {
    await setSMSAttributes(sns, { attributes: { DefaultSenderID: 'Acme' } }, ctx);
    await setSMSAttributes(sns, { attributes: { DefaultSenderID: '' } }, ctx);
    expect((await getSMSAttributes(sns, {}, ctx)).attributes).toEqual({ MonthlySpendLimit: '1' });
  });

  it('rejects an attribute name it does not know (recorded InvalidAttributeName)', async () => {
    const err = await awsErrorOf(setSMSAttributes(sns, { attributes: { InvalidAttribute: 'invalid' } }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message: 'InvalidAttribute is not a valid attribute', status: 400 });
  });

  it.each([
    ['TooLongID', 'a'.repeat(12)],
    ['NoLetterID', '123456789'],
  ])('rejects the misspelt DefaultSendID as an unknown attribute (recorded %s)', async (_id, value) => {
    const err = await awsErrorOf(setSMSAttributes(sns, { attributes: { DefaultSendID: value } }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message: 'DefaultSendID is not a valid attribute', status: 400 });
  });

  it('rejects a DefaultSMSType other than Promotional or Transactional (recorded InvalidSMSType)', async () => {
    const err = await awsErrorOf(setSMSAttributes(sns, { attributes: { DefaultSMSType: 'invalid' } }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message: 'DefaultSMSType is invalid', status: 400 });
  });

  it.each(['testSenderID', '123456789', 'with space', 'dash-ed'])('rejects the sender id %j (1-11 letters or digits, at least one letter)', async (value) => {
    const err = await awsErrorOf(setSMSAttributes(sns, { attributes: { DefaultSenderID: value } }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message: 'DefaultSenderID is invalid', status: 400 });
  });

  it.each(['101', '-1', '5.5', 'x'])('rejects a DeliveryStatusSuccessSamplingRate of %j', async (value) => {
    const err = await awsErrorOf(setSMSAttributes(sns, { attributes: { DeliveryStatusSuccessSamplingRate: value } }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message: 'DeliveryStatusSuccessSamplingRate is not an integer between 0-100', status: 400 });
  });

  it('reports an unknown name before a bad value, and changes nothing', async () => {
    const err = await awsErrorOf(setSMSAttributes(sns, { attributes: { DefaultSMSType: 'invalid', Nope: 'x' } }, ctx));
    expect(err.message).toBe('Nope is not a valid attribute');
    expect(await getSMSAttributes(sns, {}, ctx)).toEqual({ attributes: { MonthlySpendLimit: '1' } });
  });

  it('reports missing attributes as a null member, through the query decoder and the handler', async () => {
    const err = await awsErrorOf(async () => setSMSAttributes(sns, decodeQuery('SetSMSAttributes', {}) as never, ctx));
    expect(wire(err)).toEqual({
      code: 'ValidationError',
      message: "1 validation error detected: Value null at 'attributes' failed to satisfy constraint: Member must not be null",
      status: 400,
    });
  });

  it('decodes the query protocol’s attributes.entry.N map', async () => {
    const input = decodeQuery('SetSMSAttributes', { 'attributes.entry.1.key': 'DefaultSMSType', 'attributes.entry.1.value': 'Transactional' });
    await setSMSAttributes(sns, input as unknown as SetSMSAttributesInput, ctx);
    expect((await getSMSAttributes(sns, {}, ctx)).attributes?.DefaultSMSType).toBe('Transactional');
  });
});

describe('phone number opt-out list', () => {
  const number = '+15555550100';

  it('reports a number that opted out (recorded)', async () => {
    await optOutPhoneNumber(sns, ACCOUNT, REGION, number);
    expect(await checkIfPhoneNumberIsOptedOut(sns, { phoneNumber: number }, ctx)).toEqual({ isOptedOut: true });
  });

  it('reports a number that did not opt out', async () => {
    expect(await checkIfPhoneNumberIsOptedOut(sns, { phoneNumber: number }, ctx)).toEqual({ isOptedOut: false });
  });

  it('rejects a malformed number in CheckIfPhoneNumberIsOptedOut', async () => {
    const err = await awsErrorOf(checkIfPhoneNumberIsOptedOut(sns, { phoneNumber: `${number}x` }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter: PhoneNumber Reason: input incorrectly formatted', status: 400 });
  });

  it('lists opted-out numbers (recorded)', async () => {
    await optOutPhoneNumber(sns, ACCOUNT, REGION, number);
    expect(await listPhoneNumbersOptedOut(sns, {}, ctx)).toEqual({ phoneNumbers: [number] });
  });

  it('lists nothing when no number opted out', async () => {
    expect(await listPhoneNumbersOptedOut(sns, {}, ctx)).toEqual({ phoneNumbers: [] });
  });

  it('pages the opted-out list by 100 with a nextToken', async () => {
    for (let i = 0; i < 120; i++) await optOutPhoneNumber(sns, ACCOUNT, REGION, `+1555555${String(i).padStart(4, '0')}`);
    const first = await listPhoneNumbersOptedOut(sns, {}, ctx);
    expect(first.phoneNumbers).toHaveLength(100);
    const second = await listPhoneNumbersOptedOut(sns, { nextToken: first.nextToken! }, ctx);
    expect(second.phoneNumbers).toHaveLength(20);
    expect(second.nextToken).toBeUndefined();
    expect(new Set([...first.phoneNumbers!, ...second.phoneNumbers!]).size).toBe(120);
  });

  it('opts a number back in (recorded)', async () => {
    await optOutPhoneNumber(sns, ACCOUNT, REGION, number);
    expect(await optInPhoneNumber(sns, { phoneNumber: number }, ctx)).toEqual({});
    expect(await checkIfPhoneNumberIsOptedOut(sns, { phoneNumber: number }, ctx)).toEqual({ isOptedOut: false });
  });

  it('opts in a number that never opted out (recorded)', async () => {
    expect(await optInPhoneNumber(sns, { phoneNumber: '+4411111111' }, ctx)).toEqual({});
  });

  it('rejects a malformed number in OptInPhoneNumber (recorded)', async () => {
    const err = await awsErrorOf(optInPhoneNumber(sns, { phoneNumber: 'invalid' }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter: PhoneNumber Reason: input incorrectly formatted', status: 400 });
  });
});

describe('ListOriginationNumbers', () => {
  it('lists no origination numbers', async () => {
    expect(await listOriginationNumbers(sns, {}, ctx)).toEqual({ PhoneNumbers: [] });
  });

  it.each([
    [0, "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"],
    [31, "1 validation error detected: Value '31' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 30"],
  ])('rejects MaxResults %i outside 1-30', async (max, message) => {
    const err = await awsErrorOf(listOriginationNumbers(sns, { MaxResults: max }, ctx));
    expect(wire(err)).toEqual({ code: 'ValidationError', message, status: 400 });
  });
});
