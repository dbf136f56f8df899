import type { DataSource, EntityManager } from "typeorm";

/**
 * A MariaDB Galera node is run with causal reads (wsrep_sync_wait = 1, README "Several replicas on
 * a Galera cluster"): a read, and the start of a transaction, first waits until the node has
 * applied every write the cluster committed before it, so a request sees every write acknowledged
 * before it, whichever replica and node served that write.
 *
 * Inside a write transaction that wait must not happen again: the transaction holds row locks by
 * then, and a causal wait that needs the node to apply a write from another node which itself
 * waits for one of those locks only ends at the causal read timeout (measured: 50 issueApology
 * of one case spread over three nodes, 45 of them stuck until the 50 s lock wait timeout). The
 * write transactions therefore begin causally (START TRANSACTION waits) and then turn the wait off
 * for the rest of the transaction: a later read that missed a concurrent write from another node
 * cannot make a wrong write, because Galera's certification then fails the commit (same row or
 * same unique key), and the transaction runs again (db/write-transaction.ts, imports/import-run.ts).
 */
export async function withoutCausalWaits<T>(manager: EntityManager, galera: boolean, work: () => Promise<T>): Promise<T> {
  if (!galera) return work();
  await manager.query("SET SESSION wsrep_sync_wait = 0");
  let value: T;
  try {
    value = await work();
  } catch (error) {
    // Back to the server's setting for the connection's next user; the work's error is the answer.
    await manager.query(RESTORE).catch(() => undefined);
    throw error;
  }
  // Never swallow this one's error: a transaction aborted by a conflicting write from another node
  // reports it on its next statement, and the COMMIT after it would then commit nothing and succeed
  // (measured: 2 of 50 issueApology answered with an apology that was not stored).
  await manager.query(RESTORE);
  return value;
}

const RESTORE = "SET SESSION wsrep_sync_wait = DEFAULT";

const galera = new WeakMap<DataSource, Promise<boolean>>();

/**
 * Whether the data source's server is a Galera node (asked once per data source; MySQL has no
 * wsrep). Ask before taking a transaction's connection: the question needs a pooled connection.
 */
export function isGalera(db: DataSource): Promise<boolean> {
  if (db.options.type !== "mysql") return Promise.resolve(false);
  const known = galera.get(db);
  if (known) return known;
  const asked = db.query("SELECT @@GLOBAL.wsrep_on AS wsrepOn").then((rows: { wsrepOn: unknown }[]) => Number(rows[0]?.wsrepOn) === 1);
  galera.set(db, asked);
  return asked.catch((error: unknown) => {
    const e = error as { code?: string; driverError?: { code?: string } };
    // MySQL has no such variable: not Galera, for good. Any other error (the database not reachable
    // just now) is not an answer: asked again next time.
    if ((e.driverError?.code ?? e.code) === "ER_UNKNOWN_SYSTEM_VARIABLE") {
      galera.set(db, Promise.resolve(false));
    } else {
      galera.delete(db);
    }
    return false;
  });
}
