/**
 * The words of the letters, as data the Office edits (stored in the letter_setting table, see
 * letter-texts.store.ts). Sentences may hold {placeholders}; each field names the ones it may use
 * in PLACEHOLDERS below, so an edit that misspells one is refused before it reaches a letter.
 */
export interface AgencyTexts {
  /** Cơ quan chủ quản, UPPERCASE, e.g. "UBND THÀNH PHỐ HẢI PHÒNG". */
  parentAgency: string;
  /** Cơ quan ban hành, UPPERCASE, e.g. "BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG". */
  agency: string;
  /** The issuing agency as written inside a sentence, e.g. "Ban Quản lý Khu kinh tế Hải Phòng". */
  agencyName: string;
  /** Địa danh of the date line, e.g. "Hải Phòng". */
  place: string;
  nationalName: string;
  motto: string;
}

export interface SignatureTexts {
  /** Thẩm quyền ký, e.g. "KT. TRƯỞNG BAN"; empty when the head signs. */
  authority: string;
  /** Chức vụ, e.g. "PHÓ TRƯỞNG BAN". */
  title: string;
}

/** One form of the apology (Circular 01/2018 form 04, or its 2025 successor). */
export interface ApologyFormTexts {
  /** Where the form comes from, shown to the Office only. */
  source: string;
  title: string;
  salutation: string;
  /**
   * The sentence saying the result is not on time, as {notOnTime} in the paragraphs: the rule asks
   * for the apology before the due date ("cannot be returned on time"), a review after it
   * ("was not returned on time"); the letter picks by the apology's date.
   */
  notOnTimeBeforeDue: string;
  notOnTimeAfterDue: string;
  /** The body, one entry per paragraph. */
  paragraphs: string[];
  signature: SignatureTexts;
  recipients: string[];
}

export interface ReminderTexts {
  /** Ký hiệu after the blank number, e.g. "/TB-BQL": the number is given when the letter is registered. */
  numberSymbol: string;
  subject: string;
  /** Kính gửi line before the list of units below 100%. */
  salutation: string;
  introParagraphs: string[];
  tableHeaders: {
    order: string;
    unit: string;
    casesWithoutApology: string;
    tasksNotReported: string;
    tasksNotFiled: string;
    rate: string;
  };
  /** Used while the deadline has not passed. */
  requestBeforeDeadline: string[];
  /** Used once the deadline has passed. */
  requestAfterDeadline: string[];
  /**
   * One sentence per unit at risk of missing the deadline (Directive.forecast), after the table, while
   * the deadline is ahead: {unitName}, {expectedDate}. An empty text leaves the sentences out.
   */
  forecastSentence: string;
  /** The same for a unit that closed nothing in the last 7 days (no expected day): {unitName}. */
  forecastStalledSentence: string;
  signature: SignatureTexts & { name: string };
  recipients: string[];
  appendix: ReminderAppendixTexts;
}

/** The list attached to the reminder: each unit's late cases without apology and tasks still owed. */
export interface ReminderAppendixTexts {
  /** A paragraph after the table pointing to the appendix. */
  note: string;
  heading: string;
  title: string;
  subtitle: string;
  casesLabel: string;
  tasksLabel: string;
  /** TT, case code, procedure, due date, status, working days late. */
  caseHeaders: string[];
  /** TT, HpNet id, title, assigned date, what is missing. */
  taskHeaders: string[];
  notReported: string;
  notFiled: string;
  /** Lead line of a unit's people with outstanding HpNet tasks (Thống kê công việc trên HpNet). */
  peopleLabel: string;
  /** TT, person, tasks, not reported, not filed. */
  peopleHeaders: string[];
  /** Names the tasks that carry no assignee in that list. */
  noAssignee: string;
  /**
   * Closes a list cut at the appendix's cap (a large year's lists belong in the report, not a letter):
   * {moreCount} is how many items were left out.
   */
  moreItems: string;
}

export interface LetterTexts {
  agency: AgencyTexts;
  /** Key into apologyForms of the form in use. */
  apologyForm: string;
  apologyForms: Record<string, ApologyFormTexts>;
  reminder: ReminderTexts;
  /** The public apologies page (GET /cong-khai): kept with the texts so the Office edits it the same way. */
  publicApologies: PublicApologyTexts;
}

export interface PublicApologyTexts {
  /**
   * An applicant whose name starts with one of these (whole words, ignoring case and diacritics) is an
   * organisation and shown in full; any other name is a person's and shown masked.
   */
  organisationPrefixes: string[];
}

/** Placeholders each kind of sentence may use. */
export const APOLOGY_PLACEHOLDERS = [
  "agencyName",
  "unitCode",
  "unitName",
  "applicantName",
  "caseCode",
  "procedureName",
  "receivedDate",
  "receivedTime",
  "dueDate",
  "dueTime",
  "reason",
  "newDueDate",
  "newDueTime",
  "apologyNumber",
  "signer",
  "notOnTime",
] as const;

/** The forecast sentences may also name the unit and its expected day. */
export const FORECAST_PLACEHOLDERS = ["unitName", "expectedDate"] as const;

export const REMINDER_PLACEHOLDERS = [
  "agencyName",
  "directiveNumber",
  "directiveSubject",
  "directiveIssuedOn",
  "deadline",
  "periodStart",
  "periodEnd",
  "asOfDate",
  "asOfTime",
  "unitCount",
] as const;

export type ApologyPlaceholder = (typeof APOLOGY_PLACEHOLDERS)[number];
export type ReminderPlaceholder = (typeof REMINDER_PLACEHOLDERS)[number];
