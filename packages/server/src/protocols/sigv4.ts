// What a SigV4 signature tells about the caller before any verification: the credential
// scope's region and service, and the access key (a 12-digit key id names an account, as
// emulators conventionally allow). Verification will plug in here when authentication lands.
export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const AUTH_CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

export function credentialScope(authorization: string | undefined, queryCredential?: string | null): CredentialScope | undefined {
  let m: RegExpExecArray | null = null;
  if (authorization) m = AUTH_CREDENTIAL.exec(authorization);
  if (!m && queryCredential) m = AUTH_CREDENTIAL.exec(`Credential=${queryCredential}`);
  if (!m) return undefined;
  return { accessKeyId: m[1]!, date: m[2]!, region: m[3]!, service: m[4]! };
}

export function accountFromAccessKey(accessKeyId: string | undefined, fallback: string): string {
  return accessKeyId && /^\d{12}$/.test(accessKeyId) ? accessKeyId : fallback;
}
