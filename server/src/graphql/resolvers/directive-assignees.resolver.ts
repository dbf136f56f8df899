import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { assigneeOutstanding } from "../../domain/assignee-stats.js";
import { Directive } from "../../entities/directive.entity.js";
import { Unit } from "../../entities/unit.entity.js";
import { assigneeStats } from "../../services/assignee-stats.sql.js";
import type { GraphQLContext } from "../context.js";
import { DateTimeScalar } from "../../core/scalars.js";
import { AssigneeStats } from "../types/assignee-stats.type.js";
import { requiredText } from "../validation.js";
import { unitByCode } from "./unit-lookup.js";

/** Directive.assignees, in a class of its own so other Directive fields land without touching it. */
@Resolver(() => Directive)
export class DirectiveAssigneesResolver {
  @FieldResolver(() => [AssigneeStats], {
    description: "Ordered by unit code (binary), then assignee (code points), null last. Unknown unitCode: NOT_FOUND.",
  })
  async assignees(
    @Root() directive: Directive,
    @Arg("unitCode", () => String, { nullable: true }) unitCode: string | null,
    @Arg("asOf", () => DateTimeScalar, { nullable: true }) asOf: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssigneeStats[]> {
    const unit = unitCode === null || unitCode === undefined ? null : await unitByCode(ctx, requiredText("unitCode", unitCode));
    const rows = await assigneeStats(ctx.db, directive, asOf ?? ctx.now, unit?.id);
    return rows.map((row) => {
      const owner = Object.assign(new Unit(), row.unit);
      ctx.loaders.unitById.prime(owner.id, owner);
      return Object.assign(new AssigneeStats(), {
        unit: owner,
        assignee: row.assignee,
        tasks: row.tasks,
        reportedTasks: row.reportedTasks,
        filedTasks: row.filedTasks,
        outstanding: assigneeOutstanding(row),
      });
    });
  }
}
