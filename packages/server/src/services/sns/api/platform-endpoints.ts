// Mobile push endpoints (one per device token): CreatePlatformEndpoint, DeleteEndpoint,
// Get/SetEndpointAttributes and ListEndpointsByPlatformApplication.
import { randomUUID } from 'node:crypto';
import type { AwsError } from '../../../protocols/errors.js';
import type {
  CreateEndpointResponse,
  CreatePlatformEndpointInput,
  DeleteEndpointInput,
  GetEndpointAttributesInput,
  GetEndpointAttributesResponse,
  ListEndpointsByPlatformApplicationInput,
  ListEndpointsByPlatformApplicationResponse,
  SetEndpointAttributesInput,
} from '../../../protocols/models/sns.types.js';
import type { RequestContext } from '../../../protocols/service.js';
import type { SnsDocument } from '../../../storage/ports.js';
import { invalidParameter, snsError } from '../errors.js';
import type { SnsRuntime } from '../runtime.js';
import { decodeToken, encodeToken, PAGE_SIZE } from './list-topics.js';
import { ENDPOINT_KIND } from './platform-documents.js';
import {
  applicationNotFound,
  checkArnShape,
  endpointArnPrefix,
  findApplication,
  parseApplicationArn,
  requireAttributes,
  stringMap,
} from './platform-applications.js';

const ENDPOINT_ATTRIBUTES: ReadonlySet<string> = new Set(['CustomUserData', 'Enabled', 'Token']);
const MAX_CUSTOM_USER_DATA_BYTES = 2048;
const UUID_LENGTH = 36;

/** An endpoint as kept in its document (see platform-documents.ts). */
export interface PlatformEndpointRecord {
  arn: string;
  account: string;
  region: string;
  applicationArn: string;
  /** Enabled, Token and, if given, CustomUserData: what GetEndpointAttributes reports. */
  attributes: Record<string, string>;
}

export interface EndpointKey {
  arn: string;
  account: string;
  region: string;
}

/** `arn:aws:sns:<region>:<account>:endpoint/<platform>/<app>/<uuid>`, or AWS's error for a malformed one. */
export function parseEndpointArn(arn: string, parameter = 'EndpointArn'): EndpointKey {
  const err = checkArnShape(arn, parameter, 3);
  if (err) throw err;
  const parts = arn.split(':');
  const id = parts.slice(5).join(':').split('/')[3] ?? '';
  if (id.length !== UUID_LENGTH) throw invalidParameter(parameter, `ARN specifies an invalid endpointId: UUID must be encoded in exactly ${UUID_LENGTH} characters.`);
  return { arn, region: parts[3] ?? '', account: parts[4] ?? '' };
}

export function endpointNotFound(): AwsError {
  return snsError('NotFound', 'Endpoint does not exist');
}

function toEndpoint(doc: SnsDocument): PlatformEndpointRecord {
  return {
    arn: doc.key,
    account: doc.account,
    region: doc.region,
    applicationArn: typeof doc.value.ApplicationArn === 'string' ? doc.value.ApplicationArn : '',
    attributes: stringMap(doc.value.Attributes),
  };
}

async function saveEndpoint(sns: SnsRuntime, e: PlatformEndpointRecord): Promise<void> {
  await sns.store.putDocument({
    kind: ENDPOINT_KIND,
    account: e.account,
    region: e.region,
    key: e.arn,
    value: { ApplicationArn: e.applicationArn, Token: e.attributes.Token ?? '', Attributes: e.attributes },
  });
}

async function requireEndpoint(sns: SnsRuntime, arn: string): Promise<PlatformEndpointRecord> {
  const key = parseEndpointArn(arn);
  const doc = await sns.store.getDocument(ENDPOINT_KIND, key.account, key.region, key.arn);
  if (!doc) throw endpointNotFound();
  return toEndpoint(doc);
}

function checkEndpointAttributes(attributes: Record<string, string>): AwsError | undefined {
  for (const name of Object.keys(attributes)) {
    if (!ENDPOINT_ATTRIBUTES.has(name)) return invalidParameter('Attributes', `Invalid attribute name: ${name}`);
  }
  const data = attributes.CustomUserData;
  if (data !== undefined && Buffer.byteLength(data, 'utf8') > MAX_CUSTOM_USER_DATA_BYTES) {
    return invalidParameter('Attributes', `Invalid value for attribute: CustomUserData: must be at most ${MAX_CUSTOM_USER_DATA_BYTES} bytes long in UTF-8 encoding`);
  }
  if (attributes.Token === '') return invalidParameter('Attributes', 'Invalid value for attribute: Token: cannot be empty');
  const enabled = attributes.Enabled;
  if (enabled !== undefined && !/^(true|false)$/i.test(enabled)) {
    return invalidParameter('Attributes', `Invalid value for attribute: Enabled: ${enabled} value provided is not a boolean`);
  }
  return undefined;
}

