import { request, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setLogLevel } from "../../../server/src/log.js";
import { ADMIN_TOKEN, startTestServer, type TestServer } from "../../support/test-server.js";

/**
 * The body of a request is read only after its token was checked, never beyond the limit, and
 * whatever goes wrong with it answers JSON with a contract code: no HTML, no paths, no body in
 * the log (it may hold applicants' names and ID numbers).
 */
describe("request bodies", () => {
  let server: TestServer;
  const MB = 1024 * 1024;

  beforeAll(async () => {
    // Many failed sign-ins here on purpose: the address limit has its own test (rate-limits.test.ts).
    server = await startTestServer("sqlite", { bodyBytes: 1 * MB, authFailures: 1_000 });
  });
  afterAll(() => server?.close());

  interface Answer {
    status: number;
    headers: IncomingMessage["headers"];
    body: string;
    /** Bytes of the body the client had sent when the answer arrived. */
    sentWhenAnswered: number;
  }

  /**
   * A POST announcing `declaredBytes`, of which only the first 64 KiB are sent; the rest is sent
   * only if no answer arrived within a second. The server must answer without waiting for it.
   */
  function postSlowly(headers: Record<string, string>, declaredBytes: number): Promise<Answer> {
    return new Promise((resolve, reject) => {
      let sent = 0;
      const url = new URL(`${server.url}/graphql`);
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { ...headers, "content-length": String(declaredBytes) } },
        (res) => {
          const sentWhenAnswered = sent;
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk) => (body += chunk));
          res.on("end", () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sentWhenAnswered });
          });
        },
      );
      req.on("error", () => undefined); // the server may close while the rest would still be on its way
      const chunk = Buffer.alloc(64 * 1024, "a");
      req.write(chunk);
      sent += chunk.length;
      setTimeout(() => {
        if (req.destroyed) return;
        reject(new Error("no answer before the rest of the body was sent"));
        req.destroy();
      }, 1_000);
    });
  }

  it("answers an unauthenticated 60 MB POST with 401 JSON before its body is read", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => postSlowly({ "content-type": "application/json" }, 60 * MB)),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.sentWhenAnswered).toBe(64 * 1024);
      expect(answer.headers.connection).toBe("close");
      expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    }
  });

  it("answers a body above the limit with 413 JSON, before reading it", async () => {
    const answer = await postSlowly({ "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` }, 2 * MB);
    expect(answer.status).toBe(413);
    expect(answer.sentWhenAnswered).toBe(64 * 1024);
    const error = JSON.parse(answer.body).errors[0];
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.message).toMatch(/larger than the limit of 1048576 bytes.*CCHC_BODY_LIMIT_MB/);
  });

  it("answers a POST that is not JSON with 415 JSON, before reading it", async () => {
    const answer = await postSlowly({ "content-type": "text/plain", authorization: `Bearer ${ADMIN_TOKEN}` }, 512 * 1024);
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("answers a malformed JSON body with 400 JSON, and neither the answer nor the log holds any of it", async () => {
    const logged: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    setLogLevel("debug");
    try {
      const body = `{"query": "mutation { upsertCase(input: { applicantName: \\"Nguyễn Thị Bích Ngọc\\", idNumber: \\"031204005678\\" }) { id } }", `;
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
        body,
      });
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect(JSON.parse(text).errors[0]).toEqual({ message: "The request body is not valid JSON.", extensions: { code: "BAD_USER_INPUT" } });
      expect(text).not.toMatch(/node_modules|Nguyễn|031204005678|at /);
    } finally {
      process.stderr.write = write;
      setLogLevel("silent");
    }
    const log = logged.join("");
    expect(log).toContain("request refused");
    expect(log).not.toMatch(/Nguyễn|Ngọc|031204005678|node_modules/);
  });

  it("answers a path nothing serves with 404 JSON", async () => {
    const response = await fetch(`${server.url}/graphiql/../../etc/passwd/%E0%A4%A`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const missing = await fetch(`${server.url}/nothing-here`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).errors[0].extensions.code).toBe("NOT_FOUND");
  });
});
