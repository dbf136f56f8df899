import { Router } from "express";
import type { DataSource } from "typeorm";
import { runningImports } from "../imports/running-imports.js";
import { log } from "../log.js";
import { probeWrites } from "./write-probe.js";

/**
 * Open to all (load balancers, monitoring): the process answers, the database answers a read,
 * and a write could start within `writeTimeoutMs` (not stuck behind a held lock or an exhausted
 * pool). 503 otherwise. Anonymous callers get states, never an error's text: that goes to the log.
 *
 * On a SQLite file an import holds the write lock for its whole transaction on purpose (other
 * writers of the process wait their turn and then succeed), so while this process runs an import
 * younger than `importMaxMs` the write path is "busy", not stuck: 200, with the import's age.
 * An import older than that is reported stuck (503).
 */
export function healthRouter(db: DataSource, writeTimeoutMs = 2_000, importMaxMs = 30 * 60_000): Router {
  const router = Router();
  router.get("/health", async (_req, res) => {
    const driver = db.options.type;
    const started = Date.now();
    try {
      await db.query("SELECT 1");
    } catch (error) {
      log.warn("health: the database does not answer", { error: (error as Error).message });
      res.status(503).json({ status: "error", database: { status: "unreachable", driver } });
      return;
    }
    const database = { status: "ok", driver, ms: Date.now() - started };
    const imports = runningImports();
    if (db.options.type === "better-sqlite3" && imports.count > 0) {
      const writes = { status: imports.oldestMs <= importMaxMs ? "busy" : "stuck", imports: imports.count, importMs: imports.oldestMs };
      if (writes.status === "stuck") log.warn("health: an import has held the write lock too long", { importMs: imports.oldestMs, importMaxMs });
      res.status(writes.status === "busy" ? 200 : 503).json({ status: writes.status === "busy" ? "ok" : "error", database, writes });
      return;
    }
    try {
      const ms = await probeWrites(db, writeTimeoutMs);
      res.json({ status: "ok", database, writes: { status: "ok", ms } });
    } catch (error) {
      log.warn("health: no write could start", { timeoutMs: writeTimeoutMs, error: (error as Error).message });
      res.status(503).json({ status: "error", database, writes: { status: "stuck", timeoutMs: writeTimeoutMs } });
    }
  });
  return router;
}
