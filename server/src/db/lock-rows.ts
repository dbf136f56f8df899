import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { isLockConflict } from "./lock-conflict-retry.js";

/**
 * Locks that every server process of one MariaDB/MySQL database shares, kept as rows of a table,
 * because the server's named locks (GET_LOCK) are not: on a Galera cluster GET_LOCK is local to
 * the node it runs on, and so are InnoDB's row locks. What Galera does replicate is writes, and it
 * certifies them at commit: of two transactions that wrote the same row on different nodes, the
 * second to commit fails with ER_LOCK_DEADLOCK (1213), and a transaction still running on a node
 * when a conflicting write arrives from another node is aborted the same way. So:
 *
 * - `takeImportTurn` (the imports' lock): inside the import's transaction, the `import` row is read
 *   with SELECT … FOR UPDATE and then updated, so the lock row is in the transaction's write set.
 *   On one server (or one node) the next import waits on the row lock until the first has
 *   committed; on two nodes both run, the first commit wins, and the other fails with 1213 and is
 *   run again from the start (import-run.ts, retryOnLockConflict): imports serialise either way.
 * - `underLease` (the migrations' lock): DDL commits implicitly, so no transaction can hold a lock
 *   across migrations. The `migrate` row is a lease instead, taken by a compare-and-set UPDATE in
 *   its own transaction (two nodes taking it at once: one commit fails certification, or updates
 *   no row), renewed while held, released at the end, and taken over when a dead holder let it
 *   expire.
 *
 * The table is not part of the migrations: the migrations' own lock lives in it. It is created,
 * with its rows, before any migration runs (CREATE TABLE IF NOT EXISTS: DDL that Galera runs on
 * every node in the same order, so two processes starting together both succeed).
 */
export const LOCK_TABLE = "cchc_locks";

/** Seconds a migration lease lasts without renewal (a holder renews it every third of that). */
const LEASE_SECONDS = 30;

export async function ensureLockRows(db: DataSource): Promise<void> {
  await retryConflicts(() =>
    db.query(
      `CREATE TABLE IF NOT EXISTS \`${LOCK_TABLE}\` (
        name VARCHAR(64) NOT NULL PRIMARY KEY,
        holder VARCHAR(64) NULL,
        expiresAt DATETIME(3) NULL,
        turns BIGINT UNSIGNED NOT NULL DEFAULT 0
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    ),
  );
  await retryConflicts(() => db.query(`INSERT IGNORE INTO \`${LOCK_TABLE}\` (name) VALUES ('migrate'), ('import')`));
}

/**
 * The imports' turn, taken as the first statement of the import's transaction (see above). Waits,
 * on the same node, up to `waitSeconds` for the import before it (the session's lock wait timeout
 * is raised for this one statement and put back).
 */
export async function takeImportTurn(manager: EntityManager, waitSeconds: number): Promise<void> {
  await manager.query("SET SESSION innodb_lock_wait_timeout = ?", [waitSeconds]);
  try {
    await manager.query(`SELECT turns FROM \`${LOCK_TABLE}\` WHERE name = 'import' FOR UPDATE`);
  } finally {
    await manager.query("SET SESSION innodb_lock_wait_timeout = DEFAULT");
  }
  await manager.query(`UPDATE \`${LOCK_TABLE}\` SET turns = turns + 1 WHERE name = 'import'`);
}

/**
 * Runs `work` while holding the lease `name` (a row of the lock table), waiting up to `waitMs` for
 * another holder (polled every 100 ms, doubling to 1 s). Safe on a Galera cluster (see above).
 */
export async function underLease<T>(db: DataSource, name: string, waitMs: number, work: () => Promise<T>): Promise<T> {
  const holder = randomUUID();
  const deadline = Date.now() + waitMs;
  for (let pause = 100; ; pause = Math.min(2 * pause, 1000)) {
    const result = await retryConflicts(() =>
      db.query(
        `UPDATE \`${LOCK_TABLE}\` SET holder = ?, expiresAt = NOW(3) + INTERVAL ? SECOND
         WHERE name = ? AND (holder IS NULL OR expiresAt < NOW(3))`,
        [holder, LEASE_SECONDS, name],
      ),
    );
    if (affectedRows(result) === 1) break;
    if (Date.now() > deadline) throw new LeaseTimeout(name, waitMs);
    await new Promise((resolve) => setTimeout(resolve, pause * (0.75 + Math.random() / 2)));
  }
  const renew = setInterval(() => {
    db.query(`UPDATE \`${LOCK_TABLE}\` SET expiresAt = NOW(3) + INTERVAL ? SECOND WHERE name = ? AND holder = ?`, [
      LEASE_SECONDS,
      name,
      holder,
    ]).catch(() => undefined);
  }, (LEASE_SECONDS * 1000) / 3);
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await retryConflicts(() =>
      db.query(`UPDATE \`${LOCK_TABLE}\` SET holder = NULL, expiresAt = NULL WHERE name = ? AND holder = ?`, [name, holder]),
    ).catch(() => undefined);
  }
}

export class LeaseTimeout extends Error {
  constructor(name: string, waitMs: number) {
    super(`Another server process has held the "${name}" lock of this database for ${Math.round(waitMs / 1000)} s; start again when it has finished.`);
  }
}

function affectedRows(result: unknown): number {
  const r = result as { affectedRows?: unknown } | [unknown, number] | null;
  if (Array.isArray(r)) return Number(r[1]);
  return Number(r?.affectedRows ?? 0);
}

/** Short statements that lost a certification (or lock) race run again, up to 10 times. */
async function retryConflicts<T>(statement: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await statement();
    } catch (error) {
      if (attempt >= 10 || !isLockConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * (10 + Math.random() * 40)));
    }
  }
}
