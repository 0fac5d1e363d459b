// Mobile push platform applications: CreatePlatformApplication, DeletePlatformApplication,
// Get/SetPlatformApplicationAttributes and ListPlatformApplications.
import type { AwsError } from '../../../protocols/errors.js';
import type {
  CreatePlatformApplicationInput,
  CreatePlatformApplicationResponse,
  DeletePlatformApplicationInput,
  GetPlatformApplicationAttributesInput,
  GetPlatformApplicationAttributesResponse,
  ListPlatformApplicationsInput,
  ListPlatformApplicationsResponse,
  SetPlatformApplicationAttributesInput,
} from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { SnsDocument } from '../../../storage/ports.js';
import { invalidParameter, missingMember, snsError } from '../errors.js';
import type { SnsRuntime } from '../runtime.js';
import { decodeToken, encodeToken, PAGE_SIZE } from './list-topics.js';
import { APPLICATION_KIND, ENDPOINT_KIND } from './platform-documents.js';

/** The push services SNS supports (GCM is Firebase Cloud Messaging). */
export const PLATFORMS: ReadonlySet<string> = new Set(['ADM', 'APNS', 'APNS_SANDBOX', 'BAIDU', 'GCM', 'MPNS', 'WNS']);

/** Attributes that are written but never read back: AWS does not return the push service's credentials. */
const SECRET_ATTRIBUTES: ReadonlySet<string> = new Set(['PlatformCredential', 'PlatformPrincipal']);

const APPLICATION_ATTRIBUTES: ReadonlySet<string> = new Set([
  ...SECRET_ATTRIBUTES,
  'Enabled',
  'EventEndpointCreated',
  'EventEndpointDeleted',
  'EventEndpointUpdated',
  'EventDeliveryFailure',
  'SuccessFeedbackRoleArn',
  'FailureFeedbackRoleArn',
  'SuccessFeedbackSampleRate',
  'ApplePlatformTeamID',
  'ApplePlatformBundleID',
]);

const APPLICATION_NAME = /^[A-Za-z0-9._-]+$/;
const MAX_NAME_LENGTH = 256;

/** A platform application as kept in its document (see platform-documents.ts). */
export interface PlatformApplicationRecord {
  arn: string;
  account: string;
  region: string;
  name: string;
  platform: string;
  /** What GetPlatformApplicationAttributes reports. */
  attributes: Record<string, string>;
  /** PlatformCredential / PlatformPrincipal: kept, never returned. */
  credentials: Record<string, string>;
}

export interface ApplicationKey {
  arn: string;
  account: string;
  region: string;
  platform: string;
  name: string;
}

export function platformApplicationArn(region: string, account: string, platform: string, name: string): string {
  return `arn:aws:sns:${region}:${account}:app/${platform}/${name}`;
}

/** The first error AWS reports for a malformed ARN naming `parameter`, with `slashes` in its relative portion. */
export function checkArnShape(arn: string, parameter: string, slashes: number): AwsError | undefined {
  const parts = arn.split(':');
  if (parts.length < 6) return invalidParameter(parameter, `An ARN must have at least 6 elements, not ${parts.length}`);
  const relative = parts.slice(5).join(':');
  if (relative.split('/').length - 1 !== slashes) return invalidParameter(parameter, 'Wrong number of slashes in relative portion of the ARN.');
  return undefined;
}

/** `arn:aws:sns:<region>:<account>:app/<platform>/<name>`, or AWS's error for a malformed one. */
export function parseApplicationArn(arn: string, parameter = 'PlatformApplicationArn'): ApplicationKey {
  const err = checkArnShape(arn, parameter, 2);
  if (err) throw err;
  const parts = arn.split(':');
  const [, platform = '', name = ''] = parts.slice(5).join(':').split('/');
  return { arn, region: parts[3] ?? '', account: parts[4] ?? '', platform, name };
}

export function applicationNotFound(): AwsError {
  return snsError('NotFound', 'PlatformApplication does not exist');
}

export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  }
  return out;
}

function toApplication(doc: SnsDocument): PlatformApplicationRecord {
  return {
    arn: doc.key,
    account: doc.account,
    region: doc.region,
    name: typeof doc.value.Name === 'string' ? doc.value.Name : '',
    platform: typeof doc.value.Platform === 'string' ? doc.value.Platform : '',
    attributes: stringMap(doc.value.Attributes),
    credentials: stringMap(doc.value.Credentials),
  };
}

