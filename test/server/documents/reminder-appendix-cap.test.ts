import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPENDIX_ROWS_PER_LIST } from "../../../server/src/documents/letters/reminder-letter.js";
import { testDrivers } from "../../support/databases.js";
import { importOverdueCases, seedBasics } from "../../support/fixtures.js";
import { dataOf, startTestServer, type TestServer } from "../../support/test-server.js";
import { openDocx } from "./docx-reading.js";

/**
 * The reminder's appendix lists each unit's first APPENDIX_ROWS_PER_LIST items of each list and says how
 * many more the report holds. Without the cap a large year's letter (every outstanding case and task
 * as a table row) never finished at 100,000 cases; with it the letter stays a letter at any size.
 */
describe.each(testDrivers())("the reminder's appendix at its cap, on %s", (driver) => {
  const LATE = APPENDIX_ROWS_PER_LIST + 30;
  const OWED = APPENDIX_ROWS_PER_LIST + 7;
  let server: TestServer;
  let directiveId: string;

  beforeAll(async () => {
    server = await startTestServer(driver);
    directiveId = await seedBasics(server, [["A1", "Phòng Một", "DEPARTMENT"]]);
    // LATE cases of unit A1 due in March and never resolved: each is overdue without an apology.
    await importOverdueCases(server, "CAP-", LATE, "A1");
    // OWED tasks of A1 assigned in March, never reported nor filed.
    const taskRows = Array.from({ length: OWED }, (_, i) => `TASK-${String(i + 1).padStart(4, "0")},Việc ${i + 1},A1,,01/03/2023`);
    const tasksCsv = `external_id,title,unit_code,assignee,assigned_at\n${taskRows.join("\n")}\n`;
    const tasks = dataOf(await server.gql("mutation($csv: String!) { importHpNetTasks(csv: $csv) { created errorCount } }", { csv: tasksCsv }));
    expect(tasks.importHpNetTasks).toEqual({ created: OWED, errorCount: 0 });
  });
  afterAll(async () => server?.close());

  it("lists the first cases of the unit and says how many more there are", async () => {
    const doc = dataOf<{ reminderLetter: { contentBase64: string } }>(
      await server.gql(`query($d: ID!, $a: DateTime) { reminderLetter(directiveId: $d, asOf: $a) { contentBase64 } }`, {
        d: directiveId,
        a: "2023-12-31T16:59:59.999Z",
      }),
    ).reminderLetter;
    const { paragraphs } = await openDocx(Buffer.from(doc.contentBase64, "base64"));
    const text = paragraphs.join("\n");
    // The summary table still counts them all.
    expect(text).toContain(String(LATE));
    const listed = paragraphs.filter((p) => /^CAP-\d{4}$/.test(p));
    expect(listed).toHaveLength(APPENDIX_ROWS_PER_LIST);
    expect(new Set(listed).size).toBe(APPENDIX_ROWS_PER_LIST);
    expect(text).toContain(`… và ${LATE - APPENDIX_ROWS_PER_LIST} mục khác (danh sách đầy đủ tại Báo cáo tình hình thực hiện kèm theo).`);
    // The tasks' list too: its first items in order, and the rest counted (a grouped COUNT, not a read of every row).
    const tasks = paragraphs.filter((p) => /^TASK-\d{4}$/.test(p));
    expect(tasks).toEqual(Array.from({ length: APPENDIX_ROWS_PER_LIST }, (_, i) => `TASK-${String(i + 1).padStart(4, "0")}`));
    expect(text).toContain(`… và ${OWED - APPENDIX_ROWS_PER_LIST} mục khác (danh sách đầy đủ tại Báo cáo tình hình thực hiện kèm theo).`);
  });
});
