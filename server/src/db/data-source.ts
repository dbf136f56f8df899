import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource } from "typeorm";
import type { DatabaseConfig } from "../config.js";
import { ENTITIES } from "../entities/index.js";
import { runMigrationsExclusively } from "./exclusive-migrations.js";
import { MIGRATIONS } from "./migrations/index.js";
import { StatementLogger } from "./statement-logger.js";

/** A data source for the configured database; call `openDatabase` to connect and migrate. */
export function createDataSource(config: DatabaseConfig): DataSource {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: ["query", "error", "warn", "migration"] as ("query" | "error" | "warn" | "migration")[],
    logger: new StatementLogger(),
    maxQueryExecutionTime: 2000,
  };
  if (config.type === "sqlite") {
    if (config.path !== ":memory:") mkdirSync(dirname(config.path), { recursive: true });
    return new DataSource({
      ...common,
      type: "better-sqlite3",
      database: config.path,
      // WAL lets readers run beside the one writer; the busy timeout waits out a concurrent write.
      enableWAL: config.path !== ":memory:",
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma("busy_timeout = 5000");
      },
    });
  }
  return new DataSource({
    ...common,
    type: "mysql",
    host: config.host,
    port: config.port,
    username: config.user,
    password: config.password,
    database: config.database,
    charset: "utf8mb4_vietnamese_ci",
    // Moments are UTC in the database whatever the server's or the process's zone.
    timezone: "Z",
    // DATE columns hold Vietnam days: keep them as "YYYY-MM-DD" text, never a Date shifted by the process's zone.
    dateStrings: ["DATE"],
    poolSize: 10,
  });
}

export async function openDatabase(config: DatabaseConfig): Promise<DataSource> {
  const dataSource = createDataSource(config);
  await dataSource.initialize();
  await runMigrationsExclusively(dataSource);
  return dataSource;
}

export function statementLogger(dataSource: DataSource): StatementLogger {
  return dataSource.logger as StatementLogger;
}

export function isMysql(dataSource: DataSource): boolean {
  return dataSource.options.type === "mysql";
}
