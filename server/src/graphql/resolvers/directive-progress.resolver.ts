import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { Directive } from "../../entities/directive.entity.js";
import { DEFAULT_PACE_DAYS, MAX_PACE_DAYS, forecastOf, paceStart } from "../../domain/forecast.js";
import { MAX_PROGRESS_DAYS, PROGRESS_DAYS, endOfDayMoment, seriesLength } from "../../domain/progress.js";
import type { VietnamDay } from "../../domain/vietnam-time.js";
import { countsOf } from "../../services/compliance.sql.js";
import { boardSeries, progressCountsByUnit, seriesOf, type UnitSeries } from "../../services/progress.sql.js";
import { unitsByCode } from "../../services/units.js";
import { countsByUnit, toCompliance } from "../directive-compliance.js";
import type { GraphQLContext } from "../context.js";
import { BadUserInputError } from "../../core/errors.js";
import { DateScalar, DateTimeScalar } from "../../core/scalars.js";
import { ProgressPoint, UnitForecast } from "../types/progress.type.js";
import { unitByCode } from "./unit-lookup.js";

/**
 * One request may ask for the board's series and each unit's (the progress chart does, with
 * aliases): every unit's series comes from one statement, kept for that request only.
 */
const seriesOfRequest = new WeakMap<GraphQLContext, Map<string, Promise<UnitSeries>>>();

function requestSeries(ctx: GraphQLContext, directive: Directive, from: VietnamDay, until: VietnamDay) {
  let cache = seriesOfRequest.get(ctx);
  if (!cache) seriesOfRequest.set(ctx, (cache = new Map()));
  const key = `${directive.id}|${from}|${until}`;
  let series = cache.get(key);
  if (!series) cache.set(key, (series = progressCountsByUnit(ctx.db, directive, from, until)));
  return series;
}

@Resolver(() => Directive)
export class DirectiveProgressResolver {
  @FieldResolver(() => [ProgressPoint], {
    description:
      "One point per Vietnam day, from and until inclusive, at most 400 days (else BAD_USER_INPUT); the board, or one unit (unknown unitCode: NOT_FOUND).",
  })
  async progress(
    @Root() directive: Directive,
    @Arg("unitCode", () => String, { nullable: true }) unitCode: string | null,
    @Arg("from", () => DateScalar) from: string,
    @Arg("until", () => DateScalar) until: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProgressPoint[]> {
    for (const day of [from, until]) {
      if (day < PROGRESS_DAYS.first || day > PROGRESS_DAYS.last) {
        throw new BadUserInputError(`A progress series covers days from ${PROGRESS_DAYS.first} to ${PROGRESS_DAYS.last}; got ${day}.`);
      }
    }
    const length = seriesLength(from, until);
    if (length < 1) throw new BadUserInputError(`until (${until}) is before from (${from}).`);
    if (length > MAX_PROGRESS_DAYS) {
      throw new BadUserInputError(
        `A progress series has at most ${MAX_PROGRESS_DAYS} days; ${from}..${until} has ${length}. Ask for a shorter range.`,
      );
    }
    const unit = unitCode === null || unitCode === undefined ? null : await unitByCode(ctx, unitCode);
    const series = await requestSeries(ctx, directive, from, until);
    const points = unit ? seriesOf(series, unit.id, from, until) : boardSeries(series, from, until);
    return points.map(({ day, counts }) =>
      Object.assign(new ProgressPoint(), { day, compliance: toCompliance(counts, directive, endOfDayMoment(day)) }),
    );
  }

  @FieldResolver(() => [UnitForecast], {
    description:
      "Every unit, ordered by unit code (binary). asOf defaults to now, paceDays to 7 (1..90, else BAD_USER_INPUT).",
  })
  async forecast(
    @Root() directive: Directive,
    @Arg("asOf", () => DateTimeScalar, { nullable: true }) asOf: Date | null,
    @Arg("paceDays", () => Int, { nullable: true }) paceDays: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UnitForecast[]> {
    const pace = paceDays ?? DEFAULT_PACE_DAYS;
    if (!Number.isInteger(pace) || pace < 1 || pace > MAX_PACE_DAYS) {
      throw new BadUserInputError(`paceDays must be a whole number from 1 to ${MAX_PACE_DAYS}; got ${pace}.`);
    }
    const moment = asOf ?? ctx.now;
    const [units, now, before] = await Promise.all([
      unitsByCode(ctx.db),
      countsByUnit(ctx, directive, moment),
      countsByUnit(ctx, directive, paceStart(moment, pace)),
    ]);
    return units.map((unit) => {
      ctx.loaders.unitById.prime(unit.id, unit);
      const forecast = forecastOf(countsOf(now, unit.id), countsOf(before, unit.id), moment, pace, directive.deadline);
      return Object.assign(new UnitForecast(), { unit, ...forecast });
    });
  }
}
