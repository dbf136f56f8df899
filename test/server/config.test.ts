import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_DATABASE_URL, loadConfig, parseDatabaseUrl } from "../../server/src/config.js";

/** The message of the ConfigError `load` throws (fails the test when it throws nothing or something else). */
function refusal(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError, got a configuration");
}

describe("config.ts: the environment read once, a clear stop on a bad value", () => {
  it("starts on the embedded SQLite file with the demo, port 4000 and info logs when nothing is set", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: DEFAULT_DATABASE_URL,
      database: { type: "sqlite", path: "./data/cchc.sqlite" },
      adminToken: null,
      demo: true,
      logLevel: "info",
    });
    expect(config.imports).toMatchObject({ maxRows: 1_000_000, maxCsvBytes: 64 * 1024 * 1024, maxXlsxUnpackedBytes: 256 * 1024 * 1024, readTimeoutMs: 30_000 });
  });

  it("turns the demo off by default once DATABASE_URL names a database, on again by CCHC_DEMO", () => {
    expect(loadConfig({ DATABASE_URL: "sqlite::memory:" }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: "sqlite::memory:", CCHC_DEMO: "yes" }).demo).toBe(true);
    expect(loadConfig({ CCHC_DEMO: "off" }).demo).toBe(false);
    expect(refusal(() => loadConfig({ CCHC_DEMO: "maybe" }))).toBe('CCHC_DEMO must be true or false; got "maybe".');
  });

  it("reads a MariaDB URL with an encoded password, the default port, and the mariadb:// spelling", () => {
    expect(parseDatabaseUrl("mysql://cchc:p%40ss%3Aw@db.local/cchc_prod")).toEqual({
      type: "mysql",
      host: "db.local",
      port: 3306,
      user: "cchc",
      password: "p@ss:w",
      database: "cchc_prod",
    });
    expect(parseDatabaseUrl("mariadb://root@127.0.0.1:3307/x")).toMatchObject({ port: 3307, user: "root", password: "" });
    expect(parseDatabaseUrl("sqlite::memory:")).toEqual({ type: "sqlite", path: ":memory:" });
  });

  it("refuses a URL it cannot use, naming the variable and never echoing a password", () => {
    const message = refusal(() => loadConfig({ DATABASE_URL: "postgres://admin:s3cret@db/cchc" }));
    expect(message).toMatch(/^DATABASE_URL must start with sqlite: or mysql:\/\//);
    expect(message).toContain("postgres://***@db/cchc");
    expect(message).not.toContain("s3cret");
    expect(refusal(() => parseDatabaseUrl("sqlite:"))).toMatch(/names no file/);
    expect(refusal(() => parseDatabaseUrl("mysql://root@127.0.0.1:3306/"))).toMatch(/names no database/);
  });

  it("refuses a short admin token, a port out of range, an unknown log level", () => {
    expect(refusal(() => loadConfig({ CCHC_ADMIN_TOKEN: "short" }))).toMatch(/^CCHC_ADMIN_TOKEN must be at least 16 characters/);
    expect(loadConfig({ CCHC_ADMIN_TOKEN: "  0123456789abcdef  " }).adminToken).toBe("0123456789abcdef");
    expect(refusal(() => loadConfig({ PORT: "65536" }))).toBe('PORT must be a whole number from 0 to 65535; got "65536".');
    expect(refusal(() => loadConfig({ PORT: "80a" }))).toMatch(/^PORT must be a whole number/);
    expect(loadConfig({ PORT: "0" }).port).toBe(0);
    expect(loadConfig({ LOG_LEVEL: "DEBUG" }).logLevel).toBe("debug");
    expect(refusal(() => loadConfig({ LOG_LEVEL: "verbose" }))).toMatch(/^LOG_LEVEL must be one of debug, info, warn, error, silent/);
  });

  it("reads the import limits, refusing anything but a whole number above 0", () => {
    expect(loadConfig({ CCHC_IMPORT_MAX_ROWS: "500", CCHC_IMPORT_READ_TIMEOUT_MS: "1000" }).imports).toMatchObject({ maxRows: 500, readTimeoutMs: 1000 });
    for (const bad of ["0", "-1", "1.5", "lots"]) {
      expect(refusal(() => loadConfig({ CCHC_IMPORT_MAX_CSV_BYTES: bad }))).toBe(`CCHC_IMPORT_MAX_CSV_BYTES must be a whole number above 0; got "${bad}".`);
    }
  });
});
