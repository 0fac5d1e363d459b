// The key that encrypts data at rest: created once in the data directory, readable only by its
// owner. Losing it makes encrypted messages unreadable, so it is never rotated silently.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MASTER_KEY_FILE = 'master.key';
const KEY_BYTES = 32;

export function loadOrCreateMasterKey(dataDir: string | undefined): Buffer {
  if (!dataDir) return randomBytes(KEY_BYTES);
  const path = join(dataDir, MASTER_KEY_FILE);
  if (existsSync(path)) {
    const key = readFileSync(path);
    if (key.length !== KEY_BYTES) throw new Error(`${path} is not a ${KEY_BYTES}-byte key; refusing to start rather than lose data.`);
    return key;
  }
  const key = randomBytes(KEY_BYTES);
  writeFileSync(path, key, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return key;
}
