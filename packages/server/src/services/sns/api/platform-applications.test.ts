import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../storage/ports.js';
import { createSqliteStore } from '../../../storage/sqlite/index.js';
import type { SnsRuntime } from '../runtime.js';
import { ACCOUNT, awsErrorOf, decodeQuery, REGION, testContext, testRuntime, wire } from './mobile.case.js';
import {
  createPlatformApplication,
  deletePlatformApplication,
  getPlatformApplicationAttributes,
  listPlatformApplications,
  setPlatformApplicationAttributes,
} from './platform-applications.js';
import { createPlatformEndpoint, getEndpointAttributes, listEndpointsByPlatformApplication } from './platform-endpoints.js';
import type {
  CreatePlatformApplicationInput,
  SetPlatformApplicationAttributesInput,
} from '../../../protocols/models/sns.types.js';

const ctx = testContext();
const CREDENTIALS = { PlatformPrincipal: 'client-id', PlatformCredential: 'client-secret' };
const NON_EXISTING = `arn:aws:sns:${REGION}:${ACCOUNT}:app/ADM/NonExistingApp`;
const nullAttributes = {
  code: 'ValidationError',
  message: "1 validation error detected: Value null at 'attributes' failed to satisfy constraint: Member must not be null",
  status: 400,
};

let store: Store;
let sns: SnsRuntime;

beforeEach(() => {
  store = createSqliteStore(':memory:');
  sns = testRuntime(store.sns);
});
afterEach(async () => {
  await store.close();
});

async function createApp(name = 'my-app', platform = 'ADM', attributes: Record<string, string> = CREDENTIALS): Promise<string> {
  const r = await createPlatformApplication(sns, { Name: name, Platform: platform, Attributes: attributes }, ctx);
  return r.PlatformApplicationArn!;
}

