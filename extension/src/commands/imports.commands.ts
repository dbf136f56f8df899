import * as path from "node:path";
import * as vscode from "vscode";
import type { ImportKind, ImportResult } from "../api/api-types.js";
import { csvFileText } from "../model/csv-file-text.js";
import { IMPORT_LABELS, importErrorReport, importSummary } from "../model/import-report.js";
import { defaultFolder, toUri } from "./file-targets.js";
import { withCancellableProgress } from "./progress.js";
import type { Services } from "./services.js";

const COMMANDS: Record<ImportKind, string> = {
  cases: "cchc.importCases",
  apologies: "cchc.importApologies",
  tasks: "cchc.importHpNetTasks",
};

/**
 * Import Cases… / Apologies… / HpNet Tasks…: a .csv or .xlsx file (picked, or its path as the argument)
 * goes to the server, which writes all of it or nothing. Success shows the counts; failure opens every
 * failing line in a Markdown list and says that nothing was written.
 */
export function registerImportCommands(services: Services): vscode.Disposable[] {
  return (Object.keys(COMMANDS) as ImportKind[]).map((kind) =>
    vscode.commands.registerCommand(COMMANDS[kind], async (arg?: unknown) => {
      try {
        const target = await importTarget(kind, arg);
        if (!target) return undefined;
        const fileName = path.basename(target.path);
        const bytes = await vscode.workspace.fs.readFile(target);
        const result = await withCancellableProgress(`CCHC: importing ${IMPORT_LABELS[kind]} from ${fileName}`, (signal) =>
          sendImport(services, kind, fileName, Buffer.from(bytes), signal),
        );
        await showResult(services, kind, fileName, result);
        return result;
      } catch (error) {
        await services.log.report(`CCHC: Import ${IMPORT_LABELS[kind]}`, error);
        return undefined;
      }
    }),
  );
}

async function importTarget(kind: ImportKind, arg: unknown): Promise<vscode.Uri | undefined> {
  if (typeof arg === "string" || arg instanceof vscode.Uri) return toUri(arg);
  if (typeof arg === "object" && arg !== null && typeof (arg as { filePath?: unknown }).filePath === "string") {
    return toUri((arg as { filePath: string }).filePath);
  }
  const picked = await vscode.window.showOpenDialog({
    title: `CCHC: Import ${IMPORT_LABELS[kind]} (CSV or Excel)`,
    defaultUri: defaultFolder(),
    canSelectMany: false,
    filters: { "CSV or Excel": ["csv", "xlsx"] },
    openLabel: "Import",
  });
  return picked?.[0];
}

async function sendImport(services: Services, kind: ImportKind, fileName: string, bytes: Buffer, signal: AbortSignal): Promise<ImportResult> {
  const api = services.connection.api();
  if (fileName.toLowerCase().endsWith(".xlsx")) return api.importXlsx(kind, bytes.toString("base64"), signal);
  return api.importCsv(kind, csvFileText(fileName, bytes), signal);
}

async function showResult(services: Services, kind: ImportKind, fileName: string, result: ImportResult): Promise<void> {
  const summary = importSummary(kind, fileName, result);
  if (result.errors.length === 0) {
    services.log.info(summary);
    void vscode.window.showInformationMessage(`CCHC: ${summary}`);
    await services.store.refresh();
    return;
  }
  services.log.warn(`Import of ${IMPORT_LABELS[kind]} from ${fileName}: ${result.errors.length} errors, nothing written`);
  await services.documents.show(`Import errors - ${fileName}.md`, importErrorReport(kind, fileName, result), "markdown");
  void vscode.window.showErrorMessage(`CCHC: ${summary}`);
}
