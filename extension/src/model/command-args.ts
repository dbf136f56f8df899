import type { TreeNode } from "./compliance-tree.model.js";

/**
 * Commands take either a tree node (context menus) or a plain object of inputs (tests, other
 * extensions, keybindings), so that every dialog can be skipped by passing its answer.
 */
export interface DocumentArgs {
  directiveId?: string;
  unitCode?: string;
  caseCode?: string;
  format?: string;
  /** Where to write one file; skips the save dialog. */
  filePath?: string;
  /** Where to write several files; skips the folder dialog. */
  folder?: string;
}

function isNode(arg: unknown): arg is TreeNode {
  return typeof arg === "object" && arg !== null && "kind" in arg;
}

export function documentArgs(arg: unknown): DocumentArgs {
  if (isNode(arg)) {
    switch (arg.kind) {
      case "directive":
        return { directiveId: arg.board.id };
      case "unit":
        return { directiveId: arg.directiveId, unitCode: arg.entry.unit.code };
      case "group":
        return { directiveId: arg.directiveId, unitCode: arg.unitCode };
      case "case":
        return { directiveId: arg.parent.directiveId, unitCode: arg.parent.unitCode, caseCode: arg.item.code };
      case "task":
      case "more":
        return { directiveId: arg.parent.directiveId, unitCode: arg.parent.unitCode };
      default:
        return {};
    }
  }
  if (typeof arg === "object" && arg !== null) return arg as DocumentArgs;
  return {};
}

/** The directive the arguments name, else the one the view shows (the BoardStore's board). */
export function directiveIdOf(args: DocumentArgs, store: { readonly board: { id: string } | null }): string {
  const id = args.directiveId ?? store.board?.id;
  if (!id) throw new Error("No directive is loaded. Sign in, then refresh the CCHC view or run CCHC: Select Directive.");
  return id;
}
