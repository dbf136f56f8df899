import { describe, expect, it } from "vitest";
import { scopeWindow } from "../../../server/src/domain/compliance.js";
import { Apology } from "../../../server/src/entities/apology.entity.js";
import { Case } from "../../../server/src/entities/case.entity.js";
import { HpNetTask } from "../../../server/src/entities/hpnet-task.entity.js";
import { importFormatCsvBuffer, type ExportScope } from "../../../server/src/imports/import-format-export.js";
import { testDrivers } from "../../support/databases.js";
import { importCsv, importDatabase } from "./import-fixtures.js";

const CASES =
  "code;procedure_name;applicant_name;unit_code;received_at;due_at;resolved_at\n" +
  'H/01;"Cấp phép; điều chỉnh";"Công ty ""Hải Đăng"", chi nhánh\nHải Phòng";QLĐT;01/11/2023 08:15;10/11/2023;2023-11-15T09:00:00.250+07:00\n' +
  "H/02;Cấp phép lao động;Trần Thị Bé;VP;01/11/2023;17/11/2023;\n" +
  "H/03;Ngoài kỳ;Lê Văn Tám;VP;01/12/2022;31/12/2022;\n" +
  "H/04;Cuối kỳ;Ngô Thị Năm;VP;20/12/2023;2023-12-31T23:59:59.999+07:00;\n";

const APOLOGIES =
  "case_code,number,issued_at,reason,new_due_at,signer,published_at\n" +
  'H/01,12/PXL,09/11/2023,"Chờ ý kiến, bổ sung",24/11/2023,Nguyễn Văn An,10/11/2023 08:00\n' +
  "H/02,13/PXL,16/11/2023,Quá tải,30/11/2023,Nguyễn Văn An,\n";

const TASKS =
  "external_id,title,unit_code,assignee,assigned_at,due_at,completion_reported_at,archived_at,work_file_code,work_file_created_at\n" +
  "HP-1,Báo cáo quý III,VP,Phạm Thị Hoa,02/10/2023 08:00,15/10/2023,14/10/2023 16:00,,05.VP,03/10/2023\n" +
  'HP-2,"Rà soát ""trễ hạn""",TTXT,,2023-12-31T16:59:59Z,,,2024-01-05T10:00:00+07:00,,\n' +
  "HP-3,Sau kỳ,TTXT,,2023-12-31T17:00:00Z,,,,,\n";

describe.each(testDrivers())("export in the import format on %s", (driver) => {
  const scope: ExportScope = { window: scopeWindow("2023-01-01", "2023-12-31") };
  const database = importDatabase(driver, async (db) => {
    for (const [kind, csv] of [["cases", CASES], ["apologies", APOLOGIES], ["tasks", TASKS]] as const) {
      expect((await importCsv(db, kind, csv)).errors).toEqual([]);
    }
  });

  const snapshot = async () => ({
    cases: await database.db.getRepository(Case).find({ order: { id: "ASC" } }),
    apologies: await database.db.getRepository(Apology).find({ order: { id: "ASC" } }),
    tasks: await database.db.getRepository(HpNetTask).find({ order: { id: "ASC" } }),
  });

  it("writes the cases due in the period, exactly as the import format reads them", async () => {
    const csv = (await importFormatCsvBuffer(database.db, "cases", scope)).toString("utf8");
    expect(csv).toBe(
      "\uFEFFcode,procedure_name,applicant_name,unit_code,received_at,due_at,resolved_at\r\n" +
        'H/01,"Cấp phép; điều chỉnh","Công ty ""Hải Đăng"", chi nhánh\nHải Phòng",QLĐT,2023-11-01T08:15:00+07:00,2023-11-10T23:59:59+07:00,2023-11-15T09:00:00.250+07:00\r\n' +
        "H/02,Cấp phép lao động,Trần Thị Bé,VP,2023-11-01T00:00:00+07:00,2023-11-17T23:59:59+07:00,\r\n" +
        "H/04,Cuối kỳ,Ngô Thị Năm,VP,2023-12-20T00:00:00+07:00,2023-12-31T23:59:59.999+07:00,\r\n",
    );
  });

  it("writes apologies of those cases and tasks assigned in the period", async () => {
    expect((await importFormatCsvBuffer(database.db, "apologies", scope)).toString("utf8")).toBe(
      "\uFEFFcase_code,number,issued_at,reason,new_due_at,signer,published_at\r\n" +
        'H/01,12/PXL,2023-11-09T00:00:00+07:00,"Chờ ý kiến, bổ sung",2023-11-24T23:59:59+07:00,Nguyễn Văn An,2023-11-10T08:00:00+07:00\r\n' +
        "H/02,13/PXL,2023-11-16T00:00:00+07:00,Quá tải,2023-11-30T23:59:59+07:00,Nguyễn Văn An,\r\n",
    );
    expect((await importFormatCsvBuffer(database.db, "tasks", scope)).toString("utf8")).toBe(
      "\uFEFFexternal_id,title,unit_code,assignee,assigned_at,due_at,completion_reported_at,archived_at,work_file_code,work_file_created_at\r\n" +
        "HP-1,Báo cáo quý III,VP,Phạm Thị Hoa,2023-10-02T08:00:00+07:00,2023-10-15T23:59:59+07:00,2023-10-14T16:00:00+07:00,,05.VP,2023-10-03T00:00:00+07:00\r\n" +
        'HP-2,"Rà soát ""trễ hạn""",TTXT,,2023-12-31T23:59:59+07:00,,,2024-01-05T10:00:00+07:00,,\r\n',
    );
  });

  it("narrows to one unit", async () => {
    const csv = (await importFormatCsvBuffer(database.db, "cases", { ...scope, unitId: await unitId("VP") })).toString("utf8");
    expect(csv.split("\r\n").filter(Boolean).map((l) => l.split(",")[0])).toEqual(["\uFEFFcode", "H/02", "H/04"]);
  });

  it("re-imports its own export with every row unchanged and every stored value the same", async () => {
    const before = await snapshot();
    for (const kind of ["cases", "apologies", "tasks"] as const) {
      const csv = (await importFormatCsvBuffer(database.db, kind, scope)).toString("utf8");
      const rows = kind === "apologies" ? 2 : kind === "cases" ? 3 : 2;
      expect(await importCsv(database.db, kind, csv)).toEqual({ created: 0, updated: 0, unchanged: rows, errors: [], errorCount: 0 });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("pages through more rows than one page holds", async () => {
    const rows = Array.from({ length: 2345 }, (_, i) => `P-${String(i).padStart(5, "0")},T,A,VP,01/06/2023,30/06/2023`);
    const csv = `code,procedure_name,applicant_name,unit_code,received_at,due_at\n${rows.join("\n")}\n`;
    expect((await importCsv(database.db, "cases", csv)).created).toBe(2345);
    const exported = (await importFormatCsvBuffer(database.db, "cases", scope)).toString("utf8");
    const codes = exported.split("\r\n").slice(1).filter(Boolean).map((l) => l.split(",")[0]);
    expect(codes).toHaveLength(2345 + 3);
    expect(new Set(codes).size).toBe(codes.length);
    expect(await importCsv(database.db, "cases", exported)).toEqual({ created: 0, updated: 0, unchanged: 2348, errors: [], errorCount: 0 });
  });

  async function unitId(code: string): Promise<number> {
    const rows: { id: number }[] = await database.db.query("SELECT id FROM units WHERE code = ?", [code]);
    return Number(rows[0].id);
  }
});
