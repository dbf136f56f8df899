import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { dayOfWeek } from "../../domain/vietnam-time.js";
import { lockedFindOne } from "../../db/write-transaction.js";
import { Holiday } from "../../entities/holiday.entity.js";
import { requireAdmin } from "../../core/principal.js";
import { fieldChanges } from "../../services/audit-details.js";
import { auditedWrite } from "../audited-write.js";
import type { GraphQLContext } from "../context.js";
import { HolidayKind } from "../../core/enums.js";
import { BadUserInputError } from "../../core/errors.js";
import { HolidayInput } from "../inputs/holiday.input.js";
import { DateScalar, parseDay } from "../../core/scalars.js";
import { Between } from "typeorm";

@Resolver(() => Holiday)
export class HolidayResolver {
  @Query(() => [Holiday], { description: "The working-day calendar's exceptions, by date; optionally of one year." })
  holidays(
    @Arg("year", () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Holiday[]> {
    const where = year === null ? {} : { date: Between(`${year}-01-01`, `${year}-12-31`) };
    return ctx.db.getRepository(Holiday).find({ where, order: { date: "ASC" } });
  }

  @Mutation(() => Holiday, { description: "Adds or changes a day of the working-day calendar (ADMIN)." })
  async upsertHoliday(@Arg("input", () => HolidayInput) input: HolidayInput, @Ctx() ctx: GraphQLContext): Promise<Holiday> {
    requireAdmin(ctx.principal);
    const weekend = [0, 6].includes(dayOfWeek(input.date));
    if (input.kind === HolidayKind.MAKEUP_WORKDAY && !weekend) {
      throw new BadUserInputError(`${input.date} is a weekday: only a Saturday or Sunday can be a make-up working day.`);
    }
    if (input.kind === HolidayKind.HOLIDAY && weekend) {
      throw new BadUserInputError(
        `${input.date} is a weekend day: record the weekday given off in compensation instead (Labour Code art. 111(3)).`,
      );
    }
    return auditedWrite(ctx, "upsertHoliday", async (manager) => {
      const before = await lockedFindOne(manager, Holiday, { date: input.date });
      const value = await manager.save(manager.create(Holiday, { ...input }));
      return { value, subjectKey: value.date, details: fieldChanges(before && { ...before }, value, ["date", "kind", "name"]) };
    });
  }

  @Mutation(() => Boolean, { description: "Removes a day from the calendar (ADMIN); false when it was not there." })
  async deleteHoliday(@Arg("date", () => DateScalar) date: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    requireAdmin(ctx.principal);
    const day = parseDay(date);
    return auditedWrite(ctx, "deleteHoliday", async (manager) => {
      const before = await lockedFindOne(manager, Holiday, { date: day });
      if (before) await manager.delete(Holiday, { date: day });
      return { value: before !== null, subjectKey: day, details: fieldChanges(before && { ...before }, null, ["date", "kind", "name"]) };
    });
  }
}
