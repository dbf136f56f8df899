import { DataSource, type EntityManager } from "typeorm";
import { isGalera, withoutCausalWaits } from "../db/galera.js";
import { takeImportTurn } from "../db/lock-rows.js";
import { sqliteWriteGate, WriteGate } from "../db/write-gate.js";

export interface TransactionOutcome<T> {
  commit: boolean;
  value: T;
}

/**
 * Runs one import in one transaction, committed or rolled back as the work decides. `exclusive`
 * (an import that writes) runs it after every other exclusive import into the same database.
 *
 * MariaDB/MySQL: a pooled connection of its own, as any transaction. An exclusive import first
 * takes the imports' turn for the database, held until it has committed or rolled back: its key
 * lookups lock the gaps where new keys go (SELECT … FOR UPDATE), and InnoDB's gap locks do not
 * exclude each other, so two imports inserting into the same gap at once would deadlock on every
 * batch, even with different keys (measured: four 3,000-row imports of distinct new keys, two
 * rounds in five failed after three attempts each). The turn is a lock row (db/lock-rows.ts) read
 * FOR UPDATE and updated as the transaction's first statements, not a named lock (GET_LOCK): a
 * named lock is local to one node of a Galera cluster, a row write is certified cluster-wide.
 * Imports on one node (or a plain server) wait for each other on the row lock; imports on two
 * Galera nodes both run, and the one committing second fails certification (ER_LOCK_DEADLOCK) and
 * runs again from the start (import-run.ts). Waiting never holds more than one pooled connection
 * of a process: its imports queue in memory first (ten imports waiting on a pool of ten once kept
 * /health waiting 14 s); that queue is this process's own, nothing another replica needs.
 *
 * SQLite: TypeORM's better-sqlite3 driver sends every query of the process through ONE shared
 * connection, so a long import transaction there would swallow the statements of requests served
 * meanwhile. A file database therefore gets a connection of its own for the import. An import
 * that writes takes the database's write turn first (db/write-gate.ts: the API's mutations take
 * it too, so they wait for the import without blocking the event loop, and then succeed), then
 * BEGIN IMMEDIATE (the write lock up front, against other processes); a dry run only reads, in a
 * snapshot transaction of its own beside every writer. An in-memory database cannot be opened
 * twice: there every import runs on the shared connection, in the write turn.
 *
 * `writeTurnHeld`: the request already holds the SQLite write turn (a mutation operation that
 * imports and does something else), so the import must not wait for it again.
 */
export async function inImportTransaction<T>(
  db: DataSource,
  work: (manager: EntityManager) => Promise<TransactionOutcome<T>>,
  exclusive = true,
  writeTurnHeld = false,
): Promise<T> {
  if (db.options.type !== "better-sqlite3") {
    return exclusive ? importTurn(db).run(() => onPooledConnection(db, work, true)) : onPooledConnection(db, work, false);
  }
  const inMemory = String(db.options.database) === ":memory:";
  if (!inMemory && !exclusive) return onOwnSqliteConnection(db, work, "BEGIN");
  const run = () => (inMemory ? onPooledConnection(db, work, exclusive) : onOwnSqliteConnection(db, work, "BEGIN IMMEDIATE"));
  const gate = sqliteWriteGate(db);
  return writeTurnHeld || !gate ? run() : gate.run(run);
}

/** Exclusive imports of this process into one MariaDB database, one after another, waiting in memory. */
const importTurns = new WeakMap<DataSource, WriteGate>();

function importTurn(db: DataSource): WriteGate {
  let turn = importTurns.get(db);
  if (!turn) {
    turn = new WriteGate();
    importTurns.set(db, turn);
  }
  return turn;
}

async function onPooledConnection<T>(
  db: DataSource,
  work: (manager: EntityManager) => Promise<TransactionOutcome<T>>,
  exclusive: boolean,
): Promise<T> {
  const galera = await isGalera(db);
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      const outcome = await withoutCausalWaits(runner.manager, galera, async () => {
        if (exclusive && db.options.type === "mysql") await takeTurn(runner.manager);
        return work(runner.manager);
      });
      if (outcome.commit) await runner.commitTransaction();
      else await runner.rollbackTransaction();
      return outcome.value;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}

/** Seconds an import waits for the one before it; a 100,000-row import takes about 11 s on MariaDB. */
const IMPORT_LOCK_WAIT_SECONDS = 600;

async function takeTurn(manager: EntityManager): Promise<void> {
  try {
    await takeImportTurn(manager, IMPORT_LOCK_WAIT_SECONDS);
  } catch (error) {
    const e = error as { code?: string; driverError?: { code?: string } };
    if ((e.driverError?.code ?? e.code) !== "ER_LOCK_WAIT_TIMEOUT") throw error;
    // Not a race to run again: the import before this one is still running.
    throw new Error(`Another import into this database has been running for ${IMPORT_LOCK_WAIT_SECONDS} s; try again when it has finished.`);
  }
}

async function onOwnSqliteConnection<T>(
  db: DataSource,
  work: (manager: EntityManager) => Promise<TransactionOutcome<T>>,
  begin: "BEGIN" | "BEGIN IMMEDIATE",
): Promise<T> {
  const own = new DataSource({ ...db.options, migrationsRun: false, synchronize: false } as typeof db.options);
  await own.initialize();
  const runner = own.createQueryRunner();
  try {
    await runner.query(begin);
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
