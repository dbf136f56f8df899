import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Apology, Case, Directive } from "../../../server/src/entities/index.js";
import { writeText, OutputClosedError } from "../../../server/src/documents/stream-output.js";
import { InlineContent } from "../../../server/src/documents/streamed-document.js";
import { apologyLettersDocument, complianceReportDocument } from "../../../server/src/documents/document.service.js";
import { ADMIN_TOKEN, dataOf, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";
import { testDrivers } from "../../support/databases.js";
import { FIXTURE_AS_OF, seedReportFixture } from "./report-fixture.js";

/**
 * Document.downloadPath on every document streams the very bytes contentBase64 holds; contentBase64
 * is refused above 32 MiB (BAD_USER_INPUT naming downloadPath) without building the file when a
 * COUNT already tells; a client that goes away mid-download stops the generation and its reads.
 */
const DOC = "fileName mimeType byteSize contentBase64 downloadPath";

describe.each(testDrivers())("Document.downloadPath and the inline limit (%s)", (driver) => {
  let server: TestServer;
  let directiveId: string;

  beforeAll(async () => {
    server = await startTestServer(driver);
    directiveId = String((await seedReportFixture(server.database.db)).id);
  }, 120_000);
  afterAll(() => server?.close());

  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });

  it("names on every document a GET path that streams the same bytes as contentBase64", async () => {
    const asOf = FIXTURE_AS_OF.toISOString();
    const data = dataOf(
      await server.gql(
        `query($d: ID!, $asOf: DateTime) {
          letter: apologyLetter(caseCode: "H00017") { ${DOC} }
          letters: apologyLetters(directiveId: $d, unitCode: "VP") { ${DOC} }
          xlsx: complianceReport(directiveId: $d, format: XLSX, asOf: $asOf) { ${DOC} }
          md: complianceReport(directiveId: $d, format: MARKDOWN) { ${DOC} }
          csv: complianceReport(directiveId: $d, format: CSV, asOf: $asOf) { ${DOC} }
          export: exportForImport(kind: CASES, directiveId: $d, unitCode: "QLĐT") { ${DOC} }
          chart: complianceReportChart(directiveId: $d, asOf: $asOf) { ${DOC} }
        }`,
        { d: directiveId, asOf },
      ),
    );
    expect(data.letters.downloadPath).toBe(`/documents/apology-letters?directiveId=${directiveId}&unitCode=VP`);
    expect(data.export.downloadPath).toBe(`/exports/cases.csv?directiveId=${directiveId}&unitCode=QL%C4%90T`);
    // Without asOf the report is as of the request's moment, and its path pins that moment.
    expect(data.md.downloadPath).toMatch(/asOf=\d{4}-\d\d-\d\dT/);
    for (const [name, doc] of Object.entries(data) as [string, Record<string, any>][]) {
      const response = await get(doc.downloadPath);
      expect(response.status, name).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (name === "letter" || name === "letters") {
        // A .docx carries its creation time: same entries and text, not the same bytes.
        expect(bytes.length, name).toBeGreaterThan(1000);
        expect(bytes.subarray(0, 2).toString(), name).toBe("PK");
      } else if (name === "chart") {
        // ECharts numbers its SVG's clip paths per render: same drawing, not the same bytes.
        expect(bytes.toString("utf8"), name).toMatch(/<svg/);
      } else {
        expect(bytes.equals(Buffer.from(doc.contentBase64, "base64")), name).toBe(true);
      }
      expect(doc.byteSize, name).toBe(Buffer.from(doc.contentBase64, "base64").length);
    }
  }, 60_000);

  it("asks for nothing but the path: the file is not generated", async () => {
    const before = server.statements();
    const data = dataOf(
      await server.gql(`query($d: ID!) { apologyLetters(directiveId: $d) { fileName downloadPath } complianceReport(directiveId: $d, format: XLSX) { downloadPath } }`, {
        d: directiveId,
      }),
    );
    expect(data.apologyLetters.fileName).toBe("xin-loi-2315-TB-BQL.zip");
    // Token check and the directive's lookups only: no batch of rows was read.
    expect(server.statements() - before).toBeLessThanOrEqual(6);
  });

  it("stops a file that passes the limit as soon as it does, and still counts it when the size is asked", async () => {
    const db = server.database.db;
    const directive = await db.getRepository(Directive).findOneByOrFail({ id: Number(directiveId) });
    const report = complianceReportDocument(db, directive, "MARKDOWN", FIXTURE_AS_OF);
    const whole = await new InlineContent(report).size();
    expect(whole).toBeGreaterThan(50_000);
    const small = new InlineContent(report, 20_000);
    expect(await small.content()).toBeNull();
    expect(await new InlineContent(report, 20_000).size()).toBe(whole);
    const both = new InlineContent(report, 20_000);
    const [size, content] = await Promise.all([both.size(), both.content()]);
    expect([size, content]).toEqual([whole, null]);
    // The zip's least size comes from one COUNT: over the limit, no letter is built at all.
    const letters = apologyLettersDocument(db, directive, null);
    let written = 0;
    const counted = new InlineContent({ ...letters, write: (o) => ((written += 1), letters.write(o)) }, 1_000);
    expect(await counted.content()).toBeNull();
    expect(written).toBe(0);
  }, 60_000);

  it("refuses contentBase64 above 32 MiB with BAD_USER_INPUT naming downloadPath, before building the zip", async () => {
    const db = server.database.db;
    const unit = await db.query("SELECT id FROM units WHERE code = 'VP'");
    const cases = Array.from({ length: 3_000 }, (_, i) => ({
      code: `BIG${String(i).padStart(5, "0")}`,
      procedureName: "Thủ tục",
      applicantName: "Người nộp",
      unitId: unit[0].id,
      receivedAt: new Date("2023-03-01T01:00:00Z"),
      dueAt: new Date("2023-03-10T10:00:00Z"),
      resolvedAt: null,
    }));
    for (let i = 0; i < cases.length; i += 500) await db.getRepository(Case).insert(cases.slice(i, i + 500));
    const stored = await db.getRepository(Case).createQueryBuilder("c").where("c.code LIKE 'BIG%'").getMany();
    const apologies = stored.map((c, i) => ({
      caseId: c.id,
      number: `B${i}`,
      issuedAt: new Date("2023-03-11T01:00:00Z"),
      reason: "Lý do",
      newDueAt: new Date("2023-03-20T10:00:00Z"),
      signer: "Người ký",
    }));
    for (let i = 0; i < apologies.length; i += 500) await db.getRepository(Apology).insert(apologies.slice(i, i + 500));
    const started = Date.now();
    const response = await server.gql(`query($d: ID!) { apologyLetters(directiveId: $d) { fileName downloadPath contentBase64 } }`, { d: directiveId });
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toContain(`/documents/apology-letters?directiveId=${directiveId}`);
    expect(response.errors?.[0].message).toMatch(/32 MiB/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await db.getRepository(Apology).createQueryBuilder().delete().where("number LIKE 'B%'").execute();
    await db.getRepository(Case).createQueryBuilder().delete().where("code LIKE 'BIG%'").execute();
  }, 120_000);

  it("stops generating (no more reads) when the client disconnects mid-download", async () => {
    const db = server.database.db;
    const unit = await db.query("SELECT id FROM units WHERE code = 'VP'");
    const cases = Array.from({ length: 40_000 }, (_, i) => ({
      code: `GONE${String(i).padStart(6, "0")}`,
      procedureName: "Thủ tục dài ".repeat(8),
      applicantName: "Người nộp",
      unitId: unit[0].id,
      receivedAt: new Date("2023-02-01T01:00:00Z"),
      dueAt: new Date(Date.parse("2023-02-10T10:00:00Z") + i * 1000),
      resolvedAt: null,
    }));
    for (let i = 0; i < cases.length; i += 1000) await db.getRepository(Case).insert(cases.slice(i, i + 1000));
    const full = server.statements();
    const whole = await get(`/documents/compliance-report?directiveId=${directiveId}&format=MARKDOWN&asOf=${FIXTURE_AS_OF.toISOString()}`);
    await whole.arrayBuffer();
    const wholeStatements = server.statements() - full;

    const controller = new AbortController();
    const before = server.statements();
    const response = await get(`/documents/compliance-report?directiveId=${directiveId}&format=MARKDOWN&asOf=${FIXTURE_AS_OF.toISOString()}`, {
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const afterAbort = server.statements();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(server.statements()).toBe(afterAbort);
    // The whole report reads the 40,000 cases in 20 batches; the cut one stopped after a few.
    expect(wholeStatements).toBeGreaterThan(20);
    expect(afterAbort - before).toBeLessThan(wholeStatements - 10);
    // And the server carries on.
    expect((await get(`/documents/compliance-report?directiveId=${directiveId}&format=CSV`)).status).toBe(200);
    await db.getRepository(Case).createQueryBuilder().delete().where("code LIKE 'GONE%'").execute();
  }, 120_000);
});

describe("writeText (GET /exports and the text reports)", () => {
  it("rejects at once, and ends the source, when the receiver goes away while full (no wait on a drain that never comes)", async () => {
    const output = new PassThrough({ highWaterMark: 1024 });
    let ended = false;
    async function* lines() {
      try {
        for (let i = 0; ; i += 1) yield `${"x".repeat(100)} ${i}\n`;
      } finally {
        ended = true;
      }
    }
    const writing = writeText(lines(), output);
    await new Promise((resolve) => setTimeout(resolve, 50));
    output.destroy();
    await expect(writing).rejects.toBeInstanceOf(OutputClosedError);
    expect(ended).toBe(true);
  });
});
