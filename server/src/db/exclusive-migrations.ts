import type { DataSource } from "typeorm";
import { MigrationExecutor } from "typeorm";

/** Seconds a replica waits for another one's migrations before giving up with a clear error. */
const MIGRATION_LOCK_WAIT_SECONDS = 300;

/**
 * Runs the pending migrations so that any number of server processes may start together on one
 * database: one of them migrates, the others wait, then find nothing pending. Without this, two
 * replicas on an empty MariaDB database both created the same tables and one died on
 * "Duplicate key name".
 *
 * MariaDB/MySQL: a named lock (GET_LOCK) per database, held on a connection of its own while the
 * migrations run on the pool (DDL commits implicitly, so a transaction could not hold them).
 * SQLite: the whole run is one BEGIN IMMEDIATE transaction (SQLite's DDL is transactional), which
 * takes the file's write lock before reading the migrations table; a second process waits under
 * the busy timeout and then reads the finished history. A failing migration rolls back whole.
 */
export async function runMigrationsExclusively(db: DataSource): Promise<void> {
  if (db.options.type === "mysql") return underNamedLock(db);
  return inImmediateTransaction(db);
}

async function underNamedLock(db: DataSource): Promise<void> {
  const name = `cchc_migrate:${String(db.options.database)}`.slice(0, 64);
  const lockHolder = db.createQueryRunner();
  try {
    const rows = (await lockHolder.query("SELECT GET_LOCK(?, ?) AS taken", [name, MIGRATION_LOCK_WAIT_SECONDS])) as {
      taken: unknown;
    }[];
    if (Number(rows[0]?.taken) !== 1) {
      throw new Error(
        `Another server process has been migrating this database for ${MIGRATION_LOCK_WAIT_SECONDS} s; start again when it has finished.`,
      );
    }
    try {
      await db.runMigrations({ transaction: "each" });
    } finally {
      await lockHolder.query("SELECT RELEASE_LOCK(?)", [name]).catch(() => undefined);
    }
  } finally {
    await lockHolder.release();
  }
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
