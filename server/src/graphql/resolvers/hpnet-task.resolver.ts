import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { lockedFindOne } from "../../db/write-transaction.js";
import { fieldChanges, upsertAuditFields } from "../../services/audit-details.js";
import { auditedWrite } from "../audited-write.js";
import { workFileProblems } from "../../domain/task-rules.js";
import { HPNET_TASK_WRITTEN_FIELDS, HpNetTask } from "../../entities/hpnet-task.entity.js";
import { Unit } from "../../entities/unit.entity.js";
import { listTasks } from "../../services/task-list.js";
import { resolveScopeFilter, toConnection } from "../connection.js";
import type { GraphQLContext } from "../context.js";
import { HpNetTaskFilter } from "../inputs/filters.input.js";
import { HpNetTaskInput } from "../inputs/hpnet-task.input.js";
import { decodeCursor } from "../../core/cursor.js";
import { pageSize } from "../pagination.js";
import { HpNetTaskConnection } from "../types/connection.type.js";
import { refuseProblems } from "../rule-problems.js";
import { normalizeOptionalText, requiredText } from "../validation.js";
import { unitByCode } from "./unit-lookup.js";
import { requireWriterOfMove } from "../unit-access.js";

@Resolver(() => HpNetTask)
export class HpNetTaskResolver {
  @Query(() => HpNetTask, { nullable: true })
  hpnetTask(@Arg("externalId", () => String) externalId: string, @Ctx() ctx: GraphQLContext): Promise<HpNetTask | null> {
    return ctx.db.getRepository(HpNetTask).findOneBy({ externalId: requiredText("externalId", externalId) });
  }

  @Query(() => HpNetTaskConnection, {
    description: "Ordered by assignedAt, then externalId. first: 0 to 500 (default 50); outside that, BAD_USER_INPUT.",
  })
  async hpnetTasks(
    @Arg("filter", () => HpNetTaskFilter, { nullable: true }) filter: HpNetTaskFilter | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<HpNetTaskConnection> {
    const page = await listTasks(
      ctx.db,
      {
        ...(await resolveScopeFilter(ctx, filter)),
        reported: filter?.reported ?? undefined,
        filed: filter?.filed ?? undefined,
        now: ctx.now,
      },
      pageSize(first),
      decodeCursor(after),
    );
    return toConnection(page, (node) => ({ moment: node.assignedAt, key: node.externalId }));
  }

  @Mutation(() => HpNetTask, { description: "Creates the task, or updates the one with that externalId." })
  async upsertHpNetTask(
    @Arg("input", () => HpNetTaskInput) input: HpNetTaskInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<HpNetTask> {
    const unit = await unitByCode(ctx, input.unitCode);
    const workFileCode = normalizeOptionalText(input.workFileCode);
    const workFileCreatedAt = input.workFileCreatedAt ?? null;
    refuseProblems(workFileProblems(workFileCode, workFileCreatedAt));
    return auditedWrite(ctx, "upsertHpNetTask", async (manager) => {
      const existing = await lockedFindOne(manager, HpNetTask, { externalId: input.externalId });
      const before = existing ? { ...existing, unitCode: (await ctx.loaders.unitById.load(existing.unitId))?.code } : null;
      await requireWriterOfMove(ctx, existing?.unitId, unit.id);
      const row = existing ?? manager.create(HpNetTask, { externalId: input.externalId });
      Object.assign(row, {
        title: input.title,
        unitId: unit.id,
        assignee: normalizeOptionalText(input.assignee),
        assignedAt: input.assignedAt,
        dueAt: input.dueAt ?? null,
        completionReportedAt: input.completionReportedAt ?? null,
        archivedAt: input.archivedAt ?? null,
        workFileCode,
        workFileCreatedAt,
      });
      const value = await manager.save(row);
      const fields = upsertAuditFields("externalId", HPNET_TASK_WRITTEN_FIELDS);
      return { value, subjectKey: value.externalId, details: fieldChanges(before, { ...value, unitCode: unit.code }, fields) };
    });
  }

  @FieldResolver(() => Unit)
  async unit(@Root() row: HpNetTask, @Ctx() ctx: GraphQLContext): Promise<Unit> {
    return (await ctx.loaders.unitById.load(row.unitId)) as Unit;
  }
}
