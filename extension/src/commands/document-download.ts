import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiError } from "../api/api-error.js";
import type { ApiDocument } from "../api/api-types.js";
import { DownloadProgress } from "../model/download-progress.js";
import { extractZipToFolder } from "../model/zip-extract.js";
import type { ProgressReporter } from "./progress.js";
import type { Services } from "./services.js";

/**
 * Every document reaches the disk the same way: its downloadPath fetched with the token and
 * streamed into the file (never held in memory), progress in the notification, Cancel aborting
 * the request; a .zip of letters is streamed into a temporary file and unpacked entry by entry.
 */
export async function downloadDocument(
  services: Services,
  doc: ApiDocument,
  target: string,
  signal: AbortSignal,
  progress: ProgressReporter,
): Promise<number> {
  const meter = new DownloadProgress((step) => progress.report(step));
  return services.connection.client().download(doc.downloadPath, target, {
    signal,
    onProgress: (received, total) => meter.update(received, total),
  });
}

/** Downloads a .zip and unpacks it into `folder`; answers the file names written. */
export async function downloadArchiveInto(
  services: Services,
  doc: ApiDocument,
  folder: string,
  signal: AbortSignal,
  progress: ProgressReporter,
): Promise<string[]> {
  const scratch = await mkdtemp(join(tmpdir(), "cchc-download-"));
  try {
    const zipPath = join(scratch, "letters.zip");
    await downloadDocument(services, doc, zipPath, signal, progress);
    progress.report({ message: "unpacking…" });
    const existing = new Set(await readdir(folder).catch(() => [] as string[]));
    return await extractZipToFolder(zipPath, folder, existing, signal);
  } catch (error) {
    // Cancel while unpacking is a cancel, as during the download, not a failure to report.
    if ((error as { name?: string }).name === "AbortError") throw new ApiError("CANCELLED", "Cancelled.", (error as Error).message);
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
