import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStoreConformance } from '../store.case.js';
import { createSqliteStore, DataDirLockedError } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'tributary-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
let current = '';
runStoreConformance({
  name: 'sqlite file',
  createStore: () => {
    current = join(dir, `db-${n++}.sqlite`);
    return createSqliteStore(current);
  },
  reopen: () => createSqliteStore(current),
});

runStoreConformance({ name: 'sqlite in memory', createStore: () => createSqliteStore(':memory:') });

describe('sqlite file store', () => {
  it('refuses a second store on the same file while the first is open', async () => {
    const path = join(dir, 'locked.sqlite');
    const first = createSqliteStore(path);
    expect(() => createSqliteStore(path)).toThrow(DataDirLockedError);
    await first.close();
    const again = createSqliteStore(path);
    await again.close();
  });

  it('records applied schema migrations', async () => {
    const path = join(dir, 'migrations.sqlite');
    const store = createSqliteStore(path);
    await store.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number }[];
    db.close();
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4]);
  });
});
