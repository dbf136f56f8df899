import type { ComplianceFigures } from "../../domain/compliance.js";
import type { Timeliness } from "../../domain/timeliness.js";
import type { DirectiveFacts } from "../directive-facts.js";
import type { ProgressChartData } from "../../domain/progress-chart.js";
import type { AssigneeReportRow } from "./assignee-report.js";

export type UnitKind = "DEPARTMENT" | "SERVICE_UNIT";

export interface ReportUnitRow {
  unit: { code: string; name: string; kind: UnitKind };
  figures: ComplianceFigures;
  /** Of figures.apologizedCases, those issued after the case's due moment: counted, but flagged. */
  apologizedAfterDue: number;
}

/** A late case in the directive's scope with no apology as of the moment. */
export interface OutstandingCase {
  unitCode: string;
  caseCode: string;
  procedureName: string;
  applicantName: string;
  receivedAt: Date;
  dueAt: Date;
  /** Null while unresolved as of the moment. */
  resolvedAt: Date | null;
  timeliness: Timeliness;
  workingDaysLate: number;
}

/** An HpNet task in scope not reported (nor archived), or without a work file, as of the moment. */
export interface OutstandingTask {
  unitCode: string;
  externalId: string;
  title: string;
  assignee: string | null;
  assignedAt: Date;
  dueAt: Date | null;
  reported: boolean;
  filed: boolean;
}

/** The figures per unit and for the board: all the CSV report holds. */
export interface ComplianceFiguresSummary {
  directive: DirectiveFacts;
  asOf: Date;
  /** One row per unit, ordered by unit code. */
  units: ReportUnitRow[];
  /** All units together, as Directive.compliance gives it. */
  total: ComplianceFigures;
  totalApologizedAfterDue: number;
}

/** The consolidated report's head: the summary per unit and the sizes of the two lists (small, read first). */
export interface ComplianceReportSummary extends ComplianceFiguresSummary {
  outstandingCaseCount: number;
  outstandingTaskCount: number;
  /** HpNet figures per (unit, person), as Directive.assignees gives them (one row per person: small). */
  assignees: AssigneeReportRow[];
  /** The daily rates and at-risk forecasts behind the "Tiến độ" sheet and the Markdown's chart. */
  progress: ProgressChartData;
}

/**
 * What the XLSX, CSV and Markdown writers read: the summary, and the two long lists as streams read
 * from the database in batches as the file is written (each call starts a new read). A sheet or
 * section added to the report adds what it needs here, filled in document.service.ts.
 */
export interface ComplianceReportSource extends ComplianceReportSummary {
  /** With `unitCode`, that unit's list only; `batchSize`, rows read per statement (the reminder prints the first few). */
  outstandingCases(unitCode?: string, batchSize?: number): AsyncIterable<OutstandingCase>;
  outstandingTasks(unitCode?: string, batchSize?: number): AsyncIterable<OutstandingTask>;
}

/** The same report with the lists in memory (the reminder letter, samples, tests). */
export interface ComplianceReportModel {
  directive: DirectiveFacts;
  asOf: Date;
  /** One row per unit, ordered by unit code. */
  units: ReportUnitRow[];
  /** All units together, as Directive.compliance gives it. */
  total: ComplianceFigures;
  totalApologizedAfterDue: number;
  outstandingCases: OutstandingCase[];
  outstandingTasks: OutstandingTask[];
  /** HpNet figures per (unit, person), as Directive.assignees gives them. */
  assignees: AssigneeReportRow[];
  progress: ProgressChartData;
}

export const UNIT_KIND_TEXT: Record<UnitKind, string> = {
  DEPARTMENT: "Phòng chuyên môn",
  SERVICE_UNIT: "Đơn vị sự nghiệp",
};

export const STATUS_TEXT: Record<ComplianceFigures["status"], string> = {
  COMPLIANT: "Đã hoàn thành",
  IN_PROGRESS: "Đang thực hiện",
  NON_COMPLIANT: "Không hoàn thành đúng hạn",
};

export const TIMELINESS_TEXT: Record<Timeliness, string> = {
  EARLY: "Trước hạn",
  ON_TIME: "Đúng hạn",
  LATE: "Quá hạn",
  IN_PROGRESS: "Đang xử lý trong hạn",
  OVERDUE: "Đang xử lý quá hạn",
};

/** The summary's columns, shared by the three formats so they never disagree. */
export const SUMMARY_HEADERS = {
  code: "Mã đơn vị",
  name: "Tên đơn vị",
  kind: "Loại",
  overdueCases: "Hồ sơ quá hạn",
  apologizedCases: "Đã xin lỗi",
  apologyRate: "Tỷ lệ xin lỗi",
  tasks: "Công việc HpNet",
  reportedTasks: "Đã báo cáo/lưu trữ",
  reportRate: "Tỷ lệ báo cáo",
  filedTasks: "Đã lập hồ sơ",
  fileRate: "Tỷ lệ lập hồ sơ",
  rate: "Tỷ lệ chung",
  status: "Trạng thái",
  apologizedAfterDue: "Xin lỗi sau hạn",
} as const;

export const TOTAL_LABEL = "Toàn Ban";

/**
 * A unit's (or the board's) counts and rates in SUMMARY_HEADERS' order, the status left to each
 * format; `rate` writes a rate as the format shows it (a 0..1 number for CSV and XLSX, text for Markdown).
 */
export function figureCells(
  f: ComplianceFigures,
  rate: (value: number) => string | number = (value) => value,
): (string | number)[] {
  return [
    f.overdueCases,
    f.apologizedCases,
    rate(f.apologyRate),
    f.tasks,
    f.reportedTasks,
    rate(f.reportRate),
    f.filedTasks,
    rate(f.fileRate),
    rate(f.rate),
  ];
}

/** An in-memory model as a report source. */
export function reportSourceOf(m: ComplianceReportModel): ComplianceReportSource {
  return {
    ...m,
    outstandingCaseCount: m.outstandingCases.length,
    outstandingTaskCount: m.outstandingTasks.length,
    outstandingCases: async function* (unitCode?: string) {
      yield* m.outstandingCases.filter((c) => unitCode === undefined || c.unitCode === unitCode);
    },
    outstandingTasks: async function* (unitCode?: string) {
      yield* m.outstandingTasks.filter((t) => unitCode === undefined || t.unitCode === unitCode);
    },
  };
}
