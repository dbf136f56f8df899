import type { Logger, QueryRunner } from "typeorm";
import { log } from "../log.js";

/**
 * TypeORM's logger, reduced to two jobs: count the statements sent (the N+1 tests read
 * `statements`) and log SQL text at debug level, never its parameters (they carry personal data).
 */
export class StatementLogger implements Logger {
  statements = 0;

  logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.statements += 1;
    log.debug("sql", { sql: query.length > 500 ? `${query.slice(0, 500)}…` : query });
  }

  logQueryError(error: string | Error, query: string): void {
    log.error("sql failed", { error: error instanceof Error ? error.message : error, sql: query.slice(0, 500) });
  }

  logQuerySlow(time: number, query: string): void {
    log.warn("slow sql", { ms: time, sql: query.slice(0, 500) });
  }

  logSchemaBuild(message: string): void {
    log.debug(message);
  }

  logMigration(message: string): void {
    log.info(message);
  }

  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") log.warn(String(message));
    else log.debug(String(message));
  }
}
