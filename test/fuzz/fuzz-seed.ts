import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import { dataOf, type TestServer } from "../support/test-server.js";

/**
 * The records the fuzz targets' valid variables name: two units, a directive, a late case without an
 * apology for issueApology and one for the apologies import, a case with an apology (id 1) to publish,
 * and a task.
 */
export async function seedFuzzData(server: TestServer): Promise<void> {
  const run = async (query: string, variables: Record<string, unknown>) => dataOf(await server.gql(query, variables));
  for (const [code, name] of [["VP", "Văn phòng"], ["QLĐT", "Phòng Quản lý Đầu tư"]]) {
    await run("mutation($input: UnitInput!) { upsertUnit(input: $input) { id } }", { input: { code, name, kind: "DEPARTMENT" } });
  }
  await run("mutation($input: DirectiveInput!) { createDirective(input: $input) { id } }", {
    input: { number: "1/TB-FZ", subject: "Chấn chỉnh", issuedOn: "2023-04-01", periodStart: "2023-01-01", periodEnd: "2023-12-31", deadline: "2023-04-20" },
  });
  const late = (code: string) => ({
    code,
    procedureName: "Cấp giấy phép",
    applicantName: "Vũ Văn Muộn",
    unitCode: "VP",
    receivedAt: "2023-03-01T08:00:00+07:00",
    dueAt: "2023-03-10T17:00:00+07:00",
    resolvedAt: "2023-03-14T10:00:00+07:00",
  });
  for (const code of ["LATE-DONE", "LATE-OPEN", "LATE-IMPORT"]) {
    await run("mutation($input: CaseInput!) { upsertCase(input: $input) { id } }", { input: late(code) });
  }
  await run("mutation($input: ApologyInput!) { issueApology(input: $input) { id } }", {
    input: { caseCode: "LATE-DONE", number: "1/PXL", issuedAt: "2023-03-11T09:00:00+07:00", reason: "Chờ ý kiến", newDueAt: "2023-03-20T17:00:00+07:00", signer: "Nguyễn Văn Ký" },
  });
  await run("mutation($input: HpNetTaskInput!) { upsertHpNetTask(input: $input) { id } }", {
    input: { externalId: "T-1", title: "Báo cáo", unitCode: "VP", assignedAt: "2023-03-01T08:00:00+07:00" },
  });
}

/** Row count and a checksum of every table's content: equal snapshots mean nothing was written. */
export async function snapshot(db: DataSource): Promise<Record<string, string>> {
  const tables: { name: string }[] =
    db.options.type === "mysql"
      ? await db.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name")
      : await db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = (await db.query(`SELECT * FROM ${db.driver.escape(name)}`)) as Record<string, unknown>[];
    const lines = rows.map((row) => JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString("hex") : value))).sort();
    result[name] = `${rows.length} rows, ${createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16)}`;
  }
  return result;
}
