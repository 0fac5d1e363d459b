import { SqliteDatabase, type Synchronous } from './database.js';
import { sqliteMigrations } from './schema.js';
import { SqliteSfnStore } from './sfn-store.js';
import { SqliteSnsStore } from './sns-store.js';
import { SqliteSqsStore } from './sqs-store.js';
import type { Store } from '../ports.js';

export { DataDirLockedError } from './database.js';

/** A SQLite store on a file, or in memory with path ':memory:' (ephemeral mode). */
export function createSqliteStore(path: string, options: { synchronous?: Synchronous } = {}): Store {
  const database = new SqliteDatabase({ path, synchronous: options.synchronous, migrations: sqliteMigrations });
  return {
    kind: path === ':memory:' ? 'memory' : 'sqlite',
    sqs: new SqliteSqsStore(database),
    sns: new SqliteSnsStore(database),
    sfn: new SqliteSfnStore(database),
    barrier: () => database.barrier(),
    close: () => database.close(),
  };
}
