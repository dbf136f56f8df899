import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { networkInterfaces } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssigneeStats, DirectiveBoard } from "../../extension/src/api/api-types.js";
import { sortUnitsWorstFirst } from "../../extension/src/model/compliance-tree.model.js";
import { expectedText, forecastOfUnit } from "../../extension/src/model/forecast.js";
import { percent, statusLabel } from "../../extension/src/model/format.js";
import { NO_ASSIGNEE_LABEL, sortPeopleWorstFirst } from "../../extension/src/model/people-tree.model.js";
import {
  answer,
  answerDialog,
  clearNotifications,
  openWorkbench,
  pick,
  quickInput,
  runCommand,
  treeRows,
  waitForNotification,
  type Workbench,
} from "./workbench.js";
import { e2eEnv, screenshotFailedSteps, serverApi } from "./e2e-run.js";

// Started by test/e2e/run-e2e.mjs: the server with demo data, and code-server with the .vsix installed.
const codeUrl = e2eEnv("CCHC_E2E_CODE_URL");
const serverUrl = e2eEnv("CCHC_E2E_SERVER_URL");
const token = e2eEnv("CCHC_E2E_TOKEN");
const api = serverApi(() => serverUrl, token);
const workspace = e2eEnv("CCHC_E2E_WORKSPACE");
const work = e2eEnv("CCHC_E2E_WORK");
/** cchc.pageSize in the editor's settings (run-e2e.mjs). */
const PAGE_SIZE = 4;
const screenshot = resolve(__dirname, "../../docs/screenshots/extension.png");


/**
 * Closes every row of the tree and opens the directive again, its units closed: a click on the directive
 * (which focuses the tree and closes that row), then list.collapseAll (Ctrl+Left) for the rows below it.
 */
async function collapseToUnits(page: Workbench["page"], directiveNumber: string): Promise<void> {
  await runCommand(page, "CCHC: Focus on Compliance View");
  const directive = page.locator(".part.sidebar .monaco-list-row[aria-level='1']", { hasText: directiveNumber }).first();
  await directive.waitFor({ timeout: 60_000 });
  if ((await directive.getAttribute("aria-expanded")) === "true") await directive.click();
  await expect.poll(() => directive.getAttribute("aria-expanded"), { timeout: 20_000 }).toBe("false");
  await page.keyboard.press("Control+ArrowLeft");
  await directive.click();
  await expect.poll(() => directive.getAttribute("aria-expanded"), { timeout: 20_000 }).toBe("true");
  await expect.poll(() => page.locator(".part.sidebar .monaco-list-row[aria-level='3']").count(), { timeout: 20_000 }).toBe(0);
}

async function waitForFiles(folder: string, pattern: RegExp, timeoutMs = 60_000): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const files = existsSync(folder) ? readdirSync(folder).filter((f) => pattern.test(f)) : [];
    if (files.length > 0) return files;
    if (Date.now() > until) throw new Error(`No file matching ${pattern} appeared in ${folder}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let bench: Workbench;
let board: DirectiveBoard;

/**
 * A workspace that tries to redirect the token: its .vscode/settings.json names a listener of this test,
 * which counts connections and closes them. cchc.serverUrl is machine-scoped, so the editor must keep using
 * the user's setting (the real server) and never connect here.
 */
const workspaceSettings = join(workspace, ".vscode", "settings.json");
const userSettingsFile = join(work, "code-server", "user-data", "User", "settings.json");

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
  }
}
let trap: Server;
let trapConnections = 0;
let trapUrl = "";

beforeAll(async () => {
  trap = createServer((socket) => {
    trapConnections++;
    socket.destroy();
  });
  await new Promise<void>((r) => trap.listen(0, "127.0.0.1", r));
  trapUrl = `http://127.0.0.1:${(trap.address() as { port: number }).port}`;
  mkdirSync(join(workspace, ".vscode"), { recursive: true });
  writeFileSync(workspaceSettings, JSON.stringify({ "cchc.serverUrl": trapUrl }, null, 2));

  board = (
    await api<{ latestDirective: DirectiveBoard }>(`{ latestDirective { id number subject issuedOn periodStart periodEnd deadline
      compliance { overdueCases apologizedCases apologyRate tasks reportedTasks reportRate filedTasks fileRate rate status }
      units { unit { id code name kind } compliance { overdueCases apologizedCases apologyRate tasks reportedTasks reportRate filedTasks fileRate rate status } }
      forecast { unit { code } outstanding closedPerDay expectedDay atRisk } } }`)
  ).latestDirective;
  bench = await openWorkbench(codeUrl, workspace, join(work, "chromium-profile"));
});

