import { IsNotEmpty, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { DateTimeScalar } from "../../core/scalars.js";

@InputType()
export class ApologyInput {
  @Field()
  @IsNotEmpty({ message: "caseCode must not be empty" })
  @MaxLength(100, { message: "caseCode must be at most 100 characters" })
  caseCode!: string;

  @Field()
  @IsNotEmpty({ message: "number must not be empty" })
  @MaxLength(100, { message: "number must be at most 100 characters" })
  number!: string;

  @Field(() => DateTimeScalar)
  issuedAt!: Date;

  @Field()
  @IsNotEmpty({ message: "reason must not be empty" })
  @MaxLength(2000, { message: "reason must be at most 2000 characters" })
  reason!: string;

  @Field(() => DateTimeScalar)
  newDueAt!: Date;

  @Field()
  @IsNotEmpty({ message: "signer must not be empty" })
  @MaxLength(255, { message: "signer must be at most 255 characters" })
  signer!: string;

}
