import * as vscode from "vscode";
import { ApiError } from "../api/api-error.js";

/**
 * The extension's one output channel ("CCHC", shown by CCHC: Show Logs). Messages name operations, codes
 * and files; never tokens, and never applicants' names (the server's messages about a line of an import
 * are shown in the editor, not logged).
 */
export class OutputLog implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel("CCHC", { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(context: string, error: unknown): void {
    if (error instanceof ApiError) {
      this.channel.error(`${context}: [${error.code}] ${error.message}${error.details ? `\n  ${error.details}` : ""}`);
    } else if (error instanceof Error) {
      this.channel.error(`${context}: ${error.stack ?? error.message}`);
    } else {
      this.channel.error(`${context}: ${String(error)}`);
    }
  }

  show(): void {
    this.channel.show(true);
  }

  /** Logs a failure and tells the user in one sentence, with a way to the details; a cancel is quiet. */
  async report(context: string, error: unknown): Promise<void> {
    if (error instanceof ApiError && error.code === "CANCELLED") {
      this.info(`${context}: cancelled`);
      return;
    }
    this.error(context, error);
    const message = error instanceof Error ? error.message : String(error);
    const actions = error instanceof ApiError && error.code === "UNAUTHENTICATED" ? ["Sign In", "Show Logs"] : ["Show Logs"];
    const choice = await vscode.window.showErrorMessage(`${context} failed: ${message}`, ...actions);
    if (choice === "Show Logs") this.show();
    if (choice === "Sign In") await vscode.commands.executeCommand("cchc.signIn");
  }

  dispose(): void {
    this.channel.dispose();
  }
}
