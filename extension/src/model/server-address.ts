/**
 * What the extension knows about a server address without asking VS Code: the normalised form that keys
 * the token in SecretStorage, and whether sending a token there crosses the network in the clear.
 */

/** Hosts that never leave this machine: plain http to them exposes nothing on the network. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * One spelling per server: scheme and host in lower case, the default port dropped, no credentials, query
 * or fragment, no trailing slash or `/graphql`. `HTTP://LocalHost:80/graphql/` and `http://localhost` are
 * the same server, and so share one stored token. Undefined for what is not an http(s) address.
 */
export function normaliseServerUrl(serverUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  const path = url.pathname.replace(/\/+$/, "").replace(/\/graphql$/, "").replace(/\/+$/, "");
  return `${url.protocol}//${url.host}${path}`;
}

/** The token written by versions that kept one token for every server; moved to the current server once. */
export const LEGACY_TOKEN_KEY = "cchc.token";

const TOKEN_KEY_PREFIX = "cchc.token:";

/** The SecretStorage key of the token for this server (e.g. `cchc.token:http://localhost:4000`). */
export function tokenSecretKey(serverUrl: string): string {
  const normalised = normaliseServerUrl(serverUrl);
  if (!normalised) throw new Error(`"${serverUrl}" is not an http:// or https:// address.`);
  return `${TOKEN_KEY_PREFIX}${normalised}`;
}

/** Is this SecretStorage key one of the extension's tokens (any server, or the legacy one)? */
export function isTokenSecretKey(key: string): boolean {
  return key === LEGACY_TOKEN_KEY || key.startsWith(TOKEN_KEY_PREFIX);
}

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/**
 * The host a token would travel to in the clear, or undefined when it would not: https, or plain http to
 * this machine (localhost, 127.0.0.1, ::1). `127.0.0.2` or a LAN name over http needs the user's consent.
 */
export function plainHttpHost(serverUrl: string): string | undefined {
  const normalised = normaliseServerUrl(serverUrl);
  if (!normalised) return undefined;
  const url = new URL(normalised);
  if (url.protocol !== "http:" || isLoopbackHost(url.hostname)) return undefined;
  return url.hostname;
}
