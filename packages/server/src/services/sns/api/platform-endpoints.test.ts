import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SetEndpointAttributesInput } from '../../../protocols/models/sns.types.js';
import type { Store } from '../../../storage/ports.js';
import { createSqliteStore } from '../../../storage/sqlite/index.js';
import type { SnsRuntime } from '../runtime.js';
import { ACCOUNT, awsErrorOf, decodeQuery, REGION, testContext, testRuntime, wire } from './mobile.case.js';
import { createPlatformApplication } from './platform-applications.js';
import {
  createPlatformEndpoint,
  deleteEndpoint,
  getEndpointAttributes,
  listEndpointsByPlatformApplication,
  setEndpointAttributes,
} from './platform-endpoints.js';
import { ENDPOINT_KIND } from './platform-documents.js';

const ctx = testContext();
const APP_NAME = 'platform-application-1';
const FAKE_ENDPOINT = `arn:aws:sns:${REGION}:${ACCOUNT}:endpoint/ADM/fakeapp/5b0a2a3e-0c5f-4a8c-9a53-7f1f3c0d2b11`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The recorded invalid-attribute cases of test_{create,set}_platform_endpoint_*_invalid_attributes. */
const INVALID_ATTRIBUTES: Array<[string, Record<string, string>, string]> = [
  ['Invalid_Name_Principal', { PlatformPrincipal: 'Principal' }, 'Invalid parameter: Attributes Reason: Invalid attribute name: PlatformPrincipal'],
  ['Invalid_Name_Credential', { PlatformCredential: 'Credential' }, 'Invalid parameter: Attributes Reason: Invalid attribute name: PlatformCredential'],
  ['Invalid_Name_Generic', { InvalidKey: 'Value' }, 'Invalid parameter: Attributes Reason: Invalid attribute name: InvalidKey'],
  [
    'Data_Too_Long',
    { CustomUserData: 'A'.repeat(2050) },
    'Invalid parameter: Attributes Reason: Invalid value for attribute: CustomUserData: must be at most 2048 bytes long in UTF-8 encoding',
  ],
];

let store: Store;
let sns: SnsRuntime;
let appArn: string;

beforeEach(async () => {
  store = createSqliteStore(':memory:');
  sns = testRuntime(store.sns);
  appArn = (await createPlatformApplication(sns, { Name: APP_NAME, Platform: 'ADM', Attributes: { PlatformPrincipal: 'id', PlatformCredential: 'secret' } }, ctx))
    .PlatformApplicationArn!;
});
afterEach(async () => {
  await store.close();
});

async function createEndpoint(token = 'token_1', more: { Attributes?: Record<string, string>; CustomUserData?: string } = {}): Promise<string> {
  return (await createPlatformEndpoint(sns, { PlatformApplicationArn: appArn, Token: token, ...more }, ctx)).EndpointArn!;
}

