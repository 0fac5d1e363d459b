// Mobile push (platform applications and endpoints) and SMS operations.
import { operation, type OperationHandler, type RequestContext } from '../../../protocols/service.js';
import type { SnsRuntime } from '../runtime.js';
import {
  createPlatformApplication,
  deletePlatformApplication,
  getPlatformApplicationAttributes,
  listPlatformApplications,
  setPlatformApplicationAttributes,
} from './platform-applications.js';
import {
  createPlatformEndpoint,
  deleteEndpoint,
  getEndpointAttributes,
  listEndpointsByPlatformApplication,
  setEndpointAttributes,
} from './platform-endpoints.js';
import {
  checkIfPhoneNumberIsOptedOut,
  getSMSAttributes,
  listOriginationNumbers,
  listPhoneNumbersOptedOut,
  optInPhoneNumber,
  setSMSAttributes,
} from './sms.js';
import {
  createSMSSandboxPhoneNumber,
  deleteSMSSandboxPhoneNumber,
  getSMSSandboxAccountStatus,
  listSMSSandboxPhoneNumbers,
  verifySMSSandboxPhoneNumber,
} from './sms-sandbox.js';

type Handler<I, O> = (sns: SnsRuntime, input: I, ctx: RequestContext) => Promise<O>;

function bind<I, O>(sns: SnsRuntime, handler: Handler<I, O>): OperationHandler {
  return operation((input: I, ctx: RequestContext) => handler(sns, input, ctx));
}

export function mobileOperations(sns: SnsRuntime): Record<string, OperationHandler> {
  return {
    CreatePlatformApplication: bind(sns, createPlatformApplication),
    DeletePlatformApplication: bind(sns, deletePlatformApplication),
    GetPlatformApplicationAttributes: bind(sns, getPlatformApplicationAttributes),
    SetPlatformApplicationAttributes: bind(sns, setPlatformApplicationAttributes),
    ListPlatformApplications: bind(sns, listPlatformApplications),
    CreatePlatformEndpoint: bind(sns, createPlatformEndpoint),
    DeleteEndpoint: bind(sns, deleteEndpoint),
    GetEndpointAttributes: bind(sns, getEndpointAttributes),
    SetEndpointAttributes: bind(sns, setEndpointAttributes),
    ListEndpointsByPlatformApplication: bind(sns, listEndpointsByPlatformApplication),
    CheckIfPhoneNumberIsOptedOut: bind(sns, checkIfPhoneNumberIsOptedOut),
    GetSMSAttributes: bind(sns, getSMSAttributes),
    SetSMSAttributes: bind(sns, setSMSAttributes),
    ListPhoneNumbersOptedOut: bind(sns, listPhoneNumbersOptedOut),
    OptInPhoneNumber: bind(sns, optInPhoneNumber),
    CreateSMSSandboxPhoneNumber: bind(sns, createSMSSandboxPhoneNumber),
    DeleteSMSSandboxPhoneNumber: bind(sns, deleteSMSSandboxPhoneNumber),
    VerifySMSSandboxPhoneNumber: bind(sns, verifySMSSandboxPhoneNumber),
    ListSMSSandboxPhoneNumbers: bind(sns, listSMSSandboxPhoneNumbers),
    GetSMSSandboxAccountStatus: bind(sns, getSMSSandboxAccountStatus),
    ListOriginationNumbers: bind(sns, listOriginationNumbers),
  };
}
