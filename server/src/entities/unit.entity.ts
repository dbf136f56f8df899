import { Field, ID, ObjectType } from "type-graphql";
import { Entity, PrimaryGeneratedColumn } from "typeorm";
import { UnitKind } from "../core/enums.js";
import { TextColumn } from "./columns.js";

@ObjectType({ description: "A department (phòng chuyên môn) or affiliated service unit of the Authority." })
@Entity("units")
export class Unit {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: "Short unique code, e.g. VP for Văn phòng." })
  @TextColumn(50)
  code!: string;

  @Field()
  @TextColumn(255)
  name!: string;

  @Field(() => UnitKind)
  @TextColumn(20)
  kind!: UnitKind;
}
