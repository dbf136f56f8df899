import { randomUUID } from "node:crypto";
import { once } from "node:events";
import express, { type Request, type Response, type Router } from "express";
import type { DataSource } from "typeorm";
import { MIME_TYPES } from "../documents/document-file.js";
import { authenticate } from "../graphql/auth.js";
import { BadUserInputError, ClientError, isClientErrorCode } from "../graphql/errors.js";
import { resolveExport } from "../imports/export-scope.js";
import { IMPORT_KINDS, type ImportKind } from "../imports/import-columns.js";
import { importFormatCsv, importFormatFileName } from "../imports/import-format-export.js";
import { log } from "../log.js";

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/**
 * GET /exports/{cases|apologies|tasks}.csv?directiveId=1[&unitCode=VP]: a directive's rows as CSV
 * in exactly the import format (the file importCases & co. read back unchanged), streamed page
 * by page, under the same bearer authorization as /graphql. Errors answer JSON shaped like a
 * GraphQL error, with the contract's code and an HTTP status.
 */
export function exportsRouter(db: DataSource, adminToken: string | null): Router {
  const router = express.Router();
  router.get("/exports/:file", async (req: Request, res: Response) => {
    try {
      await authenticate(db, req.headers.authorization, adminToken);
      const kind = String(req.params.file).replace(/\.csv$/i, "") as ImportKind;
      if (!IMPORT_KINDS.includes(kind)) {
        throw new BadUserInputError(`Unknown export "${req.params.file}"; use cases.csv, apologies.csv or tasks.csv.`);
      }
      const { directive, unit, scope } = await resolveExport(db, queryParam(req, "directiveId", true), queryParam(req, "unitCode"));
      res.status(200);
      res.attachment(importFormatFileName(kind, directive.number, unit?.code));
      res.setHeader("Content-Type", MIME_TYPES.csv);
      res.setHeader("Cache-Control", "no-store");
      for await (const text of importFormatCsv(db, kind, scope)) {
        if (!res.write(text)) await once(res, "drain");
      }
      res.end();
    } catch (error) {
      fail(res, error);
    }
  });
  return router;
}

function queryParam(req: Request, name: string, required: true): string;
function queryParam(req: Request, name: string, required?: false): string | null;
function queryParam(req: Request, name: string, required = false): string | null {
  const value = req.query[name];
  if (typeof value === "string" && value.trim() !== "") return value.trim().normalize("NFC");
  if (value !== undefined && typeof value !== "string") throw new BadUserInputError(`Query parameter ${name} must be given once.`);
  if (required) throw new BadUserInputError(`Query parameter ${name} is required.`);
  return null;
}

function fail(res: Response, error: unknown): void {
  if (res.headersSent) {
    // Mid-stream: a cut connection is the only honest signal left; the client sees a broken file.
    log.error("export failed mid-stream", { error: (error as Error).message });
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
  log.error("export failed", { errorId, error: (error as Error).stack ?? String(error) });
  res.status(500).json({
    errors: [
      {
        message: `Internal server error (reference ${errorId}). The administrator can find the details in the server log.`,
        extensions: { code: "INTERNAL_SERVER_ERROR", errorId },
      },
    ],
  });
}
