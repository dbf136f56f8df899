import { IsNotEmpty, IsOptional, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { DateTimeScalar } from "../../core/scalars.js";

@InputType({
  description:
    "workFileCode and workFileCreatedAt come together or not at all (BAD_USER_INPUT); an unknown unitCode is NOT_FOUND.",
})
export class HpNetTaskInput {
  @Field()
  @IsNotEmpty({ message: "externalId must not be empty" })
  @MaxLength(100, { message: "externalId must be at most 100 characters" })
  externalId!: string;

  @Field()
  @IsNotEmpty({ message: "title must not be empty" })
  @MaxLength(1000, { message: "title must be at most 1000 characters" })
  title!: string;

  @Field()
  @IsNotEmpty({ message: "unitCode must not be empty" })
  @MaxLength(50, { message: "unitCode must be at most 50 characters" })
  unitCode!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(255, { message: "assignee must be at most 255 characters" })
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
  @MaxLength(100, { message: "workFileCode must be at most 100 characters" })
  workFileCode?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  workFileCreatedAt?: Date | null;
}
