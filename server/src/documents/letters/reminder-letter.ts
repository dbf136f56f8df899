import type { FileChild } from "docx";
import { isPastDeadline } from "../../domain/compliance.js";
import type { Timeliness } from "../../domain/timeliness.js";
import { vietnamDayOf } from "../../domain/vietnam-time.js";
import type { DirectiveFacts } from "../directive-facts.js";
import { TIMELINESS_TEXT } from "../reports/report.model.js";
import { interpolate } from "../texts/interpolate.js";
import type { LetterTexts } from "../texts/letter-texts.js";
import {
  bodyParagraph,
  closingParagraphs,
  headerBlock,
  packDecree30,
  salutationList,
  signatureBlock,
  spacer,
} from "./decree30.js";
import { SIZE_12 } from "./letter-style.js";
import { appendixHeading, gridTable, labelLine, leadLine } from "./letter-tables.js";
import { TextRowTables, type GridTables } from "./text-rows.js";
import { dayText, momentDayText, momentTimeText, percentText, placeAndDate } from "./vietnamese-format.js";

/**
 * The appendix lists at most this many items of each list per unit, then says how many more the
 * report holds: a letter is read by people, and a city-wide year's hundreds of thousands of items
 * would make one that is never finished (it was not, at 100,000 cases).
 */
export const APPENDIX_ROWS_PER_LIST = 100;

/** One unit below 100% and what it still owes as of the moment. */
export interface ReminderUnitRow {
  unitCode: string;
  unitName: string;
  casesWithoutApology: number;
  tasksNotReported: number;
  tasksNotFiled: number;
  /** The Compliance rate, 0..1. */
  rate: number;
  /** The items behind the counts, listed in the appendix; no appendix when every unit's lists are absent. */
  cases?: ReminderCaseItem[];
  tasks?: ReminderTaskItem[];
  /** The unit's people with outstanding HpNet tasks, worst first. */
  people?: ReminderPersonItem[];
  /** How many items each list left out beyond the appendix's cap (APPENDIX_ROWS_PER_LIST). */
  casesLeftOut?: number;
  tasksLeftOut?: number;
  peopleLeftOut?: number;
  /** At risk of missing the deadline at its recent pace (Directive.forecast): its expected day, or null when it made no progress. */
  atRisk?: { expectedDay: string | null };
}

/** One person's HpNet tasks in scope that still lack a report or a work file. */
export interface ReminderPersonItem {
  /** Null: the tasks carry no assignee. */
  assignee: string | null;
  tasks: number;
  notReported: number;
  notFiled: number;
}

export interface ReminderCaseItem {
  caseCode: string;
  procedureName: string;
  dueAt: Date;
  timeliness: Timeliness;
  workingDaysLate: number;
}

export interface ReminderTaskItem {
  externalId: string;
  title: string;
  assignedAt: Date;
  reported: boolean;
  filed: boolean;
}

export interface ReminderLetterModel {
  directive: DirectiveFacts;
  asOf: Date;
  /** Only the units below 100%, ordered by code. */
  units: ReminderUnitRow[];
}

/** "V/v triển khai …" reads "về việc triển khai …" inside a sentence. */
function subjectInSentence(subject: string): string {
  const bare = subject.replace(/^\s*V\/v\s+/i, "").replace(/[.\s]+$/, "");
  const [first, second] = [...bare];
  if (first && second && second === second.toLowerCase() && second !== second.toUpperCase()) {
    return first.toLowerCase() + bare.slice(first.length);
  }
  return bare;
}

export function reminderValues(m: ReminderLetterModel, texts: LetterTexts): Record<string, string> {
  return {
    agencyName: texts.agency.agencyName,
    directiveNumber: m.directive.number,
    directiveSubject: subjectInSentence(m.directive.subject),
    directiveIssuedOn: dayText(m.directive.issuedOn),
    deadline: dayText(m.directive.deadline),
    periodStart: dayText(m.directive.periodStart),
    periodEnd: dayText(m.directive.periodEnd),
    asOfDate: dayText(vietnamDayOf(m.asOf)),
    asOfTime: momentTimeText(m.asOf),
    unitCount: String(m.units.length),
  };
}

/**
 * Văn bản đôn đốc: a công văn from the Authority to the units below 100%, with what each still
 * owes. The number is left blank before the symbol: the Office registers it when it is signed.
 * The appendix's tables (up to ~6,000 rows) have their rows written as text (text-rows.ts);
 * `tables` is docxGridTables only in the test that holds both ways equal.
 */
