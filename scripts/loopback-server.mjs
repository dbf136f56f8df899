// The app `npm start` runs (dist/), configured from the environment the same way (DATABASE_URL,
// CCHC_ADMIN_TOKEN, CCHC_DEMO, ...), but listening on a free port of 127.0.0.1 only: for `npm run load` and
// the tests that need the server as a process of its own (killed, restarted, cut from its database).
// Prints "listening http://127.0.0.1:<port>" once it serves. CCHC_LOOPBACK_PORT picks the port (the
// cluster's replicas, scripts/cluster.mjs); default a free one.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
require("reflect-metadata");
const { createApp } = require("../dist/server/src/app.js");
const { loadConfig } = require("../dist/server/src/config.js");
const { seedDemoIfEmpty } = require("../dist/server/src/db/seed/seed-demo.js");
const { setLogLevel } = require("../dist/server/src/log.js");

const config = loadConfig();
setLogLevel(config.logLevel);
const app = await createApp(config);
if (config.demo) await seedDemoIfEmpty(app.db);
const port = await app.listen(Number(process.env.CCHC_LOOPBACK_PORT ?? 0), "127.0.0.1");
process.stdout.write(`listening http://127.0.0.1:${port}\n`);
const stop = () => void app.close().finally(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
