import { Role } from "./enums.js";
import { ForbiddenError } from "./errors.js";

/** Who is asking: the role of the bearer token, and for an OFFICER the unit it is bound to. */
export interface Principal {
  role: Role;
  /** The unit an OFFICER is bound to. */
  unitId: number | null;
  /** Null for the CCHC_ADMIN_TOKEN from the environment. */
  tokenId: number | null;
  /** Who, for the audit trail: the token's name, or what acts without one ("command line"). */
  name?: string;
}

/**
 * Who may write a record of a unit, the one answer for the API and the imports: ADMIN anywhere, an
 * OFFICER inside its own unit, a VIEWER nowhere.
 */
export function mayWrite(principal: Principal, unitId: number): boolean {
  return principal.role === Role.ADMIN || (principal.role === Role.OFFICER && principal.unitId === unitId);
}

export function requireAdmin(principal: Principal): void {
  if (principal.role !== Role.ADMIN) throw new ForbiddenError("Only an administrator may do this.");
}

/** mayWrite, or FORBIDDEN naming the unit. */
export function requireUnitWriter(principal: Principal, unitId: number, unitCode: string): void {
  if (mayWrite(principal, unitId)) return;
  if (principal.role === Role.VIEWER) throw new ForbiddenError("A VIEWER token can read but not write.");
  throw new ForbiddenError(`This OFFICER token may only write its own unit's records, not those of unit ${unitCode}.`);
}
