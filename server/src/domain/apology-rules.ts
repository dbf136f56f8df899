import { problem, type RuleProblem } from "./rule-problem.js";
import { storedResolutionTimeliness } from "./timeliness.js";

export type ApologyField = "caseCode" | "newDueAt" | "publishedAt";

export interface CaseToApologizeFor {
  code: string;
  dueAt: Date;
  resolvedAt: Date | null;
}

/**
 * issueApology's rules (and every apology row's): no apology for a case whose stored resolution
 * is EARLY or ON_TIME, and the new return date replaces a missed one, so it comes after dueAt.
 */
export function apologyProblems(owner: CaseToApologizeFor, newDueAt: Date): RuleProblem<ApologyField>[] {
  const problems: RuleProblem<ApologyField>[] = [];
  if (owner.resolvedAt !== null) {
    const resolvedAt = owner.resolvedAt;
    const timeliness = storedResolutionTimeliness(owner.dueAt, resolvedAt);
    if (timeliness !== "LATE") {
      problems.push(
        problem<ApologyField>("apology.caseNotLate", "caseCode", (w) =>
          `Case "${owner.code}" was resolved ${timeliness === "EARLY" ? "early" : "on time"} (${w.moment(resolvedAt)}, due ${w.moment(owner.dueAt)}); it needs no apology.`,
        ),
      );
    }
  }
  if (newDueAt.getTime() <= owner.dueAt.getTime()) {
    problems.push(
      problem<ApologyField>("apology.newDueNotAfterDue", "newDueAt", (w) =>
        `The new return date ${w.moment(newDueAt)} must be after the case's due date ${w.moment(owner.dueAt)}.`,
      ),
    );
  }
  return problems;
}

/** An apology is made public once it exists: never before its issuedAt. */
export function publicationProblems(apology: { number: string; issuedAt: Date }, publishedAt: Date): RuleProblem<ApologyField>[] {
  if (publishedAt.getTime() >= apology.issuedAt.getTime()) return [];
  return [
    problem<ApologyField>("apology.publishedBeforeIssued", "publishedAt", (w) =>
      `${w.field("publishedAt")} ${w.moment(publishedAt)} is before apology ${apology.number} was issued (${w.moment(apology.issuedAt)}); an apology cannot be made public before it exists.`,
    ),
  ];
}
