import { mkdirSync, openSync, closeSync, rmSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { IsNull, type DataSource } from "typeorm";
import { ApiToken } from "./entities/api-token.entity.js";
import { hashToken } from "./services/authentication.js";
import { Role } from "./core/enums.js";
import { newTokenSecret } from "./graphql/resolvers/api-token.resolver.js";

/**
 * First start without CCHC_ADMIN_TOKEN: make one admin token so someone can sign in. It is
 * stored hashed like every other token (any replica accepts it) and written to `tokenFile`,
 * readable by its owner only (0600): never printed, since stdout ends up in logs and terminals'
 * scrollback. Answers the file's absolute path, or null when an admin token exists already.
 */
export async function ensureBootstrapAdminToken(db: DataSource, tokenFile: string): Promise<string | null> {
  const repository = db.getRepository(ApiToken);
  if (await repository.existsBy({ role: Role.ADMIN, revokedAt: IsNull() })) return null;
  const token = newTokenSecret();
  const path = resolve(tokenFile);
  writeOwnerOnly(path, `${token}\n`);
  try {
    await repository.save(
      repository.create({ name: "start-up admin token", role: Role.ADMIN, unitId: null, tokenHash: hashToken(token), createdAt: new Date(), revokedAt: null }),
    );
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  return path;
}

/** A new file created 0600 (a left-over file, or a link planted in its place, is removed first, never written through). */
function writeOwnerOnly(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  rmSync(path, { force: true });
  const fd = openSync(path, "wx", 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
