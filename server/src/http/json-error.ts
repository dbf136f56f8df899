import type { Response } from "express";
import type { ClientErrorCode } from "../core/errors.js";

/**
 * Every refusal outside GraphQL's own execution (the routes, the body parser, the limits) answers
 * JSON shaped like a GraphQL error: { errors: [{ message, extensions: { code } }] }, with the
 * contract's code and an HTTP status, never an HTML page, a path or a stack.
 */
export const STATUS_OF_CODE: Record<ClientErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

export function sendJsonError(
  res: Response,
  code: ClientErrorCode | "INTERNAL_SERVER_ERROR",
  message: string,
  options: { status?: number; extensions?: Record<string, unknown> } = {},
): void {
  const status = options.status ?? (code === "INTERNAL_SERVER_ERROR" ? 500 : STATUS_OF_CODE[code]);
  if (code === "UNAUTHENTICATED") res.setHeader("WWW-Authenticate", 'Bearer realm="cchc"');
  res.status(status).json({ errors: [{ message, extensions: { code, ...options.extensions } }] });
}

/**
 * Answering before the request's body was read: the connection closes after the answer, so a
 * client still sending a large body is cut off instead of having it read (and thrown away).
 */
export function closeAfterAnswer(res: Response): void {
  if (!res.req.complete) res.setHeader("Connection", "close");
}
