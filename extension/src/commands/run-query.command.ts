import * as vscode from "vscode";
import { chooseOperation, missingVariables, parseVariablesComment } from "../model/query-variables.js";
import { withCancellableProgress } from "./progress.js";
import type { Services } from "./services.js";

interface RunQueryArgs {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/**
 * Run GraphQL Query: the selection, or the whole active .graphql file; with several operations, the one
 * under the cursor. Variables come from a `# variables: {…}` comment, else a prompt for the missing ones.
 * The server's answer (data and errors as sent) opens beside the editor. Takes {query, variables} too.
 */
export function registerRunQueryCommand(services: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand("cchc.runQuery", async (arg?: RunQueryArgs) => {
      try {
        const request = arg?.query ? arg : await requestFromEditor();
        if (!request) return undefined;
        const chosen = chooseOperation(request.query, 0);
        const client = services.connection.api().client;
        const response = await withCancellableProgress(`CCHC: running ${request.operationName ?? chosen.operationName ?? "query"}`, (signal) =>
          client.raw(request.query, request.variables ?? {}, { operationName: request.operationName ?? chosen.operationName, signal }),
        );
        services.log.info(
          `Ran ${request.operationName ?? chosen.operationName ?? "an anonymous operation"}: ${response.errors?.length ? `${response.errors.length} errors` : "ok"}`,
        );
        await services.documents.show("CCHC query result.json", `${JSON.stringify(response, null, 2)}\n`, "json", {
          viewColumn: vscode.ViewColumn.Beside,
          preserveFocus: true,
        });
        return response;
      } catch (error) {
        await services.log.report("CCHC: Run GraphQL query", error);
        return undefined;
      }
    }),
  ];
}

async function requestFromEditor(): Promise<RunQueryArgs | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new Error("Open a .graphql file (or select a query) first.");
  const document = editor.document;
  const selection = editor.selection;
  const query = selection.isEmpty ? document.getText() : document.getText(selection);
  const cursor = selection.isEmpty ? document.offsetAt(selection.active) : 0;
  const chosen = chooseOperation(query, cursor);

  // The comment may sit in the selection or anywhere in the file.
  let parsed = parseVariablesComment(query, chosen.start);
  if (!parsed.found && !selection.isEmpty) parsed = parseVariablesComment(document.getText());
  if (parsed.found && "error" in parsed) throw new Error(parsed.error);
  const variables = parsed.found && "variables" in parsed ? { ...parsed.variables } : {};

  const missing = missingVariables(chosen, variables);
  if (missing.length > 0) {
    const typed = await vscode.window.showInputBox({
      title: "CCHC: Run GraphQL Query",
      prompt: `Variables as JSON: ${missing.map((name) => `$${name}`).join(", ")} (or add a "# variables: {…}" comment to the file)`,
      value: JSON.stringify(Object.fromEntries(missing.map((name) => [name, null]))),
      ignoreFocusOut: true,
      validateInput: (value) => {
        try {
          const v: unknown = JSON.parse(value);
          return v && typeof v === "object" && !Array.isArray(v) ? undefined : "A JSON object, like {\"code\": \"VP\"}";
        } catch (error) {
          return (error as Error).message;
        }
      },
    });
    if (typed === undefined) return undefined;
    Object.assign(variables, JSON.parse(typed) as Record<string, unknown>);
  }
  return { query, variables, operationName: chosen.operationName };
}
