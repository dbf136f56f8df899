// `npm run load`: the server under a deadline week's load, self-stopping and on this machine only.
// Starts its own server process (scripts/loopback-server.mjs: the app of `npm start`) on 127.0.0.1 only with a throwaway SQLite file
// and the demo data, then runs LOAD_CLIENTS (50) clients for LOAD_SECONDS (60) s, each looping over a mix of
//   reads      the board (every unit's compliance) and a page of a unit's cases
//   writes     upsertCase (a new or changed case) and issueApology (on a late case the client made)
//   documents  an apology letter (.docx) and the compliance report (.xlsx), over GET /documents/…
// plus one large importCases (LOAD_IMPORT_ROWS, 20,000 rows of CSV) a few seconds in. Prints requests per
// second, p50/p99 per kind and the errors (the goal is 0), as a table and as JSON (last line).
//   npm run load
//   LOAD_SECONDS=20 LOAD_CLIENTS=20 npm run load
//   LOAD_DATABASE_URL=mysql://root@127.0.0.1:3306 npm run load   (a throwaway database created and dropped)
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { startBenchServer } from "./support/bench-server.mjs";
import { mysqlVersion, throwawayDatabase } from "./support/throwaway-database.mjs";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const IMPORT_ROWS = Number(process.env.LOAD_IMPORT_ROWS ?? 20_000);
const TOKEN = `load-${randomBytes(16).toString("hex")}`;
/** Per-request bound: a request that takes longer counts as an error (a hang is a failure, not a figure). */
const REQUEST_TIMEOUT_MS = Number(process.env.LOAD_REQUEST_TIMEOUT_MS ?? 60_000);

/** What each client does, by weight: mostly reads, as in an office. */
const MIX = [
  ["board", 34],
  ["casePage", 34],
  ["upsertCase", 12],
  ["issueApology", 10],
  ["letter", 6],
  ["report", 4],
];

const BOARD = `{ latestDirective { id compliance { rate status } units { unit { code } compliance { overdueCases apologizedCases tasks reportedTasks filedTasks rate status } } } }`;
const CASE_PAGE = `query($f: CaseFilter) { cases(filter: $f, first: 50) { totalCount edges { node { code dueAt resolvedAt timeliness workingDaysLate apology { number } } } } }`;
const UPSERT_CASE = `mutation($input: CaseInput!) { upsertCase(input: $input) { id } }`;
const ISSUE_APOLOGY = `mutation($input: ApologyInput!) { issueApology(input: $input) { id } }`;
const IMPORT_CASES = `mutation($csv: String!) { importCases(csv: $csv) { created updated unchanged errors { line message } } }`;

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function call(base, path, init) {
  const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const response = await fetch(`${base}${path}`, { ...init, signal, headers: { authorization: `Bearer ${TOKEN}`, ...init?.headers } });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, body };
}

