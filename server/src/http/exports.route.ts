import express, { type Router } from "express";
import type { DataSource } from "typeorm";
import { BadUserInputError } from "../core/errors.js";
import { resolveExport } from "../imports/export-scope.js";
import { IMPORT_KINDS, type ImportKind } from "../imports/import-columns.js";
import { importFormatDocument } from "../imports/import-format-document.js";
import { authenticatedDownload, queryParam, startDownload } from "./download-route.js";

/**
 * GET /exports/{cases|apologies|tasks}.csv?directiveId=1[&unitCode=VP]: a directive's rows as CSV
 * in exactly the import format (the file importCases & co. read back unchanged), streamed page
 * by page, under the same bearer authorization as /graphql.
 */
export function exportsRouter(db: DataSource, adminToken: string | null): Router {
  const router = express.Router();
  router.get(
    "/exports/:file",
    authenticatedDownload(db, adminToken, async (req, res) => {
      const kind = String(req.params.file).replace(/\.csv$/i, "") as ImportKind;
      if (!IMPORT_KINDS.includes(kind)) {
        throw new BadUserInputError(`Unknown export "${req.params.file}"; use cases.csv, apologies.csv or tasks.csv.`);
      }
      const exported = await resolveExport(db, queryParam(req, "directiveId", true), queryParam(req, "unitCode"));
      const doc = importFormatDocument(db, kind, exported);
      startDownload(res, doc.fileName, doc.mimeType);
      await doc.write(res);
    }),
  );
  return router;
}
