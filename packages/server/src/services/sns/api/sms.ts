// The account's SMS settings and opt-out list: Get/SetSMSAttributes, CheckIfPhoneNumberIsOptedOut,
// ListPhoneNumbersOptedOut, OptInPhoneNumber, and ListOriginationNumbers (Tributary owns none).
import type { AwsError } from '../../../protocols/errors.js';
import type {
  CheckIfPhoneNumberIsOptedOutInput,
  CheckIfPhoneNumberIsOptedOutResponse,
  GetSMSAttributesInput,
  GetSMSAttributesResponse,
  ListOriginationNumbersRequest,
  ListOriginationNumbersResult,
  ListPhoneNumbersOptedOutInput,
  ListPhoneNumbersOptedOutResponse,
  OptInPhoneNumberInput,
  OptInPhoneNumberResponse,
  SetSMSAttributesInput,
  SetSMSAttributesResponse,
} from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import { invalidParameter, missingMember, snsError } from '../errors.js';
import type { SnsRuntime } from '../runtime.js';
import { decodeToken, encodeToken, PAGE_SIZE } from './list-topics.js';
import { OPTED_OUT_KIND, SMS_ATTRIBUTES_KIND } from './platform-documents.js';
import { stringMap } from './platform-applications.js';

const SMS_ATTRIBUTES_KEY = 'attributes';

/** What an account that never called SetSMSAttributes reports (the default spend quota, in USD). */
const DEFAULT_SMS_ATTRIBUTES: Readonly<Record<string, string>> = { MonthlySpendLimit: '1' };

const SMS_ATTRIBUTES: ReadonlySet<string> = new Set([
  'MonthlySpendLimit',
  'DeliveryStatusIAMRole',
  'DeliveryStatusSuccessSamplingRate',
  'DefaultSenderID',
  'DefaultSMSType',
  'UsageReportS3Bucket',
]);

/** Attributes that may be cleared by setting them to the empty string. */
const CLEARABLE: ReadonlySet<string> = new Set(['DeliveryStatusIAMRole', 'DefaultSenderID', 'UsageReportS3Bucket']);

function checkSmsAttribute(name: string, value: string): AwsError | undefined {
  switch (name) {
    case 'MonthlySpendLimit':
      return /^\d{1,9}$/.test(value) ? undefined : snsError('InvalidParameter', 'MonthlySpendLimit is invalid');
    case 'DeliveryStatusSuccessSamplingRate':
      return /^\d{1,3}$/.test(value) && Number(value) <= 100
        ? undefined
        : snsError('InvalidParameter', 'DeliveryStatusSuccessSamplingRate is not an integer between 0-100');
    case 'DefaultSenderID':
      // 1–11 letters and digits, at least one letter.
      return value === '' || (/^[A-Za-z0-9]{1,11}$/.test(value) && /[A-Za-z]/.test(value))
        ? undefined
        : snsError('InvalidParameter', 'DefaultSenderID is invalid');
    case 'DefaultSMSType':
      return value === 'Promotional' || value === 'Transactional' ? undefined : snsError('InvalidParameter', 'DefaultSMSType is invalid');
    default:
      return undefined;
  }
}

async function storedSmsAttributes(sns: SnsRuntime, ctx: RequestContext): Promise<Record<string, string>> {
  const doc = await sns.store.getDocument(SMS_ATTRIBUTES_KIND, ctx.account, ctx.region, SMS_ATTRIBUTES_KEY);
  return { ...DEFAULT_SMS_ATTRIBUTES, ...stringMap(doc?.value) };
}

export async function setSMSAttributes(sns: SnsRuntime, input: SetSMSAttributesInput, ctx: RequestContext): Promise<SetSMSAttributesResponse> {
  if (input.attributes === undefined) throw missingMember([{ member: 'attributes' }], 'attributes', undefined);
  const given = input.attributes;
  // Unknown names are reported before bad values.
  for (const name of Object.keys(given)) {
    if (!SMS_ATTRIBUTES.has(name)) throw snsError('InvalidParameter', `${name} is not a valid attribute`);
  }
  for (const [name, value] of Object.entries(given)) {
    const err = checkSmsAttribute(name, value);
    if (err) throw err;
  }
  const attributes = await storedSmsAttributes(sns, ctx);
  for (const [name, value] of Object.entries(given)) {
    if (value === '' && CLEARABLE.has(name)) delete attributes[name];
    else attributes[name] = value;
  }
  await sns.store.putDocument({ kind: SMS_ATTRIBUTES_KIND, account: ctx.account, region: ctx.region, key: SMS_ATTRIBUTES_KEY, value: attributes });
  return {};
}

