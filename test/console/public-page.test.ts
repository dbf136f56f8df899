import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../server/src/app.js";
import { DEFAULT_ORGANISATION_PREFIXES, isOrganisationName, publicApplicantName } from "../../server/src/domain/applicant-name.js";
import { ROOT, launchChromium, startServer, watchedPage } from "./console-harness.js";

/**
 * GET /cong-khai in headless Chromium on the demo data (as `npm start` shows it), the network closed to
 * all but 127.0.0.1: the page renders without script, the form finds a case, no person's name appears
 * in full, axe-core finds no serious or critical violation (desktop and phone), the phone layout does
 * not scroll sideways, the print layout drops the form, and the Atom feed parses as Atom.
 */
const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

let app: App;
let base = "";
let browser: Browser;
/** Every published applicant name of the demo, as stored. */
let applicants: string[] = [];

beforeAll(async () => {
  ({ app, base } = await startServer());
  browser = await launchChromium();
  const rows: { applicantName: string }[] = await app.db.query(
    "SELECT c.applicantName AS applicantName FROM apologies a JOIN cases c ON c.id = a.caseId WHERE a.publishedAt IS NOT NULL",
  );
  applicants = rows.map((r) => r.applicantName);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** axe-core's serious and critical violations of the page as it stands (axe injected past the page's CSP). */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  const { violations, passes } = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[]; passes: unknown[] }> } }).axe;
    const results = await axe.run();
    return { violations: results.violations, passes: results.passes.length };
  })) as { violations: AxeViolation[]; passes: number };
  // axe ran its rules (labels, contrast, headings, …) rather than nothing.
  expect(passes).toBeGreaterThan(10);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

