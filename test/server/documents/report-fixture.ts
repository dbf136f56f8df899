import type { DataSource } from "typeorm";
import { Apology, Case, Directive, HpNetTask, Unit } from "../../../server/src/entities/index.js";

/**
 * A deterministic year for the document tests: five units (Vietnamese codes, in an order where code
 * points and collation differ), a few hundred cases and tasks with ties on the moment (so the order by
 * code matters), text that needs escaping in every format (| " , ; < & newlines, formula-like text),
 * apologies before and after the report's moment. Enough rows to cross the streaming batches.
 */
export const FIXTURE_AS_OF = new Date("2023-11-14T09:30:00.000Z");

const UNITS = [
  { code: "QLĐT", name: "Phòng Quản lý Đầu tư", kind: "DEPARTMENT" },
  { code: "QLLĐ", name: "Phòng Quản lý Lao động", kind: "DEPARTMENT" },
  { code: "TTXT", name: "Trung tâm Xúc tiến đầu tư & Dịch vụ việc làm", kind: "SERVICE_UNIT" },
  { code: "Ân", name: "Đơn vị \"Ân\" | thử", kind: "SERVICE_UNIT" },
  { code: "VP", name: "Văn phòng", kind: "DEPARTMENT" },
];

const NAMES = [
  "Công ty TNHH Cơ khí Đình Vũ",
  "Ông Nguyễn Văn Đức",
  'Bà "Hà", Trần Thị',
  "A | B; <C> & D",
  "Dòng một\nDòng hai",
  "=HYPERLINK(\"http://x\")",
];

const DAY = 86_400_000;
const START = Date.parse("2023-01-02T01:00:00.000Z");

export interface FixtureSize {
  cases: number;
  tasks: number;
}

export async function seedReportFixture(db: DataSource, size: FixtureSize = { cases: 1_300, tasks: 1_100 }): Promise<Directive> {
  const units = await db.getRepository(Unit).save(UNITS.map((u) => ({ ...u })));
  const directive = await db.getRepository(Directive).save({
    number: "2315/TB-BQL",
    subject: "V/v rà soát, xin lỗi hồ sơ TTHC quá hạn | năm 2023",
    issuedOn: "2023-11-08",
    periodStart: "2023-01-01",
    periodEnd: "2023-12-31",
    deadline: "2023-11-17",
  });
  const cases = [];
  for (let i = 0; i < size.cases; i += 1) {
    // Three cases share each due moment, so ties are broken by the code.
    const due = START + Math.floor(i / 3) * (DAY / 5) + (i % 7 === 0 ? DAY * 400 : 0);
    const resolved = i % 4 === 0 ? null : i % 4 === 1 ? due - 3_600_000 : due + (1 + (i % 9)) * DAY;
    cases.push({
      code: `H${String((i * 7919) % 100_000).padStart(5, "0")}${i % 11 === 0 ? "/Đ" : ""}`,
      procedureName: `Thủ tục ${i % 13}, "cấp phép"`,
      applicantName: NAMES[i % NAMES.length],
      unitId: units[i % units.length].id,
      receivedAt: new Date(due - 10 * DAY),
      dueAt: new Date(due),
      resolvedAt: resolved === null ? null : new Date(resolved),
    });
  }
  for (let i = 0; i < cases.length; i += 200) await db.getRepository(Case).insert(cases.slice(i, i + 200));
  const stored = await db.getRepository(Case).find({ order: { id: "ASC" } });
  const apologies = stored
    .filter((c, i) => i % 3 !== 2 && c.dueAt.getTime() < FIXTURE_AS_OF.getTime() && (c.resolvedAt === null || c.resolvedAt > c.dueAt))
    .map((c, i) => ({
      caseId: c.id,
      number: `${i}/PXL`,
      // Some before the due moment, some after, some after the report's moment.
      issuedAt: new Date(c.dueAt.getTime() + (i % 5 === 0 ? -DAY : i % 5 === 1 ? 200 * DAY : DAY)),
      reason: i % 2 ? "Chờ ý kiến thẩm định" : "Quá tải; hồ sơ \"bổ sung\"",
      newDueAt: new Date(c.dueAt.getTime() + 300 * DAY),
      signer: "Lê Thị Thu Hằng",
    }));
  for (let i = 0; i < apologies.length; i += 200) await db.getRepository(Apology).insert(apologies.slice(i, i + 200));
  const tasks = [];
  for (let i = 0; i < size.tasks; i += 1) {
    const assigned = START + Math.floor(i / 2) * (DAY / 4);
    tasks.push({
      externalId: `T${String((i * 104_729) % 1_000_000).padStart(6, "0")}`,
      title: NAMES[(i + 2) % NAMES.length],
      unitId: units[(i * 3) % units.length].id,
      assignee: i % 3 === 0 ? null : `Cán bộ ${i % 17}`,
      assignedAt: new Date(assigned),
      dueAt: i % 2 ? new Date(assigned + 5 * DAY) : null,
      completionReportedAt: i % 4 === 1 ? new Date(assigned + DAY) : null,
      archivedAt: i % 4 === 2 ? new Date(assigned + 2 * DAY) : null,
      workFileCode: i % 5 ? "01.VP" : null,
      workFileCreatedAt: i % 5 ? new Date(assigned + (i % 10 === 3 ? 400 * DAY : DAY)) : null,
    });
  }
  for (let i = 0; i < tasks.length; i += 200) await db.getRepository(HpNetTask).insert(tasks.slice(i, i + 200));
  return directive;
}
