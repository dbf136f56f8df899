import { LEGACY_TOKEN_KEY, tokenSecretKey } from "./server-address.js";

/** The part of VS Code's SecretStorage the store uses (vscode-free, so a test can give a Map). */
export interface SecretsLike {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/**
 * Tokens in SecretStorage, one per server (keyed by the normalised address), so a token given for one
 * server is never sent to another after the address changes. A token stored by an older version under the
 * single key `cchc.token` is moved to the server configured when it is first read, then deleted.
 */
export class TokenStore {
  constructor(private readonly secrets: SecretsLike) {}

  async get(serverUrl: string): Promise<string | undefined> {
    const key = tokenSecretKey(serverUrl);
    const token = await this.secrets.get(key);
    const legacy = await this.secrets.get(LEGACY_TOKEN_KEY);
    if (legacy === undefined) return token;
    // Migrate once: the single old token belonged to the server configured at the time, which is the one
    // configured now (the address is a user setting). A token already stored for this server wins.
    await this.secrets.delete(LEGACY_TOKEN_KEY);
    if (token !== undefined) return token;
    await this.secrets.store(key, legacy);
    return legacy;
  }

  async store(serverUrl: string, token: string): Promise<void> {
    await this.secrets.store(tokenSecretKey(serverUrl), token);
  }

  async delete(serverUrl: string): Promise<void> {
    await this.secrets.delete(tokenSecretKey(serverUrl));
  }
}
