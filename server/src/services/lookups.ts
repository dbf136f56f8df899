import { DataSource, type EntityManager } from "typeorm";
import { NotFoundError } from "../core/errors.js";
import { lockedFindOne } from "../db/write-transaction.js";
import { storedText } from "../domain/stored-text.js";
import { Case } from "../entities/case.entity.js";
import { Directive } from "../entities/directive.entity.js";
import { Unit } from "../entities/unit.entity.js";
import { parseId } from "./directives.js";

/**
 * The records a request or a file names by key, or NOT_FOUND: the same lookup, the same key
 * normalisation and the same message for the API, the downloads, the documents and the exports.
 *
 * Why here and not in core/: a lookup reads the database, and core/ sits below the entities (it
 * holds only what needs no row: errors, principal and roles, enums, scalars, cursors). services/
 * is the lowest layer that may read rows and the highest that graphql/, http/, documents/ and
 * imports/ all may import, so the one copy lives here (README, "Architecture").
 */

/** A key as written by a person, as it is stored (the contract's text rule: trimmed, NFC). */
export function lookupKey(value: string): string {
  return storedText(value);
}

/** Loads a directive by row id: a repository, or a request's batching loader. */
export type DirectiveSource = DataSource | EntityManager | ((id: number) => Promise<Directive | null | undefined>);

export async function directiveOrNotFound(source: DirectiveSource, directiveId: string): Promise<Directive> {
  const id = parseId(directiveId);
  const load = typeof source === "function" ? source : (rowId: number) => source.getRepository(Directive).findOneBy({ id: rowId });
  const directive = id === null ? null : await load(id);
  if (!directive) throw new NotFoundError(`No directive has id ${directiveId}.`);
  return directive;
}

export async function unitOrNotFound(db: DataSource | EntityManager, unitCode: string): Promise<Unit> {
  const code = lookupKey(unitCode);
  const unit = await db.getRepository(Unit).findOneBy({ code });
  if (!unit) throw new NotFoundError(`No unit has code "${code}".`);
  return unit;
}

/** `locked`: inside a write, the row stays locked until it commits (MariaDB; SQLite has one writer). */
export async function caseOrNotFound(db: DataSource | EntityManager, caseCode: string, options: { locked?: boolean } = {}): Promise<Case> {
  const code = lookupKey(caseCode);
  const manager = db instanceof DataSource ? db.manager : db;
  const found = options.locked ? await lockedFindOne(manager, Case, { code }) : await manager.findOneBy(Case, { code });
  if (!found) throw new NotFoundError(`No case has code "${code}".`);
  return found;
}
