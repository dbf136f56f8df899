import { IsNotEmpty, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { DateScalar } from "../../core/scalars.js";

@InputType()
export class DirectiveInput {
  @Field()
  @IsNotEmpty({ message: "number must not be empty" })
  @MaxLength(100, { message: "number must be at most 100 characters" })
  number!: string;

  @Field()
  @IsNotEmpty({ message: "subject must not be empty" })
  @MaxLength(1000, { message: "subject must be at most 1000 characters" })
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
