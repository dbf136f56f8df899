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
  };
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
