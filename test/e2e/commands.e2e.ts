import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { e2eEnv, serverApi } from "./e2e-run.js";

// Every command with its inputs as arguments, as another extension (or a keybinding) runs it: the
// workbench loads test/e2e/host/commands-with-arguments.cjs into the extension host (editor-e2e.md:
// `payload` with extensionDevelopmentPath and extensionTestsPath; the result comes back through the
// codeAutomationExit hook).
const codeUrl = e2eEnv("CCHC_E2E_CODE_URL");
const serverUrl = e2eEnv("CCHC_E2E_SERVER_URL");
const token = e2eEnv("CCHC_E2E_TOKEN");
const api = serverApi(() => serverUrl, token);
const workspace = e2eEnv("CCHC_E2E_WORKSPACE");
const work = e2eEnv("CCHC_E2E_WORK");
const root = resolve(__dirname, "../..");


describe("CCHC commands driven by arguments, in the extension host", () => {
  it("runs every command without a dialog", async () => {
    const data = await api<{
      latestDirective: { id: string; units: { unit: { code: string }; compliance: { apologizedCases: number } }[] };
      cases: { edges: { node: { code: string } }[] };
    }>(`{ latestDirective { id units { unit { code } compliance { apologizedCases } } }
         cases(filter: { apologized: true }, first: 1) { edges { node { code } } } }`);
    const unit = data.latestDirective.units.find((u) => u.compliance.apologizedCases > 0)!;
    writeFileSync(
      join(workspace, "host-test.json"),
      JSON.stringify({ token, directiveId: data.latestDirective.id, unitCode: unit.unit.code, caseCode: data.cases.edges[0].node.code }),
    );

    const authority = new URL(codeUrl).host;
    const remote = (path: string) => `vscode-remote://${authority}${path}`;
    const payload = [
      ["extensionDevelopmentPath", remote(join(root, "extension"))],
      ["extensionTestsPath", remote(join(root, "test/e2e/host/commands-with-arguments.cjs"))],
    ];
    const context = await chromium.launchPersistentContext(join(work, "chromium-host-profile"), {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const exit = new Promise<number>((resolveExit) => {
        void page.exposeFunction("codeAutomationExit", (code: number) => resolveExit(code));
      });
      await page.goto(`${codeUrl}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
      const code = await Promise.race([
        exit,
        new Promise<number>((_, reject) => setTimeout(() => reject(new Error("The extension-host tests did not finish in 120 s")), 120_000)),
      ]);
      const resultsFile = join(workspace, "host-out", "results.json");
      const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, "utf8")) as { name: string; ok: boolean; error?: string }[]) : [];
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results.map((r) => r.name)).toHaveLength(11);
      expect(code).toBe(0);
    } finally {
      await context.close();
    }
  });
});