describe('CreatePlatformEndpoint', () => {
  it('returns arn:aws:sns:<region>:<account>:endpoint/<platform>/<app>/<uuid>', async () => {
    const arn = await createEndpoint();
    const prefix = `arn:aws:sns:${REGION}:${ACCOUNT}:endpoint/ADM/${APP_NAME}/`;
    expect(arn.startsWith(prefix)).toBe(true);
    expect(arn.slice(prefix.length)).toMatch(UUID);
  });

  it('starts Enabled, with the token as an attribute (recorded shape)', async () => {
    const arn = await createEndpoint();
    expect(await getEndpointAttributes(sns, { EndpointArn: arn }, ctx)).toEqual({ Attributes: { Enabled: 'true', Token: 'token_1' } });
  });

  it('returns the same endpoint for the same token and attributes (recorded)', async () => {
    const first = await createEndpoint();
    expect(await createEndpoint()).toBe(first);
    expect((await listEndpointsByPlatformApplication(sns, { PlatformApplicationArn: appArn }, ctx)).Endpoints).toHaveLength(1);
  });

  it('refuses the same token with different attributes, naming the endpoint (recorded)', async () => {
    const first = await createEndpoint();
    const err = await awsErrorOf(createPlatformEndpoint(sns, { PlatformApplicationArn: appArn, Token: 'token_1', Attributes: { Enabled: 'false' } }, ctx));
    expect(wire(err)).toEqual({
      code: 'InvalidParameter',
      message: `Invalid parameter: Token Reason: Endpoint ${first} already exists with the same Token, but different attributes.`,
      status: 400,
    });
  });

  it('refuses the same token once the endpoint was changed since', async () => {
    const first = await createEndpoint();
    await setEndpointAttributes(sns, { EndpointArn: first, Attributes: { Enabled: 'false' } }, ctx);
    const err = await awsErrorOf(createPlatformEndpoint(sns, { PlatformApplicationArn: appArn, Token: 'token_1' }, ctx));
    expect(err.message).toBe(`Invalid parameter: Token Reason: Endpoint ${first} already exists with the same Token, but different attributes.`);
  });

  it('refuses the same token with different CustomUserData', async () => {
    const first = await createEndpoint('t', { CustomUserData: 'a' });
    expect(await createEndpoint('t', { CustomUserData: 'a' })).toBe(first);
    const err = await awsErrorOf(createPlatformEndpoint(sns, { PlatformApplicationArn: appArn, Token: 't', CustomUserData: 'b' }, ctx));
    expect(err.message).toBe(`Invalid parameter: Token Reason: Endpoint ${first} already exists with the same Token, but different attributes.`);
  });

  it('gives a new endpoint to a new token', async () => {
    expect(await createEndpoint('token_2')).not.toBe(await createEndpoint('token_1'));
  });

  it('reports an application that does not exist as NotFound 404 (recorded)', async () => {
    const err = await awsErrorOf(createPlatformEndpoint(sns, { PlatformApplicationArn: `arn:aws:sns:${REGION}:${ACCOUNT}:app/ADM/non_existent_app`, Token: 'token_1' }, ctx));
    expect(wire(err)).toEqual({ code: 'NotFound', message: 'PlatformApplication does not exist', status: 404 });
  });

  it('rejects a malformed application ARN', async () => {
    expect((await awsErrorOf(createPlatformEndpoint(sns, { PlatformApplicationArn: 'x', Token: 't' }, ctx))).message).toBe(
      'Invalid parameter: PlatformApplicationArn Reason: An ARN must have at least 6 elements, not 1',
    );
    expect((await awsErrorOf(createPlatformEndpoint(sns, { PlatformApplicationArn: FAKE_ENDPOINT, Token: 't' }, ctx))).message).toBe(
      'Invalid parameter: PlatformApplicationArn Reason: Wrong number of slashes in relative portion of the ARN.',
    );
  });

  it('rejects an empty token', async () => {
    const err = await awsErrorOf(createPlatformEndpoint(sns, { PlatformApplicationArn: appArn, Token: '' }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter: Token Reason: cannot be empty', status: 400 });
  });

  it('rejects an empty Token attribute', async () => {
    const err = await awsErrorOf(createPlatformEndpoint(sns, { PlatformApplicationArn: appArn, Token: 't', Attributes: { Token: '' } }, ctx));
    expect(err.message).toBe('Invalid parameter: Attributes Reason: Invalid value for attribute: Token: cannot be empty');
  });

  it.each(INVALID_ATTRIBUTES)('rejects invalid attributes (recorded %s)', async (_id, attributes, message) => {
    const err = await awsErrorOf(createPlatformEndpoint(sns, { PlatformApplicationArn: appArn, Token: 'token_1', Attributes: attributes }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message, status: 400 });
  });

  it('accepts empty attributes (recorded Empty)', async () => {
    expect(await createEndpoint('token_1', { Attributes: {} })).toContain(':endpoint/ADM/');
  });

  it('accepts CustomUserData of exactly 2048 UTF-8 bytes and counts bytes, not characters', async () => {
    await createEndpoint('t1', { Attributes: { CustomUserData: 'A'.repeat(2048) } });
    const err = await awsErrorOf(createPlatformEndpoint(sns, { PlatformApplicationArn: appArn, Token: 't2', Attributes: { CustomUserData: 'é'.repeat(1025) } }, ctx));
    expect(err.message).toContain('CustomUserData: must be at most 2048 bytes long in UTF-8 encoding');
  });

  it('keeps the CustomUserData parameter (recorded)', async () => {
    const arn = await createEndpoint('token_1', { CustomUserData: 'bar' });
    expect(await getEndpointAttributes(sns, { EndpointArn: arn }, ctx)).toEqual({ Attributes: { CustomUserData: 'bar', Enabled: 'true', Token: 'token_1' } });
  });

  it('prefers CustomUserData in Attributes over the parameter (recorded)', async () => {
    const arn = await createEndpoint('token_1', { Attributes: { CustomUserData: 'foo' }, CustomUserData: 'bar' });
    expect(await getEndpointAttributes(sns, { EndpointArn: arn }, ctx)).toEqual({ Attributes: { CustomUserData: 'foo', Enabled: 'true', Token: 'token_1' } });
  });

  it('keeps the endpoint where Publish with TargetArn looks it up (by ARN, in the ARN’s account and region)', async () => {
    const arn = await createEndpoint();
    const parts = arn.split(':');
    const doc = await store.sns.getDocument(ENDPOINT_KIND, parts[4]!, parts[3]!, arn);
    expect(doc?.value).toEqual({ ApplicationArn: appArn, Token: 'token_1', Attributes: { Enabled: 'true', Token: 'token_1' } });
  });
});

describe('GetEndpointAttributes', () => {
  it('reports an endpoint that does not exist as NotFound 404 (recorded)', async () => {
    const err = await awsErrorOf(getEndpointAttributes(sns, { EndpointArn: FAKE_ENDPOINT }, ctx));
    expect(wire(err)).toEqual({ code: 'NotFound', message: 'Endpoint does not exist', status: 404 });
  });

  it('rejects an endpoint id that is not 36 characters', async () => {
    const arn = await createEndpoint();
    const err = await awsErrorOf(getEndpointAttributes(sns, { EndpointArn: `${arn}invalid` }, ctx));
    expect(wire(err)).toEqual({
      code: 'InvalidParameter',
      message: 'Invalid parameter: EndpointArn Reason: ARN specifies an invalid endpointId: UUID must be encoded in exactly 36 characters.',
      status: 400,
    });
  });

  it('rejects an ARN with fewer than 6 elements', async () => {
    expect((await awsErrorOf(getEndpointAttributes(sns, { EndpointArn: 'nope' }, ctx))).message).toBe(
      'Invalid parameter: EndpointArn Reason: An ARN must have at least 6 elements, not 1',
    );
  });
});

describe('SetEndpointAttributes', () => {
  it('changes attributes that Get then reports (recorded)', async () => {
    const arn = await createEndpoint();
    await setEndpointAttributes(sns, { EndpointArn: arn, Attributes: { Enabled: 'false' } }, ctx);
    expect(await getEndpointAttributes(sns, { EndpointArn: arn }, ctx)).toEqual({ Attributes: { Enabled: 'false', Token: 'token_1' } });
  });

  it('can change the token and custom data', async () => {
    const arn = await createEndpoint();
    await setEndpointAttributes(sns, { EndpointArn: arn, Attributes: { Token: 'token_9', CustomUserData: 'data', Enabled: 'FALSE' } }, ctx);
    expect((await getEndpointAttributes(sns, { EndpointArn: arn }, ctx)).Attributes).toEqual({ Enabled: 'false', Token: 'token_9', CustomUserData: 'data' });
    expect(await createEndpoint('token_9', { CustomUserData: 'data', Attributes: { Enabled: 'false' } })).toBe(arn);
  });

  it('reports an endpoint that does not exist as NotFound 404 (recorded)', async () => {
    const err = await awsErrorOf(setEndpointAttributes(sns, { EndpointArn: FAKE_ENDPOINT, Attributes: { Enabled: 'false' } }, ctx));
    expect(wire(err)).toEqual({ code: 'NotFound', message: 'Endpoint does not exist', status: 404 });
  });

  it('rejects an ARN whose relative portion does not have three slashes (recorded)', async () => {
    const err = await awsErrorOf(setEndpointAttributes(sns, { EndpointArn: appArn, Attributes: { Enabled: 'false' } }, ctx));
    expect(wire(err)).toEqual({
      code: 'InvalidParameter',
      message: 'Invalid parameter: EndpointArn Reason: Wrong number of slashes in relative portion of the ARN.',
      status: 400,
    });
  });

  it('reports missing attributes as a null member, through the query decoder and the handler (recorded Empty)', async () => {
    const arn = await createEndpoint();
    const err = await awsErrorOf(async () => setEndpointAttributes(sns, decodeQuery('SetEndpointAttributes', { EndpointArn: arn }) as never, ctx));
    expect(wire(err)).toEqual({
      code: 'ValidationError',
      message: "1 validation error detected: Value null at 'attributes' failed to satisfy constraint: Member must not be null",
      status: 400,
    });
  });

  it('reports empty attributes as a null member (recorded Empty, handler input)', async () => {
    const arn = await createEndpoint();
    const err = await awsErrorOf(setEndpointAttributes(sns, { EndpointArn: arn, Attributes: {} }, ctx));
    expect(wire(err)).toEqual({
      code: 'ValidationError',
      message: "1 validation error detected: Value null at 'attributes' failed to satisfy constraint: Member must not be null",
      status: 400,
    });
  });

  it.each(INVALID_ATTRIBUTES)('rejects invalid attributes (recorded %s)', async (_id, attributes, message) => {
    const arn = await createEndpoint();
    const err = await awsErrorOf(setEndpointAttributes(sns, { EndpointArn: arn, Attributes: attributes }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message, status: 400 });
  });

  it('decodes a query request into the handler input', async () => {
    const arn = await createEndpoint();
    const input = decodeQuery('SetEndpointAttributes', { EndpointArn: arn, 'Attributes.entry.1.key': 'Enabled', 'Attributes.entry.1.value': 'false' });
    await setEndpointAttributes(sns, input as unknown as SetEndpointAttributesInput, ctx);
    expect((await getEndpointAttributes(sns, { EndpointArn: arn }, ctx)).Attributes?.Enabled).toBe('false');
  });
});

describe('DeleteEndpoint', () => {
  it('deletes the endpoint from its application (recorded)', async () => {
    const arn = await createEndpoint();
    expect((await listEndpointsByPlatformApplication(sns, { PlatformApplicationArn: appArn }, ctx)).Endpoints).toEqual([
      { EndpointArn: arn, Attributes: { Enabled: 'true', Token: 'token_1' } },
    ]);
    await deleteEndpoint(sns, { EndpointArn: arn }, ctx);
    expect(await listEndpointsByPlatformApplication(sns, { PlatformApplicationArn: appArn }, ctx)).toEqual({ Endpoints: [] });
    expect(wire(await awsErrorOf(getEndpointAttributes(sns, { EndpointArn: arn }, ctx)))).toEqual({ code: 'NotFound', message: 'Endpoint does not exist', status: 404 });
  });

  it('succeeds for an endpoint that does not exist', async () => {
    await expect(deleteEndpoint(sns, { EndpointArn: FAKE_ENDPOINT }, ctx)).resolves.toBeUndefined();
  });

  it('rejects an endpoint id that is not 36 characters', async () => {
    const arn = await createEndpoint();
    expect((await awsErrorOf(deleteEndpoint(sns, { EndpointArn: `${arn}invalid` }, ctx))).message).toBe(
      'Invalid parameter: EndpointArn Reason: ARN specifies an invalid endpointId: UUID must be encoded in exactly 36 characters.',
    );
  });

  it('lets the same token register again afterwards, as a new endpoint', async () => {
    const first = await createEndpoint();
    await deleteEndpoint(sns, { EndpointArn: first }, ctx);
    expect(await createEndpoint()).not.toBe(first);
  });
});

describe('ListEndpointsByPlatformApplication', () => {
  it('lists the application’s endpoints with their attributes (recorded shape)', async () => {
    const arn = await createEndpoint();
    expect(await listEndpointsByPlatformApplication(sns, { PlatformApplicationArn: appArn }, ctx)).toEqual({
      Endpoints: [{ EndpointArn: arn, Attributes: { Enabled: 'true', Token: 'token_1' } }],
    });
  });

  it('pages by 100 with a NextToken, without repeats', async () => {
    for (let i = 0; i < 150; i++) await createEndpoint(`token-${i}`);
    const first = await listEndpointsByPlatformApplication(sns, { PlatformApplicationArn: appArn }, ctx);
    expect(first.Endpoints).toHaveLength(100);
    expect(first.NextToken).toBeDefined();
    const second = await listEndpointsByPlatformApplication(sns, { PlatformApplicationArn: appArn, NextToken: first.NextToken! }, ctx);
    expect(second.Endpoints).toHaveLength(50);
    expect(second.NextToken).toBeUndefined();
    const all = [...first.Endpoints!, ...second.Endpoints!].map((e) => e.Attributes?.Token);
    expect(new Set(all).size).toBe(150);
  });

  it('reports an application that does not exist as NotFound 404', async () => {
    const err = await awsErrorOf(listEndpointsByPlatformApplication(sns, { PlatformApplicationArn: `arn:aws:sns:${REGION}:${ACCOUNT}:app/ADM/nope` }, ctx));
    expect(wire(err)).toEqual({ code: 'NotFound', message: 'PlatformApplication does not exist', status: 404 });
  });
});