describe('CreatePlatformApplication', () => {
  it('returns arn:aws:sns:<region>:<account>:app/<platform>/<name>', async () => {
    expect(await createApp('my-app', 'ADM')).toBe(`arn:aws:sns:${REGION}:${ACCOUNT}:app/ADM/my-app`);
  });

  it.each(['ADM', 'APNS', 'APNS_SANDBOX', 'BAIDU', 'GCM', 'MPNS', 'WNS'])('accepts the %s platform', async (platform) => {
    expect(await createApp(`app-${platform}`, platform)).toBe(`arn:aws:sns:${REGION}:${ACCOUNT}:app/${platform}/app-${platform}`);
  });

  it('rejects an unsupported platform (recorded)', async () => {
    const err = await awsErrorOf(createPlatformApplication(sns, { Name: 'app', Platform: 'AAA', Attributes: CREDENTIALS }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter: Platform Reason: AAA is not supported', status: 400 });
  });

  it('rejects a name longer than 256 characters, quoting it (recorded)', async () => {
    const name = 'a'.repeat(257);
    const err = await awsErrorOf(createPlatformApplication(sns, { Name: name, Platform: 'ADM', Attributes: CREDENTIALS }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message: `Invalid parameter: ${name} Reason: must be at most 256 characters long`, status: 400 });
  });

  it('accepts a name of exactly 256 characters', async () => {
    expect(await createApp('a'.repeat(256))).toMatch(/:app\/ADM\/a{256}$/);
  });

  it('rejects an empty name (recorded)', async () => {
    const err = await awsErrorOf(createPlatformApplication(sns, { Name: '', Platform: 'ADM', Attributes: CREDENTIALS }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter:  Reason: cannot be empty', status: 400 });
  });

  it('rejects a name with characters outside letters, digits, _ - . (recorded)', async () => {
    const err = await awsErrorOf(createPlatformApplication(sns, { Name: '@name', Platform: 'ADM', Attributes: CREDENTIALS }, ctx));
    expect(wire(err)).toEqual({
      code: 'InvalidParameter',
      message: "Invalid parameter: @name Reason: must contain only characters 'a'-'z', 'A'-'Z', '0'-'9', '_', '-', and '.'",
      status: 400,
    });
  });

  it('rejects a PlatformCredential without a PlatformPrincipal (recorded)', async () => {
    const err = await awsErrorOf(createPlatformApplication(sns, { Name: 'app', Platform: 'ADM', Attributes: { PlatformCredential: 'dummy' } }, ctx));
    expect(wire(err)).toEqual({
      code: 'InvalidParameter',
      message: 'Invalid parameter: Attributes Reason: PlatformCredential attribute provided without PlatformPrincipal',
      status: 400,
    });
  });

  it('rejects a PlatformPrincipal without a PlatformCredential (recorded)', async () => {
    const err = await awsErrorOf(createPlatformApplication(sns, { Name: 'app', Platform: 'ADM', Attributes: { PlatformPrincipal: 'dummy' } }, ctx));
    expect(wire(err)).toEqual({
      code: 'InvalidParameter',
      message: 'Invalid parameter: Attributes Reason: PlatformPrincipal attribute provided without PlatformCredential',
      status: 400,
    });
  });

  it('accepts a Firebase (GCM) application with a PlatformCredential alone', async () => {
    expect(await createApp('firebase', 'GCM', { PlatformCredential: 'server-key' })).toMatch(/:app\/GCM\/firebase$/);
  });

  it('reports empty Attributes as a null member, through the query decoder and the handler (recorded)', async () => {
    const err = await awsErrorOf(async () => createPlatformApplication(sns, decodeQuery('CreatePlatformApplication', { Name: 'app', Platform: 'ADM' }) as never, ctx));
    expect(wire(err)).toEqual(nullAttributes);
  });

  it('reports empty Attributes as a null member when they arrive as an empty map (JSON)', async () => {
    const err = await awsErrorOf(createPlatformApplication(sns, { Name: 'app', Platform: 'ADM', Attributes: {} }, ctx));
    expect(wire(err)).toEqual(nullAttributes);
  });

  it('is idempotent for the same name, platform and attributes', async () => {
    const first = await createApp('same', 'ADM');
    expect(await createApp('same', 'ADM')).toBe(first);
    const list = await listPlatformApplications(sns, {}, ctx);
    expect(list.PlatformApplications).toHaveLength(1);
  });

  it('refuses the same name with different attributes', async () => {
    await createApp('same', 'ADM');
    const err = await awsErrorOf(createPlatformApplication(sns, { Name: 'same', Platform: 'ADM', Attributes: { ...CREDENTIALS, SuccessFeedbackSampleRate: '5' } }, ctx));
    expect(wire(err)).toEqual({
      code: 'InvalidParameter',
      message: 'Invalid parameter: Name Reason: An application with the same name but different properties already exists',
      status: 400,
    });
  });

  it('refuses the same name on another platform', async () => {
    await createApp('same', 'ADM');
    const err = await awsErrorOf(createPlatformApplication(sns, { Name: 'same', Platform: 'GCM', Attributes: { PlatformCredential: 'key' } }, ctx));
    expect(err.message).toBe('Invalid parameter: Name Reason: An application with the same name but different properties already exists');
  });

  it('rejects a SuccessFeedbackSampleRate outside 0-100', async () => {
    const err = await awsErrorOf(createPlatformApplication(sns, { Name: 'app', Platform: 'ADM', Attributes: { ...CREDENTIALS, SuccessFeedbackSampleRate: '101' } }, ctx));
    expect(wire(err)).toEqual({
      code: 'InvalidParameter',
      message: 'Invalid parameter: Attributes Reason: Invalid value for attribute: SuccessFeedbackSampleRate: 101 value provided is not an integer between 0-100',
      status: 400,
    });
  });

  it('rejects an attribute name platform applications do not have', async () => {
    const err = await awsErrorOf(createPlatformApplication(sns, { Name: 'app', Platform: 'ADM', Attributes: { ...CREDENTIALS, Bogus: 'x' } }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter: Attributes Reason: Invalid attribute name: Bogus', status: 400 });
  });

  it('decodes a query request into the handler input', async () => {
    const input = decodeQuery('CreatePlatformApplication', {
      Name: 'from-query',
      Platform: 'ADM',
      'Attributes.entry.1.key': 'PlatformPrincipal',
      'Attributes.entry.1.value': 'id',
      'Attributes.entry.2.key': 'PlatformCredential',
      'Attributes.entry.2.value': 'secret',
    }) as unknown as CreatePlatformApplicationInput;
    expect((await createPlatformApplication(sns, input, ctx)).PlatformApplicationArn).toBe(`arn:aws:sns:${REGION}:${ACCOUNT}:app/ADM/from-query`);
  });
});

describe('GetPlatformApplicationAttributes', () => {
  it('reports Enabled "true" and hides the credentials (recorded shape)', async () => {
    const arn = await createApp();
    expect(await getPlatformApplicationAttributes(sns, { PlatformApplicationArn: arn }, ctx)).toEqual({ Attributes: { Enabled: 'true' } });
  });

  it('reports the other attributes given at creation', async () => {
    const arn = await createApp('app', 'ADM', { ...CREDENTIALS, EventEndpointCreated: 'arn:aws:sns:us-east-1:111111111111:events', SuccessFeedbackSampleRate: '5' });
    const r = await getPlatformApplicationAttributes(sns, { PlatformApplicationArn: arn }, ctx);
    expect(r.Attributes).toEqual({ Enabled: 'true', EventEndpointCreated: 'arn:aws:sns:us-east-1:111111111111:events', SuccessFeedbackSampleRate: '5' });
  });

  it('rejects an ARN with fewer than 6 elements (recorded)', async () => {
    const err = await awsErrorOf(getPlatformApplicationAttributes(sns, { PlatformApplicationArn: 'invalid-arn' }, ctx));
    expect(wire(err)).toEqual({
      code: 'InvalidParameter',
      message: 'Invalid parameter: PlatformApplicationArn Reason: An ARN must have at least 6 elements, not 1',
      status: 400,
    });
  });

  it('rejects an ARN whose relative portion does not have two slashes', async () => {
    const err = await awsErrorOf(
      getPlatformApplicationAttributes(sns, { PlatformApplicationArn: `arn:aws:sns:${REGION}:${ACCOUNT}:endpoint/GCM/app/e1097da7-0f72-32e1-bb1e-8df05ad14444` }, ctx),
    );
    expect(wire(err)).toEqual({
      code: 'InvalidParameter',
      message: 'Invalid parameter: PlatformApplicationArn Reason: Wrong number of slashes in relative portion of the ARN.',
      status: 400,
    });
  });

  it('reports an application that does not exist as NotFound 404 (recorded)', async () => {
    const err = await awsErrorOf(getPlatformApplicationAttributes(sns, { PlatformApplicationArn: NON_EXISTING }, ctx));
    expect(wire(err)).toEqual({ code: 'NotFound', message: 'PlatformApplication does not exist', status: 404 });
  });
});

describe('SetPlatformApplicationAttributes', () => {
  it('adds attributes that Get then reports (recorded shape)', async () => {
    const arn = await createApp();
    await setPlatformApplicationAttributes(sns, { PlatformApplicationArn: arn, Attributes: { SuccessFeedbackSampleRate: '50' } }, ctx);
    expect(await getPlatformApplicationAttributes(sns, { PlatformApplicationArn: arn }, ctx)).toEqual({
      Attributes: { Enabled: 'true', SuccessFeedbackSampleRate: '50' },
    });
  });

  it('replaces credentials without ever reporting them', async () => {
    const arn = await createApp();
    await setPlatformApplicationAttributes(sns, { PlatformApplicationArn: arn, Attributes: { PlatformCredential: 'rotated' } }, ctx);
    expect((await getPlatformApplicationAttributes(sns, { PlatformApplicationArn: arn }, ctx)).Attributes).toEqual({ Enabled: 'true' });
  });

  it('rejects an ARN with fewer than 6 elements (recorded, handler input)', async () => {
    const err = await awsErrorOf(setPlatformApplicationAttributes(sns, { PlatformApplicationArn: 'invalid-arn', Attributes: {} }, ctx));
    expect(wire(err)).toEqual({
      code: 'InvalidParameter',
      message: 'Invalid parameter: PlatformApplicationArn Reason: An ARN must have at least 6 elements, not 1',
      status: 400,
    });
  });

  // boto3 sends no Attributes.* for an empty map; AWS checks the ARN before noticing that.
  it('rejects an ARN with fewer than 6 elements before noticing empty attributes, through the query decoder and the handler (recorded)', async () => {
    const err = await awsErrorOf(async () => {
      const input = decodeQuery('SetPlatformApplicationAttributes', { PlatformApplicationArn: 'invalid-arn' });
      await setPlatformApplicationAttributes(sns, input as unknown as SetPlatformApplicationAttributesInput, ctx);
    });
    expect(err.message).toBe('Invalid parameter: PlatformApplicationArn Reason: An ARN must have at least 6 elements, not 1');
  });

  it.each([
    ['dummy-args', { PlatformPrincipal: 'dummy' }],
    ['missing-credential', { PlatformPrincipal: 'dummy' }],
    ['missing-principal', { PlatformCredential: 'dummy' }],
  ])('reports an application that does not exist as NotFound 404 (recorded %s)', async (_id, attributes) => {
    const err = await awsErrorOf(setPlatformApplicationAttributes(sns, { PlatformApplicationArn: NON_EXISTING, Attributes: attributes }, ctx));
    expect(wire(err)).toEqual({ code: 'NotFound', message: 'PlatformApplication does not exist', status: 404 });
  });

  it('reports missing attributes on an application that does not exist as a null member, through the query decoder and the handler (recorded no-args)', async () => {
    const err = await awsErrorOf(async () => setPlatformApplicationAttributes(sns, decodeQuery('SetPlatformApplicationAttributes', { PlatformApplicationArn: NON_EXISTING }) as never, ctx));
    expect(wire(err)).toEqual(nullAttributes);
  });

  it('reports empty attributes on an application that does not exist as a null member (recorded no-args, handler input)', async () => {
    const err = await awsErrorOf(setPlatformApplicationAttributes(sns, { PlatformApplicationArn: NON_EXISTING, Attributes: {} }, ctx));
    expect(wire(err)).toEqual(nullAttributes);
  });

  it('rejects a SuccessFeedbackSampleRate outside 0-100', async () => {
    const arn = await createApp();
    const err = await awsErrorOf(setPlatformApplicationAttributes(sns, { PlatformApplicationArn: arn, Attributes: { SuccessFeedbackSampleRate: '101' } }, ctx));
    expect(err.message).toBe(
      'Invalid parameter: Attributes Reason: Invalid value for attribute: SuccessFeedbackSampleRate: 101 value provided is not an integer between 0-100',
    );
  });
});

describe('ListPlatformApplications', () => {
  it('lists each application with its reported attributes (recorded shape)', async () => {
    const arn = await createApp();
    expect(await listPlatformApplications(sns, {}, ctx)).toEqual({ PlatformApplications: [{ PlatformApplicationArn: arn, Attributes: { Enabled: 'true' } }] });
  });

  it('lists only the caller’s account and region', async () => {
    await createApp();
    expect(await listPlatformApplications(sns, {}, testContext({ region: 'eu-west-1' }))).toEqual({ PlatformApplications: [] });
  });

  it('pages by 100 with a NextToken, without repeats', async () => {
    for (let i = 0; i < 205; i++) await createApp(`app-${String(i).padStart(3, '0')}`);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await listPlatformApplications(sns, token === undefined ? {} : { NextToken: token }, ctx);
      pages++;
      expect(r.PlatformApplications!.length).toBeLessThanOrEqual(100);
      seen.push(...r.PlatformApplications!.map((a) => a.PlatformApplicationArn!));
      token = r.NextToken;
    } while (token !== undefined);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(205);
  });

  it('rejects a NextToken it did not issue', async () => {
    const err = await awsErrorOf(listPlatformApplications(sns, { NextToken: '!!' }, ctx));
    expect(wire(err)).toEqual({ code: 'InvalidParameter', message: 'Invalid parameter: NextToken', status: 400 });
  });
});

describe('DeletePlatformApplication', () => {
  it('deletes the application; its endpoints go with it', async () => {
    const arn = await createApp();
    const endpoint = (await createPlatformEndpoint(sns, { PlatformApplicationArn: arn, Token: 'token_1' }, ctx)).EndpointArn!;
    await deletePlatformApplication(sns, { PlatformApplicationArn: arn }, ctx);
    expect(wire(await awsErrorOf(getPlatformApplicationAttributes(sns, { PlatformApplicationArn: arn }, ctx)))).toEqual({
      code: 'NotFound',
      message: 'PlatformApplication does not exist',
      status: 404,
    });
    expect(wire(await awsErrorOf(getEndpointAttributes(sns, { EndpointArn: endpoint }, ctx)))).toEqual({ code: 'NotFound', message: 'Endpoint does not exist', status: 404 });
  });

  it('leaves other applications’ endpoints alone', async () => {
    const doomed = await createApp('doomed');
    const kept = await createApp('doomed-not');
    await createPlatformEndpoint(sns, { PlatformApplicationArn: doomed, Token: 't1' }, ctx);
    const survivor = (await createPlatformEndpoint(sns, { PlatformApplicationArn: kept, Token: 't1' }, ctx)).EndpointArn!;
    await deletePlatformApplication(sns, { PlatformApplicationArn: doomed }, ctx);
    expect((await getEndpointAttributes(sns, { EndpointArn: survivor }, ctx)).Attributes?.Token).toBe('t1');
  });

  it('then ListEndpointsByPlatformApplication reports NotFound 404 (recorded)', async () => {
    const arn = await createApp();
    await createPlatformEndpoint(sns, { PlatformApplicationArn: arn, Token: 'token_1' }, ctx);
    await deletePlatformApplication(sns, { PlatformApplicationArn: arn }, ctx);
    const err = await awsErrorOf(listEndpointsByPlatformApplication(sns, { PlatformApplicationArn: arn }, ctx));
    expect(wire(err)).toEqual({ code: 'NotFound', message: 'PlatformApplication does not exist', status: 404 });
  });

  it('succeeds for an application that does not exist', async () => {
    await expect(deletePlatformApplication(sns, { PlatformApplicationArn: NON_EXISTING }, ctx)).resolves.toBeUndefined();
  });

  it('rejects a malformed ARN', async () => {
    const err = await awsErrorOf(deletePlatformApplication(sns, { PlatformApplicationArn: 'nope' }, ctx));
    expect(err.message).toBe('Invalid parameter: PlatformApplicationArn Reason: An ARN must have at least 6 elements, not 1');
  });
});
