import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, dataOf, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";
import { testDrivers } from "../../support/databases.js";
import { openDocx, paragraphTexts } from "./docx-reading.js";
import { casesWithApologyInScope } from "../../../server/src/services/outstanding.js";
import type { ComplianceFigures } from "../../../server/src/domain/compliance.js";

/**
 * The four document queries and the HTTP downloads against the real app on each driver: every
 * file is opened again and read back, and the report's figures are compared with the API's
 * Compliance figures for the same moment.
 */
const AS_OF = "2023-11-14T16:30:00+07:00";

const UNITS = [
  { code: "QLĐT", name: "Phòng Quản lý Đầu tư", kind: "DEPARTMENT" },
  { code: "QLLĐ", name: "Phòng Quản lý Lao động", kind: "DEPARTMENT" },
  { code: "TTXT", name: "Trung tâm Xúc tiến đầu tư và Dịch vụ việc làm", kind: "SERVICE_UNIT" },
];

const CASES = [
  // QLĐT: late, apologised in time; overdue, no apology; early (not owed).
  { code: "H01", unitCode: "QLĐT", applicantName: "Công ty TNHH Cơ khí Đình Vũ", receivedAt: "2023-01-03T09:15:00+07:00", dueAt: "2023-01-17T17:00:00+07:00", resolvedAt: "2023-01-25T10:00:00+07:00" },
  { code: "H02", unitCode: "QLĐT", applicantName: "Ông Nguyễn Văn Đức", receivedAt: "2023-02-14T08:00:00+07:00", dueAt: "2023-03-01T17:00:00+07:00", resolvedAt: null },
  { code: "H03", unitCode: "QLĐT", applicantName: "Bà Trần Thị Hà", receivedAt: "2023-04-03T08:00:00+07:00", dueAt: "2023-04-14T17:00:00+07:00", resolvedAt: "2023-04-10T15:00:00+07:00" },
  // QLLĐ: late, apologised only after the moment: still owed as of AS_OF.
  { code: "H04", unitCode: "QLLĐ", applicantName: "Công ty CP Điện tử Tràng Duệ", receivedAt: "2023-05-08T08:00:00+07:00", dueAt: "2023-05-22T17:00:00+07:00", resolvedAt: "2023-06-02T09:00:00+07:00" },
  // TTXT: late, apologised.
  { code: "H05", unitCode: "TTXT", applicantName: "Bà Lê Thị Thu Hằng", receivedAt: "2023-06-05T08:00:00+07:00", dueAt: "2023-06-19T17:00:00+07:00", resolvedAt: "2023-06-21T09:00:00+07:00" },
  // Out of scope: due on 31/12/2022 in Vietnam, though 2023 is near in UTC terms.
  { code: "H06", unitCode: "QLĐT", applicantName: "Ông Phạm Văn Nam", receivedAt: "2022-12-01T08:00:00+07:00", dueAt: "2022-12-31T23:00:00+07:00", resolvedAt: null },
];

const APOLOGIES = [
  { caseCode: "H01", number: "12/PXL-QLĐT", issuedAt: "2023-01-19T10:00:00+07:00", reason: "Chờ ý kiến thẩm định của Sở Xây dựng", newDueAt: "2023-02-06T17:00:00+07:00", signer: "Lê Thị Thu Hằng" },
  { caseCode: "H04", number: "05/PXL-QLLĐ", issuedAt: "2023-12-01T10:00:00+07:00", reason: "Hồ sơ phải bổ sung giấy tờ", newDueAt: "2023-12-15T17:00:00+07:00", signer: "Đỗ Minh Khôi" },
  { caseCode: "H05", number: "02/PXL-TTXT", issuedAt: "2023-06-16T10:00:00+07:00", reason: "Quá tải hồ sơ", newDueAt: "2023-06-23T17:00:00+07:00", signer: "Vũ Thị Lan" },
];

