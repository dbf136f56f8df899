import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";
import type { DataSource } from "typeorm";

/** The part of better-sqlite3 (the driver TypeORM uses; it ships no types) the probe needs. */
interface SqliteConnection {
  exec(sql: string): void;
  close(): void;
}
type OpenSqlite = new (path: string, options: { fileMustExist: boolean; timeout: number }) => SqliteConnection;
const Database = createRequire(__filename)("better-sqlite3") as OpenSqlite;

/**
 * Whether a write could start now: /health's check that the write path is not stuck (a
 * transaction left holding the database's write lock, a pool with no connection to give).
 * Resolves with the milliseconds it took; rejects when it could not within `timeoutMs`.
 */
export async function probeWrites(db: DataSource, timeoutMs: number): Promise<number> {
  const started = Date.now();
  const path = String(db.options.database);
  if (db.options.type === "better-sqlite3" && path !== ":memory:") {
    await probeSqliteFile(path, started + timeoutMs);
  } else {
    await withTimeout(
      // MariaDB/MySQL: a pooled connection and a transaction on it, rolled back; an in-memory
      // SQLite has its one shared connection, the same one every write goes through.
      db.transaction(async (manager) => {
        await manager.query("SELECT 1");
      }),
      timeoutMs,
    );
  }
  return Date.now() - started;
}

/**
 * SQLite: a connection of its own takes the write lock (BEGIN IMMEDIATE) and rolls back, the
 * smallest write there is. It tries without a busy timeout and retries on a timer, so the probe
 * never blocks the event loop the way a busy wait inside better-sqlite3 would.
 */
async function probeSqliteFile(path: string, deadline: number): Promise<void> {
  const connection = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    for (;;) {
      try {
        connection.exec("BEGIN IMMEDIATE");
        connection.exec("ROLLBACK");
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw error;
        await sleep(25);
      }
    }
  } finally {
    connection.close();
  }
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no write could start within ${timeoutMs} ms`)), timeoutMs);
  });
  work.catch(() => undefined); // settles after the timeout too; its result no longer matters
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
