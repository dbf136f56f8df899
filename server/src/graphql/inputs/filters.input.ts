import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "Filters combine with AND; a missing one does not filter. An unknown unitCode or directiveId is NOT_FOUND." })
export class CaseFilter {
  @Field(() => String, { nullable: true })
  unitCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Only cases in this directive's scope." })
  directiveId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "LATE or OVERDUE now (true), or neither (false)." })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Has an apology (true) or not (false)." })
  apologized?: boolean | null;
}

@InputType({ description: "Filters combine with AND; a missing one does not filter. An unknown unitCode or directiveId is NOT_FOUND." })
export class HpNetTaskFilter {
  @Field(() => String, { nullable: true })
  unitCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Only tasks in this directive's scope (assigned inside its period)." })
  directiveId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Completion reported or archived by now (true), or neither (false)." })
  reported?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Work file created by now (true), or not (false)." })
  filed?: boolean | null;
}
