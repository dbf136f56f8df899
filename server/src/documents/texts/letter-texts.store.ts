import type { DataSource, EntityManager } from "typeorm";
import { sqlMoment } from "../../db/sql-moment.js";
import { DEFAULT_LETTER_TEXTS } from "./default-letter-texts.js";
import type { LetterTexts } from "./letter-texts.js";
import { mergeTexts, validateLetterTexts } from "./letter-texts.validation.js";

/** The one row of letter_settings holding the texts (the table leaves room for other settings). */
const TEXTS_ROW = "letter-texts";

/** The texts in force: the Office's saved version, or the shipped defaults when it saved none. */
export async function loadLetterTexts(db: DataSource | EntityManager): Promise<LetterTexts> {
  const rows: { json: string }[] = await db.query("SELECT json FROM letter_settings WHERE name = ?", [TEXTS_ROW]);
  if (rows.length === 0) return structuredClone(DEFAULT_LETTER_TEXTS);
  // Onto the defaults: a sentence a later version adds gets its shipped text until the Office edits it.
  return validateLetterTexts(mergeTexts(structuredClone(DEFAULT_LETTER_TEXTS), JSON.parse(rows[0].json)));
}

/**
 * Applies the Office's edit (a partial texts document, merged onto the texts in force), checks
 * the result and stores it whole, inside the caller's transaction (the write and its audit entry
 * commit together). Throws LetterTextsProblems when the result is not usable.
 */
export async function updateLetterTexts(manager: EntityManager, patch: unknown): Promise<LetterTexts> {
  // Locked on MariaDB: two edits at once apply one after the other, neither lost.
  const forUpdate = manager.connection.options.type === "mysql" ? " FOR UPDATE" : "";
  const rows: { json: string }[] = await manager.query(`SELECT json FROM letter_settings WHERE name = ?${forUpdate}`, [TEXTS_ROW]);
  const current = rows.length === 0 ? DEFAULT_LETTER_TEXTS : mergeTexts(structuredClone(DEFAULT_LETTER_TEXTS), JSON.parse(rows[0].json));
  const texts = validateLetterTexts(mergeTexts(current, patch));
  const json = JSON.stringify(texts);
  const now = sqlMoment(new Date());
  if (rows.length === 0) {
    await manager.query("INSERT INTO letter_settings (name, json, updatedAt) VALUES (?, ?, ?)", [TEXTS_ROW, json, now]);
  } else {
    await manager.query("UPDATE letter_settings SET json = ?, updatedAt = ? WHERE name = ?", [json, now, TEXTS_ROW]);
  }
  return texts;
}

/** Back to the shipped defaults. */
export async function resetLetterTexts(manager: EntityManager): Promise<LetterTexts> {
  await manager.query("DELETE FROM letter_settings WHERE name = ?", [TEXTS_ROW]);
  return structuredClone(DEFAULT_LETTER_TEXTS);
}
