// `npm run cluster` / `npm run cluster -- stop`: on this machine, a three-node MariaDB Galera cluster
// (Debian's mariadb-server with galera-4), two server replicas, and HAProxy in front of both (HTTP
// round robin over the replicas; a TCP frontend round robin over the three nodes, which is the
// database URL the replicas use, so their pooled connections, hence their writes, land on all
// three nodes). It stands for the production layout the README describes. Nothing of the system's
// MariaDB (port 3306, /etc/mysql, /var/lib/mysql) is touched: every node runs with --no-defaults,
// its own data directory, socket and ports, under .cache/cluster/ (gitignored).
//
// The tests (test/cluster/) import startCluster/stopCluster with their own directory and ports.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from "node:fs";
import { createConnection as netConnect } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const MARIADBD = "/usr/sbin/mariadbd";
export const GALERA = "/usr/lib/galera/libgalera_smm.so";
const INSTALL_DB = ["/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db"].find((p) => existsSync(p)) ?? "mariadb-install-db";

/** The ports of one cluster; `base` shifts them all, so a test's cluster runs beside `npm run cluster`'s. */
export function clusterPorts(base = 0) {
  return {
    sql: [33071, 33072, 33073].map((p) => p + base),
    galera: [4571, 4572, 4573].map((p) => p + base),
    ist: [4581, 4582, 4583].map((p) => p + base),
    sst: [4591, 4592, 4593].map((p) => p + base),
    replicas: [18081, 18082].map((p) => p + base),
    /** HAProxy: HTTP round robin over the replicas. */
    http: 18080 + base,
    /** HAProxy: TCP round robin over the three nodes (the replicas' DATABASE_URL). */
    sqlProxy: 33070 + base,
    /** HAProxy's statistics page (/stats;csv). */
    stats: 18090 + base,
  };
}

export const DEFAULT_DIR = join(root, ".cache/cluster");
export const DATABASE = "cchc";

