import { createHash } from "node:crypto";
import type { Request, Response } from "express";

/**
 * Sends a public representation so pollers can ask cheaply: a strong ETag from the bytes
 * themselves (it changes with any edit, a masked name included), Last-Modified from the latest
 * publication or write (services/public-apologies.ts, lastChangedAt), and a short shared cache; 304 on a matching If-None-Match or, without one, on an
 * If-Modified-Since not before Last-Modified (RFC 9110 §13.2.2). Decided here rather than by
 * Express's req.fresh, which answers 200 whenever the request says Cache-Control: no-cache, as
 * fetch() does on every conditional request.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=300";

function notModified(req: Request, etag: string, lastModified: Date | null): boolean {
  const noneMatch = req.headers["if-none-match"];
  if (noneMatch !== undefined) {
    return noneMatch
      .split(",")
      .map((tag) => tag.trim().replace(/^W\//, ""))
      .some((tag) => tag === "*" || tag === etag);
  }
  const modifiedSince = req.headers["if-modified-since"];
  if (modifiedSince === undefined || lastModified === null) return false;
  const since = Date.parse(modifiedSince);
  return !Number.isNaN(since) && lastModified.getTime() <= since;
}

export function sendCacheable(req: Request, res: Response, body: string, type: string, lastModified: Date | null): void {
  const bytes = Buffer.from(body, "utf8");
  const etag = `"${createHash("sha256").update(bytes).digest("base64url")}"`;
  // HTTP dates carry whole seconds; a publication at 10:00:00.500 must not look newer than itself.
  // A second not yet over may still see another change with the same date, which a poller's
  // If-Modified-Since could not tell from this one: until it is over, the ETag alone validates.
  const second = lastModified === null ? null : Math.floor(lastModified.getTime() / 1000) * 1000;
  const modified = second === null || second >= Math.floor(Date.now() / 1000) * 1000 ? null : new Date(second);
  res.setHeader("ETag", etag);
  if (modified !== null) res.setHeader("Last-Modified", modified.toUTCString());
  res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
  if (notModified(req, etag, modified)) {
    res.status(304).end();
    return;
  }
  res.type(type);
  res.send(bytes);
}
