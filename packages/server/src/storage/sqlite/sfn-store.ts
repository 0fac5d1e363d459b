// Step Functions in SQLite: state machines with their revisions, executions with their history,
// and the durable timers and tasks of running executions. One interpreter step is one write (one
// savepoint in the turn's group commit), so a step is on disk whole or not at all.
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database.js';
import type {
  ExecutionRecord,
  NewExecution,
  NewRevision,
  NewStateMachine,
  SfnExecutionStatus,
  SfnStepWrite,
  SfnStore,
  SfnStoredEvent,
  SfnTag,
  SfnTaskRecord,
  SfnTimerRecord,
  StateMachineRecord,
  StateMachineRevision,
} from '../ports.js';

interface MachineRow {
  arn: string;
  account: string;
  region: string;
  name: string;
  type: string;
  status: string;
  tags: string;
  created_at: number;
  revision: number;
}

interface RevisionRow {
  id: number;
  state_machine_arn: string;
  definition: string;
  role_arn: string;
  revision_id: string | null;
  logging: string;
  tracing: string;
  encryption: string;
  created_at: number;
}

interface ExecutionRow {
  seq: number;
  arn: string;
  state_machine_arn: string;
  account: string;
  region: string;
  name: string;
  revision: number;
  input: string;
  status: string;
  started_at: number;
  stopped_at: number | null;
  output: string | null;
  error: string | null;
  cause: string | null;
  snapshot: string;
  redrive_count: number;
}

/** Entries kept in each of the state machine and revision caches. */
const CACHE_LIMIT = 10_000;

const toRevision = (r: RevisionRow): StateMachineRevision => ({
  id: r.id,
  stateMachineArn: r.state_machine_arn,
  definition: r.definition,
  roleArn: r.role_arn,
  revisionId: r.revision_id,
  loggingConfiguration: JSON.parse(r.logging) as Record<string, unknown>,
  tracingConfiguration: JSON.parse(r.tracing) as Record<string, unknown>,
  encryptionConfiguration: JSON.parse(r.encryption) as Record<string, unknown>,
  createdAt: r.created_at,
});

const toExecution = (r: ExecutionRow): ExecutionRecord => ({
  seq: r.seq,
  arn: r.arn,
  stateMachineArn: r.state_machine_arn,
  account: r.account,
  region: r.region,
  name: r.name,
  revision: r.revision,
  input: r.input,
  status: r.status as SfnExecutionStatus,
  startedAt: r.started_at,
  stoppedAt: r.stopped_at,
  output: r.output,
  error: r.error,
  cause: r.cause,
  snapshot: r.snapshot,
  redriveCount: r.redrive_count,
});

export class SqliteSfnStore implements SfnStore {
  private readonly s: Record<string, Statement>;