function normalized(attributes: Record<string, string>): Record<string, string> {
  const out = { ...attributes };
  if (out.Enabled !== undefined) out.Enabled = out.Enabled.toLowerCase();
  return out;
}

function sameAttributes(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * Idempotent per device token: the same token with the same attributes returns the existing
 * endpoint; the same token with different attributes is refused, naming that endpoint.
 */
export async function createPlatformEndpoint(sns: SnsRuntime, input: CreatePlatformEndpointInput, _ctx: RequestContext): Promise<CreateEndpointResponse> {
  const key = parseApplicationArn(input.PlatformApplicationArn);
  if (input.Token === '') throw invalidParameter('Token', 'cannot be empty');
  if (input.CustomUserData !== undefined && Buffer.byteLength(input.CustomUserData, 'utf8') > MAX_CUSTOM_USER_DATA_BYTES) {
    throw invalidParameter('CustomUserData', `must be at most ${MAX_CUSTOM_USER_DATA_BYTES} bytes long in UTF-8 encoding`);
  }
  const given = input.Attributes ?? {};
  const err = checkEndpointAttributes(given);
  if (err) throw err;
  const app = await findApplication(sns, key);
  if (!app) throw applicationNotFound();

  // Attributes win over the CustomUserData parameter (and the Token parameter).
  const attributes: Record<string, string> = { Enabled: 'true', Token: input.Token };
  if (input.CustomUserData !== undefined) attributes.CustomUserData = input.CustomUserData;
  Object.assign(attributes, normalized(given));

  const prefix = endpointArnPrefix(app);
  const siblings = (await sns.store.listDocuments(ENDPOINT_KIND, app.account, app.region, prefix)).map(toEndpoint);
  const existing = siblings.find((e) => e.attributes.Token === attributes.Token);
  if (existing) {
    if (!sameAttributes(existing.attributes, attributes)) {
      throw invalidParameter('Token', `Endpoint ${existing.arn} already exists with the same Token, but different attributes.`);
    }
    return { EndpointArn: existing.arn };
  }
  const endpoint: PlatformEndpointRecord = { arn: `${prefix}${randomUUID()}`, account: app.account, region: app.region, applicationArn: app.arn, attributes };
  await saveEndpoint(sns, endpoint);
  return { EndpointArn: endpoint.arn };
}

/** Deleting an endpoint that does not exist succeeds; its subscriptions stay until unsubscribed, as on AWS. */
export async function deleteEndpoint(sns: SnsRuntime, input: DeleteEndpointInput, _ctx: RequestContext): Promise<void> {
  const key = parseEndpointArn(input.EndpointArn);
  await sns.store.deleteDocument(ENDPOINT_KIND, key.account, key.region, key.arn);
}

export async function getEndpointAttributes(sns: SnsRuntime, input: GetEndpointAttributesInput, _ctx: RequestContext): Promise<GetEndpointAttributesResponse> {
  const endpoint = await requireEndpoint(sns, input.EndpointArn);
  return { Attributes: { ...endpoint.attributes } };
}

export async function setEndpointAttributes(sns: SnsRuntime, input: SetEndpointAttributesInput, _ctx: RequestContext): Promise<void> {
  parseEndpointArn(input.EndpointArn);
  const given = requireAttributes(input.Attributes);
  const endpoint = await requireEndpoint(sns, input.EndpointArn);
  const err = checkEndpointAttributes(given);
  if (err) throw err;
  Object.assign(endpoint.attributes, normalized(given));
  await saveEndpoint(sns, endpoint);
}

export async function listEndpointsByPlatformApplication(
  sns: SnsRuntime,
  input: ListEndpointsByPlatformApplicationInput,
  _ctx: RequestContext,
): Promise<ListEndpointsByPlatformApplicationResponse> {
  const app = await findApplication(sns, parseApplicationArn(input.PlatformApplicationArn));
  if (!app) throw applicationNotFound();
  const after = decodeToken(input.NextToken);
  const docs = await sns.store.listDocuments(ENDPOINT_KIND, app.account, app.region, endpointArnPrefix(app));
  const rest = after === undefined ? docs : docs.filter((d) => d.key > after);
  const page = rest.slice(0, PAGE_SIZE).map(toEndpoint);
  const out: ListEndpointsByPlatformApplicationResponse = { Endpoints: page.map((e) => ({ EndpointArn: e.arn, Attributes: { ...e.attributes } })) };
  if (rest.length > PAGE_SIZE) out.NextToken = encodeToken(page.at(-1)!.arn);
  return out;
}
