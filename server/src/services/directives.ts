import type { DataSource, EntityManager } from "typeorm";
import { selectEntities } from "../db/entity-select.js";
import { Directive } from "../entities/directive.entity.js";

/** The latest deadline wins; ties go to the later issuedOn, then to the one created last. */
export async function latestDirective(db: DataSource | EntityManager): Promise<Directive | null> {
  const [latest] = await selectEntities(db, Directive, "ORDER BY {deadline} DESC, {issuedOn} DESC, {id} DESC LIMIT 1");
  return latest ?? null;
}

/** Parses a GraphQL ID into a row id; anything that is not a positive integer matches nothing. */
export function parseId(id: string | number): number | null {
  const text = String(id).trim();
  return /^[1-9]\d{0,9}$/.test(text) && Number(text) <= 2147483647 ? Number(text) : null;
}
