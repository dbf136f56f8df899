import { expect } from "vitest";

/** Each piece occurs in `text` after the one before it: the order in which a reader meets them in a letter. */
export function expectInOrder(text: string, pieces: readonly string[]): void {
  let from = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, from);
    expect(at, `"${piece}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + piece.length;
  }
}
