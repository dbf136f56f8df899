import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import type { ProgressPoint } from "../api/api-types.js";
import type { Connection } from "../connection/connection.js";
import type { OutputLog } from "../logs/output-log.js";
import { progressChartData, progressQuery, progressRange, progressVariables } from "../model/progress-chart.model.js";
import type { BoardStore } from "../views/board-store.js";
import { isFromProgressWebview, type ToProgressWebview } from "./progress-messages.js";
import { progressHtml } from "./progress-html.js";

export const PROGRESS_VIEW_TYPE = "cchc.progress";

export interface ProgressPanelDeps {
  store: BoardStore;
  connection: Connection;
  log: OutputLog;
  /** Shows the unit in the compliance tree (a click on its line). */
  revealUnit(unitCode: string): Promise<void>;
}

/**
 * CCHC: Show Progress. The panel shows the ECharts bundle (extension/dist/progress, built by
 * esbuild.mjs from webview/progress-webview.ts); the extension host fetches the series with the
 * stored token and posts them in, and a click on a unit's line comes back as a message.
 */
export class ProgressPanel {
  private static current: ProgressPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  static show(extensionUri: vscode.Uri, deps: ProgressPanelDeps): void {
    if (ProgressPanel.current) {
      ProgressPanel.current.panel.reveal();
      void ProgressPanel.current.load();
      return;
    }
    const panel = vscode.window.createWebviewPanel(PROGRESS_VIEW_TYPE, "CCHC: Progress", vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [bundleRoot(extensionUri)],
    });
    ProgressPanel.current = new ProgressPanel(panel, extensionUri, deps);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly deps: ProgressPanelDeps,
  ) {
    const webview = panel.webview;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, "media", "cchc.svg");
    webview.html = progressHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(bundleRoot(extensionUri), "progress.js")).toString(),
      nonce: randomBytes(16).toString("base64"),
    });
    this.disposables.push(
      webview.onDidReceiveMessage(async (message: unknown) => {
        if (!isFromProgressWebview(message)) return;
        if (message.type === "ready") await this.load();
        else await deps.revealUnit(message.unitCode);
      }),
      deps.store.onDidChange((state) => {
        if (state.kind === "ready") void this.load();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Fetches the series of the board the tree shows and sends them to the page. */
  private async load(): Promise<void> {
    try {
      let board = this.deps.store.board;
      if (!board) board = (await this.deps.store.refresh()).kind === "ready" ? this.deps.store.board : null;
      if (!board) throw new Error(this.deps.connection.signedIn ? "There is no directive to chart." : "Sign in to the CCHC server first (CCHC: Sign In).");
      const range = progressRange(board, new Date());
      const answer = await this.deps.connection.api().client.request<{ directive: Record<string, ProgressPoint[]> | null }>(
        progressQuery(board.units.length),
        progressVariables(board, range),
      );
      if (!answer.directive) throw new Error(`Directive ${board.number} is gone; refresh the CCHC view.`);
      await this.post({ type: "data", data: progressChartData(board, answer.directive) });
    } catch (error) {
      this.deps.log.error("Loading the progress chart", error);
      await this.post({ type: "error", message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async post(message: ToProgressWebview): Promise<void> {
    if (ProgressPanel.current === this) await this.panel.webview.postMessage(message);
  }

  private dispose(): void {
    if (ProgressPanel.current === this) ProgressPanel.current = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function bundleRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, "dist", "progress");
}
