import type { Writable } from "node:stream";
import type { DataSource } from "typeorm";
import { WorkingCalendar } from "../domain/calendar.js";
import { complianceFigures, type ComplianceCounts } from "../domain/compliance.js";
import { timelinessAsOf, workingDaysLate } from "../domain/timeliness.js";
import { Apology } from "../entities/apology.entity.js";
import { Case } from "../entities/case.entity.js";
import { Directive } from "../entities/directive.entity.js";
import { Holiday } from "../entities/holiday.entity.js";
import { Unit } from "../entities/unit.entity.js";
import { NotFoundError } from "../core/errors.js";
import { unitsByCode } from "../services/units.js";
import { caseOrNotFound } from "../services/lookups.js";
import { boardCounts, complianceCountsByUnit, countsOf } from "../services/compliance.sql.js";
import { assigneeStats } from "../services/assignee-stats.sql.js";
import { assigneeOutstanding } from "../domain/assignee-stats.js";
import {
  apologiesAfterDueByUnit,
  casesWithApologyInScope,
  countCasesWithApologyInScope,
  outstandingCaseRows,
  outstandingCounts,
  outstandingCountsByUnit,
  outstandingTaskRows,
} from "../services/outstanding.js";
import { smallestLetterBytes, writeApologyZip } from "./archive/apology-zip.js";
import type { DirectiveFacts } from "./directive-facts.js";
import {
  MIME_TYPES,
  apologyFileName,
  apologyZipFileName,
  reminderFileName,
  reportFileName,
} from "./document-file.js";
import { buildApologyLetter, type ApologyLetterModel } from "./letters/apology-letter.js";
import { APPENDIX_ROWS_PER_LIST, buildReminderLetter, type ReminderLetterModel, type ReminderPersonItem } from "./letters/reminder-letter.js";
import { csvReport } from "./reports/csv-report.js";
import { markdownReport } from "./reports/markdown-report.js";
import type {
  ComplianceReportModel,
  ComplianceReportSource,
  ComplianceFiguresSummary,
  UnitKind,
} from "./reports/report.model.js";
import { writeXlsxReport } from "./reports/xlsx-report.js";
import { writeText } from "./stream-output.js";
import { downloadPathOf, writeBytes, type StreamedDocument } from "./streamed-document.js";
import { progressChartData } from "./charts/progress-chart.data.js";
import { loadLetterTexts } from "./texts/letter-texts.store.js";

/**
 * Gathers each document's model from the database and builds the file. Shared by the GraphQL
 * resolver (base64 in a Document) and the HTTP download route (streamed), so both give the
 * same bytes and the same NOT_FOUND for an unknown key.
 */
export type ReportFormatName = "XLSX" | "CSV" | "MARKDOWN";

function letterModel(row: Case, apology: Apology, unit: Unit): ApologyLetterModel {
  return {
    caseCode: row.code,
    procedureName: row.procedureName,
    applicantName: row.applicantName,
    unitCode: unit.code,
    unitName: unit.name,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    apology: {
      number: apology.number,
      issuedAt: apology.issuedAt,
      reason: apology.reason,
      newDueAt: apology.newDueAt,
      signer: apology.signer,
    },
  };
}

export async function apologyLetterModel(db: DataSource, caseCode: string): Promise<ApologyLetterModel> {
  const row = await caseOrNotFound(db, caseCode);
  const apology = await db.getRepository(Apology).findOneBy({ caseId: row.id });
  if (!apology) throw new NotFoundError(`Case "${row.code}" has no apology yet; issue one with issueApology first.`);
  const unit = await db.getRepository(Unit).findOneByOrFail({ id: row.unitId });
  return letterModel(row, apology, unit);
}

/** One case's letter: built when asked (a few kilobytes). */
export async function apologyLetterDocument(db: DataSource, caseCode: string): Promise<StreamedDocument> {
  const model = await apologyLetterModel(db, caseCode);
  return {
    fileName: apologyFileName(model.caseCode),
    mimeType: MIME_TYPES.docx,
    downloadPath: downloadPathOf("/documents/apology-letter", { caseCode: model.caseCode }),
    write: async (output) => writeBytes(output, await buildApologyLetter(model, await loadLetterTexts(db))),
  };
}

async function* scopeLetters(db: DataSource, directive: Directive, unit: Unit | null): AsyncGenerator<ApologyLetterModel> {
  for await (const { row, apology, unit: owner } of casesWithApologyInScope(db, directive, unit?.id)) {
    yield letterModel(row, apology, owner);
  }
}

/** Every letter of a scope as a .zip, streamed entry by entry from the rows; its least size from one COUNT. */
export function apologyLettersDocument(db: DataSource, directive: Directive, unit: Unit | null): StreamedDocument {
  return {
    fileName: apologyZipFileName(directive.number, unit?.code),
    mimeType: MIME_TYPES.zip,
    downloadPath: downloadPathOf("/documents/apology-letters", { directiveId: String(directive.id), unitCode: unit?.code }),
    write: async (output) => writeApologyZip(scopeLetters(db, directive, unit), await loadLetterTexts(db), output),
    sizeAtLeast: async () => {
      const [count, smallest] = await Promise.all([
        countCasesWithApologyInScope(db, directive, unit?.id),
        loadLetterTexts(db).then(smallestLetterBytes),
      ]);
      return count * smallest;
    },
  };
}

