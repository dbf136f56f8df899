import { randomUUID } from "node:crypto";
import type { ErrorRequestHandler, RequestHandler } from "express";
import { log } from "../log.js";
import { bodyTooLargeMessage } from "./authentication-gate.js";
import { jsonStructureMessage } from "./graphql-body-shape.js";
import { closeAfterAnswer, sendJsonError } from "./json-error.js";

/**
 * What body-parser (raw-body) reports, by its error's `type`, answered in words a client can act
 * on. The error objects themselves carry the body (`error.body`) and JSON.parse's message quotes
 * it, and a body may hold applicants' names and ID numbers: neither reaches the log nor the answer.
 */
const BODY_ERRORS: Record<string, { status: number; message: (limitBytes: number) => string }> = {
  "entity.parse.failed": { status: 400, message: () => "The request body is not valid JSON." },
  "entity.too.large": {
    status: 413,
    message: (limit) => bodyTooLargeMessage(limit),
  },
  "request.size.invalid": { status: 400, message: () => "The request body's length does not match its Content-Length header." },
  "encoding.unsupported": { status: 415, message: () => "The request body's Content-Encoding is not supported; send it uncompressed or gzip." },
  "charset.unsupported": { status: 415, message: () => "The request body's charset is not supported; send UTF-8." },
  "entity.structure.too.large": { status: 400, message: () => jsonStructureMessage() },
  "request.aborted": { status: 400, message: () => "The request was aborted before its body arrived." },
};

/** Mounted last: anything no route answered is a JSON NOT_FOUND, not Express's HTML page. */
export function notFoundHandler(): RequestHandler {
  return (_req, res) => {
    sendJsonError(res, "NOT_FOUND", "Nothing is served at this path: see /graphql, /graphiql, /health, /documents/… and /exports/….");
  };
}

/**
 * Express's error handler, mounted after every route: each error answers JSON with a contract
 * code (BAD_USER_INPUT for a request Express or the body parser refused, INTERNAL_SERVER_ERROR
 * with a reference id otherwise), never Express's default HTML page with node_modules paths.
 */
export function jsonErrorHandler(bodyLimitBytes: number): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const failure = (error ?? {}) as { type?: unknown; status?: unknown; statusCode?: unknown; stack?: unknown; message?: unknown };
    if (res.headersSent) {
      // Mid-answer: the only honest signal left is a cut connection.
      log.warn("request failed mid-answer", { method: req.method, path: req.path });
      res.destroy();
      return;
    }
    const known = typeof failure.type === "string" ? BODY_ERRORS[failure.type] : undefined;
    const status = Number(failure.status ?? failure.statusCode);
    if (known || (status >= 400 && status < 500)) {
      const answerStatus = known?.status ?? status;
      log.warn("request refused", { method: req.method, path: req.path, status: answerStatus, reason: failure.type ?? "bad request" });
      closeAfterAnswer(res);
      sendJsonError(res, "BAD_USER_INPUT", known?.message(bodyLimitBytes) ?? "The request could not be read.", { status: answerStatus });
      return;
    }
    const errorId = randomUUID();
    log.error("unexpected error", {
      errorId,
      method: req.method,
      path: req.path,
      error: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    sendJsonError(res, "INTERNAL_SERVER_ERROR", `Internal server error (reference ${errorId}). The administrator can find the details in the server log.`, {
      extensions: { errorId },
    });
  };
}
