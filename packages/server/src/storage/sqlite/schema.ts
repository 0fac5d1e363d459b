import type { Migration } from './migrations.js';

export const sqliteMigrations: Migration[] = [
  {
    version: 1,
    name: 'sqs queues, messages, deduplication, receive attempts and move tasks',
    sql: `
      CREATE TABLE sqs_queues (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        attributes TEXT NOT NULL,
        tags TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        modified_at INTEGER NOT NULL,
        last_purge_at INTEGER,
        next_sequence INTEGER NOT NULL DEFAULT 1,
        UNIQUE (account, region, name)
      );
      CREATE TABLE sqs_deleted_queues (
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        deleted_at INTEGER NOT NULL,
        PRIMARY KEY (account, region, name)
      );
      CREATE TABLE sqs_messages (
        id INTEGER PRIMARY KEY,
        queue_id INTEGER NOT NULL REFERENCES sqs_queues (id) ON DELETE CASCADE,
        message_id TEXT NOT NULL,
        payload BLOB NOT NULL,
        md5_body TEXT NOT NULL,
        md5_attributes TEXT,
        md5_system_attributes TEXT,
        sender_id TEXT NOT NULL,
        sent_at INTEGER NOT NULL,
        -- When the message entered this queue (differs from sent_at after a DLQ move).
        enqueued_at INTEGER NOT NULL,
        -- What the retention period counts from: the original send, except after a move into
        -- a FIFO queue, which restarts it (as AWS does for FIFO dead-letter queues).
        retained_from INTEGER NOT NULL,
        visible_at INTEGER NOT NULL,
        receive_count INTEGER NOT NULL DEFAULT 0,
        first_receive_at INTEGER,
        group_id TEXT,
        deduplication_id TEXT,
        sequence_number TEXT,
        dead_letter_source_arn TEXT
      );
      CREATE INDEX sqs_messages_ready ON sqs_messages (queue_id, visible_at, id);
      CREATE INDEX sqs_messages_group ON sqs_messages (queue_id, group_id, id) WHERE group_id IS NOT NULL;
      CREATE INDEX sqs_messages_order ON sqs_messages (queue_id, id);
      CREATE TABLE sqs_fifo_dedup (
        queue_id INTEGER NOT NULL REFERENCES sqs_queues (id) ON DELETE CASCADE,
        dedup_key TEXT NOT NULL,
        message_id TEXT NOT NULL,
        sequence_number TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (queue_id, dedup_key)
      );
      CREATE TABLE sqs_receive_attempts (
        queue_id INTEGER NOT NULL REFERENCES sqs_queues (id) ON DELETE CASCADE,
        attempt_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        messages TEXT NOT NULL,
        PRIMARY KEY (queue_id, attempt_id)
      );
      CREATE TABLE sqs_move_tasks (
        id TEXT PRIMARY KEY,
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        source_arn TEXT NOT NULL,
        destination_arn TEXT,
        max_per_second INTEGER,
        status TEXT NOT NULL,
        moved INTEGER NOT NULL DEFAULT 0,
        to_move INTEGER NOT NULL,
        failure_reason TEXT,
        started_at INTEGER NOT NULL
      );
      CREATE INDEX sqs_move_tasks_source ON sqs_move_tasks (source_arn, started_at);
    `,
  },
  {
    version: 2,
    name: 'sns topics, subscriptions, deliveries, outbox and documents',
    sql: `
      CREATE TABLE sns_topics (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        attributes TEXT NOT NULL,
        tags TEXT NOT NULL,
        data_protection_policy TEXT,
        created_at INTEGER NOT NULL,
        next_sequence INTEGER NOT NULL DEFAULT 1,
        UNIQUE (account, region, name)
      );
      CREATE TABLE sns_subscriptions (
        arn TEXT PRIMARY KEY,
        topic_arn TEXT NOT NULL,
        owner TEXT NOT NULL,
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        protocol TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        attributes TEXT NOT NULL,
        pending INTEGER NOT NULL,
        authenticated INTEGER NOT NULL,
        token TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX sns_subscriptions_topic ON sns_subscriptions (topic_arn, arn);
      CREATE INDEX sns_subscriptions_account ON sns_subscriptions (account, region, arn);
      CREATE INDEX sns_subscriptions_token ON sns_subscriptions (token) WHERE token IS NOT NULL;
      CREATE TABLE sns_fifo_dedup (
        topic_id INTEGER NOT NULL REFERENCES sns_topics (id) ON DELETE CASCADE,
        dedup_key TEXT NOT NULL,
        message_id TEXT NOT NULL,
        sequence_number TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (topic_id, dedup_key)
      );
      CREATE TABLE sns_deliveries (
        id INTEGER PRIMARY KEY,
        subscription_arn TEXT NOT NULL,
        topic_arn TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        headers TEXT NOT NULL,
        body TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX sns_deliveries_due ON sns_deliveries (next_attempt_at, id);
      CREATE TABLE sns_outbox (
        id INTEGER PRIMARY KEY,
        created_at INTEGER NOT NULL,
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        protocol TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        topic_arn TEXT,
        subscription_arn TEXT,
        message_id TEXT NOT NULL,
        type TEXT NOT NULL,
        subject TEXT,
        message TEXT NOT NULL
      );
      CREATE TABLE sns_documents (
        kind TEXT NOT NULL,
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (kind, account, region, key)
      );
    `,
  },
  {
    version: 3,
    name: 'step functions state machines, revisions, executions, history, timers and tasks',
    sql: `
      CREATE TABLE sfn_state_machines (
        arn TEXT PRIMARY KEY,
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        tags TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        -- The current sfn_revisions row.
        revision INTEGER NOT NULL,
        UNIQUE (account, region, name)
      );
      -- A definition with its role and configuration as of one create or update; executions point
      -- at the revision they started with, so an update never changes a running execution.
      CREATE TABLE sfn_revisions (
        id INTEGER PRIMARY KEY,
        state_machine_arn TEXT NOT NULL,
        definition TEXT NOT NULL,
        role_arn TEXT NOT NULL,
        revision_id TEXT,
        logging TEXT NOT NULL,
        tracing TEXT NOT NULL,
        encryption TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX sfn_revisions_machine ON sfn_revisions (state_machine_arn);
      CREATE TABLE sfn_executions (
        seq INTEGER PRIMARY KEY,
        arn TEXT NOT NULL UNIQUE,
        state_machine_arn TEXT NOT NULL,
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        revision INTEGER NOT NULL,
        input TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        stopped_at INTEGER,
        output TEXT,
        error TEXT,
        cause TEXT,
        -- The interpreter's snapshot after the last applied step (JSON text).
        snapshot TEXT NOT NULL,
        redrive_count INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX sfn_executions_machine ON sfn_executions (state_machine_arn, seq);
      CREATE INDEX sfn_executions_machine_status ON sfn_executions (state_machine_arn, status, seq);
      CREATE INDEX sfn_executions_running ON sfn_executions (seq) WHERE status = 'RUNNING';
      -- History, timers and tasks hang off the execution's seq: an integer key keeps the rows small.
      -- One row per interpreter step: the events it wrote (ids first_event..last_event) as a JSON
      -- array. Rows, not events, are what SQLite pays for; an ordinary rowid table because the rows
      -- are large.
      CREATE TABLE sfn_history (
        execution INTEGER NOT NULL,
        first_event INTEGER NOT NULL,
        last_event INTEGER NOT NULL,
        events TEXT NOT NULL,
        PRIMARY KEY (execution, first_event)
      );
      CREATE TABLE sfn_timers (
        execution INTEGER NOT NULL,
        timer_id TEXT NOT NULL,
        fire_at INTEGER NOT NULL,
        PRIMARY KEY (execution, timer_id)
      ) WITHOUT ROWID;
      CREATE TABLE sfn_tasks (
        execution INTEGER NOT NULL,
        task_id TEXT NOT NULL,
        command TEXT NOT NULL,
        PRIMARY KEY (execution, task_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: 'sqs message receive time, for the 12-hour visibility limit',
    sql: `
      -- When the message was last received: ChangeMessageVisibility may not make it invisible for
      -- more than 12 hours from then. NULL for messages never received (and rows from before v4).
      ALTER TABLE sqs_messages ADD COLUMN received_at INTEGER;
    `,
  },
];
