import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateTimeScalar } from "../core/scalars.js";
import { TEXT_LIMITS } from "../domain/text-limits.js";
import { MomentColumn, TextColumn } from "./columns.js";

@ObjectType({ description: "A work item assigned on HpNet, the city's electronic office." })
@Entity("hpnet_tasks")
export class HpNetTask {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: "Its id on HpNet, unique." })
  @TextColumn(TEXT_LIMITS.hpNetTask.externalId)
  externalId!: string;

  @Field()
  @TextColumn(TEXT_LIMITS.hpNetTask.title)
  title!: string;

  @Column({ type: "int" })
  unitId!: number;

  @Field(() => String, { nullable: true })
  @TextColumn(TEXT_LIMITS.hpNetTask.assignee, { nullable: true })
  assignee!: string | null;

  @Field(() => DateTimeScalar)
  @MomentColumn()
  assignedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @MomentColumn({ nullable: true })
  dueAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Báo cáo hoàn thành." })
  @MomentColumn({ nullable: true })
  completionReportedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Lưu trữ." })
  @MomentColumn({ nullable: true })
  archivedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Ký hiệu hồ sơ công việc (Decree 30/2020/NĐ-CP)." })
  @TextColumn(TEXT_LIMITS.hpNetTask.workFileCode, { nullable: true })
  workFileCode!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @MomentColumn({ nullable: true })
  workFileCreatedAt!: Date | null;
}

/**
 * What an upsert of a task (upsertHpNetTask, importHpNetTasks) writes besides its key, the
 * externalId: the import's batched upsert compares and writes these columns, the audit entry's
 * details name them (the unit by its code, see upsertAuditFields).
 */
export const HPNET_TASK_WRITTEN_FIELDS = [
  "title",
  "unitId",
  "assignee",
  "assignedAt",
  "dueAt",
  "completionReportedAt",
  "archivedAt",
  "workFileCode",
  "workFileCreatedAt",
] as const satisfies readonly (keyof HpNetTask)[];
