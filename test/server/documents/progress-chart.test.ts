import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartRange } from "../../../server/src/documents/charts/progress-chart.data.js";
import { testDrivers } from "../../support/databases.js";
import { dataOf, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";
import { FIXTURE_AS_OF, seedReportFixture } from "./report-fixture.js";

/**
 * The progress chart in the documents: the XLSX report's "Tiến độ" sheet (the daily series read back
 * with exceljs, equal to Directive.progress, and the native chart part naming its columns), the
 * Markdown's link to the SVG file, and the SVG itself (one line per unit plus the board, the deadline).
 */
const AS_OF = FIXTURE_AS_OF.toISOString();
const decoded = (doc: { contentBase64: string }) => Buffer.from(doc.contentBase64, "base64");

describe.each(testDrivers())("the progress chart in the reports on %s", (driver) => {
  let server: TestServer;
  let directiveId: string;
  let unitCodes: string[];

  beforeAll(async () => {
    server = await startTestServer(driver);
    const directive = await seedReportFixture(server.database.db, { cases: 240, tasks: 200 });
    directiveId = String(directive.id);
    unitCodes = dataOf(await server.gql<{ directive: { units: { unit: { code: string } }[] } }>(
      `query($id: ID!) { directive(id: $id) { units { unit { code } } } }`, { id: directiveId },
    )).directive.units.map((u) => u.unit.code);
  }, 120_000);
  afterAll(() => server?.close());

  async function report(format: string) {
    return dataOf(await server.gql<{ complianceReport: { fileName: string; contentBase64: string } }>(
      `query($id: ID!, $f: ReportFormat!, $at: DateTime) { complianceReport(directiveId: $id, format: $f, asOf: $at) { fileName contentBase64 } }`,
      { id: directiveId, f: format, at: AS_OF },
    )).complianceReport;
  }

  it("XLSX: a 'Tiến độ' sheet with one column per unit, equal to Directive.progress, and a line chart of it", async () => {
    const bytes = decoded(await report("XLSX"));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Tiến độ");
    expect(sheet).toBeDefined();
    expect(sheet!.getRow(1).values).toEqual([undefined, "Ngày", "Toàn Ban", ...unitCodes]);

    const { from, until } = chartRange({ periodStart: "2023-01-01", deadline: "2023-11-17" }, FIXTURE_AS_OF);
    expect([from, until]).toEqual(["2023-01-01", "2023-11-14"]);
    const aliases = unitCodes.map((code, i) => `u${i}: progress(unitCode: "${code}", from: "${from}", until: "${until}") { day compliance { rate } }`).join(" ");
    const api = dataOf(await server.gql<{ directive: Record<string, { day: string; compliance: { rate: number } }[]> }>(
      `query($id: ID!) { directive(id: $id) { board: progress(from: "${from}", until: "${until}") { day compliance { rate } } ${aliases} } }`,
      { id: directiveId },
    )).directive;
    expect(sheet!.rowCount).toBe(1 + api.board.length);
    api.board.forEach((point, i) => {
      const row = sheet!.getRow(2 + i);
      expect((row.getCell(1).value as Date).toISOString().slice(0, 10)).toBe(point.day);
      expect(row.getCell(2).value).toBe(point.compliance.rate);
      unitCodes.forEach((_, u) => expect(row.getCell(3 + u).value, `${unitCodes[u]} on ${point.day}`).toBe(api[`u${u}`][i].compliance.rate));
    });
    // The series moves: not a flat line the test could pass on.
    expect(new Set(api.board.map((p) => p.compliance.rate)).size).toBeGreaterThan(10);

    const files = unzipSync(new Uint8Array(bytes));
    const chart = strFromU8(files["xl/charts/chart1.xml"]);
    expect(chart).toContain("<c:lineChart>");
    expect(chart.match(/<c:ser>/g)).toHaveLength(1 + unitCodes.length);
    const last = 1 + api.board.length;
    expect(chart).toContain(`<c:val><c:numRef><c:f>'Tiến độ'!$B$2:$B$${last}</c:f>`);
    expect(chart).toContain(`<c:cat><c:numRef><c:f>'Tiến độ'!$A$2:$A$${last}</c:f>`);
    // The sheet holding the drawing is the progress sheet, and the parts are declared.
    const workbook = strFromU8(files["xl/workbook.xml"]);
    const index = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].findIndex((m) => m[1] === "Tiến độ") + 1;
    expect(strFromU8(files[`xl/worksheets/sheet${index}.xml`])).toMatch(/<drawing r:id="rId\d+"\/><\/worksheet>$/);
    expect(strFromU8(files[`xl/worksheets/_rels/sheet${index}.xml.rels`])).toContain('Target="../drawings/drawing1.xml"');
    expect(strFromU8(files["xl/drawings/_rels/drawing1.xml.rels"])).toContain('Target="../charts/chart1.xml"');
    const types = strFromU8(files["[Content_Types].xml"]);
    expect(types).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
  });

  it("Markdown links the SVG chart by the name complianceReportChart gives it; the SVG draws the board, each unit and the deadline", async () => {
    const markdown = decoded(await report("MARKDOWN")).toString("utf8");
    const chartDoc = dataOf(await server.gql<{ complianceReportChart: { fileName: string; mimeType: string; byteSize: number; contentBase64: string } }>(
      `query($id: ID!, $at: DateTime) { complianceReportChart(directiveId: $id, asOf: $at) { fileName mimeType byteSize contentBase64 } }`,
      { id: directiveId, at: AS_OF },
    )).complianceReportChart;
    expect(chartDoc.fileName).toBe("bao-cao-tuan-thu-2023-11-14-tien-do.svg");
    expect(chartDoc.mimeType).toBe("image/svg+xml");
    expect(markdown).toContain("## Tiến độ");
    expect(markdown).toContain(`](${chartDoc.fileName})`);
    const svg = decoded(chartDoc).toString("utf8");
    expect(chartDoc.byteSize).toBe(Buffer.byteLength(svg));
    expect(svg.startsWith("<svg")).toBe(true);
    // The legend names the board and every unit; the deadline is labelled.
    for (const name of ["Toàn Ban", ...unitCodes]) expect(svg).toContain(`>${name.replace(/&/g, "&amp;")}</text>`);
    expect(svg).toContain(">Hạn 17/11</text>");
    // One polyline path per line: at least the board and each unit.
    const lines = svg.match(/<path d="M[^"]*L[^"]*" fill="none"[^>]*stroke-width="(?:3|1\.5)"/g) ?? [];
    expect(lines.length).toBeGreaterThanOrEqual(1 + unitCodes.length);
    expect(errorCode(await server.gql(`{ complianceReportChart(directiveId: "999") { fileName } }`))).toBe("NOT_FOUND");
  });
});
