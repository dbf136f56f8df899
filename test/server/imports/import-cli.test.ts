import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../server/src/db/data-source.js";
import { Case } from "../../../server/src/entities/case.entity.js";
import { runImportCli } from "../../../server/src/imports/import-cli-run.js";
import { seedUnits } from "./import-fixtures.js";

class Capture extends Writable {
  text = "";
  _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString("utf8");
    done();
  }
}

describe("npm run import (the command line, on a SQLite file)", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cchc-import-cli-"));
    env = { DATABASE_URL: `sqlite:${join(dir, "cchc.sqlite")}` };
    const db = await openDatabase({ type: "sqlite", path: join(dir, "cchc.sqlite") });
    await seedUnits(db);
    await db.destroy();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...args: string[]) {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runImportCli(args, { env, stdout, stderr });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  it("imports a CSV file, reports the counts, and finds it all unchanged the second time", async () => {
    const file = join(dir, "ho-so.csv");
    writeFileSync(
      file,
      "\uFEFFMã hồ sơ;Tên thủ tục;Người nộp;Mã đơn vị;Ngày tiếp nhận;Ngày hẹn trả\r\n" +
        "C-1;Cấp phép;Công ty A;VP;01/11/2023;17/11/2023\r\nC-2;Cấp phép;Công ty B;QLĐT;01/11/2023;17/11/2023\r\n",
    );
    expect(await run("cases", file)).toEqual({ code: 0, stdout: "ho-so.csv: 2 created, 0 updated, 0 unchanged.\n", stderr: "" });
    const again = await run("cases", file, "--json", "--stats");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ created: 0, updated: 0, unchanged: 2, errors: [], errorCount: 0 });
    expect(again.stderr).toMatch(/^time [\d.]+ s, CPU [\d.]+ s, peak memory \(RSS\) \d+ MB\n$/);
    const db = await openDatabase({ type: "sqlite", path: join(dir, "cchc.sqlite") });
    try {
      expect((await db.getRepository(Case).findOneByOrFail({ code: "C-2" })).dueAt.toISOString()).toBe("2023-11-17T16:59:59.000Z");
    } finally {
      await db.destroy();
    }
  });

  it("checks a file without writing it on --dry-run", async () => {
    const file = join(dir, "thu.csv");
    writeFileSync(file, "code,procedure_name,applicant_name,unit_code,received_at,due_at\nDRY-9,P,A,VP,01/11/2023,17/11/2023\n");
    expect(await run("cases", file, "--dry-run")).toEqual({
      code: 0,
      stdout: "thu.csv: the file is sound; importing it would give 1 created, 0 updated, 0 unchanged (nothing was written).\n",
      stderr: "",
    });
    expect(await run("cases", file, "--dry-run")).toMatchObject({ stdout: expect.stringContaining("1 created") });
  });

  it("imports the first sheet of an .xlsx file", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Công việc");
    sheet.addRow(["Mã công việc", "Trích yếu", "Mã đơn vị", "Ngày giao", "Ký hiệu hồ sơ", "Ngày lập hồ sơ"]);
    sheet.addRow(["HP-9", "Báo cáo tháng", "VP", "02/10/2023 08:00", "05.VP", "03/10/2023"]);
    const file = join(dir, "cong-viec.xlsx");
    await book.xlsx.writeFile(file);
    expect(await run("tasks", file)).toMatchObject({ code: 0, stdout: "cong-viec.xlsx: 1 created, 0 updated, 0 unchanged.\n" });
  });

  it("lists every failing line and exits 1, writing nothing", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, "code,procedure_name,applicant_name,unit_code,received_at,due_at\nD-1,P,A,VP,31/02/2023,17/11/2023\nD-2,P,A,ZZ,01/11/2023,17/11/2023\n");
    expect(await run("cases", file)).toEqual({
      code: 1,
      stdout:
        "bad.csv: nothing was imported; 2 problems to correct:\n" +
        '  line 2, received_at: "received_at": "31/02/2023" is not a date that exists.\n' +
        '  line 3, unit_code: Unit "ZZ" does not exist; correct the code or have an administrator create the unit first.\n',
      stderr: "",
    });
  });

  it("explains its usage and exits 2 on a wrong kind, a missing file or another extension", async () => {
    expect((await run("dossiers", "x.csv")).code).toBe(2);
    expect((await run("cases", join(dir, "missing.csv"))).stderr).toMatch(/no such file/);
    expect((await run("cases", join(dir, "notes.pdf"))).stderr).toMatch(/not a \.csv or \.xlsx file/);
    expect((await run()).stderr).toMatch(/^Usage: npm run import -- <cases\|apologies\|tasks>/);
  });
});
