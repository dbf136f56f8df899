import { problem, type RuleProblem } from "./rule-problem.js";
import { storedResolutionTimeliness } from "./timeliness.js";

export type CaseField = "receivedAt" | "dueAt" | "resolvedAt";

/** A case's moments as a write would leave them; null where the caller could not read one. */
export interface CaseMomentsToWrite {
  receivedAt: Date | null;
  dueAt: Date | null;
  resolvedAt: Date | null;
}

/** The case's apology, as far as the case's own fields must agree with it. */
export interface ApologyOfCase {
  number: string;
  newDueAt: Date;
}

/** A result is not promised, nor given, before the dossier arrives. */
export function caseDateProblems(next: CaseMomentsToWrite): RuleProblem<CaseField>[] {
  const problems: RuleProblem<CaseField>[] = [];
  const { receivedAt, dueAt, resolvedAt } = next;
  if (receivedAt && dueAt && dueAt.getTime() < receivedAt.getTime()) {
    problems.push(
      problem<CaseField>("case.dueBeforeReceived", "dueAt", (w) =>
        `${w.field("dueAt")} is before ${w.field("receivedAt")}; a case cannot be due before it was received.`,
      ),
    );
  }
  if (receivedAt && resolvedAt && resolvedAt.getTime() < receivedAt.getTime()) {
    problems.push(
      problem<CaseField>("case.resolvedBeforeReceived", "resolvedAt", (w) =>
        `${w.field("resolvedAt")} is before ${w.field("receivedAt")}; a case cannot be resolved before it was received.`,
      ),
    );
  }
  return problems;
}

/**
 * Once a case has an apology, the case may not be rewritten into one the apology contradicts:
 * issueApology refuses a case resolved early or on time and a new return date not after the due
 * moment, so an update may neither make the stored resolution EARLY/ON_TIME nor move dueAt to or
 * past the apology's newDueAt.
 */
export function caseAgainstApologyProblems(
  caseCode: string,
  next: { dueAt: Date; resolvedAt: Date | null },
  apology: ApologyOfCase,
): RuleProblem<CaseField>[] {
  const problems: RuleProblem<CaseField>[] = [];
  if (next.resolvedAt !== null) {
    const timeliness = storedResolutionTimeliness(next.dueAt, next.resolvedAt);
    if (timeliness !== "LATE") {
      const resolvedAt = next.resolvedAt;
      problems.push(
        problem<CaseField>("case.apologizedCaseNotLate", "resolvedAt", (w) =>
          `Case "${caseCode}" has apology ${apology.number}: resolved ${w.moment(resolvedAt)} and due ${w.moment(next.dueAt)}, it would be ${timeliness === "EARLY" ? "early" : "on time"}, and a case resolved early or on time needs no apology.`,
        ),
      );
    }
  }
  if (apology.newDueAt.getTime() <= next.dueAt.getTime()) {
    problems.push(
      problem<CaseField>("case.dueNotBeforeApologyNewDue", "dueAt", (w) =>
        `Case "${caseCode}" has apology ${apology.number} with the new return date ${w.moment(apology.newDueAt)}; ${w.field("dueAt")} ${w.moment(next.dueAt)} must stay before it.`,
      ),
    );
  }
  return problems;
}