/** Why a Galera cluster cannot run here, or null when it can (mariadbd, galera-4, haproxy, rsync, the mariadb client present). */
export function missingPrerequisites() {
  const missing = [];
  if (!existsSync(MARIADBD)) missing.push(`${MARIADBD} (apt-get install mariadb-server)`);
  if (!existsSync(GALERA)) missing.push(`${GALERA} (apt-get install galera-4)`);
  // The mariadb client runs HAProxy's node check (scripts/galera-node-check.sh).
  for (const tool of ["haproxy", "rsync", "wsrep_sst_rsync", "mariadb"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`], { env: { PATH: pathWithSbin() } }).status !== 0) missing.push(tool);
  }
  return missing.length ? `missing: ${missing.join(", ")}` : null;
}

function pathWithSbin() {
  return `${process.env.PATH ?? ""}:/usr/sbin:/usr/bin:/sbin:/bin`;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function readState(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, "state.json"), "utf8"));
  } catch {
    return null;
  }
}

function writeState(dir, state) {
  writeFileSync(join(dir, "state.json"), JSON.stringify(state, null, 2));
}

export function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port, timeoutMs = 500) {
  return new Promise((resolvePort) => {
    const socket = netConnect({ host: "127.0.0.1", port });
    const done = (open) => {
      socket.destroy();
      resolvePort(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** A process of the cluster, detached (it outlives `npm run cluster`), its output in a log file. */
function startDetached(command, args, logFile, env = {}) {
  const fd = openSync(logFile, "a");
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", fd, fd],
    env: { ...process.env, PATH: pathWithSbin(), ...env },
  });
  closeSync(fd);
  child.unref();
  return child;
}

/** The mysql2 connection options of node i (0-based), or of the TCP proxy (i = "proxy"). */
export function nodeConnection(ports, i) {
  return { host: "127.0.0.1", port: i === "proxy" ? ports.sqlProxy : ports.sql[i], user: "root", password: "" };
}

async function mysql() {
  const { createRequire } = await import("node:module");
  return createRequire(import.meta.url)("mysql2/promise");
}

/** wsrep status of node i, or null when it does not answer. */
export async function nodeStatus(ports, i) {
  const { createConnection } = await mysql();
  let c;
  try {
    c = await createConnection({ ...nodeConnection(ports, i), connectTimeout: 1000 });
    const [rows] = await c.query(
      "SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_ready','wsrep_local_state_comment','wsrep_cluster_status','wsrep_local_commits','wsrep_connected')",
    );
    return Object.fromEntries(rows.map((r) => [r.Variable_name, r.Value]));
  } catch {
    return null;
  } finally {
    await c?.end().catch(() => undefined);
  }
}

/** Waits until node i is Synced, ready, in a primary component of `size` nodes. */
export async function waitForNode(ports, i, size, timeoutMs = 120_000, logFile, pid) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (pid && !isAlive(pid)) {
      const tail = logFile && existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n") : "";
      throw new Error(`galera node ${i + 1} exited while starting\n${tail}`);
    }
    const s = await nodeStatus(ports, i);
    if (
      s &&
      s.wsrep_ready === "ON" &&
      s.wsrep_local_state_comment === "Synced" &&
      s.wsrep_cluster_status === "Primary" &&
      Number(s.wsrep_cluster_size) >= size
    )
      return s;
    if (Date.now() > deadline) {
      const tail = logFile && existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n") : "";
      throw new Error(`galera node ${i + 1} not synced in a cluster of ${size} within ${timeoutMs} ms (${JSON.stringify(s)})\n${tail}`);
    }
    await sleep(250);
  }
}

/** The command line of node i: no option file at all (--no-defaults), everything here. */
export function nodeArgs(dir, ports, i, { bootstrap = false } = {}) {
  const data = join(dir, `node${i + 1}`);
  const peers = ports.galera.map((p) => `127.0.0.1:${p}`).join(",");
  return [
    "--no-defaults",
    `--datadir=${data}`,
    `--socket=${join(dir, `node${i + 1}.sock`)}`,
    `--pid-file=${join(dir, `node${i + 1}.pid`)}`,
    `--port=${ports.sql[i]}`,
    "--bind-address=127.0.0.1",
    "--user=root",
    "--skip-name-resolve",
    `--log-error=${join(dir, `node${i + 1}.err`)}`,
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_vietnamese_ci",
    "--default-storage-engine=InnoDB",
    "--binlog-format=ROW",
    "--innodb-autoinc-lock-mode=2",
    // Durability on a Galera cluster comes from the write set reaching every node before COMMIT
    // returns; each node flushes its log once a second (the usual Galera setting).
    "--innodb-flush-log-at-trx-commit=2",
    "--innodb-buffer-pool-size=128M",
    // A small redo log: a joiner's first copy (rsync SST) carries it whole.
    "--innodb-log-file-size=32M",
    "--max-connections=300",
    "--wsrep-on=ON",
    `--wsrep-provider=${GALERA}`,
    "--wsrep-cluster-name=cchc",
    `--wsrep-cluster-address=gcomm://${bootstrap ? "" : peers}`,
    `--wsrep-node-name=node${i + 1}`,
    `--wsrep-node-address=127.0.0.1:${ports.galera[i]}`,
    `--wsrep-node-incoming-address=127.0.0.1:${ports.sql[i]}`,
    `--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${ports.galera[i]};ist.recv_addr=127.0.0.1:${ports.ist[i]};gcache.size=128M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.install_timeout=PT4S`,
    "--wsrep-sst-method=rsync",
    `--wsrep-sst-receive-address=127.0.0.1:${ports.sst[i]}`,
    // Causal reads: a read on any node sees every write acknowledged before it, on any node.
    "--wsrep-sync-wait=1",
    "--wsrep-slave-threads=2",
  ];
}

/** Starts node i (it must not run). `bootstrap`: a new cluster of its own (node 1 at the first start). */
export function startNode(dir, ports, i, { bootstrap = false } = {}) {
  const data = join(dir, `node${i + 1}`);
  mkdirSync(data, { recursive: true });
  const args = nodeArgs(dir, ports, i, { bootstrap });
  if (bootstrap) args.push("--wsrep-new-cluster");
  // wsrep_sst_rsync receives on the joiner with an rsync daemon whose config names no uid: started
  // by root (the nodes run as root here, as the tests and CI do) it writes as "nobody". The data
  // directory is therefore open to it; a packaged node runs as mysql and needs none of this.
  chmodSync(data, 0o777);
  const child = startDetached(MARIADBD, args, join(dir, `node${i + 1}.out`));
  return child.pid;
}

/**
 * Starts node i again after it stopped or was killed: first `--wsrep-recover` reads the last
 * committed position from its InnoDB log, then the node starts from there, so it rejoins by IST
 * (the writes it missed, from a peer's gcache) instead of a full SST, which would hold the donor's
 * writes while rsync copies. Resolves with the new pid.
 */
export async function restartNode(dir, ports, i) {
  const args = nodeArgs(dir, ports, i);
  const recoverLog = join(dir, `node${i + 1}.recover.err`);
  const recovered = spawnSync(MARIADBD, [...args.filter((a) => !a.startsWith("--log-error=")), `--log-error=${recoverLog}`, "--wsrep-recover"], {
    encoding: "utf8",
    env: { ...process.env, PATH: pathWithSbin() },
    timeout: 60_000,
  });
  const text = existsSync(recoverLog) ? readFileSync(recoverLog, "utf8") : `${recovered.stderr}`;
  const position = /Recovered position:\s*([0-9a-f-]{36}:-?\d+)/.exec(text)?.[1];
  if (position && !position.endsWith(":-1")) args.push(`--wsrep-start-position=${position}`);
  const child = startDetached(MARIADBD, args, join(dir, `node${i + 1}.out`));
  const state = readState(dir);
  if (state) {
    state.pids.nodes[i] = child.pid;
    writeState(dir, state);
  }
  return child.pid;
}

/** Records a process started beside the cluster (an extra replica), so that stopCluster stops it too. */
export function trackPid(dir, pid) {
  const state = readState(dir);
  if (!state) return;
  state.pids.extra = [...(state.pids.extra ?? []), pid];
  writeState(dir, state);
}

function initDatadir(dir, i) {
  const data = join(dir, `node${i + 1}`);
  mkdirSync(data, { recursive: true });
  const result = spawnSync(
    INSTALL_DB,
    ["--no-defaults", `--datadir=${data}`, "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db", "--force"],
    { encoding: "utf8", env: { ...process.env, PATH: pathWithSbin() } },
  );
  if (result.status !== 0) throw new Error(`mariadb-install-db failed: ${result.stderr || result.stdout}`);
}

function haproxyConfig(dir, ports) {
  return `# generated by scripts/cluster.mjs
global
  maxconn 2000
  pidfile ${join(dir, "haproxy.pid")}
  # The database nodes are checked by a script (scripts/galera-node-check.sh), which HAProxy forks.
  external-check
  insecure-fork-wanted

defaults
  timeout connect 2s
  timeout client 600s
  timeout server 600s
  timeout check 2s

# The application: round robin over the replicas, each checked on GET /health.
frontend app
  mode http
  bind 127.0.0.1:${ports.http}
  default_backend replicas

backend replicas
  mode http
  balance roundrobin
  option httpchk GET /health
  http-check expect status 200
  retry-on conn-failure empty-response
  retries 2
  option redispatch
${ports.replicas.map((p, i) => `  server replica${i + 1} 127.0.0.1:${p} check inter 1s fall 2 rise 1`).join("\n")}

# Requests per replica and connections per node, as CSV: GET /stats;csv
listen stats
  mode http
  bind 127.0.0.1:${ports.stats}
  stats enable
  stats uri /stats

# The database: round robin over the three Galera nodes, per connection. A node serves only while it is
# Synced and ready (scripts/galera-node-check.sh, every second): a dead node leaves after 2 s, and a
# restarted one returns once its state transfer is over, not when its port opens.
listen galera
  mode tcp
  bind 127.0.0.1:${ports.sqlProxy}
  balance roundrobin
  option tcpka
  option external-check
  external-check path "/usr/bin:/bin"
  external-check command ${join(root, "scripts/galera-node-check.sh")}
  retries 3
  option redispatch
${ports.sql.map((p, i) => `  server node${i + 1} 127.0.0.1:${p} check inter 1s fall 2 rise 2 on-marked-down shutdown-sessions`).join("\n")}
`;
}

export function startHaproxy(dir, ports) {
  const cfg = join(dir, "haproxy.cfg");
  writeFileSync(cfg, haproxyConfig(dir, ports));
  const check = spawnSync("haproxy", ["-c", "-q", "-f", cfg], { encoding: "utf8", env: { ...process.env, PATH: pathWithSbin() } });
  if (check.status !== 0) throw new Error(`haproxy config invalid: ${check.stderr}`);
  return startDetached("haproxy", ["-db", "-f", cfg], join(dir, "haproxy.log")).pid;
}

/** DATABASE_URL of the replicas (through the TCP proxy over the three nodes). */
export function proxyDatabaseUrl(ports) {
  return `mysql://root@127.0.0.1:${ports.sqlProxy}/${DATABASE}`;
}

/** Starts replica r (0-based) on its port; resolves with its pid once /health answers. */
export async function startReplica(dir, ports, r, { token, databaseUrl = proxyDatabaseUrl(ports), env = {} } = {}) {
  const logFile = join(dir, `replica${r + 1}.log`);
  const child = startDetached(process.execPath, [join(root, "scripts/loopback-server.mjs")], logFile, {
    DATABASE_URL: databaseUrl,
    CCHC_ADMIN_TOKEN: token,
    CCHC_DEMO: "false",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    CCHC_LOOPBACK_PORT: String(ports.replicas[r]),
    ...env,
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (!isAlive(child.pid)) throw new Error(`replica ${r + 1} exited:\n${readFileSync(logFile, "utf8").slice(-3000)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${ports.replicas[r]}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return child.pid;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`replica ${r + 1} not up within 90 s:\n${readFileSync(logFile, "utf8").slice(-3000)}`);
    await sleep(200);
  }
}

/** HAProxy's counters: for each backend server (replica1, replica2, node1, …), the sessions it served in all. */
export async function proxyStats(ports) {
  const csv = await (await fetch(`http://127.0.0.1:${ports.stats}/stats;csv`)).text();
  const [header, ...lines] = csv.trim().split("\n");
  const columns = header.replace(/^# /, "").split(",");
  const out = {};
  for (const line of lines) {
    const cells = line.split(",");
    const row = Object.fromEntries(columns.map((c, k) => [c, cells[k]]));
    if (row.svname !== "FRONTEND" && row.svname !== "BACKEND") out[row.svname] = { sessions: Number(row.stot), status: row.status };
  }
  return out;
}

/** Kills a process (SIGKILL unless told) and waits until it is gone. */
export async function killPid(pid, signal = "SIGKILL", timeoutMs = 15_000) {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      if (signal !== "SIGKILL") return killPid(pid, "SIGKILL", timeoutMs);
      throw new Error(`process ${pid} did not exit`);
    }
    await sleep(50);
  }
}

/**
 * Starts the whole cluster in `dir` (created afresh): three Galera nodes (the first bootstraps,
 * the others join by rsync SST), the database `cchc`, HAProxy, two replicas. Returns the state:
 * URLs, pids, token. Stops whatever an earlier run of the same `dir` left first. `env`: more
 * settings for the replicas (they also inherit this process's environment, CCHC_* included).
 */
export async function startCluster({ dir = DEFAULT_DIR, base = 0, replicas = 2, env = {}, log = () => undefined } = {}) {
  const missing = missingPrerequisites();
  if (missing) throw new Error(`cannot start a Galera cluster here: ${missing}`);
  await stopCluster({ dir });
  const ports = clusterPorts(base);
  for (const port of [...ports.sql, ...ports.galera, ...ports.ist, ...ports.sst, ...ports.replicas, ports.http, ports.sqlProxy, ports.stats]) {
    if (await portOpen(port)) throw new Error(`port ${port} is in use; another cluster runs? (npm run cluster -- stop)`);
  }
  mkdirSync(dir, { recursive: true });
  // The joiners' rsync daemon writes as "nobody" (see startNode): it must be able to reach the data directories.
  chmodSync(dir, 0o755);
  const started = Date.now();
  const state = { dir, base, ports, pids: { nodes: [], haproxy: null, replicas: [] }, startedAt: new Date().toISOString() };
  const token = randomBytes(24).toString("base64url");
  state.tokenFile = join(dir, "admin-token");
  writeFileSync(state.tokenFile, token + "\n", { mode: 0o600 });
  state.token = token;
  writeState(dir, state);
  try {
    initDatadir(dir, 0);
    state.pids.nodes[0] = startNode(dir, ports, 0, { bootstrap: true });
    writeState(dir, state);
    await waitForNode(ports, 0, 1, 60_000, join(dir, "node1.err"), state.pids.nodes[0]);
    log(`node 1 bootstrapped (${Date.now() - started} ms)`);
    // Joiners get node 1's data by rsync SST, both started at once: a donor serves one at a time, and
    // the second asks again every second until node 1 (or node 2, once synced) can serve it; its own
    // start-up overlaps the first transfer.
    for (const i of [1, 2]) state.pids.nodes[i] = startNode(dir, ports, i);
    writeState(dir, state);
    await Promise.all(
      [1, 2].map(async (i) => {
        await waitForNode(ports, i, 2, 180_000, join(dir, `node${i + 1}.err`), state.pids.nodes[i]);
        log(`node ${i + 1} joined (${Date.now() - started} ms)`);
      }),
    );
    await waitForNode(ports, 0, 3, 60_000, join(dir, "node1.err"), state.pids.nodes[0]);
    const { createConnection } = await mysql();
    const admin = await createConnection(nodeConnection(ports, 0));
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_vietnamese_ci`);
    await admin.end();
    state.pids.haproxy = startHaproxy(dir, ports);
    writeState(dir, state);
    for (let t = 0; !(await portOpen(ports.sqlProxy)); t++) {
      if (t > 100) throw new Error("haproxy did not listen");
      await sleep(100);
    }
    // Replicas start together: the migrations' lock (db/exclusive-migrations.ts) lets one migrate.
    state.pids.replicas = await Promise.all(Array.from({ length: replicas }, (_, r) => startReplica(dir, ports, r, { token, env })));
    writeState(dir, state);
    // HAProxy's health checks see both replicas within a second.
    for (let t = 0; ; t++) {
      try {
        const res = await fetch(`http://127.0.0.1:${ports.http}/health`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) break;
      } catch {
        /* not yet */
      }
      if (t > 100) throw new Error("the proxy did not serve /health");
      await sleep(100);
    }
    await sleep(1200);
    state.url = `http://127.0.0.1:${ports.http}`;
    state.databaseUrl = proxyDatabaseUrl(ports);
    state.nodeUrls = ports.sql.map((p) => `mysql://root@127.0.0.1:${p}/${DATABASE}`);
    state.startMs = Date.now() - started;
    writeState(dir, state);
    return state;
  } catch (error) {
    // The logs stay for a look; the next start or stop removes them.
    await stopCluster({ dir, keep: true }).catch(() => undefined);
    throw error;
  }
}

/** Stops every process the state of `dir` names (replicas, proxy, nodes) and removes `dir`. Idempotent. */
export async function stopCluster({ dir = DEFAULT_DIR, keep = false } = {}) {
  const state = readState(dir);
  if (state) {
    const pids = state.pids ?? {};
    await Promise.all([...(pids.replicas ?? []), ...(pids.extra ?? [])].map((pid) => killPid(pid, "SIGTERM")));
    if (pids.haproxy) await killPid(pids.haproxy, "SIGTERM");
    // Nodes: SIGTERM is a clean shutdown; a node that hangs is killed.
    await Promise.all((pids.nodes ?? []).map((pid) => killPid(pid, "SIGTERM", 30_000)));
  }
  if (!keep && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  return state !== null;
}

/**
 * SIGKILLs every process the state of `dir` names, synchronously: for a process's "exit" handler
 * (a test run that dies before its afterAll), so that no node, proxy or replica outlives it.
 */
export function killClusterSync(dir = DEFAULT_DIR) {
  const state = readState(dir);
  if (!state) return;
  const pids = state.pids ?? {};
  for (const pid of [...(pids.replicas ?? []), ...(pids.extra ?? []), pids.haproxy, ...(pids.nodes ?? [])]) {
    if (!pid) continue;
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* gone already */
    }
  }
}

/** The first of `bases` whose every port (clusterPorts) is free, or null. */
export async function freeBase(bases) {
  for (const base of bases) {
    const p = clusterPorts(base);
    const all = [...p.sql, ...p.galera, ...p.ist, ...p.sst, ...p.replicas, p.replicas[0] + 10, p.replicas[1] + 10, p.http, p.sqlProxy, p.stats];
    const open = await Promise.all(all.map((port) => portOpen(port, 300)));
    if (!open.some(Boolean)) return base;
  }
  return null;
}

export function clusterState(dir = DEFAULT_DIR) {
  return readState(dir);
}

async function main() {
  const command = process.argv[2] ?? "start";
  const dir = process.env.CCHC_CLUSTER_DIR ? resolve(process.env.CCHC_CLUSTER_DIR) : DEFAULT_DIR;
  if (command === "stop") {
    const had = await stopCluster({ dir });
    process.stdout.write(had ? "cluster: stopped, and its data removed\n" : "cluster: nothing was running\n");
    return;
  }
  if (command === "status") {
    const state = readState(dir);
    if (!state) return void process.stdout.write("cluster: not running\n");
    const nodes = await Promise.all([0, 1, 2].map((i) => nodeStatus(state.ports, i)));
    process.stdout.write(JSON.stringify({ url: state.url, databaseUrl: state.databaseUrl, nodes }, null, 2) + "\n");
    return;
  }
  if (command !== "start") throw new Error(`usage: node scripts/cluster.mjs [start|stop|status]`);
  const existing = readState(dir);
  if (existing?.url && existing.pids.replicas.every(isAlive) && isAlive(existing.pids.haproxy)) {
    process.stdout.write(describe(existing, "already running"));
    return;
  }
  if (!existsSync(join(root, "dist/server/src/app.js"))) throw new Error("dist/ is missing: npm run build first");
  const base = Number(process.env.CCHC_CLUSTER_PORT_BASE ?? 0);
  const state = await startCluster({ dir, base, log: (line) => process.stdout.write(`cluster: ${line}\n`) });
  process.stdout.write(describe(state, `up in ${(state.startMs / 1000).toFixed(1)} s`));
}

function describe(state, how) {
  return [
    `cluster: ${how}`,
    `  GraphQL (HAProxy, round robin over ${state.pids.replicas.length} replicas): ${state.url}/graphql`,
    `  Admin token: in ${state.tokenFile}`,
    `  Database (HAProxy TCP over 3 Galera nodes): ${state.databaseUrl}`,
    ...state.nodeUrls.map((u, i) => `  Node ${i + 1}: ${u}`),
    `  For the bench (npm run bench): export CCHC_BENCH_CLUSTER_URL=mysql://root@127.0.0.1:${state.ports.sqlProxy}`,
    `  Stop: npm run cluster -- stop`,
    "",
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`cluster: ${error.message}\n`);
    process.exit(1);
  });
}
