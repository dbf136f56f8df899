import { MemoryStore, type Options } from "express-rate-limit";
import type { RequestLimits } from "../config.js";
import type { Principal } from "../core/principal.js";
import { log } from "../log.js";

/**
 * The request limits' counters, below the API: the GraphQL plugin (query-limits.ts) and the HTTP
 * routes (http/authentication-gate.ts) both count writes per token here, and http/rate-limits.ts
 * only adds what is HTTP's own (the client's address). Nothing here knows a request.
 */

/**
 * A fixed-window hit counter per key, held in this process's memory by express-rate-limit's
 * MemoryStore. Counters are per process on purpose (README "Security and operations"): each
 * replica counts its own clients, so N replicas allow up to N times the limit in all.
 */
export class HitCounter {
  private readonly store = new MemoryStore();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    this.store.init({ windowMs } as Options);
  }

  /** Seconds until the window resets when the key has used up its limit, else null. */
  async blockedFor(key: string): Promise<number | null> {
    const info = await this.store.get(key);
    if (!info || info.totalHits < this.limit) return null;
    return secondsUntil(info.resetTime);
  }

  /** Counts one hit; answers the hits so far in the window and the seconds until it resets. */
  async hit(key: string): Promise<{ hits: number; retryAfterSeconds: number }> {
    const info = await this.store.increment(key);
    return { hits: info.totalHits, retryAfterSeconds: secondsUntil(info.resetTime) };
  }

  close(): void {
    this.store.shutdown();
  }
}

function secondsUntil(resetTime: Date | undefined): number {
  return Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now()) - Date.now()) / 1000));
}

export interface RateLimiters {
  /** Failed authentications per client address. */
  authFailures: HitCounter;
  /** Writes (mutations) and documents per token; null when turned off (CCHC_WRITE_RATE_LIMIT=0). */
  writes: HitCounter | null;
  close(): void;
}

export function createRateLimiters(limits: RequestLimits): RateLimiters {
  const authFailures = new HitCounter(limits.authFailures, limits.authFailureWindowMs);
  const writes = limits.writesPerToken > 0 ? new HitCounter(limits.writesPerToken, limits.writeWindowMs) : null;
  return {
    authFailures,
    writes,
    close: () => {
      authFailures.close();
      writes?.close();
    },
  };
}

/** The counter's key for a token: its id (never the secret), or the environment's admin token. */
export function tokenKey(principal: Principal): string {
  return principal.tokenId === null ? "environment-admin-token" : `token:${principal.tokenId}`;
}

/** A write or a document by this token: null when allowed, else the seconds to wait. */
export async function countWrite(limiters: RateLimiters, principal: Principal): Promise<number | null> {
  if (!limiters.writes) return null;
  const key = tokenKey(principal);
  const { hits, retryAfterSeconds } = await limiters.writes.hit(key);
  if (hits <= limiters.writes.limit) return null;
  if (hits === limiters.writes.limit + 1) {
    log.warn("write rate limit reached", { token: key, limit: limiters.writes.limit, windowSeconds: limiters.writes.windowMs / 1000 });
  }
  return retryAfterSeconds;
}

export function writeLimitMessage(limiters: RateLimiters, retryAfterSeconds: number): string {
  const writes = limiters.writes;
  return `This token has made more than ${writes?.limit} writes and document requests in ${(writes?.windowMs ?? 0) / 1000} s (CCHC_WRITE_RATE_LIMIT); try again in ${retryAfterSeconds} s.`;
}
