import { Router } from "express";
import type { DataSource } from "typeorm";

/** Open to all (load balancers, monitoring): the process answers and the database does too. */
export function healthRouter(db: DataSource): Router {
  const router = Router();
  router.get("/health", async (_req, res) => {
    const started = Date.now();
    try {
      await db.query("SELECT 1");
      res.json({ status: "ok", database: { status: "ok", driver: db.options.type, ms: Date.now() - started } });
    } catch (error) {
      res.status(503).json({
        status: "error",
        database: { status: "unreachable", driver: db.options.type, error: (error as Error).message },
      });
    }
  });
  return router;
}
