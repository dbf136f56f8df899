import * as vscode from "vscode";
import type { ApiDocument } from "../api/api-types.js";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { isArchive } from "../model/document-files.js";
import { safeFileName } from "../model/file-naming.js";
import { plural } from "../model/format.js";
import { directiveIdOf, documentArgs, type DocumentArgs } from "../model/command-args.js";
import { downloadArchiveInto, downloadDocument } from "./document-download.js";
import { askFolder, askSaveLocation, toUri } from "./file-targets.js";
import { withCancellableProgress } from "./progress.js";
import type { Services } from "./services.js";

const DOCX_FILTER = { "Word document": ["docx"] };

/** Generate Apology Letter (one case), Generate Apology Letters (a unit or the directive), Reminder Letter. */
export function registerLetterCommands(services: Services): vscode.Disposable[] {
  const { store, log } = services;
  return [
    vscode.commands.registerCommand("cchc.generateApologyLetter", async (arg?: unknown) => {
      const args = typeof arg === "string" ? { caseCode: arg } : documentArgs(arg);
      try {
        const caseCode =
          args.caseCode ??
          (await vscode.window.showInputBox({ title: "CCHC: Generate Apology Letter", prompt: "Case code (mã hồ sơ)", ignoreFocusOut: true }))?.trim();
        if (!caseCode) return undefined;
        const doc = await withCancellableProgress(`CCHC: apology letter for ${caseCode}`, (signal) =>
          services.connection.api().apologyLetter(caseCode, signal),
        );
        return await saveDocument(services, doc, args, "Save the apology letter");
      } catch (error) {
        await log.report("CCHC: Generate apology letter", error);
        return undefined;
      }
    }),

    vscode.commands.registerCommand("cchc.generateApologyLetters", async (arg?: unknown) => {
      const args = documentArgs(arg);
      try {
        const directiveId = directiveIdOf(args, store);
        const unitCode = arg === undefined ? await pickScope(services) : args.unitCode;
        if (unitCode === null) return undefined;
        const folder = args.folder ? toUri(args.folder) : await askFolder("Folder for the apology letters (.docx)");
        if (!folder) return undefined;
        const scope = unitCode ? `unit ${unitCode}` : "the whole directive";
        const written = await withCancellableProgress(`CCHC: apology letters of ${scope}`, async (signal, progress) => {
          const doc = await services.connection.api().apologyLetters(directiveId, unitCode ?? undefined, signal);
          await mkdir(folder.fsPath, { recursive: true });
          if (!isArchive(doc)) {
            const name = safeFileName(doc.fileName, "letter.docx");
            await downloadDocument(services, doc, join(folder.fsPath, name), signal, progress);
            return [vscode.Uri.joinPath(folder, name)];
          }
          const names = await downloadArchiveInto(services, doc, folder.fsPath, signal, progress);
          return names.map((name) => vscode.Uri.joinPath(folder, name));
        });
        log.info(`Wrote ${written.length} apology letters of ${scope} into ${folder.fsPath}`);
        void vscode.window.showInformationMessage(
          written.length > 0
            ? `CCHC: wrote ${plural(written.length, "apology letter")} of ${scope} into ${folder.fsPath}.`
            : `CCHC: ${scope} has no apology to print.`,
        );
        return written.map((uri) => uri.fsPath);
      } catch (error) {
        await log.report("CCHC: Generate apology letters", error);
        return undefined;
      }
    }),

    vscode.commands.registerCommand("cchc.generateReminderLetter", async (arg?: unknown) => {
      const args = documentArgs(arg);
      try {
        const directiveId = directiveIdOf(args, store);
        const doc = await withCancellableProgress("CCHC: reminder letter", (signal) =>
          services.connection.api().reminderLetter(directiveId, signal),
        );
        return await saveDocument(services, doc, args, "Save the reminder letter");
      } catch (error) {
        await log.report("CCHC: Generate reminder letter", error);
        return undefined;
      }
    }),
  ];
}

/** The unit code to limit letters to, undefined for the whole directive, null when the user backed out. */
async function pickScope({ store }: Services): Promise<string | undefined | null> {
  const units = store.board?.units ?? [];
  const picked = await vscode.window.showQuickPick(
    [
      { label: "$(files) Whole directive", description: "every unit", code: undefined as string | undefined },
      ...units.map((u) => ({ label: u.unit.name, description: u.unit.code, code: u.unit.code as string | undefined })),
    ],
    { title: "CCHC: Generate Apology Letters", placeHolder: "Letters of which unit?" },
  );
  return picked ? picked.code : null;
}

/** Streams a one-file Document to where the arguments say, or where the user picks; returns the path. */
export async function saveDocument(
  services: Services,
  doc: ApiDocument,
  args: DocumentArgs,
  title: string,
  filters: Record<string, string[]> = DOCX_FILTER,
): Promise<string | undefined> {
  const target = args.filePath ? toUri(args.filePath) : await askSaveLocation(safeFileName(doc.fileName), filters, title);
  if (!target) return undefined;
  const bytes = await withCancellableProgress(`CCHC: downloading ${doc.fileName}`, (signal, progress) =>
    downloadDocument(services, doc, target.fsPath, signal, progress),
  );
  services.log.info(`Saved ${doc.fileName} (${bytes} bytes) to ${target.fsPath}`);
  void vscode.window.showInformationMessage(`CCHC: saved ${target.fsPath}.`);
  return target.fsPath;
}