function directivePart(d: Directive): DirectiveFacts {
  return {
    number: d.number,
    subject: d.subject,
    issuedOn: d.issuedOn,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    deadline: d.deadline,
  };
}

/** Figures per unit and for the board, from the same SQL aggregates as the API's Compliance. */
async function figuresByUnit(db: DataSource, directive: Directive, asOf: Date, counts: Promise<Map<number, ComplianceCounts>>) {
  const [units, byUnit] = await Promise.all([unitsByCode(db), counts]);
  return {
    rows: units.map((unit) => ({
      unitId: unit.id,
      unit: { code: unit.code, name: unit.name, kind: unit.kind as UnitKind },
      figures: complianceFigures(countsOf(byUnit, unit.id), asOf, directive.deadline),
    })),
    total: complianceFigures(boardCounts(byUnit), asOf, directive.deadline),
  };
}

/**
 * The report's source: the summary read now (a few small statements), the two lists as streams
 * read in batches while the file is written.
 */
export async function complianceReportSource(db: DataSource, directive: Directive, asOf: Date): Promise<ComplianceReportSource> {
  const query = { directive, asOf };
  // The counts as of the moment serve the summary and the chart's forecast: read once.
  const countsNow = complianceCountsByUnit(db, directive, asOf);
  const [summary, holidays, counts, people, progress] = await Promise.all([
    complianceReportSummary(db, directive, asOf, countsNow),
    db.getRepository(Holiday).find(),
    outstandingCounts(db, query),
    assigneeStats(db, directive, asOf),
    progressChartData(db, directive, asOf, countsNow),
  ]);
  const calendar = new WorkingCalendar(holidays);
  return {
    ...summary,
    outstandingCaseCount: counts.cases,
    outstandingTaskCount: counts.tasks,
    assignees: people.map((p) => ({
      unitCode: p.unit.code,
      unitName: p.unit.name,
      assignee: p.assignee,
      tasks: p.tasks,
      reportedTasks: p.reportedTasks,
      filedTasks: p.filedTasks,
      outstanding: assigneeOutstanding(p),
    })),
    progress,
    async *outstandingCases(onlyUnit?: string, batchSize?: number) {
      for await (const { row, unitCode } of outstandingCaseRows(db, { ...query, unitCode: onlyUnit }, batchSize)) {
        yield {
          unitCode,
          caseCode: row.code,
          procedureName: row.procedureName,
          applicantName: row.applicantName,
          receivedAt: row.receivedAt,
          dueAt: row.dueAt,
          resolvedAt: row.resolvedAt !== null && row.resolvedAt.getTime() <= asOf.getTime() ? row.resolvedAt : null,
          timeliness: timelinessAsOf(row, asOf),
          workingDaysLate: workingDaysLate(row, asOf, calendar),
        };
      }
    },
    async *outstandingTasks(onlyUnit?: string, batchSize?: number) {
      for await (const { row, unitCode, reported, filed } of outstandingTaskRows(db, { ...query, unitCode: onlyUnit }, batchSize)) {
        yield {
          unitCode,
          externalId: row.externalId,
          title: row.title,
          assignee: row.assignee,
          assignedAt: row.assignedAt,
          dueAt: row.dueAt,
          reported,
          filed,
        };
      }
    },
  };
}

/** The report's summary only (the CSV report): the figures per unit and the board, the apologies after due. */
export async function complianceReportSummary(
  db: DataSource,
  directive: Directive,
  asOf: Date,
  countsNow: Promise<Map<number, ComplianceCounts>> = complianceCountsByUnit(db, directive, asOf),
): Promise<ComplianceFiguresSummary> {
  const [{ rows, total }, afterDue] = await Promise.all([
    figuresByUnit(db, directive, asOf, countsNow),
    apologiesAfterDueByUnit(db, { directive, asOf }),
  ]);
  return {
    directive: directivePart(directive),
    asOf,
    units: rows.map(({ unitId, ...row }) => ({ ...row, apologizedAfterDue: afterDue.get(unitId) ?? 0 })),
    total,
    totalApologizedAfterDue: [...afterDue.values()].reduce((a, b) => a + b, 0),
  };
}

const REPORT_EXTENSIONS = { XLSX: "xlsx", CSV: "csv", MARKDOWN: "md" } as const;

export function reportMeta(format: ReportFormatName, asOf: Date): { fileName: string; mimeType: string } {
  const extension = REPORT_EXTENSIONS[format];
  return { fileName: reportFileName(asOf, extension), mimeType: MIME_TYPES[extension] };
}

/** Streams the report in `format` into `output` (an HTTP response, a counting sink) and ends it. */
export async function writeComplianceReport(
  db: DataSource,
  directive: Directive,
  format: ReportFormatName,
  asOf: Date,
  output: Writable,
): Promise<void> {
  // The CSV report is the summary alone: the lists, people and chart are not read for it.
  if (format === "CSV") return writeText(csvReport(await complianceReportSummary(db, directive, asOf)), output);
  const source = await complianceReportSource(db, directive, asOf);
  if (format === "XLSX") await writeXlsxReport(source, output);
  else await writeText(markdownReport(source), output);
}

