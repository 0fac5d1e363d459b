import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../storage/ports.js';
import { createSqliteStore } from '../../../storage/sqlite/index.js';
import { snsModel } from '../model.js';
import type { SnsRuntime } from '../runtime.js';
import { mobileOperations } from './mobile.js';
import { decodeQuery, REGION, ACCOUNT, testContext, testRuntime } from './mobile.case.js';

const OPERATIONS = [
  'CreatePlatformApplication',
  'DeletePlatformApplication',
  'GetPlatformApplicationAttributes',
  'SetPlatformApplicationAttributes',
  'ListPlatformApplications',
  'CreatePlatformEndpoint',
  'DeleteEndpoint',
  'GetEndpointAttributes',
  'SetEndpointAttributes',
  'ListEndpointsByPlatformApplication',
  'CheckIfPhoneNumberIsOptedOut',
  'GetSMSAttributes',
  'SetSMSAttributes',
  'ListPhoneNumbersOptedOut',
  'OptInPhoneNumber',
  'CreateSMSSandboxPhoneNumber',
  'DeleteSMSSandboxPhoneNumber',
  'VerifySMSSandboxPhoneNumber',
  'ListSMSSandboxPhoneNumbers',
  'GetSMSSandboxAccountStatus',
  'ListOriginationNumbers',
];

let store: Store;
let sns: SnsRuntime;

beforeEach(() => {
  store = createSqliteStore(':memory:');
  sns = testRuntime(store.sns);
});
afterEach(async () => {
  await store.close();
});

describe('mobileOperations', () => {
  it('handles every mobile push and SMS operation of the SNS model, and nothing else', () => {
    const ops = mobileOperations(sns);
    expect(Object.keys(ops).sort()).toEqual([...OPERATIONS].sort());
    for (const name of OPERATIONS) expect(snsModel.operations[name], name).toBeDefined();
  });

  it('runs decoded query requests end to end: application, endpoint, listing', async () => {
    const ops = mobileOperations(sns);
    const ctx = testContext();
    const call = (op: string, params: Record<string, string>) => ops[op]!(decodeQuery(op, params), ctx);
    const app = (await call('CreatePlatformApplication', {
      Name: 'app',
      Platform: 'GCM',
      'Attributes.entry.1.key': 'PlatformCredential',
      'Attributes.entry.1.value': 'key',
    })) as { PlatformApplicationArn: string };
    expect(app.PlatformApplicationArn).toBe(`arn:aws:sns:${REGION}:${ACCOUNT}:app/GCM/app`);
    const endpoint = (await call('CreatePlatformEndpoint', { PlatformApplicationArn: app.PlatformApplicationArn, Token: 'device', CustomUserData: 'u1' })) as {
      EndpointArn: string;
    };
    expect(await call('ListEndpointsByPlatformApplication', { PlatformApplicationArn: app.PlatformApplicationArn })).toEqual({
      Endpoints: [{ EndpointArn: endpoint.EndpointArn, Attributes: { Enabled: 'true', Token: 'device', CustomUserData: 'u1' } }],
    });
    await call('DeleteEndpoint', { EndpointArn: endpoint.EndpointArn });
    await call('DeletePlatformApplication', { PlatformApplicationArn: app.PlatformApplicationArn });
    expect(await call('ListPlatformApplications', {})).toEqual({ PlatformApplications: [] });
  });
});
