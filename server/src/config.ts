import type { LogLevel } from "./log.js";

export type DatabaseConfig =
  | { type: "sqlite"; path: string }
  | { type: "mysql"; host: string; port: number; user: string; password: string; database: string };

export interface AppConfig {
  port: number;
  databaseUrl: string;
  database: DatabaseConfig;
  /** Accepted as an admin bearer token when set (bootstrap, automation). */
  adminToken: string | null;
  /** Seed demo data into an empty database. */
  demo: boolean;
  logLevel: LogLevel;
  imports: ImportLimits;
}

/** The limits of docs/import-formats.md for imports through the API (the command line streams larger files). */
export interface ImportLimits {
  /** Data rows of one file (CCHC_IMPORT_MAX_ROWS, default 1,000,000). */
  maxRows: number;
  /** Bytes of CSV text, UTF-8 (CCHC_IMPORT_MAX_CSV_BYTES, default 64 MiB). */
  maxCsvBytes: number;
  /** Bytes an .xlsx workbook's parts unpack to together (CCHC_IMPORT_MAX_XLSX_UNPACKED_BYTES, default 256 MiB). */
  maxXlsxUnpackedBytes: number;
  /** Milliseconds a file's reader may go without producing a row before the import is stopped, API and command line (CCHC_IMPORT_READ_TIMEOUT_MS, default 30,000). */
  readTimeoutMs: number;
}

export const DEFAULT_DATABASE_URL = "sqlite:./data/cchc.sqlite";

export class ConfigError extends Error {}

/** Reads the environment once, fails fast with a message that names the variable and a valid example. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = nonEmpty(env.DATABASE_URL) ?? DEFAULT_DATABASE_URL;
  const adminToken = nonEmpty(env.CCHC_ADMIN_TOKEN);
  if (adminToken !== null && adminToken.length < 16) {
    throw new ConfigError("CCHC_ADMIN_TOKEN must be at least 16 characters long (use a long random string).");
  }
  return {
    port: parsePort(env.PORT),
    databaseUrl,
    database: parseDatabaseUrl(databaseUrl),
    adminToken,
    demo: parseBoolean("CCHC_DEMO", env.CCHC_DEMO, nonEmpty(env.DATABASE_URL) === null),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    imports: loadImportLimits(env),
  };
}

/** Read on their own too: each import through the API reads them, so a test can lower them. */
export function loadImportLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  return {
    maxRows: parseCount("CCHC_IMPORT_MAX_ROWS", env.CCHC_IMPORT_MAX_ROWS, 1_000_000),
    maxCsvBytes: parseCount("CCHC_IMPORT_MAX_CSV_BYTES", env.CCHC_IMPORT_MAX_CSV_BYTES, 64 * 1024 * 1024),
    maxXlsxUnpackedBytes: parseCount("CCHC_IMPORT_MAX_XLSX_UNPACKED_BYTES", env.CCHC_IMPORT_MAX_XLSX_UNPACKED_BYTES, 256 * 1024 * 1024),
    readTimeoutMs: parseCount("CCHC_IMPORT_READ_TIMEOUT_MS", env.CCHC_IMPORT_READ_TIMEOUT_MS, 30_000),
  };
}

function parseCount(name: string, value: string | undefined, fallback: number): number {
  if (nonEmpty(value) === null) return fallback;
  const count = Number(value);
  if (!Number.isSafeInteger(count) || count < 1) throw new ConfigError(`${name} must be a whole number above 0; got "${value}".`);
  return count;
}

export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length);
    if (path === "") throw new ConfigError(`DATABASE_URL "${url}" names no file; use sqlite:./data/cchc.sqlite or sqlite::memory:`);
    return { type: "sqlite", path };
  }
  if (url.startsWith("mysql://") || url.startsWith("mariadb://")) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(`DATABASE_URL is not a valid URL; expected mysql://user:password@host:3306/database`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
    if (database === "") throw new ConfigError("DATABASE_URL names no database; expected mysql://user:password@host:3306/database");
    return {
      type: "mysql",
      host: parsed.hostname,
      port: parsed.port === "" ? 3306 : Number(parsed.port),
      user: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
      database,
    };
  }
  throw new ConfigError(
    `DATABASE_URL must start with sqlite: or mysql:// (e.g. sqlite:./data/cchc.sqlite, sqlite::memory:, mysql://root@127.0.0.1:3306/cchc); got "${url.replace(/\/\/[^@]*@/, "//***@")}".`,
  );
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === "" ? null : value.trim();
}

function parsePort(value: string | undefined): number {
  if (nonEmpty(value) === null) return 4000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535; got "${value}".`);
  }
  return port;
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  const text = nonEmpty(value)?.toLowerCase() ?? null;
  if (text === null) return fallback;
  if (["1", "true", "yes", "on"].includes(text)) return true;
  if (["0", "false", "no", "off"].includes(text)) return false;
  throw new ConfigError(`${name} must be true or false; got "${value}".`);
}

function parseLogLevel(value: string | undefined): LogLevel {
  const level = nonEmpty(value)?.toLowerCase() ?? "info";
  if (!["debug", "info", "warn", "error", "silent"].includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of debug, info, warn, error, silent; got "${value}".`);
  }
  return level as LogLevel;
}
