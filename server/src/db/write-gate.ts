import type { DataSource } from "typeorm";

/**
 * One writer at a time per SQLite database in this process, waited for without blocking.
 *
 * Why: better-sqlite3 is synchronous, and its busy timeout sleeps on the event loop. While an
 * import held the write lock, every other write of the process slept there for 5 s (no request,
 * not even /health, was served meanwhile) and then failed "database is locked". Writers of the
 * process now queue here instead (a promise each), so only one at a time ever asks SQLite for the
 * write lock: the others wait their turn asynchronously and then succeed. The busy timeout remains
 * for writers in other processes (the command-line importer). MariaDB needs no gate (null).
 */
export class WriteGate {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves when it is the caller's turn, with the function that ends the turn (idempotent). */
  acquire(): Promise<() => void> {
    let open!: () => void;
    const turn = new Promise<void>((resolve) => (open = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => turn);
    let released = false;
    return previous.then(() => () => {
      if (released) return;
      released = true;
      open();
    });
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }
}

const gates = new WeakMap<DataSource, WriteGate>();

/** The gate of a SQLite database; null on MariaDB/MySQL, which let concurrent writers wait on row locks. */
export function sqliteWriteGate(db: DataSource): WriteGate | null {
  if (db.options.type !== "better-sqlite3") return null;
  let gate = gates.get(db);
  if (!gate) {
    gate = new WriteGate();
    gates.set(db, gate);
  }
  return gate;
}

/** Requests (GraphQL contexts) that hold their database's gate for their whole operation. */
const holders = new WeakSet<object>();

export function markWriteGateHeld(holder: object): void {
  holders.add(holder);
}

export function holdsWriteGate(holder: object): boolean {
  return holders.has(holder);
}
