import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * Security headers on every response (helmet): nosniff, no framing (X-Frame-Options DENY and
 * CSP frame-ancestors 'none'), no referrer, and a CSP that allows nothing, right for JSON and
 * file downloads. The console's page sets its own, stricter-where-it-matters CSP with a nonce
 * after this ran (graphiql.route.ts), replacing this one on that response only. HSTS is left to
 * the TLS reverse proxy: this server speaks plain HTTP behind it (README "Security and operations").
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    strictTransportSecurity: false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
  });
}
