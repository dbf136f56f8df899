import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateTimeScalar } from "../core/scalars.js";
import { MomentColumn, TextColumn } from "./columns.js";

@ObjectType({ description: "A dossier of an administrative procedure (hồ sơ thủ tục hành chính)." })
@Entity("cases")
export class Case {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: "Mã hồ sơ, unique." })
  @TextColumn(100)
  code!: string;

  @Field()
  @TextColumn(500)
  procedureName!: string;

  /** Personal data: never logged. */
  @Field()
  @TextColumn(255)
  applicantName!: string;

  @Column({ type: "int" })
  unitId!: number;

  @Field(() => DateTimeScalar)
  @MomentColumn()
  receivedAt!: Date;

  @Field(() => DateTimeScalar, { description: "Hẹn trả kết quả: the promised moment." })
  @MomentColumn()
  dueAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "Null while unresolved." })
  @MomentColumn({ nullable: true })
  resolvedAt!: Date | null;
}

/**
 * What an upsert of a case (upsertCase, importCases) writes besides its key, the code: the import's
 * batched upsert compares and writes these columns, the audit entry's details name them (the unit
 * by its code, see upsertAuditFields).
 */
export const CASE_WRITTEN_FIELDS = ["procedureName", "applicantName", "unitId", "receivedAt", "dueAt", "resolvedAt"] as const satisfies readonly (keyof Case)[];
