import type { DataSource } from "typeorm";
import { MigrationExecutor } from "typeorm";
import { ensureLockRows, underLease } from "./lock-rows.js";

/** Seconds a replica waits for another one's migrations before giving up with a clear error. */
const MIGRATION_LOCK_WAIT_SECONDS = 300;

/**
 * Runs the pending migrations so that any number of server processes may start together on one
 * database: one of them migrates, the others wait, then find nothing pending. Without this, two
 * replicas on an empty MariaDB database both created the same tables and one died on
 * "Duplicate key name".
 *
 * MariaDB/MySQL: a lease row of the lock table (db/lock-rows.ts), because a named lock (GET_LOCK)
 * is not seen by the other nodes of a Galera cluster (measured: two replicas on two nodes, one
 * died on "Duplicate key name" again). The migrations run on one connection of their own while the
 * lease is held (DDL commits implicitly, so a transaction could not hold them); on a Galera node
 * that connection first waits until the node has applied every write the cluster committed
 * (wsrep_sync_wait), so it reads the migration history the previous holder left.
 * SQLite: the whole run is one BEGIN IMMEDIATE transaction (SQLite's DDL is transactional), which
 * takes the file's write lock before reading the migrations table; a second process waits under
 * the busy timeout and then reads the finished history. A failing migration rolls back whole.
 */
export async function runMigrationsExclusively(db: DataSource): Promise<void> {
  if (db.options.type === "mysql") return underMigrationLease(db);
  return inImmediateTransaction(db);
}

async function underMigrationLease(db: DataSource): Promise<void> {
  await ensureLockRows(db);
  await underLease(db, "migrate", MIGRATION_LOCK_WAIT_SECONDS * 1000, async () => {
    const runner = db.createQueryRunner();
    try {
      // Causal reads on a Galera node (a plain MariaDB knows the variable and ignores it; MySQL has none).
      await runner.query("SET SESSION wsrep_sync_wait = @@wsrep_sync_wait | 1").catch(() => undefined);
      const executor = new MigrationExecutor(db, runner);
      executor.transaction = "each";
      await executor.executePendingMigrations();
    } finally {
      await runner.release();
    }
  });
}

async function inImmediateTransaction(db: DataSource): Promise<void> {
  const runner = db.createQueryRunner();
  try {
    await runner.query("BEGIN IMMEDIATE");
    let finished = false;
    try {
      const executor = new MigrationExecutor(db, runner);
      // Our transaction holds them all; the executor must not open one of its own inside it.
      executor.transaction = "none";
      await executor.executePendingMigrations();
      await runner.query("COMMIT");
      finished = true;
    } finally {
      if (!finished) await runner.query("ROLLBACK").catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}
