import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import * as http from "node:http";
import * as https from "node:https";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { ApiError, contractCode, transportError } from "./api-error.js";

/**
 * One GET of a document's downloadPath, streamed straight into a file: the body never sits in
 * memory whole (a year's letters are hundreds of megabytes). Written to `<target>.part` and renamed
 * once complete, so a cancelled or cut download never leaves a file that looks whole. Errors come
 * back as the server's JSON ({ errors: [{ message, extensions: { code } }] }) and become ApiErrors.
 */
export interface DownloadOptions {
  headers: Record<string, string>;
  rejectUnauthorized: boolean;
  /** Time without any byte before the download is given up. */
  idleTimeoutMs: number;
  signal?: AbortSignal;
  /** Bytes received so far, and the total when the server said it (Content-Length). */
  onProgress?: (received: number, total: number | null) => void;
}

export async function downloadToFile(url: URL, target: string, options: DownloadOptions): Promise<number> {
  const transport = url.protocol === "https:" ? https : http;
  let response: http.IncomingMessage;
  try {
    response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = transport.get(url, {
        headers: options.headers,
        timeout: options.idleTimeoutMs,
        signal: options.signal,
        ...(url.protocol === "https:" ? { rejectUnauthorized: options.rejectUnauthorized } : {}),
      });
      request.on("response", resolve);
      request.on("timeout", () => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
      request.on("error", reject);
    });
  } catch (error) {
    throw transportError(error, url.origin);
  }
  if (response.statusCode !== 200) throw await errorOf(response, url);
  const lengthHeader = Number(response.headers["content-length"]);
  const total = Number.isFinite(lengthHeader) && lengthHeader >= 0 ? lengthHeader : null;
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      options.onProgress?.(received, total);
      callback(null, chunk);
    },
  });
  const partial = `${target}.part`;
  try {
    await pipeline(response, counter, createWriteStream(partial), { signal: options.signal });
    // A server that stops mid-file cuts the connection (no chunked terminator): pipeline fails above.
    if (total !== null && received !== total) throw new ApiError("NETWORK", `The download stopped after ${received} of ${total} bytes.`);
    await rename(partial, target);
    return received;
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof ApiError) throw error;
    throw transportError(error, url.origin);
  }
}

async function errorOf(response: http.IncomingMessage, url: URL): Promise<ApiError> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    // An error body is a short JSON; past 64 KiB it is not one: keep its start, stop reading (a body
    // that never ends would otherwise be read for ever).
    chunks.push(chunk);
    size += chunk.length;
    if (size >= 64 * 1024) {
      response.destroy();
      break;
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    const first = (JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] }).errors?.[0];
    if (first) return new ApiError(contractCode(first.extensions?.code), first.message, text.slice(0, 500));
  } catch {
    // not JSON: fall through
  }
  if (response.statusCode === 401) return new ApiError("UNAUTHENTICATED", "The server refused the token. Run CCHC: Sign In again.");
  return new ApiError("HTTP", `The server at ${url.origin} answered HTTP ${response.statusCode} to a download.`, text.slice(0, 500));
}
