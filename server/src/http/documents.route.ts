import express, { type Request, type Response, type Router } from "express";
import type { DataSource } from "typeorm";
import { NothingToRemindError, apologyLetterDocument, apologyLettersDocument, complianceReportDocument, reminderLetterDocument, type ReportFormatName } from "../documents/document.service.js";
import { directiveOrNotFound, unitOrNotFound } from "../services/lookups.js";
import { progressChartDocument } from "../documents/charts/progress-chart.file.js";
import type { StreamedDocument } from "../documents/streamed-document.js";
import { BadUserInputError, ConflictError } from "../core/errors.js";
import { parseDateTime } from "../core/scalars.js";
import { authenticatedDownload, queryParam, startDownload } from "./download-route.js";

/**
 * Plain HTTP downloads of the same files the GraphQL document queries return (each Document's
 * downloadPath names one), for the extension, browsers and other systems, under the same bearer
 * authorization. Arguments are query parameters named as in the contract (case codes may contain
 * "/", which a path segment would not carry):
 *   GET /documents/apology-letter?caseCode=H01
 *   GET /documents/apology-letters?directiveId=1[&unitCode=QLĐT]
 *   GET /documents/reminder-letter?directiveId=1[&asOf=2023-11-14T16:30:00+07:00]
 *   GET /documents/compliance-report?directiveId=1&format=XLSX|CSV|MARKDOWN[&asOf=…]
 *   GET /documents/compliance-report-chart?directiveId=1[&asOf=…]              (the SVG the Markdown report links)
 * Every file is streamed as it is generated (no Content-Length for the zip and the reports); a
 * client that disconnects stops the generation and its database reads. Errors before the first
 * byte answer JSON shaped like a GraphQL error, with the contract's code and an HTTP status.
 */
const REPORT_FORMATS: readonly ReportFormatName[] = ["XLSX", "CSV", "MARKDOWN"];

function asOfParam(req: Request): Date {
  const text = queryParam(req, "asOf");
  if (text === null) return new Date();
  try {
    return parseDateTime(text);
  } catch (error) {
    throw new BadUserInputError((error as Error).message);
  }
}

async function send(res: Response, doc: StreamedDocument): Promise<void> {
  startDownload(res, doc.fileName, doc.mimeType);
  await doc.write(res);
}

export function documentsRouter(db: DataSource, adminToken: string | null): Router {
  const router = express.Router();
  const handle = (work: (req: Request, res: Response) => Promise<void>) => authenticatedDownload(db, adminToken, work);

  router.get(
    "/documents/apology-letter",
    handle(async (req, res) => send(res, await apologyLetterDocument(db, queryParam(req, "caseCode", true)))),
  );

  router.get(
    "/documents/apology-letters",
    handle(async (req, res) => {
      const directive = await directiveOrNotFound(db, queryParam(req, "directiveId", true));
      const unitCode = queryParam(req, "unitCode");
      const unit = unitCode === null ? null : await unitOrNotFound(db, unitCode);
      await send(res, apologyLettersDocument(db, directive, unit));
    }),
  );

  router.get(
    "/documents/reminder-letter",
    handle(async (req, res) => {
      const directive = await directiveOrNotFound(db, queryParam(req, "directiveId", true));
      const asOf = asOfParam(req);
      try {
        await send(res, await reminderLetterDocument(db, directive, asOf));
      } catch (error) {
        if (!(error instanceof NothingToRemindError)) throw error;
        throw new ConflictError(
          `Every unit is at 100% for directive ${directive.number} as of ${asOf.toISOString()}: there is no one to remind.`,
        );
      }
    }),
  );

  router.get(
    "/documents/compliance-report",
    handle(async (req, res) => {
      const directive = await directiveOrNotFound(db, queryParam(req, "directiveId", true));
      const format = queryParam(req, "format", true).toUpperCase() as ReportFormatName;
      if (!REPORT_FORMATS.includes(format)) {
        throw new BadUserInputError(`format must be one of ${REPORT_FORMATS.join(", ")}.`);
      }
      await send(res, complianceReportDocument(db, directive, format, asOfParam(req)));
    }),
  );

  router.get(
    "/documents/compliance-report-chart",
    handle(async (req, res) => {
      const directive = await directiveOrNotFound(db, queryParam(req, "directiveId", true));
      await send(res, progressChartDocument(db, directive, asOfParam(req)));
    }),
  );

  return router;
}
