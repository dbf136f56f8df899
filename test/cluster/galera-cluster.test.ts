import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The cluster script's own functions (plain JavaScript, run by `npm run cluster` too).
import {
  DATABASE,
  freeBase,
  isAlive,
  killClusterSync,
  killPid,
  missingPrerequisites,
  nodeConnection,
  nodeStatus,
  proxyStats,
  restartNode,
  startCluster,
  startReplica,
  stopCluster,
  trackPid,
  waitForNode,
} from "../../scripts/cluster.mjs";
import { MIGRATIONS } from "../../server/src/db/migrations/index.js";
import { DATABASE_UNREACHABLE_MESSAGE } from "../../server/src/graphql/database-unavailable.js";
import { postGraphql } from "../support/post-graphql.js";
import type { GraphQLResponse } from "../support/test-server.js";

/**
 * Several replicas on a Galera cluster (README "Several replicas on a Galera cluster"): three
 * MariaDB Galera nodes, HAProxy over two server replicas (HTTP round robin) and over the three
 * nodes (TCP round robin, the replicas' database), all started here by scripts/cluster.mjs and
 * stopped at the end, whatever happened. Every request goes through the proxy, so requests
 * alternate between the replicas and the replicas' pooled connections sit on all three nodes.
 *
 * Skipped, loudly, only where Galera or HAProxy is not installed (.ci/run installs HAProxy).
 */
const missing = missingPrerequisites();
if (missing) {
  const line = "!".repeat(100);
  console.warn(`\n${line}\n!!! GALERA CLUSTER TESTS SKIPPED: ${missing}\n!!! apt-get install mariadb-server galera-4 haproxy rsync to run them\n${line}\n`);
}


interface ClusterState {
  dir: string;
  url: string;
  token: string;
  ports: { sql: number[]; replicas: number[]; http: number; sqlProxy: number; stats: number };
  pids: { nodes: number[]; haproxy: number; replicas: number[] };
  startMs: number;
}

type Response<T = any> = GraphQLResponse<T>;

