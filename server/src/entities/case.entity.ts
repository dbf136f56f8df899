import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateTimeScalar } from "../core/scalars.js";
import { TEXT_LIMITS } from "../domain/text-limits.js";
import { MomentColumn, TextColumn } from "./columns.js";

@ObjectType({ description: "A dossier of an administrative procedure (hồ sơ thủ tục hành chính)." })
@Entity("cases")
export class Case {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: "Mã hồ sơ, unique." })
  @TextColumn(TEXT_LIMITS.case.code)
  code!: string;

  @Field()
  @TextColumn(TEXT_LIMITS.case.procedureName)
  procedureName!: string;

  /** Personal data: never logged. */
  @Field()
  @TextColumn(TEXT_LIMITS.case.applicantName)
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
