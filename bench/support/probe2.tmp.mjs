import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { seedYear } from "./seed-year.mjs";
import { throwawayDatabase } from "./throwaway-database.mjs";
const require = createRequire(import.meta.url);
require("reflect-metadata");
const { openDatabase } = require("../../dist/server/src/db/data-source.js");
const { complianceCountsByUnit } = require("../../dist/server/src/services/compliance.sql.js");
const { setLogLevel } = require("../../dist/server/src/log.js");
setLogLevel("error");
const cases = Number(process.env.N ?? 10000);
const database = await throwawayDatabase(null);
const db = await openDatabase(database.config);
await seedYear(db, { cases, tasks: Math.min(cases, 100000) });
const Database = require("better-sqlite3");
const ro = new Database(database.path, { readonly: true });
const rw = new Database(database.path);
const ad = (s) => ({ options: { type: "sqlite" }, query: async (sql, p) => s.prepare(sql).all(p) });
const P = { periodStart: "2023-01-01", periodEnd: "2023-12-31" };
const kinds = { typeorm: db, ro: ad(ro), rw: ad(rw) };
const t = {};
for (let r = -3; r < 20; r++) for (const [k, d] of Object.entries(kinds)) { const s = performance.now(); await complianceCountsByUnit(d, P, new Date()); if (r >= 0) (t[k] ??= []).push(performance.now() - s); }
for (const [k, l] of Object.entries(t)) { l.sort((a, b) => a - b); console.log(k, l[10].toFixed(1), l[0].toFixed(1)); }
await db.destroy(); await database.drop();