export async function buildReminderLetter(
  m: ReminderLetterModel,
  texts: LetterTexts,
  tables: GridTables = new TextRowTables(),
): Promise<Buffer> {
  if (m.units.length === 0) throw new Error("A reminder needs at least one unit below 100%");
  const r = texts.reminder;
  const values = reminderValues(m, texts);
  const fill = (t: string): string => interpolate(t, values);
  const request = isPastDeadline(m.asOf, m.directive.deadline) ? r.requestAfterDeadline : r.requestBeforeDeadline;
  const h = r.tableHeaders;
  const table = gridTable(
    [h.order, h.unit, h.casesWithoutApology, h.tasksNotReported, h.tasksNotFiled, h.rate].map(fill),
    m.units.map((u, i) => [
      String(i + 1),
      u.unitName,
      String(u.casesWithoutApology),
      String(u.tasksNotReported),
      String(u.tasksNotFiled),
      percentText(u.rate),
    ]),
    [10, 72, 22, 24, 22, 19],
  );
  const children: FileChild[] = [
    headerBlock({
      parentAgency: texts.agency.parentAgency,
      agency: texts.agency.agency,
      number: `      ${fill(r.numberSymbol)}`,
      subject: fill(r.subject),
      nationalName: texts.agency.nationalName,
      motto: texts.agency.motto,
      placeAndDate: placeAndDate(texts.agency.place, vietnamDayOf(m.asOf)),
    }),
    ...salutationList(fill(r.salutation), m.units.map((u) => u.unitName)),
    ...r.introParagraphs.map((p) => bodyParagraph(fill(p))),
    table,
    spacer(120),
    ...(hasAppendix(m) ? [bodyParagraph(fill(r.appendix.note))] : []),
    ...(isPastDeadline(m.asOf, m.directive.deadline) ? [] : forecastSentences(m, r, values).map((text) => bodyParagraph(text))),
    ...closingParagraphs(request.map(fill)),
    signatureBlock({
      authority: fill(r.signature.authority),
      title: fill(r.signature.title),
      name: fill(r.signature.name),
      recipients: r.recipients.map(fill),
    }),
  ];
  const leftOutLine = (count: number): string => interpolate(r.appendix.moreItems, { ...values, moreCount: count.toLocaleString("vi-VN") });
  if (hasAppendix(m)) children.push(...appendix(m, texts, fill, leftOutLine, tables));
  return tables.finish(await packDecree30(fill(r.subject), children));
}

/** One sentence per at-risk unit, from the texts in force; an empty text switches its sentences off. */
export function forecastSentences(m: ReminderLetterModel, r: LetterTexts["reminder"], values: Record<string, string>): string[] {
  return m.units.flatMap((u) => {
    if (!u.atRisk) return [];
    const text = u.atRisk.expectedDay ? r.forecastSentence : r.forecastStalledSentence;
    if (text === "") return [];
    const expectedDate = u.atRisk.expectedDay ? dayText(u.atRisk.expectedDay) : "";
    return [interpolate(text, { ...values, unitName: u.unitName, expectedDate })];
  });
}

function hasAppendix(m: ReminderLetterModel): boolean {
  return m.units.some((u) => listedCount(u) > 0);
}

function listedCount(u: ReminderUnitRow): number {
  return (u.cases?.length ?? 0) + (u.tasks?.length ?? 0) + (u.people?.length ?? 0);
}

type Fill = (t: string) => string;

/** Phụ lục: per unit, its late cases without apology, its tasks still owed and the people who owe them, on pages after the signature. */
function appendix(
  m: ReminderLetterModel,
  texts: LetterTexts,
  fill: Fill,
  leftOutLine: (count: number) => string,
  tables: GridTables,
): FileChild[] {
  const a = texts.reminder.appendix;
  const blocks: FileChild[] = appendixHeading(fill(a.heading), fill(a.title), fill(a.subtitle));
  m.units.forEach((u, i) => {
    const cases = u.cases ?? [];
    const tasks = u.tasks ?? [];
    if (listedCount(u) === 0) return;
    blocks.push(labelLine(`${i + 1}. ${u.unitName}`));
    blocks.push(
      ...itemTable(tables, fill, a.casesLabel, a.caseHeaders, cases, { leftOut: u.casesLeftOut, line: leftOutLine }, [8, 38, 48, 25, 24, 22], [1, 2], (c) => [
        c.caseCode,
        c.procedureName,
        momentDayText(c.dueAt),
        TIMELINESS_TEXT[c.timeliness],
        String(c.workingDaysLate),
      ]),
      ...itemTable(tables, fill, a.tasksLabel, a.taskHeaders, tasks, { leftOut: u.tasksLeftOut, line: leftOutLine }, [8, 32, 68, 26, 34], [1, 2, 4], (t) => [
        t.externalId,
        t.title,
        momentDayText(t.assignedAt),
        [t.reported ? null : fill(a.notReported), t.filed ? null : fill(a.notFiled)].filter(Boolean).join("; "),
      ]),
      ...itemTable(tables, fill, a.peopleLabel, a.peopleHeaders, u.people ?? [], { leftOut: u.peopleLeftOut, line: leftOutLine }, [8, 62, 28, 38, 34], [1], (p) => [
        p.assignee ?? fill(a.noAssignee),
        String(p.tasks),
        String(p.notReported),
        String(p.notFiled),
      ]),
    );
  });
  return blocks;
}

/**
 * One of a unit's appendix lists: its lead line and a numbered 12 pt table, or nothing when the list
 * is empty (its texts are then not filled at all, as a list that is not printed needs none); a list
 * cut at the cap ends with a line saying how many items the report holds beyond it.
 */
function itemTable<T>(
  tables: GridTables,
  fill: Fill,
  lead: string,
  headers: readonly string[],
  items: readonly T[],
  more: { leftOut?: number; line: (count: number) => string },
  widthsMm: number[],
  leftColumns: number[],
  cells: (item: T) => string[],
): FileChild[] {
  if (items.length === 0) return [];
  const leadParagraph = leadLine(fill(lead));
  const headerCells = headers.map(fill);
  const rows = items.map((item, n) => [String(n + 1), ...cells(item)]);
  const table = tables.table(headerCells, rows, widthsMm, { leftColumns, size: SIZE_12 });
  if (!more.leftOut) return [leadParagraph, table];
  return [leadParagraph, table, leadLine(more.line(more.leftOut))];
}
