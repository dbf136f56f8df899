import { placeholdersOf } from "./interpolate.js";
import {
  APOLOGY_PLACEHOLDERS,
  FORECAST_PLACEHOLDERS,
  REMINDER_PLACEHOLDERS,
  type ApologyFormTexts,
  type LetterTexts,
  type ReminderAppendixTexts,
  type ReminderTexts,
} from "./letter-texts.js";

/**
 * Checks a texts document the Office sends, field by field, and returns it trimmed and in NFC.
 * Every problem is collected so one answer lists them all; the caller turns them into BAD_USER_INPUT.
 */
export class LetterTextsProblems extends Error {
  constructor(readonly problems: string[]) {
    super(`The letter texts are not valid: ${problems.join(" ")}`);
  }
}

type Json = unknown;

class Checker {
  readonly problems: string[] = [];

  text(value: Json, path: string, allowed: readonly string[], required = true): string {
    if (typeof value !== "string") {
      this.problems.push(`${path} must be a string.`);
      return "";
    }
    const text = value.trim().normalize("NFC");
    if (required && text === "") this.problems.push(`${path} must not be empty.`);
    for (const name of placeholdersOf(text)) {
      if (!allowed.includes(name)) {
        this.problems.push(
          allowed.length === 0
            ? `${path} may not use placeholders; {${name}} found.`
            : `${path} uses {${name}}; allowed here: ${allowed.map((a) => `{${a}}`).join(", ")}.`,
        );
      }
    }
    return text;
  }

  lines(value: Json, path: string, allowed: readonly string[]): string[] {
    if (!Array.isArray(value) || value.length === 0) {
      this.problems.push(`${path} must be a non-empty list of strings.`);
      return [];
    }
    return value.map((item, i) => this.text(item, `${path}[${i}]`, allowed));
  }

  object(value: Json, path: string): Record<string, Json> {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      this.problems.push(`${path} must be an object.`);
      return {};
    }
    return value as Record<string, Json>;
  }
}

function apologyForm(c: Checker, value: Json, path: string): ApologyFormTexts {
  const f = c.object(value, path);
  const s = c.object(f.signature, `${path}.signature`);
  const allowed = APOLOGY_PLACEHOLDERS;
  // The two sentences fill {notOnTime}, so they may not use it themselves.
  const withoutSelf = APOLOGY_PLACEHOLDERS.filter((name) => name !== "notOnTime");
  return {
    source: c.text(f.source, `${path}.source`, [], false),
    title: c.text(f.title, `${path}.title`, allowed),
    salutation: c.text(f.salutation, `${path}.salutation`, allowed),
    notOnTimeBeforeDue: c.text(f.notOnTimeBeforeDue, `${path}.notOnTimeBeforeDue`, withoutSelf),
    notOnTimeAfterDue: c.text(f.notOnTimeAfterDue, `${path}.notOnTimeAfterDue`, withoutSelf),
    paragraphs: c.lines(f.paragraphs, `${path}.paragraphs`, allowed),
    signature: {
      authority: c.text(s.authority, `${path}.signature.authority`, allowed, false),
      title: c.text(s.title, `${path}.signature.title`, allowed),
    },
    recipients: c.lines(f.recipients, `${path}.recipients`, allowed),
  };
}

function reminder(c: Checker, value: Json): ReminderTexts {
  const r = c.object(value, "reminder");
  const h = c.object(r.tableHeaders, "reminder.tableHeaders");
  const s = c.object(r.signature, "reminder.signature");
  const allowed = REMINDER_PLACEHOLDERS;
  const header = (key: string): string => c.text(h[key], `reminder.tableHeaders.${key}`, allowed);
  return {
    numberSymbol: c.text(r.numberSymbol, "reminder.numberSymbol", allowed),
    subject: c.text(r.subject, "reminder.subject", allowed),
    salutation: c.text(r.salutation, "reminder.salutation", allowed),
    introParagraphs: c.lines(r.introParagraphs, "reminder.introParagraphs", allowed),
    tableHeaders: {
      order: header("order"),
      unit: header("unit"),
      casesWithoutApology: header("casesWithoutApology"),
      tasksNotReported: header("tasksNotReported"),
      tasksNotFiled: header("tasksNotFiled"),
      rate: header("rate"),
    },
    requestBeforeDeadline: c.lines(r.requestBeforeDeadline, "reminder.requestBeforeDeadline", allowed),
    requestAfterDeadline: c.lines(r.requestAfterDeadline, "reminder.requestAfterDeadline", allowed),
    forecastSentence: c.text(r.forecastSentence, "reminder.forecastSentence", [...allowed, ...FORECAST_PLACEHOLDERS], false),
    forecastStalledSentence: c.text(r.forecastStalledSentence, "reminder.forecastStalledSentence", [...allowed, ...FORECAST_PLACEHOLDERS], false),
    signature: {
      authority: c.text(s.authority, "reminder.signature.authority", allowed, false),
      title: c.text(s.title, "reminder.signature.title", allowed),
      name: c.text(s.name, "reminder.signature.name", allowed),
    },
    recipients: c.lines(r.recipients, "reminder.recipients", allowed),
    appendix: appendix(c, r.appendix),
  };
}

