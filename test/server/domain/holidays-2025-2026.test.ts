import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { PUBLIC_HOLIDAYS_2025_2026 } from "../../../server/src/domain/public-holidays.js";
import { createTestDatabase, testDrivers, type TestDatabase } from "../../support/databases.js";
import { dataOf, startTestServer, type TestServer } from "../../support/test-server.js";
import { caseInput, seedBasics, upsertCase } from "../../support/fixtures.js";

const MIGRATION = "PublicHolidays2025And20261700000004000";

describe.each(testDrivers())("the shipped 2025 and 2026 calendar on %s", (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(driver);
    await seedBasics(server, [["QLDT", "Phòng Quản lý Đầu tư", "DEPARTMENT"]]);
  });
  afterAll(() => server?.close());

  /** Working days late of a case due at 16:30 on `dueDay`, resolved at 09:00 on `resolvedDay` (Vietnam time). */
  async function lateDays(code: string, dueDay: string, resolvedDay: string): Promise<number> {
    dataOf(await upsertCase(server, caseInput(code, "QLDT", `${dueDay}T16:30:00+07:00`, `${resolvedDay}T09:00:00+07:00`, `${dueDay}T08:00:00+07:00`)));
    const data = dataOf(await server.gql<{ case: { timeliness: string; workingDaysLate: number } }>(`query($c: String!) { case(code: $c) { timeliness workingDaysLate } }`, { c: code }));
    expect(data.case.timeliness).toBe("LATE");
    return data.case.workingDaysLate;
  }

  it("holds the notices' days off and make-up Saturdays of both years, and no 24/11", async () => {
    const year = async (y: number) =>
      dataOf(await server.gql<{ holidays: { date: string; kind: string }[] }>(`query($y: Int) { holidays(year: $y) { date kind } }`, { y })).holidays;
    const in2025 = await year(2025);
    const in2026 = await year(2026);
    expect(in2025).toHaveLength(13);
    expect(in2026).toHaveLength(15);
    expect(in2025.filter((d) => d.kind === "MAKEUP_WORKDAY").map((d) => d.date)).toEqual(["2025-04-26"]);
    expect(in2026.filter((d) => d.kind === "MAKEUP_WORKDAY").map((d) => d.date)).toEqual(["2026-01-10", "2026-08-22"]);
    expect(in2026.map((d) => d.date)).not.toContain("2026-11-24");
  });

  it("counts working days late across Tết 2025 and Tết 2026", async () => {
    // Due Friday 24 Jan 2025; 27-31 Jan are Tết; resolved Monday 3 Feb: one working day late.
    expect(await lateDays("TET-2025", "2025-01-24", "2025-02-03")).toBe(1);
    // Due Thursday 23 Jan 2025, resolved Tuesday 4 Feb: 24 Jan, 3 and 4 Feb.
    expect(await lateDays("TET-2025-B", "2025-01-23", "2025-02-04")).toBe(3);
    // Due Friday 13 Feb 2026; 16-20 Feb are Tết; resolved Monday 23 Feb: one.
    expect(await lateDays("TET-2026", "2026-02-13", "2026-02-23")).toBe(1);
  });

  it("counts the make-up Saturday 10 Jan 2026, which comes after the day off it covers", async () => {
    // Due Wednesday 31 Dec 2025; 1 and 2 Jan off; 5-9 Jan, Saturday 10 and Monday 12 work: seven.
    expect(await lateDays("MAKEUP-0110", "2025-12-31", "2026-01-12")).toBe(7);
    // Resolved on the make-up Saturday itself: six.
    expect(await lateDays("MAKEUP-0110-SAT", "2025-12-31", "2026-01-10")).toBe(6);
  });

  it("counts the make-up Saturday 22 Aug 2026, which comes before the day off it covers", async () => {
    // Due Tuesday 18 Aug, resolved Monday 24 Aug: 19, 20, 21, Saturday 22, 24.
    expect(await lateDays("MAKEUP-0822", "2026-08-18", "2026-08-24")).toBe(5);
    // Due Friday 21 Aug, resolved Thursday 3 Sep: 22 (Saturday), 24-28; 31 Aug, 1 and 2 Sep off; 3 Sep.
    expect(await lateDays("MAKEUP-0822-B", "2026-08-21", "2026-09-03")).toBe(7);
  });

  it("makes a case due the Friday before a make-up Saturday one working day late on that Saturday", async () => {
    expect(await lateDays("EVE-0109", "2026-01-09", "2026-01-10")).toBe(1);
    expect(await lateDays("EVE-0821", "2026-08-21", "2026-08-22")).toBe(1);
    // Sunday 23 Aug stays a day off: still one.
    expect(await lateDays("EVE-0821-SUN", "2026-08-21", "2026-08-23")).toBe(1);
  });
});

