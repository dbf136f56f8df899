import { ipKeyGenerator } from "express-rate-limit";
import type { Request } from "express";

/**
 * What the rate limits need of HTTP; the counters themselves (per address, per token) live below
 * the API in limits/rate-limiters.ts, shared with the GraphQL plugin.
 *
 * The client's address as Express sees it: the socket's peer, or with CCHC_TRUST_PROXY the
 * address the trusted proxy put in X-Forwarded-For. IPv6 clients count by /56 network, as one
 * household or office gets one.
 */
export function clientAddress(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? "unknown");
}