function appendix(c: Checker, value: Json): ReminderAppendixTexts {
  const a = c.object(value, "reminder.appendix");
  const allowed = REMINDER_PLACEHOLDERS;
  const headers = (key: string, count: number): string[] => {
    const lines = c.lines(a[key], `reminder.appendix.${key}`, allowed);
    if (lines.length !== 0 && lines.length !== count) c.problems.push(`reminder.appendix.${key} must name ${count} columns.`);
    return lines;
  };
  return {
    note: c.text(a.note, "reminder.appendix.note", allowed),
    heading: c.text(a.heading, "reminder.appendix.heading", allowed),
    title: c.text(a.title, "reminder.appendix.title", allowed),
    subtitle: c.text(a.subtitle, "reminder.appendix.subtitle", allowed, false),
    casesLabel: c.text(a.casesLabel, "reminder.appendix.casesLabel", allowed),
    tasksLabel: c.text(a.tasksLabel, "reminder.appendix.tasksLabel", allowed),
    caseHeaders: headers("caseHeaders", 6),
    taskHeaders: headers("taskHeaders", 5),
    notReported: c.text(a.notReported, "reminder.appendix.notReported", allowed),
    notFiled: c.text(a.notFiled, "reminder.appendix.notFiled", allowed),
    peopleLabel: c.text(a.peopleLabel, "reminder.appendix.peopleLabel", allowed),
    peopleHeaders: headers("peopleHeaders", 5),
    noAssignee: c.text(a.noAssignee, "reminder.appendix.noAssignee", allowed),
    moreItems: c.text(a.moreItems, "reminder.appendix.moreItems", [...allowed, "moreCount"]),
  };
}

export function validateLetterTexts(value: Json): LetterTexts {
  const c = new Checker();
  const root = c.object(value, "texts");
  const a = c.object(root.agency, "agency");
  const agency = {
    parentAgency: c.text(a.parentAgency, "agency.parentAgency", [], false),
    agency: c.text(a.agency, "agency.agency", []),
    agencyName: c.text(a.agencyName, "agency.agencyName", []),
    place: c.text(a.place, "agency.place", []),
    nationalName: c.text(a.nationalName, "agency.nationalName", []),
    motto: c.text(a.motto, "agency.motto", []),
  };
  const forms = c.object(root.apologyForms, "apologyForms");
  const apologyForms: Record<string, ApologyFormTexts> = {};
  for (const [key, form] of Object.entries(forms)) apologyForms[key] = apologyForm(c, form, `apologyForms.${key}`);
  const formKey = c.text(root.apologyForm, "apologyForm", []);
  if (formKey && !apologyForms[formKey]) {
    c.problems.push(`apologyForm "${formKey}" is not one of apologyForms (${Object.keys(apologyForms).join(", ")}).`);
  }
  const publicApologies = c.object(root.publicApologies, "publicApologies");
  const texts: LetterTexts = {
    agency,
    apologyForm: formKey,
    apologyForms,
    reminder: reminder(c, root.reminder),
    publicApologies: {
      organisationPrefixes: c.lines(publicApologies.organisationPrefixes, "publicApologies.organisationPrefixes", []),
    },
  };
  if (c.problems.length > 0) throw new LetterTextsProblems(c.problems);
  return texts;
}

/**
 * An edit applied onto the current texts: objects merge key by key, anything else (strings,
 * lists) replaces, and null removes a key (e.g. a form no longer used).
 */
export function mergeTexts(current: Json, patch: Json): Json {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const base = current !== null && typeof current === "object" && !Array.isArray(current) ? { ...(current as object) } : {};
  const merged = base as Record<string, Json>;
  for (const [key, value] of Object.entries(patch as Record<string, Json>)) {
    if (value === null) delete merged[key];
    else merged[key] = mergeTexts(merged[key], value);
  }
  return merged;
}
