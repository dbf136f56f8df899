import { randomUUID } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import type { DataSource } from "typeorm";
import { authenticate } from "../services/authentication.js";
import { BadUserInputError, ClientError, isClientErrorCode } from "../core/errors.js";
import { log } from "../log.js";
import { lookupKey } from "../services/lookups.js";

/**
 * What the plain-HTTP file routes (/documents, /exports) share: the same bearer check as
 * /graphql, query parameters normalised like GraphQL strings, download headers, and errors
 * answered as JSON shaped like a GraphQL error with the contract's code and an HTTP status.
 */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

export function authenticatedDownload(
  db: DataSource,
  adminToken: string | null,
  work: (req: Request, res: Response) => Promise<void>,
): RequestHandler {
  return async (req, res) => {
    try {
      // The app's authentication gate has checked the token already; the router alone (tests) checks it here.
      if (!res.locals.principal) await authenticate(db, req.headers.authorization, adminToken);
      await work(req, res);
    } catch (error) {
      failDownload(res, error);
    }
  };
}

export function queryParam(req: Request, name: string, required: true): string;
export function queryParam(req: Request, name: string, required?: false): string | null;
export function queryParam(req: Request, name: string, required = false): string | null {
  const value = req.query[name];
  if (typeof value === "string" && lookupKey(value) !== "") return lookupKey(value);
  if (value !== undefined && typeof value !== "string") {
    throw new BadUserInputError(`Query parameter ${name} must be given once.`);
  }
  if (required) throw new BadUserInputError(`Query parameter ${name} is required.`);
  return null;
}

export function startDownload(res: Response, fileName: string, mimeType: string): void {
  res.status(200);
  res.attachment(fileName);
  res.setHeader("Content-Type", mimeType);
  res.setHeader("Cache-Control", "no-store");
}

export function failDownload(res: Response, error: unknown): void {
  if (res.headersSent) {
    // Mid-stream (often the client went away): the only honest signal left is a cut connection.
    log.warn("download ended mid-stream", { error: (error as Error).message });
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
  log.error("download failed", { errorId, error: (error as Error).stack ?? String(error) });
  res.status(500).json({
    errors: [
      {
        message: `Internal server error (reference ${errorId}). The administrator can find the details in the server log.`,
        extensions: { code: "INTERNAL_SERVER_ERROR", errorId },
      },
    ],
  });
}
