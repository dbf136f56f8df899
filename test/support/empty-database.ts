import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMariaDbDatabase, type TestDriver } from "./databases.js";

export interface EmptyDatabase {
  /** The DATABASE_URL a server process or the command line is given. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A database nothing has touched yet (no migration run): a new SQLite file in a temporary
 * directory, or a new MariaDB database (utf8mb4, the deployment's collation) dropped afterwards.
 */
export async function createEmptyDatabase(driver: TestDriver): Promise<EmptyDatabase> {
  if (driver === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "cchc-empty-"));
    return { url: `sqlite:${join(dir, "cchc.sqlite")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { config, drop } = await createMariaDbDatabase();
  const url = new URL(process.env.CCHC_TEST_MYSQL_URL as string);
  url.pathname = `/${config.database}`;
  if (!url.username) url.username = "root";
  return { url: url.href, drop };
}
