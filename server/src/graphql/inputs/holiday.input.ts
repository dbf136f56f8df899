import { IsNotEmpty } from "class-validator";
import { TEXT_LIMITS } from "../../domain/text-limits.js";
import { MaxText } from "../validation.js";
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
  @MaxText(TEXT_LIMITS.holiday.name)
  name!: string;
}
