// `npm run test:e2e`: the extension in a real VS Code (code-server 4.100.3) driven by Debian's Chromium.
// Builds the server and the .vsix, starts the server on a throwaway SQLite file with demo data and a known
// admin token, installs the .vsix into a fresh code-server, runs test/e2e/*.e2e.ts with vitest, and stops
// everything it started (by process group id) whatever happens. See the README, "The VS Code extension".
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const started = Date.now();
const children = [];
const keep = process.env.CCHC_E2E_KEEP === "1";
const work = mkdtempSync(join(tmpdir(), "cchc-e2e-"));

function step(message) {
  process.stderr.write(`e2e [${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}

function run(command, args, options = {}) {
  execFileSync(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], ...options });
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Starts a long-running child in its own process group, so stopping it stops its children too. */
function start(name, command, args, options) {
  const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], ...options });
  children.push({ name, child });
  let output = "";
  const collect = (chunk) => {
    output += chunk;
    if (process.env.CCHC_E2E_VERBOSE === "1") process.stderr.write(`[${name}] ${chunk}`);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  child.on("exit", (code, signal) => {
    if (!child.stopping) step(`${name} exited (${signal ?? code})\n${output.slice(-2000)}`);
  });
  return { child, output: () => output };
}

async function waitFor(what, check, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Is any process of the child's group still alive? */
function groupAlive(child) {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Stops each process group it started, not only the leader: code-server's extension host outlives
// code-server itself for a few seconds.
async function stopAll() {
  for (const { name, child } of children.reverse()) {
    child.stopping = true;
    if (!groupAlive(child)) continue;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      continue;
    }
    const gone = await waitFor(`${name} to stop`, () => !groupAlive(child), 10_000).catch(() => false);
    if (!gone) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

// Ctrl+C (or CI's timeout) still stops what was started.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    step(`${signal}: stopping`);
    void stopAll().finally(() => process.exit(130));
  });
}

let status = 1;
try {
  step("installing Chromium and code-server if missing (cached in ~/.cache/cchc-e2e)");
  const codeServer = execFileSync("bash", [join(root, "test/e2e/install-code-server.sh")], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  })
    .trim()
    .split("\n")
    .pop();

  step("building the server and packaging the extension");
  run("npm", ["run", "--silent", "build"]);
  run("npm", ["run", "--silent", "package"], { stdio: ["ignore", "ignore", "inherit"] });
  const vsix = join(root, "extension/dist/cchc-tracker.vsix");

  step("starting the server on a throwaway SQLite database with demo data");
  const token = `e2e-${randomBytes(16).toString("hex")}`;
  const serverPort = await freePort();
  const server = start("server", process.execPath, [join(root, "dist/server/src/main.js")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(serverPort),
      DATABASE_URL: `sqlite:${join(work, "cchc-e2e.sqlite")}`,
      CCHC_DEMO: "true",
      CCHC_ADMIN_TOKEN: token,
      NODE_ENV: "production",
    },
  });
  const serverUrl = `http://127.0.0.1:${serverPort}`;
  await waitFor("the server's /health", async () => (await fetch(`${serverUrl}/health`)).ok);

  step("installing the .vsix into a fresh code-server profile");
  const profile = join(work, "code-server");
  const dirs = {
    userData: join(profile, "user-data"),
    extensions: join(profile, "extensions"),
    config: join(profile, "config"),
    data: join(profile, "data"),
    cache: join(profile, "cache"),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const workspace = join(work, "workspace");
  mkdirSync(join(dirs.userData, "User"), { recursive: true });
  mkdirSync(workspace, { recursive: true });
  writeFileSync(
    join(dirs.userData, "User", "settings.json"),
    JSON.stringify(
      {
        "cchc.serverUrl": serverUrl,
        // Small pages, so that the tree's "Load more…" shows with the demo data.
        "cchc.pageSize": 4,
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": false,
        "workbench.enableExperiments": false,
        "security.workspace.trust.enabled": false,
        "telemetry.telemetryLevel": "off",
        "extensions.autoUpdate": false,
        "extensions.autoCheckUpdates": false,
        "update.mode": "none",
        "files.simpleDialog.enable": true,
        "window.dialogStyle": "custom",
        "workbench.colorTheme": "Default Light Modern",
        // Of Debian's fonts only DejaVu Sans (not a monospace one) has the precomposed Vietnamese letters;
        // the monospace fallback draws "ế" as "ê" plus a loose accent in the screenshot.
        "editor.fontFamily": "DejaVu Sans",
        "editor.minimap.enabled": false,
      },
      null,
      2,
    ),
  );
  const codeEnv = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    // The editor's terminal and tasks must not see the server's token.
    CCHC_ADMIN_TOKEN: "",
  };
  const common = ["--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions];
  run(codeServer, [...common, "--install-extension", vsix], { env: codeEnv, stdio: ["ignore", "ignore", "inherit"] });

  step("starting code-server");
  const codePort = await freePort();
  start(
    "code-server",
    codeServer,
    [
      "--bind-addr",
      `127.0.0.1:${codePort}`,
      "--auth",
      "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      ...common,
      workspace,
    ],
    { cwd: work, env: codeEnv },
  );
  const codeUrl = `http://127.0.0.1:${codePort}`;
  await waitFor("code-server's /healthz", async () => (await fetch(`${codeUrl}/healthz`)).ok);

  step("running the editor tests");
  const vitest = join(root, "node_modules/vitest/vitest.mjs");
  const tests = spawn(process.execPath, [vitest, "run", "--config", "test/e2e/vitest.e2e.config.mts", ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      CCHC_E2E_CODE_URL: codeUrl,
      CCHC_E2E_SERVER_URL: serverUrl,
      CCHC_E2E_TOKEN: token,
      CCHC_E2E_WORKSPACE: workspace,
      CCHC_E2E_WORK: work,
    },
  });
  status = await new Promise((r) => tests.on("exit", (code) => r(code ?? 1)));
  step(status === 0 ? "editor tests passed" : `editor tests failed (exit ${status})`);
} catch (error) {
  step(`failed: ${error instanceof Error ? error.message : String(error)}`);
  status = 1;
} finally {
  await stopAll();
  if (keep) step(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  step(`done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
process.exit(status);
