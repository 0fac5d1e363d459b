// The SMS sandbox: destination numbers are added (Pending, with a one-time password "sent" to
// them through the outbox), verified with that password, listed and deleted. Every account is in
// the sandbox.
import { randomInt, randomUUID } from 'node:crypto';
import { AwsError, type AwsErrorSpec } from '../../../protocols/errors.js';
import type {
  CreateSMSSandboxPhoneNumberInput,
  CreateSMSSandboxPhoneNumberResult,
  DeleteSMSSandboxPhoneNumberInput,
  DeleteSMSSandboxPhoneNumberResult,
  GetSMSSandboxAccountStatusInput,
  GetSMSSandboxAccountStatusResult,
  ListSMSSandboxPhoneNumbersInput,
  ListSMSSandboxPhoneNumbersResult,
  VerifySMSSandboxPhoneNumberInput,
  VerifySMSSandboxPhoneNumberResult,
} from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { SnsDocument } from '../../../storage/ports.js';
import { snsError } from '../errors.js';
import { snsModel } from '../model.js';
import type { SnsRuntime } from '../runtime.js';
import { decodeToken, encodeToken } from './list-topics.js';
import { SANDBOX_NUMBER_KIND } from './platform-documents.js';
import { checkMaxResults, constraintError, isOptedOut } from './sms.js';

export const LANGUAGE_CODES = ['en-US', 'en-GB', 'es-419', 'es-ES', 'de-DE', 'fr-CA', 'fr-FR', 'it-IT', 'ja-JP', 'pt-BR', 'kr-KR', 'zh-CN', 'zh-TW'];

const PHONE_NUMBER_PATTERN = '^(\\+[0-9]{8,}|[0-9]{0,9})$';
const MAX_PHONE_NUMBER_LENGTH = 20;
const OTP_PATTERN = '^[0-9]+$';
const MIN_OTP_LENGTH = 5;
const MAX_OTP_LENGTH = 8;
const MAX_RESULTS = 100;

/** The outbox record type of the one-time password message. */
export const SANDBOX_OTP_TYPE = 'SMSSandboxVerification';

function modeled(name: string): AwsErrorSpec {
  const e = snsModel.errors[name];
  if (!e) throw new Error(`SNS model has no error ${name}`);
  return { type: name, code: e.code, status: e.status, fault: e.fault };
}

const VERIFICATION_ERROR = modeled('VerificationException');

interface SandboxNumber {
  phoneNumber: string;
  status: 'Pending' | 'Verified';
  code: string;
  languageCode: string;
  createdAt: number;
}

function toSandboxNumber(doc: SnsDocument): SandboxNumber {
  const v = doc.value;
  return {
    phoneNumber: doc.key,
    status: v.Status === 'Verified' ? 'Verified' : 'Pending',
    code: typeof v.code === 'string' ? v.code : '',
    languageCode: typeof v.LanguageCode === 'string' ? v.LanguageCode : 'en-US',
    createdAt: typeof v.createdAt === 'number' ? v.createdAt : 0,
  };
}

async function saveSandboxNumber(sns: SnsRuntime, ctx: RequestContext, n: SandboxNumber): Promise<void> {
  await sns.store.putDocument({
    kind: SANDBOX_NUMBER_KIND,
    account: ctx.account,
    region: ctx.region,
    key: n.phoneNumber,
    value: { Status: n.status, code: n.code, LanguageCode: n.languageCode, createdAt: n.createdAt },
  });
}

/** Phone numbers are sensitive: AWS's validator names the member but not the value. */
function phoneNumberViolations(phoneNumber: string): string[] {
  const out: string[] = [];
  if (phoneNumber.length > MAX_PHONE_NUMBER_LENGTH) {
    out.push(`Value at 'phoneNumber' failed to satisfy constraint: Member must have length less than or equal to ${MAX_PHONE_NUMBER_LENGTH}`);
  }
  if (!new RegExp(PHONE_NUMBER_PATTERN).test(phoneNumber)) {
    out.push(`Value at 'phoneNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: ${PHONE_NUMBER_PATTERN}`);
  }
  return out;
}

function otpViolations(otp: string): string[] {
  const out: string[] = [];
  if (otp.length < MIN_OTP_LENGTH) out.push(`Value '${otp}' at 'oneTimePassword' failed to satisfy constraint: Member must have length greater than or equal to ${MIN_OTP_LENGTH}`);
  if (otp.length > MAX_OTP_LENGTH) out.push(`Value '${otp}' at 'oneTimePassword' failed to satisfy constraint: Member must have length less than or equal to ${MAX_OTP_LENGTH}`);
  if (!new RegExp(OTP_PATTERN).test(otp)) out.push(`Value '${otp}' at 'oneTimePassword' failed to satisfy constraint: Member must satisfy regular expression pattern: ${OTP_PATTERN}`);
  return out;
}

function check(violations: string[]): void {
  if (violations.length > 0) throw constraintError(violations);
}

