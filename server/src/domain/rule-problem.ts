/**
 * A write rule's finding, for whoever asked: the API words a field as its input names it
 * (`dueAt`) and a moment in ISO-8601; an import words a field as the file's own header
 * ("Ngày hẹn trả") and a moment as a clerk reads it. The sentence itself is written once, here
 * in domain/, beside the rule.
 */
export interface ProblemWording<Field extends string> {
  field(name: Field): string;
  moment(at: Date): string;
}

export interface RuleProblem<Field extends string = string> {
  /** Stable name of the broken rule, for tests and callers that treat one rule apart. */
  readonly rule: string;
  /** The field at fault, by the API's input name (camelCase); an import maps it to its column. */
  readonly field: Field;
  explain(wording: ProblemWording<Field>): string;
}

export function problem<Field extends string>(
  rule: string,
  field: Field,
  explain: (wording: ProblemWording<Field>) => string,
): RuleProblem<Field> {
  return { rule, field, explain };
}
