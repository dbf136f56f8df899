import { DataSource, type EntityManager } from "typeorm";

export interface TransactionOutcome<T> {
  commit: boolean;
  value: T;
}

/**
 * Runs one import in one transaction, committed or rolled back as the work decides. `exclusive`
 * (an import that writes) runs it after every other exclusive import into the same database;
 * SQLite runs every import so, dry runs too, as it always has.
 *
 * MariaDB/MySQL: a pooled connection of its own, as any transaction. An exclusive import first
 * takes a named lock (GET_LOCK) for the database, held until it has committed or rolled back:
 * its key lookups lock the gaps where new keys go (SELECT … FOR UPDATE), and InnoDB's gap locks
 * do not exclude each other, so two imports inserting into the same gap at once would deadlock
 * on every batch, even with different keys (measured: four 3,000-row imports of distinct new
 * keys, two rounds in five failed after three attempts each).
 *
 * SQLite: TypeORM's better-sqlite3 driver sends every query of the process through ONE shared
 * connection, so a long import transaction there would swallow the statements of requests served
 * meanwhile (and roll them back with it, or commit a half of theirs). A file database therefore
 * gets a connection of its own for the import, opened with BEGIN IMMEDIATE (the write lock up
 * front: a deferred transaction that reads, then writes after another connection wrote, fails
 * with SQLITE_BUSY); other writers wait for it under the busy timeout. Imports into one database
 * queue behind each other in the process. An in-memory database cannot be opened twice: there
 * the import runs on the shared connection, queued the same way.
 */
export async function inImportTransaction<T>(
  db: DataSource,
  work: (manager: EntityManager) => Promise<TransactionOutcome<T>>,
  exclusive = true,
): Promise<T> {
  if (db.options.type !== "better-sqlite3") return onPooledConnection(db, work, exclusive);
  const path = String(db.options.database);
  return queued(db, path, () => (path === ":memory:" ? onPooledConnection(db, work, exclusive) : onOwnSqliteConnection(db, work)));
}

async function onPooledConnection<T>(
  db: DataSource,
  work: (manager: EntityManager) => Promise<TransactionOutcome<T>>,
  exclusive: boolean,
): Promise<T> {
  const runner = db.createQueryRunner();
  await runner.connect();
  const lock = exclusive && db.options.type === "mysql" ? importLockName(db) : null;
  try {
    if (lock) await takeImportLock(runner.query.bind(runner), lock);
    await runner.startTransaction();
    try {
      const outcome = await work(runner.manager);
      if (outcome.commit) await runner.commitTransaction();
      else await runner.rollbackTransaction();
      return outcome.value;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    // A connection that broke has released its named locks with it; the import's own error counts.
    if (lock) await runner.query("SELECT RELEASE_LOCK(?)", [lock]).catch(() => undefined);
    await runner.release();
  }
}

/** Seconds an import waits for the one before it; a 100,000-row import takes about 11 s on MariaDB. */
const IMPORT_LOCK_WAIT_SECONDS = 600;

/** One name per database on the server (names are server-wide and at most 64 characters). */
function importLockName(db: DataSource): string {
  return `cchc_import:${String(db.options.database)}`.slice(0, 64);
}

async function takeImportLock(query: (sql: string, parameters: unknown[]) => Promise<unknown>, name: string) {
  const rows = (await query("SELECT GET_LOCK(?, ?) AS taken", [name, IMPORT_LOCK_WAIT_SECONDS])) as { taken: unknown }[];
  if (Number(rows[0]?.taken) !== 1) {
    throw new Error(`Another import into this database has been running for ${IMPORT_LOCK_WAIT_SECONDS} s; try again when it has finished.`);
  }
}

async function onOwnSqliteConnection<T>(
  db: DataSource,
  work: (manager: EntityManager) => Promise<TransactionOutcome<T>>,
): Promise<T> {
  const own = new DataSource({ ...db.options, migrationsRun: false, synchronize: false } as typeof db.options);
  await own.initialize();
  const runner = own.createQueryRunner();
  try {
    await runner.query("BEGIN IMMEDIATE");
    let finished = false;
    try {
      const outcome = await work(runner.manager);
      await runner.query(outcome.commit ? "COMMIT" : "ROLLBACK");
      finished = true;
      return outcome.value;
    } finally {
      if (!finished) await runner.query("ROLLBACK");
    }
  } finally {
    await own.destroy();
  }
}

/** One import at a time per SQLite database in this process; the others wait their turn. */
const queues = new WeakMap<DataSource, Map<string, Promise<unknown>>>();

async function queued<T>(db: DataSource, key: string, task: () => Promise<T>): Promise<T> {
  const byKey = queues.get(db) ?? new Map<string, Promise<unknown>>();
  queues.set(db, byKey);
  const previous = byKey.get(key) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(task);
  byKey.set(key, current);
  try {
    return await current;
  } finally {
    if (byKey.get(key) === current) byKey.delete(key);
  }
}
