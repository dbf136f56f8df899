/**
 * The imports this process is running now. Only this process's own state is kept here, never
 * anything another replica would need: /health reads it to tell a long import (SQLite's write lock
 * held on purpose, other writers waiting their turn) from a stuck write path.
 */
const running = new Map<symbol, number>();

/** Runs one import, counted as running until it settles. */
export async function trackImport<T>(work: () => Promise<T>): Promise<T> {
  const id = Symbol("import");
  running.set(id, Date.now());
  try {
    return await work();
  } finally {
    running.delete(id);
  }
}

export interface RunningImports {
  count: number;
  /** Milliseconds since the oldest running import started; 0 when none runs. */
  oldestMs: number;
}

export function runningImports(now = Date.now()): RunningImports {
  let oldest = now;
  for (const startedAt of running.values()) oldest = Math.min(oldest, startedAt);
  return { count: running.size, oldestMs: now - oldest };
}
