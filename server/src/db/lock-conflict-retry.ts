/**
 * MariaDB/MySQL give up on a transaction caught in a lock cycle (ER_LOCK_DEADLOCK) or waiting too
 * long (ER_LOCK_WAIT_TIMEOUT). Imports of overlapping new keys meet the first one by design: each
 * locks the gap its keys would go into, then both insert into it, and InnoDB rolls one back.
 */
export function isLockConflict(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === "ER_LOCK_DEADLOCK" || code === "ER_LOCK_WAIT_TIMEOUT";
}

/**
 * Attempts of one import in all; after the last, the lock conflict is the caller's error. On a
 * Galera cluster an import that lost the certification race to one on another node runs again
 * (db/lock-rows.ts); with two replicas each running its queued imports one at a time, an import can
 * lose to each of the other replica's imports started while it ran, so six, not three.
 */
export const LOCK_CONFLICT_ATTEMPTS = 6;

/**
 * Runs an all-or-nothing transaction again after a lock conflict, after a short random pause so
 * that the contenders do not collide again in step. Safe only for work that wrote nothing when it
 * failed (the transaction rolled back) and answers the same when repeated on the same data.
 */
export async function retryOnLockConflict<T>(
  work: () => Promise<T>,
  attempts = LOCK_CONFLICT_ATTEMPTS,
  pause: (attempt: number) => Promise<void> = randomPause,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isLockConflict(error)) throw error;
      await pause(attempt);
    }
  }
}

/** 20–100 ms after the first conflict, 40–200 ms after the second, …: the winner has usually committed by then. */
function randomPause(attempt: number): Promise<void> {
  const ms = attempt * (20 + Math.random() * 80);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
