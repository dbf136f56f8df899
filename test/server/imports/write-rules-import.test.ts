import { describe, expect, it } from "vitest";
import { testDrivers } from "../../support/databases.js";
import { importCsv, importDatabase, storedApologies, storedCases } from "./import-fixtures.js";

/** The rules of test/server/graphql/write-rules.test.ts, through the imports: the same rule, the file's own headers. */
const CASES =
  "Mã hồ sơ;Tên thủ tục;Người nộp;Mã đơn vị;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả\n" +
  "AP-1;Cấp phép lao động;Công ty A;VP;01/11/2023;10/11/2023;\n" +
  "AP-2;Cấp phép lao động;Công ty B;VP;01/11/2023;10/11/2023;\n";

const APOLOGIES =
  "case_code,number,issued_at,reason,new_due_at,signer,published_at\n" +
  "AP-1,12/PXL-VP,09/11/2023,Chờ ý kiến,24/11/2023,Nguyễn Văn An,\n" +
  "AP-2,13/PXL-VP,09/11/2023,Chờ ý kiến,24/11/2023,Nguyễn Văn An,\n";

describe.each(testDrivers())("import rules between records on %s", (driver) => {
  const database = importDatabase(driver, async (db) => {
    expect((await importCsv(db, "cases", CASES)).errors).toEqual([]);
    expect((await importCsv(db, "apologies", APOLOGIES)).errors).toEqual([]);
  });

  it("refuses rows that make an apologised case on time or move its due date past the new return date", async () => {
    const before = await storedCases(database.db);
    const csv =
      "Mã hồ sơ;Tên thủ tục;Người nộp;Mã đơn vị;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả\n" +
      "AP-1;Cấp phép lao động;Công ty A;VP;01/11/2023;10/11/2023;10/11/2023 09:00\n" +
      "AP-2;Cấp phép lao động;Công ty B;VP;01/11/2023;24/11/2023;\n" +
      "NEW-1;Cấp phép lao động;Công ty C;VP;01/11/2023;24/11/2023;10/11/2023 09:00\n";
    const outcome = await importCsv(database.db, "cases", csv);
    expect(outcome.errors).toEqual([
      {
        line: 2,
        column: "resolved_at",
        message:
          'Case "AP-1" has apology 12/PXL-VP: resolved 10/11/2023 09:00:00 and due 10/11/2023 23:59:59, it would be on time, and a case resolved early or on time needs no apology.',
      },
      {
        line: 3,
        column: "due_at",
        message:
          'Case "AP-2" has apology 13/PXL-VP with the new return date 24/11/2023 23:59:59; "Ngày hẹn trả" 24/11/2023 23:59:59 must stay before it.',
      },
    ]);
    expect(await storedCases(database.db)).toEqual(before);
  });

  it("still imports an apologised case resolved late", async () => {
    const csv =
      "code,procedure_name,applicant_name,unit_code,received_at,due_at,resolved_at\n" +
      "AP-1,Cấp phép lao động,Công ty A,VP,01/11/2023,10/11/2023,20/11/2023 09:00\n";
    expect(await importCsv(database.db, "cases", csv)).toMatchObject({ updated: 1, errors: [] });
  });

  it("refuses an apology published before it was issued, naming the file's header", async () => {
    const before = await storedApologies(database.db);
    const csv =
      "Mã hồ sơ;Số phiếu;Ngày xin lỗi;Lý do;Ngày hẹn trả mới;Người ký;Ngày công khai\n" +
      "AP-2;13/PXL-VP;09/11/2023;Chờ ý kiến;24/11/2023;Nguyễn Văn An;08/11/2023 17:00\n";
    expect((await importCsv(database.db, "apologies", csv)).errors).toEqual([
      {
        line: 2,
        column: "published_at",
        message:
          '"Ngày công khai" 08/11/2023 17:00:00 is before apology 13/PXL-VP was issued (09/11/2023 00:00:00); an apology cannot be made public before it exists.',
      },
    ]);
    expect(await storedApologies(database.db)).toEqual(before);
  });
});