async function saveApplication(sns: SnsRuntime, app: PlatformApplicationRecord): Promise<void> {
  await sns.store.putDocument({
    kind: APPLICATION_KIND,
    account: app.account,
    region: app.region,
    key: app.arn,
    value: { Name: app.name, Platform: app.platform, Attributes: app.attributes, Credentials: app.credentials },
  });
}

export async function findApplication(sns: SnsRuntime, key: ApplicationKey): Promise<PlatformApplicationRecord | undefined> {
  const doc = await sns.store.getDocument(APPLICATION_KIND, key.account, key.region, key.arn);
  return doc ? toApplication(doc) : undefined;
}

/** The application an ARN names: InvalidParameter if malformed, NotFound if absent. */
export async function requireApplication(sns: SnsRuntime, arn: string, parameter = 'PlatformApplicationArn'): Promise<PlatformApplicationRecord> {
  const app = await findApplication(sns, parseApplicationArn(arn, parameter));
  if (!app) throw applicationNotFound();
  return app;
}

/** A required map sent empty is, on the query protocol, not sent at all: AWS reports it as null. */
export function requireAttributes(attributes: Record<string, string> | undefined): Record<string, string> {
  if (attributes === undefined || Object.keys(attributes).length === 0) throw missingMember([{ member: 'Attributes' }], 'Attributes', undefined);
  return attributes;
}

function checkApplicationName(name: string): AwsError | undefined {
  if (name === '') return invalidParameter(name, 'cannot be empty');
  if (name.length > MAX_NAME_LENGTH) return invalidParameter(name, `must be at most ${MAX_NAME_LENGTH} characters long`);
  if (!APPLICATION_NAME.test(name)) return invalidParameter(name, "must contain only characters 'a'-'z', 'A'-'Z', '0'-'9', '_', '-', and '.'");
  return undefined;
}

/** Names and values of application attributes (both CreatePlatformApplication and Set…Attributes). */
function checkApplicationAttributes(attributes: Record<string, string>): AwsError | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    if (!APPLICATION_ATTRIBUTES.has(name)) return invalidParameter('Attributes', `Invalid attribute name: ${name}`);
    if (name === 'SuccessFeedbackSampleRate' && !(/^\d{1,3}$/.test(value) && Number(value) <= 100)) {
      return invalidParameter('Attributes', `Invalid value for attribute: SuccessFeedbackSampleRate: ${value} value provided is not an integer between 0-100`);
    }
    if (name === 'Enabled' && !/^(true|false)$/i.test(value)) {
      return invalidParameter('Attributes', `Invalid value for attribute: Enabled: ${value} value provided is not a boolean`);
    }
  }
  return undefined;
}

/** Splits what the caller sent into what is reported and what is kept secret. */
function applyAttributes(app: PlatformApplicationRecord, given: Record<string, string>): void {
  for (const [name, value] of Object.entries(given)) {
    if (SECRET_ATTRIBUTES.has(name)) app.credentials[name] = value;
    else app.attributes[name] = name === 'Enabled' ? value.toLowerCase() : value;
  }
}

/** Whether a second CreatePlatformApplication describes the application that exists. */
function sameApplication(app: PlatformApplicationRecord, platform: string, given: Record<string, string>): boolean {
  if (app.platform !== platform) return false;
  const current: Record<string, string> = { ...app.attributes, ...app.credentials };
  for (const [name, value] of Object.entries(given)) {
    const expected = name === 'Enabled' ? value.toLowerCase() : value;
    if (current[name] !== expected) return false;
  }
  // Anything set before but not named now (other than the default Enabled) is a different application.
  return Object.keys(current).every((name) => name in given || (name === 'Enabled' && current[name] === 'true'));
}

