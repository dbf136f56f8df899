import { createHash, timingSafeEqual } from "node:crypto";
import { IsNull, type DataSource } from "typeorm";
import { Role } from "../core/enums.js";
import { UnauthenticatedError } from "../core/errors.js";
import type { Principal } from "../core/principal.js";
import { ApiToken } from "../entities/api-token.entity.js";
import { ENVIRONMENT_ADMIN } from "./audit-trail.js";

/** Tokens are stored as their SHA-256 only. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Resolves the bearer token to a principal, or fails UNAUTHENTICATED. One indexed lookup, no state kept. */
export async function authenticate(
  db: DataSource,
  authorization: string | undefined,
  adminToken: string | null,
): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) throw new UnauthenticatedError();
  const token = match[1];
  if (adminToken !== null && sameSecret(token, adminToken)) {
    return { role: Role.ADMIN, unitId: null, tokenId: null, name: ENVIRONMENT_ADMIN };
  }
  const stored = await db
    .getRepository(ApiToken)
    .findOne({ where: { tokenHash: hashToken(token), revokedAt: IsNull() } });
  if (!stored) throw new UnauthenticatedError("The bearer token is unknown or revoked; ask an administrator for a new one.");
  return { role: stored.role, unitId: stored.unitId, tokenId: stored.id, name: stored.name };
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(hashToken(a), "hex");
  const right = Buffer.from(hashToken(b), "hex");
  return timingSafeEqual(left, right);
}
