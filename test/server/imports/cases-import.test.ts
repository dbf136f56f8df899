import { describe, expect, it } from "vitest";
import { Case } from "../../../server/src/entities/case.entity.js";
import { Role } from "../../../server/src/core/enums.js";
import { statementLogger } from "../../../server/src/db/data-source.js";
import { testDrivers } from "../../support/databases.js";
import { csvRecords, csvText } from "../../../server/src/imports/csv-records.js";
import { runImport } from "../../../server/src/imports/import-run.js";
import { ADMIN, decomposed, importCsv, importDatabase, storedCases } from "./import-fixtures.js";

/** A one-stop system export: Vietnamese headers, BOM, semicolons, CRLF, quoted ; and line breaks, NFD letters. */
const ONE_STOP_EXPORT =
  "\uFEFFSTT;Mã hồ sơ;Tên thủ tục;Người nộp;Mã đơn vị;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả;Ghi chú\r\n" +
  '1;000.23.45.H23-231101-0001;"Cấp Giấy chứng nhận đăng ký đầu tư; điều chỉnh";' +
  `${decomposed("Công ty TNHH Hải Đăng")};QLĐT;01/11/2023 08:15;17/11/2023;20/11/2023 10:00;"trễ do\r\nbổ sung hồ sơ"\r\n` +
  `2;000.23.45.H23-231102-0002;Cấp giấy phép lao động;"Nguyễn Văn ""Tý""";${decomposed("QLĐT")};2023-11-02T09:00:00+07:00;2023-11-16;;\r\n` +
  "\r\n" +
  "4;VP-0003;Đăng ký nội quy lao động;Trần Thị Bé;VP;03/11/2023;2023-11-10T16:30:00Z;09/11/2023 16:59:59;\r\n";

