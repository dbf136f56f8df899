import fc from "fast-check";
import { badText, badValueFor, wrongType } from "./malformed-inputs.js";

type FieldType = Parameters<typeof badValueFor>[0];

/** One mutation of the API: its text, variables that are valid on the seeded data, and each variable's type. */
export interface MutationTarget {
  name: string;
  query: string;
  /** Valid variables; `input.` fields are inside the input object. */
  valid: Record<string, unknown>;
  fields: Record<string, FieldType>;
}

const IMPORT_FIELDS = "{ created updated unchanged errors { line message } }";

/**
 * Every mutation that takes an input (resetLetterTexts takes none). The valid variables name records the
 * seed (test/fuzz/fuzz-seed.ts) holds, so a refusal comes from the malformed field, not from a missing key.
 */
export const MUTATIONS: MutationTarget[] = [
  {
    name: "upsertUnit",
    query: "mutation($input: UnitInput!) { upsertUnit(input: $input) { id } }",
    valid: { input: { code: "FZU", name: "Đơn vị thử", kind: "DEPARTMENT" } },
    fields: { "input.code": "String", "input.name": "String", "input.kind": "Enum" },
  },
  {
    name: "createDirective",
    query: "mutation($input: DirectiveInput!) { createDirective(input: $input) { id } }",
    valid: { input: { number: "99/TB-FZ", subject: "Thử", issuedOn: "2024-01-02", periodStart: "2024-01-01", periodEnd: "2024-06-30", deadline: "2024-07-15" } },
    fields: { "input.number": "String", "input.subject": "String", "input.issuedOn": "Date", "input.periodStart": "Date", "input.periodEnd": "Date", "input.deadline": "Date" },
  },
  {
    name: "upsertCase",
    query: "mutation($input: CaseInput!) { upsertCase(input: $input) { id } }",
    valid: { input: { code: "FZ-CASE", procedureName: "Cấp phép", applicantName: "Trần Thị Thử", unitCode: "VP", receivedAt: "2023-03-01T08:00:00+07:00", dueAt: "2023-03-10T17:00:00+07:00", resolvedAt: null } },
    fields: { "input.code": "String", "input.procedureName": "String", "input.applicantName": "String", "input.unitCode": "String", "input.receivedAt": "DateTime", "input.dueAt": "DateTime", "input.resolvedAt": "DateTime" },
  },
  {
    name: "issueApology",
    query: "mutation($input: ApologyInput!) { issueApology(input: $input) { id } }",
    valid: { input: { caseCode: "LATE-OPEN", number: "1/PXL-FZ", issuedAt: "2023-03-20T09:00:00+07:00", reason: "Chờ ý kiến", newDueAt: "2023-03-30T17:00:00+07:00", signer: "Nguyễn Văn Ký" } },
    fields: { "input.caseCode": "String", "input.number": "String", "input.issuedAt": "DateTime", "input.reason": "String", "input.newDueAt": "DateTime", "input.signer": "String" },
  },
  {
    name: "publishApology",
    query: "mutation($id: ID!, $publishedAt: DateTime, $via: String) { publishApology(id: $id, publishedAt: $publishedAt, via: $via) { id } }",
    valid: { id: "1", publishedAt: "2023-03-25T09:00:00+07:00", via: "Cổng thông tin" },
    fields: { id: "ID", publishedAt: "DateTime", via: "String" },
  },
  {
    name: "upsertHpNetTask",
    query: "mutation($input: HpNetTaskInput!) { upsertHpNetTask(input: $input) { id } }",
    valid: { input: { externalId: "FZ-TASK", title: "Việc thử", unitCode: "VP", assignee: null, assignedAt: "2023-03-01T08:00:00+07:00", dueAt: null, completionReportedAt: null, archivedAt: null, workFileCode: null, workFileCreatedAt: null } },
    fields: {
      "input.externalId": "String",
      "input.title": "String",
      "input.unitCode": "String",
      "input.assignee": "String",
      "input.assignedAt": "DateTime",
      "input.dueAt": "DateTime",
      "input.completionReportedAt": "DateTime",
      "input.archivedAt": "DateTime",
      "input.workFileCode": "String",
      "input.workFileCreatedAt": "DateTime",
    },
  },
  {
    name: "upsertHoliday",
    query: "mutation($input: HolidayInput!) { upsertHoliday(input: $input) { date } }",
    valid: { input: { date: "2031-09-02", kind: "HOLIDAY", name: "Quốc khánh" } },
    fields: { "input.date": "Date", "input.kind": "Enum", "input.name": "String" },
  },
  {
    name: "deleteHoliday",
    query: "mutation($date: Date!) { deleteHoliday(date: $date) }",
    valid: { date: "2031-09-03" },
    fields: { date: "Date" },
  },
  {
    name: "createApiToken",
    query: "mutation($input: ApiTokenInput!) { createApiToken(input: $input) { token { id } } }",
    valid: { input: { name: "fuzz", role: "OFFICER", unitCode: "VP" } },
    fields: { "input.name": "String", "input.role": "Enum", "input.unitCode": "String" },
  },
  {
    name: "revokeApiToken",
    query: "mutation($id: ID!) { revokeApiToken(id: $id) { id } }",
    valid: { id: "999999" },
    fields: { id: "ID" },
  },
  {
    name: "updateLetterTexts",
    query: "mutation($json: String!) { updateLetterTexts(json: $json) }",
    valid: { json: "{\"agency\": {\"place\": \"Hải Phòng\"}}" },
    fields: { json: "String" },
  },
  ...(["importCases", "importApologies", "importHpNetTasks"] as const).map((name) => ({
    name,
    query: `mutation($csv: String!, $dryRun: Boolean) { ${name}(csv: $csv, dryRun: $dryRun) ${IMPORT_FIELDS} }`,
    valid: { csv: "", dryRun: false },
    fields: { csv: "String", dryRun: "Boolean" } as Record<string, FieldType>,
  })),
  ...(["importCasesXlsx", "importApologiesXlsx", "importHpNetTasksXlsx"] as const).map((name) => ({
    name,
    query: `mutation($file: String!, $dryRun: Boolean) { ${name}(contentBase64: $file, dryRun: $dryRun) ${IMPORT_FIELDS} }`,
    valid: { file: "", dryRun: false },
    fields: { file: "String", dryRun: "Boolean" } as Record<string, FieldType>,
  })),
];

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, tail] = path.split(".");
  if (tail === undefined) {
    if (value === undefined) delete target[head];
    else target[head] = value;
    return;
  }
  const inner = { ...(target[head] as Record<string, unknown>) };
  if (value === undefined) delete inner[tail];
  else inner[tail] = value;
  target[head] = inner;
}

/**
 * This mutation called with one to three of its variables malformed (a bad value, or left out), or with a
 * whole variable of the wrong shape.
 */
export function malformedCallOf(target: MutationTarget): fc.Arbitrary<Record<string, unknown>> {
  const paths = Object.keys(target.fields);
  const fieldEdits = fc
    .uniqueArray(fc.constantFrom(...paths), { minLength: 1, maxLength: Math.min(3, paths.length) })
    .chain((chosen) =>
      fc.tuple(...chosen.map((path) => fc.oneof({ weight: 6, arbitrary: badValueFor(target.fields[path]) }, { weight: 1, arbitrary: fc.constant(undefined) }))).map((values) => {
        const variables = structuredClone(target.valid);
        chosen.forEach((path, i) => setPath(variables, path, values[i]));
        return variables;
      }),
    );
  const wholeVariable = Object.keys(target.valid).includes("input")
    ? [fc.oneof(wrongType, badText).map((input) => ({ ...target.valid, input }))]
    : [];
  return fc.oneof(fieldEdits, ...wholeVariable);
}
