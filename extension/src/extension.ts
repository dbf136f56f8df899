import * as vscode from "vscode";
import { registerAuthCommands } from "./commands/auth.commands.js";
import { registerDirectiveCommands } from "./commands/directive.commands.js";
import { registerImportCommands } from "./commands/imports.commands.js";
import { registerLetterCommands } from "./commands/letters.commands.js";
import { registerReportCommands } from "./commands/reports.commands.js";
import { registerRunQueryCommand } from "./commands/run-query.command.js";
import type { Services } from "./commands/services.js";
import { Connection } from "./connection/connection.js";
import { registerConsole } from "./console/index.js";
import { registerProgressCommand } from "./progress/progress.command.js";
import { OutputLog } from "./logs/output-log.js";
import { BoardStore } from "./views/board-store.js";
import { ComplianceTreeProvider } from "./views/compliance-tree.provider.js";
import { READ_ONLY_SCHEME, ReadOnlyDocuments } from "./views/read-only-documents.js";
import { StatusBar } from "./views/status-bar.js";

/** Wiring only: each view, command group and the client live in their own files. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = new OutputLog();
  const connection = new Connection(context.secrets, context.globalState);
  const store = new BoardStore(connection, context.workspaceState, log);
  const tree = new ComplianceTreeProvider(store, connection, log);
  const documents = new ReadOnlyDocuments();
  const services: Services = { connection, store, tree, log, documents };
  // A TreeView rather than a bare provider: the progress chart reveals the unit whose line is clicked.
  const treeView = vscode.window.createTreeView("cchc.compliance", { treeDataProvider: tree });

  context.subscriptions.push(
    log,
    connection,
    store,
    tree,
    new StatusBar(store),
    documents,
    vscode.workspace.registerTextDocumentContentProvider(READ_ONLY_SCHEME, documents),
    treeView,
    ...registerAuthCommands(services),
    ...registerDirectiveCommands(services),
    ...registerLetterCommands(services),
    ...registerReportCommands(services),
    ...registerImportCommands(services),
    ...registerRunQueryCommand(services),
  );
  context.subscriptions.push(registerProgressCommand(context.extensionUri, { ...services, treeView }));
  registerConsole(context, { client: async () => connection.client(), onDidChangeSession: connection.onDidChange });

  await connection.load();
}

export function deactivate(): void {}
