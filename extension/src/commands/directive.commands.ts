import * as vscode from "vscode";
import type { GroupNode, TreeNode } from "../model/compliance-tree.model.js";
import { deadlineText, directiveTitle } from "../model/format.js";
import type { Services } from "./services.js";

/** Refresh, Select Directive (picker, or the id as an argument) and the tree's Load more. */
export function registerDirectiveCommands({ connection, store, tree, log }: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand("cchc.refresh", async () => {
      const state = await store.refresh();
      return state.kind === "ready" ? state.board : undefined;
    }),
    vscode.commands.registerCommand("cchc.selectDirective", async (arg?: unknown) => {
      let id = typeof arg === "string" ? arg : undefined;
      if (!id) {
        try {
          const directives = await connection.api().directives();
          if (directives.length === 0) {
            void vscode.window.showInformationMessage("CCHC: the server has no directive yet.");
            return undefined;
          }
          const now = new Date();
          const latest = [...directives].sort((a, b) => (a.deadline < b.deadline ? 1 : a.deadline > b.deadline ? -1 : 0));
          const picked = await vscode.window.showQuickPick(
            latest.map((d) => ({
              label: d.number,
              description: `deadline ${d.deadline} · ${deadlineText(d.deadline, now)}`,
              detail: d.subject,
              picked: d.id === (store.board?.id ?? store.directiveId),
              id: d.id,
            })),
            { title: "CCHC: Select Directive", placeHolder: "The directive whose compliance the view and status bar show" },
          );
          id = picked?.id;
        } catch (error) {
          await log.report("CCHC: Select directive", error);
          return undefined;
        }
      }
      if (!id) return undefined;
      await store.selectDirective(id);
      if (store.board) log.info(`Showing directive ${directiveTitle(store.board)}`);
      return store.board?.id;
    }),
    vscode.commands.registerCommand("cchc.loadMore", async (node?: TreeNode) => {
      const group: GroupNode | undefined = node?.kind === "more" ? node.parent : node?.kind === "group" ? node : undefined;
      if (!group) return;
      try {
        await tree.loadMore(group);
      } catch (error) {
        await log.report("CCHC: Load more", error);
      }
    }),
  ];
}
