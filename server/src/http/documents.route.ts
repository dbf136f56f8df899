import { randomUUID } from "node:crypto";
import express, { type Request, type Response, type Router } from "express";
import type { DataSource } from "typeorm";
import {
  NothingToRemindError,
  apologyLetterFile,
  apologyLettersFileName,
  directiveOrNotFound,
  reminderLetterFile,
  complianceReportFile,
  reportMeta,
  unitOrNotFound,
  writeApologyLetters,
  writeXlsxComplianceReport,
  type ReportFormatName,
} from "../documents/document.service.js";
import { MIME_TYPES, type DocumentFile } from "../documents/document-file.js";
import { authenticate } from "../graphql/auth.js";
import { BadUserInputError, ClientError, ConflictError, isClientErrorCode } from "../graphql/errors.js";
import { parseDateTime } from "../graphql/scalars.js";
import { log } from "../log.js";

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
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

const REPORT_FORMATS: readonly ReportFormatName[] = ["XLSX", "CSV", "MARKDOWN"];

function param(req: Request, name: string, required: true): string;
function param(req: Request, name: string, required?: false): string | null;
function param(req: Request, name: string, required = false): string | null {
  const value = req.query[name];
  if (typeof value === "string" && value.trim() !== "") return value.trim().normalize("NFC");
  if (value !== undefined && typeof value !== "string") {
    throw new BadUserInputError(`Query parameter ${name} must be given once.`);
  }
  if (required) throw new BadUserInputError(`Query parameter ${name} is required.`);
  return null;
}

function asOfParam(req: Request): Date {
  const text = param(req, "asOf");
  if (text === null) return new Date();
  try {
    return parseDateTime(text);
  } catch (error) {
    throw new BadUserInputError((error as Error).message);
  }
}

function startDownload(res: Response, fileName: string, mimeType: string): void {
  res.status(200);
  res.attachment(fileName);
  res.setHeader("Content-Type", mimeType);
  res.setHeader("Cache-Control", "no-store");
}

function send(res: Response, file: DocumentFile): void {
  startDownload(res, file.fileName, file.mimeType);
  res.setHeader("Content-Length", String(file.content.length));
  res.end(file.content);
}

function fail(res: Response, error: unknown): void {
  if (res.headersSent) {
    // Mid-stream (often the client went away): the only honest signal left is a cut connection.
    log.warn("document download ended mid-stream", { error: (error as Error).message });
    res.destroy(error as Error);
    return;
  }
  const code = error instanceof ClientError ? error.extensions.code : undefined;
  if (isClientErrorCode(code)) {
    if (code === "UNAUTHENTICATED") res.setHeader("WWW-Authenticate", 'Bearer realm="cchc"');
    res.status(STATUS[code]).json({ errors: [{ message: (error as Error).message, extensions: { code } }] });
    return;
  }
  const errorId = randomUUID();
  log.error("document download failed", { errorId, error: (error as Error).stack ?? String(error) });
  res.status(500).json({
    errors: [
      {
        message: `Internal server error (reference ${errorId}). The administrator can find the details in the server log.`,
        extensions: { code: "INTERNAL_SERVER_ERROR", errorId },
      },
    ],
  });
}

export function documentsRouter(db: DataSource, adminToken: string | null): Router {
  const router = express.Router();
  const handle =
    (work: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        await authenticate(db, req.headers.authorization, adminToken);
        await work(req, res);
      } catch (error) {
        fail(res, error);
      }
    };

  router.get(
    "/documents/apology-letter",
    handle(async (req, res) => send(res, await apologyLetterFile(db, param(req, "caseCode", true)))),
  );

  router.get(
    "/documents/apology-letters",
    handle(async (req, res) => {
      const directive = await directiveOrNotFound(db, param(req, "directiveId", true));
      const unitCode = param(req, "unitCode");
      const unit = unitCode === null ? null : await unitOrNotFound(db, unitCode);
      startDownload(res, apologyLettersFileName(directive, unit), MIME_TYPES.zip);
      await writeApologyLetters(db, directive, unit, res);
    }),
  );

  router.get(
    "/documents/reminder-letter",
    handle(async (req, res) => {
      const directive = await directiveOrNotFound(db, param(req, "directiveId", true));
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
      const directive = await directiveOrNotFound(db, param(req, "directiveId", true));
      const format = param(req, "format", true).toUpperCase() as ReportFormatName;
      if (!REPORT_FORMATS.includes(format)) {
        throw new BadUserInputError(`format must be one of ${REPORT_FORMATS.join(", ")}.`);
      }
      const asOf = asOfParam(req);
      if (format === "XLSX") {
        const meta = reportMeta(format, asOf);
        startDownload(res, meta.fileName, meta.mimeType);
        await writeXlsxComplianceReport(db, directive, asOf, res);
        return;
      }
      send(res, await complianceReportFile(db, directive, format, asOf));
    }),
  );

  return router;
}
