import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../server/src/db/data-source.js";
import { DEMO_DIRECTIVE } from "../../../server/src/db/seed/demo-units.js";
import { seedDemoIfEmpty } from "../../../server/src/db/seed/seed-demo.js";
import { Case } from "../../../server/src/entities/case.entity.js";
import { Unit } from "../../../server/src/entities/unit.entity.js";
import { complianceCountsByUnit } from "../../../server/src/services/compliance.sql.js";

const CLI = join(process.cwd(), "dist/server/src/db/backup-cli.js");
const AS_OF = new Date("2023-12-31T16:59:59.999Z");
const PER_WRITE = 25;

function cli(command: "backup" | "restore", file: string, databasePath: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, command, file], { env: { PATH: process.env.PATH ?? "", DATABASE_URL: `sqlite:${databasePath}` } });
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

/**
 * npm run backup while the server writes, then npm run restore into an empty database: the
 * restored database opens with its migrations current, and its compliance figures are exactly the
 * source's after some whole number of the concurrent write transactions (a moment of the source).
 */
describe("backup and restore of a SQLite database", () => {
  const dir = mkdtempSync(join(tmpdir(), "cchc-backup-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("backs up consistently during writes and restores into an empty database only", async () => {
    const sourcePath = join(dir, "source.sqlite");
    const source = await openDatabase({ type: "sqlite", path: sourcePath });
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
      const backupFile = join(dir, "backup.sqlite");
      const backup = await cli("backup", backupFile, sourcePath);
      expect(backup.output).toContain("Backed up");
      expect(backup.code).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      writing = false;
      await writer;
      expect(batch).toBeGreaterThan(2);

      const restoredPath = join(dir, "restored.sqlite");
      const restore = await cli("restore", backupFile, restoredPath);
      expect(restore.output).toContain("Restored");
      expect(restore.code).toBe(0);
      const restored = await openDatabase({ type: "sqlite", path: restoredPath });
      try {
        expect(await restored.showMigrations()).toBe(false);
        const cases = await restored.getRepository(Case).count();
        expect(snapshots.has(cases), `${cases} cases is no moment of the source`).toBe(true);
        expect(await figures(restored)).toBe(snapshots.get(cases));
      } finally {
        await restored.destroy();
      }

      const refused = await cli("restore", backupFile, sourcePath);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain("is not empty");
      expect((await cli("backup", backupFile, sourcePath)).code).toBe(1);
    } finally {
      writing = false;
      await writer;
      await source.destroy();
    }
  }, 120_000);
});
