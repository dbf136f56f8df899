import type { MigrationInterface, QueryRunner } from "typeorm";
import type { CalendarDay } from "../../domain/calendar.js";
import { PUBLIC_HOLIDAYS_2025_2026 } from "../../domain/public-holidays.js";

/**
 * The 2025 and 2026 public-sector days off and make-up working Saturdays (docs/domain.md), added
 * to the holiday table only on the dates the Office has not entered itself: a database whose
 * calendar was already edited by hand (upsertHoliday) keeps every row it had.
 *
 * Down removes the shipped rows still exactly as shipped (same date, kind and name, compared
 * in code: MariaDB's Vietnamese collation would call "Tết" equal to "Tet"), and leaves every row
 * the Office changed. The table keeps no record of who wrote a row, so a row the Office had
 * typed before this migration with exactly the shipped kind and name cannot be told apart from
 * the shipped one and is removed too; running up again restores it identically.
 */
export class PublicHolidays2025And20261700000004000 implements MigrationInterface {
  name = "PublicHolidays2025And20261700000004000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const present = new Set((await rowsOnShippedDates(queryRunner)).map((row) => row.date));
    const missing = PUBLIC_HOLIDAYS_2025_2026.filter((day) => !present.has(day.date));
    if (missing.length === 0) return;
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into("holidays", ["date", "kind", "name"])
      .values(missing.map((day) => ({ date: day.date, kind: day.kind, name: day.name ?? "" })))
      .execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const shipped = new Map(PUBLIC_HOLIDAYS_2025_2026.map((day) => [day.date, day]));
    const unchanged = (await rowsOnShippedDates(queryRunner))
      .filter((row) => isAsShipped(row, shipped.get(row.date)))
      .map((row) => row.date);
    if (unchanged.length === 0) return;
    await queryRunner.manager
      .createQueryBuilder()
      .delete()
      .from("holidays")
      .where("date IN (:...dates)", { dates: unchanged })
      .execute();
  }
}

interface HolidayRow {
  date: string;
  kind: string;
  name: string;
}

async function rowsOnShippedDates(queryRunner: QueryRunner): Promise<HolidayRow[]> {
  const rows: HolidayRow[] = await queryRunner.manager
    .createQueryBuilder()
    .select(["h.date AS date", "h.kind AS kind", "h.name AS name"])
    .from("holidays", "h")
    .where("h.date IN (:...dates)", { dates: PUBLIC_HOLIDAYS_2025_2026.map((day) => day.date) })
    .getRawMany();
  // DATE comes back as "YYYY-MM-DD" text on both drivers (dateStrings on MariaDB).
  return rows.map((row) => ({ date: String(row.date), kind: String(row.kind), name: String(row.name) }));
}

function isAsShipped(row: HolidayRow, day: CalendarDay | undefined): boolean {
  return day !== undefined && row.kind === day.kind && row.name === (day.name ?? "");
}
