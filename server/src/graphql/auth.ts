import { createHash, timingSafeEqual } from "node:crypto";
import { IsNull, type DataSource } from "typeorm";
import { ApiToken } from "../entities/api-token.entity.js";
import { Role } from "./enums.js";
import { ForbiddenError, UnauthenticatedError } from "./errors.js";

export interface Principal {
  role: Role;
  /** The unit an OFFICER is bound to. */
  unitId: number | null;
  /** Null for the CCHC_ADMIN_TOKEN from the environment. */
  tokenId: number | null;
}

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
    return { role: Role.ADMIN, unitId: null, tokenId: null };
  }
  const stored = await db
    .getRepository(ApiToken)
    .findOne({ where: { tokenHash: hashToken(token), revokedAt: IsNull() } });
  if (!stored) throw new UnauthenticatedError("The bearer token is unknown or revoked; ask an administrator for a new one.");
  return { role: stored.role, unitId: stored.unitId, tokenId: stored.id };
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(hashToken(a), "hex");
  const right = Buffer.from(hashToken(b), "hex");
  return timingSafeEqual(left, right);
}

export function requireAdmin(principal: Principal): void {
  if (principal.role !== Role.ADMIN) throw new ForbiddenError("Only an administrator may do this.");
}

/** ADMIN writes everywhere; an OFFICER only inside its own unit; a VIEWER nowhere. */
export function requireUnitWriter(principal: Principal, unitId: number, unitCode: string): void {
  if (principal.role === Role.ADMIN) return;
  if (principal.role === Role.OFFICER && principal.unitId === unitId) return;
  if (principal.role === Role.VIEWER) throw new ForbiddenError("A VIEWER token can read but not write.");
  throw new ForbiddenError(`This OFFICER token may only write its own unit's records, not those of unit ${unitCode}.`);
}
