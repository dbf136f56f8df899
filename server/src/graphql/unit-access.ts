import { requireUnitWriter } from "../core/principal.js";
import type { GraphQLContext } from "./context.js";

/**
 * The write check for a record of a unit, by the unit's id: loads the unit (batched, cached for
 * the request) only to name it in the FORBIDDEN message.
 */
export async function requireWriterOfUnit(ctx: GraphQLContext, unitId: number): Promise<void> {
  const unit = await ctx.loaders.unitById.load(unitId);
  requireUnitWriter(ctx.principal, unitId, unit?.code ?? String(unitId));
}

/** An upsert may move a record between units: the writer must own both the old unit and the new one. */
export async function requireWriterOfMove(ctx: GraphQLContext, fromUnitId: number | undefined, toUnitId: number): Promise<void> {
  await requireWriterOfUnit(ctx, toUnitId);
  if (fromUnitId !== undefined && fromUnitId !== toUnitId) await requireWriterOfUnit(ctx, fromUnitId);
}
