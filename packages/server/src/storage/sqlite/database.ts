// One SQLite connection with group commit: every write that arrives during one turn of the
// event loop runs inside a single transaction (each in its own savepoint, so one failing write
// does not undo the others), and the transaction commits once, on setImmediate. Callers are
// answered only after that commit is durable, so an acknowledged write is on disk at the cost of
// one fsync per turn rather than one per request.
//
// Durability without blocking: SQLite runs with synchronous=NORMAL (a commit writes the WAL but
// does not fsync it), and with `sync: 'full'` we fdatasync the WAL file ourselves on libuv's
// thread pool after each COMMIT, resolving the turn's writers when it completes. The event loop
// keeps serving (and the next turn's transaction keeps filling) while the disk flushes. SQLite
// itself syncs the WAL before a checkpoint and the database after it, so checkpointed pages
// stay durable too.
import Database from 'better-sqlite3';
import { closeSync, fdatasync, openSync } from 'node:fs';
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
  private readonly savepoint: (fn: () => unknown) => unknown;
  private readonly walPath: string | undefined;
  private walFd: number | undefined;
  /** The running WAL sync, and the committed writers waiting for the next one. */
  private syncRunning: Promise<void> | undefined;
  private awaitingSync: Pending[] = [];

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
      if (options.synchronous !== 'normal') this.walPath = `${options.path}-wal`;
    }
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    applyMigrations(this.db, options.migrations);
    this.savepoint = this.db.transaction((fn: () => unknown) => fn());
  }

  /** Runs `fn` in the current group transaction; resolves once that transaction is durable. */
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
    if (this.open) return new Promise<void>((resolve, reject) => this.pending.push({ resolve, reject }));
    if (this.syncRunning || this.awaitingSync.length > 0) {
      return new Promise<void>((resolve, reject) => {
        if (this.awaitingSync.length > 0 || !this.syncRunning) this.awaitingSync.push({ resolve, reject });
        else void this.syncRunning.then(resolve);
      });
    }
    return Promise.resolve();
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
    if (!this.walPath) {
      for (const p of waiting) p.resolve();
      return;
    }
    // One fdatasync at a time: commits made while one runs wait for the next, which covers them
    // all. Queuing an fdatasync per commit would make each wait behind the others in the kernel.
    this.awaitingSync.push(...waiting);
    if (!this.syncRunning) this.startSync();
  }

  private startSync(): void {
    const batch = this.awaitingSync;
    this.awaitingSync = [];
    this.walFd ??= openSync(this.walPath!, 'r');
    this.syncRunning = new Promise<void>((resolve) => {
      fdatasync(this.walFd!, (err) => {
        if (err) for (const p of batch) p.reject(err);
        else for (const p of batch) p.resolve();
        this.syncRunning = undefined;
        if (this.awaitingSync.length > 0) this.startSync();
        resolve();
      });
    });
  }

  /** Commits what is pending and waits for it to be durable before closing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.commit();
    while (this.syncRunning) await this.syncRunning;
    this.closed = true;
    if (this.walFd !== undefined) closeSync(this.walFd);
    this.db.close();
  }
}
