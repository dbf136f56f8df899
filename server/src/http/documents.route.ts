import express, { type Request, type Response, type Router } from "express";
import type { DataSource } from "typeorm";
import {
  NothingToRemindError,
  apologyLetterFile,
  apologyLettersFileName,
  directiveOrNotFound,
  reminderLetterFile,
  reportMeta,
  unitOrNotFound,
  writeApologyLetters,
  writeComplianceReport,
  type ReportFormatName,
} from "../documents/document.service.js";
import { MIME_TYPES, type DocumentFile } from "../documents/document-file.js";
import { BadUserInputError, ConflictError } from "../graphql/errors.js";
import { parseDateTime } from "../graphql/scalars.js";
import { authenticatedDownload, queryParam, startDownload } from "./download-route.js";

/**
 * Plain HTTP downloads of the same files the GraphQL document queries return, for browsers and
 * other systems, under the same bearer authorization. Arguments are query parameters named as in
 * the contract (case codes may contain "/", which a path segment would not carry):
 *   GET /documents/apology-letter?caseCode=H01
 *   GET /documents/apology-letters?directiveId=1[&unitCode=QLĐT]
 *   GET /documents/reminder-letter?directiveId=1[&asOf=2023-11-14T16:30:00+07:00]
 *   GET /documents/compliance-report?directiveId=1&format=XLSX|CSV|MARKDOWN[&asOf=…]
 * Errors answer JSON shaped like a GraphQL error, with the contract's code and an HTTP status.
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

function send(res: Response, file: DocumentFile): void {
  startDownload(res, file.fileName, file.mimeType);
  res.setHeader("Content-Length", String(file.content.length));
  res.end(file.content);
}

export function documentsRouter(db: DataSource, adminToken: string | null): Router {
  const router = express.Router();
  const handle = (work: (req: Request, res: Response) => Promise<void>) => authenticatedDownload(db, adminToken, work);

  router.get(
    "/documents/apology-letter",
    handle(async (req, res) => send(res, await apologyLetterFile(db, queryParam(req, "caseCode", true)))),
  );

  router.get(
    "/documents/apology-letters",
    handle(async (req, res) => {
      const directive = await directiveOrNotFound(db, queryParam(req, "directiveId", true));
      const unitCode = queryParam(req, "unitCode");
      const unit = unitCode === null ? null : await unitOrNotFound(db, unitCode);
      startDownload(res, apologyLettersFileName(directive, unit), MIME_TYPES.zip);
      await writeApologyLetters(db, directive, unit, res);
    }),
  );

  router.get(
    "/documents/reminder-letter",
    handle(async (req, res) => {
      const directive = await directiveOrNotFound(db, queryParam(req, "directiveId", true));
      const asOf = asOfParam(req);
      try {
        send(res, await reminderLetterFile(db, directive, asOf));
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
      const asOf = asOfParam(req);
      const meta = reportMeta(format, asOf);
      startDownload(res, meta.fileName, meta.mimeType);
      await writeComplianceReport(db, directive, format, asOf, res);
    }),
  );

  return router;
}