async function graphql(base, query, variables) {
  const { status, body } = await call(base, "/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const parsed = JSON.parse(body.toString("utf8"));
  if (status !== 200 || parsed.errors?.length) {
    const first = parsed.errors?.[0];
    throw new Error(`HTTP ${status} ${first?.extensions?.code ?? ""} ${first?.message ?? ""}`.trim());
  }
  return parsed.data;
}

async function download(base, path) {
  const { status, body } = await call(base, path);
  if (status !== 200) throw new Error(`HTTP ${status} ${body.toString("utf8").slice(0, 200)}`);
  if (body.length < 100) throw new Error(`a document of ${body.length} bytes`);
  return body.length;
}

const iso = (ms) => new Date(ms).toISOString();
const DAY = 86_400_000;

function importCsv(rows, units) {
  const lines = ["code,procedure_name,applicant_name,unit_code,received_at,due_at,resolved_at"];
  const start = Date.parse("2023-02-01T02:00:00Z");
  for (let i = 0; i < rows; i++) {
    const received = start + (i % 200) * DAY;
    const due = received + (5 + (i % 10)) * DAY;
    const resolved = i % 5 === 0 ? "" : iso(due + ((i % 7) - 3) * DAY);
    lines.push(`LOAD-IMP-${String(i).padStart(6, "0")},Cấp giấy phép lao động,Nguyễn Văn ${i},${units[i % units.length]},${iso(received)},${iso(due)},${resolved}`);
  }
  return lines.join("\n");
}

async function main() {
  // LOAD_DATABASE_URL names a MariaDB/MySQL server: a throwaway database on it; otherwise a SQLite file.
  const database = await throwawayDatabase(process.env.LOAD_DATABASE_URL, "cchc_load");
  database.label = process.env.LOAD_DATABASE_URL ? ((await mysqlVersion(process.env.LOAD_DATABASE_URL)) ?? "MariaDB/MySQL") : "SQLite (file)";
  // 50 clients share one token: the per-token write and document limit (0 = off) is lifted for this run;
  // stopping lets a running import finish first.
  const server = startBenchServer(database.url, TOKEN, { demo: true, writeRateLimit: process.env.CCHC_WRITE_RATE_LIMIT ?? "0", stopGraceMs: 70_000 });
  const stats = new Map(MIX.map(([kind]) => [kind, { latencies: [], errors: 0, samples: [] }]));
  stats.set("import", { latencies: [], errors: 0, samples: [] });
  const record = (kind, ms, error) => {
    const s = stats.get(kind);
    if (error) {
      s.errors++;
      // fetch's own message is "fetch failed"; the reason (ECONNRESET, a closed socket…) is its cause.
      const reason = error.cause ? `${error.message}: ${error.cause.code ?? ""} ${error.cause.message ?? ""}` : error.message;
      if (s.samples.length < 3) s.samples.push(reason.slice(0, 200));
    } else s.latencies.push(ms);
  };
  let exitCode = 0;
  try {
    const base = await server.ready;
    const seed = await graphql(base, `{ latestDirective { id } units { code } }`);
    const directiveId = seed.latestDirective.id;
    const units = seed.units.map((u) => u.code);
    // A case of the demo data that has an apology: its letter is the document the clients fetch.
    const apologised = await graphql(base, `query($f: CaseFilter) { cases(filter: $f, first: 1) { edges { node { code } } } }`, { f: { directiveId, apologized: true } });
    const caseCode = apologised.cases.edges[0].node.code;
    process.stderr.write(`load: ${database.label}, ${CLIENTS} clients for ${SECONDS} s, ${units.length} units, import of ${IMPORT_ROWS} rows\n`);

    const stopAt = performance.now() + SECONDS * 1000;
    const total = MIX.reduce((sum, [, w]) => sum + w, 0);
    const pickKind = () => {
      let r = Math.random() * total;
      for (const [kind, weight] of MIX) if ((r -= weight) < 0) return kind;
      return MIX[0][0];
    };

    async function client(n) {
      let written = 0;
      /** Late cases this client made that have no apology yet. */
      const late = [];
      while (performance.now() < stopAt) {
        const kind = pickKind();
        const unit = units[(n + written) % units.length];
        const started = performance.now();
        try {
          switch (kind) {
            case "board":
              await graphql(base, BOARD);
              break;
            case "casePage":
              await graphql(base, CASE_PAGE, { f: { directiveId, unitCode: unit } });
              break;
            case "upsertCase": {
              written++;
              const code = `LOAD-${n}-${written}`;
              const received = Date.parse("2023-03-01T02:00:00Z") + (written % 150) * DAY;
              const due = received + 10 * DAY;
              // Resolved two days after the due date: a late case the client can apologise for later.
              await graphql(base, UPSERT_CASE, {
                input: { code, procedureName: "Đăng ký nội quy lao động", applicantName: `Trần Thị ${n}`, unitCode: unit, receivedAt: iso(received), dueAt: iso(due), resolvedAt: iso(due + 2 * DAY) },
              });
              late.push({ code, due });
              break;
            }
            case "issueApology": {
              const target = late.shift();
              if (!target) continue; // nothing of ours to apologise for yet: pick again
              await graphql(base, ISSUE_APOLOGY, {
                input: { caseCode: target.code, number: `${target.code}/PXL`, issuedAt: iso(target.due + DAY), reason: "Hồ sơ cần xác minh thêm", newDueAt: iso(target.due + 5 * DAY), signer: "Nguyễn Văn Ký" },
              });
              break;
            }
            case "letter":
              await download(base, `/documents/apology-letter?caseCode=${encodeURIComponent(caseCode)}`);
              break;
            case "report":
              await download(base, `/documents/compliance-report?directiveId=${directiveId}&format=XLSX`);
              break;
          }
          record(kind, performance.now() - started);
        } catch (error) {
          record(kind, performance.now() - started, error);
        }
      }
    }

    async function largeImport() {
      const csv = importCsv(IMPORT_ROWS, units);
      await new Promise((r) => setTimeout(r, Math.min(5_000, SECONDS * 100)));
      const started = performance.now();
      try {
        const result = await graphql(base, IMPORT_CASES, { csv });
        if (result.importCases.errors.length) throw new Error(`import refused: ${JSON.stringify(result.importCases.errors.slice(0, 2))}`);
        if (result.importCases.created + result.importCases.updated + result.importCases.unchanged !== IMPORT_ROWS) throw new Error("import counts do not add up");
        record("import", performance.now() - started);
      } catch (error) {
        record("import", performance.now() - started, error);
      }
    }

    const began = performance.now();
    await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), largeImport()]);
    const elapsed = (performance.now() - began) / 1000;
    const health = await call(base, "/health").then((r) => r.status).catch(() => "unreachable");

    const rows = [...stats].map(([kind, s]) => {
      const sorted = [...s.latencies].sort((a, b) => a - b);
      return {
        kind,
        ok: sorted.length,
        errors: s.errors,
        p50Ms: sorted.length ? Math.round(percentile(sorted, 50)) : null,
        p99Ms: sorted.length ? Math.round(percentile(sorted, 99)) : null,
        maxMs: sorted.length ? Math.round(sorted[sorted.length - 1]) : null,
        ...(s.samples.length ? { errorSamples: s.samples } : {}),
      };
    });
    const requests = rows.reduce((sum, r) => sum + r.ok + r.errors, 0);
    const errors = rows.reduce((sum, r) => sum + r.errors, 0);
    const summary = { database: database.label, clients: CLIENTS, seconds: Math.round(elapsed * 10) / 10, importRows: IMPORT_ROWS, requests, errors, requestsPerSecond: Math.round((requests / elapsed) * 10) / 10, healthAfter: health, kinds: rows };

    const pad = (v, n) => String(v ?? "–").padStart(n);
    const lines = [
      `${database.label}: ${requests} requests in ${summary.seconds} s by ${CLIENTS} clients = ${summary.requestsPerSecond} req/s, ${errors} errors, /health after: ${health}`,
      `${"kind".padEnd(14)}${pad("ok", 8)}${pad("errors", 8)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("max ms", 9)}`,
      ...rows.map((r) => `${r.kind.padEnd(14)}${pad(r.ok, 8)}${pad(r.errors, 8)}${pad(r.p50Ms, 9)}${pad(r.p99Ms, 9)}${pad(r.maxMs, 9)}`),
      ...rows.filter((r) => r.errorSamples).map((r) => `  ${r.kind} errors, e.g.: ${r.errorSamples.join(" | ")}`),
    ];
    process.stdout.write(`${lines.join("\n")}\n${JSON.stringify(summary)}\n`);
    if (errors > 0 || health !== 200) exitCode = 1;
  } catch (error) {
    process.stderr.write(`load: ${error instanceof Error ? error.message : String(error)}\n${server.stderr().slice(-3000)}\n`);
    exitCode = 2;
  } finally {
    await server.stop();
    await database.drop();
  }
  process.exit(exitCode);
}

await main();