  constructor(private readonly database: SqliteDatabase) {
    const prepare = (sql: string): Statement => database.db.prepare(sql);
    this.s = {
      machineByName: prepare(
        'SELECT * FROM sfn_state_machines WHERE account = ? AND region = ? AND name = ?',
      ),
      machineByArn: prepare('SELECT * FROM sfn_state_machines WHERE arn = ?'),
      listMachines: prepare(
        'SELECT * FROM sfn_state_machines WHERE account = ? AND region = ? AND name > ? ORDER BY name LIMIT ?',
      ),
      insertMachine:
        prepare(`INSERT INTO sfn_state_machines (arn, account, region, name, type, status, tags, created_at, revision)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      setMachineRevision: prepare('UPDATE sfn_state_machines SET revision = ? WHERE arn = ?'),
      setMachineTags: prepare('UPDATE sfn_state_machines SET tags = ? WHERE arn = ?'),
      setMachineStatus: prepare('UPDATE sfn_state_machines SET status = ? WHERE arn = ?'),
      deleteMachine: prepare('DELETE FROM sfn_state_machines WHERE arn = ?'),
      deleteUnusedRevisions: prepare(`DELETE FROM sfn_revisions WHERE state_machine_arn = ?
        AND id NOT IN (SELECT revision FROM sfn_executions WHERE state_machine_arn = ?)`),
      insertRevision:
        prepare(`INSERT INTO sfn_revisions (state_machine_arn, definition, role_arn, revision_id, logging, tracing, encryption,
        created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      revision: prepare('SELECT * FROM sfn_revisions WHERE id = ?'),
      executionByArn: prepare('SELECT * FROM sfn_executions WHERE arn = ?'),
      executionSeq: prepare('SELECT seq FROM sfn_executions WHERE arn = ?'),
      insertExecution:
        prepare(`INSERT INTO sfn_executions (arn, state_machine_arn, account, region, name, revision, input, status,
        started_at, stopped_at, output, error, cause, snapshot, redrive_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      updateExecution:
        prepare(`UPDATE sfn_executions SET snapshot = ?, status = ?, stopped_at = ?, output = ?, error = ?, cause = ?
        WHERE seq = ?`),
      listExecutions: prepare(
        'SELECT * FROM sfn_executions WHERE state_machine_arn = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      ),
      listExecutionsByStatus:
        prepare(`SELECT * FROM sfn_executions WHERE state_machine_arn = ? AND status = ? AND seq < ?
        ORDER BY seq DESC LIMIT ?`),
      countRunning: prepare(
        `SELECT count(*) AS n FROM sfn_executions WHERE state_machine_arn = ? AND status = 'RUNNING'`,
      ),
      running: prepare(`SELECT * FROM sfn_executions WHERE status = 'RUNNING' ORDER BY seq`),
      lastEvent: prepare('SELECT last_event FROM sfn_history WHERE execution = ? ORDER BY first_event DESC LIMIT 1'),
      insertEvents: prepare('INSERT INTO sfn_history (execution, first_event, last_event, events) VALUES (?, ?, ?, ?)'),
      historyForward: prepare(
        'SELECT events FROM sfn_history WHERE execution = ? AND last_event > ? ORDER BY first_event LIMIT ?',
      ),
      historyBackward: prepare(
        'SELECT events FROM sfn_history WHERE execution = ? AND first_event < ? ORDER BY first_event DESC LIMIT ?',
      ),
      insertTimer: prepare(`INSERT INTO sfn_timers (execution, timer_id, fire_at) VALUES (?, ?, ?)
        ON CONFLICT (execution, timer_id) DO UPDATE SET fire_at = excluded.fire_at`),
      deleteTimer: prepare('DELETE FROM sfn_timers WHERE execution = ? AND timer_id = ?'),
      deleteTimers: prepare('DELETE FROM sfn_timers WHERE execution = ?'),
      timersOf: prepare(
        'SELECT timer_id, fire_at FROM sfn_timers WHERE execution = ? ORDER BY fire_at, timer_id',
      ),
      insertTask: prepare(`INSERT INTO sfn_tasks (execution, task_id, command) VALUES (?, ?, ?)
        ON CONFLICT (execution, task_id) DO UPDATE SET command = excluded.command`),
      deleteTask: prepare('DELETE FROM sfn_tasks WHERE execution = ? AND task_id = ?'),
      deleteTasks: prepare('DELETE FROM sfn_tasks WHERE execution = ?'),
      tasksOf: prepare(
        'SELECT task_id, command FROM sfn_tasks WHERE execution = ? ORDER BY task_id',
      ),
    };
  }

  // State machines and revisions are read on every start (Express ones thousands of times a
  // second); revisions never change, and a machine's entry is dropped by every write to it.
  private readonly machineCache = new Map<string, StateMachineRecord>();
  private readonly revisionCache = new Map<number, StateMachineRevision>();

  private remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as K);
    cache.set(key, value);
    return value;
  }

  private st(name: string): Statement {
    return this.s[name]!;
  }

  private machine(row: MachineRow): StateMachineRecord {
    const revision = this.st('revision').get(row.revision) as RevisionRow | undefined;
    if (!revision)
      throw new Error(`state machine ${row.arn} refers to a missing revision ${row.revision}`);
    return {
      arn: row.arn,
      account: row.account,
      region: row.region,
      name: row.name,
      type: row.type as StateMachineRecord['type'],
      status: row.status as StateMachineRecord['status'],
      tags: JSON.parse(row.tags) as SfnTag[],
      createdAt: row.created_at,
      revision: toRevision(revision),
    };
  }

  private insertRevision(arn: string, r: NewRevision): number {
    const info = this.st('insertRevision').run(
      arn,
      r.definition,
      r.roleArn,
      r.revisionId,
      JSON.stringify(r.loggingConfiguration),
      JSON.stringify(r.tracingConfiguration),
      JSON.stringify(r.encryptionConfiguration),
      r.createdAt,
    );
    return Number(info.lastInsertRowid);
  }

  createStateMachine(
    m: NewStateMachine,
  ): Promise<{ created: boolean; machine: StateMachineRecord }> {
    return this.database.write(() => {
      const existing = this.st('machineByName').get(m.account, m.region, m.name) as
        MachineRow | undefined;
      if (existing) return { created: false, machine: this.machine(existing) };
      const revision = this.insertRevision(m.arn, m.revision);
      this.st('insertMachine').run(
        m.arn,
        m.account,
        m.region,
        m.name,
        m.type,
        m.status,
        JSON.stringify(m.tags),
        m.createdAt,
        revision,
      );
      return {
        created: true,
        machine: this.machine(this.st('machineByArn').get(m.arn) as MachineRow),
      };
    });
  }

  getStateMachine(arn: string): Promise<StateMachineRecord | undefined> {
    const cached = this.machineCache.get(arn);
    if (cached) return Promise.resolve(cached);
    const row = this.st('machineByArn').get(arn) as MachineRow | undefined;
    return Promise.resolve(row ? this.remember(this.machineCache, arn, this.machine(row)) : undefined);
  }

  listStateMachines(
    account: string,
    region: string,
    after: string | undefined,
    limit: number,
  ): Promise<StateMachineRecord[]> {
    const rows = this.st('listMachines').all(account, region, after ?? '', limit) as MachineRow[];
    return Promise.resolve(rows.map((r) => this.machine(r)));
  }

  reviseStateMachine(arn: string, revision: NewRevision): Promise<StateMachineRecord> {
    return this.database.write(() => {
      this.machineCache.delete(arn);
      const id = this.insertRevision(arn, revision);
      const info = this.st('setMachineRevision').run(id, arn);
      if (info.changes !== 1) throw new Error(`no state machine ${arn}`);
      return this.machine(this.st('machineByArn').get(arn) as MachineRow);
    });
  }

  setStateMachineTags(arn: string, tags: SfnTag[]): Promise<void> {
    return this.database.write(() => {
      this.machineCache.delete(arn);
      this.st('setMachineTags').run(JSON.stringify(tags), arn);
    });
  }

  setStateMachineStatus(arn: string, status: StateMachineRecord['status']): Promise<void> {
    return this.database.write(() => {
      this.machineCache.delete(arn);
      this.st('setMachineStatus').run(status, arn);
    });
  }

  deleteStateMachine(arn: string): Promise<void> {
    return this.database.write(() => {
      this.machineCache.delete(arn);
      // Revision ids of deleted rows may be handed out again.
      this.revisionCache.clear();
      this.st('deleteMachine').run(arn);
      this.st('deleteUnusedRevisions').run(arn, arn);
    });
  }

  getRevision(id: number): Promise<StateMachineRevision | undefined> {
    const cached = this.revisionCache.get(id);
    if (cached) return Promise.resolve(cached);
    const row = this.st('revision').get(id) as RevisionRow | undefined;
    return Promise.resolve(row ? this.remember(this.revisionCache, id, toRevision(row)) : undefined);
  }

  createExecution(
    e: NewExecution,
    first: SfnStepWrite,
  ): Promise<{ created: boolean; execution: ExecutionRecord }> {
    return this.database.write(() => {
      const existing = this.st('executionByArn').get(e.arn) as ExecutionRow | undefined;
      if (existing) return { created: false, execution: toExecution(existing) };
      // The row goes in as the first step leaves it: one INSERT, no UPDATE, no read back.
      const execution: Omit<ExecutionRecord, 'seq'> = {
        ...e,
        snapshot: first.snapshot,
        status: first.status,
        stoppedAt: first.stoppedAt,
        output: first.output,
        error: first.error,
        cause: first.cause,
      };
      const info = this.st('insertExecution').run(
        execution.arn,
        execution.stateMachineArn,
        execution.account,
        execution.region,
        execution.name,
        execution.revision,
        execution.input,
        execution.status,
        execution.startedAt,
        execution.stoppedAt,
        execution.output,
        execution.error,
        execution.cause,
        execution.snapshot,
        execution.redriveCount,
      );
      const seq = Number(info.lastInsertRowid);
      this.writeStep(seq, first, false);
      return { created: true, execution: { seq, ...execution } };
    });
  }

  getExecution(arn: string): Promise<ExecutionRecord | undefined> {
    const row = this.st('executionByArn').get(arn) as ExecutionRow | undefined;
    return Promise.resolve(row ? toExecution(row) : undefined);
  }

  listExecutions(
    stateMachineArn: string,
    status: SfnExecutionStatus | undefined,
    before: number | undefined,
    limit: number,
  ): Promise<ExecutionRecord[]> {
    const bound = before ?? Number.MAX_SAFE_INTEGER;
    const rows = (
      status === undefined
        ? this.st('listExecutions').all(stateMachineArn, bound, limit)
        : this.st('listExecutionsByStatus').all(stateMachineArn, status, bound, limit)
    ) as ExecutionRow[];
    return Promise.resolve(rows.map(toExecution));
  }

  countRunningExecutions(stateMachineArn: string): Promise<number> {
    return Promise.resolve((this.st('countRunning').get(stateMachineArn) as { n: number }).n);
  }

  applyStep(executionArn: string, step: SfnStepWrite): Promise<void> {
    return this.database.write(() => {
      const row = this.st('executionSeq').get(executionArn) as { seq: number } | undefined;
      if (!row) throw new Error(`no execution ${executionArn}`);
      // History only grows: a step that would write an event id already recorded is refused whole.
      const last = this.st('lastEvent').get(row.seq) as { last_event: number } | undefined;
      if (step.events && last && step.events.first <= last.last_event) {
        throw new Error(`execution ${executionArn} already has event ${step.events.first}`);
      }
      this.writeStep(row.seq, step);
    });
  }

  private writeStep(seq: number, step: SfnStepWrite, update = true): void {
    if (step.events) this.st('insertEvents').run(seq, step.events.first, step.events.last, step.events.json);
    if (update) {
      this.st('updateExecution').run(
        step.snapshot,
        step.status,
        step.stoppedAt,
        step.output,
        step.error,
        step.cause,
        seq,
      );
    }
    if (step.status !== 'RUNNING') {
      this.st('deleteTimers').run(seq);
      this.st('deleteTasks').run(seq);
      return;
    }
    for (const id of step.removeTimers) this.st('deleteTimer').run(seq, id);
    for (const t of step.addTimers) this.st('insertTimer').run(seq, t.timerId, t.fireAt);
    for (const id of step.removeTasks) this.st('deleteTask').run(seq, id);
    for (const t of step.addTasks) this.st('insertTask').run(seq, t.taskId, t.command);
  }

  getHistory(
    executionArn: string,
    options: { after: number; reverse: boolean; limit: number },
  ): Promise<SfnStoredEvent[]> {
    const row = this.st('executionSeq').get(executionArn) as { seq: number } | undefined;
    if (!row) return Promise.resolve([]);
    // Each row holds at least one event, so `limit` rows always hold enough.
    const rows = (options.reverse ? this.st('historyBackward') : this.st('historyForward')).all(
      row.seq,
      options.after,
      options.limit,
    ) as Array<{ events: string }>;
    const out: SfnStoredEvent[] = [];
    for (const r of rows) {
      const batch = JSON.parse(r.events) as Array<SfnStoredEvent['event'] & { id: number }>;
      if (options.reverse) batch.reverse();
      for (const event of batch) {
        if (out.length >= options.limit) break;
        if (options.reverse ? event.id < options.after : event.id > options.after) out.push({ id: event.id, event });
      }
      if (out.length >= options.limit) break;
    }
    return Promise.resolve(out);
  }

  runningExecutions(): Promise<ExecutionRecord[]> {
    return Promise.resolve((this.st('running').all() as ExecutionRow[]).map(toExecution));
  }

  timersOf(executionArn: string): Promise<SfnTimerRecord[]> {
    const row = this.st('executionSeq').get(executionArn) as { seq: number } | undefined;
    if (!row) return Promise.resolve([]);
    const rows = this.st('timersOf').all(row.seq) as Array<{ timer_id: string; fire_at: number }>;
    return Promise.resolve(
      rows.map((r) => ({ executionArn, timerId: r.timer_id, fireAt: r.fire_at })),
    );
  }

  tasksOf(executionArn: string): Promise<SfnTaskRecord[]> {
    const row = this.st('executionSeq').get(executionArn) as { seq: number } | undefined;
    if (!row) return Promise.resolve([]);
    const rows = this.st('tasksOf').all(row.seq) as Array<{ task_id: string; command: string }>;
    return Promise.resolve(
      rows.map((r) => ({ executionArn, taskId: r.task_id, command: r.command })),
    );
  }
}
