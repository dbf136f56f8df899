// A server process of its own for bench/documents.bench.mjs, so each document's peak RSS (VmHWM)
// is that of one download: `node bench/document-server.mjs '<database config JSON>' <token>` prints
// {"port": N} once listening and serves until killed.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
require("reflect-metadata");
const { createApp } = require("../dist/server/src/app.js");
const { setLogLevel } = require("../dist/server/src/log.js");
setLogLevel("error");

const [database, token] = [JSON.parse(process.argv[2]), process.argv[3]];
// The bench downloads far more than the per-token document limit allows a person.
const { DEFAULT_LIMITS } = require("../dist/server/src/config.js");
const app = await createApp({ database, adminToken: token, limits: { ...DEFAULT_LIMITS, writesPerToken: 0 } });
const port = await app.listen(0, "127.0.0.1");
console.log(JSON.stringify({ port }));
