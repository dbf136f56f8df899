import { afterEach, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../../../server/src/config.js";
import { createDataSource } from "../../../server/src/db/data-source.js";
import { MIGRATIONS } from "../../../server/src/db/migrations/index.js";
import { testDrivers } from "../../support/databases.js";
import { createEmptyDatabase, type EmptyDatabase } from "../../support/empty-database.js";
import { startServerProcess, type ServerProcess } from "../../support/server-process.js";

/**
 * Replicas started together on an empty database: each runs the migrations at start-up, and
 * before they ran under a lock, one of two MariaDB replicas died on "Duplicate key name".
 */
const REPLICAS = 3;
const ADMIN = "replica-admin-token-0123456789";

describe.each(testDrivers())("%s: server processes started together on an empty database", (driver) => {
  let database: EmptyDatabase | undefined;
  let servers: ServerProcess[] = [];

  afterEach(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    servers = [];
    await database?.drop();
  });

  it(`all ${REPLICAS} come up healthy and the migrations ran once`, async () => {
    database = await createEmptyDatabase(driver);
    const env = { DATABASE_URL: database.url, CCHC_ADMIN_TOKEN: ADMIN };
    servers = Array.from({ length: REPLICAS }, () => startServerProcess(env));
    const ports = await Promise.all(servers.map((server) => server.ready));
    for (const port of ports) {
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
      const graphql = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({ query: "{ holidays(year: 2024) { date } }" }),
      });
      const body = (await graphql.json()) as { data?: { holidays: unknown[] } };
      expect(body.data?.holidays.length).toBeGreaterThan(0);
    }
    for (const server of servers) expect(server.output()).not.toMatch(/failed to start|Duplicate|already exists/i);
    // Each migration recorded once, whichever replica ran it.
    const db = createDataSource(parseDatabaseUrl(database.url));
    await db.initialize();
    try {
      const rows: { name: string }[] = await db.query("SELECT name FROM migrations ORDER BY id");
      expect(rows.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    } finally {
      await db.destroy();
    }
  }, 90_000);
});
