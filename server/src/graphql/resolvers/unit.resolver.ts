import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { lockedFindOne } from "../../db/write-transaction.js";
import { fieldChanges } from "../../services/audit-details.js";
import { auditedWrite } from "../audited-write.js";
import { Unit } from "../../entities/unit.entity.js";
import { countsOf } from "../../services/compliance.sql.js";
import { requireAdmin } from "../../core/principal.js";
import { countsByUnit, resolveDirective, toCompliance } from "../directive-compliance.js";
import type { GraphQLContext } from "../context.js";
import { UnitInput } from "../inputs/unit.input.js";
import { DateTimeScalar } from "../../core/scalars.js";
import { Compliance } from "../types/compliance.type.js";
import { requiredText } from "../validation.js";
import { unitsByCode } from "../../services/units.js";

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => [Unit], { description: "Every unit, ordered by code." })
  async units(@Ctx() ctx: GraphQLContext): Promise<Unit[]> {
    return unitsByCode(ctx.db);
  }

  @Query(() => Unit, { nullable: true })
  unit(@Arg("code", () => String) code: string, @Ctx() ctx: GraphQLContext): Promise<Unit | null> {
    return ctx.db.getRepository(Unit).findOneBy({ code: requiredText("code", code) });
  }

  @Mutation(() => Unit, { description: "Creates the unit, or updates the one with that code." })
  async upsertUnit(@Arg("input", () => UnitInput) input: UnitInput, @Ctx() ctx: GraphQLContext): Promise<Unit> {
    requireAdmin(ctx.principal);
    return auditedWrite(ctx, "upsertUnit", async (manager) => {
      const existing = await lockedFindOne(manager, Unit, { code: input.code });
      const before = existing ? { ...existing } : null;
      const unit = existing ?? manager.create(Unit, { code: input.code });
      unit.name = input.name;
      unit.kind = input.kind;
      const value = await manager.save(unit);
      return { value, subjectKey: value.code, details: fieldChanges(before, value, ["code", "name", "kind"]) };
    });
  }

  @FieldResolver(() => Compliance, {
    description: "This unit's compliance with a directive (default: the latest by deadline) as of a moment (default: now).",
  })
  async compliance(
    @Root() unit: Unit,
    @Arg("directiveId", () => ID, { nullable: true }) directiveId: string | null,
    @Arg("asOf", () => DateTimeScalar, { nullable: true }) asOf: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Compliance> {
    const directive = await resolveDirective(ctx, directiveId);
    const moment = asOf ?? ctx.now;
    return toCompliance(countsOf(await countsByUnit(ctx, directive, moment), unit.id), directive, moment);
  }
}
