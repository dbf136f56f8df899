import { IsNotEmpty, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { DateTimeScalar } from "../../core/scalars.js";

@InputType({ description: "dueAt and resolvedAt may not be before receivedAt (BAD_USER_INPUT); an unknown unitCode is NOT_FOUND." })
export class CaseInput {
  @Field()
  @IsNotEmpty({ message: "code must not be empty" })
  @MaxLength(100, { message: "code must be at most 100 characters" })
  code!: string;

  @Field()
  @IsNotEmpty({ message: "procedureName must not be empty" })
  @MaxLength(500, { message: "procedureName must be at most 500 characters" })
  procedureName!: string;

  @Field()
  @IsNotEmpty({ message: "applicantName must not be empty" })
  @MaxLength(255, { message: "applicantName must be at most 255 characters" })
  applicantName!: string;

  @Field()
  @IsNotEmpty({ message: "unitCode must not be empty" })
  @MaxLength(50, { message: "unitCode must be at most 50 characters" })
  unitCode!: string;

  @Field(() => DateTimeScalar)
  receivedAt!: Date;

  @Field(() => DateTimeScalar)
  dueAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  resolvedAt?: Date | null;
}
