import { IsNotEmpty, IsOptional, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { Role } from "../../core/enums.js";

@InputType({ description: "An OFFICER token needs the unitCode it writes for; ADMIN and VIEWER tokens take none." })
export class ApiTokenInput {
  @Field()
  @IsNotEmpty({ message: "name must not be empty" })
  @MaxLength(255, { message: "name must be at most 255 characters" })
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50, { message: "unitCode must be at most 50 characters" })
  unitCode?: string | null;
}
