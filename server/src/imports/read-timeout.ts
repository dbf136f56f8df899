import { UnreadableFileError, type SourceRecord } from "./source-record.js";

/**
 * The records of a file, each within `timeoutMs` of asking for it: a reader that stalls (a damaged
 * archive that passed the checks, a disk that stopped answering) ends the import with an error on
 * the line after the last one read, instead of holding its transaction forever. The time the
 * import itself spends between records does not count.
 */
export async function* withReadTimeout(records: AsyncIterable<SourceRecord>, timeoutMs: number): AsyncGenerator<SourceRecord> {
  const iterator = records[Symbol.asyncIterator]();
  let lastLine = 0;
  let finished = false;
  let stalledOut = false;
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          stalledOut = true;
          reject(
            new UnreadableFileError(
              lastLine + 1,
              `The file could not be read on from this line within ${timeoutMs / 1000} s; it may be damaged. Save it again, or export it again.`,
            ),
          );
        }, timeoutMs);
      });
      let next: IteratorResult<SourceRecord>;
      try {
        next = await Promise.race([iterator.next(), stalled]);
      } finally {
        clearTimeout(timer);
      }
      if (next.done) {
        finished = true;
        return;
      }
      lastLine = next.value.line;
      yield next.value;
    }
  } finally {
    // A reader the import stopped early cleans up (closes its file); a stalled one would never
    // answer return() either: ask it, but do not wait.
    if (!finished && stalledOut) void Promise.resolve(iterator.return?.()).catch(() => undefined);
    else if (!finished) await iterator.return?.();
  }
}
