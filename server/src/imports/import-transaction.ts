import { DataSource, type EntityManager } from "typeorm";

export interface TransactionOutcome<T> {
  commit: boolean;
  value: T;
}

/**
 * Runs one import in one transaction, committed or rolled back as the work decides.
 *
 * MariaDB/MySQL: a pooled connection of its own, as any transaction.
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
): Promise<T> {
  if (db.options.type !== "better-sqlite3") return onPooledConnection(db, work);
  const path = String(db.options.database);
  return queued(db, path, () => (path === ":memory:" ? onPooledConnection(db, work) : onOwnSqliteConnection(db, work)));
}

async function onPooledConnection<T>(
  db: DataSource,
  work: (manager: EntityManager) => Promise<TransactionOutcome<T>>,
): Promise<T> {
  const runner = db.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const outcome = await work(runner.manager);
    if (outcome.commit) await runner.commitTransaction();
    else await runner.rollbackTransaction();
    return outcome.value;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
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
