import * as vscode from "vscode";
import { complianceLines, directiveLines, needsWarning, statusBarText } from "../model/format.js";
import type { BoardState, BoardStore } from "./board-store.js";

/**
 * `CCHC 63% · 3 days left`, warning-coloured past the deadline below 100%; a click opens the view.
 * Signed out it offers Sign In; on an error it offers the logs.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("cchc.status", vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(store: BoardStore) {
    this.item.name = "CCHC compliance";
    this.subscription = store.onDidChange((state) => this.render(state));
    this.render(store.state);
    this.item.show();
  }

  private render(state: BoardState): void {
    const now = new Date();
    this.item.backgroundColor = undefined;
    switch (state.kind) {
      case "signedOut":
        this.item.text = "$(plug) CCHC: Sign In";
        this.item.tooltip = "Not signed in to the CCHC Tracker server";
        this.item.command = "cchc.signIn";
        return;
      case "loading":
        this.item.text = "$(sync~spin) CCHC";
        this.item.tooltip = "Loading compliance…";
        return;
      case "error":
        // A refused token (expired, revoked) is fixed by signing in again; anything else starts in the logs.
        if (state.code === "UNAUTHENTICATED") {
          this.item.text = "$(debug-disconnect) CCHC: Sign In";
          this.item.tooltip = `${state.message}\nClick to sign in again.`;
          this.item.command = "cchc.signIn";
        } else {
          this.item.text = "$(debug-disconnect) CCHC: disconnected";
          this.item.tooltip = `${state.message}\nClick for the logs.`;
          this.item.command = "cchc.showLogs";
        }
        this.item.backgroundColor = new vscode.ThemeColor("statusBarItem.errorBackground");
        return;
      case "ready": {
        const { board } = state;
        this.item.command = "cchc.compliance.focus";
        if (!board) {
          this.item.text = "$(checklist) CCHC: no directive";
          this.item.tooltip = "The server has no directive yet.";
          return;
        }
        this.item.text = `$(checklist) ${statusBarText(board, now)}`;
        this.item.tooltip = [...directiveLines(board, now), "", ...complianceLines(board.compliance)].join("\n");
        if (needsWarning(board, now)) this.item.backgroundColor = new vscode.ThemeColor("statusBarItem.warningBackground");
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
