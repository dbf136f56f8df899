import type { ProblemWording, RuleProblem } from "../domain/rule-problem.js";
import { BadUserInputError } from "../core/errors.js";

/** The API names a field as its input does and writes a moment in ISO-8601 (UTC). */
const API_WORDING: ProblemWording<string> = { field: (name) => name, moment: (at) => at.toISOString() };

/** A write the domain's rules refuse is BAD_USER_INPUT, every problem said in one message. */
export function refuseProblems(problems: readonly RuleProblem[]): void {
  if (problems.length === 0) return;
  throw new BadUserInputError(problems.map((p) => p.explain(API_WORDING as ProblemWording<typeof p.field>)).join(" "), {
    problems: problems.map((p) => ({ rule: p.rule, field: p.field })),
  });
}
