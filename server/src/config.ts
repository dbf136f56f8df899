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
  /** Request limits (body size, query cost/depth/aliases, rate limits): README "Security and operations". */
  limits: RequestLimits;
  /** Express "trust proxy": which proxies' X-Forwarded-For to believe for the client address. */
  trustProxy: boolean | number | string;
  /** Where the first start writes its admin token (mode 0600); the token is never printed. */
  adminTokenFile: string;
  publicPages: PublicPagesConfig;
}

/** The public apologies pages (GET /cong-khai, its feed and JSON): open to anyone, no token. */
export interface PublicPagesConfig {
  /** CCHC_PUBLIC_PAGES, default true: false answers 404 on every public route. */
  enabled: boolean;
  /** CCHC_PUBLIC_RATE_LIMIT, default 120: requests per client address per minute, counted per process. */
  ratePerMinute: number;
  /** CCHC_PUBLIC_BASE_URL, e.g. https://cchc.heza.gov.vn: the origin of the feed's and JSON's links; default the request's. */
  baseUrl: string | null;
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

export interface RequestLimits {
  /** Largest request body accepted (JSON on /graphql: imports arrive as CSV text inside it, so above maxCsvBytes). */
  bodyBytes: number;
  /** Largest query cost (a field 1, a document or an import documentCost, lists times first). */
  maxQueryCost: number;
  maxQueryDepth: number;
  maxAliases: number;
  /** Characters of a GraphQL query's text: large text (an import's CSV) travels in a variable. */
  maxQueryLength: number;
  /** Tokens graphql-js reads of a query before it stops parsing (comments are bounded by maxQueryLength). */
  maxQueryTokens: number;
  /** Failed authentications one client address may make per window before it gets 429. */
  authFailures: number;
  authFailureWindowMs: number;
  /** Writes (mutations) and documents one token may make per window; 0 turns the limit off. */
  writesPerToken: number;
  writeWindowMs: number;
  /** How long the health check's write probe may take before /health answers 503. */
  healthWriteTimeoutMs: number;
  /** How long an import may hold SQLite's write lock before /health calls the write path stuck. */
  healthImportMaxMs: number;
  /** How long SIGTERM waits for running imports before the process closes anyway. */
  shutdownGraceMs: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  bodyBytes: 80 * 1024 * 1024,
  maxQueryCost: 20_000,
  maxQueryDepth: 12,
  maxAliases: 30,
  maxQueryLength: 1_000_000,
  maxQueryTokens: 10_000,
  authFailures: 20,
  authFailureWindowMs: 15 * 60_000,
  writesPerToken: 600,
  writeWindowMs: 60_000,
  healthWriteTimeoutMs: 2_000,
  healthImportMaxMs: 30 * 60_000,
  shutdownGraceMs: 60_000,
};

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
    limits: parseLimits(env),
    trustProxy: parseTrustProxy(env.CCHC_TRUST_PROXY),
    adminTokenFile: nonEmpty(env.CCHC_ADMIN_TOKEN_FILE) ?? "./data/admin-token",
    publicPages: loadPublicPages(env),
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

export function loadPublicPages(env: NodeJS.ProcessEnv = process.env): PublicPagesConfig {
  const baseUrl = nonEmpty(env.CCHC_PUBLIC_BASE_URL);
  if (baseUrl !== null && !/^https?:\/\/[^/?#\s]+$/.test(baseUrl)) {
    throw new ConfigError(`CCHC_PUBLIC_BASE_URL must be an origin without a path, e.g. https://cchc.heza.gov.vn; got "${baseUrl}".`);
  }
  return {
    enabled: parseBoolean("CCHC_PUBLIC_PAGES", env.CCHC_PUBLIC_PAGES, true),
    ratePerMinute: parseCount("CCHC_PUBLIC_RATE_LIMIT", env.CCHC_PUBLIC_RATE_LIMIT, 120),
    baseUrl,
  };
}

function parseCount(name: string, value: string | undefined, fallback: number): number {
  if (nonEmpty(value) === null) return fallback;
  const count = Number(value);
  if (!Number.isSafeInteger(count) || count < 1) throw new ConfigError(`${name} must be a whole number above 0; got "${value}".`);
  return count;
}

function parseLimits(env: NodeJS.ProcessEnv): RequestLimits {
  const number = (name: string, fallback: number, min: number) => parseWholeNumber(name, env[name], fallback, min);
  return {
    bodyBytes: number("CCHC_BODY_LIMIT_MB", DEFAULT_LIMITS.bodyBytes / (1024 * 1024), 1) * 1024 * 1024,
    maxQueryCost: number("CCHC_MAX_QUERY_COST", DEFAULT_LIMITS.maxQueryCost, 1),
    maxQueryDepth: number("CCHC_MAX_QUERY_DEPTH", DEFAULT_LIMITS.maxQueryDepth, 1),
    maxAliases: number("CCHC_MAX_ALIASES", DEFAULT_LIMITS.maxAliases, 0),
    maxQueryLength: number("CCHC_MAX_QUERY_LENGTH", DEFAULT_LIMITS.maxQueryLength, 1_000),
    maxQueryTokens: number("CCHC_MAX_QUERY_TOKENS", DEFAULT_LIMITS.maxQueryTokens, 100),
    authFailures: number("CCHC_AUTH_FAILURE_LIMIT", DEFAULT_LIMITS.authFailures, 1),
    authFailureWindowMs: number("CCHC_AUTH_FAILURE_WINDOW_SECONDS", DEFAULT_LIMITS.authFailureWindowMs / 1000, 1) * 1000,
    writesPerToken: number("CCHC_WRITE_RATE_LIMIT", DEFAULT_LIMITS.writesPerToken, 0),
    writeWindowMs: number("CCHC_WRITE_RATE_WINDOW_SECONDS", DEFAULT_LIMITS.writeWindowMs / 1000, 1) * 1000,
    healthWriteTimeoutMs: number("CCHC_HEALTH_WRITE_TIMEOUT_MS", DEFAULT_LIMITS.healthWriteTimeoutMs, 10),
    healthImportMaxMs: number("CCHC_HEALTH_IMPORT_MAX_SECONDS", DEFAULT_LIMITS.healthImportMaxMs / 1000, 1) * 1000,
    shutdownGraceMs: number("CCHC_SHUTDOWN_GRACE_SECONDS", DEFAULT_LIMITS.shutdownGraceMs / 1000, 0) * 1000,
  };
}

function parseWholeNumber(name: string, value: string | undefined, fallback: number, min: number): number {
  if (nonEmpty(value) === null) return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min) {
    throw new ConfigError(`${name} must be a whole number of at least ${min}; got "${value}".`);
  }
  return number;
}

/** As Express reads it: true/false, a number of hops, or addresses and subnets ("loopback, 10.0.0.0/8"). */
function parseTrustProxy(value: string | undefined): boolean | number | string {
  const text = nonEmpty(value);
  if (text === null || ["0", "false", "no", "off"].includes(text.toLowerCase())) return false;
  if (["true", "yes", "on"].includes(text.toLowerCase())) return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
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
