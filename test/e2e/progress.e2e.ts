import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Frame } from "playwright-core";
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
const screenshot = resolve(__dirname, "../../docs/screenshots/progress.png");

let bench: Workbench;

beforeAll(async () => {
  bench = await openWorkbench(codeUrl, workspace, join(work, "chromium-profile-progress"));
});

afterAll(async () => {
  await bench?.close();
});

/** The frame (inside the webview's iframes) that holds the drawn chart. */
async function chartFrame(timeoutMs = 90_000): Promise<Frame> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const frame of bench.page.frames()) {
      const ready = await frame.locator('#chart[data-ready="true"]').count().catch(() => 0);
      if (ready > 0) return frame;
    }
    await bench.page.waitForTimeout(500);
  }
  throw new Error("The progress chart was not drawn");
}

describe("CCHC: Show Progress (code-server)", () => {
  it("draws one line per unit plus the board, and a click on a unit's line reveals it in the tree", async () => {
    const { page } = bench;
    await runCommand(page, "CCHC: Sign In");
    await answer(page, token);
    await waitForNotification(page, /signed in to/);

    await runCommand(page, "CCHC: Show Progress");
    const frame = await chartFrame();
    const expected = (await serverAnswer<{ latestDirective: { units: { unit: { code: string; name: string } }[] } }>(
      "{ latestDirective { units { unit { code name } } } }",
    )).latestDirective.units.map((u) => u.unit);
    const chart = frame.locator("#chart");
    expect(JSON.parse((await chart.getAttribute("data-lines")) ?? "[]")).toEqual(["Toàn Ban", ...expected.map((u) => u.code)]);
    // Drawn as SVG by ECharts: a polyline path per line (the board's is 3 px wide), and the legend names each.
    expect(await frame.locator("#chart svg").count()).toBe(1);
    const lines = await frame.locator('#chart svg path[stroke-width="1.5"][fill="none"]').count();
    expect(lines).toBeGreaterThanOrEqual(expected.length);
    expect(await frame.locator('#chart svg path[stroke-width="3"][fill="none"]').count()).toBeGreaterThanOrEqual(1);
    for (const name of ["Toàn Ban", ...expected.map((u) => u.code)]) {
      expect(await frame.locator("#chart svg text", { hasText: name }).count(), name).toBeGreaterThan(0);
    }

    // Click the unit whose line stands farthest from every other line at the middle day.
    const points = JSON.parse((await chart.getAttribute("data-points")) ?? "{}") as Record<string, [number, number]>;
    const codes = Object.keys(points);
    const gap = (code: string) => Math.min(...codes.filter((c) => c !== code).map((c) => Math.abs(points[c][1] - points[code][1])), 1e9);
    const target = codes.sort((a, b) => gap(b) - gap(a))[0];
    const [x, y] = points[target];
    const name = expected.find((u) => u.code === target)!.name;
    const selected = page.locator('.part.sidebar .monaco-list-row[aria-selected="true"] .label-name');
    // The click is repeated until the tree answers: in a full run the chart may still be settling (its
    // lines animate in) when the first click lands, which then meets no line.
    await expect
      .poll(
        async () => {
          await chart.click({ position: { x, y } });
          return (await selected.first().textContent().catch(() => ""))?.trim();
        },
        { timeout: 30_000, intervals: [1_000] },
      )
      .toBe(name);

    mkdirSync(resolve(screenshot, ".."), { recursive: true });
    await page.screenshot({ path: screenshot });
  });
});
