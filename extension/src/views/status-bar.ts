import * as vscode from "vscode";
import type { BoardState } from "../model/board-state.js";
import { presentStatusBar } from "../model/status-bar.model.js";
import type { BoardStore } from "./board-store.js";

const BACKGROUNDS = {
  error: "statusBarItem.errorBackground",
  warning: "statusBarItem.warningBackground",
} as const;

/**
 * `CCHC 63% · 3 days left`, warning-coloured past the deadline below 100%; a click opens the view.
 * What each state shows and offers comes from the vscode-free status-bar model.
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
    const view = presentStatusBar(state, new Date());
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = view.command;
    this.item.backgroundColor = view.background ? new vscode.ThemeColor(BACKGROUNDS[view.background]) : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
