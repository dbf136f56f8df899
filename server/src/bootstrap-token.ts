import { IsNull, type DataSource } from "typeorm";
import { ApiToken } from "./entities/api-token.entity.js";
import { hashToken } from "./graphql/auth.js";
import { Role } from "./graphql/enums.js";
import { newTokenSecret } from "./graphql/resolvers/api-token.resolver.js";

/**
 * First start without CCHC_ADMIN_TOKEN: make one admin token so someone can sign in. It is
 * stored hashed like every other token (any replica accepts it) and returned once, to be printed.
 * Later starts find an admin token and make none.
 */
export async function ensureBootstrapAdminToken(db: DataSource): Promise<string | null> {
  const repository = db.getRepository(ApiToken);
  if (await repository.existsBy({ role: Role.ADMIN, revokedAt: IsNull() })) return null;
  const token = newTokenSecret();
  await repository.save(
    repository.create({ name: "start-up admin token", role: Role.ADMIN, unitId: null, tokenHash: hashToken(token), createdAt: new Date(), revokedAt: null }),
  );
  return token;
}