describe.each(testDrivers())("the 2025-2026 holidays migration on %s", (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database?.drop());

  const executed = async (db: DataSource) => ((await db.query("SELECT name FROM migrations")) as { name: string }[]).map((m) => m.name);

  /** Undoes migrations, newest first, until this one is no longer applied. */
  async function undoThroughTheMigration(db: DataSource) {
    while ((await executed(db)).includes(MIGRATION)) await db.undoLastMigration({ transaction: "each" });
  }

  const rowsOf = async (db: DataSource, from: string, to: string) =>
    ((await db.query("SELECT date, kind, name FROM holidays WHERE date BETWEEN ? AND ? ORDER BY date", [from, to])) as {
      date: string;
      kind: string;
      name: string;
    }[]).map((row) => ({ ...row, date: String(row.date) }));

  it("keeps the Office's own rows, before and after, and adds the rest", async () => {
    const { db } = database;
    await undoThroughTheMigration(db);
    expect(await rowsOf(db, "2025-01-01", "2026-12-31")).toEqual([]);

    // The Office had typed two of the dates itself, one of them with another kind.
    await db.query("INSERT INTO holidays (date, kind, name) VALUES (?, ?, ?)", ["2026-01-02", "HOLIDAY", "Nghỉ Tết Dương lịch (VP nhập)"]);
    await db.query("INSERT INTO holidays (date, kind, name) VALUES (?, ?, ?)", ["2025-04-26", "MAKEUP_WORKDAY", "Làm bù (VP nhập)"]);
    await db.runMigrations({ transaction: "each" });
    expect(await db.showMigrations()).toBe(false);

    const rows = await rowsOf(db, "2025-01-01", "2026-12-31");
    expect(rows).toHaveLength(PUBLIC_HOLIDAYS_2025_2026.length);
    expect(rows.find((r) => r.date === "2026-01-02")).toEqual({ date: "2026-01-02", kind: "HOLIDAY", name: "Nghỉ Tết Dương lịch (VP nhập)" });
    expect(rows.find((r) => r.date === "2025-04-26")?.name).toBe("Làm bù (VP nhập)");
    expect(rows.find((r) => r.date === "2026-01-10")).toEqual({ date: "2026-01-10", kind: "MAKEUP_WORKDAY", name: "Làm bù cho ngày 02/01/2026" });
    // The 2023-2024 rows are untouched.
    expect(await rowsOf(db, "2023-01-01", "2024-12-31")).toHaveLength(24);
  });

  it("undoes only the shipped rows still as shipped", async () => {
    const { db } = database;
    // After the migration the Office renames one shipped day (upsertHoliday writes the same row).
    await db.query("UPDATE holidays SET name = ? WHERE date = ?", ["Quốc khánh (nghỉ)", "2026-09-02"]);
    await undoThroughTheMigration(db);
    expect((await rowsOf(db, "2025-01-01", "2026-12-31")).map((r) => r.date)).toEqual(["2025-04-26", "2026-01-02", "2026-09-02"]);
    expect(await rowsOf(db, "2023-01-01", "2024-12-31")).toHaveLength(24);
    await db.runMigrations({ transaction: "each" });
    expect(await rowsOf(db, "2025-01-01", "2026-12-31")).toHaveLength(PUBLIC_HOLIDAYS_2025_2026.length);
  });
});
