import * as http from "node:http";
import * as https from "node:https";

export interface HttpPostOptions {
  headers: Record<string, string>;
  /** false accepts a self-signed certificate (an office server); only for https. */
  rejectUnauthorized: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * One POST with node's own http/https rather than fetch: Node 20's fetch takes no agent, so it cannot
 * accept a self-signed certificate for one server without turning checks off process-wide.
 */
export function httpPost(url: URL, body: string, options: HttpPostOptions): Promise<HttpResponse> {
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": Buffer.byteLength(body).toString() },
        timeout: options.timeoutMs,
        signal: options.signal,
        ...(url.protocol === "https:" ? { rejectUnauthorized: options.rejectUnauthorized } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    request.on("error", reject);
    request.end(body);
  });
}
