// SQLite's own batched insert rate for Step Functions history rows: the reference for the
// Standard-execution scenario (forked by run.mjs, one JSON argument {dataDir, batchRows, warmup,
// seconds}). better-sqlite3 with the settings of Tributary's durable store
// (packages/server/src/storage/sqlite/database.ts): locking_mode=EXCLUSIVE, journal_mode=WAL,
// synchronous=NORMAL, and the WAL fdatasync'ed on libuv's thread pool after each COMMIT, one sync
// at a time covering every commit made meanwhile (sync=full). The table holds one row per history
// event (execution, event_id, event TEXT, PRIMARY KEY (execution, event_id), WITHOUT ROWID) — the
// plainest way to store a history, and SQLite's best case for rows of this size; the rows are the
// 22 history events of one run of the 10-state Pass chain (JSON.stringify of each event), under
// increasing execution numbers. A loop inserts
// `batchRows` rows per transaction (BEGIN IMMEDIATE … COMMIT, prepared statement), yielding to the
// event loop between transactions so the syncs complete. Counts rows committed inside the window;
// waits for the last sync at the end.
import Database from 'better-sqlite3';
import { closeSync, fdatasync, openSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as turn } from 'node:timers/promises';
import { Errors, phase, runChild } from './common.mjs';
import { CHAIN_INPUT, chainDefinition } from './sfn-interpreter.mjs';

async function historyRows() {
  const asl = await import(new URL('../packages/asl/dist/index.js', import.meta.url).href);
  const now = Date.now();
  const r = await asl.runExecution(asl.compileMachine(chainDefinition(10)), CHAIN_INPUT, {
    history: true,
    startTime: now,
    info: {
      executionArn: 'arn:aws:states:us-east-1:000000000000:execution:bench-standard:bench-0-0',
      stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:bench-standard',
      stateMachineName: 'bench-standard',
      name: 'bench-0-0',
      roleArn: 'arn:aws:iam::000000000000:role/tributary-bench',
    },
  });
  return r.events.map((e) => ({ id: e.id, event: JSON.stringify(e) }));
}

async function main(cfg) {
  const { dataDir, batchRows = 1000, warmup = 1, seconds = 3 } = cfg;
  const errors = new Errors();
  const rows = await historyRows();
  const path = join(dataDir, 'baseline.db');
  const db = new Database(path, { timeout: 0 });
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.exec('BEGIN EXCLUSIVE; COMMIT');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE history_rows (
    execution INTEGER NOT NULL,
    event_id INTEGER NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (execution, event_id)
  ) WITHOUT ROWID`);
  const insert = db.prepare('INSERT INTO history_rows (execution, event_id, event) VALUES (?, ?, ?)');
  const walFd = openSync(`${path}-wal`, 'r');

  // One fdatasync at a time, as database.ts does; commits made meanwhile wait for the next one.
  let syncing = false;
  let dirty = false;
  let syncs = 0;
  const startSync = () => {
    syncing = true;
    dirty = false;
    fdatasync(walFd, (err) => {
      syncing = false;
      syncs++;
      if (err) errors.add('fdatasync', err.message);
      if (dirty) startSync();
    });
  };

  let execution = 0;
  let cursor = 0;
  const batch = () => {
    db.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < batchRows; i++) {
      const row = rows[cursor];
      insert.run(execution, row.id, row.event);
      if (++cursor === rows.length) {
        cursor = 0;
        execution++;
      }
    }
    db.exec('COMMIT');
    dirty = true;
    if (!syncing) startSync();
  };

  const warmupEnd = performance.now() + warmup * 1000;
  while (performance.now() < warmupEnd) {
    batch();
    await turn();
  }
  const cpuStart = process.cpuUsage();
  phase('measure-start');
  const t0 = performance.now();
  const tEnd = t0 + seconds * 1000;
  let measuredRows = 0;
  let transactions = 0;
  let now = t0;
  while (now < tEnd) {
    batch();
    measuredRows += batchRows;
    transactions++;
    await turn();
    now = performance.now();
  }
  while (syncing || dirty) {
    if (!syncing && dirty) startSync();
    await new Promise((r) => setTimeout(r, 1));
  }
  const done = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  phase('measure-end');
  const windowSeconds = (done - t0) / 1000;
  const count = db.prepare('SELECT count(*) AS n FROM history_rows').get().n;
  if (count !== execution * rows.length + cursor) errors.add('consistency', `table holds ${count} rows, inserted ${execution * rows.length + cursor}`);
  db.close();
  closeSync(walFd);
  const meanRowBytes = rows.reduce((n, r) => n + Buffer.byteLength(r.event), 0) / rows.length;
  return {
    rows: measuredRows,
    transactions,
    syncs,
    batchRows,
    windowSeconds,
    rowsPerSecond: measuredRows / windowSeconds,
    meanRowBytes,
    clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
    ...errors.report(),
  };
}

runChild(main);
