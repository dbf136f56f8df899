import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeWindow } from "../../../server/src/domain/compliance.js";
import { countCompliance, type CaseForCompliance, type TaskForCompliance } from "../../../server/src/domain/scope.js";
import { testDrivers } from "../../support/databases.js";
import { dataOf, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";
import { seedBasics } from "../../support/fixtures.js";

const UNITS = ["A1", "B2", "C3"];
const FROM = "2022-12-20";
const UNTIL = "2024-01-10";
const DAY_MS = 86_400_000;
const FIGURES = "overdueCases apologizedCases apologyRate tasks reportedTasks reportRate filedTasks fileRate rate status asOf";

/** The last millisecond of a Vietnam day, as the contract defines a point. */
const endOfDay = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+07:00`));
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe.each(testDrivers())("Directive.progress and forecast on %s", (driver) => {
  let server: TestServer;
  let directiveId: string;
  const cases = new Map<string, CaseForCompliance[]>(UNITS.map((u) => [u, []]));
  const tasks = new Map<string, TaskForCompliance[]>(UNITS.map((u) => [u, []]));

  async function addCase(unit: string, code: string, dueAt: Date, resolvedAt: Date | null, apologyAt: Date | null) {
    dataOf(await server.gql(`mutation($i: CaseInput!) { upsertCase(input: $i) { id } }`, {
      i: { code, procedureName: "Thủ tục", applicantName: "Người nộp", unitCode: unit, receivedAt: "2022-11-01T00:00:00Z", dueAt: dueAt.toISOString(), resolvedAt: resolvedAt?.toISOString() ?? null },
    }));
    if (apologyAt) {
      dataOf(await server.gql(`mutation($i: ApologyInput!) { issueApology(input: $i) { id } }`, {
        i: { caseCode: code, number: `${code}/PXL`, issuedAt: apologyAt.toISOString(), reason: "Lý do", newDueAt: new Date(dueAt.getTime() + DAY_MS).toISOString(), signer: "Người ký" },
      }));
    }
    cases.get(unit)?.push({ dueAt, resolvedAt, apologyIssuedAt: apologyAt });
  }

  async function addTask(unit: string, externalId: string, t: TaskForCompliance) {
    dataOf(await server.gql(`mutation($i: HpNetTaskInput!) { upsertHpNetTask(input: $i) { id } }`, {
      i: {
        externalId, title: "Việc", unitCode: unit, assignedAt: t.assignedAt.toISOString(),
        completionReportedAt: t.completionReportedAt?.toISOString() ?? null, archivedAt: t.archivedAt?.toISOString() ?? null,
        workFileCode: t.workFileCreatedAt ? `${externalId}.VP` : null, workFileCreatedAt: t.workFileCreatedAt?.toISOString() ?? null,
      },
    }));
    tasks.get(unit)?.push(t);
  }

  beforeAll(async () => {
    server = await startTestServer(driver);
    directiveId = await seedBasics(server, [...UNITS, "Z9"].map((u) => [u, `Đơn vị ${u}`, "DEPARTMENT"]));
    const random = rng(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    // Days clustered so that counts change often inside the series, with the period's edges among them.
    const days = ["2022-12-31", "2023-01-01", "2023-03-01", "2023-06-15", "2023-11-16", "2023-11-17", "2023-11-18", "2023-12-31", "2024-01-01"];
    const times = ["00:00:00.000", "23:59:59.999", "23:59:59.998", "08:30:00.000", "16:59:59.999", "17:00:00.000"];
    const moment = () => new Date(Date.parse(`${addDays(pick(days), pick([0, 0, 1, 2, -1, 5]))}T${pick(times)}+07:00`));
    const maybe = () => (random() < 0.3 ? null : moment());

    // The boundary moments the contract's rules turn on, each once for sure.
    await addCase("A1", "EXACT", new Date("2023-06-15T09:30:00Z"), new Date("2023-06-15T09:30:00Z"), null); // resolved at dueAt: never late
    await addCase("A1", "EARLY-APOLOGY", new Date("2023-06-15T09:30:00Z"), null, new Date("2023-06-10T02:00:00Z")); // apology before dueAt
    await addCase("B2", "LAST-MS", new Date("2023-11-17T23:59:59.999+07:00"), null, new Date("2023-11-17T23:59:59.999+07:00")); // overdue only the next day
    await addCase("B2", "FIRST-MS", new Date("2023-01-01T00:00:00.000+07:00"), new Date("2023-01-05T00:00:00+07:00"), null);
    await addCase("C3", "BEFORE-PERIOD", new Date("2022-12-31T23:59:59.999+07:00"), null, null); // out of scope
    await addTask("A1", "REPORTED-FIRST", { assignedAt: new Date("2023-11-17T10:00:00+07:00"), completionReportedAt: new Date("2023-11-10T10:00:00+07:00"), archivedAt: null, workFileCreatedAt: new Date("2023-11-01T10:00:00+07:00") });
    await addTask("B2", "ARCHIVED-FIRST", { assignedAt: new Date("2023-03-01T23:59:59.999+07:00"), completionReportedAt: new Date("2023-03-09T00:00:00+07:00"), archivedAt: new Date("2023-03-04T00:00:00+07:00"), workFileCreatedAt: null });
    await addTask("C3", "AFTER-PERIOD", { assignedAt: new Date("2024-01-01T00:00:00+07:00"), completionReportedAt: null, archivedAt: null, workFileCreatedAt: null });

    for (let i = 0; i < 50; i += 1) {
      const dueAt = moment();
      let resolvedAt = random() < 0.15 ? dueAt : maybe();
      if (resolvedAt && resolvedAt < new Date("2022-11-01T00:00:00Z")) resolvedAt = null;
      const late = resolvedAt === null || resolvedAt > dueAt;
      await addCase(pick(UNITS), `K${i}`, dueAt, resolvedAt, late && random() < 0.7 ? moment() : null);
    }
    for (let i = 0; i < 50; i += 1) {
      await addTask(pick(UNITS), `T${i}`, { assignedAt: moment(), completionReportedAt: maybe(), archivedAt: maybe(), workFileCreatedAt: maybe() });
    }
  }, 120_000);
  afterAll(() => server?.close());

  it("holds every day's point equal to compliance(asOf:) at that day's last millisecond, board and units", async () => {
    const aliases = UNITS.map((u) => `${u}: progress(unitCode: "${u}", from: $from, until: $until) { day compliance { ${FIGURES} } }`).join("\n");
    const series = dataOf(await server.gql<{ directive: Record<string, { day: string; compliance: Record<string, unknown> }[]> }>(
      `query($id: ID!, $from: Date!, $until: Date!) { directive(id: $id) {
        board: progress(from: $from, until: $until) { day compliance { ${FIGURES} } }
        Z9: progress(unitCode: "Z9", from: $from, until: $until) { day compliance { ${FIGURES} } }
        ${aliases} } }`,
      { id: directiveId, from: FROM, until: UNTIL },
    )).directive;
    const length = Math.round((Date.parse(UNTIL) - Date.parse(FROM)) / DAY_MS) + 1;
    expect(series.board).toHaveLength(length);
    const window = scopeWindow("2023-01-01", "2023-12-31");
    const changes = new Set<string>();
    for (let i = 0; i < length; i += 1) {
      const day = addDays(FROM, i);
      const asOf = endOfDay(day);
      const expected = dataOf(await server.gql<{ directive: { compliance: Record<string, unknown>; units: { unit: { code: string }; compliance: Record<string, unknown> }[] } }>(
        `query($id: ID!, $at: DateTime) { directive(id: $id) { compliance(asOf: $at) { ${FIGURES} } units(asOf: $at) { unit { code } compliance { ${FIGURES} } } } }`,
        { id: directiveId, at: asOf.toISOString() },
      )).directive;
      expect(series.board[i], `board on ${day}`).toEqual({ day, compliance: expected.compliance });
      for (const row of expected.units) {
        expect(series[row.unit.code][i], `${row.unit.code} on ${day}`).toEqual({ day, compliance: row.compliance });
        // The API's compliance is itself held to the row-by-row rules; check the data behind it too.
        if (row.unit.code !== "Z9") {
          const reference = countCompliance(cases.get(row.unit.code) ?? [], tasks.get(row.unit.code) ?? [], window, asOf);
          expect(row.compliance).toMatchObject(reference);
        }
      }
      if (i > 0) changes.add(JSON.stringify(series.board[i].compliance) === JSON.stringify({ ...series.board[i - 1].compliance, asOf: series.board[i].compliance.asOf }) ? "same" : "changed");
    }
    // Not vacuous: the series moves, reaches both statuses below 1, and the boundary rows count.
    expect(changes).toEqual(new Set(["same", "changed"]));
    const statuses = new Set(series.board.map((p) => p.compliance.status));
    expect(statuses).toContain("IN_PROGRESS");
    expect(statuses).toContain("NON_COMPLIANT");
    const b2 = Object.fromEntries(series.B2.map((p) => [p.day, p.compliance]));
    expect(Number(b2["2023-11-18"].overdueCases)).toBeGreaterThan(Number(b2["2023-11-17"].overdueCases));
  }, 180_000);

  it("answers the forecast exactly as the contract defines it, every unit ordered by code", async () => {
    const window = scopeWindow("2023-01-01", "2023-12-31");
    const deadline = "2023-11-17";
    const outstanding = (unit: string, at: Date) => {
      const c = countCompliance(cases.get(unit) ?? [], tasks.get(unit) ?? [], window, at);
      return c.overdueCases - c.apologizedCases + (c.tasks - c.reportedTasks) + (c.tasks - c.filedTasks);
    };
    let risky = 0;
    let dated = 0;
    for (const [asOf, paceDays] of [["2023-11-10T10:00:00+07:00", 7], ["2023-11-18T00:00:00+07:00", 30], ["2023-06-20T12:00:00Z", 90], ["2024-01-05T00:00:00+07:00", 1], ["2023-03-10T00:00:00+07:00", null]] as const) {
      const data = dataOf(await server.gql<{ directive: { forecast: { unit: { code: string }; outstanding: number; closedPerDay: number; expectedDay: string | null; atRisk: boolean }[] } }>(
        `query($id: ID!, $at: DateTime, $pace: Int) { directive(id: $id) { forecast(asOf: $at, paceDays: $pace) { unit { code } outstanding closedPerDay expectedDay atRisk } } }`,
        { id: directiveId, at: asOf, pace: paceDays },
      ));
      const at = new Date(asOf);
      const pace = paceDays ?? 7;
      expect(data.directive.forecast.map((f) => f.unit.code)).toEqual(["A1", "B2", "C3", "Z9"]);
      for (const f of data.directive.forecast) {
        const now = outstanding(f.unit.code, at);
        const before = outstanding(f.unit.code, new Date(at.getTime() - pace * DAY_MS));
        const closedPerDay = Math.max(0, (before - now) / pace);
        const vietnamDay = (m: Date) => new Date(m.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
        const expectedDay = now === 0 ? vietnamDay(at) : closedPerDay > 0 ? vietnamDay(new Date(at.getTime() + Math.ceil(now / closedPerDay) * DAY_MS)) : null;
        const atRisk = now > 0 && (expectedDay === null || expectedDay > deadline);
        expect(f, `${f.unit.code} as of ${asOf}, pace ${pace}`).toEqual({ unit: { code: f.unit.code }, outstanding: now, closedPerDay, expectedDay, atRisk });
        if (atRisk) risky += 1;
        if (expectedDay && now > 0) dated += 1;
      }
    }
    expect(risky).toBeGreaterThan(0);
    expect(dated).toBeGreaterThan(0);
  });

  it("refuses a range over 400 days, an inverted range, an unknown unit and a pace outside 1..90", async () => {
    const progress = (from: string, until: string, unitCode?: string) =>
      server.gql(`query($id: ID!, $from: Date!, $until: Date!, $u: String) { directive(id: $id) { progress(unitCode: $u, from: $from, until: $until) { day } } }`, { id: directiveId, from, until, u: unitCode ?? null });
    expect(dataOf(await progress("2023-01-01", "2024-02-04")).directive.progress).toHaveLength(400);
    expect(errorCode(await progress("2023-01-01", "2024-02-05"))).toBe("BAD_USER_INPUT");
    expect(errorCode(await progress("2023-01-02", "2023-01-01"))).toBe("BAD_USER_INPUT");
    expect(errorCode(await progress("2023-02-30", "2023-03-01"))).toBe("BAD_USER_INPUT");
    expect(errorCode(await progress("2023-01-01", "2023-01-02", "NOPE"))).toBe("NOT_FOUND");
    const single = dataOf(await progress("2023-11-17", "2023-11-17", "A1")).directive.progress;
    expect(single).toEqual([{ day: "2023-11-17" }]);
    for (const pace of [0, 91, -1]) {
      const response = await server.gql(`query($id: ID!, $p: Int) { directive(id: $id) { forecast(paceDays: $p) { outstanding } } }`, { id: directiveId, p: pace });
      expect(errorCode(response), `paceDays ${pace}`).toBe("BAD_USER_INPUT");
    }
  });

  it("costs the same few statements for 2 days or 400, one unit or the board and every unit", async () => {
    const statements = async (query: string, variables: Record<string, unknown>) => {
      const before = server.statements();
      dataOf(await server.gql(query, variables));
      return server.statements() - before;
    };
    const board = `query($id: ID!, $from: Date!, $until: Date!) { directive(id: $id) { progress(from: $from, until: $until) { day compliance { rate } } } }`;
    // directive, the series.
    expect(await statements(board, { id: directiveId, from: "2023-11-01", until: "2023-11-02" })).toBe(2);
    expect(await statements(board, { id: directiveId, from: "2023-01-01", until: "2024-02-04" })).toBe(2);
    const everyUnit = `query($id: ID!) { directive(id: $id) { b: progress(from: "2023-01-01", until: "2024-02-04") { day }
      ${UNITS.map((u) => `${u}: progress(unitCode: "${u}", from: "2023-01-01", until: "2024-02-04") { day }`).join(" ")} } }`;
    // directive, one unit lookup per named unit, one series for all of them.
    expect(await statements(everyUnit, { id: directiveId })).toBe(2 + UNITS.length);
    // directive, units, two aggregates at asOf and two at asOf minus the pace.
    expect(await statements(`query($id: ID!) { directive(id: $id) { forecast(asOf: "2023-11-10T00:00:00Z") { unit { code } atRisk } } }`, { id: directiveId })).toBe(6);
  });
});
