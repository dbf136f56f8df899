import * as vscode from "vscode";
import { ApiError } from "../api/api-error.js";
import { PLAIN_HTTP_DECLINED } from "../connection/connection.js";
import type { Services } from "./services.js";

/** CCHC: Sign In (prompt, or the token as an argument), Sign Out, Show Logs. */
export function registerAuthCommands({ connection, log }: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand("cchc.signIn", async (tokenArg?: unknown) => {
      const given = typeof tokenArg === "string" ? tokenArg : undefined;
      const token = (
        given ??
        (await vscode.window.showInputBox({
          title: "CCHC: Sign In",
          prompt: `Token for ${connection.client().endpoint.origin} (printed by the server at start, or given by the Office)`,
          password: true,
          ignoreFocusOut: true,
          validateInput: (value) => (value.trim() ? undefined : "Paste the token"),
        }))
      )?.trim();
      if (!token) return false;
      try {
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: "CCHC: checking the token with the server…" },
          () => connection.signIn(token),
        );
      } catch (error) {
        if (error instanceof ApiError && error.details === PLAIN_HTTP_DECLINED) {
          log.info("Sign in: the token was not sent (plain http declined)");
          void vscode.window.showWarningMessage(`CCHC: ${error.message} Nothing was stored.`);
        } else if (error instanceof ApiError && error.code === "UNAUTHENTICATED") {
          log.error("Sign in", error);
          void vscode.window.showErrorMessage(`CCHC: the server refused this token (${error.message}). Nothing was stored.`);
        } else {
          await log.report("CCHC: Sign in", error);
        }
        return false;
      }
      log.info(`Signed in to ${connection.client().endpoint.origin}`);
      void vscode.window.showInformationMessage(`CCHC: signed in to ${connection.client().endpoint.origin}.`);
      return true;
    }),
    vscode.commands.registerCommand("cchc.signOut", async () => {
      await connection.signOut();
      log.info("Signed out; the token was removed from secret storage");
      void vscode.window.showInformationMessage("CCHC: signed out. The token was removed.");
    }),
    vscode.commands.registerCommand("cchc.showLogs", () => log.show()),
  ];
}
