/** The parts of the contract's types the extension reads (see /schema.graphql). */
export type ComplianceStatus = "COMPLIANT" | "IN_PROGRESS" | "NON_COMPLIANT";
export type ReportFormat = "XLSX" | "CSV" | "MARKDOWN";
export type { ImportKind } from "@cchc/domain";

export interface Compliance {
  overdueCases: number;
  apologizedCases: number;
  apologyRate: number;
  tasks: number;
  reportedTasks: number;
  reportRate: number;
  filedTasks: number;
  fileRate: number;
  rate: number;
  status: ComplianceStatus;
}

export interface UnitSummary {
  id: string;
  code: string;
  name: string;
  kind: "DEPARTMENT" | "SERVICE_UNIT";
}

export interface DirectiveSummary {
  id: string;
  number: string;
  subject: string;
  issuedOn: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
}

export interface UnitCompliance {
  unit: UnitSummary;
  compliance: Compliance;
}

/** Directive.forecast: where a unit is heading at the pace of the last days. */
export interface UnitForecast {
  unit: { code: string };
  outstanding: number;
  closedPerDay: number;
  expectedDay: string | null;
  atRisk: boolean;
}

export interface DirectiveBoard extends DirectiveSummary {
  compliance: Compliance;
  units: UnitCompliance[];
  /** Absent from boards built by hand (tests) and from a server without Directive.forecast. */
  forecast?: UnitForecast[];
}

/** One point of Directive.progress: a day and its rate. */
export interface ProgressPoint {
  day: string;
  compliance: { rate: number };
}

export interface OutstandingCase {
  code: string;
  procedureName: string;
  dueAt: string;
  resolvedAt: string | null;
  timeliness: string;
  workingDaysLate: number;
}

export interface OutstandingTask {
  externalId: string;
  title: string;
  assignee: string | null;
  assignedAt: string;
  dueAt: string | null;
  completionReportedAt: string | null;
  archivedAt: string | null;
  workFileCode: string | null;
}

/** Directive.assignees: one person's HpNet figures within one unit. */
export interface AssigneeStats {
  unit: { code: string };
  assignee: string | null;
  tasks: number;
  reportedTasks: number;
  filedTasks: number;
  outstanding: number;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface ApiDocument {
  fileName: string;
  mimeType: string;
  /** GET it with the token (GraphQLClient.download) to stream the file to disk. */
  downloadPath: string;
}

export interface ImportError {
  line: number;
  column: string | null;
  message: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** The first 1,000 failing rows' errors, in line order. */
  errors: ImportError[];
  /** How many errors the whole file has (more than errors.length when the list was cut). */
  errorCount: number;
}
