import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Connection } from "mysql2/promise";
import type { DataSource } from "typeorm";
import { openDatabase } from "../../server/src/db/data-source.js";
import { seedUnits } from "../server/imports/import-fixtures.js";
import { createMariaDbDatabase, type TestDriver } from "../support/databases.js";

/**
 * A database the server process opens by URL (a SQLite file, or a MariaDB database of this test's own),
 * with the units seeded, plus a way to look into it from outside the server.
 */
export interface UrlDatabase {
  driver: TestDriver;
  url: string;
  /** The server's database, reached directly (MariaDB) or through a fresh connection to the file (SQLite). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** MariaDB: the admin connection (information_schema); SQLite: the file's path. */
  admin: Connection | null;
  name: string;
  path: string | null;
  drop(): Promise<void>;
}

export async function createUrlDatabase(driver: TestDriver): Promise<UrlDatabase> {
  if (driver === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "cchc-fault-"));
    const path = join(dir, "cchc.sqlite");
    const db = await openDatabase({ type: "sqlite", path });
    await seedUnits(db);
    await db.destroy();
    return {
      driver,
      url: `sqlite:${path}`,
      admin: null,
      name: path,
      path,
      async query<T>(sql: string, params: unknown[] = []) {
        // A connection of its own per look, as another process would open the file.
        const look = await openDatabase({ type: "sqlite", path });
        try {
          return (await look.query(sql, params)) as T[];
        } finally {
          await look.destroy();
        }
      },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const made = await createMariaDbDatabase();
  let db: DataSource | undefined;
  try {
    db = await openDatabase(made.config);
    await seedUnits(db);
  } catch (error) {
    await made.drop();
    throw error;
  }
  const open = db;
  return {
    driver,
    url: made.url,
    admin: made.admin,
    name: made.config.database,
    path: null,
    query: async <T>(sql: string, params: unknown[] = []) => (await open.query(sql, params)) as T[],
    drop: async () => {
      if (open.isInitialized) await open.destroy();
      await made.drop();
    },
  };
}

/** Cases CSV of `rows` new cases coded `<prefix>-0000001`… over the seeded units. */
export function casesCsv(prefix: string, rows: number): string {
  const units = ["VP", "QLĐT", "TTXT"];
  const lines = ["code,procedure_name,applicant_name,unit_code,received_at,due_at,resolved_at"];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    lines.push(`${prefix}-${String(i).padStart(7, "0")},Cấp giấy phép môi trường,Nguyễn Văn ${i},${units[i % 3]},${day}/03/2023 08:00,${day}/04/2023,${i % 4 ? `${day}/04/2023 10:00` : ""}`);
  }
  return lines.join("\n");
}

export async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
