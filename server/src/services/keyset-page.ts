import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { sqlMoment, sqlNumber } from "../db/sql-moment.js";
import type { CursorPosition } from "../core/cursor.js";

export interface KeysetPage<T> {
  rows: T[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * One page in (moment, key) order after a cursor, plus the total under the filter: two
 * statements. Keyset paging keeps pages stable while rows are added and needs no OFFSET scan.
 * `filtered` builds a fresh filtered query each call; `alias.moment`/`alias.key` name the columns.
 */
export async function keysetPage<T extends ObjectLiteral>(
  filtered: () => SelectQueryBuilder<T>,
  columns: { moment: string; key: string },
  first: number,
  after: CursorPosition | null,
): Promise<KeysetPage<T>> {
  const page = filtered().orderBy(columns.moment, "ASC").addOrderBy(columns.key, "ASC").limit(first + 1);
  if (after) {
    page.andWhere(
      `(${columns.moment} > :afterMoment OR (${columns.moment} = :afterMoment AND ${columns.key} > :afterKey))`,
      { afterMoment: sqlMoment(after.moment), afterKey: after.key },
    );
  }
  const [rows, total] = await Promise.all([
    page.getMany(),
    filtered().select("COUNT(*)", "total").getRawOne<{ total: unknown }>(),
  ]);
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount: sqlNumber(total?.total) };
}
