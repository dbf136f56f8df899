import { Unit } from "../../entities/unit.entity.js";
import type { GraphQLContext } from "../context.js";
import { NotFoundError } from "../errors.js";
import { normalizeText } from "../validation.js";

/** A unit named inside an input or a filter: NOT_FOUND when it does not exist. */
export async function unitByCode(ctx: GraphQLContext, code: string): Promise<Unit> {
  const unit = await ctx.db.getRepository(Unit).findOneBy({ code: normalizeText(code) });
  if (!unit) throw new NotFoundError(`No unit has code "${normalizeText(code)}".`);
  ctx.loaders.unitById.prime(unit.id, unit);
  return unit;
}
