import type { DataSource, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from "typeorm";
import { isGalera, withoutCausalWaits } from "./galera.js";

/**
 * How writes through the API stay consistent: serialised writes, not version columns. The
 * contract's inputs carry no version (a client cannot say which state it saw), and every upsert
 * replaces the record whole, so what must never happen is a write judged, or audited, against a
 * state that another write changed meanwhile. Each write therefore reads what it decides on and
 * writes, with its audit entry, in one transaction, one such transaction per record at a time:
 *
 * - MariaDB/MySQL: READ COMMITTED, and the record is read with SELECT … FOR UPDATE
 *   (`lockedFindOne`), so a concurrent write to it waits for the first to commit and then reads
 *   the committed record. (READ COMMITTED takes no gap locks on a missing key: two upserts of one
 *   new key then meet as a duplicate key, and the loser runs again and updates.)
 * - SQLite: TypeORM's better-sqlite3 driver sends every statement of the process through one
 *   connection, so two transactions at once would nest into each other. Write transactions of the
 *   process run one after another (a queue per data source); SQLite lets one writer in at a time.
 *
 * A transaction that loses a race (duplicate key, deadlock, lock wait timeout) rolled back whole
 * and runs again from the start, up to six attempts. On a Galera cluster the row lock is the
 * node's own: two writes of one record on two nodes both run, and the second to commit fails
 * certification with a deadlock error (or is aborted when the first one's write arrives), then
 * runs again and reads the record as the winner left it (50 issueApology of one case spread over
 * three nodes: one apology, 49 CONFLICT; see test/cluster/).
 */
export async function inWriteTransaction<T>(db: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await oneAfterAnother(db, () =>
        db.options.type === "mysql"
          ? isGalera(db).then((galera) =>
              db.transaction("READ COMMITTED", (manager) => withoutCausalWaits(manager, galera, () => work(manager))),
            )
          : db.transaction(work),
      );
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !isLostRace(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * (10 + Math.random() * 40)));
    }
  }
}

const WRITE_ATTEMPTS = 6;

/** The record a write decides on, locked until the write's transaction ends (MariaDB; SQLite's writes are serial). */
export function lockedFindOne<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
): Promise<T | null> {
  const lock = manager.connection.options.type === "mysql" ? { lock: { mode: "pessimistic_write" as const } } : {};
  return manager.findOne(entity, { where, ...lock });
}

function isLostRace(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === "ER_DUP_ENTRY" || code === "ER_LOCK_DEADLOCK" || code === "ER_LOCK_WAIT_TIMEOUT";
}

const queues = new WeakMap<DataSource, Promise<unknown>>();
const pooledWriters = new WeakMap<DataSource, Semaphore>();

/**
 * MariaDB/MySQL: at most the pool's size less four write transactions of this process at once. A
 * write holding its record's lock may still read through the request's loaders, on another pooled
 * connection (the unit named in a FORBIDDEN message); with every connection taken by writes waiting
 * for that lock, that read waited for a connection none would give back until the lock wait
 * timeout (measured: 50 issueApology of one case on two replicas, 45 answered after 50 s). The
 * four spare connections serve those reads, /health's probe, an import and the reads of requests.
 */
function oneAfterAnother<T>(db: DataSource, task: () => Promise<T>): Promise<T> {
  if (db.options.type === "mysql") {
    let writers = pooledWriters.get(db);
    if (!writers) {
      const poolSize = Number((db.options as { poolSize?: number }).poolSize ?? 10);
      writers = new Semaphore(Math.max(1, poolSize - 4));
      pooledWriters.set(db, writers);
    }
    return writers.run(task);
  }
  const previous = queues.get(db) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(task);
  queues.set(db, current);
  return current;
}

/** At most `limit` tasks at once; the others wait in arrival order. */
class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
