import { IsNotEmpty, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { UnitKind } from "../../core/enums.js";

@InputType()
export class UnitInput {
  @Field()
  @IsNotEmpty({ message: "code must not be empty" })
  @MaxLength(50, { message: "code must be at most 50 characters" })
  code!: string;

  @Field()
  @IsNotEmpty({ message: "name must not be empty" })
  @MaxLength(255, { message: "name must be at most 255 characters" })
  name!: string;

  @Field(() => UnitKind)
  kind!: UnitKind;
}
