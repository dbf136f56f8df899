import express from "express";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportsRouter } from "../../../server/src/http/exports.route.js";
import { testDrivers } from "../../support/databases.js";
import { ADMIN_TOKEN, dataOf, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";

const RESULT = "created updated unchanged errors { line column message }";
const IMPORT_CASES = `mutation ($csv: String!) { importCases(csv: $csv) { ${RESULT} } }`;
const IMPORT_CASES_XLSX = `mutation ($b: String!) { importCasesXlsx(contentBase64: $b) { ${RESULT} } }`;

const CASES_CSV =
  "\uFEFFMã hồ sơ;Tên thủ tục;Người nộp;Mã đơn vị;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả\r\n" +
  "A-1;Cấp phép;Công ty A;VP;01/11/2023;10/11/2023;15/11/2023 09:00\r\n" +
  "A-2;Cấp phép;Công ty B;QLĐT;01/11/2023;10/11/2023;\r\n";

async function xlsxBase64(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Danh sách hồ sơ");
  sheet.addRow(["Mã hồ sơ", "Tên thủ tục", "Người nộp", "Mã đơn vị", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày trả kết quả"]);
  const row = sheet.addRow(["X-1", "Cấp phép lao động", "Công ty X", "VP", new Date(Date.UTC(2023, 10, 1, 8, 15)), new Date(Date.UTC(2023, 10, 17)), null]);
  row.getCell(5).numFmt = "dd/mm/yyyy hh:mm";
  row.getCell(6).numFmt = "dd/mm/yyyy";
  sheet.addRow(["X-2", "Cấp phép", "Công ty Y", "VP", "02/11/2023", "2023-11-20", "2023-11-20T10:00:00+07:00"]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
}

describe.each(testDrivers())("import mutations over HTTP on %s", (driver) => {
  let server: TestServer;
  let officerToken: string;
  let viewerToken: string;

  beforeAll(async () => {
    server = await startTestServer(driver);
    for (const [code, name] of [["VP", "Văn phòng"], ["QLĐT", "Phòng Quản lý Đầu tư"]]) {
      dataOf(await server.gql(`mutation ($i: UnitInput!) { upsertUnit(input: $i) { id } }`, { i: { code, name, kind: "DEPARTMENT" } }));
    }
    const token = async (role: string, unitCode: string | null) =>
      dataOf<{ createApiToken: { token: string } }>(
        await server.gql(`mutation ($i: ApiTokenInput!) { createApiToken(input: $i) { token } }`, {
          i: { name: `${role} test`, role, unitCode },
        }),
      ).createApiToken.token;
    officerToken = await token("OFFICER", "VP");
    viewerToken = await token("VIEWER", null);
  });
  afterAll(() => server?.close());

  it("imports CSV text, then reports every row unchanged the second time", async () => {
    expect(dataOf(await server.gql(IMPORT_CASES, { csv: CASES_CSV })).importCases).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    expect(dataOf(await server.gql(IMPORT_CASES, { csv: CASES_CSV })).importCases).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      errors: [],
    });
    const found = dataOf(await server.gql(`{ case(code: "A-1") { unit { code } receivedAt dueAt resolvedAt timeliness } }`));
    expect(found.case).toEqual({
      unit: { code: "VP" },
      receivedAt: "2023-10-31T17:00:00.000Z",
      dueAt: "2023-11-10T16:59:59.000Z",
      resolvedAt: "2023-11-15T02:00:00.000Z",
      timeliness: "LATE",
    });
  });

  it("counts without writing when asked for a dry run", async () => {
    const csv = "code,procedure_name,applicant_name,unit_code,received_at,due_at\nDRY-1,P,A,VP,01/11/2023,17/11/2023\n";
    const dry = `mutation ($csv: String!) { importCases(csv: $csv, dryRun: true) { ${RESULT} } }`;
    expect(dataOf(await server.gql(dry, { csv })).importCases).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });
    expect(dataOf(await server.gql(`{ case(code: "DRY-1") { code } }`)).case).toBeNull();
  });

  it("answers row errors as data with line, column and message", async () => {
    const result = dataOf(await server.gql(IMPORT_CASES, { csv: "code,procedure_name,applicant_name,unit_code,received_at,due_at\nB-1,P,A,VP,31/02/2023,17/11/2023\n" }));
    expect(result.importCases).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [{ line: 2, column: "received_at", message: '"received_at": "31/02/2023" is not a date that exists.' }],
    });
  });

  it("imports .xlsx the same way, dates typed as Excel dates or as text", async () => {
    const b = await xlsxBase64();
    expect(dataOf(await server.gql(IMPORT_CASES_XLSX, { b })).importCasesXlsx).toEqual({ created: 2, updated: 0, unchanged: 0, errors: [] });
    expect(dataOf(await server.gql(IMPORT_CASES_XLSX, { b })).importCasesXlsx).toEqual({ created: 0, updated: 0, unchanged: 2, errors: [] });
    const x1 = dataOf(await server.gql(`{ case(code: "X-1") { receivedAt dueAt resolvedAt } }`)).case;
    expect(x1).toEqual({ receivedAt: "2023-11-01T01:15:00.000Z", dueAt: "2023-11-17T16:59:59.000Z", resolvedAt: null });
    const x2 = dataOf(await server.gql(`{ case(code: "X-2") { receivedAt dueAt resolvedAt } }`)).case;
    expect(x2).toEqual({ receivedAt: "2023-11-01T17:00:00.000Z", dueAt: "2023-11-20T16:59:59.000Z", resolvedAt: "2023-11-20T03:00:00.000Z" });
  });

  it("reads the first sheet as the tabs show it, wherever its part lies in the archive", async () => {
    // Two quarters; the tabs were moved so that "Quý IV" comes first, while its part is sheet2.xml and
    // is stored after sheet1.xml ("Quý III"), as a workbook saved after its tabs were reordered can be.
    const book = new ExcelJS.Workbook();
    for (const [name, code] of [["Quý III", "Q3-1"], ["Quý IV", "Q4-1"]]) {
      const sheet = book.addWorksheet(name);
      sheet.addRow(["Mã hồ sơ", "Tên thủ tục", "Người nộp", "Mã đơn vị", "Ngày tiếp nhận", "Ngày hẹn trả"]);
      // Due in 2022, outside the directive the export below covers.
      sheet.addRow([code, "Cấp phép", "Công ty Q", "VP", "01/11/2022", "10/11/2022"]);
    }
    book.getWorksheet("Quý IV")!.orderNo = 0;
    book.getWorksheet("Quý III")!.orderNo = 1;
    const parts = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
    const first = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"];
    const reordered = Object.fromEntries([...first, ...Object.keys(parts).filter((n) => !first.includes(n))].map((n) => [n, parts[n]]));
    expect(Object.keys(reordered).indexOf("xl/worksheets/sheet1.xml")).toBeLessThan(Object.keys(reordered).indexOf("xl/worksheets/sheet2.xml"));
    const b = Buffer.from(zipSync(reordered)).toString("base64");
    expect(dataOf(await server.gql(IMPORT_CASES_XLSX, { b })).importCasesXlsx).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });
    expect(dataOf(await server.gql(`{ q4: case(code: "Q4-1") { code } q3: case(code: "Q3-1") { code } }`))).toEqual({ q4: { code: "Q4-1" }, q3: null });
  });

  it("refuses a hostile relationships part in seconds, writing nothing, while others are answered", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Hồ sơ");
    sheet.addRow(["Mã hồ sơ", "Tên thủ tục", "Người nộp", "Mã đơn vị", "Ngày tiếp nhận", "Ngày hẹn trả"]);
    sheet.addRow(["REL-1", "Cấp phép", "Công ty R", "VP", "01/11/2022", "10/11/2022"]);
    const parts = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
    // 2.6 MB that zips to a few KB, a tag opened 200,000 times and never closed: a pattern scanning for
    // <Relationship … > from each "<" to the end took minutes on it.
    parts["xl/_rels/workbook.xml.rels"] = new TextEncoder().encode("<Relationship".repeat(200_000));
    const b = Buffer.from(zipSync(parts)).toString("base64");
    expect(b.length).toBeLessThan(100_000);
    const started = Date.now();
    const importing = server.gql(IMPORT_CASES_XLSX, { b });
    // Another user's request sent meanwhile is answered meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const other = Date.now();
    expect(dataOf(await server.gql(`{ units { code } }`)).units.length).toBeGreaterThan(0);
    expect(Date.now() - other).toBeLessThan(5_000);
    const answer = dataOf(await importing).importCasesXlsx;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(answer).toEqual({ created: 0, updated: 0, unchanged: 0, errors: [{ line: 1, column: null, message: expect.stringContaining("not a readable Excel workbook (.xlsx): its list of sheets") }] });
    expect(dataOf(await server.gql(`{ case(code: "REL-1") { code } }`)).case).toBeNull();
  });

  it("refuses a row whose Excel error (#N/A) stands in a column it reads, not one in a column it ignores", async () => {
    // exceljs's reader handed "#N/A" on as text: a VLOOKUP that failed became an applicant's name.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Hồ sơ");
    sheet.addRow(["Mã hồ sơ", "Tên thủ tục", "Người nộp", "Mã đơn vị", "Ngày tiếp nhận", "Ngày hẹn trả", "Ghi chú"]);
    sheet.addRow(["ERR-1", "Cấp phép", { error: "#N/A" }, "VP", "01/11/2022", "10/11/2022", "ok"]);
    sheet.addRow(["ERR-2", "Cấp phép", "Công ty E", "VP", "01/11/2022", "10/11/2022", { error: "#REF!" }]);
    const b = Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
    const result = dataOf(await server.gql(IMPORT_CASES_XLSX, { b })).importCasesXlsx;
    expect(result.errors).toEqual([
      { line: 2, column: "applicant_name", message: `"Người nộp" holds Excel's error #N/A, from a formula that failed: enter the value itself, or correct the formula.` },
    ]);
    expect(dataOf(await server.gql(`{ case(code: "ERR-2") { code } }`)).case).toBeNull();
  });

  it("passes over a hidden first sheet (a template's list of choices) to the first tab shown", async () => {
    const book = new ExcelJS.Workbook();
    const choices = book.addWorksheet("DanhMuc");
    choices.addRow(["VP"]);
    choices.addRow(["QLĐT"]);
    choices.state = "veryHidden";
    const sheet = book.addWorksheet("Hồ sơ");
    sheet.addRow(["Mã hồ sơ", "Tên thủ tục", "Người nộp", "Mã đơn vị", "Ngày tiếp nhận", "Ngày hẹn trả"]);
    sheet.addRow(["HID-1", "Cấp phép", "Công ty H", "VP", "01/11/2022", "10/11/2022"]);
    const b = Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
    expect(dataOf(await server.gql(IMPORT_CASES_XLSX, { b })).importCasesXlsx).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });
  });

  it("reports a file that is not a workbook, and refuses text that is not base64", async () => {
    const notXlsx = dataOf(await server.gql(IMPORT_CASES_XLSX, { b: Buffer.from("code\n").toString("base64") }));
    expect(notXlsx.importCasesXlsx.errors).toEqual([{ line: 1, column: null, message: expect.stringMatching(/Excel workbook/) }]);
    expect(errorCode(await server.gql(IMPORT_CASES_XLSX, { b: "not base64!" }))).toBe("BAD_USER_INPUT");
  });

  it("refuses a file read in the wrong encoding (U+FFFD in it) at its first such line, CSV or .xlsx, and writes none of it", async () => {
    // "Nguyễn Văn A" saved as Windows-1258 and decoded as UTF-8: each letter that was not ASCII became U+FFFD.
    const garbled = "code,procedure_name,applicant_name,unit_code,received_at,due_at\n" +
      "G-1,Cấp phép,Công ty G,VP,01/11/2023,10/11/2023\n" +
      "G-2,C\uFFFDp ph\uFFFDp,Nguy\uFFFDn V\uFFFDn A,VP,01/11/2023,10/11/2023\n";
    const csv = dataOf(await server.gql(IMPORT_CASES, { csv: garbled })).importCases;
    expect(csv).toEqual({ created: 0, updated: 0, unchanged: 0, errors: [{ line: 3, column: null, message: expect.stringContaining("CSV UTF-8") }] });
    expect(csv.errors[0].message).toMatch(/^This line holds \uFFFD, .*Windows-1258/);
    expect(dataOf(await server.gql(`{ case(code: "G-1") { code } }`)).case).toBeNull();

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Hồ sơ");
    sheet.addRow(["M\uFFFD h\uFFFD s\uFFFD", "T\uFFFDn th\uFFFD t\uFFFDc"]);
    const xlsx = dataOf(await server.gql(IMPORT_CASES_XLSX, { b: Buffer.from(await book.xlsx.writeBuffer()).toString("base64") })).importCasesXlsx;
    // The header itself: one error that says why, instead of "a required column is missing".
    expect(xlsx.errors).toEqual([{ line: 1, column: null, message: expect.stringContaining("CSV UTF-8") }]);
  });

  it("says where the header is when a title stands above it, in CSV and .xlsx, and writes nothing", async () => {
    const titled = "DANH SÁCH HỒ SƠ TRỄ HẠN QUÝ IV/2023,,,\n,,,\n" + CASES_CSV.replace("\uFEFF", "").replaceAll(";", ",");
    expect(dataOf(await server.gql(IMPORT_CASES, { csv: titled.replaceAll("A-", "T-") })).importCases).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [
        {
          line: 1,
          column: null,
          message:
            "Line 1 is not the header line, and the header must come first: the columns are on line 3. " +
            "Delete the lines above line 3 (a title, a date, blank lines) and import again.",
        },
      ],
    });
    expect(dataOf(await server.gql(`{ case(code: "T-1") { code } }`)).case).toBeNull();

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Hồ sơ");
    sheet.addRow(["BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG"]);
    sheet.addRow(["Danh sách hồ sơ", null, "Ngày 17/11/2023"]);
    sheet.addRow(["Mã hồ sơ", "Tên thủ tục", "Người nộp", "Mã đơn vị", "Ngày tiếp nhận", "Ngày hẹn trả"]);
    sheet.addRow(["T-9", "Cấp phép", "Công ty T", "VP", "01/11/2023", "10/11/2023"]);
    const xlsx = dataOf(await server.gql(IMPORT_CASES_XLSX, { b: Buffer.from(await book.xlsx.writeBuffer()).toString("base64") })).importCasesXlsx;
    expect(xlsx.errors).toEqual([{ line: 1, column: null, message: expect.stringContaining("the columns are on line 3") }]);

    // Only the 20 lines after the first are tried, blank ones included: a title over a million empty lines
    // is not read to its end. Beyond them, the first line's own errors stand.
    const far = "DANH SÁCH,,,\n" + ",,,\n".repeat(25) + CASES_CSV.replace("\uFEFF", "").replaceAll(";", ",");
    const beyond = dataOf(await server.gql(IMPORT_CASES, { csv: far })).importCases;
    expect(beyond.errors).toHaveLength(6);
    expect(beyond.errors.every((e: { line: number; message: string }) => e.line === 1 && e.message.includes("is missing from the header line"))).toBe(true);

    // A header that is only missing a column still says which one.
    const missing = dataOf(await server.gql(IMPORT_CASES, { csv: "code,procedure_name,applicant_name,unit_code,received_at\nM-1,P,A,VP,01/11/2023\n" })).importCases;
    expect(missing.errors).toEqual([{ line: 1, column: "due_at", message: expect.stringContaining("is missing from the header line") }]);
  });

  it("quotes a long header or value in its errors cut short, so 1,000 row errors stay a small answer", async () => {
    // A review's 2 MB header "received_at___…" (underscores do not count) was quoted in each of
    // 1,000 row errors: a 2 GB answer, the event loop held 12 s, then INTERNAL_SERVER_ERROR.
    const header = `code,procedure_name,applicant_name,unit_code,received_at${"_".repeat(2_000_000)},due_at`;
    const rows = Array.from({ length: 1_000 }, (_, i) => `LONG-${i},P,A,VP,,17/11/2023`);
    const started = Date.now();
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query: IMPORT_CASES, variables: { csv: [header, ...rows].join("\n") } }),
    });
    const text = await response.text();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(text.length).toBeLessThan(300_000);
    const { errors } = (JSON.parse(text) as { data: { importCases: { errors: { line: number; message: string }[] } } }).data.importCases;
    expect(errors).toHaveLength(1_000);
    expect(errors[0]).toMatchObject({ line: 2, message: expect.stringMatching(/^"received_at_{48}…" is empty; it is required\.$/) });
    // A value is quoted cut short too.
    const junk = "9".repeat(100_000);
    const dated = dataOf(await server.gql(IMPORT_CASES, { csv: `code,procedure_name,applicant_name,unit_code,received_at,due_at\nJ-1,P,A,VP,${junk},17/11/2023\n` })).importCases;
    expect(dated.errors).toHaveLength(1);
    expect(dated.errors[0].message.length).toBeLessThan(400);
    expect(dated.errors[0].message).toMatch(/^"received_at": "9{59}…" is not a date/);
    const [{ n }] = await server.app.db.query("SELECT COUNT(*) AS n FROM cases WHERE code LIKE 'LONG-%' OR code = 'J-1'");
    expect(Number(n)).toBe(0);
  });

  it("refuses U+FFFD in a mutation's text as BAD_USER_INPUT that names the field", async () => {
    const answer = await server.gql(`mutation ($i: CaseInput!) { upsertCase(input: $i) { code } }`, {
      i: { code: "G-3", procedureName: "Cấp phép", applicantName: "Nguy\uFFFDn V\uFFFDn A", unitCode: "VP", receivedAt: "2023-11-01T01:00:00Z", dueAt: "2023-11-10T10:00:00Z" },
    });
    expect(errorCode(answer)).toBe("BAD_USER_INPUT");
    expect(answer.errors?.[0].extensions?.fields).toEqual([{ field: "applicantName", message: expect.stringMatching(/^applicantName holds \uFFFD, .*wrong encoding/) }]);
    expect(dataOf(await server.gql(`{ case(code: "G-3") { code } }`)).case).toBeNull();
  });

  it("takes an OFFICER's own unit's rows, refuses others' as row errors, and forbids a VIEWER", async () => {
    const result = dataOf(await server.gql(IMPORT_CASES, { csv: CASES_CSV.replace("Công ty A", "Công ty A2") }, officerToken));
    expect(result.importCases.errors).toEqual([
      { line: 3, column: "code", message: 'Case "A-2" belongs to unit QLĐT; you may import only your own unit\'s cases (unit VP).' },
      { line: 3, column: "unit_code", message: "You may import only your own unit's cases (unit VP); this row is for unit QLĐT." },
    ]);
    const own = "code,procedure_name,applicant_name,unit_code,received_at,due_at\nA-1,Cấp phép,Công ty A2,VP,01/11/2023,10/11/2023\n";
    expect(dataOf(await server.gql(IMPORT_CASES, { csv: own }, officerToken)).importCases).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
      errors: [],
    });
    const viewer = await server.gql(IMPORT_CASES, { csv: CASES_CSV }, viewerToken);
    expect(errorCode(viewer)).toBe("FORBIDDEN");
    expect(viewer.data).toBeNull();
    expect(errorCode(await server.gql(IMPORT_CASES, { csv: CASES_CSV }, null))).toBe("UNAUTHENTICATED");
  });

  it("serves the export as an HTTP download that imports back unchanged", async () => {
    const directive = dataOf<{ createDirective: { id: string } }>(
      await server.gql(`mutation ($i: DirectiveInput!) { createDirective(input: $i) { id } }`, {
        i: { number: "123/TB-BQL", subject: "Rà soát", issuedOn: "2023-11-08", periodStart: "2023-01-01", periodEnd: "2023-12-31", deadline: "2023-11-17" },
      }),
    ).createDirective;
    const exported = dataOf(
      await server.gql(
        `query ($d: ID!) { exportForImport(kind: CASES, directiveId: $d) { fileName mimeType byteSize contentBase64 } }`,
        { d: directive.id },
        viewerToken,
      ),
    ).exportForImport;
    const text = Buffer.from(exported.contentBase64, "base64");
    expect(exported).toMatchObject({ fileName: "ho-so-123-TB-BQL.csv", mimeType: "text/csv; charset=utf-8", byteSize: text.length });
    expect(dataOf(await server.gql(IMPORT_CASES, { csv: text.toString("utf8") })).importCases).toMatchObject({ unchanged: 4, errors: [] });
    expect(errorCode(await server.gql(`{ exportForImport(kind: HPNET_TASKS, directiveId: "77") { fileName } }`))).toBe("NOT_FOUND");

    const app = express().use(exportsRouter(server.app.db, ADMIN_TOKEN));
    const http = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => http.once("listening", resolve));
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      const get = (path: string, token: string | null = ADMIN_TOKEN) =>
        fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      const response = await get(`/exports/cases.csv?directiveId=${directive.id}`, viewerToken);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toContain("ho-so-123-TB-BQL.csv");
      const csv = await response.text();
      expect(csv.split("\r\n").filter(Boolean)).toHaveLength(1 + 4);
      expect(dataOf(await server.gql(IMPORT_CASES, { csv })).importCases).toEqual({ created: 0, updated: 0, unchanged: 4, errors: [] });

      const unit = await (await get(`/exports/cases.csv?directiveId=${directive.id}&unitCode=QL%C4%90T`)).text();
      expect(unit.split("\r\n").filter(Boolean).slice(1).map((l) => l.split(",")[0])).toEqual(["A-2"]);
      expect((await get(`/exports/cases.csv?directiveId=999`)).status).toBe(404);
      expect((await get(`/exports/things.csv?directiveId=${directive.id}`)).status).toBe(400);
      expect((await get(`/exports/cases.csv?directiveId=${directive.id}`, null)).status).toBe(401);
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  });
});
