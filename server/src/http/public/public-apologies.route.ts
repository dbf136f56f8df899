import express, { type Request, type Response, type Router } from "express";
import { rateLimit } from "express-rate-limit";
import type { DataSource } from "typeorm";
import { loadLetterTexts } from "../../documents/texts/letter-texts.store.js";
import { randomUUID } from "node:crypto";
import { log } from "../../log.js";
import { publishedApologies, type PublicApologyFilter, type PublicApologyPage } from "../../services/public-apologies.js";
import { unitsByCode } from "../../services/units.js";
import { PUBLIC_CACHE_CONTROL, sendCacheable } from "./conditional-response.js";
import { PUBLIC_PAGE_CSS } from "./public-page.css.js";
import { renderPublicFeed } from "./public-feed.atom.js";
import { renderPublicPage } from "./public-page.html.js";
import { publicFilter, PublicQueryError } from "./public-query.js";
import { toPublicJson } from "./public-json.js";

/**
 * The public apologies (xin lỗi công khai) for the Authority's portal, open to anyone:
 *   GET /cong-khai                the page (HTML, no script)
 *   GET /cong-khai/feed.atom      the same items as Atom 1.0
 *   GET /cong-khai.json           the same items and paging as JSON
 *   GET /cong-khai/giao-dien.css  the page's style sheet
 * Read-only and separate from the API: no token is read (an Authorization header changes nothing),
 * no route below reaches GraphQL or the downloads, and what leaves is only what public-apologies.ts
 * selects. Every response carries a CSP that allows nothing but this host's style sheet.
 * The rate limit counts requests per client address in this process's memory: with N replicas
 * behind a balancer an address gets up to N times the limit (fine for its purpose, which is to
 * keep one client from monopolising a replica; a shared store would be needed for an exact limit).
 */
export interface PublicPagesOptions {
  /** Requests per address per minute. */
  ratePerMinute: number;
  /** The origin links in the feed and JSON start with (e.g. https://cchc.heza.gov.vn); else the request's. */
  baseUrl: string | null;
}

const CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

function securityHeaders(_req: Request, res: Response, next: () => void): void {
  res.set({
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "cross-origin",
    // The portal's pages read the JSON and the feed from their own origin.
    "Access-Control-Allow-Origin": "*",
  });
  next();
}

class UnknownUnitError extends Error {}

async function load(db: DataSource, req: Request): Promise<{ filter: PublicApologyFilter; result: PublicApologyPage; agencyName: string }> {
  const filter = publicFilter(req);
  const texts = await loadLetterTexts(db);
  const result = await publishedApologies(db, filter, new Date(), texts.publicApologies.organisationPrefixes);
  if (filter.unitCode !== null && result.totalCount === 0) {
    const units = await unitsByCode(db);
    if (!units.some((u) => u.code === filter.unitCode)) throw new UnknownUnitError(`Không có đơn vị mã "${filter.unitCode}".`);
  }
  return { filter, result, agencyName: texts.agency.agencyName };
}

function origin(req: Request, options: PublicPagesOptions): string {
  return options.baseUrl ?? `${req.protocol}://${req.get("host") ?? "localhost"}`;
}

function statusOf(error: unknown): number | null {
  if (error instanceof PublicQueryError) return 400;
  if (error instanceof UnknownUnitError) return 404;
  return null;
}

/** Any failure: a client's gets its sentence, anything else a reference the log holds, never a stack. */
function fail(res: Response, error: unknown, as: "html" | "json" | "text"): void {
  const status = statusOf(error);
  let message = (error as Error).message;
  if (status === null) {
    const errorId = randomUUID();
    log.error("public page failed", { errorId, error: (error as Error).stack ?? String(error) });
    message = `Lỗi máy chủ (mã tham chiếu ${errorId}). Vui lòng thử lại sau.`;
  }
  res.status(status ?? 500).setHeader("Cache-Control", "no-store");
  if (as === "json") res.json({ error: { message, code: status === 400 ? "BAD_USER_INPUT" : status === 404 ? "NOT_FOUND" : "INTERNAL_SERVER_ERROR" } });
  else res.type("text/plain").send(message);
}

export function publicApologiesRouter(db: DataSource, options: PublicPagesOptions): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: options.ratePerMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).setHeader("Cache-Control", "no-store");
      res.type("text/plain").send("Quá nhiều yêu cầu từ địa chỉ này. Vui lòng thử lại sau một phút.");
    },
  });
  const paths = ["/cong-khai", "/cong-khai.json", "/cong-khai/feed.atom", "/cong-khai/giao-dien.css"];
  router.use(paths, securityHeaders, limiter);

  router.get("/cong-khai/giao-dien.css", (req, res) => {
    sendCacheable(req, res, PUBLIC_PAGE_CSS, "text/css", null);
  });

  router.get("/cong-khai", async (req, res) => {
    let page: string;
    let lastModified: Date | null = null;
    try {
      const { filter, result, agencyName } = await load(db, req);
      const units = (await unitsByCode(db)).map((u) => ({ code: u.code, name: u.name }));
      page = renderPublicPage({ agencyName, filter, result, units, problem: null });
      lastModified = result.lastChangedAt;
    } catch (error) {
      const status = statusOf(error);
      if (status === null) return fail(res, error, "text");
      // A refused filter still gets the page, the form filled as sent and the sentence in place of the list.
      const texts = await loadLetterTexts(db);
      const units = (await unitsByCode(db)).map((u) => ({ code: u.code, name: u.name }));
      const filter = { caseCode: null, unitCode: null, year: null, page: 1 };
      res.status(status).setHeader("Cache-Control", "no-store");
      res.type("html").send(renderPublicPage({ agencyName: texts.agency.agencyName, filter, result: null, units, problem: (error as Error).message }));
      return;
    }
    sendCacheable(req, res, page, "html", lastModified);
  });

  router.get("/cong-khai.json", async (req, res) => {
    try {
      const { filter, result } = await load(db, req);
      sendCacheable(req, res, JSON.stringify(toPublicJson(filter, result, origin(req, options))), "json", result.lastChangedAt);
    } catch (error) {
      fail(res, error, "json");
    }
  });

  router.get("/cong-khai/feed.atom", async (req, res) => {
    try {
      const { filter, result, agencyName } = await load(db, req);
      const xml = renderPublicFeed(agencyName, filter, result, origin(req, options));
      sendCacheable(req, res, xml, "application/atom+xml; charset=utf-8", result.lastChangedAt);
    } catch (error) {
      fail(res, error, "text");
    }
  });

  // Anything else under /cong-khai (another method, a path such as /cong-khai/graphql) is not there.
  router.all(["/cong-khai", "/cong-khai/{*rest}", "/cong-khai.json", "/cong-khai.json/{*rest}"], (_req, res) => {
    res.status(404).setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
    res.type("text/plain").send("Không có trang này.");
  });
  return router;
}
