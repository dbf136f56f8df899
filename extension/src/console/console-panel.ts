import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import { consoleHtml } from "./console-html.js";
import { relayConsoleRequest, type RawGraphQLClient } from "./console-relay.js";

export const CONSOLE_VIEW_TYPE = "cchc.console";

export interface ConsolePanelDeps {
  /** A client for the configured server carrying the token from SecretStorage (or none, signed out). */
  client(): Promise<RawGraphQLClient>;
}

/**
 * The one GraphiQL panel. It shows the bundle in extension/dist/console (built by console/build.mjs) and
 * relays the webview's operations to the server; the token stays in the extension host.
 */
export class ConsolePanel {
  private static current: ConsolePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** Reveals the open panel, or opens one. */
  static show(extensionUri: vscode.Uri, deps: ConsolePanelDeps): void {
    if (ConsolePanel.current) {
      ConsolePanel.current.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      CONSOLE_VIEW_TYPE,
      "CCHC GraphiQL",
      vscode.ViewColumn.Active,
      ConsolePanel.options(extensionUri),
    );
    ConsolePanel.current = new ConsolePanel(panel, extensionUri, deps);
  }

  /** Takes over a panel VS Code restored after a reload (its tabs come back from the webview's state). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, deps: ConsolePanelDeps): void {
    ConsolePanel.current?.panel.dispose();
    panel.webview.options = ConsolePanel.options(extensionUri);
    ConsolePanel.current = new ConsolePanel(panel, extensionUri, deps);
  }

  /** Tells the open console that the session changed, so it fetches the schema with the new token. */
  static sessionChanged(): void {
    void ConsolePanel.current?.panel.webview.postMessage({ type: "token-changed" });
  }

  private static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      localResourceRoots: [bundleRoot(extensionUri)],
    };
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    deps: ConsolePanelDeps,
  ) {
    const webview = panel.webview;
    const bundle = bundleRoot(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, "media", "cchc.svg");
    webview.html = consoleHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(bundle, "console.js")).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(bundle, "console.css")).toString(),
      nonce: randomBytes(16).toString("base64"),
    });
    this.disposables.push(
      webview.onDidReceiveMessage(async (message: unknown) => {
        const response = await relayConsoleRequest(message, () => deps.client());
        // The panel may have been closed while the server answered; the answer then has nowhere to go.
        if (response && ConsolePanel.current === this) await webview.postMessage(response);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private dispose(): void {
    if (ConsolePanel.current === this) ConsolePanel.current = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function bundleRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, "dist", "console");
}