function sandboxNumberNotFound(): AwsError {
  return snsError('ResourceNotFound', 'The phone number does not exist in the SMS sandbox');
}

async function findSandboxNumber(sns: SnsRuntime, ctx: RequestContext, phoneNumber: string): Promise<SandboxNumber | undefined> {
  const doc = await sns.store.getDocument(SANDBOX_NUMBER_KIND, ctx.account, ctx.region, phoneNumber);
  return doc ? toSandboxNumber(doc) : undefined;
}

function oneTimePassword(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * Adds the number as Pending and texts it a fresh one-time password (to the outbox, where a
 * developer can read it). Adding a Pending number again sends a new password; a Verified one stays.
 */
export async function createSMSSandboxPhoneNumber(
  sns: SnsRuntime,
  input: CreateSMSSandboxPhoneNumberInput,
  ctx: RequestContext,
): Promise<CreateSMSSandboxPhoneNumberResult> {
  const violations = phoneNumberViolations(input.PhoneNumber);
  const languageCode = input.LanguageCode ?? 'en-US';
  if (!LANGUAGE_CODES.includes(languageCode)) {
    violations.push(`Value '${languageCode}' at 'languageCode' failed to satisfy constraint: Member must satisfy enum value set: [${LANGUAGE_CODES.join(', ')}]`);
  }
  check(violations);
  if (await isOptedOut(sns, ctx.account, ctx.region, input.PhoneNumber)) throw snsError('OptedOut', 'Phone number is opted out');

  const existing = await findSandboxNumber(sns, ctx, input.PhoneNumber);
  if (existing?.status === 'Verified') return {};
  const now = sns.clock.now();
  const entry: SandboxNumber = { phoneNumber: input.PhoneNumber, status: 'Pending', code: oneTimePassword(), languageCode, createdAt: existing?.createdAt ?? now };
  await saveSandboxNumber(sns, ctx, entry);
  await sns.store.appendOutbox([
    {
      createdAt: now,
      account: ctx.account,
      region: ctx.region,
      protocol: 'sms',
      endpoint: entry.phoneNumber,
      topicArn: null,
      subscriptionArn: null,
      messageId: randomUUID(),
      type: SANDBOX_OTP_TYPE,
      subject: null,
      message: `Your Amazon SNS verification code is ${entry.code}.`,
    },
  ]);
  return {};
}

export async function verifySMSSandboxPhoneNumber(
  sns: SnsRuntime,
  input: VerifySMSSandboxPhoneNumberInput,
  ctx: RequestContext,
): Promise<VerifySMSSandboxPhoneNumberResult> {
  check([...phoneNumberViolations(input.PhoneNumber), ...otpViolations(input.OneTimePassword)]);
  const entry = await findSandboxNumber(sns, ctx, input.PhoneNumber);
  if (!entry) throw sandboxNumberNotFound();
  if (entry.status === 'Verified') return {};
  if (input.OneTimePassword !== entry.code) throw new AwsError(VERIFICATION_ERROR, 'Invalid one-time password');
  await saveSandboxNumber(sns, ctx, { ...entry, status: 'Verified', code: '' });
  return {};
}

export async function deleteSMSSandboxPhoneNumber(
  sns: SnsRuntime,
  input: DeleteSMSSandboxPhoneNumberInput,
  ctx: RequestContext,
): Promise<DeleteSMSSandboxPhoneNumberResult> {
  check(phoneNumberViolations(input.PhoneNumber));
  if (!(await findSandboxNumber(sns, ctx, input.PhoneNumber))) throw sandboxNumberNotFound();
  await sns.store.deleteDocument(SANDBOX_NUMBER_KIND, ctx.account, ctx.region, input.PhoneNumber);
  return {};
}

export async function listSMSSandboxPhoneNumbers(
  sns: SnsRuntime,
  input: ListSMSSandboxPhoneNumbersInput,
  ctx: RequestContext,
): Promise<ListSMSSandboxPhoneNumbersResult> {
  checkMaxResults(input.MaxResults, MAX_RESULTS);
  const limit = input.MaxResults ?? MAX_RESULTS;
  const after = decodeToken(input.NextToken);
  const docs = await sns.store.listDocuments(SANDBOX_NUMBER_KIND, ctx.account, ctx.region, '');
  const rest = after === undefined ? docs : docs.filter((d) => d.key > after);
  const page = rest.slice(0, limit).map(toSandboxNumber);
  const out: ListSMSSandboxPhoneNumbersResult = { PhoneNumbers: page.map((n) => ({ PhoneNumber: n.phoneNumber, Status: n.status })) };
  if (rest.length > limit) out.NextToken = encodeToken(page.at(-1)!.phoneNumber);
  return out;
}

/** Tributary's accounts never leave the sandbox (there is no one to ask). */
export async function getSMSSandboxAccountStatus(
  _sns: SnsRuntime,
  _input: GetSMSSandboxAccountStatusInput,
  _ctx: RequestContext,
): Promise<GetSMSSandboxAccountStatusResult> {
  return Promise.resolve({ IsInSandbox: true });
}
