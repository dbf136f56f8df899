import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FrameLocator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, openWorkbench, runCommand, waitForNotification, type Workbench } from "./workbench.js";
import { e2eEnv, serverApi } from "./e2e-run.js";

// Started by test/e2e/run-e2e.mjs: the server with demo data, and code-server with the .vsix installed.
const codeUrl = e2eEnv("CCHC_E2E_CODE_URL");
const serverUrl = e2eEnv("CCHC_E2E_SERVER_URL");
const token = e2eEnv("CCHC_E2E_TOKEN");
const serverAnswer = serverApi(() => serverUrl, token);
const workspace = e2eEnv("CCHC_E2E_WORKSPACE");
const work = e2eEnv("CCHC_E2E_WORK");
const screenshot = resolve(__dirname, "../../docs/screenshots/console.png");
const QUERY = "{ units { code name } }";

let bench: Workbench;

beforeAll(async () => {
  bench = await openWorkbench(codeUrl, workspace, join(work, "chromium-profile-console"));
});

afterAll(async () => {
  await bench?.close();
});

/** The console's page inside VS Code: the webview's outer frame, then its active content frame. */
function consoleFrame(): FrameLocator {
  return bench.page.frameLocator("iframe.webview").frameLocator("#active-frame");
}

/** A CodeMirror 5 editor's text, from its instance (the DOM holds only the lines in view). */
function editorValue(frame: FrameLocator, selector: string): Promise<string> {
  return frame
    .locator(`${selector} .CodeMirror`)
    .first()
    .evaluate((element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
}


describe("CCHC: Open GraphiQL Console (code-server)", () => {
  // What the editor holds after typing: CodeMirror's auto-closing may eat a typed space under load,
  // so the reload test compares with the editor's own text rather than with the keystrokes.
  let typed = "";

  it("runs a query typed in the console's webview and shows the server's answer", async () => {
    const { page } = bench;
    await runCommand(page, "CCHC: Sign In");
    await answer(page, token);
    await waitForNotification(page, /signed in to/);

    await runCommand(page, "CCHC: Open GraphiQL Console");
    const frame = consoleFrame();
    await frame.locator(".graphiql-query-editor .CodeMirror").waitFor({ timeout: 60_000 });
    // The schema came through the extension host: the docs explorer lists the root Query type.
    await frame.locator('[aria-label="Show Documentation Explorer"]').click();
    await frame.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().waitFor({ timeout: 30_000 });

    await frame.locator(".graphiql-query-editor .CodeMirror").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type(QUERY);
    await page.waitForTimeout(800);
    typed = (await editorValue(frame, ".graphiql-query-editor")).trim();
    expect(typed.replace(/\s+/g, "")).toBe(QUERY.replace(/\s+/g, ""));
    await frame.locator(".graphiql-execute-button").click();
    const until = Date.now() + 30_000;
    let shown = "";
    while (!shown.includes('"units"') && Date.now() < until) {
      await page.waitForTimeout(250);
      shown = await editorValue(frame, ".result-window");
    }
    expect(JSON.parse(shown)).toEqual({ data: await serverAnswer(QUERY) });

    mkdirSync(resolve(screenshot, ".."), { recursive: true });
    await page.screenshot({ path: screenshot });
  });

  it("comes back with its query after the window reloads", async () => {
    const { page } = bench;
    // The command rather than a browser reload: VS Code then saves its state (the webview's included)
    // before it reloads, as it does when a person runs it.
    await runCommand(page, "Developer: Reload Window");
    await page.waitForEvent("load", { timeout: 60_000 });
    await page.locator(".monaco-workbench .part.statusbar").waitFor({ timeout: 60_000 });
    const frame = consoleFrame();
    await frame.locator(".graphiql-query-editor .CodeMirror").waitFor({ timeout: 60_000 });
    expect((await editorValue(frame, ".graphiql-query-editor")).trim()).toBe(typed);
  });
});
