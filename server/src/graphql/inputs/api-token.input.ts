import { IsNotEmpty, IsOptional } from "class-validator";
import { TEXT_LIMITS } from "../../domain/text-limits.js";
import { MaxText } from "../validation.js";
import { Field, InputType } from "type-graphql";
import { Role } from "../../core/enums.js";

@InputType({ description: "An OFFICER token needs the unitCode it writes for; ADMIN and VIEWER tokens take none." })
export class ApiTokenInput {
  @Field()
  @IsNotEmpty({ message: "name must not be empty" })
  @MaxText(TEXT_LIMITS.apiToken.name)
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxText(TEXT_LIMITS.unit.code)
  unitCode?: string | null;
}
