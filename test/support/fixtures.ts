import type { TestServer } from "./test-server.js";
import { dataOf } from "./test-server.js";

export const DIRECTIVE_2023 = {
  number: "168/TB-BQL",
  subject: "V/v đôn đốc xin lỗi công khai và lập hồ sơ công việc",
  issuedOn: "2023-11-08",
  periodStart: "2023-01-01",
  periodEnd: "2023-12-31",
  deadline: "2023-11-17",
};

/** Creates units through the API (as an admin) and returns the directive id. */
export async function seedBasics(server: TestServer, units: [string, string, "DEPARTMENT" | "SERVICE_UNIT"][]): Promise<string> {
  for (const [code, name, kind] of units) {
    dataOf(await server.gql(`mutation($i: UnitInput!) { upsertUnit(input: $i) { id } }`, { i: { code, name, kind } }));
  }
  const created = dataOf(
    await server.gql<{ createDirective: { id: string } }>(`mutation($i: DirectiveInput!) { createDirective(input: $i) { id } }`, {
      i: DIRECTIVE_2023,
    }),
  );
  return created.createDirective.id;
}

/**
 * `count` cases of unit `unitCode` received 1 March 2023, due 10 March, never resolved (each overdue
 * without an apology), coded `${prefix}0001`… in order, imported as one CSV; fails unless all are created.
 */
export async function importOverdueCases(server: TestServer, prefix: string, count: number, unitCode: string): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(4, "0")},Thủ tục,Người nộp,${unitCode},01/03/2023,10/03/2023`);
  const csv = `code,procedure_name,applicant_name,unit_code,received_at,due_at\n${rows.join("\n")}\n`;
  const result = dataOf(await server.gql<{ importCases: { created: number; errorCount: number } }>(
    "mutation($csv: String!) { importCases(csv: $csv) { created errorCount } }",
    { csv },
  ));
  if (result.importCases.created !== count || result.importCases.errorCount !== 0) {
    throw new Error(`importOverdueCases: ${JSON.stringify(result.importCases)} for ${count} rows`);
  }
}

export async function upsertCase(server: TestServer, input: Record<string, unknown>, token?: string) {
  return server.gql(`mutation($i: CaseInput!) { upsertCase(input: $i) { id code resolvedAt } }`, { i: input }, token);
}

export async function upsertTask(server: TestServer, input: Record<string, unknown>, token?: string) {
  return server.gql(`mutation($i: HpNetTaskInput!) { upsertHpNetTask(input: $i) { id externalId } }`, { i: input }, token);
}

export async function issueApology(server: TestServer, input: Record<string, unknown>, token?: string) {
  return server.gql(`mutation($i: ApologyInput!) { issueApology(input: $i) { id number issuedAt issuedAfterDue case { code } } }`, { i: input }, token);
}

export function caseInput(code: string, unitCode: string, dueAt: string, resolvedAt: string | null = null, receivedAt = "2023-01-02T08:00:00+07:00") {
  return { code, procedureName: "Cấp giấy phép lao động", applicantName: "Nguyễn Văn An", unitCode, receivedAt, dueAt, resolvedAt };
}
