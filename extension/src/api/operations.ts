/** Every operation the extension sends, written against docs/contract.graphql. */
const COMPLIANCE = `overdueCases apologizedCases apologyRate tasks reportedTasks reportRate filedTasks fileRate rate status`;
const DIRECTIVE = `id number subject issuedOn periodStart periodEnd deadline`;
const FORECAST = `forecast { unit { code } outstanding closedPerDay expectedDay atRisk }`;
const BOARD = `${DIRECTIVE} compliance { ${COMPLIANCE} } units { unit { id code name kind } compliance { ${COMPLIANCE} } } ${FORECAST}`;

/** Cheap, but needs a valid token: what Sign In checks before storing one. */
export const WHO_AM_I = `query CchcSignInCheck { directives { id } }`;

export const DIRECTIVES = `query CchcDirectives { directives { ${DIRECTIVE} } }`;
export const LATEST_BOARD = `query CchcLatestBoard { latestDirective { ${BOARD} } }`;
export const BOARD_BY_ID = `query CchcBoard($id: ID!) { directive(id: $id) { ${BOARD} } }`;

export const OUTSTANDING_CASES = `query CchcOutstandingCases($filter: CaseFilter, $first: Int, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { code procedureName dueAt resolvedAt timeliness workingDaysLate } }
  }
}`;

export const OUTSTANDING_TASKS = `query CchcOutstandingTasks($filter: HpNetTaskFilter, $first: Int, $after: String) {
  hpnetTasks(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { externalId title assignee assignedAt dueAt completionReportedAt archivedAt workFileCode } }
  }
}`;

export const ASSIGNEES = `query CchcAssignees($id: ID!, $unitCode: String) {
  directive(id: $id) { assignees(unitCode: $unitCode) { unit { code } assignee tasks reportedTasks filedTasks outstanding } }
}`;

/** A document's name, type and the GET path that streams it: its bytes are downloaded, never inlined. */
const DOCUMENT = `fileName mimeType downloadPath`;
export const APOLOGY_LETTER = `query CchcApologyLetter($caseCode: String!) { apologyLetter(caseCode: $caseCode) { ${DOCUMENT} } }`;
export const APOLOGY_LETTERS = `query CchcApologyLetters($directiveId: ID!, $unitCode: String) {
  apologyLetters(directiveId: $directiveId, unitCode: $unitCode) { ${DOCUMENT} }
}`;
export const COMPLIANCE_REPORT = `query CchcComplianceReport($directiveId: ID!, $format: ReportFormat!, $asOf: DateTime) {
  complianceReport(directiveId: $directiveId, format: $format, asOf: $asOf) { ${DOCUMENT} }
}`;
/** The Markdown report's chart (SVG), named as the report of the same asOf links it. */
export const COMPLIANCE_REPORT_CHART = `query CchcComplianceReportChart($directiveId: ID!, $asOf: DateTime) {
  complianceReportChart(directiveId: $directiveId, asOf: $asOf) { ${DOCUMENT} }
}`;
export const REMINDER_LETTER = `query CchcReminderLetter($directiveId: ID!, $asOf: DateTime) {
  reminderLetter(directiveId: $directiveId, asOf: $asOf) { ${DOCUMENT} }
}`;

const IMPORT_RESULT = `created updated unchanged errorCount errors { line column message }`;
/** CSV text, or an .xlsx workbook's bytes in base64 (the server's *Xlsx mutations read its first sheet). */
function importMutations(field: string, name: string) {
  return {
    field,
    csv: `mutation CchcImport${name}($csv: String!) { ${field}(csv: $csv) { ${IMPORT_RESULT} } }`,
    xlsxField: `${field}Xlsx`,
    xlsx: `mutation CchcImport${name}Xlsx($contentBase64: String!) { ${field}Xlsx(contentBase64: $contentBase64) { ${IMPORT_RESULT} } }`,
  };
}

export const IMPORT_MUTATIONS = {
  cases: importMutations("importCases", "Cases"),
  apologies: importMutations("importApologies", "Apologies"),
  tasks: importMutations("importHpNetTasks", "HpNetTasks"),
} as const;
