import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assigneeOutstanding, countByAssignee, type TaskOfAssignee } from "../../../server/src/domain/assignee-stats.js";
import { scopeWindow } from "../../../server/src/domain/compliance.js";
import { HpNetTask } from "../../../server/src/entities/hpnet-task.entity.js";
import { testDrivers } from "../../support/databases.js";
import { dataOf, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";
import { seedBasics } from "../../support/fixtures.js";

/** Moments on the edges of the scope rules (Vietnam day boundaries, the period's ends). */
const EDGE_MOMENTS = [
  "2022-12-31T16:59:59.999Z", "2022-12-31T17:00:00.000Z", "2023-03-01T09:30:00.000Z", "2023-06-15T02:00:00.000Z",
  "2023-11-17T09:30:00.000Z", "2023-11-17T17:00:00.000Z", "2023-12-31T16:59:59.999Z", "2023-12-31T17:00:00.000Z",
].map((iso) => new Date(iso));

/** As typed by clerks: the same people with stray spaces, other cases, decomposed accents; and nobody. */
const TYPED_ASSIGNEES = [
  "Nguyễn Văn An", " Nguyễn Văn An  ", "Nguyễn Văn An".normalize("NFD"), "NGUYỄN VĂN AN", "nguyễn văn an",
  "Trần Thị Hà", "Tran Thi Ha", "Lê B", "Zoë", "𝒜nh", null, "   ",
];

const STATS = `query($id: ID!, $unit: String, $at: DateTime) { directive(id: $id) {
  assignees(unitCode: $unit, asOf: $at) { unit { code name } assignee tasks reportedTasks filedTasks outstanding } } }`;

interface StatsRow {
  unit: { code: string; name: string };
  assignee: string | null;
  tasks: number;
  reportedTasks: number;
  filedTasks: number;
  outstanding: number;
}

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** The contract's order spelled out independently: unit code, then assignee, in code points; null last. */
function byContractOrder(a: { code: string; assignee: string | null }, b: { code: string; assignee: string | null }): number {
  const points = (s: string) => [...s].map((c) => c.codePointAt(0) as number);
  const cmp = (x: string, y: string) => {
    const [p, q] = [points(x), points(y)];
    for (let i = 0; i < Math.min(p.length, q.length); i += 1) if (p[i] !== q[i]) return p[i] - q[i];
    return p.length - q.length;
  };
  if (a.code !== b.code) return cmp(a.code, b.code);
  if (a.assignee === b.assignee) return 0;
  if (a.assignee === null) return 1;
  if (b.assignee === null) return -1;
  return cmp(a.assignee, b.assignee);
}

describe.each(testDrivers())("Directive.assignees on %s", (driver) => {
  let server: TestServer;
  let directiveId: string;
  // "a3" after "B2": code points, not the database's case-insensitive collation.
  const units = ["B2", "a3", "A1"];
  const tasks: (TaskOfAssignee & { unitCode: string })[] = [];

  beforeAll(async () => {
    server = await startTestServer(driver);
    directiveId = await seedBasics(server, units.map((u) => [u, `Đơn vị ${u}`, "DEPARTMENT"]));
    const random = rng(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const near = (moment: Date) => new Date(moment.getTime() + pick([-1, 0, 0, 1, 86_400_000, -86_400_000]));
    const maybe = (moment: Date) => (random() < 0.35 ? null : near(moment));
    for (let i = 0; i < 90; i += 1) {
      const unitCode = pick(units);
      const typed = pick(TYPED_ASSIGNEES);
      const stored = typed === null || typed.trim() === "" ? null : typed.trim().normalize("NFC");
      const task = {
        unitId: units.indexOf(unitCode),
        unitCode,
        assignee: stored,
        assignedAt: near(pick(EDGE_MOMENTS)),
        completionReportedAt: maybe(pick(EDGE_MOMENTS)),
        archivedAt: maybe(pick(EDGE_MOMENTS)),
        workFileCreatedAt: maybe(pick(EDGE_MOMENTS)),
      };
      dataOf(await server.gql(`mutation($i: HpNetTaskInput!) { upsertHpNetTask(input: $i) { id } }`, {
        i: {
          externalId: `T${i}`, title: "Việc", unitCode, assignee: typed, assignedAt: task.assignedAt.toISOString(),
          completionReportedAt: task.completionReportedAt?.toISOString() ?? null, archivedAt: task.archivedAt?.toISOString() ?? null,
          workFileCode: task.workFileCreatedAt ? `0${i}.VP` : null, workFileCreatedAt: task.workFileCreatedAt?.toISOString() ?? null,
        },
      }));
      tasks.push(task);
    }
  });
  afterAll(() => server?.close());

  function expected(asOf: Date, unitCode?: string) {
    return countByAssignee(tasks.filter((t) => unitCode === undefined || t.unitCode === unitCode), scopeWindow("2023-01-01", "2023-12-31"), asOf)
      .map((c) => ({
        unit: { code: units[c.unitId], name: `Đơn vị ${units[c.unitId]}` },
        assignee: c.assignee,
        tasks: c.tasks,
        reportedTasks: c.reportedTasks,
        filedTasks: c.filedTasks,
        outstanding: c.tasks - c.reportedTasks + (c.tasks - c.filedTasks),
      }))
      .sort((a, b) => byContractOrder({ code: a.unit.code, assignee: a.assignee }, { code: b.unit.code, assignee: b.assignee }));
  }

  it("equals a row-by-row count at every edge moment, for all units and for each, in the contract's order", async () => {
    const moments = EDGE_MOMENTS.flatMap((m) => [new Date(m.getTime() - 1), m, new Date(m.getTime() + 1)]);
    let people = 0;
    for (const asOf of moments) {
      const all = dataOf(await server.gql<{ directive: { assignees: StatsRow[] } }>(STATS, { id: directiveId, at: asOf.toISOString() }));
      expect(all.directive.assignees, `all units as of ${asOf.toISOString()}`).toEqual(expected(asOf));
      people = Math.max(people, all.directive.assignees.length);
      for (const unit of units) {
        const one = dataOf(await server.gql<{ directive: { assignees: StatsRow[] } }>(STATS, { id: directiveId, unit, at: asOf.toISOString() }));
        expect(one.directive.assignees, `${unit} as of ${asOf.toISOString()}`).toEqual(expected(asOf, unit));
      }
    }
    // The data must exercise the rules: several people per unit, case variants kept apart, nobody last.
    const final = expected(new Date("2024-06-01T00:00:00Z"));
    expect(people).toBeGreaterThan(15);
    expect(final.some((r) => r.assignee === "NGUYỄN VĂN AN")).toBe(true);
    expect(final.some((r) => r.assignee === "nguyễn văn an")).toBe(true);
    expect(final.some((r) => r.assignee === null)).toBe(true);
    expect(final.some((r) => r.reportedTasks > 0 && r.filedTasks < r.tasks)).toBe(true);
    expect(final.every((r) => r.assignee === null || r.assignee === r.assignee.trim().normalize("NFC"))).toBe(true);
  });

  it("adds up to the unit's Compliance task figures", async () => {
    const asOf = "2024-01-15T00:00:00Z";
    const data = dataOf(await server.gql<{ directive: { assignees: StatsRow[]; units: { unit: { code: string }; compliance: { tasks: number; reportedTasks: number; filedTasks: number } }[] } }>(
      `query($id: ID!, $at: DateTime) { directive(id: $id) {
        assignees(asOf: $at) { unit { code name } assignee tasks reportedTasks filedTasks outstanding }
        units(asOf: $at) { unit { code } compliance { tasks reportedTasks filedTasks } } } }`,
      { id: directiveId, at: asOf },
    ));
    for (const { unit, compliance } of data.directive.units) {
      const people = data.directive.assignees.filter((r) => r.unit.code === unit.code);
      expect(people.reduce((n, r) => n + r.tasks, 0)).toBe(compliance.tasks);
      expect(people.reduce((n, r) => n + r.reportedTasks, 0)).toBe(compliance.reportedTasks);
      expect(people.reduce((n, r) => n + r.filedTasks, 0)).toBe(compliance.filedTasks);
      expect(people.reduce((n, r) => n + r.outstanding, 0)).toBe(assigneeOutstanding(compliance));
    }
  });

  it("answers NOT_FOUND for an unknown unit (other case included) and BAD_USER_INPUT for a blank one", async () => {
    expect(errorCode(await server.gql(STATS, { id: directiveId, unit: "ZZ" }))).toBe("NOT_FOUND");
    expect(errorCode(await server.gql(STATS, { id: directiveId, unit: "a1" }))).toBe("NOT_FOUND");
    expect(errorCode(await server.gql(STATS, { id: directiveId, unit: "  " }))).toBe("BAD_USER_INPUT");
    const empty = dataOf(await server.gql<{ directive: { assignees: StatsRow[] } }>(STATS, { id: directiveId, at: "2022-06-01T00:00:00Z" }));
    expect(empty.directive.assignees).toEqual([]);
  });

  it("runs one aggregate statement whatever the number of people", async () => {
    const statementsOf = async (variables: Record<string, unknown>) => {
      const before = server.statements();
      dataOf(await server.gql(STATS, { id: directiveId, ...variables }));
      return server.statements() - before;
    };
    const small = { all: await statementsOf({}), one: await statementsOf({ unit: "A1" }) };
    const unitId = (await server.database.db.query(`SELECT id FROM units WHERE code = 'A1'`))[0].id as number;
    await server.database.db.getRepository(HpNetTask).save(
      Array.from({ length: 300 }, (_, i) => ({
        externalId: `P${i}`, title: "Việc", unitId: Number(unitId), assignee: `Cán bộ ${i}`,
        assignedAt: new Date("2023-05-01T02:00:00Z"), dueAt: null, completionReportedAt: null, archivedAt: null,
        workFileCode: null, workFileCreatedAt: null,
      })),
    );
    const large = { all: await statementsOf({}), one: await statementsOf({ unit: "A1" }) };
    expect(large).toEqual(small);
    // the directive, the aggregate (units joined in); the unit's lookup when one is named.
    expect(large).toEqual({ all: 2, one: 3 });
    const data = dataOf(await server.gql<{ directive: { assignees: StatsRow[] } }>(STATS, { id: directiveId, unit: "A1" }));
    expect(data.directive.assignees.length).toBeGreaterThan(300);
  });
});
