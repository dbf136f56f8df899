import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Compliance, DirectiveBoard } from "../../extension/src/api/api-types.js";
import { percent, statusLabel } from "../../extension/src/model/format.js";
import { answer, clearNotifications, openWorkbench, quickInput, runCommand, waitForNotification, type Workbench } from "./workbench.js";
import { e2eEnv, screenshotFailedSteps, serverApi } from "./e2e-run.js";

// The editor against a server that goes away and comes back, and that changes under it. This file starts
// its own server (a copy of the demo data on its own SQLite file and port), so stopping it never disturbs
// the other e2e files, and points the editor's user settings at it for its duration.
const codeUrl = e2eEnv("CCHC_E2E_CODE_URL");
const workspace = e2eEnv("CCHC_E2E_WORKSPACE");
const work = e2eEnv("CCHC_E2E_WORK");
const root = resolve(__dirname, "../..");
/** The user settings file of the code-server profile that run-e2e.mjs made. */
const settingsFile = join(work, "code-server", "user-data", "User", "settings.json");
const originalSettings = readFileSync(settingsFile, "utf8");
const token = `refresh-${randomBytes(16).toString("hex")}`;
const database = join(work, "refresh-e2e.sqlite");
let serverUrl = "";
const api = serverApi(() => serverUrl, token);
let server: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts the server on the same port and database each time, in its own process group. */
async function startServer(port: number): Promise<void> {
  server = spawn(process.execPath, [join(root, "dist/server/src/main.js")], {
    cwd: root,
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `sqlite:${database}`,
      CCHC_DEMO: "true",
      CCHC_ADMIN_TOKEN: token,
      NODE_ENV: "production",
    },
  });
  await until("the server's /health", async () => (await fetch(`${serverUrl}/health`)).ok);
}

async function stopServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid, "SIGTERM");
  await exited;
  await until("the server's port to refuse connections", async () => {
    try {
      await fetch(`${serverUrl}/health`);
      return false;
    } catch {
      return true;
    }
  });
}


const COMPLIANCE = "overdueCases apologizedCases apologyRate tasks reportedTasks reportRate filedTasks fileRate rate status";
async function latestBoard(): Promise<DirectiveBoard> {
  return (
    await api<{ latestDirective: DirectiveBoard }>(
      `{ latestDirective { id number subject issuedOn periodStart periodEnd deadline compliance { ${COMPLIANCE} }
         units { unit { id code name kind } compliance { ${COMPLIANCE} } } } }`,
    )
  ).latestDirective;
}

/** Merges into the editor's user settings, read when a window opens. */
function writeSettings(patch: Record<string, unknown>): void {
  const current = JSON.parse(readFileSync(settingsFile, "utf8")) as Record<string, unknown>;
  writeFileSync(settingsFile, JSON.stringify({ ...current, ...patch }, null, 2));
}

/**
 * Changes a setting while the window is open. code-server does not notice an edit of the user settings
 * file made behind its back, but it watches the workspace folder, so `.vscode/settings.json` applies at once,
 * as it does when a person edits it.
 */
const workspaceSettings = join(workspace, ".vscode", "settings.json");
function setWorkspaceSetting(key: string, value: unknown): void {
  mkdirSync(join(workspace, ".vscode"), { recursive: true });
  const current = existsSync(workspaceSettings) ? (JSON.parse(readFileSync(workspaceSettings, "utf8")) as Record<string, unknown>) : {};
  writeFileSync(workspaceSettings, JSON.stringify({ ...current, [key]: value }, null, 2));
}

let bench: Workbench;

beforeAll(async () => {
  const port = await freePort();
  serverUrl = `http://127.0.0.1:${port}`;
  await startServer(port);
  writeSettings({ "cchc.serverUrl": serverUrl, "cchc.autoRefreshSeconds": 0 });
  bench = await openWorkbench(codeUrl, workspace, join(work, "chromium-profile-refresh"));
});

screenshotFailedSteps(() => bench);

afterAll(async () => {
  if (bench) await runCommand(bench.page, "CCHC: Sign Out").catch(() => undefined);
  await bench?.close();
  writeFileSync(settingsFile, originalSettings);
  rmSync(join(workspace, ".vscode"), { recursive: true, force: true });
  await stopServer();
});

const port = () => Number(new URL(serverUrl).port);

/** The side bar's rows as `label | description`. */
async function rowTexts(): Promise<string[]> {
  const rows = bench.page.locator(".part.sidebar .monaco-list-row");
  const texts: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const label = ((await row.locator(".label-name").first().textContent().catch(() => "")) ?? "").trim();
    const description = ((await row.locator(".label-description").first().textContent().catch(() => "")) ?? "").trim();
    texts.push(`${label} | ${description}`);
  }
  return texts;
}

