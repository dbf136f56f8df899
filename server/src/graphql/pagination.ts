import { BadUserInputError } from "./errors.js";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** The position of a row in a keyset order: its sort moment and its unique code. */
export interface CursorPosition {
  moment: Date;
  key: string;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be a whole number from 0 to ${MAX_PAGE_SIZE}; got ${first}.`);
  }
  return first;
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
    if (typeof moment === "string" && typeof key === "string" && !Number.isNaN(date.getTime())) {
      return { moment: date, key };
    }
  } catch {
    // falls through to the error below
  }
  throw new BadUserInputError("after is not a cursor this API issued; pass pageInfo.endCursor of the previous page.");
}
