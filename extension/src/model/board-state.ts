import type { DirectiveBoard } from "../api/api-types.js";

/** What the tree and the status bar show: one value, held by the BoardStore. */
export type BoardState =
  | { kind: "signedOut" }
  | { kind: "loading" }
  | { kind: "ready"; board: DirectiveBoard | null; loadedAt: Date }
  | { kind: "error"; message: string; code?: string };
