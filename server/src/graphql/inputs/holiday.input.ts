import { IsNotEmpty, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { HolidayKind } from "../../core/enums.js";
import { DateScalar } from "../../core/scalars.js";

@InputType({ description: "A day off on a weekday (HOLIDAY) or a weekend day worked (MAKEUP_WORKDAY)." })
export class HolidayInput {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => HolidayKind)
  kind!: HolidayKind;

  @Field()
  @IsNotEmpty({ message: "name must not be empty" })
  @MaxLength(255, { message: "name must be at most 255 characters" })
  name!: string;
}