/** A row that reads `text`, or (a unit's row) `text` and then the at-risk forecast the tree adds. */
function showsRow(rows: string[], text: string): boolean {
  return rows.some((row) => row === text || row.startsWith(`${text} · dự kiến`));
}

async function waitForRow(text: string, timeoutMs = 30_000): Promise<void> {
  await until(`a tree row "${text}"`, async () => showsRow(await rowTexts(), text), timeoutMs).catch(
    async (error: Error) => {
      throw new Error(`${error.message}; now showing ${JSON.stringify(await rowTexts())}`);
    },
  );
}

const unitRow = (name: string, c: Compliance) => `${name} | ${percent(c.rate)} · ${statusLabel(c.status)}`;
const cases = (n: number) => `${n} case${n === 1 ? "" : "s"}`;
const tasks = (n: number) => `${n} task${n === 1 ? "" : "s"}`;

function statusItem(text: string) {
  return bench.page.locator(".part.statusbar .statusbar-item", { hasText: text }).first();
}

/** The status bar item's tooltip, read the way a person does: by hovering it. */
async function statusTooltip(text: string): Promise<string> {
  await bench.page.mouse.move(700, 400);
  await bench.page.waitForTimeout(300);
  await statusItem(text).hover();
  const hover = bench.page.locator(".workbench-hover, .monaco-hover").filter({ hasText: "Apologies:" }).first();
  await hover.waitFor({ timeout: 10_000 });
  const tooltip = (await hover.textContent()) ?? "";
  await bench.page.mouse.move(700, 400);
  return tooltip;
}

