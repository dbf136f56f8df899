import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Directive } from "../../entities/directive.entity.js";
import { fieldChanges } from "../../services/audit-details.js";
import { auditedWrite } from "../audited-write.js";
import { boardCounts, countsOf } from "../../services/compliance.sql.js";
import { parseId } from "../../services/directives.js";
import { requireAdmin } from "../../core/principal.js";
import { countsByUnit, toCompliance } from "../directive-compliance.js";
import type { GraphQLContext } from "../context.js";
import { BadUserInputError } from "../../core/errors.js";
import { DirectiveInput } from "../inputs/directive.input.js";
import { DateTimeScalar } from "../../core/scalars.js";
import { Compliance, UnitCompliance } from "../types/compliance.type.js";
import { unitsByCode } from "../../services/units.js";

@Resolver(() => Directive)
export class DirectiveResolver {
  @Query(() => [Directive], { description: "Every directive, latest deadline first." })
  directives(@Ctx() ctx: GraphQLContext): Promise<Directive[]> {
    return ctx.db.getRepository(Directive).find({ order: { deadline: "DESC", issuedOn: "DESC", id: "DESC" } });
  }

  @Query(() => Directive, { nullable: true })
  async directive(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Directive | null> {
    const rowId = parseId(id);
    return rowId === null ? null : ctx.loaders.directiveById.load(rowId);
  }

  @Query(() => Directive, {
    nullable: true,
    description: "The directive with the latest deadline; ties go to the later issuedOn, then to the one created last.",
  })
  latestDirective(@Ctx() ctx: GraphQLContext): Promise<Directive | null> {
    return ctx.loaders.latestDirective();
  }

  @Mutation(() => Directive)
  async createDirective(
    @Arg("input", () => DirectiveInput) input: DirectiveInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Directive> {
    requireAdmin(ctx.principal);
    if (input.periodEnd < input.periodStart) {
      throw new BadUserInputError(`periodEnd (${input.periodEnd}) is before periodStart (${input.periodStart}).`);
    }
    return auditedWrite(ctx, "createDirective", async (manager) => {
      const value = await manager.save(manager.create(Directive, { ...input }));
      const fields = ["number", "subject", "issuedOn", "periodStart", "periodEnd", "deadline"] as const;
      return { value, subjectKey: String(value.id), details: fieldChanges(null, value, fields) };
    });
  }

  @FieldResolver(() => Compliance, { description: "All units together." })
  async compliance(
    @Root() directive: Directive,
    @Arg("asOf", () => DateTimeScalar, { nullable: true }) asOf: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Compliance> {
    const moment = asOf ?? ctx.now;
    return toCompliance(boardCounts(await countsByUnit(ctx, directive, moment)), directive, moment);
  }

  @FieldResolver(() => [UnitCompliance], { description: "One row per unit, ordered by unit code." })
  async units(
    @Root() directive: Directive,
    @Arg("asOf", () => DateTimeScalar, { nullable: true }) asOf: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UnitCompliance[]> {
    const moment = asOf ?? ctx.now;
    const [units, byUnit] = await Promise.all([
      unitsByCode(ctx.db),
      countsByUnit(ctx, directive, moment),
    ]);
    return units
      .map((unit) => {
        ctx.loaders.unitById.prime(unit.id, unit);
        return Object.assign(new UnitCompliance(), {
          unit,
          compliance: toCompliance(countsOf(byUnit, unit.id), directive, moment),
        });
      });
  }
}
