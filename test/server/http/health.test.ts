import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../server/src/app.js";
import { DEFAULT_LIMITS } from "../../../server/src/config.js";

const Database = createRequire(__filename)("better-sqlite3") as new (path: string) => { exec(sql: string): void; close(): void };

/** /health sees a stuck write path, and tells anonymous callers states, never an error's text. */
describe("GET /health", () => {
  const dir = mkdtempSync(join(tmpdir(), "cchc-health-"));
  const path = join(dir, "cchc.sqlite");
  let app: App;
  let url: string;

  beforeAll(async () => {
    app = await createApp({ database: { type: "sqlite", path }, adminToken: null, limits: { ...DEFAULT_LIMITS, healthWriteTimeoutMs: 300 } });
    url = `http://127.0.0.1:${await app.listen(0, "127.0.0.1")}`;
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => app?.httpServer.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers 503 within its timeout while another connection holds the write lock, and 200 once it is released", async () => {
    const ok = await fetch(`${url}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "ok", database: { status: "ok" }, writes: { status: "ok" } });

    // What a stalled import did: a transaction holding SQLite's write lock, never finishing.
    const holder = new Database(path);
    holder.exec("BEGIN IMMEDIATE");
    try {
      const started = Date.now();
      const stuck = await fetch(`${url}/health`);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(stuck.status).toBe(503);
      const text = await stuck.text();
      expect(JSON.parse(text)).toMatchObject({ status: "error", database: { status: "ok" }, writes: { status: "stuck", timeoutMs: 300 } });
      expect(text).not.toMatch(/SQLITE_BUSY|locked|busy/i);
      // The probe never blocked the event loop: the server answered other requests meanwhile.
      const [again, page] = await Promise.all([fetch(`${url}/health`), fetch(`${url}/graphiql/console.js`)]);
      expect(again.status).toBe(503);
      expect(page.status).toBeLessThan(500);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it("shows no raw error text when the database is gone", async () => {
    const other = await createApp({ database: { type: "sqlite", path: join(dir, "other.sqlite") }, adminToken: null });
    const otherUrl = `http://127.0.0.1:${await other.listen(0, "127.0.0.1")}`;
    await other.db.destroy();
    try {
      const response = await fetch(`${otherUrl}/health`);
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toEqual({ status: "error", database: { status: "unreachable", driver: "better-sqlite3" } });
    } finally {
      await other.close();
      await new Promise((resolve) => other.httpServer.close(resolve));
    }
  });
});
