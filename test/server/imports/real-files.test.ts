import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scopeWindow } from "../../../server/src/domain/compliance.js";
import { Case } from "../../../server/src/entities/case.entity.js";
import { csvRecords, csvText } from "../../../server/src/imports/csv-records.js";
import type { ImportKind } from "../../../server/src/imports/import-columns.js";
import { csvFileRecords } from "../../../server/src/imports/import-file.js";
import { importFormatCsvBuffer } from "../../../server/src/imports/import-format-export.js";
import { runImport } from "../../../server/src/imports/import-run.js";
import { testDrivers } from "../../support/databases.js";
import { ADMIN, importDatabase, storedApologies, storedCases, storedTasks, type ImportDatabase } from "./import-fixtures.js";

/**
 * Files on disk as the Office gets them (test/server/imports/files): a one-stop export with a BOM,
 * semicolons, CRLF, extra columns, a blank line, quoted ";" and line breaks and decomposed letters;
 * an Excel-kept apology list with commas; an HpNet statistic with unaccented upper-case headers.
 * Read through the streaming file path the command line uses.
 */
const FILES = join(import.meta.dirname, "files");
const fromFile = (db: ImportDatabase, kind: ImportKind, name: string) =>
  runImport(db.db, kind, csvFileRecords(join(FILES, name)), { actor: ADMIN, batchSize: 2 });