describe.each(testDrivers())("importCases on %s", (driver) => {
  const database = importDatabase(driver);

  const stored = () => storedCases(database.db);

  it("creates every case of a real-looking export, values as the format reads them", async () => {
    expect(await importCsv(database.db, "cases", ONE_STOP_EXPORT)).toEqual({ created: 3, updated: 0, unchanged: 0, errors: [], errorCount: 0 });
    expect(await stored()).toEqual([
      {
        code: "000.23.45.H23-231101-0001",
        procedureName: "Cấp Giấy chứng nhận đăng ký đầu tư; điều chỉnh",
        applicantName: "Công ty TNHH Hải Đăng".normalize("NFC"),
        unitId: database.units["QLĐT"],
        receivedAt: "2023-11-01T01:15:00.000Z",
        dueAt: "2023-11-17T16:59:59.000Z",
        resolvedAt: "2023-11-20T03:00:00.000Z",
      },
      {
        code: "000.23.45.H23-231102-0002",
        procedureName: "Cấp giấy phép lao động",
        applicantName: 'Nguyễn Văn "Tý"',
        unitId: database.units["QLĐT"],
        receivedAt: "2023-11-02T02:00:00.000Z",
        dueAt: "2023-11-16T16:59:59.000Z",
        resolvedAt: null,
      },
      {
        code: "VP-0003",
        procedureName: "Đăng ký nội quy lao động",
        applicantName: "Trần Thị Bé",
        unitId: database.units.VP,
        receivedAt: "2023-11-02T17:00:00.000Z",
        dueAt: "2023-11-10T16:30:00.000Z",
        resolvedAt: "2023-11-09T09:59:59.000Z",
      },
    ]);
    // Stored NFC, whatever the file held.
    const applicant = (await stored())[0].applicantName;
    expect(applicant).toBe(applicant.normalize("NFC"));
  });

  it("writes nothing the second time: every row unchanged", async () => {
    const before = await stored();
    expect(await importCsv(database.db, "cases", ONE_STOP_EXPORT)).toEqual({ created: 0, updated: 0, unchanged: 3, errors: [], errorCount: 0 });
    expect(await stored()).toEqual(before);
  });

  it("updates only the rows whose values differ, in English headers, commas and any column order", async () => {
    const csv =
      "due_at,code,unit_code,received_at,procedure_name,applicant_name,resolved_at\n" +
      "17/11/2023,000.23.45.H23-231101-0001,QLĐT,01/11/2023 08:15,Cấp Giấy chứng nhận đăng ký đầu tư; điều chỉnh,Công ty TNHH Hải Đăng,\n" +
      "2023-11-16,000.23.45.H23-231102-0002,QLĐT,2023-11-02T09:00:00+07:00,Cấp giấy phép lao động,\"Nguyễn Văn \"\"Tý\"\"\",\n" +
      "10/11/2023 23:30,VP-0004,VP,03/11/2023,Đăng ký nội quy lao động,Lê Văn Tám,\n";
    expect(await importCsv(database.db, "cases", csv)).toEqual({ created: 1, updated: 1, unchanged: 1, errors: [], errorCount: 0 });
    const after = await stored();
    expect(after[0].resolvedAt).toBeNull();
    expect(after[3]).toEqual({
      code: "VP-0004",
      procedureName: "Đăng ký nội quy lao động",
      applicantName: "Lê Văn Tám",
      unitId: database.units.VP,
      receivedAt: "2023-11-02T17:00:00.000Z",
      dueAt: "2023-11-10T16:30:00.000Z",
      resolvedAt: null,
    });
  });

  it("refuses a bad file whole, reporting every failing line, column and reason", async () => {
    const before = await stored();
    const csv =
      "Mã hồ sơ;Tên thủ tục;Người nộp;Mã đơn vị;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả\n" +
      "NEW-1;Thủ tục A;Người A;VP;01/11/2023;17/11/2023;\n" +
      "NEW-2;Thủ tục B;Người B;XX;01/11/2023;31/02/2023;\n" +
      "NEW-3;;Người C;VP;01/11/2023;10/10/2023;05/10/2023\n" +
      'NEW-1;"Thủ tục\nnhiều dòng";Người D;VP;01/11/2023;17/11/2023;\n' +
      "NEW-5;Thủ tục E;Người E;VP;hôm qua;17/11/2023;\n";
    const result = await importCsv(database.db, "cases", csv);
    expect(result).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      errorCount: 7,
      errors: [
        {
          line: 3,
          column: "unit_code",
          message: 'Unit "XX" does not exist; correct the code or have an administrator create the unit first.',
        },
        { line: 3, column: "due_at", message: '"Ngày hẹn trả": "31/02/2023" is not a date that exists.' },
        { line: 4, column: "procedure_name", message: '"Tên thủ tục" is empty; it is required.' },
        {
          line: 4,
          column: "due_at",
          message: '"Ngày hẹn trả" is before "Ngày tiếp nhận"; a case cannot be due before it was received.',
        },
        {
          line: 4,
          column: "resolved_at",
          message: '"Ngày trả kết quả" is before "Ngày tiếp nhận"; a case cannot be resolved before it was received.',
        },
        {
          line: 5,
          column: "code",
          message: '"Mã hồ sơ" NEW-1 already appears on line 2; each case may appear only once in a file.',
        },
        {
          line: 7,
          column: "received_at",
          message:
            '"Ngày tiếp nhận": "hôm qua" is not a date; write dd/MM/yyyy, dd/MM/yyyy HH:mm, dd/MM/yyyy HH:mm:ss or ISO-8601 such as 2023-11-17T16:30:00+07:00.',
        },
      ],
    });
    expect(await stored()).toEqual(before);
  });

  it("reports an unknown unit even when it is the only fault, and writes nothing", async () => {
    const before = await stored();
    const csv = "code,procedure_name,applicant_name,unit_code,received_at,due_at\nNEW-9,P,A,qlđt,01/11/2023,17/11/2023\n";
    expect(await importCsv(database.db, "cases", csv)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      errorCount: 1,
      errors: [
        {
          line: 2,
          column: "unit_code",
          message: 'Unit "qlđt" does not exist; correct the code or have an administrator create the unit first.',
        },
      ],
    });
    expect(await stored()).toEqual(before);
  });

  it("rolls back batches already written when a later batch fails", async () => {
    const before = await stored();
    const lines = Array.from({ length: 25 }, (_, i) => `BATCH-${i},P,A,VP,01/11/2023,17/11/2023`);
    lines.push("BATCH-X,P,A,NOPE,01/11/2023,17/11/2023");
    const csv = `code,procedure_name,applicant_name,unit_code,received_at,due_at\n${lines.join("\n")}\n`;
    const result = await importCsv(database.db, "cases", csv, undefined, 10);
    expect(result.errors).toEqual([{ line: 27, column: "unit_code", message: expect.stringContaining('"NOPE"') }]);
    expect(await stored()).toEqual(before);
  });

  it("reports a missing required column and a duplicated column on line 1", async () => {
    const csv = "code;Mã hồ sơ;procedure_name;applicant_name;received_at;due_at\nA;A;P;N;01/11/2023;17/11/2023\n";
    const result = await importCsv(database.db, "cases", csv);
    expect(result.errors).toEqual([
      { line: 1, column: "code", message: 'Columns "code" and "Mã hồ sơ" are the same column (code / Mã hồ sơ); keep only one.' },
      { line: 1, column: "unit_code", message: 'The required column "Mã đơn vị" (unit_code) is missing from the header line.' },
    ]);
  });

  it("reports an empty file and an unreadable one on their line", async () => {
    expect((await importCsv(database.db, "cases", "")).errors).toEqual([
      {
        line: 1,
        column: null,
        message:
          "The file is empty; its first line must be the header (code, procedure_name, applicant_name, unit_code, received_at, due_at, resolved_at).",
      },
    ]);
    const before = await stored();
    const broken = "code,procedure_name,applicant_name,unit_code,received_at,due_at\nQ-1,P,A,VP,01/11/2023,17/11/2023\nQ-2,\"P,A,VP,01/11/2023,17/11/2023\n";
    // A batch of one row: Q-1 is written before the parser meets line 3, and must be rolled back.
    expect((await importCsv(database.db, "cases", broken, undefined, 1)).errors).toEqual([
      { line: 3, column: null, message: expect.stringMatching(/never closed/) },
    ]);
    const windows1258 = Buffer.concat([
      Buffer.from("code,procedure_name,applicant_name,unit_code,received_at,due_at\nQ-3,P,A,VP,01/11/2023,17/11/2023\n"),
      Buffer.from([0x51, 0x2d, 0x34, 0x2c, 0x50, 0x2c, 0x54, 0xf2, 0x6e, 0x2c]),
      Buffer.from("VP,01/11/2023,17/11/2023\n"),
    ]);
    const outcome = await runImport(database.db, "cases", csvRecords([windows1258]), { actor: ADMIN, batchSize: 1 });
    expect(outcome.errors).toEqual([{ line: 3, column: null, message: expect.stringMatching(/not UTF-8/) }]);
    expect(await stored()).toEqual(before);
  });

  it("lets an OFFICER import its own unit's rows only; others are row errors and nothing is written", async () => {
    const officer = { role: Role.OFFICER, unitId: database.units.VP, tokenId: null };
    const before = await stored();
    const csv =
      "code,procedure_name,applicant_name,unit_code,received_at,due_at\n" +
      "OFF-1,P,A,VP,01/11/2023,17/11/2023\n" +
      "OFF-2,P,A,QLĐT,01/11/2023,17/11/2023\n" +
      "000.23.45.H23-231102-0002,P,A,VP,01/11/2023,17/11/2023\n";
    expect((await importCsv(database.db, "cases", csv, officer)).errors).toEqual([
      {
        line: 3,
        column: "unit_code",
        message: "You may import only your own unit's cases (unit VP); this row is for unit QLĐT.",
      },
      {
        line: 4,
        column: "code",
        message: `Case "000.23.45.H23-231102-0002" belongs to unit QLĐT; you may import only your own unit's cases (unit VP).`,
      },
    ]);
    expect(await stored()).toEqual(before);
    const own = "code,procedure_name,applicant_name,unit_code,received_at,due_at\nOFF-1,P,A,VP,01/11/2023,17/11/2023\n";
    expect(await importCsv(database.db, "cases", own, officer)).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [], errorCount: 0 });
  });

  it("sends a constant handful of statements per 500 rows, and no write at all when nothing changed", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `BULK-${String(i).padStart(5, "0")},P,A,TTXT,01/11/2023,17/11/2023 17:00`);
    const csv = `code,procedure_name,applicant_name,unit_code,received_at,due_at\n${rows.join("\n")}\n`;
    const logger = statementLogger(database.db);
    let before = logger.statements;
    // MariaDB adds four per import, not per batch, for the import's turn (db/lock-rows.ts): the lock wait
    // set and reset around SELECT … FOR UPDATE of the lock row, and the row's UPDATE (Galera certifies it);
    // the first write of a process also asks once whether the database is a Galera node.
    const turns = driver === "mariadb" ? 4 : 0;
    const galeraQuestion = driver === "mariadb" ? 1 : 0;
    expect(await importCsv(database.db, "cases", csv)).toEqual({ created: 1200, updated: 0, unchanged: 0, errors: [], errorCount: 0 });
    // BEGIN, the units, then per batch of 500 one SELECT and one INSERT … ON CONFLICT, COMMIT.
    expect(logger.statements - before).toBeLessThanOrEqual(10 + turns + galeraQuestion);
    before = logger.statements;
    expect(await importCsv(database.db, "cases", csv)).toEqual({ created: 0, updated: 0, unchanged: 1200, errors: [], errorCount: 0 });
    // The same, plus per batch one SELECT of the stored cases' apologies (an update may not contradict one).
    expect(logger.statements - before).toBeLessThanOrEqual(10 + turns);
    expect(await database.db.getRepository(Case).countBy({ unitId: database.units.TTXT })).toBe(1200);
  });

  it("counts without writing on a dry run", async () => {
    const before = await stored();
    const csv =
      "code,procedure_name,applicant_name,unit_code,received_at,due_at\n" +
      "DRY-1,P,A,VP,01/11/2023,17/11/2023\n" +
      "VP-0004,Đăng ký nội quy lao động,Lê Văn Tám,VP,03/11/2023,10/11/2023 23:30\n" +
      "VP-0003,Đăng ký nội quy lao động,Trần Thị Bé,VP,03/11/2023,2023-11-10T16:30:00Z\n";
    const outcome = await runImport(database.db, "cases", csvRecords(csvText(csv)), { actor: ADMIN, dryRun: true });
    expect(outcome).toEqual({ created: 1, updated: 1, unchanged: 1, errors: [], errorCount: 0 });
    expect(await stored()).toEqual(before);
  });

  it("refuses a VIEWER outright", async () => {
    await expect(
      importCsv(database.db, "cases", "code\n", { role: Role.VIEWER, unitId: null, tokenId: null }),
    ).rejects.toMatchObject({ extensions: { code: "FORBIDDEN" } });
  });
});
