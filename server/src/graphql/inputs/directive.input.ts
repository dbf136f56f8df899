import { IsNotEmpty } from "class-validator";
import { TEXT_LIMITS } from "../../domain/text-limits.js";
import { MaxText } from "../validation.js";
import { Field, InputType } from "type-graphql";
import { DateScalar } from "../../core/scalars.js";

@InputType()
export class DirectiveInput {
  @Field()
  @IsNotEmpty({ message: "number must not be empty" })
  @MaxText(TEXT_LIMITS.directive.number)
  number!: string;

  @Field()
  @IsNotEmpty({ message: "subject must not be empty" })
  @MaxText(TEXT_LIMITS.directive.subject)
  subject!: string;

  @Field(() => DateScalar)
  issuedOn!: string;

  @Field(() => DateScalar)
  periodStart!: string;

  @Field(() => DateScalar)
  periodEnd!: string;

  @Field(() => DateScalar)
  deadline!: string;

}