export async function getSMSAttributes(sns: SnsRuntime, input: GetSMSAttributesInput, ctx: RequestContext): Promise<GetSMSAttributesResponse> {
  const attributes = await storedSmsAttributes(sns, ctx);
  const wanted = input.attributes ?? [];
  if (wanted.length === 0) return { attributes };
  const out: Record<string, string> = {};
  for (const name of wanted) if (attributes[name] !== undefined) out[name] = attributes[name];
  return { attributes: out };
}

const OPT_OUT_PHONE_NUMBER = /^\+?\d+$/;

function checkPhoneNumber(phoneNumber: string): void {
  if (!OPT_OUT_PHONE_NUMBER.test(phoneNumber)) throw invalidParameter('PhoneNumber', 'input incorrectly formatted');
}

/** Records that a phone number replied STOP (there is no API for this; the carrier tells SNS). */
export async function optOutPhoneNumber(sns: SnsRuntime, account: string, region: string, phoneNumber: string): Promise<void> {
  await sns.store.putDocument({ kind: OPTED_OUT_KIND, account, region, key: phoneNumber, value: { optedOutAt: sns.clock.now() } });
}

export async function isOptedOut(sns: SnsRuntime, account: string, region: string, phoneNumber: string): Promise<boolean> {
  return (await sns.store.getDocument(OPTED_OUT_KIND, account, region, phoneNumber)) !== undefined;
}

export async function checkIfPhoneNumberIsOptedOut(
  sns: SnsRuntime,
  input: CheckIfPhoneNumberIsOptedOutInput,
  ctx: RequestContext,
): Promise<CheckIfPhoneNumberIsOptedOutResponse> {
  checkPhoneNumber(input.phoneNumber);
  return { isOptedOut: await isOptedOut(sns, ctx.account, ctx.region, input.phoneNumber) };
}

export async function listPhoneNumbersOptedOut(
  sns: SnsRuntime,
  input: ListPhoneNumbersOptedOutInput,
  ctx: RequestContext,
): Promise<ListPhoneNumbersOptedOutResponse> {
  const after = decodeToken(input.nextToken);
  const docs = await sns.store.listDocuments(OPTED_OUT_KIND, ctx.account, ctx.region, '');
  const rest = after === undefined ? docs : docs.filter((d) => d.key > after);
  const page = rest.slice(0, PAGE_SIZE).map((d) => d.key);
  const out: ListPhoneNumbersOptedOutResponse = { phoneNumbers: page };
  if (rest.length > PAGE_SIZE) out.nextToken = encodeToken(page.at(-1)!);
  return out;
}

/** Opting in a number that is not opted out succeeds. */
export async function optInPhoneNumber(sns: SnsRuntime, input: OptInPhoneNumberInput, ctx: RequestContext): Promise<OptInPhoneNumberResponse> {
  checkPhoneNumber(input.phoneNumber);
  await sns.store.deleteDocument(OPTED_OUT_KIND, ctx.account, ctx.region, input.phoneNumber);
  return {};
}

/** AWS's request validator's wording for a value outside a member's constraints. */
export function constraintError(violations: string[]): AwsError {
  const n = violations.length;
  return snsError('ValidationError', `${n} validation error${n === 1 ? '' : 's'} detected: ${violations.join('; ')}`);
}

export function checkMaxResults(value: number | undefined, max: number): void {
  if (value === undefined) return;
  if (value < 1) throw constraintError([`Value '${value}' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1`]);
  if (value > max) throw constraintError([`Value '${value}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${max}`]);
}

/** Tributary rents no origination numbers (toll-free, 10DLC, short codes): the list is always empty. */
export async function listOriginationNumbers(
  _sns: SnsRuntime,
  input: ListOriginationNumbersRequest,
  _ctx: RequestContext,
): Promise<ListOriginationNumbersResult> {
  checkMaxResults(input.MaxResults, 30);
  return Promise.resolve({ PhoneNumbers: [] });
}
