import { Field, Float, Int, ObjectType } from "type-graphql";
import { Unit } from "../../entities/unit.entity.js";
import { DateScalar } from "../../core/scalars.js";
import { Compliance } from "./compliance.type.js";

@ObjectType({
  description: "The board or one unit at the end of one Vietnam day (its compliance as of 23:59:59.999 that day).",
})
export class ProgressPoint {
  @Field(() => DateScalar)
  day!: string;

  @Field(() => Compliance)
  compliance!: Compliance;
}

@ObjectType({
  description:
    "Where a unit is heading. outstanding = (overdueCases - apologizedCases) + (tasks - reportedTasks) +\n(tasks - filedTasks) as of asOf. closedPerDay = (outstanding as of asOf minus paceDays x 24 h, minus\noutstanding as of asOf) / paceDays, never below 0. expectedDay: the Vietnam day of asOf when\noutstanding is 0; else, when closedPerDay > 0, the Vietnam day of asOf + ceil(outstanding /\nclosedPerDay) x 24 h; else null. atRisk: outstanding > 0 and (expectedDay is null or after the\ndirective's deadline).",
})
export class UnitForecast {
  @Field(() => Unit)
  unit!: Unit;

  @Field(() => Int)
  outstanding!: number;

  @Field(() => Float)
  closedPerDay!: number;

  @Field(() => DateScalar, { nullable: true })
  expectedDay!: string | null;

  @Field()
  atRisk!: boolean;
}
