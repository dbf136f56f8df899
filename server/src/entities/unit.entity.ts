import { Field, ID, ObjectType } from "type-graphql";
import { Entity, PrimaryGeneratedColumn } from "typeorm";
import { UnitKind } from "../core/enums.js";
import { TEXT_LIMITS } from "../domain/text-limits.js";
import { TextColumn } from "./columns.js";

@ObjectType({ description: "A department (phòng chuyên môn) or affiliated service unit of the Authority." })
@Entity("units")
export class Unit {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: "Short unique code, e.g. VP for Văn phòng." })
  @TextColumn(TEXT_LIMITS.unit.code)
  code!: string;

  @Field()
  @TextColumn(TEXT_LIMITS.unit.name)
  name!: string;

  @Field(() => UnitKind)
  @TextColumn(TEXT_LIMITS.unit.kind)
  kind!: UnitKind;
}
