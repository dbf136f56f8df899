/**
 * Errors that mean the database could not be reached (a dropped or refused connection, a server going
 * away), as the MySQL driver and the network report them, possibly wrapped by TypeORM (`driverError`).
 * They are not the request's fault and not a bug: the client is told so, in words, and may retry.
 */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "ER_CON_COUNT_ERROR",
  "ER_SERVER_SHUTDOWN",
  // 1047 "WSREP has not yet prepared node for application use": a Galera node out of the cluster's
  // primary component (its peers gone, or still joining). Another node, or this one soon, serves.
  "ER_UNKNOWN_COM_ERROR",
  // A statement cut short under a Galera node that lost its peers while it ran.
  "ER_QUERY_INTERRUPTED",
  // 1205: on Galera, a causal read (wsrep_sync_wait) on a node still applying what the cluster committed
  // (a large import) waited past the causal read timeout; in InnoDB, a write that waited past
  // innodb_lock_wait_timeout for a row. Either way nothing was done, and a retry in a moment succeeds.
  "ER_LOCK_WAIT_TIMEOUT",
]);

export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 4; depth++) {
    const { code, driverError, cause } = current as { code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === "string" && UNREACHABLE_CODES.has(code)) return true;
    current = driverError ?? cause;
  }
  return false;
}

export const DATABASE_UNREACHABLE_MESSAGE =
  "The database cannot be reached just now, so this request did not complete; try again in a moment.";
