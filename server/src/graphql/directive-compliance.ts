import { complianceFigures, type ComplianceCounts } from "../domain/compliance.js";
import type { Directive } from "../entities/directive.entity.js";
import type { GraphQLContext } from "./context.js";
import { ComplianceStatusEnum } from "../core/enums.js";
import { NotFoundError } from "../core/errors.js";
import { Compliance } from "./types/compliance.type.js";
import { directiveOrNotFound } from "../services/lookups.js";

export function toCompliance(counts: ComplianceCounts, directive: Directive, asOf: Date): Compliance {
  const figures = complianceFigures(counts, asOf, directive.deadline);
  return Object.assign(new Compliance(), figures, {
    status: ComplianceStatusEnum[figures.status],
    asOf,
  });
}

/** The directive named by id, or the latest by deadline; NOT_FOUND when there is none. */
export async function resolveDirective(ctx: GraphQLContext, directiveId: string | null | undefined): Promise<Directive> {
  if (directiveId === null || directiveId === undefined) {
    const latest = await ctx.loaders.latestDirective();
    if (!latest) throw new NotFoundError("There is no directive yet; create one with createDirective.");
    return latest;
  }
  return directiveOrNotFound((id) => ctx.loaders.directiveById.load(id), directiveId);
}

/** Counts of every unit for (directive, moment), batched so a board of N units costs the same as one. */
export function countsByUnit(ctx: GraphQLContext, directive: Directive, asOf: Date) {
  return ctx.loaders.complianceByUnit(directive, asOf);
}
