import { scopeWindow, type ScopeWindow } from "../domain/compliance.js";
import type { KeysetPage } from "../services/keyset-page.js";
import { resolveDirective } from "./directive-compliance.js";
import type { GraphQLContext } from "./context.js";
import { encodeCursor, type CursorPosition } from "../core/cursor.js";
import { unitByCode } from "./resolvers/unit-lookup.js";

/** The filter keys both connections share, resolved: NOT_FOUND for an unknown unit or directive. */
export async function resolveScopeFilter(
  ctx: GraphQLContext,
  filter: { unitCode?: string | null; directiveId?: string | null } | null,
): Promise<{ unitId?: number; window?: ScopeWindow }> {
  const unit = filter?.unitCode != null ? await unitByCode(ctx, filter.unitCode) : undefined;
  const directive = filter?.directiveId != null ? await resolveDirective(ctx, filter.directiveId) : undefined;
  return {
    unitId: unit?.id,
    window: directive ? scopeWindow(directive.periodStart, directive.periodEnd) : undefined,
  };
}

/** A keyset page as a Relay connection; each edge's cursor is its row's position in the order. */
export function toConnection<T>(page: KeysetPage<T>, positionOf: (node: T) => CursorPosition) {
  const edges = page.rows.map((node) => new Edge(node, positionOf));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}

/** An edge whose cursor is encoded when asked for: a page's edges are mostly read for their nodes. */
class Edge<T> {
  constructor(
    readonly node: T,
    private readonly positionOf: (node: T) => CursorPosition,
  ) {}

  get cursor(): string {
    return encodeCursor(this.positionOf(this.node));
  }
}
