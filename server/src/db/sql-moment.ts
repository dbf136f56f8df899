/**
 * A moment as a SQL parameter: "YYYY-MM-DD HH:mm:ss.SSS" in UTC, the form TypeORM writes into
 * SQLite's datetime columns (so text comparison is time comparison) and a literal MariaDB
 * compares with DATETIME(3) exactly.
 */
export function sqlMoment(moment: Date): string {
  return moment.toISOString().replace("T", " ").replace("Z", "");
}

/** COUNT and SUM come back as strings from mysql2 and as numbers (or null) from SQLite. */
export function sqlNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
