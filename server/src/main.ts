import "reflect-metadata";
import { createApp } from "./app.js";
import { ensureBootstrapAdminToken } from "./bootstrap-token.js";
import { ConfigError, loadConfig } from "./config.js";
import { seedDemoIfEmpty } from "./db/seed/seed-demo.js";
import { log, setLogLevel } from "./log.js";

/** config → database → HTTP; nothing else. */
async function main(): Promise<void> {
  const config = loadConfig();
  setLogLevel(config.logLevel);
  const started = Date.now();
  const app = await createApp(config);
  if (config.demo && (await seedDemoIfEmpty(app.db))) log.info("seeded demo data into the empty database");
  const tokenFile = config.adminToken === null ? await ensureBootstrapAdminToken(app.db, config.adminTokenFile) : null;
  const port = await app.listen(config.port);
  const base = `http://localhost:${port}`;
  process.stdout.write(
    [
      `CCHC Tracker is up in ${Date.now() - started} ms on ${app.db.options.type}`,
      `  GraphQL:  ${base}/graphql`,
      `  GraphiQL: ${base}/graphiql`,
      `  Health:   ${base}/health`,
      ...(config.publicPages.enabled ? [`  Public:   ${base}/cong-khai`] : []),
      tokenFile
        ? `  Admin token: written to ${tokenFile} (readable by you only): store it, then delete the file`
        : config.adminToken
          ? "  Admin token: the CCHC_ADMIN_TOKEN you set"
          : "  Admin token: already issued earlier; set CCHC_ADMIN_TOKEN to use one of your own",
      "",
    ].join("\n"),
  );
  // A deploy's SIGTERM lets running imports commit (new requests get 503 meanwhile), up to the grace.
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    const grace = config.limits.shutdownGraceMs;
    app
      .drain(grace)
      .then((settled) => {
        if (!settled) log.warn("shutdown: imports still running after the grace period; they roll back", { graceMs: grace });
        return app.close();
      })
      .finally(() => process.exit(0));
  };
  // `on`, not `once`: a second signal during the drain must not fall through to the default (exit).
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
  } else {
    process.stderr.write(`CCHC Tracker failed to start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
