import type { Unit } from "../../entities/unit.entity.js";
import { unitOrNotFound } from "../../services/lookups.js";
import type { GraphQLContext } from "../context.js";

/** A unit named inside an input or a filter: NOT_FOUND when it does not exist; cached for the request. */
export async function unitByCode(ctx: GraphQLContext, code: string): Promise<Unit> {
  const unit = await unitOrNotFound(ctx.db, code);
  ctx.loaders.unitById.prime(unit.id, unit);
  return unit;
}
