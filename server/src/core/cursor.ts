import { BadUserInputError } from "./errors.js";

/** The position of a row in a keyset order: its sort moment and its unique code. */
export interface CursorPosition {
  moment: Date;
  key: string;
}

/** Opaque to clients: base64url of the row's sort key, so pages stay stable while rows are added. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.moment.toISOString(), position.key]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): CursorPosition | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const [moment, key] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const date = new Date(String(moment));
    // Exactly as encodeCursor writes it: a moment without its offset, or past year 9999, was never issued.
    const issued = typeof moment === "string" && !Number.isNaN(date.getTime()) && date.toISOString() === moment && /^\d{4}-/.test(moment);
    if (issued && typeof key === "string") return { moment: date, key };
  } catch {
    // falls through to the error below
  }
  throw new BadUserInputError("after is not a cursor this API issued; pass pageInfo.endCursor of the previous page.");
}
