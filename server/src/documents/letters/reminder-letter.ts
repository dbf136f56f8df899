import { isPastDeadline } from "../../domain/compliance.js";
import { vietnamDayOf, type VietnamDay } from "../../domain/vietnam-time.js";
import { interpolate } from "../texts/interpolate.js";
import type { LetterTexts } from "../texts/letter-texts.js";
import {
  bodyParagraph,
  gridTable,
  headerBlock,
  packDecree30,
  salutationList,
  signatureBlock,
  spacer,
} from "./decree30.js";
import { dayText, momentTimeText, percentText, placeAndDate } from "./vietnamese-format.js";

/** One unit below 100% and what it still owes as of the moment. */
export interface ReminderUnitRow {
  unitCode: string;
  unitName: string;
  casesWithoutApology: number;
  tasksNotReported: number;
  tasksNotFiled: number;
  /** The Compliance rate, 0..1. */
  rate: number;
}

export interface ReminderLetterModel {
  directive: {
    number: string;
    subject: string;
    issuedOn: VietnamDay;
    periodStart: VietnamDay;
    periodEnd: VietnamDay;
    deadline: VietnamDay;
  };
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
 */
export async function buildReminderLetter(m: ReminderLetterModel, texts: LetterTexts): Promise<Buffer> {
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
  const children = [
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
    ...request.map((p) => bodyParagraph(fill(p))),
    spacer(240),
    signatureBlock({
      authority: fill(r.signature.authority),
      title: fill(r.signature.title),
      name: fill(r.signature.name),
      recipients: r.recipients.map(fill),
    }),
  ];
  return packDecree30(fill(r.subject), children);
}