const TASKS = [
  { externalId: "T1", unitCode: "QLĐT", title: "Báo cáo tiến độ dự án", assignedAt: "2023-02-01T08:00:00+07:00", completionReportedAt: "2023-02-10T08:00:00+07:00", workFileCode: "01.QLĐT", workFileCreatedAt: "2023-02-02T08:00:00+07:00" },
  { externalId: "T2", unitCode: "QLĐT", title: "Thẩm định hồ sơ điều chỉnh", assignee: "Nguyễn Văn A", assignedAt: "2023-03-01T08:00:00+07:00", dueAt: "2023-03-15T17:00:00+07:00" },
  { externalId: "T3", unitCode: "QLLĐ", title: "Tổng hợp giấy phép lao động", assignedAt: "2023-04-01T08:00:00+07:00", completionReportedAt: "2023-04-20T08:00:00+07:00" },
  { externalId: "T4", unitCode: "TTXT", title: "Hội nghị xúc tiến đầu tư", assignedAt: "2023-05-01T08:00:00+07:00", archivedAt: "2023-05-30T08:00:00+07:00", workFileCode: "05.TTXT", workFileCreatedAt: "2023-05-02T08:00:00+07:00" },
  // Assigned after the moment: not in scope as of AS_OF.
  { externalId: "T5", unitCode: "TTXT", title: "Việc giao sau thời điểm báo cáo", assignedAt: "2023-11-20T08:00:00+07:00" },
];

const COMPLIANCE_FIELDS =
  "overdueCases apologizedCases apologyRate tasks reportedTasks reportRate filedTasks fileRate rate status";

/** Compliance as the API sends it: the domain's figures, field for field. */
type ApiCompliance = ComplianceFigures;

interface Doc {
  fileName: string;
  mimeType: string;
  byteSize: number;
  contentBase64: string;
}

const DOCUMENT = "fileName mimeType byteSize contentBase64";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function decoded(doc: Doc): Buffer {
  const bytes = Buffer.from(doc.contentBase64, "base64");
  expect(doc.byteSize).toBe(bytes.length);
  return bytes;
}

