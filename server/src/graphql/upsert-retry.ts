import { isUniqueViolation } from "./errors.js";

/**
 * An upsert reads its key, then inserts when nothing was there. When several requests upsert the
 * same new key at once, all of them read nothing; on MariaDB every INSERT but the first then fails
 * with a duplicate key (SQLite serialises writers and never shows it). The winner has committed by
 * the time the loser sees that error, so running the upsert once more finds its row and updates
 * it, which is what "creates ..., or updates the one with that code" promises.
 */
export async function retryOnUniqueViolation<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return upsert();
  }
}
