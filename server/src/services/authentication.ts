import { createHash, timingSafeEqual } from "node:crypto";
import type { DataSource } from "typeorm";
import { selectEntities } from "../db/entity-select.js";
import { Role } from "../core/enums.js";
import { UnauthenticatedError } from "../core/errors.js";
import type { Principal } from "../core/principal.js";
import { ApiToken } from "../entities/api-token.entity.js";
import { ENVIRONMENT_ADMIN } from "./audit-trail.js";

/** Tokens are stored as their SHA-256 only. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Resolves the bearer token to a principal, or fails UNAUTHENTICATED. One indexed lookup, no state
 * kept: the token is hashed once, compared in constant time with the environment's admin token's
 * hash (computed once per admin token, it never changes while the process runs), else looked up
 * by its hash among the tokens not revoked, on every request.
 */
export async function authenticate(
  db: DataSource,
  authorization: string | undefined,
  adminToken: string | null,
): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) throw new UnauthenticatedError();
  const tokenHash = hashToken(match[1]);
  if (adminToken !== null && timingSafeEqual(Buffer.from(tokenHash, "hex"), adminTokenHash(adminToken))) {
    return { role: Role.ADMIN, unitId: null, tokenId: null, name: ENVIRONMENT_ADMIN };
  }
  const [stored] = await selectEntities(db, ApiToken, "WHERE {tokenHash} = ? AND {revokedAt} IS NULL LIMIT 1", [tokenHash]);
  if (!stored) throw new UnauthenticatedError("The bearer token is unknown or revoked; ask an administrator for a new one.");
  return { role: stored.role, unitId: stored.unitId, tokenId: stored.id, name: stored.name };
}

let hashedAdminToken: { token: string; hash: Buffer } | null = null;

function adminTokenHash(adminToken: string): Buffer {
  if (hashedAdminToken?.token !== adminToken) hashedAdminToken = { token: adminToken, hash: Buffer.from(hashToken(adminToken), "hex") };
  return hashedAdminToken.hash;
}
