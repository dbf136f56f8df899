import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { AuditEntry } from "../../entities/audit-entry.entity.js";
import { Unit } from "../../entities/unit.entity.js";
import { auditLogPage, type AuditPosition } from "../../services/audit-trail.js";
import { decodeCursor, encodeCursor } from "../../core/cursor.js";
import { BadUserInputError } from "../../core/errors.js";
import { requireAdmin } from "../../core/principal.js";
import type { GraphQLContext } from "../context.js";
import { pageSize } from "../pagination.js";
import { AuditActor, AuditEntryConnection, AuditFilter } from "../types/audit.type.js";

/** The audit trail, for administrators: who wrote what, newest first. */
@Resolver(() => AuditEntry)
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, {
    description: "Newest first (at descending, then id descending). ADMIN only. first: 0 to 500 (default 50).",
  })
  async auditLog(
    @Arg("filter", () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuditEntryConnection> {
    requireAdmin(ctx.principal);
    const size = pageSize(first);
    const page = await auditLogPage(
      ctx.db,
      {
        operation: filter?.operation ?? undefined,
        subjectKey: filter?.subjectKey ?? undefined,
        actorTokenId: filter?.actorTokenId == null ? undefined : tokenIdOf(filter.actorTokenId),
        from: filter?.from ?? undefined,
        until: filter?.until ?? undefined,
      },
      size,
      positionOf(after),
    );
    const edges = page.rows.map((node) => ({ node, cursor: encodeCursor({ moment: node.at, key: String(node.id) }) }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @FieldResolver(() => AuditActor)
  actor(@Root() entry: AuditEntry): AuditActor {
    return {
      tokenId: entry.actorTokenId === null ? null : String(entry.actorTokenId),
      name: entry.actorName,
      role: entry.actorRole,
      unitId: entry.actorUnitId,
    };
  }
}

@Resolver(() => AuditActor)
export class AuditActorResolver {
  @FieldResolver(() => Unit, { nullable: true, description: "The unit an OFFICER token writes for." })
  unit(@Root() actor: AuditActor, @Ctx() ctx: GraphQLContext): Promise<Unit | null> {
    return actor.unitId === null ? Promise.resolve(null) : ctx.loaders.unitById.load(actor.unitId);
  }
}

function tokenIdOf(id: string): number {
  if (!/^\d{1,15}$/.test(id.trim())) throw new BadUserInputError(`filter.actorTokenId must be a token id (a whole number); got "${id}".`);
  return Number(id.trim());
}

function positionOf(after: string | null): AuditPosition | null {
  const position = decodeCursor(after);
  if (position === null) return null;
  if (!/^\d+$/.test(position.key)) {
    throw new BadUserInputError("after is not a cursor of auditLog; pass pageInfo.endCursor of the previous auditLog page.");
  }
  return { at: position.moment, id: Number(position.key) };
}
