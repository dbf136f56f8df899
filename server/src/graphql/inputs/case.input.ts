import { IsNotEmpty } from "class-validator";
import { TEXT_LIMITS } from "../../domain/text-limits.js";
import { MaxText } from "../validation.js";
import { Field, InputType } from "type-graphql";
import { DateTimeScalar } from "../../core/scalars.js";

@InputType({ description: "dueAt and resolvedAt may not be before receivedAt (BAD_USER_INPUT); an unknown unitCode is NOT_FOUND." })
export class CaseInput {
  @Field()
  @IsNotEmpty({ message: "code must not be empty" })
  @MaxText(TEXT_LIMITS.case.code)
  code!: string;

  @Field()
  @IsNotEmpty({ message: "procedureName must not be empty" })
  @MaxText(TEXT_LIMITS.case.procedureName)
  procedureName!: string;

  @Field()
  @IsNotEmpty({ message: "applicantName must not be empty" })
  @MaxText(TEXT_LIMITS.case.applicantName)
  applicantName!: string;

  @Field()
  @IsNotEmpty({ message: "unitCode must not be empty" })
  @MaxText(TEXT_LIMITS.unit.code)
  unitCode!: string;

  @Field(() => DateTimeScalar)
  receivedAt!: Date;

  @Field(() => DateTimeScalar)
  dueAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  resolvedAt?: Date | null;
}