/** The report in `format`, streamed from the database when written. */
export function complianceReportDocument(
  db: DataSource,
  directive: Directive,
  format: ReportFormatName,
  asOf: Date,
): StreamedDocument {
  return {
    ...reportMeta(format, asOf),
    downloadPath: downloadPathOf("/documents/compliance-report", {
      directiveId: String(directive.id),
      format,
      asOf: asOf.toISOString(),
    }),
    write: (output) => writeComplianceReport(db, directive, format, asOf, output),
  };
}

/**
 * The reminder's model. The appendix lists each unit's first APPENDIX_ROWS_PER_LIST items of each list
 * and counts the rest: a city-wide year owes hundreds of thousands, which belong in the report (a
 * letter of them never finished). Each unit's lists are read only as far as they are printed, and
 * what is left out is counted by two grouped COUNTs: reading every owed row to count it took 39 s and
 * a 559 MiB server at 1,000,000 cases.
 */
export async function reminderLetterModel(db: DataSource, directive: Directive, asOf: Date): Promise<ReminderLetterModel> {
  const [report, counts] = await Promise.all([complianceReportSource(db, directive, asOf), outstandingCountsByUnit(db, { directive, asOf })]);
  const owing = report.units.filter(({ figures }) => figures.rate < 1);
  const units: ReminderLetterModel["units"] = [];
  for (const { unit, figures: f } of owing) {
    const people = peopleOwing(report, unit.code);
    const owed = counts.get(unit.code) ?? { cases: 0, tasks: 0 };
    const cases = await firstItems(report.outstandingCases(unit.code, APPENDIX_ROWS_PER_LIST));
    const tasks = await firstItems(report.outstandingTasks(unit.code, APPENDIX_ROWS_PER_LIST));
    units.push({
      unitCode: unit.code,
      unitName: unit.name,
      casesWithoutApology: f.overdueCases - f.apologizedCases,
      tasksNotReported: f.tasks - f.reportedTasks,
      tasksNotFiled: f.tasks - f.filedTasks,
      rate: f.rate,
      cases,
      tasks,
      people: people.slice(0, APPENDIX_ROWS_PER_LIST),
      ...leftOut("casesLeftOut", owed.cases - cases.length),
      ...leftOut("tasksLeftOut", owed.tasks - tasks.length),
      ...leftOut("peopleLeftOut", people.length - APPENDIX_ROWS_PER_LIST),
      ...atRiskOf(report, unit.code),
    });
  }
  return { directive: report.directive, asOf, units };
}

function leftOut<K extends string>(key: K, count: number): Partial<Record<K, number>> {
  return count > 0 ? ({ [key]: count } as Record<K, number>) : {};
}

/** A list's first APPENDIX_ROWS_PER_LIST items; leaving the loop early ends the list's reading. */
async function firstItems<T>(items: AsyncIterable<T>): Promise<T[]> {
  const kept: T[] = [];
  for await (const item of items) {
    kept.push(item);
    if (kept.length === APPENDIX_ROWS_PER_LIST) break;
  }
  return kept;
}

/** The unit's forecast when it is at risk (the report's chart data carries Directive.forecast's verdict). */
function atRiskOf(report: Pick<ComplianceReportModel, "progress">, unitCode: string): { atRisk?: { expectedDay: string | null } } {
  const atRisk = report.progress.units.find((u) => u.code === unitCode)?.atRisk;
  return atRisk ? { atRisk } : {};
}

/** A unit's people with outstanding HpNet tasks, worst first, then in the report's order. */
function peopleOwing(report: Pick<ComplianceReportModel, "assignees">, unitCode: string): ReminderPersonItem[] {
  return report.assignees
    .filter((p) => p.unitCode === unitCode && p.outstanding > 0)
    .sort((a, b) => b.outstanding - a.outstanding)
    .map((p) => ({
      assignee: p.assignee,
      tasks: p.tasks,
      notReported: p.tasks - p.reportedTasks,
      notFiled: p.tasks - p.filedTasks,
    }));
}

/** Thrown when every unit is at 100%: a reminder addressed to nobody is not a letter. */
export class NothingToRemindError extends Error {}

/**
 * The reminder: built at once (whether anyone is owed a reminder decides between the letter and
 * CONFLICT), held as bytes until asked for.
 */
export async function reminderLetterDocument(db: DataSource, directive: Directive, asOf: Date): Promise<StreamedDocument> {
  const model = await reminderLetterModel(db, directive, asOf);
  if (model.units.length === 0) throw new NothingToRemindError();
  const bytes = await buildReminderLetter(model, await loadLetterTexts(db));
  return {
    fileName: reminderFileName(asOf),
    mimeType: MIME_TYPES.docx,
    downloadPath: downloadPathOf("/documents/reminder-letter", { directiveId: String(directive.id), asOf: asOf.toISOString() }),
    write: (output) => writeBytes(output, bytes),
  };
}
