import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateTimeScalar } from "../core/scalars.js";
import { TEXT_LIMITS } from "../domain/text-limits.js";
import { MomentColumn, TextColumn } from "./columns.js";

@ObjectType({
  description:
    "Phiếu xin lỗi và hẹn lại ngày trả kết quả: the public apology for a late case.\nAt most one per case. issueApology checks, in this order: an unknown case is\nNOT_FOUND; a case that already has an apology is CONFLICT; a case whose stored\nresolution is EARLY or ON_TIME, or a newDueAt not after the case's dueAt, is\nBAD_USER_INPUT. An apology may be issued before the case is late (the rule asks for\none at least a day before the due date) or long after (a review of past cases).",
})
@Entity("apologies")
export class Apology {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  caseId!: number;

  @Field({ description: "Số phiếu." })
  @TextColumn(TEXT_LIMITS.apology.number)
  number!: string;

  @Field(() => DateTimeScalar)
  @MomentColumn()
  issuedAt!: Date;

  @Field({ description: "Lý do chậm trễ." })
  @TextColumn(TEXT_LIMITS.apology.reason)
  reason!: string;

  @Field(() => DateTimeScalar, { description: "Ngày hẹn trả kết quả mới." })
  @MomentColumn()
  newDueAt!: Date;

  @Field()
  @TextColumn(TEXT_LIMITS.apology.signer)
  signer!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was made public (công khai); null until then." })
  @MomentColumn({ nullable: true })
  publishedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Where it was made public (e.g. the one-stop notice board, the portal); null until then.",
  })
  @TextColumn(TEXT_LIMITS.apology.publishedVia, { nullable: true })
  publishedVia!: string | null;
}

/**
 * What an apology's writes (issueApology, importApologies) set besides its key, the case: the
 * import's batched upsert compares and writes these columns, issueApology's audit entry names them.
 */
export const APOLOGY_WRITTEN_FIELDS = ["number", "issuedAt", "reason", "newDueAt", "signer", "publishedAt"] as const satisfies readonly (keyof Apology)[];