screenshotFailedSteps(() => bench);

afterAll(async () => {
  await bench?.close();
  rmSync(join(workspace, ".vscode"), { recursive: true, force: true });
  await new Promise((r) => trap?.close(r));
});

describe("the CCHC extension in VS Code (code-server)", () => {
  it("signs in through the command palette to the user's server, ignoring the workspace's cchc.serverUrl", async () => {
    const { page } = bench;
    await runCommand(page, "CCHC: Sign In");
    // The first command activates the extension: give it time on a busy machine.
    await quickInput(page).waitFor({ state: "visible", timeout: 60_000 });
    const prompt = (await page.locator(".quick-input-widget").textContent()) ?? "";
    expect(prompt).toContain(`Token for ${new URL(serverUrl).origin}`);
    expect(prompt).not.toContain(trapUrl);
    await answer(page, token);
    await waitForNotification(page, new RegExp(`signed in to ${new URL(serverUrl).origin.replace(/\./g, "\\.")}`));
    expect(trapConnections).toBe(0);
  });

  it("shows every unit worst first with the API's rates, and the status bar", async () => {
    const { page } = bench;
    await runCommand(page, "CCHC: Focus on Compliance View");
    // An at-risk unit's row adds its forecast ("dự kiến 24/11"), as the tree model words it.
    const expected = sortUnitsWorstFirst(board.units).map((u) => {
      const risk = forecastOfUnit(board, u.unit.code);
      const forecast = risk?.atRisk ? ` · ${expectedText(risk)}` : "";
      return `${u.unit.name} | ${percent(u.compliance.rate)} · ${statusLabel(u.compliance.status)}${forecast}`;
    });
    let shown: string[] = [];
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      const rows = await treeRows(page);
      shown = rows.filter((r) => r.level === 2).map((r) => `${r.label} | ${r.description}`);
      if (shown.length === expected.length) break;
      await page.waitForTimeout(300);
    }
    expect(shown).toEqual(expected);
    const top = (await treeRows(page))[0];
    expect(top.label).toBe(board.number);
    expect(top.description.startsWith(percent(board.compliance.rate))).toBe(true);

    const status = page.locator(".part.statusbar", { hasText: `CCHC ${percent(board.compliance.rate)}` });
    await status.waitFor({ timeout: 20_000 });
  });

  it("opens a unit to the cases it still owes an apology for, a page at a time", async () => {
    const { page } = bench;
    const worst = sortUnitsWorstFirst(board.units).find((u) => u.compliance.overdueCases - u.compliance.apologizedCases > PAGE_SIZE)!;
    const owed = worst.compliance.overdueCases - worst.compliance.apologizedCases;
    await page.locator(".part.sidebar .monaco-list-row", { hasText: worst.unit.name }).first().click();
    const group = page.locator(".part.sidebar .monaco-list-row", { hasText: "Late cases without an apology" }).first();
    await group.waitFor({ timeout: 20_000 });
    await group.click();
    const more = page.locator(".part.sidebar .monaco-list-row", { hasText: "Load more…" }).first();
    await more.waitFor({ timeout: 20_000 });
    const cases = async () => (await treeRows(page)).filter((r) => r.level === 4 && r.label !== "Load more…");
    expect(await cases()).toHaveLength(PAGE_SIZE);
    while (await more.isVisible()) {
      const before = (await cases()).length;
      await more.click();
      await expect.poll(async () => (await cases()).length, { timeout: 20_000 }).toBeGreaterThan(before);
    }
    const all = await cases();
    expect(all).toHaveLength(owed);
    expect(new Set(all.map((c) => c.label)).size).toBe(owed);
    expect(all.every((c) => /working days? late|overdue|late/.test(c.description))).toBe(true);
  });

  it("lists a unit's people with outstanding HpNet tasks under 'By person', worst first, and a person's tasks", async () => {
    const { page } = bench;
    const unit = sortUnitsWorstFirst(board.units).find((u) => u.compliance.tasks > u.compliance.reportedTasks)!;
    const stats = (
      await api<{ directive: { assignees: AssigneeStats[] } }>(
        `query($id: ID!, $u: String) { directive(id: $id) { assignees(unitCode: $u) { unit { code } assignee tasks reportedTasks filedTasks outstanding } } }`,
        { id: board.id, u: unit.unit.code },
      )
    ).directive.assignees;
    const expected = sortPeopleWorstFirst(stats.filter((s) => s.outstanding > 0)).map((s) => s.assignee ?? NO_ASSIGNEE_LABEL);
    // Close whatever the previous step opened, so the unit's rows are in view.
    await collapseToUnits(page, board.number);
    const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
    await page
      .locator(".part.sidebar .monaco-list-row[aria-level='2']")
      .filter({ has: page.locator(".label-name", { hasText: exactly(unit.unit.name) }) })
      .first()
      .click();
    const byPerson = page.locator(".part.sidebar .monaco-list-row[aria-level='3']", { hasText: "By person" }).first();
    await byPerson.waitFor({ timeout: 30_000 });
    await byPerson.click();
    const labelsAt = (level: number) => page.locator(`.part.sidebar .monaco-list-row[aria-level='${level}'] .label-name`).allTextContents();
    await expect.poll(async () => (await labelsAt(4)).map((l) => l.trim()), { timeout: 30_000 }).toEqual(expected);
    await page.locator(".part.sidebar .monaco-list-row[aria-level='4']").first().click();
    await expect.poll(async () => (await labelsAt(5)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const descriptions = await page.locator(".part.sidebar .monaco-list-row[aria-level='5'] .label-description").allTextContents();
    expect(descriptions.length).toBeGreaterThan(0);
    expect(descriptions.every((d) => /not reported|not filed/.test(d))).toBe(true);
    await collapseToUnits(page, board.number);
  }, 240_000);

  it("exports the compliance report as XLSX through the palette and a save dialog", async () => {
    const { page } = bench;
    await clearNotifications(page);
    const target = join(workspace, "reports", "compliance.xlsx");
    mkdirSync(join(workspace, "reports"), { recursive: true });
    await runCommand(page, "CCHC: Export Compliance Report");
    await pick(page, "Excel (.xlsx)");
    await answerDialog(page, target);
    await waitForNotification(page, /saved the compliance report/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(target) as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(0);
    const text = JSON.stringify(workbook.worksheets.map((s) => s.getSheetValues()));
    for (const u of board.units) expect(text).toContain(u.unit.code);
  });

  it("generates the apology letters of the whole directive into a folder", async () => {
    const { page } = bench;
    await clearNotifications(page);
    const folder = join(workspace, "letters");
    mkdirSync(folder, { recursive: true });
    await runCommand(page, "CCHC: Generate Apology Letters");
    await pick(page, "Whole directive");
    await answerDialog(page, folder);
    const message = await waitForNotification(page, /wrote \d+ apology letters? of/);
    const letters = await waitForFiles(folder, /\.docx$/, 5_000).catch((error: Error) => {
      throw new Error(`${error.message}; the extension said: ${message}`);
    });
    const apologized = await api<{ cases: { totalCount: number } }>(
      "query($id: ID!) { cases(filter: { directiveId: $id, apologized: true }, first: 0) { totalCount } }",
      { id: board.id },
    );
    expect(letters).toHaveLength(apologized.cases.totalCount);
    // Every file is a Word document that opens, and names the case it apologises for.
    for (const letter of letters) {
      const xml = documentXmlOf(join(folder, letter));
      const code = /H\d{4}\.\d{4}\.[A-Z]+/.exec(letter)?.[0];
      if (code) expect(xml).toContain(code);
    }
  });

  it("lists every failing line of a bad import and writes nothing", async () => {
    const { page } = bench;
    await clearNotifications(page);
    const bad = join(workspace, "bad-cases.csv");
    writeFileSync(bad, "code,procedureName,applicantName,unitCode,receivedAt,dueAt,resolvedAt\nE2E-1,,Nguyễn Văn A,NO-SUCH,not a date,2023-01-01T00:00:00+07:00,\n");
    const before = await api<{ cases: { totalCount: number } }>("{ cases(first: 0) { totalCount } }");
    await runCommand(page, "CCHC: Import Cases…");
    await answerDialog(page, bad);
    await waitForNotification(page, /failed: .*Nothing was written/);
    const editor = page.locator(".editor-instance .view-lines", { hasText: "Import of cases failed" });
    await editor.first().waitFor({ timeout: 20_000 });
    const after = await api<{ cases: { totalCount: number } }>("{ cases(first: 0) { totalCount } }");
    expect(after.cases.totalCount).toBe(before.cases.totalCount);
  });

  it("refuses a CSV that is not UTF-8 (Excel's plain CSV on a Vietnamese Windows) before sending it", async () => {
    const { page } = bench;
    await clearNotifications(page);
    const windows1258 = join(workspace, "ho-so-1258.csv");
    // "Nguyễn Văn A" as Windows-1258 would write it: "ă" is the one byte 0xE3, which is not UTF-8 before "n".
    writeFileSync(
      windows1258,
      Buffer.concat([
        Buffer.from(`code,procedure_name,applicant_name,unit_code,received_at,due_at\nE2E-1258,Cap phep,V`, "ascii"),
        Buffer.from([0xe3]),
        Buffer.from(`n A,${board.units[0].unit.code},01/03/2023,20/03/2023\n`, "ascii"),
      ]),
    );
    await runCommand(page, "CCHC: Import Cases…");
    await answerDialog(page, windows1258);
    await waitForNotification(page, /ho-so-1258\.csv is not UTF-8 text from line 2 on.*CSV UTF-8/);
    const stored = await api<{ case: { code: string } | null }>('{ case(code: "E2E-1258") { code } }');
    expect(stored.case).toBeNull();
  });

  it("generates one case's apology letter and the reminder letter through the palette", async () => {
    const { page } = bench;
    await clearNotifications(page);
    const apologized = await api<{ cases: { edges: { node: { code: string } }[] } }>(
      "query($id: ID!) { cases(filter: { directiveId: $id, apologized: true }, first: 1) { edges { node { code } } } }",
      { id: board.id },
    );
    const code = apologized.cases.edges[0].node.code;
    const letter = join(workspace, "single", `${code}.docx`);
    mkdirSync(join(workspace, "single"), { recursive: true });
    await runCommand(page, "CCHC: Generate Apology Letter");
    await answer(page, code);
    await answerDialog(page, letter);
    await waitForNotification(page, new RegExp(`saved .*${code.replace(/\./g, "\\.")}\\.docx`));
    const apologyXml = documentXmlOf(letter);
    expect(apologyXml).toContain(code);

    await clearNotifications(page);
    const reminder = join(workspace, "single", "reminder.docx");
    await runCommand(page, "CCHC: Generate Reminder Letter");
    await answerDialog(page, reminder);
    await waitForNotification(page, /saved .*reminder\.docx/);
    const reminderXml = documentXmlOf(reminder);
    const worst = sortUnitsWorstFirst(board.units)[0];
    expect(reminderXml).toContain(worst.unit.name);
  });

  it("imports an .xlsx workbook and shows the counts", async () => {
    const { page } = bench;
    await clearNotifications(page);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Hồ sơ");
    sheet.addRow(["Mã hồ sơ", "Tên thủ tục", "Người nộp", "Mã đơn vị", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày trả kết quả"]);
    // Resolved early, so the board's figures stay as the other steps read them.
    sheet.addRow(["E2E-XLSX-1", "Đăng ký nội quy lao động", "Công ty TNHH Thử Nghiệm", board.units[0].unit.code, "01/03/2023 08:00", "20/03/2023", "02/03/2023 10:00"]);
    const file = join(workspace, "cases.xlsx");
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    await runCommand(page, "CCHC: Import Cases…");
    await answerDialog(page, file);
    await waitForNotification(page, /Imported cases from cases\.xlsx: 1 created, 0 updated, 0 unchanged/);
    const imported = await api<{ case: { code: string } | null }>('{ case(code: "E2E-XLSX-1") { code } }');
    expect(imported.case?.code).toBe("E2E-XLSX-1");
  });

  it("runs the query of the open .graphql file with its # variables: comment", async () => {
    const { page } = bench;
    await clearNotifications(page);
    const unit = board.units[0].unit;
    mkdirSync(join(workspace, "queries"), { recursive: true });
    writeFileSync(
      join(workspace, "queries", "unit.graphql"),
      `# variables: {"code": "${unit.code}"}\nquery UnitRate($code: String!) {\n  unit(code: $code) { code name compliance { rate status } }\n}\n`,
    );
    await runCommand(page, "Go to File...");
    await answer(page, "unit.graphql");
    await page.locator(".tabs-container .tab", { hasText: "unit.graphql" }).first().waitFor({ timeout: 20_000 });
    await runCommand(page, "CCHC: Run GraphQL Query");
    await page.locator(".tabs-container .tab", { hasText: "CCHC query result.json" }).first().waitFor({ timeout: 30_000 });
    const result = page.locator(".editor-instance .view-lines", { hasText: unit.name });
    await result.first().waitFor({ timeout: 20_000 });
    const text = ((await result.first().textContent()) ?? "").replace(/\u00a0/g, " ");
    expect(text).toContain(`"code": "${unit.code}"`);
    await runCommand(page, "View: Close All Editors");
  });

  it("exports the report as Markdown, which opens in an editor (the README's screenshot)", async () => {
    const { page } = bench;
    await clearNotifications(page);
    const target = join(workspace, "reports", "compliance.md");
    await runCommand(page, "View: Close All Editors");
    await runCommand(page, "CCHC: Export Compliance Report");
    await pick(page, "Markdown (.md)");
    await answerDialog(page, target);
    await page.locator(".tabs-container .tab", { hasText: "compliance.md" }).first().waitFor({ timeout: 30_000 });
    const markdown = readFileSync(target, "utf8");
    expect(markdown).toContain(board.number);
    // The progress chart the report links is saved beside it, so the image shows in the preview.
    const chartName = /!\[[^\]]*\]\(([^)]+\.svg)\)/.exec(markdown)?.[1];
    expect(chartName).toBeTruthy();
    const chartPath = join(workspace, "reports", chartName!);
    await until("the chart beside the report", async () => existsSync(chartPath), 20_000);
    expect(readFileSync(chartPath, "utf8")).toContain("<svg");

    // A wider side bar, so that the units' names and rates read in full.
    const sidebar = await page.locator(".part.sidebar").boundingBox();
    if (sidebar) {
      const edge = sidebar.x + sidebar.width;
      await page.mouse.move(edge, sidebar.y + sidebar.height / 2);
      await page.mouse.down();
      await page.mouse.move(edge + 260, sidebar.y + sidebar.height / 2, { steps: 8 });
      await page.mouse.up();
    }
    await clearNotifications(page);
    await page.keyboard.press("Escape");
    await page.mouse.move(1000, 500);
    await page.waitForTimeout(800);
    mkdirSync(resolve(screenshot, ".."), { recursive: true });
    await page.screenshot({ path: screenshot });
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe("PNG");
  });

  it("signs out: the token is gone and the status bar offers Sign In", async () => {
    const { page } = bench;
    await clearNotifications(page);
    await runCommand(page, "CCHC: Sign Out");
    await waitForNotification(page, /signed out/);
    await page.locator(".part.statusbar", { hasText: "CCHC: Sign In" }).waitFor({ timeout: 20_000 });
    await page.locator(".part.sidebar", { hasText: "Sign in to the CCHC Tracker server" }).waitFor({ timeout: 20_000 });
  });

  // The same server by this machine's network address over plain http: the token would cross the network
  // in the clear, so the extension asks first, in a modal dialog that names the host.
  const lanAddress = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
  it.skipIf(!lanAddress)("asks, naming the host, before sending the token over plain http to another host", async () => {
    const { page } = bench;
    const original = readFileSync(userSettingsFile, "utf8");
    const lanUrl = `http://${lanAddress}:${new URL(serverUrl).port}`;
    try {
      // User settings change through the editor (code-server does not notice the file changed behind it).
      await runCommand(page, "Preferences: Open User Settings (JSON)");
      await page.locator(".monaco-editor.focused, .monaco-editor textarea").first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(1000);
      await page.keyboard.press("Control+A");
      // Pasted, not typed: typing lets the editor indent and close brackets itself, which breaks the JSON.
      await bench.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: codeUrl });
      const text = JSON.stringify({ ...JSON.parse(original), "cchc.serverUrl": lanUrl }, null, 2);
      await page.evaluate((value) => navigator.clipboard.writeText(value), text);
      await page.keyboard.press("Control+V");
      await page.waitForTimeout(500);
      await page.keyboard.press("Control+S");
      const savedUrl = () => {
        try {
          return (JSON.parse(readFileSync(userSettingsFile, "utf8")) as Record<string, string>)["cchc.serverUrl"];
        } catch (error) {
          return `not JSON: ${(error as Error).message}: ${readFileSync(userSettingsFile, "utf8").slice(-200)}`;
        }
      };
      await expect.poll(savedUrl, { timeout: 20_000 }).toBe(lanUrl);
      await runCommand(page, "View: Close All Editors");
      await clearNotifications(page);

      await until("the Sign In prompt to name the network address", async () => {
        await runCommand(page, "CCHC: Sign In");
        await quickInput(page).waitFor({ state: "visible", timeout: 30_000 });
        if (((await page.locator(".quick-input-widget").textContent()) ?? "").includes(lanUrl)) return true;
        await page.keyboard.press("Escape");
        await page.waitForTimeout(1000);
        return false;
      });
      await answer(page, token);
      const dialog = page.locator(".monaco-dialog-box", { hasText: `Send your CCHC token to ${lanAddress} over plain http?` });
      await dialog.waitFor({ timeout: 30_000 });
      await dialog.locator(".monaco-button", { hasText: "Send over http" }).click();
      await waitForNotification(page, new RegExp(`signed in to ${lanUrl.replace(/\./g, "\\.")}`));
      await runCommand(page, "CCHC: Sign Out");
      await waitForNotification(page, /signed out/);
    } finally {
      writeFileSync(userSettingsFile, original);
    }
  });
});

/** The body XML of a saved .docx (it must open as a zip and hold word/document.xml). */
function documentXmlOf(path: string): string {
  const part = unzipSync(readFileSync(path))["word/document.xml"];
  if (!part) throw new Error(`${path} has no word/document.xml`);
  return strFromU8(part);
}
