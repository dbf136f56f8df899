import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * Security headers on every response (helmet): nosniff, no framing (X-Frame-Options DENY and
 * CSP frame-ancestors 'none'), no referrer, and a CSP that allows nothing, right for JSON and
 * file downloads. The console's page sets its own, stricter-where-it-matters CSP with a nonce
 * after this ran (graphiql.route.ts), replacing this one on that response only. HSTS is left to
 * the TLS reverse proxy: this server speaks plain HTTP behind it (README "Security and operations").
 *
 * These options are static (no directive is a function of the request), so helmet's chain of a
 * dozen middlewares is run once, here, and its header writes are replayed on each response in the
 * same order: the same headers, without the chain on every request.
 */
export function securityHeaders(): RequestHandler {
  const writes = recordedWrites(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
      },
      strictTransportSecurity: false,
      xFrameOptions: { action: "deny" },
      referrerPolicy: { policy: "no-referrer" },
    }),
  );
  return (_req, res, next) => {
    for (const [name, value] of writes) {
      if (value === null) res.removeHeader(name);
      else res.setHeader(name, value);
    }
    next();
  };
}

/** The header writes a middleware makes (a value, or null for a removal), in order; it must call next() at once, without an error. */
function recordedWrites(middleware: RequestHandler): [string, string | null][] {
  const writes: [string, string | null][] = [];
  let passed = false;
  const response = {
    setHeader: (name: string, value: string) => void writes.push([name, String(value)]),
    removeHeader: (name: string) => void writes.push([name, null]),
  };
  middleware({} as never, response as never, ((error?: unknown) => {
    if (error) throw error;
    passed = true;
  }) as never);
  if (!passed) throw new Error("the security headers' middleware did not pass the request on at once");
  return writes;
}
