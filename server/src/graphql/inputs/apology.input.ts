import { IsNotEmpty } from "class-validator";
import { TEXT_LIMITS } from "../../domain/text-limits.js";
import { MaxText } from "../validation.js";
import { Field, InputType } from "type-graphql";
import { DateTimeScalar } from "../../core/scalars.js";

@InputType()
export class ApologyInput {
  @Field()
  @IsNotEmpty({ message: "caseCode must not be empty" })
  @MaxText(TEXT_LIMITS.case.code)
  caseCode!: string;

  @Field()
  @IsNotEmpty({ message: "number must not be empty" })
  @MaxText(TEXT_LIMITS.apology.number)
  number!: string;

  @Field(() => DateTimeScalar)
  issuedAt!: Date;

  @Field()
  @IsNotEmpty({ message: "reason must not be empty" })
  @MaxText(TEXT_LIMITS.apology.reason)
  reason!: string;

  @Field(() => DateTimeScalar)
  newDueAt!: Date;

  @Field()
  @IsNotEmpty({ message: "signer must not be empty" })
  @MaxText(TEXT_LIMITS.apology.signer)
  signer!: string;

}
