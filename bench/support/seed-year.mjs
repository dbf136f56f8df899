// One large year for the benches (bench/run.mjs, bench/documents.bench.mjs):
// `units` units U1..Un, one directive 1/TB-BQL over 2023 (deadline 2023-11-17), `cases` cases due through
// the year (a third resolved a day late, the rest an hour early; half of the late ones apologised) and
// `tasks` HpNet tasks (three in four reported, four in five filed), written with multi-row INSERTs in one
// transaction. Deterministic: the same counts give the same rows on SQLite and MariaDB.
//   await seedYear(db, { cases: 100_000, tasks: 100_000 })   // db: a migrated TypeORM DataSource
// Returns the counts written.

const moment = (ms) => new Date(ms).toISOString().replace("T", " ").replace("Z", "");
export const YEAR_START = Date.parse("2022-12-31T17:00:00Z"); // 2023-01-01 00:00 in Vietnam
const YEAR_MS = 365 * 86_400_000;
const DAY = 86_400_000;

/** Rows per INSERT: under SQLite's 32,766 bound parameters and MariaDB's 16 MiB packet at 8 columns. */
const BATCH = 1000;

export async function seedYear(db, { cases, tasks, units = 20 }) {
  let apologies = 0;
  await db.transaction(async (m) => {
    for (let u = 1; u <= units; u += 1) {
      await m.query("INSERT INTO units (code, name, kind) VALUES (?, ?, ?)", [`U${u}`, `Đơn vị ${u}`, "DEPARTMENT"]);
    }
    // Ids as the database gave them: a Galera cluster steps AUTO_INCREMENT by its node count.
    const unitIds = (await m.query("SELECT id FROM units ORDER BY id")).map((row) => Number(row.id));
    await m.query(
      "INSERT INTO directives (number, subject, issuedOn, periodStart, periodEnd, deadline) VALUES (?, ?, ?, ?, ?, ?)",
      ["1/TB-BQL", "Bench", "2023-11-08", "2023-01-01", "2023-12-31", "2023-11-17"],
    );
    const rows = async (count, build, sql, width) => {
      const one = `(${Array(width).fill("?").join(", ")})`;
      let full = null;
      for (let start = 0; start < count; start += BATCH) {
        const n = Math.min(BATCH, count - start);
        const values = [];
        for (let i = start; i < start + n; i += 1) values.push(...build(i));
        const placeholders = n === BATCH ? (full ??= Array(BATCH).fill(one).join(", ")) : Array(n).fill(one).join(", ");
        await m.query(`${sql} VALUES ${placeholders}`, values);
      }
    };
    await rows(
      cases,
      (i) => {
        const due = YEAR_START + ((i * 7919) % YEAR_MS);
        const resolved = i % 3 === 0 ? due + DAY : due - 3_600_000;
        return [`C${i}`, "Cấp giấy chứng nhận đăng ký đầu tư", "Công ty TNHH Người nộp", unitIds[i % units], moment(due - 10 * DAY), moment(due), moment(resolved)];
      },
      "INSERT INTO cases (code, procedureName, applicantName, unitId, receivedAt, dueAt, resolvedAt)",
      7,
    );
    // Every second late case (in id order) has an apology.
    const late = await m.query("SELECT id FROM cases WHERE resolvedAt > dueAt ORDER BY id");
    const apologised = late.filter((_, i) => i % 2 === 0);
    apologies = apologised.length;
    await rows(
      apologised.length,
      (i) => [apologised[i].id, `${i}/PXL`, moment(YEAR_START + 300 * DAY), "Chờ ý kiến thẩm định", moment(YEAR_START + 364 * DAY), "Người ký"],
      "INSERT INTO apologies (caseId, number, issuedAt, reason, newDueAt, signer)",
      6,
    );
    await rows(
      tasks,
      (i) => {
        const assigned = YEAR_START + ((i * 104_729) % YEAR_MS);
        return [`T${i}`, "Báo cáo tiến độ", unitIds[i % units], `Cán bộ ${i % 50}`, moment(assigned), i % 4 ? moment(assigned + DAY) : null, i % 5 ? moment(assigned + 2 * DAY) : null, i % 5 ? "01.VP" : null];
      },
      "INSERT INTO hpnet_tasks (externalId, title, unitId, assignee, assignedAt, completionReportedAt, workFileCreatedAt, workFileCode)",
      8,
    );
  });
  return { units, cases, tasks, apologies };
}