describe("the CCHC view and status bar follow the server without a Refresh (code-server)", () => {
  let board: DirectiveBoard;

  it("signs in to a server of its own", async () => {
    const { page } = bench;
    // The settings file is applied a moment after it is written: sign in once the prompt names this server.
    await until(
      "the Sign In prompt to name this file's server",
      async () => {
        await runCommand(page, "CCHC: Sign In");
        await quickInput(page).waitFor({ state: "visible", timeout: 10_000 });
        const prompt = (await page.locator(".quick-input-widget").textContent()) ?? "";
        if (prompt.includes(new URL(serverUrl).origin)) return true;
        await page.keyboard.press("Escape");
        await page.waitForTimeout(1000);
        return false;
      },
      60_000,
    );
    await answer(page, token);
    await waitForNotification(page, new RegExp(`signed in to ${new URL(serverUrl).origin.replace(/\./g, "\\.")}`));
    board = await latestBoard();
    await runCommand(page, "CCHC: Focus on Compliance View");
    await statusItem(`CCHC ${percent(board.compliance.rate)}`).waitFor({ timeout: 30_000 });
  });

  it("shows an apology and a reported task issued through the API, by auto-refresh alone", async () => {
    const { page } = bench;
    // A unit that owes at least two apologies and two reports, so both groups stay after one of each.
    const entry = board.units.find(
      (u) => u.compliance.overdueCases - u.compliance.apologizedCases >= 2 && u.compliance.tasks - u.compliance.reportedTasks >= 2,
    )!;
    expect(entry).toBeDefined();
    const owedApologies = entry.compliance.overdueCases - entry.compliance.apologizedCases;
    const owedReports = entry.compliance.tasks - entry.compliance.reportedTasks;
    await waitForRow(unitRow(entry.unit.name, entry.compliance));
    await page.locator(".part.sidebar .monaco-list-row", { hasText: entry.unit.name }).first().click();
    await waitForRow(`Late cases without an apology | ${cases(owedApologies)}`);
    await waitForRow(`Tasks not reported | ${tasks(owedReports)}`);
    expect(await statusTooltip("CCHC")).toContain(`Apologies: ${board.compliance.apologizedCases} of ${board.compliance.overdueCases} late cases`);

    setWorkspaceSetting("cchc.autoRefreshSeconds", 5);
    const late = await api<{ cases: { edges: { node: { code: string; dueAt: string } }[] } }>(
      "query($f: CaseFilter) { cases(filter: $f, first: 1) { edges { node { code dueAt } } } }",
      { f: { directiveId: board.id, unitCode: entry.unit.code, overdue: true, apologized: false } },
    );
    const lateCase = late.cases.edges[0].node;
    await api(
      "mutation($input: ApologyInput!) { issueApology(input: $input) { id } }",
      {
        input: {
          caseCode: lateCase.code,
          number: "E2E-REFRESH/XL",
          issuedAt: new Date().toISOString(),
          reason: "Hồ sơ cần bổ sung ý kiến của cơ quan phối hợp",
          newDueAt: new Date(Date.parse(lateCase.dueAt) + 7 * 86_400_000).toISOString(),
          signer: "Nguyễn Văn Thử",
        },
      },
    );
    const unreported = await api<{
      hpnetTasks: { edges: { node: { externalId: string; title: string; assignee: string | null; assignedAt: string; dueAt: string | null; archivedAt: string | null; workFileCode: string | null; workFileCreatedAt: string | null } }[] };
    }>(
      "query($f: HpNetTaskFilter) { hpnetTasks(filter: $f, first: 1) { edges { node { externalId title assignee assignedAt dueAt archivedAt workFileCode workFileCreatedAt } } } }",
      { f: { directiveId: board.id, unitCode: entry.unit.code, reported: false } },
    );
    const task = unreported.hpnetTasks.edges[0].node;
    await api("mutation($input: HpNetTaskInput!) { upsertHpNetTask(input: $input) { id } }", {
      input: { ...task, unitCode: entry.unit.code, completionReportedAt: new Date().toISOString() },
    });

    const after = await latestBoard();
    const unitAfter = after.units.find((u) => u.unit.code === entry.unit.code)!;
    expect(unitAfter.compliance.apologizedCases).toBe(entry.compliance.apologizedCases + 1);
    expect(unitAfter.compliance.reportedTasks).toBe(entry.compliance.reportedTasks + 1);
    // Nothing is clicked from here on: the timer (5 s) must bring every figure in.
    await waitForRow(`Late cases without an apology | ${cases(owedApologies - 1)}`);
    await waitForRow(`Tasks not reported | ${tasks(owedReports - 1)}`);
    await waitForRow(unitRow(entry.unit.name, unitAfter.compliance));
    await statusItem(`CCHC ${percent(after.compliance.rate)}`).waitFor({ timeout: 30_000 });
    expect(await statusTooltip("CCHC")).toContain(`Apologies: ${after.compliance.apologizedCases} of ${after.compliance.overdueCases} late cases`);
    expect(await statusTooltip("CCHC")).toContain(`Tasks reported or archived: ${after.compliance.reportedTasks} of ${after.compliance.tasks}`);
    board = after;
  });

  it("shows 'disconnected' and the reason in the tree when the server is gone; a click on it reconnects", async () => {
    const { page } = bench;
    setWorkspaceSetting("cchc.autoRefreshSeconds", 0);
    await page.waitForTimeout(1500);
    await stopServer();
    await clearNotifications(page);
    await runCommand(page, "CCHC: Refresh");
    const disconnected = statusItem("CCHC: disconnected");
    await disconnected.waitFor({ timeout: 30_000 });
    const reason = page.locator(".part.sidebar .monaco-list-row", { hasText: `Cannot reach the CCHC server at ${new URL(serverUrl).origin}` });
    await reason.first().waitFor({ timeout: 30_000 });
    // One row with the reason, not an empty view nor the stale units.
    const rows = await rowTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/ECONNREFUSED.*Is it running\?/);

    // Still down: a click tries again and stays disconnected.
    await disconnected.click();
    await page.waitForTimeout(1500);
    await disconnected.waitFor({ timeout: 10_000 });

    await startServer(port());
    // With auto-refresh off nothing reconnects by itself: the click on the status bar does.
    await page.waitForTimeout(2000);
    await disconnected.waitFor({ timeout: 5_000 });
    await disconnected.click();
    await statusItem(`CCHC ${percent(board.compliance.rate)}`).waitFor({ timeout: 30_000 });
    await until("the directive's row back in the tree", async () => (await rowTexts()).some((r) => r.startsWith(`${board.number} |`)));
  });

  it("with auto-refresh on, notices the server going away and coming back by itself", async () => {
    const { page } = bench;
    setWorkspaceSetting("cchc.autoRefreshSeconds", 5);
    await page.waitForTimeout(1500);
    await stopServer();
    await statusItem("CCHC: disconnected").waitFor({ timeout: 30_000 });
    await page.locator(".part.sidebar .monaco-list-row", { hasText: "Cannot reach the CCHC server" }).first().waitFor({ timeout: 10_000 });
    await startServer(port());
    await statusItem(`CCHC ${percent(board.compliance.rate)}`).waitFor({ timeout: 30_000 });
    await until("the directive's row back in the tree", async () => (await rowTexts()).some((r) => r.startsWith(`${board.number} |`)));
    expect(await statusItem("CCHC: disconnected").count()).toBe(0);
  });
});
