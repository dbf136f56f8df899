import { problem, type RuleProblem } from "./rule-problem.js";

export type TaskField = "workFileCode" | "workFileCreatedAt";

/** A work file (Decree 30/2020) has a code and the date it was created: both or neither. */
export function workFileProblems(workFileCode: string | null, workFileCreatedAt: Date | null): RuleProblem<TaskField>[] {
  if (workFileCode !== null && workFileCreatedAt === null) {
    return [
      problem<TaskField>("task.workFileWithoutDate", "workFileCreatedAt", (w) =>
        `${w.field("workFileCreatedAt")} is empty but ${w.field("workFileCode")} is given; a work file needs the date it was created.`,
      ),
    ];
  }
  if (workFileCode === null && workFileCreatedAt !== null) {
    return [
      problem<TaskField>("task.workFileWithoutCode", "workFileCode", (w) =>
        `${w.field("workFileCode")} is empty but ${w.field("workFileCreatedAt")} is given; a work file needs its code.`,
      ),
    ];
  }
  return [];
}