describe("GET /cong-khai in Chromium", () => {
  it("has demo data with both people and organisations published (the test would be empty otherwise)", () => {
    expect(applicants.filter((n) => isOrganisationName(n, DEFAULT_ORGANISATION_PREFIXES)).length).toBeGreaterThan(3);
    expect(applicants.filter((n) => !isOrganisationName(n, DEFAULT_ORGANISATION_PREFIXES)).length).toBeGreaterThan(3);
  });

  it("renders the list without script or CSP complaint, and never a person's name in full", async () => {
    const { context, page, blocked, problems } = await watchedPage(browser);
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.goto(`${base}/cong-khai`);
    expect(response?.status()).toBe(200);
    expect(await page.locator("h1").innerText()).toBe("Công khai xin lỗi hồ sơ thủ tục hành chính trễ hạn");
    expect(await page.locator("script").count()).toBe(0);
    const rows = await page.locator("tbody tr").count();
    expect(rows).toBe(Math.min(50, applicants.length));
    await page.screenshot({ path: join(ROOT, "docs", "screenshots", "public-apologies.png") });
    const people = applicants.filter((n) => !isOrganisationName(n, DEFAULT_ORGANISATION_PREFIXES) && n.trim().split(/\s+/).length > 1);
    const pages = Math.ceil(applicants.length / 50);
    const bodies = [await page.content()];
    for (let p = 2; p <= pages; p += 1) {
      await page.goto(`${base}/cong-khai?trang=${p}`);
      bodies.push(await page.content());
    }
    for (const path of ["/cong-khai.json", "/cong-khai/feed.atom"]) {
      for (let p = 1; p <= pages; p += 1) bodies.push(await (await fetch(`${base}${path}?trang=${p}`)).text());
    }
    const everything = bodies.join("\n").normalize("NFC");
    for (const name of people) {
      expect(everything, name).not.toContain(name);
      expect(everything).toContain(publicApplicantName(name, DEFAULT_ORGANISATION_PREFIXES));
    }
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("finds a case by the code typed into the form", async () => {
    const { items } = (await (await fetch(`${base}/cong-khai.json`)).json()) as { items: { caseCode: string; applicant: string }[] };
    const wanted = items[items.length - 1];
    const { context, page } = await watchedPage(browser);
    await page.goto(`${base}/cong-khai`);
    await page.getByLabel("Mã hồ sơ (in trên giấy tiếp nhận)").fill(wanted.caseCode.toLowerCase());
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    await page.waitForURL(/\?ma=/);
    expect(await page.locator("tbody tr").count()).toBe(1);
    expect(await page.locator("tbody th").innerText()).toBe(wanted.caseCode);
    expect(await page.locator("tbody").innerText()).toContain(wanted.applicant);
    expect(await page.getByLabel("Mã hồ sơ (in trên giấy tiếp nhận)").inputValue()).toBe(wanted.caseCode.toLowerCase());
    await page.getByLabel("Mã hồ sơ (in trên giấy tiếp nhận)").fill("KHONG-CO-MA-NAY");
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    await page.waitForURL(/KHONG-CO-MA-NAY/);
    expect(await page.getByRole("status").innerText()).toContain("Không tìm thấy phiếu xin lỗi đã công khai cho hồ sơ KHONG-CO-MA-NAY");
    await context.close();
  });

  it("has no serious or critical accessibility violation (axe-core), on a desktop and on a phone", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
      await page.setViewportSize(viewport);
      for (const path of ["/cong-khai", "/cong-khai?nam=abc"]) {
        await page.goto(`${base}${path}`);
        expect(await seriousViolations(page), `${path} at ${viewport.width}px`).toEqual([]);
      }
    }
    await context.close();
  }, 180_000);

  it("reads on a phone without sideways scrolling (one card per apology) and prints without the form", async () => {
    const { context, page } = await watchedPage(browser);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${base}/cong-khai`);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    // The column headers move off screen (still read by screen readers); each cell carries its label.
    expect(await page.locator("thead").evaluate((thead) => thead.getBoundingClientRect().right)).toBeLessThanOrEqual(0);
    const label = await page.locator("tbody tr").first().locator("td").first().evaluate((td) => getComputedStyle(td, "::before").content);
    expect(label).toBe('"Thủ tục hành chính"');
    await page.screenshot({ path: join(ROOT, "docs", "screenshots", "public-apologies-phone.png") });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("form").isVisible()).toBe(false);
    expect(await page.locator("table").isVisible()).toBe(true);
    await context.close();
  });

  it("serves a feed that parses as Atom 1.0 with the required elements", async () => {
    const xml = await (await fetch(`${base}/cong-khai/feed.atom`)).text();
    const { context, page } = await watchedPage(browser);
    await page.goto(`${base}/cong-khai`);
    const report = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const ATOM = "http://www.w3.org/2005/Atom";
      const root = doc.documentElement;
      const child = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === ATOM && c.localName === name);
      const entries = child(root, "entry");
      return {
        error: doc.getElementsByTagName("parsererror").length,
        root: `${root.namespaceURI} ${root.localName}`,
        feed: ["id", "title", "updated", "author"].map((n) => child(root, n).length),
        self: child(root, "link").some((l) => l.getAttribute("rel") === "self"),
        entries: entries.length,
        complete: entries.every((e) => ["id", "title", "updated"].every((n) => child(e, n).length === 1) && child(e, "link").length > 0),
        ids: entries.map((e) => child(e, "id")[0].textContent ?? ""),
        dates: entries.map((e) => child(e, "updated")[0].textContent ?? ""),
      };
    }, xml);
    expect(report.error).toBe(0);
    expect(report.root).toBe("http://www.w3.org/2005/Atom feed");
    expect(report.feed).toEqual([1, 1, 1, 1]);
    expect(report.self).toBe(true);
    expect(report.entries).toBe(Math.min(50, applicants.length));
    expect(report.complete).toBe(true);
    expect(new Set(report.ids).size).toBe(report.ids.length);
    for (const id of report.ids) expect(id).toMatch(/^tag:heza\.gov\.vn,2023:cchc\/xin-loi\/\S+$/);
    for (const date of report.dates) expect(Number.isNaN(Date.parse(date))).toBe(false);
    await context.close();
  });
});
