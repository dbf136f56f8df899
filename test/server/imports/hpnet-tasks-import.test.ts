import { describe, expect, it } from "vitest";
import { testDrivers } from "../../support/databases.js";
import { decomposed, importCsv, importDatabase, storedTasks } from "./import-fixtures.js";

/** An HpNet "thống kê công việc" export: Vietnamese headers without marks, semicolons, quoted titles. */
const HPNET_EXPORT =
  "\uFEFFMA CONG VIEC;TRICH YEU;ma don vi;Nguoi xu ly;Ngay giao;Han xu ly;Ngay bao cao hoan thanh;Ngay luu tru;Ky hieu ho so;Ngay lap ho so\n" +
  `HP-2023-0001;"${decomposed("Báo cáo tình hình thu hút đầu tư; quý III")}";VP;Phạm Thị Hoa;02/10/2023 08:00;15/10/2023;14/10/2023 16:00;;05.VP;03/10/2023\n` +
  'HP-2023-0002;"Rà soát hồ sơ ""trễ hạn""\nnăm 2023";TTXT;;2023-12-31T23:00:00Z;;;2024-01-05T10:00:00+07:00;;\n';

describe.each(testDrivers())("importHpNetTasks on %s", (driver) => {
  const database = importDatabase(driver);

  const stored = () => storedTasks(database.db);

  it("creates the tasks with every value as the format reads it", async () => {
    expect(await importCsv(database.db, "tasks", HPNET_EXPORT)).toEqual({ created: 2, updated: 0, unchanged: 0, errors: [], errorCount: 0 });
    expect(await stored()).toEqual([
      {
        externalId: "HP-2023-0001",
        title: "Báo cáo tình hình thu hút đầu tư; quý III",
        unitId: database.units.VP,
        assignee: "Phạm Thị Hoa",
        assignedAt: "2023-10-02T01:00:00.000Z",
        dueAt: "2023-10-15T16:59:59.000Z",
        completionReportedAt: "2023-10-14T09:00:00.000Z",
        archivedAt: null,
        workFileCode: "05.VP",
        workFileCreatedAt: "2023-10-02T17:00:00.000Z",
      },
      {
        externalId: "HP-2023-0002",
        title: 'Rà soát hồ sơ "trễ hạn"\nnăm 2023',
        unitId: database.units.TTXT,
        assignee: null,
        assignedAt: "2023-12-31T23:00:00.000Z",
        dueAt: null,
        completionReportedAt: null,
        archivedAt: "2024-01-05T03:00:00.000Z",
        workFileCode: null,
        workFileCreatedAt: null,
      },
    ]);
  });

  it("changes nothing the second time, and updates only what differs", async () => {
    const before = await stored();
    expect(await importCsv(database.db, "tasks", HPNET_EXPORT)).toEqual({ created: 0, updated: 0, unchanged: 2, errors: [], errorCount: 0 });
    expect(await stored()).toEqual(before);
    const changed = HPNET_EXPORT.replace(";;2023-12-31T23:00:00Z;", ";Lê Văn Nam;2023-12-31T23:00:00Z;");
    expect(await importCsv(database.db, "tasks", changed)).toEqual({ created: 0, updated: 1, unchanged: 1, errors: [], errorCount: 0 });
    expect((await stored())[1].assignee).toBe("Lê Văn Nam");
  });

  it("refuses a bad file whole and reports every failing line", async () => {
    const before = await stored();
    const csv =
      "external_id,title,unit_code,assigned_at,work_file_code,work_file_created_at,due_at\n" +
      "T-1,Việc 1,VP,02/10/2023,01.VP,,\n" +
      "T-2,Việc 2,VP,02/10/2023,,03/10/2023,\n" +
      "T-3,Việc 3,KHONG,02/10/2023,,,\n" +
      "T-4,,VP,,,,30/02/2024\n" +
      "T-1,Việc 5,VP,02/10/2023,,,\n";
    expect(await importCsv(database.db, "tasks", csv)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      errorCount: 7,
      errors: [
        {
          line: 2,
          column: "work_file_created_at",
          message: '"work_file_created_at" is empty but "work_file_code" is given; a work file needs the date it was created.',
        },
        {
          line: 3,
          column: "work_file_code",
          message: '"work_file_code" is empty but "work_file_created_at" is given; a work file needs its code.',
        },
        { line: 4, column: "unit_code", message: expect.stringContaining('Unit "KHONG" does not exist') },
        { line: 5, column: "title", message: '"title" is empty; it is required.' },
        { line: 5, column: "assigned_at", message: '"assigned_at" is empty; it is required.' },
        { line: 5, column: "due_at", message: '"due_at": "30/02/2024" is not a date that exists.' },
        {
          line: 6,
          column: "external_id",
          message: '"external_id" T-1 already appears on line 2; each task may appear only once in a file.',
        },
      ],
    });
    expect(await stored()).toEqual(before);
  });
});