describe.each(testDrivers())("real-looking files on %s", (driver) => {
  const database = importDatabase(driver);

  const snapshot = async () => ({
    cases: await storedCases(database.db),
    apologies: await storedApologies(database.db),
    tasks: await storedTasks(database.db),
  });

  it("imports the one-stop export, the apology list and the HpNet statistic with every value as written", async () => {
    expect(await fromFile(database, "cases", "mot-cua-ho-so.csv")).toEqual({ created: 5, updated: 0, unchanged: 0, errors: [], errorCount: 0 });
    expect(await fromFile(database, "apologies", "phieu-xin-loi.csv")).toEqual({ created: 2, updated: 0, unchanged: 0, errors: [], errorCount: 0 });
    expect(await fromFile(database, "tasks", "hpnet-cong-viec.csv")).toEqual({ created: 3, updated: 0, unchanged: 0, errors: [], errorCount: 0 });
    const ids = Object.fromEntries((await database.db.getRepository(Case).find()).map((c) => [c.code, c.id]));
    expect(await snapshot()).toEqual({
      cases: [
        {
          code: "000.23.45.H23-230915-0001",
          procedureName: "Cấp Giấy chứng nhận đăng ký đầu tư; dự án mới",
          applicantName: "Công ty TNHH Thép Hải Phòng",
          unitId: database.units["QLĐT"],
          receivedAt: "2023-09-15T01:30:00.000Z",
          dueAt: "2023-09-29T16:59:59.000Z",
          resolvedAt: "2023-09-28T08:00:00.000Z",
        },
        {
          code: "000.23.45.H23-230918-0002",
          procedureName: "Cấp giấy phép lao động cho người lao động nước ngoài",
          applicantName: "Nguyễn Thị Hương",
          unitId: database.units.VP,
          receivedAt: "2023-09-18T02:05:00.000Z",
          dueAt: "2023-09-25T10:00:00.000Z",
          resolvedAt: "2023-09-25T09:59:00.000Z",
        },
        {
          code: "000.23.45.H23-231002-0003",
          procedureName: "Điều chỉnh Giấy chứng nhận đăng ký đầu tư",
          applicantName: 'Công ty CP Logistics "Cảng Xanh", chi nhánh Đình Vũ',
          unitId: database.units["QLĐT"],
          receivedAt: "2023-10-02T03:00:00.000Z",
          dueAt: "2023-10-16T16:59:59.000Z",
          resolvedAt: "2023-10-20T02:15:00.000Z",
        },
        {
          code: "000.23.45.H23-231105-0004",
          procedureName: "Đăng ký nội quy lao động",
          applicantName: "Trần Văn Đức",
          unitId: database.units["QLĐT"],
          receivedAt: "2023-11-05T07:20:00.000Z",
          dueAt: "2023-11-10T16:59:59.000Z",
          resolvedAt: null,
        },
        {
          code: "000.23.45.H23-231231-0005",
          procedureName: "Cấp giấy phép môi trường",
          applicantName: "Công ty TNHH Điện tử Tràng Duệ",
          unitId: database.units.TTXT,
          receivedAt: "2023-12-31T09:00:00.000Z",
          dueAt: "2024-01-15T10:00:00.000Z",
          resolvedAt: null,
        },
      ],
      apologies: [
        {
          caseId: ids["000.23.45.H23-231002-0003"],
          number: "05/PXL-QLĐT",
          issuedAt: "2023-10-12T17:00:00.000Z",
          reason: "Hồ sơ cần lấy ý kiến Sở Kế hoạch và Đầu tư, chưa nhận được văn bản trả lời",
          newDueAt: "2023-10-20T16:59:59.000Z",
          signer: "Phạm Quang Huy",
          publishedAt: "2023-10-16T01:00:00.000Z",
        },
        {
          caseId: ids["000.23.45.H23-231105-0004"],
          number: "06/PXL-QLĐT",
          issuedAt: "2023-11-09T03:00:00.000Z",
          reason: "Thiếu bản sao hợp đồng lao động mẫu",
          newDueAt: "2023-11-17T16:59:59.000Z",
          signer: "Phạm Quang Huy",
          publishedAt: null,
        },
      ].sort((a, b) => a.caseId - b.caseId),
      tasks: [
        {
          externalId: "HPN-2023-000812",
          title: "Báo cáo kết quả rà soát TTHC quý III; đề xuất phương án đơn giản hóa",
          unitId: database.units.VP,
          assignee: "Lê Thị Mai",
          assignedAt: "2023-10-05T01:00:00.000Z",
          dueAt: "2023-10-20T16:59:59.000Z",
          completionReportedAt: "2023-10-19T09:45:00.000Z",
          archivedAt: null,
          workFileCode: "01.VP",
          workFileCreatedAt: "2023-10-05T17:00:00.000Z",
        },
        {
          externalId: "HPN-2023-000845",
          title: "Góp ý dự thảo Quyết định ban hành quy chế phối hợp",
          unitId: database.units["QLĐT"],
          assignee: null,
          assignedAt: "2023-10-12T07:30:00.000Z",
          dueAt: null,
          completionReportedAt: null,
          archivedAt: "2023-10-25T02:00:00.000Z",
          workFileCode: null,
          workFileCreatedAt: null,
        },
        {
          externalId: "HPN-2023-000901",
          title: "Tổng hợp số liệu thu hút đầu tư\nnăm 2023",
          unitId: database.units.TTXT,
          assignee: "Vũ Đức Thắng",
          assignedAt: "2023-12-31T16:30:00.000Z",
          dueAt: "2024-01-15T16:59:59.000Z",
          completionReportedAt: null,
          archivedAt: null,
          workFileCode: "05.TTXT",
          workFileCreatedAt: "2024-01-01T17:00:00.000Z",
        },
      ],
    });
    // Every text stored composed (NFC), whatever the file held.
    const texts = JSON.stringify(await snapshot());
    expect(texts).toBe(texts.normalize("NFC"));
  });

  it("finds every row unchanged the second time", async () => {
    const before = await snapshot();
    expect(await fromFile(database, "cases", "mot-cua-ho-so.csv")).toEqual({ created: 0, updated: 0, unchanged: 5, errors: [], errorCount: 0 });
    expect(await fromFile(database, "apologies", "phieu-xin-loi.csv")).toEqual({ created: 0, updated: 0, unchanged: 2, errors: [], errorCount: 0 });
    expect(await fromFile(database, "tasks", "hpnet-cong-viec.csv")).toEqual({ created: 0, updated: 0, unchanged: 3, errors: [], errorCount: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("takes back its own exports unchanged", async () => {
    const before = await snapshot();
    const scope = { window: scopeWindow("2023-01-01", "2024-12-31") };
    for (const [kind, rows] of [["cases", 5], ["apologies", 2], ["tasks", 3]] as const) {
      const csv = (await importFormatCsvBuffer(database.db, kind, scope)).toString("utf8");
      const outcome = await runImport(database.db, kind, csvRecords(csvText(csv)), { actor: ADMIN });
      expect(outcome).toEqual({ created: 0, updated: 0, unchanged: rows, errors: [], errorCount: 0 });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses the bad export whole, each failing line reported where its row starts", async () => {
    const before = await snapshot();
    expect(await fromFile(database, "cases", "ho-so-loi.csv")).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      errorCount: 7,
      errors: [
        { line: 3, column: "due_at", message: '"Ngày hẹn trả": "31/11/2023" is not a date that exists.' },
        { line: 4, column: "applicant_name", message: '"Người nộp" is empty; it is required.' },
        {
          line: 5,
          column: "unit_code",
          message: 'Unit "PKT" does not exist; correct the code or have an administrator create the unit first.',
        },
        {
          line: 6,
          column: "due_at",
          message: '"Ngày hẹn trả" is before "Ngày tiếp nhận"; a case cannot be due before it was received.',
        },
        {
          line: 7,
          column: "code",
          message: '"Mã hồ sơ" H-OK-1 already appears on line 2; each case may appear only once in a file.',
        },
        { line: 9, column: "received_at", message: '"Ngày tiếp nhận": "01/11/2023 25:00" is not a time of day that exists.' },
        {
          line: 10,
          column: "resolved_at",
          message: '"Ngày trả kết quả" is before "Ngày tiếp nhận"; a case cannot be resolved before it was received.',
        },
      ],
    });
    expect(await snapshot()).toEqual(before);
  });
});
