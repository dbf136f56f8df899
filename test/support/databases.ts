import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { createConnection, type Connection } from "mysql2/promise";
import type { DataSource } from "typeorm";
import type { DatabaseConfig } from "../../server/src/config.js";
import { openDatabase } from "../../server/src/db/data-source.js";

/**
 * The drivers every database test runs on: SQLite always; MariaDB/MySQL when
 * CCHC_TEST_MYSQL_URL names a server (mysql://root@127.0.0.1:3306), as .ci/run does.
 */
export type TestDriver = "sqlite" | "mariadb";

export function testDrivers(): TestDriver[] {
  return process.env.CCHC_TEST_MYSQL_URL ? ["sqlite", "mariadb"] : ["sqlite"];
}

export interface TestDatabase {
  db: DataSource;
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own: an in-memory SQLite, or a new MariaDB database dropped afterwards. */
export async function createTestDatabase(driver: TestDriver): Promise<TestDatabase> {
  if (driver === "sqlite") {
    const config: DatabaseConfig = { type: "sqlite", path: ":memory:" };
    const db = await openDatabase(config);
    return { db, config, drop: () => db.destroy() };
  }
  const { config, drop } = await createMariaDbDatabase();
  try {
    const db = await openDatabase(config);
    return {
      db,
      config,
      drop: async () => {
        if (db.isInitialized) await db.destroy();
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}

/**
 * A new, empty MariaDB database of this test's own on CCHC_TEST_MYSQL_URL, in the collation the
 * deployment uses (the unit and case keys must survive its accent-folding): its config, the
 * DATABASE_URL a server process takes, and the admin connection that made it (information_schema
 * looks); drop() removes the database and closes that connection.
 */
export async function createMariaDbDatabase(): Promise<{
  config: DatabaseConfig & { type: "mysql" };
  url: string;
  admin: Connection;
  drop(): Promise<void>;
}> {
  const server = new URL(process.env.CCHC_TEST_MYSQL_URL as string);
  const name = `cchc_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const credentials = {
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username) || "root",
    password: decodeURIComponent(server.password),
  };
  const admin = await createConnection(credentials);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_vietnamese_ci`);
  const auth = credentials.password ? `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}` : encodeURIComponent(credentials.user);
  return {
    config: { type: "mysql", ...credentials, database: name },
    url: `mysql://${auth}@${credentials.host}:${credentials.port}/${name}`,
    admin,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}
