import { dirname, join } from "node:path";
import * as vscode from "vscode";
import type { ReportFormat } from "../api/api-types.js";
import { formatFromFileName, reportFileName, safeFileName } from "../model/file-naming.js";
import { directiveIdOf, documentArgs } from "../model/command-args.js";
import { askSaveLocation, toUri } from "./file-targets.js";
import { downloadDocument } from "./document-download.js";
import { withCancellableProgress } from "./progress.js";
import type { Services } from "./services.js";

const FORMATS: { format: ReportFormat; label: string; detail: string; filter: Record<string, string[]> }[] = [
  { format: "XLSX", label: "Excel (.xlsx)", detail: "The consolidated report to send on", filter: { "Excel workbook": ["xlsx"] } },
  { format: "CSV", label: "CSV (.csv)", detail: "For other tools", filter: { CSV: ["csv"] } },
  { format: "MARKDOWN", label: "Markdown (.md)", detail: "Opens here in an editor", filter: { Markdown: ["md"] } },
];

function isFormat(value: unknown): value is ReportFormat {
  return FORMATS.some((f) => f.format === value);
}

/** Export Compliance Report: XLSX, CSV or Markdown, to a file the user picks; Markdown opens in an editor. */
export function registerReportCommands(services: Services): vscode.Disposable[] {
  const { store, log } = services;
  return [
    vscode.commands.registerCommand("cchc.exportComplianceReport", async (arg?: unknown) => {
      const args = documentArgs(arg);
      try {
        const directiveId = directiveIdOf(args, store);
        const requested = typeof args.format === "string" ? args.format.toUpperCase() : undefined;
        let format: ReportFormat | undefined = isFormat(requested) ? requested : undefined;
        if (requested && !format) throw new Error(`Unknown report format "${args.format}"; use XLSX, CSV or MARKDOWN.`);
        if (!format) {
          format = (
            await vscode.window.showQuickPick(FORMATS, { title: "CCHC: Export Compliance Report", placeHolder: "Format of the report" })
          )?.format;
        }
        if (!format) return undefined;
        const chosen = FORMATS.find((f) => f.format === format)!;
        // One moment for the report and its chart, so the Markdown's image link names the chart's file.
        const asOf = new Date().toISOString();
        const doc = await withCancellableProgress(`CCHC: compliance report (${format})`, (signal) =>
          services.connection.api().complianceReport(directiveId, chosen.format, signal, asOf),
        );
        const target = args.filePath
          ? toUri(args.filePath)
          : await askSaveLocation(reportFileName(doc.fileName, chosen.format), chosen.filter, "Save the compliance report");
        if (!target) return undefined;
        if (formatFromFileName(target.path) && formatFromFileName(target.path) !== chosen.format) {
          log.warn(`Saving a ${chosen.format} report under the name ${target.fsPath}`);
        }
        const bytes = await withCancellableProgress(`CCHC: downloading the compliance report (${chosen.format})`, (signal, progress) =>
          downloadDocument(services, doc, target.fsPath, signal, progress),
        );
        log.info(`Saved the compliance report (${chosen.format}, ${bytes} bytes) to ${target.fsPath}`);
        if (chosen.format === "MARKDOWN") {
          // The report shows its progress chart as an SVG file beside it: save that too.
          const chart = await services.connection.api().complianceReportChart(directiveId, asOf);
          // The server's name through safeFileName like every other: "../../x" must not leave the folder.
          const chartPath = join(dirname(target.fsPath), safeFileName(chart.fileName, "tien-do.svg"));
          await withCancellableProgress("CCHC: downloading the progress chart (SVG)", (signal, progress) =>
            downloadDocument(services, chart, chartPath, signal, progress),
          );
          log.info(`Saved the report's progress chart to ${chartPath}`);
          await vscode.window.showTextDocument(target, { preview: false });
        } else {
          void vscode.window.showInformationMessage(`CCHC: saved the compliance report to ${target.fsPath}.`);
        }
        return target.fsPath;
      } catch (error) {
        await log.report("CCHC: Export compliance report", error);
        return undefined;
      }
    }),
  ];
}