describe.skipIf(missing !== null)("a Galera cluster of three nodes behind HAProxy, two replicas", () => {
  let cluster: ClusterState;
  const extraPids: number[] = [];

  const gql = async <T = any>(query: string, variables?: Record<string, unknown>, timeoutMs = 60_000): Promise<Response<T>> => {
    try {
      return await postGraphql<T>(cluster.url, cluster.token, query, variables, timeoutMs);
    } catch (error) {
      return { status: 0, errors: [{ message: `no answer: ${(error as Error).message}` }] };
    }
  };
  const ok = <T>(response: Response<T>): T => {
    if (response.status !== 200 || response.errors?.length || !response.data) throw new Error(`request failed: ${JSON.stringify(response)}`);
    return response.data;
  };
  const code = (response: Response) => (response.errors?.length ? (response.errors[0].extensions?.code ?? "?") : "ok");

  /** A query straight to node i (0-based), not through the proxy. */
  async function onNode<T = Record<string, unknown>>(i: number, sql: string, params: unknown[] = []): Promise<T[]> {
    const connection = await createConnection({ ...nodeConnection(cluster.ports, i), database: DATABASE });
    try {
      const [rows] = await connection.query(sql, params);
      return rows as T[];
    } finally {
      await connection.end();
    }
  }
  const localCommits = async () => Promise.all([0, 1, 2].map(async (i) => Number((await nodeStatus(cluster.ports, i))?.wsrep_local_commits ?? 0)));

  beforeAll(async () => {
    // A folder of this checkout's own (gitignored): a cluster a crashed run left there is stopped first.
    const dir = join(process.cwd(), ".cache/cluster-test");
    process.once("exit", () => killClusterSync(dir));
    // Ports shifted from `npm run cluster`'s; another checkout's test cluster may hold the first choice.
    const base = await freeBase([300, 400, 500, 600]);
    if (base === null) throw new Error("no free ports for a test cluster (bases 300-600 all taken)");
    // The writers below make more than the per-token write limit's 600 a minute: the limit is not under test.
    cluster = (await startCluster({ dir, base, env: { CCHC_WRITE_RATE_LIMIT: "0" } })) as ClusterState;
    console.info(`galera test cluster up in ${cluster.startMs} ms`);
    ok(await gql(`mutation { upsertUnit(input: { code: "VP", name: "Văn phòng", kind: DEPARTMENT }) { id } }`));
  }, 360_000);

  afterAll(async () => {
    for (const pid of extraPids) await killPid(pid).catch(() => undefined);
    if (cluster) await stopCluster({ dir: cluster.dir });
  }, 120_000);

  it("started both replicas together on the empty database: the migrations ran once, on a lease every node sees", async () => {
    for (const i of [0, 1, 2]) {
      const rows = await onNode<{ name: string }>(i, "SELECT name FROM migrations ORDER BY id");
      expect(rows.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    }
  });

  it("two more replicas started together straight on two different nodes of a new database both come up", async () => {
    const admin = await createConnection(nodeConnection(cluster.ports, 0));
    await admin.query("CREATE DATABASE cchc_two CHARACTER SET utf8mb4 COLLATE utf8mb4_vietnamese_ci");
    await admin.end();
    const urls = [1, 2].map((i) => `mysql://root@127.0.0.1:${cluster.ports.sql[i]}/cchc_two`);
    const ports = { ...cluster.ports, replicas: [cluster.ports.replicas[0] + 10, cluster.ports.replicas[1] + 10] };
    const pids = await Promise.all(urls.map((databaseUrl, r) => startReplica(cluster.dir, ports, r, { token: cluster.token, databaseUrl })));
    extraPids.push(...pids);
    for (const pid of pids) trackPid(cluster.dir, pid);
    for (const port of ports.replicas) expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    const connection = await createConnection({ ...nodeConnection(cluster.ports, 0), database: "cchc_two" });
    const [rows] = await connection.query("SELECT name FROM migrations ORDER BY id");
    await connection.end();
    expect((rows as { name: string }[]).map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    for (const pid of pids) await killPid(pid, "SIGTERM");
  }, 120_000);

  it("answers the contract through the proxy, writes spread over both replicas and all three nodes, each read seeing the write before it", async () => {
    const before = await localCommits();
    const statsBefore = await proxyStats(cluster.ports);
    const directive = ok(
      await gql<{ createDirective: { id: string } }>(`mutation($i: DirectiveInput!) { createDirective(input: $i) { id } }`, {
        i: { number: "01/CT-UBND", subject: "Cải cách hành chính", issuedOn: "2023-01-02", periodStart: "2023-01-01", periodEnd: "2023-12-31", deadline: "2023-12-31" },
      }),
    );
    expect(directive.createDirective.id).toBeTruthy();
    // Six clients at once, each writing a case and reading it back (the read goes through the proxy
    // again, to either replica, on whichever node that replica's connection sits).
    const writeThenRead = async (n: number) => {
      const caseCode = `CL-${n}`;
      ok(
        await gql(`mutation($i: CaseInput!) { upsertCase(input: $i) { code } }`, {
          i: {
            code: caseCode,
            procedureName: `Thủ tục ${n}`,
            applicantName: "Nguyễn Văn An",
            unitCode: "VP",
            receivedAt: "2023-03-01T08:00:00+07:00",
            dueAt: "2023-03-10T16:30:00+07:00",
            resolvedAt: n % 2 ? "2023-03-15T10:00:00+07:00" : null,
          },
        }),
      );
      const read = ok(await gql<{ case: { procedureName: string } | null }>(`query($c: String!) { case(code: $c) { procedureName } }`, { c: caseCode }));
      expect(read.case?.procedureName).toBe(`Thủ tục ${n}`);
    };
    for (let batch = 0; batch < 4; batch++) await Promise.all(Array.from({ length: 6 }, (_, k) => writeThenRead(batch * 6 + k)));
    const page = ok(await gql<{ cases: { totalCount: number } }>(`{ cases(filter: { unitCode: "VP" }) { totalCount } }`));
    expect(page.cases.totalCount).toBeGreaterThanOrEqual(24);
    // The contract's errors, through the proxy as from one server.
    const apology = { caseCode: "CL-1", number: "01/XL", issuedAt: "2023-03-16T08:00:00+07:00", reason: "Thiếu hồ sơ", newDueAt: "2023-03-20T16:30:00+07:00", signer: "Trần Thị Bình" };
    const issue = `mutation($i: ApologyInput!) { issueApology(input: $i) { id number } }`;
    expect(code(await gql(issue, { i: { ...apology, caseCode: "KHONG-CO" } }))).toBe("NOT_FOUND");
    const issued = ok(await gql<{ issueApology: { id: string } }>(issue, { i: apology }));
    expect(code(await gql(issue, { i: apology }))).toBe("CONFLICT");
    expect(code(await gql(issue, { i: { ...apology, caseCode: "CL-3", newDueAt: "2023-03-01T08:00:00+07:00" } }))).toBe("BAD_USER_INPUT");
    ok(await gql(`mutation($id: ID!) { publishApology(id: $id) { id } }`, { id: issued.issueApology.id }));
    const unknownUnit = await gql(`mutation($i: CaseInput!) { upsertCase(input: $i) { code } }`, {
      i: { code: "X-1", procedureName: "P", applicantName: "A", unitCode: "NOPE", receivedAt: "2023-03-01T08:00:00+07:00", dueAt: "2023-03-10T16:30:00+07:00" },
    });
    expect(code(unknownUnit)).toBe("NOT_FOUND");
    const unauthenticated = await fetch(`${cluster.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ units { code } }"}' });
    expect(unauthenticated.status).not.toBe(200);

    // Both replicas served requests, and every node committed writes of its own.
    const statsAfter = await proxyStats(cluster.ports);
    for (const replica of ["replica1", "replica2"]) expect(statsAfter[replica].sessions - statsBefore[replica].sessions).toBeGreaterThan(10);
    const after = await localCommits();
    const perNode = after.map((n, i) => n - before[i]);
    console.info(`contract run: writes committed per node ${JSON.stringify(perNode)}`);
    for (const commits of perNode) expect(commits).toBeGreaterThan(0);
    // And every node holds every write.
    for (const i of [0, 1, 2]) expect((await onNode<{ n: number }>(i, "SELECT COUNT(*) AS n FROM cases WHERE code LIKE 'CL-%'"))[0].n).toBe(24);
  }, 120_000);

  it("50 concurrent issueApology for one case across the replicas: exactly one apology, 49 CONFLICT", async () => {
    ok(
      await gql(`mutation($i: CaseInput!) { upsertCase(input: $i) { code } }`, {
        i: { code: "RACE-AP", procedureName: "P", applicantName: "A", unitCode: "VP", receivedAt: "2023-03-01T08:00:00+07:00", dueAt: "2023-03-10T16:30:00+07:00" },
      }),
    );
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        gql(`mutation($i: ApologyInput!) { issueApology(input: $i) { id } }`, {
          i: { caseCode: "RACE-AP", number: `XL-${n}`, issuedAt: "2023-03-09T08:00:00+07:00", reason: "Chậm", newDueAt: "2023-03-20T16:30:00+07:00", signer: "B" },
        }),
      ),
    );
    const codes = answers.map(code);
    console.info(`50 issueApology across replicas: ${Date.now() - started} ms, ${JSON.stringify(count(codes))}`);
    expect(count(codes)).toEqual({ ok: 1, CONFLICT: 49 });
    // The one acknowledged is the one stored, on every node.
    const acknowledgedId = answers.find((a) => code(a) === "ok")?.data?.issueApology.id;
    for (const i of [0, 1, 2]) {
      const rows = await onNode<{ id: number }>(i, "SELECT a.id FROM apologies a JOIN cases c ON c.id = a.caseId WHERE c.code = 'RACE-AP'");
      expect(rows.map((row) => String(row.id))).toEqual([acknowledgedId]);
    }
  }, 120_000);

  it("12 concurrent upsertCase of one new code across the replicas all succeed and leave one case", async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        gql(`mutation($i: CaseInput!) { upsertCase(input: $i) { code } }`, {
          i: { code: "RACE-UP", procedureName: `Thủ tục ${n}`, applicantName: "A", unitCode: "VP", receivedAt: "2023-03-01T08:00:00+07:00", dueAt: "2023-03-10T16:30:00+07:00" },
        }),
      ),
    );
    expect(count(answers.map(code))).toEqual({ ok: 12 });
    for (const i of [0, 1, 2]) {
      const rows = await onNode<{ n: number }>(i, "SELECT COUNT(*) AS n FROM cases WHERE code = 'RACE-UP'");
      expect(rows[0].n).toBe(1);
    }
    // One audit entry per acknowledged write (none of a rolled-back attempt).
    const audit = await onNode<{ n: number }>(0, "SELECT COUNT(*) AS n FROM audit_entries WHERE operation = 'upsertCase' AND subjectKey = 'RACE-UP'");
    expect(audit[0].n).toBe(12);
  }, 120_000);

  it("four concurrent imports of one file across the replicas count as if run one after another", async () => {
    const rows = 1500;
    const csv =
      "code,procedure_name,applicant_name,unit_code,received_at,due_at\n" +
      Array.from({ length: rows }, (_, i) => `IMP-${i},Thủ tục,Người nộp,VP,01/11/2023,17/11/2023`).join("\n") +
      "\n";
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => gql<{ importCases: { created: number; updated: number; unchanged: number; errorCount: number } }>(
        `mutation($csv: String!) { importCases(csv: $csv) { created updated unchanged errorCount } }`,
        { csv },
        180_000,
      )),
    );
    const counts = results.map((r) => ok(r).importCases);
    console.info(`4 imports of ${rows} rows across replicas: ${Date.now() - started} ms, ${JSON.stringify(counts)}`);
    const sorted = [...counts].sort((a, b) => b.created - a.created);
    expect(sorted).toEqual([
      { created: rows, updated: 0, unchanged: 0, errorCount: 0 },
      ...Array.from({ length: 3 }, () => ({ created: 0, updated: 0, unchanged: rows, errorCount: 0 })),
    ]);
    for (const i of [0, 1, 2]) expect((await onNode<{ n: number }>(i, "SELECT COUNT(*) AS n FROM cases WHERE code LIKE 'IMP-%'"))[0].n).toBe(rows);
  }, 240_000);

  it("HAProxy sends connections only to nodes that are Synced: a desynced node leaves the pool and comes back", async () => {
    const waitForStatus = async (server: string, status: string, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const now = (await proxyStats(cluster.ports))[server]?.status;
        if (now === status) return;
        if (Date.now() > deadline) throw new Error(`${server} is ${now} in HAProxy after ${timeoutMs} ms, not ${status}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    await waitForStatus("node3", "UP");
    // Desynced (wsrep_local_state 2, as a donor is): its port stays open, so a TCP check would keep it.
    const connection = await createConnection({ ...nodeConnection(cluster.ports, 2), database: DATABASE });
    try {
      await connection.query("SET GLOBAL wsrep_desync = ON");
      await waitForStatus("node3", "DOWN");
      // Meanwhile the proxy's connections land on the other two, and the API answers.
      for (let i = 0; i < 6; i++) ok(await gql(`{ units { code } }`));
      await connection.query("SET GLOBAL wsrep_desync = OFF");
      await waitForStatus("node3", "UP");
    } finally {
      await connection.query("SET GLOBAL wsrep_desync = OFF").catch(() => undefined);
      await connection.end();
    }
  }, 90_000);

  it("a node killed (SIGKILL) in the middle of writes: the other two carry on, no acknowledged write is lost, the node rejoins", async () => {
    const victim = 1;
    const acknowledged: string[] = [];
    const errors: Record<string, number> = {};
    let killedAt = 0;
    let stop = false;
    let ackAfterKill = 0;
    const writer = async (w: number) => {
      for (let n = 0; !stop; n++) {
        const caseCode = `KILL-${w}-${n}`;
        // The client retries a refused write (the contract's "try again"), a few times.
        for (let attempt = 0; attempt < 20 && !stop; attempt++) {
          const answer = await gql(`mutation($i: CaseInput!) { upsertCase(input: $i) { code } }`, {
            i: { code: caseCode, procedureName: "P", applicantName: "A", unitCode: "VP", receivedAt: "2023-03-01T08:00:00+07:00", dueAt: "2023-03-10T16:30:00+07:00" },
          }, 30_000);
          if (answer.status === 200 && !answer.errors?.length && answer.data) {
            acknowledged.push(caseCode);
            if (killedAt) ackAfterKill++;
            break;
          }
          const message = answer.errors?.[0]?.message ?? "";
          const key = `${answer.status} ${code(answer)} ${message.startsWith(DATABASE_UNREACHABLE_MESSAGE) ? "database cannot be reached" : message.slice(0, 80)}`;
          errors[key] = (errors[key] ?? 0) + 1;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const writers = Array.from({ length: 6 }, (_, w) => writer(w));
    await new Promise((r) => setTimeout(r, 3000));
    const beforeKill = acknowledged.length;
    killedAt = Date.now();
    await killPid(cluster.pids.nodes[victim], "SIGKILL");
    // The other two carry on: a primary component of two, writes acknowledged.
    await waitForNode(cluster.ports, 0, 2, 30_000);
    await waitForNode(cluster.ports, 2, 2, 30_000);
    await new Promise((r) => setTimeout(r, 5000));
    const duringOutage = ackAfterKill;
    const rejoinStarted = Date.now();
    cluster.pids.nodes[victim] = await restartNode(cluster.dir, cluster.ports, victim);
    await waitForNode(cluster.ports, victim, 3, 120_000, join(cluster.dir, `node${victim + 1}.err`), cluster.pids.nodes[victim]);
    const rejoinMs = Date.now() - rejoinStarted;
    await new Promise((r) => setTimeout(r, 2000));
    stop = true;
    await Promise.all(writers);
    console.info(
      `node kill: ${beforeKill} writes acknowledged before, ${duringOutage} in the 5 s after the kill, ${acknowledged.length} in all; ` +
        `errors seen by clients ${JSON.stringify(errors)}; node rejoined (IST) in ${rejoinMs} ms`,
    );
    expect(beforeKill).toBeGreaterThan(0);
    expect(duringOutage).toBeGreaterThanOrEqual(3);
    // Only the contract's "database cannot be reached, try again" errors, never a wrong answer.
    for (const key of Object.keys(errors)) expect(key).toMatch(/^(\d+ INTERNAL_SERVER_ERROR database cannot be reached|50[23] .*|0 \? no answer.*)$/);
    // Every acknowledged write is on every node, the rejoined one too.
    for (const i of [0, 1, 2]) {
      const stored = new Set((await onNode<{ code: string }>(i, "SELECT code FROM cases WHERE code LIKE 'KILL-%'")).map((r) => r.code));
      const lost = acknowledged.filter((c) => !stored.has(c));
      expect(lost, `node ${i + 1} lacks acknowledged writes`).toEqual([]);
    }
    expect(isAlive(cluster.pids.nodes[victim])).toBe(true);
  }, 240_000);
});

function count(codes: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of codes) out[c] = (out[c] ?? 0) + 1;
  return out;
}
