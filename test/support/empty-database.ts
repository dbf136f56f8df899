import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import type { TestDriver } from "./databases.js";

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
  const server = new URL(process.env.CCHC_TEST_MYSQL_URL as string);
  const name = `cchc_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = await createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username) || "root",
    password: decodeURIComponent(server.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_vietnamese_ci`);
  const url = new URL(server.href);
  url.pathname = `/${name}`;
  if (!url.username) url.username = "root";
  return {
    url: url.href,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}