export async function createPlatformApplication(
  sns: SnsRuntime,
  input: CreatePlatformApplicationInput,
  ctx: RequestContext,
): Promise<CreatePlatformApplicationResponse> {
  const nameError = checkApplicationName(input.Name);
  if (nameError) throw nameError;
  if (!PLATFORMS.has(input.Platform)) throw invalidParameter('Platform', `${input.Platform} is not supported`);
  const given = requireAttributes(input.Attributes);
  const attributeError = checkApplicationAttributes(given);
  if (attributeError) throw attributeError;
  const hasCredential = given.PlatformCredential !== undefined;
  const hasPrincipal = given.PlatformPrincipal !== undefined;
  // Firebase (GCM) authenticates with the credential alone.
  if (hasCredential && !hasPrincipal && input.Platform !== 'GCM') {
    throw invalidParameter('Attributes', 'PlatformCredential attribute provided without PlatformPrincipal');
  }
  if (hasPrincipal && !hasCredential) throw invalidParameter('Attributes', 'PlatformPrincipal attribute provided without PlatformCredential');

  // Names are unique per account and region, whatever the platform.
  const existing = (await sns.store.listDocuments(APPLICATION_KIND, ctx.account, ctx.region, '')).map(toApplication).find((a) => a.name === input.Name);
  if (existing) {
    if (!sameApplication(existing, input.Platform, given)) {
      throw invalidParameter('Name', 'An application with the same name but different properties already exists');
    }
    return { PlatformApplicationArn: existing.arn };
  }

  const app: PlatformApplicationRecord = {
    arn: platformApplicationArn(ctx.region, ctx.account, input.Platform, input.Name),
    account: ctx.account,
    region: ctx.region,
    name: input.Name,
    platform: input.Platform,
    attributes: { Enabled: 'true' },
    credentials: {},
  };
  applyAttributes(app, given);
  await saveApplication(sns, app);
  return { PlatformApplicationArn: app.arn };
}

/** Deletes the application and its endpoints; deleting one that does not exist succeeds. */
export async function deletePlatformApplication(sns: SnsRuntime, input: DeletePlatformApplicationInput, _ctx: RequestContext): Promise<void> {
  const key = parseApplicationArn(input.PlatformApplicationArn);
  const endpoints = await sns.store.listDocuments(ENDPOINT_KIND, key.account, key.region, endpointArnPrefix(key));
  for (const e of endpoints) await sns.store.deleteDocument(ENDPOINT_KIND, e.account, e.region, e.key);
  await sns.store.deleteDocument(APPLICATION_KIND, key.account, key.region, key.arn);
}

export async function getPlatformApplicationAttributes(
  sns: SnsRuntime,
  input: GetPlatformApplicationAttributesInput,
  _ctx: RequestContext,
): Promise<GetPlatformApplicationAttributesResponse> {
  const app = await requireApplication(sns, input.PlatformApplicationArn);
  return { Attributes: { ...app.attributes } };
}

export async function setPlatformApplicationAttributes(
  sns: SnsRuntime,
  input: SetPlatformApplicationAttributesInput,
  _ctx: RequestContext,
): Promise<void> {
  // AWS checks the ARN's shape, then that attributes were sent, then that the application exists.
  const key = parseApplicationArn(input.PlatformApplicationArn);
  const given = requireAttributes(input.Attributes);
  const app = await findApplication(sns, key);
  if (!app) throw applicationNotFound();
  const err = checkApplicationAttributes(given);
  if (err) throw err;
  applyAttributes(app, given);
  await saveApplication(sns, app);
}

export async function listPlatformApplications(
  sns: SnsRuntime,
  input: ListPlatformApplicationsInput,
  ctx: RequestContext,
): Promise<ListPlatformApplicationsResponse> {
  const after = decodeToken(input.NextToken);
  const docs = await sns.store.listDocuments(APPLICATION_KIND, ctx.account, ctx.region, '');
  const rest = after === undefined ? docs : docs.filter((d) => d.key > after);
  const page = rest.slice(0, PAGE_SIZE).map(toApplication);
  const out: ListPlatformApplicationsResponse = {
    PlatformApplications: page.map((a) => ({ PlatformApplicationArn: a.arn, Attributes: { ...a.attributes } })),
  };
  if (rest.length > PAGE_SIZE) out.NextToken = encodeToken(page.at(-1)!.arn);
  return out;
}

/** Endpoint ARNs of an application all start with this (their keys in the endpoint documents). */
export function endpointArnPrefix(app: { arn: string; platform: string; name: string }): string {
  return `${app.arn.split(':').slice(0, 5).join(':')}:endpoint/${app.platform}/${app.name}/`;
}
