import { IsNotEmpty } from "class-validator";
import { TEXT_LIMITS } from "../../domain/text-limits.js";
import { MaxText } from "../validation.js";
import { Field, InputType } from "type-graphql";
import { UnitKind } from "../../core/enums.js";

@InputType()
export class UnitInput {
  @Field()
  @IsNotEmpty({ message: "code must not be empty" })
  @MaxText(TEXT_LIMITS.unit.code)
  code!: string;

  @Field()
  @IsNotEmpty({ message: "name must not be empty" })
  @MaxText(TEXT_LIMITS.unit.name)
  name!: string;

  @Field(() => UnitKind)
  kind!: UnitKind;
}
