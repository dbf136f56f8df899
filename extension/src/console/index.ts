import * as vscode from "vscode";
import { CONSOLE_VIEW_TYPE, ConsolePanel, type ConsolePanelDeps } from "./console-panel.js";

export interface ConsoleDeps extends ConsolePanelDeps {
  /** Fires on sign-in and sign-out; the open console then fetches the schema again. */
  onDidChangeSession?: vscode.Event<unknown>;
}

/** `CCHC: Open GraphiQL Console`, and the panel's restore after a window reload. */
export function registerConsole(context: vscode.ExtensionContext, deps: ConsoleDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("cchc.openConsole", () => ConsolePanel.show(context.extensionUri, deps)),
    vscode.window.registerWebviewPanelSerializer(CONSOLE_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        ConsolePanel.revive(panel, context.extensionUri, deps);
      },
    }),
  );
  if (deps.onDidChangeSession) {
    context.subscriptions.push(deps.onDidChangeSession(() => ConsolePanel.sessionChanged()));
  }
}