describe.each(testDrivers())("documents over the API (%s)", (driver) => {
  let server: TestServer;
  let directiveId: string;
  let api: { board: ApiCompliance; units: { unit: { code: string; name: string; kind: string }; compliance: ApiCompliance }[] };

  const get = (path: string, token: string | null = ADMIN_TOKEN) =>
    fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    server = await startTestServer(driver);
    for (const input of UNITS) dataOf(await server.gql("mutation($i: UnitInput!) { upsertUnit(input: $i) { id } }", { i: input }));
    const created = dataOf<{ createDirective: { id: string } }>(
      await server.gql("mutation($i: DirectiveInput!) { createDirective(input: $i) { id } }", {
        i: {
          number: "2315/TB-BQL",
          subject: "V/v triển khai rà soát, xin lỗi hồ sơ TTHC quá hạn và lập hồ sơ công việc trên HpNet",
          issuedOn: "2023-11-08",
          periodStart: "2023-01-01",
          periodEnd: "2023-12-31",
          deadline: "2023-11-17",
        },
      }),
    );
    directiveId = created.createDirective.id;
    for (const c of CASES) {
      dataOf(
        await server.gql("mutation($i: CaseInput!) { upsertCase(input: $i) { id } }", {
          i: { ...c, procedureName: "Cấp Giấy chứng nhận đăng ký đầu tư" },
        }),
      );
    }
    for (const a of APOLOGIES) dataOf(await server.gql("mutation($i: ApologyInput!) { issueApology(input: $i) { id } }", { i: a }));
    for (const t of TASKS) dataOf(await server.gql("mutation($i: HpNetTaskInput!) { upsertHpNetTask(input: $i) { id } }", { i: t }));
    const figures = dataOf<{ directive: { compliance: ApiCompliance; units: typeof api.units } }>(
      await server.gql(
        `query($id: ID!, $asOf: DateTime) { directive(id: $id) {
           compliance(asOf: $asOf) { ${COMPLIANCE_FIELDS} }
           units(asOf: $asOf) { unit { code name kind } compliance { ${COMPLIANCE_FIELDS} } } } }`,
        { id: directiveId, asOf: AS_OF },
      ),
    );
    api = { board: figures.directive.compliance, units: figures.directive.units };
  });

  afterAll(async () => {
    await server?.close();
  });

  /** The consolidated report as of AS_OF, in one format, as the API hands it out. */
  const complianceReport = async (format: "XLSX" | "CSV" | "MARKDOWN"): Promise<Doc> =>
    dataOf<{ complianceReport: Doc }>(
      await server.gql(`query($d: ID!, $a: DateTime, $f: ReportFormat!) { complianceReport(directiveId: $d, format: $f, asOf: $a) { ${DOCUMENT} } }`, {
        d: directiveId,
        a: AS_OF,
        f: format,
      }),
    ).complianceReport;

  it("has the expected API figures to compare with (the fixture is what the test assumes)", () => {
    const byCode = Object.fromEntries(api.units.map((u) => [u.unit.code, u.compliance]));
    expect(byCode["QLĐT"]).toMatchObject({ overdueCases: 2, apologizedCases: 1, tasks: 2, reportedTasks: 1, filedTasks: 1 });
    expect(byCode["QLLĐ"]).toMatchObject({ overdueCases: 1, apologizedCases: 0, tasks: 1, reportedTasks: 1, filedTasks: 0 });
    expect(byCode["TTXT"]).toMatchObject({ overdueCases: 1, apologizedCases: 1, tasks: 1, reportedTasks: 1, filedTasks: 1, rate: 1 });
  });

  it("apologyLetter: one case's letter as .docx, named by its code", async () => {
    const doc = dataOf<{ apologyLetter: Doc }>(
      await server.gql(`query { apologyLetter(caseCode: "H01") { ${DOCUMENT} } }`),
    ).apologyLetter;
    expect(doc.fileName).toBe("xin-loi-H01.docx");
    expect(doc.mimeType).toBe(DOCX);
    const { paragraphs } = await openDocx(decoded(doc));
    const text = paragraphs.join("\n");
    for (const piece of [
      "Số: 12/PXL-QLĐT",
      "Hải Phòng, ngày 19 tháng 01 năm 2023",
      "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
      "Kính gửi: Công ty TNHH Cơ khí Đình Vũ.",
      "Ngày 03/01/2023",
      "Cấp Giấy chứng nhận đăng ký đầu tư",
      "Mã hồ sơ: H01",
      "ngày 17/01/2023",
      "Lý do: Chờ ý kiến thẩm định của Sở Xây dựng.",
      "ngày 06/02/2023",
      "- Lưu: VT, QLĐT.",
      "Lê Thị Thu Hằng",
    ]) {
      expect(text).toContain(piece);
    }
  });

  it("apologyLetter: NOT_FOUND for a case without an apology and for an unknown case", async () => {
    expect(errorCode(await server.gql(`query { apologyLetter(caseCode: "H02") { fileName } }`))).toBe("NOT_FOUND");
    expect(errorCode(await server.gql(`query { apologyLetter(caseCode: "NO-SUCH") { fileName } }`))).toBe("NOT_FOUND");
  });

  it("apologyLetters: a .zip of one .docx per case of the scope, optionally one unit's", async () => {
    const all = dataOf<{ apologyLetters: Doc }>(
      await server.gql(`query($d: ID!) { apologyLetters(directiveId: $d) { ${DOCUMENT} } }`, { d: directiveId }),
    ).apologyLetters;
    expect(all.mimeType).toBe("application/zip");
    expect(all.fileName).toBe("xin-loi-2315-TB-BQL.zip");
    const zip = unzipSync(decoded(all));
    expect(Object.keys(zip).sort()).toEqual(["xin-loi-H01.docx", "xin-loi-H04.docx", "xin-loi-H05.docx"]);
    for (const name of Object.keys(zip)) {
      const letter = await openDocx(zip[name]);
      expect(letter.paragraphs.join("\n")).toContain(`Mã hồ sơ: ${name.slice(8, 11)}`);
    }
    const one = dataOf<{ apologyLetters: Doc }>(
      await server.gql(`query($d: ID!) { apologyLetters(directiveId: $d, unitCode: "QLĐT") { ${DOCUMENT} } }`, { d: directiveId }),
    ).apologyLetters;
    expect(one.fileName).toBe("xin-loi-2315-TB-BQL-QLDT.zip");
    expect(Object.keys(unzipSync(decoded(one)))).toEqual(["xin-loi-H01.docx"]);
    expect(errorCode(await server.gql(`query($d: ID!) { apologyLetters(directiveId: $d, unitCode: "NOPE") { fileName } }`, { d: directiveId }))).toBe("NOT_FOUND");
    expect(errorCode(await server.gql(`query { apologyLetters(directiveId: "999") { fileName } }`))).toBe("NOT_FOUND");
  });

  it("complianceReport XLSX: summary equal to the API's Compliance, then the outstanding cases and tasks", async () => {
    const doc = await complianceReport("XLSX");
    expect(doc.fileName).toBe("bao-cao-tuan-thu-2023-11-14.xlsx");
    expect(doc.mimeType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(decoded(doc) as unknown as ArrayBuffer);
    const [summary, cases, tasks] = workbook.worksheets;
    expect(summary.getCell("A1").value).toBe("BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN VĂN BẢN SỐ 2315/TB-BQL");
    expect(summary.getCell("B3").value).toEqual(new Date("2023-11-17T00:00:00.000Z"));
    // Excel holds Vietnam wall-clock time: 16:30 on 14/11/2023.
    expect(summary.getCell("B5").value).toEqual(new Date("2023-11-14T16:30:00.000Z"));
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 7 });
    expect(summary.getColumn(2).width).toBeGreaterThan(30);
    expect(summary.getRow(7).getCell(4).value).toBe("Hồ sơ quá hạn");
    const figureOf = (row: ExcelJS.Row) => ({
      overdueCases: row.getCell(4).value,
      apologizedCases: row.getCell(5).value,
      apologyRate: row.getCell(6).value,
      tasks: row.getCell(7).value,
      reportedTasks: row.getCell(8).value,
      reportRate: row.getCell(9).value,
      filedTasks: row.getCell(10).value,
      fileRate: row.getCell(11).value,
      rate: row.getCell(12).value,
    });
    const { status: _boardStatus, ...boardFigures } = api.board;
    api.units.forEach((u, i) => {
      const row = summary.getRow(8 + i);
      expect(row.getCell(1).value).toBe(u.unit.code);
      expect(row.getCell(2).value).toBe(u.unit.name);
      const { status: _status, ...figures } = u.compliance;
      expect(figureOf(row)).toEqual(figures);
      expect(row.getCell(6).numFmt).toBe("0.0%");
      expect(row.getCell(12).numFmt).toBe("0.0%");
    });
    const total = summary.getRow(8 + api.units.length);
    expect(total.getCell(2).value).toBe("Toàn Ban");
    expect(figureOf(total)).toEqual(boardFigures);
    expect(summary.getRow(8).getCell(13).value).toBe("Đang thực hiện");
    // Flagged, not hidden: H01's apology came after its due moment; H05's before; H04's after the moment.
    expect(summary.getRow(7).getCell(14).value).toBe("Xin lỗi sau hạn");
    const afterDue = Object.fromEntries(api.units.map((u, i) => [u.unit.code, summary.getRow(8 + i).getCell(14).value]));
    expect(afterDue).toEqual({ "QLLĐ": 0, "QLĐT": 1, TTXT: 0 });
    expect(total.getCell(14).value).toBe(1);

    expect(cases.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const caseRows = cases.getSheetValues().slice(2).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(caseRows.map((r) => [r[0], r[1]])).toEqual([["QLLĐ", "H04"], ["QLĐT", "H02"]]);
    expect(caseRows[1][5]).toEqual(new Date("2023-03-01T17:00:00.000Z"));
    expect(caseRows[1][7]).toBe("Đang xử lý quá hạn");
    // H04 was resolved late; its apology came after the moment, so it is still owed.
    expect(caseRows[0][7]).toBe("Quá hạn");
    for (const u of api.units) {
      expect(caseRows.filter((r) => r[0] === u.unit.code)).toHaveLength(u.compliance.overdueCases - u.compliance.apologizedCases);
    }
    const taskRows = tasks.getSheetValues().slice(2).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(taskRows.map((r) => [r[0], r[1], r[6], r[7]])).toEqual([
      ["QLLĐ", "T3", "Đã báo cáo", "Chưa lập"],
      ["QLĐT", "T2", "Chưa báo cáo", "Chưa lập"],
    ]);
  });

  it("complianceReport CSV: UTF-8 with BOM, the summary equal to the API's figures", async () => {
    const doc = await complianceReport("CSV");
    expect(doc.fileName).toBe("bao-cao-tuan-thu-2023-11-14.csv");
    expect(doc.mimeType).toMatch(/^text\/csv/);
    const bytes = decoded(doc);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes.toString("utf8"), { bom: true });
    expect(rows[0].slice(0, 4)).toEqual(["Mã đơn vị", "Tên đơn vị", "Loại", "Hồ sơ quá hạn"]);
    const expected = [...api.units.map((u) => ({ code: u.unit.code, c: u.compliance })), { code: "", c: api.board }];
    expect(rows.slice(1)).toHaveLength(expected.length);
    expected.forEach(({ code, c }, i) => {
      const row = rows[1 + i];
      expect(row[0]).toBe(code);
      expect(row.slice(3, 13).map((v, j) => (j === 9 ? v : Number(v)))).toEqual([
        c.overdueCases, c.apologizedCases, c.apologyRate, c.tasks, c.reportedTasks, c.reportRate, c.filedTasks, c.fileRate, c.rate, c.status,
      ]);
      expect(row.at(-1)).toBe(code === "QLĐT" || code === "" ? "1" : "0");
    });
  });

  it("complianceReport MARKDOWN: the summary table and both outstanding lists", async () => {
    const doc = await complianceReport("MARKDOWN");
    expect(doc.fileName).toBe("bao-cao-tuan-thu-2023-11-14.md");
    const text = decoded(doc).toString("utf8");
    expect(text).toContain("# Báo cáo tổng hợp kết quả thực hiện Văn bản số 2315/TB-BQL");
    expect(text).toMatch(/^\| Mã đơn vị \| Tên đơn vị \|/m);
    expect(text).toMatch(/^\| QLĐT \| Phòng Quản lý Đầu tư \| Phòng chuyên môn \| 2 \| 1 \| 50% \|/m);
    expect(text).toContain("## Hồ sơ quá hạn chưa xin lỗi (2)");
    expect(text).toMatch(/^\| QLĐT \| H02 \|/m);
    expect(text).toContain("## Công việc HpNet chưa báo cáo hoặc chưa lập hồ sơ (2)");
    expect(text).toMatch(/^\| QLLĐ \| T3 \|/m);
  });

  it("reminderLetter: addressed to the units below 100% and only those, with what each owes", async () => {
    const doc = dataOf<{ reminderLetter: Doc }>(
      await server.gql(`query($d: ID!, $a: DateTime) { reminderLetter(directiveId: $d, asOf: $a) { ${DOCUMENT} } }`, {
        d: directiveId,
        a: AS_OF,
      }),
    ).reminderLetter;
    expect(doc.fileName).toBe("don-doc-2023-11-14.docx");
    expect(doc.mimeType).toBe(DOCX);
    const { documentXml, paragraphs } = await openDocx(decoded(doc));
    const text = paragraphs.join("\n");
    // Ordered by unit code in code points: "QLLĐ" before "QLĐT" (Đ is U+0110).
    expect(text).toContain("Kính gửi:\t- Phòng Quản lý Lao động;\n- Phòng Quản lý Đầu tư.");
    expect(text).not.toContain("Trung tâm Xúc tiến");
    expect(text).toMatch(/Số: +\/TB-BQL/);
    expect(text).toContain("trước ngày 17/11/2023");
    expect(text).toContain("KT. TRƯỞNG BAN");
    const grid = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes("Tỷ lệ hoàn thành"));
    const rows = [...(grid as string).matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphTexts(c[0]).join(" ")),
    );
    expect(rows.slice(1)).toEqual([
      ["1", "Phòng Quản lý Lao động", "1", "0", "1", "33,3%"],
      ["2", "Phòng Quản lý Đầu tư", "1", "1", "1", "50%"],
    ]);
    // The appendix lists the very items behind those counts.
    const appendix = text.slice(text.indexOf("DANH SÁCH HỒ SƠ, CÔNG VIỆC CÒN TỒN ĐỌNG"));
    for (const piece of ["1. Phòng Quản lý Lao động", "H04", "T3", "Chưa lập hồ sơ", "2. Phòng Quản lý Đầu tư", "H02", "T2", "Chưa báo cáo hoàn thành; Chưa lập hồ sơ"]) {
      expect(appendix).toContain(piece);
    }
    expect(appendix).not.toContain("H01");
    expect(appendix).not.toContain("T1");
  });

  it("reminderLetter: CONFLICT when every unit is at 100%", async () => {
    // Before anything in scope was owed, nobody is behind.
    const response = await server.gql(`query($d: ID!) { reminderLetter(directiveId: $d, asOf: "2023-01-01T00:00:00+07:00") { fileName } }`, {
      d: directiveId,
    });
    expect(errorCode(response)).toBe("CONFLICT");
  });

  it("serves each file over HTTP GET with the same authorization", async () => {
    expect((await get("/documents/apology-letter?caseCode=H01", null)).status).toBe(401);
    expect((await get("/documents/apology-letter?caseCode=H01", "wrong-token-0123456789")).status).toBe(401);
    const letter = await get("/documents/apology-letter?caseCode=H01");
    expect(letter.status).toBe(200);
    expect(letter.headers.get("content-type")).toBe(DOCX);
    expect(letter.headers.get("content-disposition")).toBe("attachment; filename=xin-loi-H01.docx");
    const bytes = Buffer.from(await letter.arrayBuffer());
    expect(Number(letter.headers.get("content-length"))).toBe(bytes.length);
    expect((await openDocx(bytes)).paragraphs.join("\n")).toContain("Mã hồ sơ: H01");
    const missing = await get("/documents/apology-letter?caseCode=H02");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("NOT_FOUND");

    const zip = await get(`/documents/apology-letters?directiveId=${directiveId}&unitCode=${encodeURIComponent("QLĐT")}`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())))).toEqual(["xin-loi-H01.docx"]);

    const xlsx = await get(`/documents/compliance-report?directiveId=${directiveId}&format=XLSX&asOf=${encodeURIComponent(AS_OF)}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain("bao-cao-tuan-thu-2023-11-14.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0].getRow(8).getCell(1).value).toBe(api.units[0].unit.code);

    const csv = await get(`/documents/compliance-report?directiveId=${directiveId}&format=CSV&asOf=${encodeURIComponent(AS_OF)}`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const reminder = await get(`/documents/reminder-letter?directiveId=${directiveId}&asOf=${encodeURIComponent(AS_OF)}`);
    expect(reminder.status).toBe(200);
    expect(reminder.headers.get("content-disposition")).toContain("don-doc-2023-11-14.docx");

    expect((await get(`/documents/compliance-report?directiveId=${directiveId}&format=PDF`)).status).toBe(400);
    expect((await get(`/documents/compliance-report?directiveId=${directiveId}&format=CSV&asOf=2023-11-14T16:30:00`)).status).toBe(400);
    expect((await get(`/documents/reminder-letter?directiveId=999`)).status).toBe(404);
  });

  it("takes the letters' texts from the settings the Office edits (ADMIN only)", async () => {
    const token = dataOf<{ createApiToken: { token: string } }>(
      await server.gql(`mutation { createApiToken(input: { name: "viewer", role: VIEWER }) { token } }`),
    ).createApiToken.token;
    const patch = JSON.stringify({ agency: { place: "Thủy Nguyên" }, reminder: { signature: { name: "Phạm Quốc Bảo" } } });
    expect(errorCode(await server.gql(`mutation($j: String!) { updateLetterTexts(json: $j) }`, { j: patch }, token))).toBe("FORBIDDEN");
    const bad = await server.gql(`mutation($j: String!) { updateLetterTexts(json: $j) }`, {
      j: JSON.stringify({ apologyForms: { "TT01-2018": { title: "PHIẾU {khongCo}" } } }),
    });
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0].message).toContain("{khongCo}");
    expect(errorCode(await server.gql(`mutation { updateLetterTexts(json: "{not json") }`))).toBe("BAD_USER_INPUT");

    const saved = dataOf<{ updateLetterTexts: string }>(await server.gql(`mutation($j: String!) { updateLetterTexts(json: $j) }`, { j: patch }));
    expect(JSON.parse(saved.updateLetterTexts).agency.place).toBe("Thủy Nguyên");
    const letter = dataOf<{ apologyLetter: Doc }>(await server.gql(`query { apologyLetter(caseCode: "H01") { ${DOCUMENT} } }`)).apologyLetter;
    expect((await openDocx(decoded(letter))).paragraphs).toContain("Thủy Nguyên, ngày 19 tháng 01 năm 2023");
    const reminder = dataOf<{ reminderLetter: Doc }>(
      await server.gql(`query($d: ID!, $a: DateTime) { reminderLetter(directiveId: $d, asOf: $a) { ${DOCUMENT} } }`, { d: directiveId, a: AS_OF }),
    ).reminderLetter;
    expect((await openDocx(decoded(reminder))).paragraphs).toContain("Phạm Quốc Bảo");

    const reset = dataOf<{ resetLetterTexts: string }>(await server.gql(`mutation { resetLetterTexts }`));
    expect(JSON.parse(reset.resetLetterTexts).agency.place).toBe("Hải Phòng");
    const read = dataOf<{ letterTexts: string }>(await server.gql(`query { letterTexts }`, {}, token));
    expect(JSON.parse(read.letterTexts).apologyForm).toBe("TT01-2018");
  });

  // Last: it adds cases, which would change the figures the tests above compare.
  it("orders the zip's letters by case code in code points, across keyset batches", async () => {
    for (const code of ["h-02", "Hà-01"]) {
      dataOf(
        await server.gql("mutation($i: CaseInput!) { upsertCase(input: $i) { id } }", {
          i: { ...CASES[4], code, procedureName: "Đăng ký nội quy lao động" },
        }),
      );
      dataOf(
        await server.gql("mutation($i: ApologyInput!) { issueApology(input: $i) { id } }", { i: { ...APOLOGIES[2], caseCode: code } }),
      );
    }
    const expected = ["H01", "H04", "H05", "Hà-01", "h-02"];
    const directive = { periodStart: "2023-01-01", periodEnd: "2023-12-31" };
    const codes: string[] = [];
    for await (const { row } of casesWithApologyInScope(server.database.db, directive, undefined, 2)) codes.push(row.code);
    expect(codes).toEqual(expected);
    const zip = dataOf<{ apologyLetters: Doc }>(
      await server.gql(`query($d: ID!) { apologyLetters(directiveId: $d) { ${DOCUMENT} } }`, { d: directiveId }),
    ).apologyLetters;
    expect(Object.keys(unzipSync(decoded(zip)))).toEqual([
      "xin-loi-H01.docx",
      "xin-loi-H04.docx",
      "xin-loi-H05.docx",
      "xin-loi-Ha-01.docx",
      "xin-loi-h-02.docx",
    ]);
  });
});
