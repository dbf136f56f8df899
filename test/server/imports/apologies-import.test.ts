import { describe, expect, it } from "vitest";
import { Apology } from "../../../server/src/entities/apology.entity.js";
import { Case } from "../../../server/src/entities/case.entity.js";
import { Role } from "../../../server/src/core/enums.js";
import { testDrivers } from "../../support/databases.js";
import { decomposed, importCsv, importDatabase, storedApologies } from "./import-fixtures.js";

const CASES =
  "code,procedure_name,applicant_name,unit_code,received_at,due_at,resolved_at\n" +
  "L-1,Cấp phép lao động,Công ty A,VP,01/11/2023,10/11/2023,15/11/2023 09:00\n" +
  "U-1,Cấp phép lao động,Công ty B,VP,01/11/2023,10/11/2023,\n" +
  "E-1,Cấp phép lao động,Công ty C,VP,01/11/2023,17/11/2023,10/11/2023 09:00\n" +
  "O-1,Cấp phép lao động,Công ty D,VP,01/11/2023,17/11/2023,17/11/2023 10:00\n" +
  "Q-1,Đăng ký đầu tư,Công ty E,QLĐT,01/11/2023,10/11/2023,\n";

const APOLOGIES =
  // The header too in decomposed letters (NFD), as some exports write it.
  `\uFEFF${decomposed("Mã hồ sơ;Số phiếu;Ngày xin lỗi;Lý do;Ngày hẹn trả mới;Người ký;Ngày công khai")}\r\n` +
  `L-1;12/PXL-VP;09/11/2023;"${decomposed("Hồ sơ cần xác minh thêm; chờ ý kiến")}\r\nphòng QLĐT";24/11/2023;Nguyễn Văn An;10/11/2023 08:00\r\n` +
  "U-1;13/PXL-VP;2023-11-09T15:00:00+07:00;Quá tải;2023-11-30T17:00:00;\"Nguyễn Văn An\";\r\n";

describe.each(testDrivers())("importApologies on %s", (driver) => {
  let caseIds: Record<string, number>;
  const database = importDatabase(driver, async (db) => {
    expect((await importCsv(db, "cases", CASES)).errors).toEqual([]);
    const cases = await db.getRepository(Case).find();
    caseIds = Object.fromEntries(cases.map((c) => [c.code, c.id]));
  });

  const stored = () => storedApologies(database.db);

  it("creates the apologies, new return dates read to the end of the day", async () => {
    expect(await importCsv(database.db, "apologies", APOLOGIES)).toEqual({ created: 2, updated: 0, unchanged: 0, errors: [], errorCount: 0 });
    expect(await stored()).toEqual([
      {
        caseId: caseIds["L-1"],
        number: "12/PXL-VP",
        issuedAt: "2023-11-08T17:00:00.000Z",
        reason: "Hồ sơ cần xác minh thêm; chờ ý kiến\nphòng QLĐT",
        newDueAt: "2023-11-24T16:59:59.000Z",
        signer: "Nguyễn Văn An",
        publishedAt: "2023-11-10T01:00:00.000Z",
      },
      {
        caseId: caseIds["U-1"],
        number: "13/PXL-VP",
        issuedAt: "2023-11-09T08:00:00.000Z",
        reason: "Quá tải",
        newDueAt: "2023-11-30T10:00:00.000Z",
        signer: "Nguyễn Văn An",
        publishedAt: null,
      },
    ]);
  });

  it("changes nothing the second time", async () => {
    const before = await stored();
    expect(await importCsv(database.db, "apologies", APOLOGIES)).toEqual({ created: 0, updated: 0, unchanged: 2, errors: [], errorCount: 0 });
    expect(await stored()).toEqual(before);
  });

  it("updates an apology whose values differ (here: published later)", async () => {
    const csv =
      "case_code,number,issued_at,reason,new_due_at,signer,published_at\n" +
      'U-1,13/PXL-VP,2023-11-09T15:00:00+07:00,Quá tải,2023-11-30T17:00:00,Nguyễn Văn An,"20/11/2023 14:00"\n';
    expect(await importCsv(database.db, "apologies", csv)).toEqual({ created: 0, updated: 1, unchanged: 0, errors: [], errorCount: 0 });
    expect((await stored())[1].publishedAt).toBe("2023-11-20T07:00:00.000Z");
  });

  it("applies issueApology's rules to every row, reports every failing line, and writes nothing", async () => {
    const before = await stored();
    const csv =
      "Mã hồ sơ,Số phiếu,Ngày xin lỗi,Lý do,Ngày hẹn trả mới,Người ký\n" +
      "X-404,1/PXL,09/11/2023,Lý do,24/11/2023,Ký\n" +
      "E-1,2/PXL,09/11/2023,Lý do,24/11/2023,Ký\n" +
      "O-1,3/PXL,09/11/2023,Lý do,24/11/2023,Ký\n" +
      "U-1,4/PXL,09/11/2023,Lý do,10/11/2023,Ký\n" +
      "L-1,5/PXL,09/11/2023,Lý do,24/11/2023,\n" +
      "L-1,6/PXL,09/11/2023,Lý do,24/11/2023,Ký\n";
    expect(await importCsv(database.db, "apologies", csv)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      errorCount: 6,
      errors: [
        {
          line: 2,
          column: "case_code",
          message: 'Case "X-404" does not exist; import the cases file first or correct the code.',
        },
        {
          line: 3,
          column: "case_code",
          message: 'Case "E-1" was resolved early (10/11/2023 09:00:00, due 17/11/2023 23:59:59); it needs no apology.',
        },
        {
          line: 4,
          column: "case_code",
          message: 'Case "O-1" was resolved on time (17/11/2023 10:00:00, due 17/11/2023 23:59:59); it needs no apology.',
        },
        {
          line: 5,
          column: "new_due_at",
          message: "The new return date 10/11/2023 23:59:59 must be after the case's due date 10/11/2023 23:59:59.",
        },
        { line: 6, column: "signer", message: '"Người ký" is empty; it is required.' },
        {
          line: 7,
          column: "case_code",
          message: '"Mã hồ sơ" L-1 already appears on line 6; each apology may appear only once in a file.',
        },
      ],
    });
    expect(await stored()).toEqual(before);
  });

  it("lets an OFFICER import apologies for its own unit's cases only", async () => {
    const units = Object.fromEntries(
      (await database.db.query("SELECT id, code FROM units")).map((u: { id: number; code: string }) => [u.code, Number(u.id)]),
    );
    const officer = { role: Role.OFFICER, unitId: units.VP, tokenId: null };
    const csv = "case_code,number,issued_at,reason,new_due_at,signer\nQ-1,7/PXL,09/11/2023,Lý do,24/11/2023,Ký\n";
    expect((await importCsv(database.db, "apologies", csv, officer)).errors).toEqual([
      {
        line: 2,
        column: "case_code",
        message: `Case "Q-1" belongs to unit QLĐT; you may import apologies only for your own unit's cases (unit VP).`,
      },
    ]);
    expect(await database.db.getRepository(Apology).countBy({ caseId: caseIds["Q-1"] })).toBe(0);
  });
});
