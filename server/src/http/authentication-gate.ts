import type { RequestHandler, Response } from "express";
import type { DataSource } from "typeorm";
import { authenticate } from "../services/authentication.js";
import { type Principal } from "../core/principal.js";
import { UnauthenticatedError } from "../core/errors.js";
import { log } from "../log.js";
import { closeAfterAnswer, sendJsonError } from "./json-error.js";
import { countWrite, writeLimitMessage, type RateLimiters } from "../limits/rate-limiters.js";
import { clientAddress } from "./rate-limits.js";

/**
 * Runs before any body is read: the bearer token is checked first (one indexed lookup), so an
 * unauthenticated client never gets a 64 MB body read, and an address that failed too often
 * gets 429 before its token is even looked at. Failures are logged with the address and the
 * time, never the token. The principal is left in res.locals for the route behind.
 */
export function authenticationGate(db: DataSource, adminToken: string | null, limiters: RateLimiters): RequestHandler {
  return async (req, res, next) => {
    const address = clientAddress(req);
    try {
      const blockedFor = await limiters.authFailures.blockedFor(address);
      if (blockedFor !== null) {
        closeAfterAnswer(res);
        res.setHeader("Retry-After", String(blockedFor));
        sendJsonError(
          res,
          "UNAUTHENTICATED",
          `Too many failed sign-ins from this address (${limiters.authFailures.limit} in ${limiters.authFailures.windowMs / 1000} s, CCHC_AUTH_FAILURE_LIMIT); try again in ${blockedFor} s.`,
          { status: 429, extensions: { retryAfterSeconds: blockedFor } },
        );
        return;
      }
      res.locals.principal = await authenticate(db, req.headers.authorization, adminToken);
      next();
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) return next(error);
      const { hits } = await limiters.authFailures.hit(address);
      log.warn("authentication failed", { address, method: req.method, path: req.path, failuresInWindow: hits });
      if (hits === limiters.authFailures.limit) {
        log.warn("address blocked after failed authentications", { address, failures: hits, windowSeconds: limiters.authFailures.windowMs / 1000 });
      }
      closeAfterAnswer(res);
      sendJsonError(res, "UNAUTHENTICATED", error.message);
    }
  };
}

/** The principal the gate authenticated. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new UnauthenticatedError();
  return principal;
}

/**
 * POST /graphql takes JSON only (Apollo's CSRF protection relies on it too): any other content
 * type is refused before its body is read.
 */
export function requireJsonPost(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "POST" || /^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? "")) return next();
    closeAfterAnswer(res);
    sendJsonError(res, "BAD_USER_INPUT", "POST /graphql takes a JSON body: send the header content-type: application/json.", {
      status: 415,
    });
  };
}

/**
 * A body announced larger than the limit is refused at once: body-parser would read all of it
 * (and throw it away) before answering. A chunked body without a length is cut at the limit there.
 */
export function refuseLargeBody(limitBytes: number): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (!(declared > limitBytes)) return next();
    closeAfterAnswer(res);
    sendJsonError(res, "BAD_USER_INPUT", bodyTooLargeMessage(limitBytes), { status: 413 });
  };
}

export function bodyTooLargeMessage(limitBytes: number): string {
  return `The request body is larger than the limit of ${limitBytes} bytes (${limitBytes / (1024 * 1024)} MB; CCHC_BODY_LIMIT_MB).`;
}

/** Each file download (/documents, /exports) counts against its token's write and document limit. */
export function downloadRateLimit(limiters: RateLimiters): RequestHandler {
  return async (_req, res, next) => {
    try {
      const retryAfter = await countWrite(limiters, principalOf(res));
      if (retryAfter === null) return next();
      res.setHeader("Retry-After", String(retryAfter));
      sendJsonError(res, "FORBIDDEN", writeLimitMessage(limiters, retryAfter), { status: 429, extensions: { retryAfterSeconds: retryAfter } });
    } catch (error) {
      next(error);
    }
  };
}
