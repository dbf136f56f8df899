import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { afterAll, describe, expect, it } from "vitest";
import type { DatabaseConfig } from "../../../server/src/config.js";
import { openDatabase } from "../../../server/src/db/data-source.js";
import { DEMO_DIRECTIVE } from "../../../server/src/db/seed/demo-units.js";
import { seedDemoIfEmpty } from "../../../server/src/db/seed/seed-demo.js";
import { Case } from "../../../server/src/entities/case.entity.js";
import { Unit } from "../../../server/src/entities/unit.entity.js";
import { complianceCountsByUnit } from "../../../server/src/services/compliance.sql.js";
import { createMariaDbDatabase, testDrivers, type TestDriver } from "../../support/databases.js";

const CLI = join(process.cwd(), "dist/server/src/db/backup-cli.js");
const AS_OF = new Date("2023-12-31T16:59:59.999Z");
const PER_WRITE = 25;

function cli(command: "backup" | "restore", file: string, databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, command, file], { env: { PATH: process.env.PATH ?? "", DATABASE_URL: databaseUrl } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("close", (code) => resolve({ code, output }));
  });
}

/** The board's figures: every unit's compliance counts under the demo directive, as the API computes them. */
async function figures(db: DataSource): Promise<string> {
  const counts = await complianceCountsByUnit(db, DEMO_DIRECTIVE, AS_OF);
  return JSON.stringify([...counts.entries()].sort(([a], [b]) => a - b));
}

/** A database the CLI can name by DATABASE_URL: a SQLite file in `dir`, or a new MariaDB database. */
interface NamedDatabase {
  config: DatabaseConfig;
  url: string;
  drop(): Promise<void>;
}

async function namedDatabase(driver: TestDriver, dir: string, name: string): Promise<NamedDatabase> {
  if (driver === "sqlite") {
    const path = join(dir, `${name}.sqlite`);
    return { config: { type: "sqlite", path }, url: `sqlite:${path}`, drop: async () => undefined };
  }
  const { config, url, drop } = await createMariaDbDatabase();
  return { config, url, drop };
}

/**
 * npm run backup while the server writes, then npm run restore into an empty database: the
 * restored database opens with its migrations current, and its compliance figures are exactly the
 * source's after some whole number of the concurrent write transactions (a moment of the source).
 * On both drivers: SQLite's online backup API, MariaDB's mariadb-dump --single-transaction.
 */
describe.each(testDrivers())("backup and restore (%s)", (driver) => {
  const dir = mkdtempSync(join(tmpdir(), "cchc-backup-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("backs up consistently during writes and restores into an empty database only", async () => {
    const sourceDatabase = await namedDatabase(driver, dir, "source");
    const restoredDatabase = await namedDatabase(driver, dir, "restored");
    const source = await openDatabase(sourceDatabase.config);
    await seedDemoIfEmpty(source);
    const unitId = (await source.getRepository(Unit).find({ order: { id: "ASC" }, take: 1 }))[0].id;
    // The figures after each committed write transaction, by the number of cases then stored.
    const snapshots = new Map<number, string>([[await source.getRepository(Case).count(), await figures(source)]]);
    let writing = true;
    let batch = 0;
    const writer = (async () => {
      while (writing) {
        batch += 1;
        await source.transaction(async (manager) => {
          const rows = Array.from({ length: PER_WRITE }, (_, i) => ({
            code: `BK-${batch}-${i}`,
            procedureName: "Thủ tục",
            applicantName: "Người nộp",
            unitId,
            receivedAt: new Date("2023-03-01T01:00:00Z"),
            dueAt: new Date("2023-03-10T10:00:00Z"),
            resolvedAt: i % 2 === 0 ? null : new Date("2023-03-20T03:00:00Z"),
          }));
          await manager.insert(Case, rows);
        });
        snapshots.set(await source.getRepository(Case).count(), await figures(source));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const backupFile = join(dir, `backup-${driver}`);
      const backup = await cli("backup", backupFile, sourceDatabase.url);
      expect(backup.output).toMatch(driver === "sqlite" ? /Backed up/ : /Dumped MariaDB database/);
      expect(backup.code).toBe(0);
      // Linked into place whole: no partial file is left beside it.
      expect(readdirSync(dir).filter((name) => name.includes(".partial-"))).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      writing = false;
      await writer;
      expect(batch).toBeGreaterThan(2);

      const restore = await cli("restore", backupFile, restoredDatabase.url);
      expect(restore.output).toContain("Restored");
      expect(restore.code).toBe(0);
      const restored = await openDatabase(restoredDatabase.config);
      try {
        expect(await restored.showMigrations()).toBe(false);
        const cases = await restored.getRepository(Case).count();
        expect(snapshots.has(cases), `${cases} cases is no moment of the source`).toBe(true);
        expect(await figures(restored)).toBe(snapshots.get(cases));
      } finally {
        await restored.destroy();
      }

      const refused = await cli("restore", backupFile, sourceDatabase.url);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain("is not empty");
      expect((await cli("backup", backupFile, sourceDatabase.url)).code).toBe(1);
    } finally {
      writing = false;
      await writer;
      await source.destroy();
      await sourceDatabase.drop();
      await restoredDatabase.drop();
    }
  }, 120_000);

  it("leaves no file when the backup fails, and restores nothing from a damaged backup", async () => {
    const missing = driver === "sqlite" ? `sqlite:${join(dir, "no-such.sqlite")}` : `${process.env.CCHC_TEST_MYSQL_URL}/cchc_no_such_database_${Date.now()}`;
    const failedFile = join(dir, `failed-${driver}`);
    const failed = await cli("backup", failedFile, missing);
    expect(failed.code).toBe(1);
    expect(existsSync(failedFile)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes(".partial-"))).toEqual([]);

    // A backup cut in half (a disk filled up, a copy interrupted) is refused before anything is written.
    const whole = await namedDatabase(driver, dir, "whole");
    const target = await namedDatabase(driver, dir, "target");
    try {
      const db = await openDatabase(whole.config);
      await seedDemoIfEmpty(db);
      await db.destroy();
      const file = join(dir, `whole-${driver}`);
      expect((await cli("backup", file, whole.url)).code).toBe(0);
      const bytes = readFileSync(file);
      const cut = join(dir, `cut-${driver}`);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const refused = await cli("restore", cut, target.url);
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(driver === "sqlite" ? /damaged|not a database|malformed/i : /not a whole CCHC Tracker dump/);
      if (driver === "mariadb") {
        // Nothing was restored: the target still has no table.
        const { createConnection } = await import("mysql2/promise");
        const config = target.config as Extract<DatabaseConfig, { type: "mysql" }>;
        const connection = await createConnection({ host: config.host, port: config.port, user: config.user, password: config.password });
        const [rows] = await connection.query("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ?", [config.database]);
        await connection.end();
        expect(Number((rows as { n: number }[])[0].n)).toBe(0);
      }
    } finally {
      await whole.drop();
      await target.drop();
    }
  }, 120_000);
});
