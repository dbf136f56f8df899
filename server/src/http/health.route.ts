import { Router } from "express";
import type { DataSource } from "typeorm";
import { log } from "../log.js";
import { probeWrites } from "./write-probe.js";

/**
 * Open to all (load balancers, monitoring): the process answers, the database answers a read,
 * and a write could start within `writeTimeoutMs` (not stuck behind a held lock or an exhausted
 * pool). 503 otherwise. Anonymous callers get states, never an error's text: that goes to the log.
 */
export function healthRouter(db: DataSource, writeTimeoutMs = 2_000): Router {
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
