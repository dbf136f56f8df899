import { Field, Float, Int, ObjectType } from "type-graphql";
import { Unit } from "../../entities/unit.entity.js";
import { ComplianceStatusEnum } from "../../core/enums.js";
import { DateTimeScalar } from "../../core/scalars.js";

// Plain data, built by the resolvers: graphql-js's own field resolution instead of a type-graphql
// wrapper per field (no middleware or auth checker applies to these fields; one with @UseMiddleware
// or @Authorized must not be added to a type with simpleResolvers, it would not run). A board
// resolves 8 fields of 21 of these.
@ObjectType({
  simpleResolvers: true,
  description:
    "What a unit (or the whole board) owes under a directive, as of a moment.\nIn scope: cases whose dueAt falls on a Vietnam day inside the period, and HpNet\ntasks whose assignedAt falls on a Vietnam day inside the period and is at or before\nthe moment. Everything is judged as it stood at the moment: a resolution, apology,\nreport, archiving or work file dated after the moment does not count yet.",
})
export class Compliance {
  @Field(() => Int, { description: "Cases in scope whose timeliness is LATE or OVERDUE as of the moment." })
  overdueCases!: number;

  @Field(() => Int, { description: "Of those, the ones whose apology was issued at or before the moment." })
  apologizedCases!: number;

  @Field(() => Float, { description: "apologizedCases / overdueCases; 1 when overdueCases is 0." })
  apologyRate!: number;

  @Field(() => Int, { description: "HpNet tasks in scope." })
  tasks!: number;

  @Field(() => Int, {
    description: "Of those, the ones whose completion was reported, or that were archived, at or before the moment.",
  })
  reportedTasks!: number;

  @Field(() => Float, { description: "reportedTasks / tasks; 1 when tasks is 0." })
  reportRate!: number;

  @Field(() => Int, {
    description: "Of the tasks in scope, the ones with a work file (hồ sơ công việc) created at or before the moment.",
  })
  filedTasks!: number;

  @Field(() => Float, { description: "filedTasks / tasks; 1 when tasks is 0." })
  fileRate!: number;

  @Field(() => Float, {
    description:
      "(apologizedCases + reportedTasks + filedTasks) / (overdueCases + 2 × tasks); 1 when nothing is owed.",
  })
  rate!: number;

  @Field(() => ComplianceStatusEnum)
  status!: ComplianceStatusEnum;

  @Field(() => DateTimeScalar, { description: "The moment the figures are judged at." })
  asOf!: Date;
}

@ObjectType({ simpleResolvers: true })
export class UnitCompliance {
  @Field(() => Unit)
  unit!: Unit;

  @Field(() => Compliance)
  compliance!: Compliance;
}
