import "reflect-metadata";
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, linkSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import type { DatabaseConfig } from "../config.js";
import { openDatabase } from "./data-source.js";

/** The part of better-sqlite3 (the driver TypeORM already uses; it ships no types) this file needs. */
interface SqliteFile {
  backup(destination: string): Promise<{ totalPages: number }>;
  pragma(source: string, options: { simple: true }): unknown;
  prepare(sql: string): { get(): unknown };
  close(): void;
}
const Database = createRequire(__filename)("better-sqlite3") as new (
  path: string,
  options: { readonly: boolean; fileMustExist: boolean },
) => SqliteFile;

export class BackupError extends Error {}

/**
 * A consistent copy of the database while the server runs. SQLite: the online backup API of
 * better-sqlite3 (a page-by-page copy that starts over when another connection writes meanwhile,
 * so the file is the database at one moment). MariaDB/MySQL: `mariadb-dump --single-transaction`
 * (one consistent InnoDB snapshot, no table locks).
 */
export async function backupDatabase(config: DatabaseConfig, target: string): Promise<string> {
  if (existsSync(target)) throw new BackupError(`${target} exists already; name a new file.`);
  if (config.type === "sqlite") {
    if (config.path === ":memory:") throw new BackupError("An in-memory database has nothing to back up.");
    if (!existsSync(config.path)) throw new BackupError(`${config.path}: no such database file.`);
  }
  // Written beside the target under a name of its own and linked into place only when complete, so a
  // backup that fails or is killed half-way never leaves a file that looks like a backup.
  const partial = `${target}.partial-${process.pid}`;
  try {
    const message = await backupTo(config, partial, target);
    try {
      linkSync(partial, target); // fails (EEXIST) rather than overwrite a file made meanwhile
    } catch (error) {
      throw new BackupError(`${target} could not be written: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    }
    return message;
  } finally {
    rmSync(partial, { force: true });
  }
}

async function backupTo(config: DatabaseConfig, file: string, target: string): Promise<string> {
  if (config.type === "sqlite") {
    const source = new Database(config.path, { readonly: true, fileMustExist: true });
    try {
      const { totalPages } = await source.backup(file);
      return `Backed up ${config.path} to ${target} (${totalPages} pages), consistent as of one moment.`;
    } finally {
      source.close();
    }
  }
  const args = ["--single-transaction", "--routines", "--triggers", "--hex-blob", "--default-character-set=utf8mb4", ...mysqlArgs(config)];
  await runClient("mariadb-dump", args, config, { stdout: file });
  return `Dumped MariaDB database ${config.database} to ${target} (mariadb-dump --single-transaction).`;
}

/** Restores a backup into an EMPTY database (refuses one with any table), then brings its migrations up to date. */
export async function restoreDatabase(config: DatabaseConfig, backup: string): Promise<string> {
  if (!existsSync(backup)) throw new BackupError(`${backup}: no such backup file.`);
  if (config.type === "sqlite") {
    if (config.path === ":memory:") throw new BackupError("Restore into a database file: DATABASE_URL=sqlite:<path>.");
    if (existsSync(config.path) && sqliteTables(config.path) > 0) {
      throw new BackupError(`${config.path} is not empty; restore only into a new or empty database.`);
    }
    const source = new Database(backup, { readonly: true, fileMustExist: true });
    try {
      const check = source.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new BackupError(`${backup} is damaged (integrity_check: ${String(check)}).`);
      const hasHistory = source.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get() as { n: number };
      if (hasHistory.n !== 1) throw new BackupError(`${backup} is not a CCHC Tracker database (no migrations table).`);
      await source.backup(config.path);
    } finally {
      source.close();
    }
  } else {
    const rows = await queryMysql(config, `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ?`, [config.database]);
    if (Number(rows[0]?.n) > 0) throw new BackupError(`MariaDB database ${config.database} is not empty; restore only into a new, empty database.`);
    if (!(await isCchcDump(backup))) throw new BackupError(`${backup} is not a whole CCHC Tracker dump (no migrations table, or no "Dump completed" line at its end).`);
    try {
      await runClient("mariadb", ["--default-character-set=utf8mb4", ...mysqlArgs(config)], config, { stdin: backup });
    } catch (error) {
      throw new BackupError(`${(error as Error).message} MariaDB database ${config.database} may hold part of the dump: drop it, create it empty and restore again.`);
    }
  }
  // A backup from an older version gets the migrations it lacks.
  const db = await openDatabase(config);
  await db.destroy();
  return `Restored ${backup} into ${config.type === "sqlite" ? config.path : `MariaDB database ${config.database}`}; migrations are current.`;
}

/**
 * A whole dump of ours: it creates the migrations table, and mariadb-dump's last line says it completed
 * (a truncated or foreign file fails here, before anything is written). Read as a stream.
 */
async function isCchcDump(file: string): Promise<boolean> {
  let migrations = false;
  let last = "";
  for await (const line of createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity })) {
    if (line.startsWith("CREATE TABLE `migrations`")) migrations = true;
    if (line.trim() !== "") last = line;
  }
  return migrations && last.startsWith("-- Dump completed");
}

function sqliteTables(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

type MysqlConfig = Extract<DatabaseConfig, { type: "mysql" }>;

function mysqlArgs(config: MysqlConfig): string[] {
  return ["-h", config.host, "-P", String(config.port), "-u", config.user, config.database];
}

/**
 * The MariaDB client tools, the password passed in the environment (never on the command line).
 * Done when the tool has exited 0 AND its output file is flushed and closed.
 */
function runClient(command: string, args: string[], config: MysqlConfig, io: { stdout?: string; stdin?: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, MYSQL_PWD: config.password },
      stdio: [io.stdin ? "pipe" : "ignore", io.stdout ? "pipe" : "inherit", "inherit"],
    });
    let exited = false;
    let written = !io.stdout;
    const settle = () => exited && written && resolve();
    const fail = (error: Error) => {
      child.kill("SIGTERM");
      reject(error);
    };
    if (io.stdout && child.stdout) {
      const out = createWriteStream(io.stdout, { flags: "wx" });
      out.once("error", (error) => fail(new BackupError(`${io.stdout} could not be written: ${error.message}`)));
      out.once("finish", () => {
        written = true;
        settle();
      });
      child.stdout.pipe(out);
    }
    if (io.stdin && child.stdin) {
      const input = createReadStream(io.stdin);
      input.once("error", (error) => fail(new BackupError(`${io.stdin} could not be read: ${error.message}`)));
      child.stdin.once("error", () => undefined); // the tool's own exit code tells what went wrong
      input.pipe(child.stdin);
    }
    child.once("error", (error) => reject(new BackupError(`${command} could not run: ${error.message}`)));
    child.once("close", (code) => {
      if (code !== 0) return reject(new BackupError(`${command} exited with ${code}.`));
      exited = true;
      settle();
    });
  });
}

async function queryMysql(config: MysqlConfig, sql: string, parameters: unknown[]): Promise<Record<string, unknown>[]> {
  const { createConnection } = await import("mysql2/promise");
  const connection = await createConnection({ host: config.host, port: config.port, user: config.user, password: config.password });
  try {
    const [rows] = await connection.query(sql, parameters);
    return rows as Record<string, unknown>[];
  } finally {
    await connection.end();
  }
}
