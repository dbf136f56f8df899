import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { startBenchServer, graphql } from "./bench-server.mjs";
import { seedYear } from "./seed-year.mjs";
import { throwawayDatabase } from "./throwaway-database.mjs";
const require = createRequire(import.meta.url);
require("reflect-metadata");
const { openDatabase } = require("../../dist/server/src/db/data-source.js");
const { setLogLevel } = require("../../dist/server/src/log.js");
setLogLevel("error");
const T = "bench-run-token-0123456789abcdef";
const cases = Number(process.env.N ?? 10000);
const database = await throwawayDatabase(process.env.MY ?? null);
const db = await openDatabase(database.config);
await seedYear(db, { cases, tasks: Math.min(cases, 100000) });
await db.destroy();
const server = startBenchServer(database.url, T);
const base = await server.ready;
const all = {
  typename: `{ __typename }`,
  directive: `{ latestDirective { id } }`,
  units: `{ units { code } }`,
  boardTotal: `{ latestDirective { compliance { rate } } }`,
  board: `{ latestDirective { compliance { rate } units { unit { code } compliance { overdueCases apologizedCases tasks reportedTasks filedTasks rate status } } } }`,
  page50: `{ cases(filter: { directiveId: 1 }, first: 50) { totalCount edges { node { code dueAt resolvedAt unit { code name } timeliness workingDaysLate apology { number } } } } }`,
  page500plain: `{ cases(filter: { directiveId: 1 }, first: 500) { totalCount edges { node { code dueAt resolvedAt } } } }`,
  page500unit: `{ cases(filter: { directiveId: 1 }, first: 500) { totalCount edges { node { code unit { code name } } } } }`,
  page500timeliness: `{ cases(filter: { directiveId: 1 }, first: 500) { totalCount edges { node { code timeliness } } } }`,
  page500wdl: `{ cases(filter: { directiveId: 1 }, first: 500) { totalCount edges { node { code workingDaysLate } } } }`,
  page500apology: `{ cases(filter: { directiveId: 1 }, first: 500) { totalCount edges { node { code apology { number } } } } }`,
  page500: `{ cases(filter: { directiveId: 1 }, first: 500) { totalCount edges { node { code dueAt resolvedAt unit { code name } timeliness workingDaysLate apology { number } } } } }`,
};
const queries = process.env.Q ? Object.fromEntries(process.env.Q.split(",").map((k) => [k, all[k]])) : all;
import { readFileSync } from "node:fs";
const cpu = () => { const f = readFileSync(`/proc/${server.child.pid}/stat`, "utf8").split(") ")[1].split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
for (const [k, q] of Object.entries(queries)) { for (let i = 0; i < 3; i++) await graphql(base, T, q); const c0 = cpu(); const n = Number(process.env.C ?? 40); for (let i = 0; i < n; i++) await graphql(base, T, q); console.log("cpu/req", k.padEnd(20), ((cpu() - c0) / n).toFixed(1), "ms"); }
const t = Object.fromEntries(Object.keys(queries).map((k) => [k, []]));
for (let r = -3; r < Number(process.env.R ?? 10); r++) for (const [k, q] of Object.entries(queries)) { const s = performance.now(); await graphql(base, T, q); if (r >= 0) t[k].push(performance.now() - s); }
for (const [k, l] of Object.entries(t)) { l.sort((a, b) => a - b); console.log(k.padEnd(20), l[l.length >> 1].toFixed(1), l[0].toFixed(1)); }
await server.stop(); await database.drop();
