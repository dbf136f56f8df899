import { Field, ObjectType } from "type-graphql";
import { Entity, PrimaryColumn } from "typeorm";
import { HolidayKind } from "../core/enums.js";
import { DateScalar } from "../core/scalars.js";
import { TEXT_LIMITS } from "../domain/text-limits.js";
import { TextColumn } from "./columns.js";

@ObjectType({ description: "A day that breaks the Monday-to-Friday rule of the working-day calendar." })
@Entity("holidays")
export class Holiday {
  @Field(() => DateScalar)
  @PrimaryColumn({ type: "date" })
  date!: string;

  @Field(() => HolidayKind)
  @TextColumn(TEXT_LIMITS.holiday.kind)
  kind!: HolidayKind;

  @Field()
  @TextColumn(TEXT_LIMITS.holiday.name)
  name!: string;
}
