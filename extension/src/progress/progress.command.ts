import * as vscode from "vscode";
import type { TreeNode } from "../model/compliance-tree.model.js";
import type { Services } from "../commands/services.js";
import { ProgressPanel } from "./progress-panel.js";

/** CCHC: Show Progress, and the reveal of a unit in the tree when its line is clicked. */
export function registerProgressCommand(
  extensionUri: vscode.Uri,
  services: Services & { treeView: vscode.TreeView<TreeNode> },
): vscode.Disposable {
  const { store, connection, log, tree, treeView } = services;
  return vscode.commands.registerCommand("cchc.showProgress", () =>
    ProgressPanel.show(extensionUri, {
      store,
      connection,
      log,
      async revealUnit(unitCode) {
        const node = tree.unitNode(unitCode);
        if (!node) {
          log.warn(`Unit ${unitCode} is not on the current board; refresh the CCHC view.`);
          return;
        }
        await treeView.reveal(node, { select: true, focus: true, expand: false });
        log.info(`Revealed unit ${unitCode} from the progress chart`);
      },
    }),
  );
}
