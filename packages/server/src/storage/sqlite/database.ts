// One SQLite connection with group commit: every write that arrives during one turn of the
// event loop runs inside a single transaction (each in its own savepoint, so one failing write
// does not undo the others), and the transaction commits once, on setImmediate. Callers are
// answered only after that commit, so an acknowledged write is on disk at the cost of one
// fsync per turn rather than one per request.
import Database from 'better-sqlite3';
import { applyMigrations, type Migration } from './migrations.js';

export type Synchronous = 'full' | 'normal';

export interface SqliteOptions {
  /** A file path, or ':memory:' for an ephemeral store. */
  path: string;
  synchronous?: Synchronous;
  migrations: Migration[];
}

interface Pending {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class DataDirLockedError extends Error {
  constructor(path: string) {
    super(`Another Tributary process is using the data in ${path}; stop it or choose another --data-dir.`);
    this.name = 'DataDirLockedError';
  }
}

export class SqliteDatabase {
  readonly db: Database.Database;
  private pending: Pending[] = [];
  private open = false;
  private closed = false;
  private readonly commitBound = () => this.commit();
  /** Inside the open transaction, better-sqlite3 runs this as a SAVEPOINT. */
  private savepoint!: (fn: () => unknown) => unknown;

  constructor(options: SqliteOptions) {
    // One connection per process: waiting on a lock could only mean another process holds it.
    this.db = new Database(options.path, { timeout: 0 });
    const file = options.path !== ':memory:';
    if (file) {
      // EXCLUSIVE locking holds the file lock for the life of the process: a second process on
      // the same data dir fails at once, and the OS releases the lock even after kill -9.
      try {
        this.db.pragma('locking_mode = EXCLUSIVE');
        this.db.pragma('journal_mode = WAL');
        this.db.exec('BEGIN EXCLUSIVE; COMMIT');
      } catch (err) {
        this.db.close();
        if (err instanceof Error && /locked|busy/i.test(err.message)) throw new DataDirLockedError(options.path);
        throw err;
      }
    }
    this.db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    this.db.pragma('foreign_keys = ON');
    applyMigrations(this.db, options.migrations);
    this.savepoint = this.db.transaction((fn: () => unknown) => fn());
  }

  /** Runs `fn` in the current group transaction; resolves once that transaction has committed. */
  write<T>(fn: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    if (!this.open) {
      this.db.exec('BEGIN IMMEDIATE');
      this.open = true;
      setImmediate(this.commitBound);
    }
    let result: T;
    try {
      result = this.savepoint(fn) as T;
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ resolve: () => resolve(result), reject });
    });
  }

  /** Resolves once everything written so far is durable (at once when nothing is pending). */
  barrier(): Promise<void> {
    if (!this.open) return Promise.resolve();
    return new Promise<void>((resolve, reject) => this.pending.push({ resolve, reject }));
  }

  private commit(): void {
    if (!this.open) return;
    const waiting = this.pending;
    this.pending = [];
    this.open = false;
    try {
      this.db.exec('COMMIT');
    } catch (err) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // the failed COMMIT may already have rolled back
      }
      for (const p of waiting) p.reject(err);
      return;
    }
    for (const p of waiting) p.resolve();
  }

  close(): void {
    if (this.closed) return;
    this.commit();
    this.closed = true;
    this.db.close();
  }
}
