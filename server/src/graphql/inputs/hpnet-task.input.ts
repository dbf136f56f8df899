import { IsNotEmpty, IsOptional } from "class-validator";
import { TEXT_LIMITS } from "../../domain/text-limits.js";
import { MaxText } from "../validation.js";
import { Field, InputType } from "type-graphql";
import { DateTimeScalar } from "../../core/scalars.js";

@InputType({
  description:
    "workFileCode and workFileCreatedAt come together or not at all (BAD_USER_INPUT); an unknown unitCode is NOT_FOUND.",
})
export class HpNetTaskInput {
  @Field()
  @IsNotEmpty({ message: "externalId must not be empty" })
  @MaxText(TEXT_LIMITS.hpNetTask.externalId)
  externalId!: string;

  @Field()
  @IsNotEmpty({ message: "title must not be empty" })
  @MaxText(TEXT_LIMITS.hpNetTask.title)
  title!: string;

  @Field()
  @IsNotEmpty({ message: "unitCode must not be empty" })
  @MaxText(TEXT_LIMITS.unit.code)
  unitCode!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText(TEXT_LIMITS.hpNetTask.assignee)
  assignee?: string | null;

  @Field(() => DateTimeScalar)
  assignedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  dueAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  completionReportedAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  archivedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText(TEXT_LIMITS.hpNetTask.workFileCode)
  workFileCode?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  workFileCreatedAt?: Date | null;
}
