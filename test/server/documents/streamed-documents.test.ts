import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, startTestServer, type TestServer } from "../../support/test-server.js";
import { testDrivers } from "../../support/databases.js";
import { FIXTURE_AS_OF, seedReportFixture } from "./report-fixture.js";
import { snapshotText, xlsxSnapshot, zipSnapshot } from "./document-snapshots.js";

/**
 * The streamed downloads give what the whole-file builders gave before streaming: the golden files
 * under golden/ were captured from those builders (CCHC_CAPTURE_GOLDEN=1 rewrites them) over the
 * same fixture, on each driver.
 */
const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url);
const capture = process.env.CCHC_CAPTURE_GOLDEN === "1";

function matchesGolden(name: string, actual: unknown): void {
  const text = typeof actual === "string" ? actual : `${JSON.stringify(actual, null, 1)}\n`;
  if (capture || !existsSync(golden(name))) {
    if (!capture) throw new Error(`golden/${name} is missing; run with CCHC_CAPTURE_GOLDEN=1 on the reference code`);
    writeFileSync(golden(name), text);
    return;
  }
  expect(text).toBe(readFileSync(golden(name), "utf8"));
}

describe.each(testDrivers())("streamed documents equal the reference files (%s)", (driver) => {
  let server: TestServer;
  let directiveId: string;

  beforeAll(async () => {
    server = await startTestServer(driver);
    const directive = await seedReportFixture(server.database.db);
    directiveId = String(directive.id);
  }, 120_000);
  afterAll(() => server?.close());

  const download = async (path: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const report = (format: string) =>
    download(`/documents/compliance-report?directiveId=${directiveId}&format=${format}&asOf=${FIXTURE_AS_OF.toISOString()}`);

  it("XLSX report", async () => {
    matchesGolden("report.xlsx.json", snapshotText(await xlsxSnapshot(await report("XLSX"))));
  }, 60_000);

  it("Markdown report", async () => {
    matchesGolden("report.md", (await report("MARKDOWN")).toString("utf8"));
  });

  it("CSV report", async () => {
    matchesGolden("report.csv", (await report("CSV")).toString("utf8"));
  });

  it("apology letters zip", async () => {
    matchesGolden("apology-letters.zip.json", zipSnapshot(await download(`/documents/apology-letters?directiveId=${directiveId}`)));
  }, 60_000);
});
