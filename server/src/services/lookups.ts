import type { DataSource, EntityManager } from "typeorm";
import { NotFoundError } from "../core/errors.js";
import { storedText } from "../domain/stored-text.js";
import { Directive } from "../entities/directive.entity.js";
import { Unit } from "../entities/unit.entity.js";
import { parseId } from "./directives.js";

/**
 * The records a request or a file names by key, or NOT_FOUND: the same lookup and the same message
 * for the API, the downloads, the documents and the exports.
 */

/** A key as written by a person, as it is stored (the contract's text rule: trimmed, NFC). */
export function lookupKey(value: string): string {
  return storedText(value);
}

export async function directiveOrNotFound(db: DataSource | EntityManager, directiveId: string): Promise<Directive> {
  const id = parseId(directiveId);
  const directive = id === null ? null : await db.getRepository(Directive).findOneBy({ id });
  if (!directive) throw new NotFoundError(`No directive has id ${directiveId}.`);
  return directive;
}

export async function unitOrNotFound(db: DataSource | EntityManager, unitCode: string): Promise<Unit> {
  const code = lookupKey(unitCode);
  const unit = await db.getRepository(Unit).findOneBy({ code });
  if (!unit) throw new NotFoundError(`No unit has code "${code}".`);
  return unit;
}
