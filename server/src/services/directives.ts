import type { DataSource, EntityManager } from "typeorm";
import { Directive } from "../entities/directive.entity.js";

/** The latest deadline wins; ties go to the later issuedOn, then to the one created last. */
export function latestDirective(db: DataSource | EntityManager): Promise<Directive | null> {
  return db
    .getRepository(Directive)
    .createQueryBuilder("d")
    .orderBy("d.deadline", "DESC")
    .addOrderBy("d.issuedOn", "DESC")
    .addOrderBy("d.id", "DESC")
    .limit(1)
    .getOne();
}

/** Parses a GraphQL ID into a row id; anything that is not a positive integer matches nothing. */
export function parseId(id: string | number): number | null {
  const text = String(id).trim();
  return /^[1-9]\d{0,9}$/.test(text) && Number(text) <= 2147483647 ? Number(text) : null;
}
